// MarkdownOptions::valid_utf8 only skips a check: for valid text the HTML is
// the same, and without it invalid bytes still become U+FFFD.
#include <doctest/doctest.h>

#include "markdown/markdown.h"

namespace fazhi {
namespace {

std::string Html(std::string_view md, bool valid_utf8) {
  MarkdownResult r;
  std::vector<MarkdownProblem> problems;
  MarkdownOptions opts;
  opts.valid_utf8 = valid_utf8;
  RenderMarkdown(md, opts, nullptr, &r, &problems);
  return r.html;
}

}  // namespace

TEST_CASE("markdown: valid_utf8 skips cmark's check without changing valid text") {
  const std::string md = "## 一、概况\n\n法治 ~~旧~~ www.gov.cn 𠀀\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n";
  CHECK(Html(md, true) == Html(md, false));
  CHECK(Html("a\xFF"
             "b\n",
             false) ==
        "<p>a\xEF\xBF\xBD"
        "b</p>\n");
}

}  // namespace fazhi
