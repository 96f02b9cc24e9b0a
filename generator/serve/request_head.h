// The head of an HTTP/1.x request (request line and header fields), framed
// and checked by the preview server's connection loop before any worker
// sees it: a head must end within a byte and a field-count limit, lines
// must end in CRLF, and Content-Length must be a plain decimal. cpp-httplib
// then parses the same bytes again; this module only decides whether they
// are worth handing to it, and answers what it needs to route the request.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fazhi {

struct HeadLimits {
  size_t max_bytes = 64 * 1024;  ///< request line and fields, with the blank line
  size_t max_fields = 100;
};

struct RequestHead {
  std::string method;
  std::string target;                                       ///< as sent: "/a/b?x=1"
  std::string version;                                      ///< "HTTP/1.1" or "HTTP/1.0"
  std::vector<std::pair<std::string, std::string>> fields;  ///< in order, names as sent
  size_t size = 0;  ///< bytes of the head, the final blank line included

  /// The value of the first field named `name` (case-insensitive), or "".
  std::string_view Field(std::string_view name) const;
  /// How many fields are named `name`.
  size_t Count(std::string_view name) const;
};

enum class HeadStatus {
  kIncomplete,  ///< no blank line yet, and within the limits
  kComplete,    ///< `out` holds the head
  kTooLarge,    ///< beyond max_bytes or max_fields: 431
  kBad,         ///< malformed: 400
  kBadVersion,  ///< not HTTP/1.0 or 1.1: 505
};

/// What ParseRequestHead has read of a growing buffer. Start each head with a
/// fresh one.
struct HeadScan {
  size_t scanned = 0;  ///< bytes already looked at
  size_t lines = 0;    ///< line ends among them
};

/// Looks for a complete head at the start of `buf`. `scan` carries, between
/// calls on a growing buffer, what was already read, so a head that arrives
/// a byte at a time costs linear time in all. Leading empty lines (left over
/// from a previous request) are skipped.
HeadStatus ParseRequestHead(std::string_view buf, const HeadLimits& limits, HeadScan* scan, RequestHead* out);

/// The body length a head announces: 0 for none, -1 for a malformed or
/// conflicting Content-Length, SIZE_MAX for Transfer-Encoding (unknown).
long long AnnouncedBodyLength(const RequestHead& head);

/// True when the Host field names this machine in a way no web page of
/// another site can make a browser send: an IP literal ("127.0.0.1:1313",
/// "[::1]"), "localhost", or `bound_host` (the --host value). A DNS-rebinding
/// page reaches the server under its own domain name and is refused.
bool IsAllowedHost(std::string_view host_field, std::string_view bound_host);

/// The number of ranges in a Range field value ("bytes=0-1,5-" → 2).
size_t CountRanges(std::string_view range_value);

}  // namespace fazhi
