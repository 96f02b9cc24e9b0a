#include "outputs/site_outputs.h"

#include <doctest/doctest.h>

namespace fazhi {
namespace {

TEST_CASE("site_outputs: a page's <main> becomes a page document and one per anchored section") {
  std::string html =
      "<html><body><header><nav>菜单 行政复议</nav></header>"
      "<main id=\"main\"><article><h1>2024年报告</h1><nav class=\"toc\"><h2>目录</h2><a "
      "href=\"#一\">一</a></nav>"
      "<p>导语。</p><h2 id=\"一\">一、成效</h2><p>复议368件。</p><h3 "
      "id=\"四\">（四）化解</h3><p>调解1537宗。</p>"
      "</article></main><footer>主办单位</footer></body></html>";
  auto docs = SearchDocsFromHtml(html, "reports/2024/", "年度报告", "报告章节");
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].url == "reports/2024/");
  CHECK(docs[0].title == "2024年报告");
  CHECK(docs[0].kind == "年度报告");
  CHECK(docs[0].text == "导语。");
  CHECK(docs[1].url == "reports/2024/#一");
  CHECK(docs[1].title == "一、成效");
  CHECK(docs[1].kind == "报告章节");
  CHECK(docs[1].text == "复议368件。");
  CHECK(docs[2].url == "reports/2024/#四");
  CHECK(docs[2].text == "调解1537宗。");
  CHECK(SearchDocsFromHtml("<p>no main</p>", "x/", "页面", "页面").empty());
  // Indicator and profile pages stay whole: their headings (口径, 相关指标) are not topics.
  auto whole = SearchDocsFromHtml(html, "indicators/x/", "指标", "指标", false);
  REQUIRE(whole.size() == 1);
  CHECK(whole[0].title == "2024年报告");
  CHECK(whole[0].text == "导语。 一、成效 复议368件。 （四）化解 调解1537宗。");
}

}  // namespace
}  // namespace fazhi
