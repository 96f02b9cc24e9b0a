// CheckBodyText skips the lines it can tell at a glance hold nothing to
// report, and on the others runs only the checks their bytes call for
// (Needs); each character a check reacts to must still reach it, alone in a
// line of Chinese prose, inside and outside a code block, and next to what
// another check reacts to.
#include "markdown/body_check.h"

#include <doctest/doctest.h>

#include <string>

namespace fazhi {

namespace {

// Errors as "line:col", one per line.
std::string Check(const std::string& body) {
  SourceFile file{"content/a.md", body};
  Diagnostics diags;
  CheckBodyText(file, body, 1, &diags);
  std::string out;
  for (const Diagnostic& d : diags.items())
    out += std::to_string(d.line) + ":" + std::to_string(d.col) + "\n";
  return out;
}

}  // namespace

TEST_CASE("body check: every character a check reacts to is reported in a line of prose") {
  const std::string before = "区司法局持续推进行政复议，";              // 13 characters
  for (const char* mark : {"\x0B", "\x0C", "\x01", "\x7F", "\xC2\x85",  // controls (U+0085: C1)
                           "\xE2\x80\xA8", "\xE2\x80\xA9",              // line and paragraph separators
                           "\xEF\xBF\xBC", "\xEF\xBF\xBD",              // U+FFFC, U+FFFD
                           "\xFF", "\xE4\xB8", "\xC0\xAF",              // invalid, cut short, overlong
                           "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80"}) {
    CAPTURE(std::string(mark));
    CHECK(Check(before + mark + "取得成效。\n") == "1:14\n");
    CHECK(Check("```\n" + before + mark + "\n```\n") == "2:14\n");  // code blocks are checked for these
  }
  // IME look-alikes of Markdown syntax, each starting with a character Quiet looks for.
  CHECK(Check(before + "【规定】（rules.md）。\n") == "1:14\n");
  CHECK(Check(before + "［规定］(rules.md)。\n") == "1:14\n");
  CHECK(Check(before + "[规定]（rules.md）。\n") == "1:14\n");
  CHECK(Check(before + "{{〈 value x 〉}}。\n") == "1:14\n");
  CHECK(Check(before + "｛｛< value x >｝｝。\n") == "1:14\n");
  CHECK(Check(before + "！[图](a.png)\n") == "1:14\n");
  // Full-width punctuation, characters of other planes, tabs, CR, code
  // spans and real links: nothing to report.
  CHECK(Check(before + "（一）“规范”《条例》：第1条；𠮷！\n\t缩进\r\n") == "");
  CHECK(Check("`[规定]（rules.md）` 与 [规定](rules.md)\n") == "");
}

TEST_CASE("body check: a line that one check needs still gets the others it needs") {
  const std::string before = "区司法局持续推进行政复议，";  // 13 characters
  // A real link (Links) and a control character (Characters).
  CHECK(Check(before + "[规定](rules.md)\x0B。\n") == "1:28\n");
  // A shortcode look-alike (Shortcodes) and a link look-alike (Links).
  CHECK(Check("{{〈 x 〉}} 见【规定】（rules.md）\n") == "1:1\n1:12\n");
  // A real link, then a shortcode look-alike typed with full-width braces.
  CHECK(Check("[a](b.md) ｛｛< x >｝｝\n") == "1:11\n");
  // A real link after "！" is an image meant: the only link copied to be looked at.
  CHECK(Check("见[图](a.png)与！[图](b.png)\n") == "1:13\n");
  CHECK(Check("见！[图](a.md)\n") == "");
}

}  // namespace fazhi
