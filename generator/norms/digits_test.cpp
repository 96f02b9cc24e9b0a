// DigitScanner passes runs of Chinese characters two at a time where it
// can: a number right after such a run, at every offset, must still be read
// whole and where it is.
#include "norms/digits.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

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

}  // namespace fazhi
