// DigitScanner passes runs of Chinese characters two at a time where it
// can: a number right after such a run, at every offset, must still be read
// whole and where it is.
#include "norms/digits.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/bytes.h"

namespace fazhi {

TEST_CASE("digits: a number after a run of Chinese characters of any length is found whole") {
  for (size_t k = 0; k < 12; ++k) {
    std::string text;
    for (size_t i = 0; i < k; ++i) text += i % 2 ? "治" : "法";
    const size_t at = text.size();
    text += "13812345678";
    text += k % 3 == 0 ? "。" : "号码";
    CAPTURE(k);
    std::vector<DigitRun> got;
    DigitScanner::Scan(text, DigitSyntax::kMarkup, [&](const std::vector<DigitRun>& runs, bool) {
      got.insert(got.end(), runs.begin(), runs.end());
    });
    REQUIRE(got.size() == 1);
    CHECK(got[0].digits == "13812345678");
    CHECK(got[0].byte == at);
    CHECK(got[0].end == at + 11);
  }
}

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
