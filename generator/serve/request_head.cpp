#include "serve/request_head.h"

#include <arpa/inet.h>

#include <cstdint>

namespace fazhi {
namespace {

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

// RFC 9110 token characters (method names, field names).
bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool IsToken(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsTokenChar(c)) return false;
  }
  return true;
}

std::string_view TrimOws(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Parses one complete head (`text` ends with the blank line's CRLF).
HeadStatus ParseComplete(std::string_view text, RequestHead* out) {
  *out = RequestHead();
  size_t pos = 0;
  bool first = true;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos || nl == pos || text[nl - 1] != '\r') return HeadStatus::kBad;
    std::string_view line = text.substr(pos, nl - 1 - pos);
    pos = nl + 1;
    if (line.empty()) break;  // the blank line
    for (char c : line) {
      unsigned char u = static_cast<unsigned char>(c);
      if ((u < 0x20 && c != '\t') || u == 0x7f) return HeadStatus::kBad;
    }
    if (first) {
      first = false;
      size_t sp1 = line.find(' ');
      size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
      if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos) {
        return HeadStatus::kBad;
      }
      out->method = line.substr(0, sp1);
      out->target = line.substr(sp1 + 1, sp2 - sp1 - 1);
      out->version = line.substr(sp2 + 1);
      if (!IsToken(out->method) || out->target.empty() || out->target.find('\t') != std::string::npos) {
        return HeadStatus::kBad;
      }
      if (out->version.rfind("HTTP/", 0) != 0) return HeadStatus::kBad;
      if (out->version != "HTTP/1.1" && out->version != "HTTP/1.0") return HeadStatus::kBadVersion;
      continue;
    }
    if (line.front() == ' ' || line.front() == '\t') return HeadStatus::kBad;  // obsolete line folding
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || !IsToken(line.substr(0, colon))) return HeadStatus::kBad;
    out->fields.emplace_back(line.substr(0, colon), TrimOws(line.substr(colon + 1)));
  }
  if (first) return HeadStatus::kBad;
  out->size = text.size();
  return HeadStatus::kComplete;
}

}  // namespace

std::string_view RequestHead::Field(std::string_view name) const {
  for (const auto& [k, v] : fields) {
    if (EqualsIgnoreCase(k, name)) return v;
  }
  return {};
}

size_t RequestHead::Count(std::string_view name) const {
  size_t n = 0;
  for (const auto& [k, v] : fields) n += EqualsIgnoreCase(k, name);
  return n;
}

HeadStatus ParseRequestHead(std::string_view buf, const HeadLimits& limits, HeadScan* scan,
                            RequestHead* out) {
  // Empty lines before a request line are skipped (RFC 9112 §2.2).
  size_t start = 0;
  while (start + 1 < buf.size() && buf[start] == '\r' && buf[start + 1] == '\n') start += 2;
  if (scan->scanned < start) *scan = HeadScan{start, 0};
  std::string_view head = buf.substr(start);
  // Only the bytes that arrived since the last call are looked at.
  for (size_t i = scan->scanned; i < buf.size(); ++i) {
    if (buf[i] != '\n') continue;
    if (i == start || buf[i - 1] != '\r') return HeadStatus::kBad;  // a bare LF never ends a head here
    ++scan->lines;
    if (i >= start + 3 && buf[i - 2] == '\n') {
      size_t end = i + 1 - start;
      if (end > limits.max_bytes) return HeadStatus::kTooLarge;
      HeadStatus st = ParseComplete(head.substr(0, end), out);
      if (st != HeadStatus::kComplete) return st;
      if (out->fields.size() > limits.max_fields) return HeadStatus::kTooLarge;
      out->size += start;
      return HeadStatus::kComplete;
    }
    // A flood of short fields is refused before the byte cap.
    if (scan->lines > limits.max_fields + 1) return HeadStatus::kTooLarge;
  }
  scan->scanned = buf.size();
  if (head.size() > limits.max_bytes) return HeadStatus::kTooLarge;
  return HeadStatus::kIncomplete;
}

long long AnnouncedBodyLength(const RequestHead& head) {
  if (head.Count("Transfer-Encoding") > 0) return static_cast<long long>(SIZE_MAX >> 1);
  long long length = 0;
  bool seen = false;
  for (const auto& [k, v] : head.fields) {
    if (!EqualsIgnoreCase(k, "Content-Length")) continue;
    if (v.empty() || v.size() > 15) return -1;
    long long n = 0;
    for (char c : v) {
      if (c < '0' || c > '9') return -1;
      n = n * 10 + (c - '0');
    }
    if (seen && n != length) return -1;
    seen = true;
    length = n;
  }
  return length;
}

bool IsAllowedHost(std::string_view host, std::string_view bound_host) {
  if (host.empty()) return false;
  std::string_view name = host;
  if (name.front() == '[') {  // [v6]:port
    size_t close = name.find(']');
    if (close == std::string_view::npos) return false;
    std::string_view rest = name.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') return false;
    std::string addr(name.substr(1, close - 1));
    in6_addr a6;
    return inet_pton(AF_INET6, addr.c_str(), &a6) == 1;
  }
  size_t colon = name.rfind(':');
  if (colon != std::string_view::npos) {
    std::string_view port = name.substr(colon + 1);
    if (port.empty() || port.size() > 5) return false;
    for (char c : port) {
      if (c < '0' || c > '9') return false;
    }
    name = name.substr(0, colon);
  }
  if (!name.empty() && name.back() == '.') name.remove_suffix(1);  // "localhost."
  if (EqualsIgnoreCase(name, "localhost")) return true;
  if (!bound_host.empty() && EqualsIgnoreCase(name, bound_host)) return true;
  std::string addr(name);
  in_addr a4;
  return inet_pton(AF_INET, addr.c_str(), &a4) == 1;
}

size_t CountRanges(std::string_view v) {
  if (v.empty()) return 0;
  size_t n = 1;
  for (char c : v) n += c == ',';
  return n;
}

}  // namespace fazhi
