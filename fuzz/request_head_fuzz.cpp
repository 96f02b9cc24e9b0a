// The preview server's request-head framing (serve/request_head): fed in two
// parts, as a client may send it, with the same outcome as in one.
#include <cstdlib>

#include "fuzz_input.h"
#include "serve/request_head.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace fazhi;
  std::string buf = fuzz::Bytes(data, size);
  HeadLimits limits;
  limits.max_bytes = 4096;
  limits.max_fields = 20;
  RequestHead whole, parts;
  HeadScan s1, s2;
  HeadStatus a = ParseRequestHead(buf, limits, &s1, &whole);
  HeadStatus b = ParseRequestHead(std::string_view(buf).substr(0, size / 2), limits, &s2, &parts);
  if (b == HeadStatus::kIncomplete) b = ParseRequestHead(buf, limits, &s2, &parts);
  // Read in two parts or in one, the outcome is the same.
  if (a != b || (a == HeadStatus::kComplete && whole.size != parts.size)) std::abort();
  if (a == HeadStatus::kComplete) {
    volatile long long n = AnnouncedBodyLength(whole);
    volatile bool ok = IsAllowedHost(whole.Field("Host"), "127.0.0.1");
    volatile size_t r = CountRanges(whole.Field("Range"));
    (void)n, (void)ok, (void)r;
  }
  return 0;
}
