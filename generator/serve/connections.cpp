#include "serve/connections.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>

namespace fazhi {
namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kReadChunk = 16 * 1024;
constexpr size_t kMaxPipelined = 100;  // requests answered per turn of one connection
constexpr auto kLinger = std::chrono::milliseconds(2000);
constexpr size_t kMaxLinger = 1 << 20;

std::string StatusReply(int status, std::string_view reason) {
  std::string body = std::to_string(status) + " " + std::string(reason) + "\n";
  return "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason) +
         "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nConnection: close\r\n\r\n" + body;
}

}  // namespace

Connections::Connections(ConnectionLimits limits, Responder respond)
    : limits_(std::move(limits)), respond_(std::move(respond)) {}

Connections::~Connections() { Stop(); }

void Connections::Start() {
  epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = wake_fd_;
  epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &ev);
  {
    std::lock_guard<std::mutex> lock(mu_);
    started_ = true;
  }
  loop_ = std::thread([this] { Loop(); });
  for (size_t i = 0; i < std::max<size_t>(1, limits_.workers); ++i) {
    workers_.emplace_back([this] { WorkerLoop(); });
  }
}

void Connections::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!started_ || stopping_) {
      stopping_ = true;
      if (!started_) return;
    }
    stopping_ = true;
  }
  Wake();
  work_cv_.notify_all();
  if (loop_.joinable()) loop_.join();
  for (std::thread& t : workers_) {
    if (t.joinable()) t.join();
  }
  workers_.clear();
  std::lock_guard<std::mutex> lock(mu_);
  for (int fd : adopted_) ::close(fd);
  adopted_.clear();
  if (epoll_fd_ >= 0) ::close(epoll_fd_);
  if (wake_fd_ >= 0) ::close(wake_fd_);
  epoll_fd_ = wake_fd_ = -1;
}

void Connections::Adopt(int fd) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!stopping_) {
      adopted_.push_back(fd);
      fd = -1;
    }
  }
  if (fd >= 0) {
    ::close(fd);
    return;
  }
  Wake();
}

void Connections::Broadcast(uint64_t generation, std::string event_block) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    generation_ = generation;
    generation_block_ = event_block;
    to_streams_.emplace_back(generation, std::move(event_block));
  }
  Wake();
}

void Connections::Ping() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    to_streams_.emplace_back(0, ": keepalive\n\n");
  }
  Wake();
}

bool Connections::ReserveEventStream() {
  std::lock_guard<std::mutex> lock(mu_);
  if (stopping_ || event_streams_ >= limits_.max_event_streams) return false;
  ++event_streams_;
  return true;
}

void Connections::ReleaseEventStream() {
  std::lock_guard<std::mutex> lock(mu_);
  --event_streams_;
}

size_t Connections::open_connections() const {
  std::lock_guard<std::mutex> lock(mu_);
  return open_;
}

void Connections::Wake() {
  uint64_t one = 1;
  if (wake_fd_ >= 0) {
    ssize_t n = ::write(wake_fd_, &one, sizeof one);
    (void)n;
  }
}

void Connections::Watch(Conn* c, bool read, bool write) {
  epoll_event ev{};
  ev.events = (read ? EPOLLIN | EPOLLRDHUP : 0u) | (write ? EPOLLOUT : 0u);
  ev.data.fd = c->fd;
  if (epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, c->fd, &ev) != 0 && errno == ENOENT) {
    epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, c->fd, &ev);
  }
}

void Connections::Loop() {
  std::vector<epoll_event> events(128);
  auto next_ping = Clock::now() + limits_.keepalive;
  bool stopping = false;
  while (true) {
    auto now = Clock::now();
    auto next = next_ping;
    for (auto& [fd, c] : conns_) {
      if (c->state != State::kBusy && c->state != State::kEvents) next = std::min(next, c->deadline);
    }
    long wait_ms = std::chrono::duration_cast<std::chrono::milliseconds>(next - now).count() + 1;
    if (stopping) wait_ms = 50;
    int n = epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()),
                       static_cast<int>(std::clamp<long>(wait_ms, 0, 1000)));
    for (int i = 0; i < n; ++i) {
      int fd = events[i].data.fd;
      if (fd == wake_fd_) {
        uint64_t v;
        ssize_t r = ::read(wake_fd_, &v, sizeof v);
        (void)r;
        continue;
      }
      auto it = conns_.find(fd);
      if (it == conns_.end() || it->second->state == State::kBusy) continue;
      Conn* c = it->second.get();
      uint32_t e = events[i].events;
      if (c->state == State::kWriting) {
        // Input waits in the kernel until the response is out (pipelined
        // requests are read after it); a connection that broke is closed.
        if (e & EPOLLOUT) {
          OnWritable(c);
        } else if (e & (EPOLLHUP | EPOLLERR)) {
          Close(c);
        }
        continue;
      }
      if (e & EPOLLOUT) {
        OnWritable(c);
        auto again = conns_.find(fd);
        if (again == conns_.end() || again->second.get() != c) continue;
      }
      if (e & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) OnReadable(c);
    }
    std::deque<int> adopted;
    std::deque<Conn*> done;
    std::vector<std::pair<uint64_t, std::string>> blocks;
    {
      std::lock_guard<std::mutex> lock(mu_);
      adopted.swap(adopted_);
      done.swap(done_);
      blocks.swap(to_streams_);
      stopping = stopping_;
    }
    for (int fd : adopted) Accept(fd);
    for (Conn* c : done) Finished(c);
    if (Clock::now() >= next_ping) {
      blocks.emplace_back(0, ": keepalive\n\n");
      next_ping = Clock::now() + limits_.keepalive;
    }
    if (!blocks.empty()) {
      for (auto& [fd, c] : conns_) {
        if (c->state != State::kEvents) continue;
        for (const auto& [gen, block] : blocks) {
          if (gen != 0 && gen <= c->events_generation) continue;
          AppendChunk(c.get(), block);
          c->events_generation = std::max(c->events_generation, gen);
        }
      }
    }
    if (stopping) {
      // The reload streams get their closing chunk (best effort: one
      // non-blocking send), everything that is not with a worker closes.
      std::vector<Conn*> closing;
      for (auto& [fd, c] : conns_) {
        if (c->state == State::kBusy) continue;
        if (c->state == State::kEvents) {
          c->out.append("0\r\n\r\n");
          ssize_t r = ::send(c->fd, c->out.data() + c->out_sent, c->out.size() - c->out_sent,
                             MSG_NOSIGNAL | MSG_DONTWAIT);
          (void)r;
        }
        closing.push_back(c.get());
      }
      for (Conn* c : closing) Close(c);
      if (conns_.empty()) break;
      continue;
    }
    Expire();
    // Streams whose readers fell too far behind are dropped.
    std::vector<Conn*> behind;
    for (auto& [fd, c] : conns_) {
      if (c->state == State::kEvents && c->out.size() - c->out_sent > limits_.max_pending_output) {
        behind.push_back(c.get());
      }
    }
    for (Conn* c : behind) Close(c);
  }
}

void Connections::Accept(int fd) {
  int flags = fcntl(fd, F_GETFL, 0);
  fcntl(fd, F_SETFL, flags | O_NONBLOCK);
  int yes = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  if (conns_.size() >= limits_.max_connections && !EvictOne()) {
    ::close(fd);
    return;
  }
  auto c = std::make_unique<Conn>();
  c->fd = fd;
  Conn* p = c.get();
  conns_[fd] = std::move(c);
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++open_;
  }
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLRDHUP;
  ev.data.fd = fd;
  epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev);
  StartWaitingForHead(p);
}

// A connection that only waits (for a head, idle, or lingering) makes room;
// the one waiting longest goes, which under a slowloris flood is a slow one.
bool Connections::EvictOne() {
  Conn* oldest = nullptr;
  for (auto& [fd, c] : conns_) {
    if (c->state != State::kHead && c->state != State::kLinger) continue;
    if (!oldest || c->since < oldest->since) oldest = c.get();
  }
  if (!oldest) return false;
  Close(oldest);
  return true;
}

void Connections::StartWaitingForHead(Conn* c) {
  c->state = State::kHead;
  c->since = Clock::now();
  c->deadline = c->since + (c->in.empty() ? limits_.idle_timeout : limits_.head_timeout);
  Watch(c, true, false);
}

void Connections::OnReadable(Conn* c) {
  char buf[kReadChunk];
  size_t taken = 0;
  while (true) {
    ssize_t n = ::recv(c->fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
    if (n <= 0) {  // closed by the client, or an error
      Close(c);
      return;
    }
    taken += static_cast<size_t>(n);
    if (c->state == State::kLinger) {
      c->lingered += static_cast<size_t>(n);
      if (c->lingered > kMaxLinger) {
        Close(c);
        return;
      }
      continue;
    }
    if (c->state != State::kHead) continue;  // a reload stream's input is ignored
    bool was_empty = c->in.empty();
    c->in.append(buf, static_cast<size_t>(n));
    if (was_empty) c->deadline = Clock::now() + limits_.head_timeout;  // the head has begun
    RequestHead head;
    switch (ParseRequestHead(c->in, limits_.head, &c->scan, &head)) {
      case HeadStatus::kIncomplete:
        break;
      case HeadStatus::kComplete:
        Dispatch(c);
        return;
      case HeadStatus::kTooLarge:
        Fail(c, 431, "Request Header Fields Too Large");
        return;
      case HeadStatus::kBad:
        Fail(c, 400, "Bad Request");
        return;
      case HeadStatus::kBadVersion:
        Fail(c, 505, "HTTP Version Not Supported");
        return;
    }
    if (taken >= 4 * kReadChunk) break;  // let the other connections have a turn
  }
}

void Connections::Dispatch(Conn* c) {
  c->state = State::kBusy;
  epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, c->fd, nullptr);
  {
    std::lock_guard<std::mutex> lock(mu_);
    work_.push_back(c);
  }
  work_cv_.notify_one();
}

void Connections::WorkerLoop() {
  while (true) {
    Conn* c = nullptr;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_cv_.wait(lock, [&] { return stopping_ || !work_.empty(); });
      if (work_.empty()) return;
      c = work_.front();
      work_.pop_front();
    }
    Work(c);
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_.push_back(c);
    }
    Wake();
  }
}

// Answers the complete heads at the start of c->in, in order (pipelining),
// until one closes the connection or opens a reload stream, or the output
// waiting for the client is large enough.
void Connections::Work(Conn* c) {
  for (size_t answered = 0; answered < kMaxPipelined; ++answered) {
    RequestHead head;
    HeadScan scan;
    if (ParseRequestHead(c->in, limits_.head, &scan, &head) != HeadStatus::kComplete) break;
    Reply r;
    try {
      r = respond_(head, std::string_view(c->in).substr(0, head.size));
    } catch (const std::exception&) {
      r.bytes = StatusReply(500, "Internal Server Error");
      r.close = true;
    }
    c->in.erase(0, head.size);
    c->out += r.bytes;
    if (r.events) {
      c->events = true;  // the loop thread makes it a stream (it alone writes `state`)
      c->events_generation = r.events_generation;
      break;
    }
    if (r.close) {
      c->close_after = true;
      break;
    }
    if (c->out.size() - c->out_sent >= limits_.max_pending_output) break;
  }
  c->scan = HeadScan{};
}

void Connections::Finished(Conn* c) {
  bool stopping;
  uint64_t generation;
  std::string block;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping = stopping_;
    generation = generation_;
    block = generation_block_;
  }
  if (c->events) c->state = State::kEvents;
  if (stopping) {
    Close(c);
    return;
  }
  if (c->state == State::kEvents) {
    // A rebuild that happened while the stream was being opened.
    if (c->events_generation < generation && !block.empty()) {
      AppendChunk(c, block);
      c->events_generation = generation;
    }
    Watch(c, true, c->out_sent < c->out.size());
    OnWritable(c);
    return;
  }
  c->state = State::kWriting;
  c->deadline = Clock::now() + limits_.write_timeout;
  OnWritable(c);
}

void Connections::AppendChunk(Conn* c, std::string_view data) {
  char size[20];
  std::snprintf(size, sizeof size, "%zx\r\n", data.size());
  c->out.append(size).append(data).append("\r\n");
  Watch(c, true, true);
}

void Connections::OnWritable(Conn* c) {
  while (c->out_sent < c->out.size()) {
    ssize_t n =
        ::send(c->fd, c->out.data() + c->out_sent, c->out.size() - c->out_sent, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      Watch(c, c->state == State::kEvents, true);
      return;
    }
    if (n <= 0) {
      Close(c);
      return;
    }
    c->out_sent += static_cast<size_t>(n);
  }
  c->out.clear();
  c->out_sent = 0;
  if (c->state == State::kEvents) {
    Watch(c, true, false);
    return;
  }
  if (c->state == State::kWriting) AfterWrite(c);
}

void Connections::AfterWrite(Conn* c) {
  if (c->close_after) {
    // Lingering close: the client may still be sending (a body fazhi did
    // not read); closing now would reset the connection and could destroy
    // the reply in flight. Drain for a moment, then close.
    ::shutdown(c->fd, SHUT_WR);
    c->state = State::kLinger;
    c->since = Clock::now();
    c->deadline = c->since + kLinger;
    Watch(c, true, false);
    return;
  }
  RequestHead head;
  switch (ParseRequestHead(c->in, limits_.head, &c->scan, &head)) {
    case HeadStatus::kComplete:
      Dispatch(c);
      return;
    case HeadStatus::kIncomplete:
      StartWaitingForHead(c);
      return;
    case HeadStatus::kTooLarge:
      Fail(c, 431, "Request Header Fields Too Large");
      return;
    case HeadStatus::kBad:
      Fail(c, 400, "Bad Request");
      return;
    case HeadStatus::kBadVersion:
      Fail(c, 505, "HTTP Version Not Supported");
      return;
  }
}

void Connections::Fail(Conn* c, int status, std::string_view reason) {
  c->in.clear();
  c->out += StatusReply(status, reason);
  c->close_after = true;
  c->state = State::kWriting;
  c->deadline = Clock::now() + limits_.write_timeout;
  OnWritable(c);
}

void Connections::Expire() {
  auto now = Clock::now();
  std::vector<Conn*> late;
  for (auto& [fd, c] : conns_) {
    if (c->state == State::kBusy || c->state == State::kEvents) continue;
    if (now >= c->deadline) late.push_back(c.get());
  }
  for (Conn* c : late) {
    if (c->state == State::kHead && !c->in.empty()) {
      Fail(c, 408, "Request Timeout");  // a head begun and not finished in time
    } else {
      Close(c);  // idle keep-alive, a response not taken, or done lingering
    }
  }
}

void Connections::Close(Conn* c) {
  if (c->state == State::kEvents) ReleaseEventStream();
  epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, c->fd, nullptr);
  ::close(c->fd);
  int fd = c->fd;
  conns_.erase(fd);  // destroys c
  std::lock_guard<std::mutex> lock(mu_);
  --open_;
}

}  // namespace fazhi
