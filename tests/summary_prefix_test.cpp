// MakeSummary collapses only a prefix of the text (for speed); it must give
// what collapsing the whole text gives, also for invalid UTF-8 and for texts
// right at the length limit.
#include <doctest/doctest.h>

#include <string>

#include "core/utf8.h"
#include "markdown/markdown.h"

namespace fazhi {
namespace {

// The whole-text algorithm MakeSummary had before the prefix cut.
std::string WholeTextSummary(std::string_view text, size_t max_chars) {
  std::string collapsed;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !collapsed.empty();
      continue;
    }
    if (space) collapsed += ' ';
    space = false;
    collapsed += c;
  }
  if (Utf8Length(collapsed) <= max_chars) return collapsed;
  return TruncateUtf8(collapsed, max_chars) + "…";
}

}  // namespace

TEST_CASE("markdown: MakeSummary on a prefix equals the whole-text summary") {
  const std::string pieces[] = {"法治", " ",  "\n\n",  "a",  "政府建设", "\t", "\xE6\xB3",  // cut sequence
                                "\xFF", "𠀀", "  x  ", "。", "abcdefgh", "1"};
  unsigned seed = 7;
  int cut = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    int n = static_cast<int>(seed % 900);
    for (int i = 0; i < n; ++i) {
      seed = seed * 1103515245u + 12345u;
      text += pieces[(seed >> 16) % std::size(pieces)];
    }
    // Limits of 1-12 characters end inside runs of every length: the prefix
    // is collapsed a run at a time.
    for (size_t max : {1u, 2u, 3u, 4u, 5u, 6u, 7u, 8u, 9u, 10u, 11u, 12u, 120u, 300u}) {
      std::string got = MakeSummary(text, max);
      CHECK(got == WholeTextSummary(text, max));
      cut += got.size() >= 3 && got.compare(got.size() - 3, 3, "…") == 0;
    }
    seed = seed * 1103515245u + 12345u;
  }
  CHECK(cut > 100);  // the truncating branch was exercised
  CHECK(MakeSummary("一 二\n\n三", 120) == "一 二 三");
  CHECK(MakeSummary(std::string(30, 'a'), 10) == "aaaaaaaaaa…");
}

}  // namespace fazhi
