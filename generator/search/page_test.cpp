#include "search/page.h"

#include <doctest/doctest.h>

namespace fazhi {
namespace {

TEST_CASE("search_page: the <main> is cut at anchored headings, menus, TOC and marked chrome are left out") {
  std::string html =
      "<html><body><header><nav>菜单 行政复议</nav></header>"
      "<main id=\"main\"><article><p class=\"kicker\" data-search-ignore>区司法局 · 2024年度</p>"
      "<h1>2024年报告</h1>"
      "<p class=\"item-meta\" data-search-ignore><span>发布日期：2025年1月15日</span></p>"
      "<div data-search-ignore><div>嵌套</div><p>仍在忽略内</p></div>"
      "<nav class=\"toc\"><h2>目录</h2><a href=\"#一\">一</a></nav>"
      "<p>导语。</p><h2 id=\"一\">一、成效</h2><p>复议368件。</p><h3 "
      "id=\"四\">（四）化解</h3><p>调解1537宗。</p>"
      "</article></main><footer>主办单位</footer></body></html>";
  SearchPage page;
  REQUIRE(ExtractSearchPage(html, &page));
  CHECK(page.title == "2024年报告");
  REQUIRE(page.sections.size() == 3);
  CHECK(page.sections[0].id == "");
  CHECK(page.sections[0].text == "导语。\n");
  CHECK(page.sections[1].id == "一");
  CHECK(page.sections[1].heading == "一、成效");
  CHECK(page.sections[1].text == "复议368件。\n");
  CHECK(page.sections[2].id == "四");
  CHECK(page.sections[2].heading == "（四）化解");
  CHECK(page.sections[2].text == "调解1537宗。\n");
  CHECK_FALSE(ExtractSearchPage("<p>no main</p>", &page));
  CHECK_FALSE(ExtractSearchPage("<mainly>x</mainly>", &page));
}

TEST_CASE("search_page: bold lead-ins and unanchored headings title their paragraphs") {
  SearchPage page;
  REQUIRE(ExtractSearchPage(
      "<main><h2 id=\"四\">（四）化解</h2><p><strong>行政复议与应诉。</strong> 落实新修订的行政复议法。</p>"
      "<p>正文中的<strong>强调</strong>不是标题。</p><h4>小标题</h4><p>甲</p><h2>无锚标题</h2><p>乙</p>"
      "<h3><a id=\"a&amp;b\"></a>（五）锚在里面</h3><p>丙</p></main>",
      &page));
  REQUIRE(page.sections.size() == 3);
  CHECK(page.sections[1].leads == "行政复议与应诉。\n小标题\n无锚标题\n");
  CHECK(page.sections[1].text ==
        "行政复议与应诉。 落实新修订的行政复议法。\n正文中的强调不是标题。\n小标题\n甲\n无锚标题\n乙\n");
  CHECK(page.sections[2].id == "a&b");
  CHECK(page.sections[2].heading == "（五）锚在里面");
}

TEST_CASE("search_page: text as a reader sees it") {
  // A soft line break between Chinese characters disappears; other
  // whitespace collapses to one space; table cells are spaced, rows and
  // blocks end lines; entities are decoded; scripts and drawings are skipped.
  CHECK(HtmlToText("<p>区司法局\n推进法治政府建设，\n  and   more</p>") ==
        "区司法局推进法治政府建设， and more\n");
  CHECK(HtmlToText("<table><tr><th>年度</th><td>368件</td></tr><tr><td>2023</td><td>167</td></tr></table>") ==
        "年度 368件\n2023 167\n");
  CHECK(HtmlToText("<p>行政复议<strong>368</strong>件</p><p>A&amp;B&#x4E00;&#20108;&nbsp;x</p>") ==
        "行政复议368件\nA&B一二 x\n");
  CHECK(HtmlToText("<svg><title>图</title><text>99</text></svg><script>var a='<p>';</script>正文") == "正文");
  CHECK(HtmlToText("a<!-- x <p> -->b  \n c<br>d") == "ab c\nd");
  CHECK(HtmlToText("&bogus; &#xZZ; & 1 < 2") == "&bogus; &#xZZ; & 1 < 2");
  CHECK(HtmlToText("<p title=\"a > b\">引号里的尖括号</p>") == "引号里的尖括号\n");
  CHECK(HtmlToText("<p title='a > b' class=\"it's\">单引号，撇号</p>") == "单引号，撇号\n");
  CHECK(HtmlToText("x<p title=\"a > b") == "x<p title=\"a > b");  // never closed: text
}

TEST_CASE("search_page: an image's text alternative is text of the page, a word apart") {
  // As cmark-gfm writes ![alt](src): a chart's alt states its figures.
  CHECK(HtmlToText("<p>收案情况<img src=\"/chart.png\" alt=\"2024年行政复议收案368件柱状图\" />如上。</p>") ==
        "收案情况 2024年行政复议收案368件柱状图 如上。\n");
  // Entities decoded; an empty alt (a decorative image) and none add nothing.
  CHECK(HtmlToText("<p>甲<img src=\"a.png\" alt=\"A&amp;B\">乙<img src=\"b.png\" alt=\"\">丙<img "
                   "src=\"c.png\">丁</p>") == "甲 A&B 乙丙丁\n");
  // Inside chrome the theme marks, left out with it; in a heading, part of it.
  SearchPage page;
  REQUIRE(
      ExtractSearchPage("<main><h1>报告</h1><p data-search-ignore><img alt=\"徽标\" src=\"l.png\"></p>"
                        "<h2 id=\"一\">一、<img alt=\"图示\" src=\"i.png\">成效</h2><p>正文。</p></main>",
                        &page));
  REQUIRE(page.sections.size() == 2);
  CHECK(page.sections[0].text == "");
  CHECK(page.sections[1].heading == "一、 图示 成效");
  CHECK(page.sections[1].text == "正文。\n");
}

TEST_CASE("search_page: a footnote's number and its way back are not text") {
  // As cmark-gfm writes them (Debian 12's version; later ones add attributes
  // after data-footnote-backref). The note's own text is searched.
  SearchPage page;
  REQUIRE(ExtractSearchPage(
      "<main><h1>报告</h1><p>办理复议案件368<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" "
      "data-footnote-ref>1</a></sup>件，调解1537宗<sup class=\"footnote-ref\"><a href=\"#fn-1\" "
      "id=\"fnref-1-2\" "
      "data-footnote-ref>1</a></sup>。</p>\n<section class=\"footnotes\" data-footnotes>\n<ol>\n<li "
      "id=\"fn-1\">\n"
      "<p>来源：2024年度报告 <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref "
      "aria-label=\"返回正文\">↩</a> <a href=\"#fnref-1-2\" class=\"footnote-backref\" data-footnote-backref "
      "aria-label=\"返回正文\">↩<sup class=\"footnote-ref\">2</sup></a></p>\n</li>\n</ol>\n</section></main>",
      &page));
  REQUIRE(page.sections.size() == 1);
  CHECK(page.sections[0].text == "办理复议案件368件，调解1537宗。\n来源：2024年度报告\n");
  // Only those attributes: data-footnotes (the notes' section) and an
  // attribute whose name merely starts the same are kept.
  CHECK(HtmlToText("<p data-footnote-reference=\"x\">甲</p><p data-footnotes>乙</p>") == "甲\n乙\n");
  CHECK(HtmlToText("<p>丙<span data-footnote-ref=\"\">1</span>丁</p>") == "丙丁\n");
}

TEST_CASE("search_page: the numbers the 信息公开 table marks are kept, last, as the page's record") {
  // As the theme's record_meta partial writes the table: left out but for
  // the cells marked data-search-keep, which make a section of their own,
  // after the text, anchored at the table.
  const std::string table =
      "<table class=\"gk-meta\" id=\"gk-meta\" data-search-ignore><caption>信息公开目录</caption><tbody>"
      "<tr><th scope=\"row\" data-search-keep>索引号</th><td "
      "data-search-keep>11440000TEST00000X/2026-00012</td>"
      "<th scope=\"row\">主题分类</th><td>综合政务</td></tr>"
      "<tr><th scope=\"row\">名称</th><td colspan=\"3\">测试区报告</td></tr>"
      "<tr><th scope=\"row\" data-search-keep>文号</th><td data-search-keep>测司〔2026〕3号</td>"
      "<th scope=\"row\">发布日期</th><td><time datetime=\"2026-03-20\">2026年3月20日</time></td></tr>"
      "</tbody></table>";
  SearchPage page;
  REQUIRE(ExtractSearchPage("<main><h1>测试区报告</h1>" + table +
                                "<p>导语。</p><h2 id=\"一\">一、举措</h2><p>办理案件12件。</p></main>",
                            &page));
  REQUIRE(page.sections.size() == 3);
  CHECK(page.sections[0].text == "导语。\n");  // the first sentence is the text's, not an 索引号
  CHECK_FALSE(page.sections[0].record);
  CHECK(page.sections[1].id == "一");
  CHECK(page.sections[1].text == "办理案件12件。\n");
  CHECK(page.sections[2].record);
  CHECK(page.sections[2].id == "gk-meta");
  CHECK(page.sections[2].heading == "");
  CHECK(page.sections[2].text == "索引号 11440000TEST00000X/2026-00012 文号 测司〔2026〕3号\n");

  // Nothing marked: no record. An ignored element without an id: a record
  // anchored at the page. Marked text outside ignored chrome is text as any.
  REQUIRE(ExtractSearchPage("<main><h1>甲</h1><p data-search-ignore>发布日期：2026年</p><p>乙。</p></main>",
                            &page));
  REQUIRE(page.sections.size() == 1);
  CHECK(page.sections[0].text == "乙。\n");
  REQUIRE(
      ExtractSearchPage("<main><p>乙。</p><div data-search-ignore><span>甲</span><b data-search-keep>文号 "
                        "丙〔2025〕1号</b></div></main>",
                        &page));
  REQUIRE(page.sections.size() == 2);
  CHECK(page.sections[1].record);
  CHECK(page.sections[1].id == "");
  CHECK(page.sections[1].text == "文号 丙〔2025〕1号\n");
  CHECK(HtmlToText("<p>乙<span data-search-keep>丁</span></p>") == "乙丁\n");
}

TEST_CASE("search_page: whitespace is found wherever it falls in a long run of text") {
  // The text is scanned eight bytes at a time: a space, NBSP or U+3000 at
  // each offset, after Chinese (three bytes a character) or ASCII text, and
  // attribute values long enough to be scanned the same way.
  for (size_t k = 0; k <= 17; ++k) {
    std::string han, ascii(k, 'a');
    for (size_t i = 0; i < k; ++i) han += "法";
    CAPTURE(k);
    CHECK(HtmlToText("<p>" + han + "\n治理</p>") ==
          han + "治理\n");  // a soft break between Chinese characters
    CHECK(HtmlToText("<p>" + han + " 治理</p>") == (k ? han + " 治理\n" : "治理\n"));
    CHECK(HtmlToText("<p>" + han + "\xC2\xA0治理</p>") == (k ? han + " 治理\n" : "治理\n"));
    CHECK(HtmlToText("<p>" + han + "\xE3\x80\x80治理</p>") == (k ? han + " 治理\n" : "治理\n"));
    CHECK(HtmlToText("<p>" + han + "\xE3\x80\x81治理</p>") == han + "、治理\n");  // E3, not a space
    CHECK(HtmlToText("<p>" + ascii + "\t\tb</p>") == (k ? ascii + " b\n" : "b\n"));
    CHECK(HtmlToText("<p>" + ascii + "\x01b</p>") == ascii + "\x01b\n");  // a control is not a space
    CHECK(HtmlToText("<p title=\"" + ascii + "> " + han + "\" class='" + ascii + ">'>正文</p>") == "正文\n");
    CHECK(HtmlToText("<a href=\"/" + ascii + "\">" + han + "</a>") == han);
  }
}

}  // namespace
}  // namespace fazhi
