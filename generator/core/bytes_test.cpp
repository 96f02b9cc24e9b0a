// TwoThreeByteChars is the fast path of three scanners (the UTF-8 check,
// the digit scanner, the body check): it must say yes to two three-byte
// sequences in range and to nothing else.
#include "core/bytes.h"

#include <doctest/doctest.h>

#include <string>

namespace fazhi {

TEST_CASE("bytes: two three-byte characters are told by their lead and trail bytes") {
  const std::string two = "法治xy";  // E6 B3 95, E6 B2 BB, then two bytes that do not count
  CHECK(bytes::TwoThreeByteChars(two.data(), 0xE4, 0xE9));
  CHECK_FALSE(bytes::TwoThreeByteChars(two.data(), 0xE7, 0xE9));  // leads out of range
  CHECK_FALSE(bytes::TwoThreeByteChars(two.data(), 0xE1, 0xE5));
  for (size_t k : {0u, 3u}) {  // either lead byte out of range
    for (char lead : {'\xE3', '\xEA', 'a', '\x80'}) {
      std::string s = two;
      s[k] = lead;
      CAPTURE(k);
      CHECK_FALSE(bytes::TwoThreeByteChars(s.data(), 0xE4, 0xE9));
    }
  }
  for (size_t k : {1u, 2u, 4u, 5u}) {  // any trail byte not 80-BF
    for (char trail : {'\x7F', '\xC0', '\xE6', 'a'}) {
      std::string s = two;
      s[k] = trail;
      CAPTURE(k);
      CHECK_FALSE(bytes::TwoThreeByteChars(s.data(), 0xE4, 0xE9));
    }
  }
  CHECK(bytes::TwoThreeByteChars("\xE1\x80\x80\xEC\xBF\xBFzz", 0xE1, 0xEC));  // the range's ends
}

}  // namespace fazhi
