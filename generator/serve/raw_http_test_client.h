// Test helper: an HTTP client on a plain socket, for what httplib::Client
// cannot send (a head dripped a byte at a time, a thousand fields,
// pipelined requests, a bad Content-Length, a foreign Host) and to see
// exactly what came back. Used by serve/server_test.cpp.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

struct RawResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  ///< names lower-cased
  std::string body;
};

class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  }
  ~RawConnection() { ::close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }

  /// Sends all of `data`; false when the server closed the connection.
  bool Send(std::string_view data) {
    while (!data.empty()) {
      ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      data.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }

  /// Reads until `count` responses (Content-Length framed) have arrived, the
  /// server closes, or `limit` passes. HEAD responses are not handled.
  std::vector<RawResponse> Read(size_t count, std::chrono::milliseconds limit = std::chrono::seconds(5)) {
    std::vector<RawResponse> out;
    auto end = std::chrono::steady_clock::now() + limit;
    while (true) {
      while (out.size() < count) {
        RawResponse r;
        size_t used = 0;
        if (!ParseOne(buf_, &r, &used)) break;
        out.push_back(std::move(r));
        buf_.erase(0, used);
      }
      if (out.size() >= count || closed_) return out;
      if (!Fill(end)) return out;
    }
  }

  /// True when the server closes the connection within `limit` (data that
  /// arrives meanwhile is kept for Read).
  bool WaitClosed(std::chrono::milliseconds limit) {
    auto end = std::chrono::steady_clock::now() + limit;
    while (!closed_) {
      if (!Fill(end)) break;
    }
    return closed_;
  }

  const std::string& unread() const { return buf_; }

 private:
  // One more read, waiting until `end`; false on timeout.
  bool Fill(std::chrono::steady_clock::time_point end) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char b[65536];
    ssize_t n = ::recv(fd_, b, sizeof b, 0);
    if (n <= 0) {
      closed_ = true;
      return true;
    }
    buf_.append(b, static_cast<size_t>(n));
    return true;
  }

  static bool ParseOne(const std::string& s, RawResponse* r, size_t* used) {
    size_t head_end = s.find("\r\n\r\n");
    if (head_end == std::string::npos) return false;
    std::string_view head(s.data(), head_end);
    size_t nl = head.find("\r\n");
    std::string_view status_line = head.substr(0, nl);
    if (status_line.size() < 12) return false;
    r->status = std::stoi(std::string(status_line.substr(9, 3)));
    size_t pos = nl == std::string_view::npos ? head.size() : nl + 2;
    while (pos < head.size()) {
      size_t e = head.find("\r\n", pos);
      if (e == std::string_view::npos) e = head.size();
      std::string_view line = head.substr(pos, e - pos);
      size_t colon = line.find(':');
      std::string name(line.substr(0, colon));
      for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      std::string_view value = colon == std::string_view::npos ? "" : line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      r->headers[name] = std::string(value);
      pos = e + 2;
    }
    size_t length = r->headers.count("content-length") ? std::stoul(r->headers["content-length"]) : 0;
    if (s.size() < head_end + 4 + length) return false;
    r->body = s.substr(head_end + 4, length);
    *used = head_end + 4 + length;
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  bool closed_ = false;
  std::string buf_;
};

}  // namespace fazhi
