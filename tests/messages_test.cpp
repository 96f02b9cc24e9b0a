// Messages as an editor and a CI log see them (issue 18, failure 9): every
// error that has a position carries path:line:col; text from the site can
// neither split a message over lines nor send escape sequences to the
// terminal.
#include <doctest/doctest.h>

#include <string>

#include "core/diagnostics.h"
#include "site_fixture.h"

namespace fazhi::testing {
namespace {

std::string Site(std::string_view extra) { return std::string(kMinimalSite) + std::string(extra); }

const char* const kHome = R"(-- content/_index.md --
---
title: 首页
---
)";

}  // namespace

TEST_CASE("messages: a missing theme is reported at the theme key of site.toml") {
  std::string site = Site(kHome);
  Replace(&site, "as_of = 2025-06-30\n", "as_of = 2025-06-30\ntheme = \"gov\"\n");
  FixtureResult r = BuildFixture(site);
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "site.toml:4:9: 找不到主题“gov”（在 themes/gov/ 下）；请检查 site.toml 的 theme\n"
        "  theme = \"gov\"\n"
        "          ^\n");
}

TEST_CASE("messages: a slug with .. or / is an error at the slug, in check as in build") {
  for (const char* slug : {"../../x", "a/b", "..", "a\\\\b"}) {
    CAPTURE(slug);
    FixtureResult r = BuildFixture(Site(std::string(kHome) +
                                        "-- content/a.md --\n---\ntitle: 甲\ndate: 2025-01-01\n"
                                        "slug: \"" +
                                        slug + "\"\n---\n正文\n"));
    CHECK_FALSE(r.ok);
    CHECK(r.errors.rfind("content/a.md:4:7: slug “", 0) == 0);
    CHECK(Contains(r.errors, "” 只能是网址中的一段名称"));
  }
  FixtureResult ok =
      BuildFixture(Site(std::string(kHome) + "-- content/a.md --\n---\ntitle: 甲\ndate: 2025-01-01\n"
                                             "slug: about-us\n---\n正文\n"));
  REQUIRE_MESSAGE(ok.ok, ok.errors);
  CHECK(ok.Has("about-us/index.html"));
}

TEST_CASE("messages: CR-only line ends (old Mac, Excel for Mac) read as line ends") {
  // Issue 18: a CR-only page was misread as one line with no title.
  FixtureResult r =
      BuildFixture(Site(std::string(kHome) +
                        "-- content/a.md --\n---\rtitle: 甲\rdate: 2025-01-01\r---\r正文第一行\r\r第二段\r"));
  REQUIRE_MESSAGE(r.ok, r.errors);
  CHECK(Contains(r.File("a/index.html"), "PAGE 甲 | 2025-01-01"));
  CHECK(Contains(r.File("a/index.html"), "<p>第二段</p>"));
  // Positions in such a file count its CR line ends.
  FixtureResult bad = BuildFixture(Site(
      std::string(kHome) + "-- content/a.md --\n---\rtitle: 甲\rdate: 2025-01-01\rtitel: x\r---\r正文\r"));
  CHECK(bad.errors.rfind("content/a.md:4:1: ", 0) == 0);
}

TEST_CASE("messages: newlines, escape sequences and bidi controls from content are shown escaped") {
  // A YAML key holding ESC [2J (clear screen) and a newline: the message
  // quotes it, and must stay one line with nothing a terminal would obey.
  FixtureResult r =
      BuildFixture(Site(std::string(kHome) + "-- content/a.md --\n---\ntitle: 甲\ndate: 2025-01-01\n"
                                             "\"\\e[2J\\nfake.md:1:1: 伪造\\u202e\": 1\n---\n正文\n"));
  CHECK_FALSE(r.ok);
  CHECK(r.errors.find('\x1b') == std::string::npos);
  CHECK(r.errors.find("\xe2\x80\xae") == std::string::npos);  // U+202E
  CHECK(Contains(r.errors, "\\x1b[2J\\nfake.md:1:1: 伪造\\u202e"));
  // One message, one line (then the quoted source line and the caret).
  size_t lines = 0;
  for (char c : r.errors) lines += c == '\n';
  CHECK(lines == 3);
}

TEST_CASE("messages: FormatDiagnostic escapes path, message and line, and keeps the caret aligned") {
  Diagnostic d;
  d.path = "content/\x1b[31mred.md";
  d.line = 2;
  d.col = 5;
  d.message = Message::Verbatim("bad\nvalue\r\x07 \xff end");
  d.source_line =
      "a\x1b"
      "b\tc";  // the caret goes under 'c', the 5th character
  CHECK(FormatDiagnostic(d) ==
        "content/\\x1b[31mred.md:2:5: bad\\nvalue\\r\\x07 \\xff end\n"
        "  a\\x1bb\tc\n"
        "        \t^\n");
  CHECK(VisibleText("普通文字 plain\ttab") == "普通文字 plain\\ttab");
}

}  // namespace fazhi::testing
