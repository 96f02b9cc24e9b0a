// Test helper: a Server-Sent Events client for fazhi serve's reload stream,
// read on its own thread. Used by serve/server_test.cpp and cli/serve_command_test.cpp.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "serve/server.h"

namespace fazhi {

// A reload stream read on its own thread; events are queued as "name data".
class EventClient {
 public:
  explicit EventClient(int port) : cli_("127.0.0.1", port) {
    cli_.set_read_timeout(10, 0);
    thread_ = std::thread([this] {
      auto res = cli_.Get(std::string(kEventsPath), [this](const char* data, size_t n) {
        std::lock_guard<std::mutex> lock(mu_);
        buf_.append(data, n);
        size_t end;
        while ((end = buf_.find("\n\n")) != std::string::npos) {
          std::string block = buf_.substr(0, end);
          buf_.erase(0, end + 2);
          std::string name, data_field;
          size_t pos = 0;
          while (pos < block.size()) {
            size_t nl = block.find('\n', pos);
            std::string line = block.substr(pos, nl == std::string::npos ? nl : nl - pos);
            if (line.rfind("event: ", 0) == 0) name = line.substr(7);
            if (line.rfind("data: ", 0) == 0) data_field = line.substr(6);
            pos = nl == std::string::npos ? block.size() : nl + 1;
          }
          if (!name.empty()) events_.push_back(name + " " + data_field);
        }
        cv_.notify_all();
        return !quit_;
      });
      std::lock_guard<std::mutex> lock(mu_);
      status_ = res ? res->status : -1;
      ended_ = true;
      cv_.notify_all();
    });
  }
  ~EventClient() {
    quit_ = true;
    cli_.stop();
    thread_.join();
  }
  /// The next event ("hello <gen>", "reload <gen>"), or "" after `limit`.
  std::string Next(std::chrono::milliseconds limit = std::chrono::seconds(5)) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, limit, [&] { return !events_.empty() || ended_; });
    if (events_.empty()) return "";
    std::string e = events_.front();
    events_.pop_front();
    return e;
  }
  int WaitEnded(std::chrono::milliseconds limit) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, limit, [&] { return ended_; });
    return ended_ ? status_ : 0;
  }

 private:
  httplib::Client cli_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::string buf_;
  std::deque<std::string> events_;
  std::atomic<bool> quit_{false};
  bool ended_ = false;
  int status_ = 0;
};

}  // namespace fazhi
