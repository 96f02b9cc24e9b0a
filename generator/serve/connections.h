// The preview server's connections, arranged so that slow or hostile clients
// cannot starve the others. One thread (epoll) accepts nothing itself but
// takes every accepted socket and does all waiting: it reads request heads
// (within HeadLimits and a deadline: a client that drips a head a byte at a
// time gets 408 after `head_timeout`, not a thread), writes responses
// without blocking (a client that never reads gets dropped after
// `write_timeout`), keeps the reload streams (Server-Sent Events) open and
// pushes their events. Worker threads only turn a complete head into a
// response in memory, so they are never held by the network. When
// `max_connections` are open, the oldest connection that is only waiting
// (for a head or idle) makes room for a new one.
//
// Pipelined requests are answered in order; a request that announces a body
// is answered (the preview serves GET and HEAD only) and the connection is
// closed after a short lingering drain, so the reply is not lost to a reset.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "serve/request_head.h"

namespace fazhi {

struct ConnectionLimits {
  HeadLimits head;
  std::chrono::milliseconds head_timeout{10000};   ///< first byte of a head → its end
  std::chrono::milliseconds idle_timeout{5000};    ///< keep-alive wait for the next request
  std::chrono::milliseconds write_timeout{30000};  ///< to take a whole response
  size_t max_connections = 512;
  size_t max_event_streams = 256;
  size_t workers = 4;
  std::chrono::milliseconds keepalive{5000};  ///< SSE comment interval on reload streams
  /// Output a connection may have waiting before its pipelined requests wait
  /// (and a reload stream that falls this far behind is closed).
  size_t max_pending_output = 1 << 20;
};

/// What a worker made of one request.
struct Reply {
  std::string bytes;               ///< the whole response
  bool close = false;              ///< close the connection after it
  bool events = false;             ///< `bytes` opened a reload stream; keep it open
  uint64_t events_generation = 0;  ///< the generation its hello announced
};

class Connections {
 public:
  /// Answers one complete request head (`raw` is its bytes). Runs on a
  /// worker thread; must not block on the network.
  using Responder = std::function<Reply(const RequestHead& head, std::string_view raw)>;

  Connections(ConnectionLimits limits, Responder respond);
  ~Connections();
  Connections(const Connections&) = delete;
  Connections& operator=(const Connections&) = delete;

  void Start();
  /// Ends the reload streams (with the closing chunk), closes every
  /// connection and joins the threads. Idempotent.
  void Stop();

  /// Takes an accepted socket (from any thread).
  void Adopt(int fd);

  /// Sends `event_block` (an SSE event, "event: …\ndata: …\n\n") to every
  /// reload stream, and to streams opened later whose hello announced an
  /// older generation than `generation`.
  void Broadcast(uint64_t generation, std::string event_block);
  /// Sends an SSE comment to every reload stream (keepalive).
  void Ping();

  /// Reserves a reload stream; false when `max_event_streams` are open.
  bool ReserveEventStream();
  void ReleaseEventStream();

  size_t open_connections() const;

 private:
  enum class State { kHead, kBusy, kWriting, kEvents, kLinger };
  struct Conn {
    int fd = -1;
    State state = State::kHead;
    std::string in, out;
    size_t out_sent = 0;
    HeadScan scan;
    bool close_after = false;
    bool events = false;  ///< a worker opened a reload stream on it
    uint64_t events_generation = 0;
    std::chrono::steady_clock::time_point deadline;
    std::chrono::steady_clock::time_point since;  ///< when it began waiting (eviction order)
    size_t lingered = 0;
  };

  void Loop();
  void Wake();
  void Accept(int fd);
  void OnReadable(Conn* c);
  void OnWritable(Conn* c);
  void Dispatch(Conn* c);
  void Finished(Conn* c);
  void AfterWrite(Conn* c);
  void StartWaitingForHead(Conn* c);
  void Fail(Conn* c, int status, std::string_view reason);
  void Close(Conn* c);
  void Watch(Conn* c, bool read, bool write);
  void Expire();
  bool EvictOne();
  void AppendChunk(Conn* c, std::string_view data);
  void WorkerLoop();
  void Work(Conn* c);

  ConnectionLimits limits_;
  Responder respond_;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;
  std::thread loop_;
  std::vector<std::thread> workers_;

  // Owned by the loop thread, except a kBusy connection, which its worker
  // owns until it is handed back through done_.
  std::unordered_map<int, std::unique_ptr<Conn>> conns_;

  mutable std::mutex mu_;  ///< guards everything below
  std::condition_variable work_cv_;
  std::deque<int> adopted_;
  std::deque<Conn*> work_, done_;
  /// Blocks for the reload streams: (generation, block); generation 0 (a
  /// keepalive) goes to all, others to streams that have not announced it.
  std::vector<std::pair<uint64_t, std::string>> to_streams_;
  uint64_t generation_ = 0;
  std::string generation_block_;
  size_t event_streams_ = 0;
  size_t open_ = 0;
  bool stopping_ = false;
  bool started_ = false;
};

}  // namespace fazhi
