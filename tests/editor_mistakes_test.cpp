// The mistakes a bureau's web editor makes (typing with a Chinese IME,
// pasting from Word, saving from Excel, copying URLs from a browser), each in
// a whole inline site: none may be published silently. Each test asserts the
// exact Chinese message and its position, or, where fazhi reads what was
// meant, the correct output.
#include <doctest/doctest.h>

#include <string>

#include "site_fixture.h"

namespace fazhi::testing {
namespace {

std::string Site(std::string_view extra) { return std::string(kMinimalSite) + std::string(extra); }

// The indicator the CSV tests give figures for.
const std::string kCasesDefinition = R"(-- content/indicators/cases.md --
---
title: 行政复议收案数
date: 2025-03-01
category: oversight
unit: 件
kind: count
---
)";

FixtureOptions DefaultTheme() {
  FixtureOptions o;
  o.default_theme = true;
  return o;
}

std::string Page(std::string_view path, std::string_view body) {
  return "-- " + std::string(path) + " --\n---\ntitle: 页面\ndate: 2025-01-02\n---\n" + std::string(body);
}

// The diagnostics of `errors` (each a "path:…" line and its quoted lines)
// whose first line contains `needle`, in order.
std::string DiagnosticsWith(const std::string& errors, std::string_view needle) {
  std::string out, current;
  auto flush = [&] {
    if (current.substr(0, current.find('\n')).find(needle) != std::string::npos) out += current;
    current.clear();
  };
  size_t start = 0;
  while (start < errors.size()) {
    size_t end = errors.find('\n', start);
    end = end == std::string::npos ? errors.size() : end + 1;
    std::string_view line(errors.data() + start, end - start);
    if (!line.starts_with("  ")) flush();
    current += line;
    start = end;
  }
  flush();
  return out;
}

}  // namespace

TEST_CASE("editor mistakes: a shortcode typed with IME angle brackets is an error, not literal text") {
  FixtureResult r =
      BuildFixture(Site(Page("content/a.md",
                             "办理案件{{〈 value cases 2024 〉}}件。\n\n"
                             "另见｛｛＜ value cases 2024 ＞｝｝和{{ < value cases 2024 > }}。\n")));
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "content/a.md:5:5: "
        "短代码的开头“{{〈”不对：要写成半角的“{{<”，中间没有空格；这样写不会展开，会原样显示在页面上。"
        "请写成 {{< value cases 2024 >}}\n"
        "  办理案件{{〈 value cases 2024 〉}}件。\n"
        "          ^\n"
        "content/a.md:7:3: "
        "短代码的开头“｛｛＜”不对：要写成半角的“{{<”，中间没有空格；这样写不会展开，会原样显示在页面"
        "上。请写成 {{< value cases 2024 >}}\n"
        "  另见｛｛＜ value cases 2024 ＞｝｝和{{ < value cases 2024 > }}。\n"
        "      ^\n"
        "content/a.md:7:28: 短代码的开头“{{ "
        "<”不对：要写成半角的“{{<”，中间没有空格；这样写不会展开，会原样显示在页面"
        "上。请写成 {{< value cases 2024 >}}\n"
        "  另见｛｛＜ value cases 2024 ＞｝｝和{{ < value cases 2024 > }}。\n"
        "                                      ^\n");
}

TEST_CASE("editor mistakes: links and images typed with full-width brackets are errors") {
  FixtureResult r = BuildFixture(Site(Page("content/a.md",
                                           "见[2024年报告]（reports/2024.md）。\n\n"
                                           "见【原文】(http://www.gov.cn/a.html)。\n\n"
                                           "图：！[结构图](chart.png)\n\n"
                                           "括号里的说明（见附件一）和[注]（二〇二四年）都是正文。\n")));
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "content/a.md:5:2: "
        "这里像是一个链接，但“[2024年报告]（reports/2024.md）”用了全角或中文括号（或括号之间有空格），"
        "不会变成链接、会原样显示：请用半角方括号和圆括号，写成 [2024年报告](reports/2024.md)\n"
        "  见[2024年报告]（reports/2024.md）。\n"
        "    ^\n"
        "content/a.md:7:2: "
        "这里像是一个链接，但“【原文】(http://www.gov.cn/a.html)”用了全角或中文括号（或括号之间有空"
        "格），不会变成链接、会原样显示：请用半角方括号和圆括号，写成 [原文](http://www.gov.cn/a.html)\n"
        "  见【原文】(http://www.gov.cn/a.html)。\n"
        "    ^\n"
        "content/a.md:9:3: "
        "图片要以半角感叹号“!”开头，这里是全角的“！”，页面上只会出现一个链接而不是图片：请写成 "
        "![结构图](chart.png)\n"
        "  图：！[结构图](chart.png)\n"
        "      ^\n"
        // With "！" it is a link to a file, not an image.
        "content/a.md:9:10: 找不到文件“chart.png”：按本页 Markdown 文件所在的文件夹算，它应当在 "
        "content/chart.png\n"
        "  图：！[结构图](chart.png)\n"
        "                 ^\n");
}

TEST_CASE("editor mistakes: Word's first-line indent would make a grey code block") {
  FixtureResult r = BuildFixture(Site(Page("content/a.md",
                                           "第一段。\n\n"
                                           "    二是压实法治建设第一责任人职责。\n\n"
                                           "\t三是加强执法监督。\n\n"
                                           "```\n    代码块里的缩进照旧\n```\n\n"
                                           "    int x = 1;  // ASCII code stays code\n")));
  CHECK_FALSE(r.ok);
  const std::string message =
      "这一段以 Tab 或 4 个空格开头（多是 Word "
      "的首行缩进），会显示成灰底的代码块而不是正文：请删去行首的空白，"
      "网页会自动排版；如果确实要显示代码，请用 ``` 把它围起来\n";
  CHECK(r.errors == "content/a.md:7:1: " + message + "      二是压实法治建设第一责任人职责。\n  ^\n" +
                        "content/a.md:9:1: " + message + "  \t三是加强执法监督。\n  ^\n");
  // The fix: the same text without the indent is a paragraph.
}

TEST_CASE("editor mistakes: headings and tables typed with an IME would show as typed") {
  FixtureResult r = BuildFixture(Site(Page("content/a.md",
                                           "##一、主要举措\n\n"
                                           "＃＃　二、存在的不足\n\n"
                                           "｜项目｜数量｜\n"
                                           "｜---｜---｜\n"
                                           "｜行政复议｜368｜\n\n"
                                           "| 项目 | 数量 |\n"
                                           "|——|：——|\n"
                                           "| 行政复议 | —— |\n\n"
                                           "| 项目 | 数量 |\n"
                                           "|---|---|\n"
                                           "| 未统计 | —— |\n\n"
                                           "#法治宣传周#活动和＃3车间都是正文。\n")));
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "content/a.md:5:1: 警告：“##”后面要空一格才是标题，这样写会显示成普通文字：请写成“## 一、主要举措”\n"
        "  ##一、主要举措\n"
        "  ^\n"
        "content/a.md:7:1: 标题的“＃＃”是全角字符，要用半角的“#”，这样写会显示成普通文字：请写成“## "
        "二、存在的不足”\n"
        "  ＃＃　二、存在的不足\n"
        "  ^\n"
        "content/a.md:9:1: "
        "这张表格用了全角竖线“｜”，不会变成表格，会原样显示：请把表格里的“｜”都改为半角的“|”\n"
        "  ｜项目｜数量｜\n"
        "  ^\n"
        "content/a.md:14:1: "
        "表格第二行（分隔行）只能用半角的“|”“-”“:”，这里有破折号或全角字符，表格不会生效、会原样显示："
        "请写成 |--|:--|\n"
        "  |——|：——|\n"
        "  ^\n");
}

TEST_CASE("editor mistakes: a comment never closed hides the rest of the page: an error at its start") {
  FixtureResult r = BuildFixture(Site(Page("content/a.md",
                                           "第一段。<!-- 行内注释 -->\n\n"
                                           "<!-- 已核实 -->\n\n"
                                           "<!-- 待核实：数字要和统计表一致\n"
                                           "第二段。\n\n"
                                           "## 三、下一步\n\n"
                                           "第三段。\n")));
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "content/a.md:9:1: "
        "注释“<!--”没有用“-->”结束：从这里起的 6 行都不会显示在网页上。请在注释该结束的地方加上“-->”\n"
        "  <!-- 待核实：数字要和统计表一致\n"
        "  ^\n");
}

TEST_CASE("editor mistakes: raw HTML left out of the page is a warning at its tag, comments are silent") {
  const std::string body =
      "<table><tr><td>行政复议</td><td>368</td></tr></table>\n\n"
      "第一行<br>第二行，<span>甲</span>。<!-- 备注 -->\n\n"
      "- 列表里<b>加粗</b>\n";
  FixtureResult r = BuildFixture(Site(Page("content/a.md", body)));
  CHECK(r.ok);
  const std::string why =
      "”不会显示在网页上（本站只发布 Markdown；site.toml 没有设 unsafe_html = true）：请改用 Markdown "
      "写法，例如表格用“|”分隔、换行就空一行\n";
  // Once per block: the <span> after the <br> is not said again.
  CHECK(r.errors == "content/a.md:5:1: 警告：这里的 HTML“<table>" + why +
                        "  <table><tr><td>行政复议</td><td>368</td></tr></table>\n"
                        "  ^\n"
                        "content/a.md:7:4: 警告：这里的 HTML“<br>" +
                        why +
                        "  第一行<br>第二行，<span>甲</span>。<!-- 备注 -->\n"
                        "        ^\n"
                        "content/a.md:9:6: 警告：这里的 HTML“<b>" +
                        why +
                        "  - 列表里<b>加粗</b>\n"
                        "          ^\n");
  CHECK(r.File("a/index.html").find("行政复议") == std::string::npos);  // what the warning says

  // A site that lets raw HTML through publishes it without a word.
  std::string site = Site(Page("content/a.md", body));
  site.replace(site.find("as_of"), 0, "unsafe_html = true\n");
  FixtureResult unsafe = BuildFixture(site);
  CHECK(unsafe.ok);
  CHECK(unsafe.errors == "");
  CHECK(unsafe.File("a/index.html").find("<td>行政复议</td>") != std::string::npos);
}

TEST_CASE("editor mistakes: Word's control characters never reach the HTML") {
  FixtureResult r = BuildFixture(Site(Page("content/a.md",
                                           "第一行\v第二行\v第三行\n\n"
                                           "图片位置：\xEF\xBF\xBC。\n\n"
                                           "坏字：\xEF\xBF\xBD。\n")));
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "content/a.md:5:4: 这里有一个 Word 的手动换行符（U+000B，Word 里按 Shift+回车 "
        "产生），网页上显示不出来：请删除"
        "它，需要换行就真正换一行（空一行是分段）\n"
        "  第一行\\x0b第二行\\x0b第三行\n"  // the quoted line names the character
        "        ^\n"
        "content/a.md:7:6: 这里有一个对象占位符（U+FFFC），是从 Word "
        "复制时图片或附件留下的，图片本身没有复制过来：请删除"
        "它，把图片另存为文件放到页面旁边，再用 ![说明](文件名.png) 引用\n"
        "  图片位置：\xEF\xBF\xBC。\n"
        "            ^\n"
        "content/a.md:9:4: 这里有一个“�”（U+FFFD），说明这几个字在转换编码时已经损坏：请对照原文重新输入\n"
        "  坏字：\xEF\xBF\xBD。\n"
        "        ^\n");
}

TEST_CASE("editor mistakes: images and files beside a page are published with it (page bundles)") {
  FixtureOptions opts;
  opts.build.base_url = "https://fz.example.gov.cn/sfj/fzbg/";
  FixtureResult r = BuildFixture(Site(R"(-- content/reports/_index.md --
---
title: 年度报告
---
-- content/reports/2024.md --
---
title: 2024年报告
date: 2025-03-01
year: 2024
---
![结构图](图表.png) [原文](files/原文.pdf) [上级](../about.md) ![标识](/images/logo.png)
-- content/reports/图表.png --
PNG
-- content/reports/files/原文.pdf --
PDF
-- content/reports/unused.png --
not linked, not published
-- content/reports/2023/index.md --
---
title: 2023年报告
date: 2024-03-01
year: 2023
---
![柱状图](bar.png)
-- content/reports/2023/bar.png --
BAR
-- content/about.md --
---
title: 关于
date: 2025-01-02
---
见[2024年报告](/reports/2024/)和[2023年报告](/reports/2023/#一)。
-- static/images/logo.png --
LOGO
)"),
                                 opts);
  REQUIRE_MESSAGE(r.ok, r.errors);
  const std::string& page = r.File("reports/2024/index.html");
  CHECK(Contains(page, "<img src=\"/sfj/fzbg/reports/%E5%9B%BE%E8%A1%A8.png\" alt=\"结构图\" />"));
  CHECK(Contains(page, "<a href=\"/sfj/fzbg/reports/files/%E5%8E%9F%E6%96%87.pdf\">原文</a>"));
  CHECK(Contains(page, "<a href=\"/sfj/fzbg/about/\">上级</a>"));
  CHECK(Contains(page, "<img src=\"/sfj/fzbg/images/logo.png\" alt=\"标识\" />"));
  CHECK(r.File("reports/图表.png") == "PNG\n");
  CHECK(r.File("reports/files/原文.pdf") == "PDF\n");
  CHECK_FALSE(r.Has("reports/unused.png"));
  // content/reports/2023/index.md is the page /reports/2023/, with its files beside it.
  CHECK(Contains(r.File("reports/2023/index.html"), "<img src=\"/sfj/fzbg/reports/2023/bar.png\""));
  CHECK(r.File("reports/2023/bar.png") == "BAR\n");
  CHECK(Contains(r.File("reports/index.html"), "[2023年报告 /sfj/fzbg/reports/2023/ 2024-03-01]"));
  // Root-absolute links copied from a browser get the site's sub-path.
  CHECK(Contains(r.File("about/index.html"), "<a href=\"/sfj/fzbg/reports/2024/\">2024年报告</a>"));
  CHECK(Contains(r.File("about/index.html"), "<a href=\"/sfj/fzbg/reports/2023/#%E4%B8%80\">2023年报告</a>"));
}

TEST_CASE("editor mistakes: a missing image or file, local paths and backslashes are errors at the link") {
  FixtureResult r = BuildFixture(Site(Page("content/news/a.md",
                                           "![图](images/chart.png)\n\n"
                                           "[附件](附件.docx)\n\n"
                                           "![桌面](C:\\Users\\editor\\Desktop\\图.png)\n\n"
                                           "[文件](files\\原文.pdf)\n") +
                                      "-- content/news/files/原文.pdf --\nPDF\n"));
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "content/news/a.md:5:6: 找不到图片“images/chart.png”：按本页 Markdown 文件所在的文件夹算，它应当在 "
        "content/news/images/chart.png\n"
        "  ![图](images/chart.png)\n"
        "        ^\n"
        "content/news/a.md:7:6: 找不到文件“附件.docx”：按本页 Markdown 文件所在的文件夹算，它应当在 "
        "content/news/附件.docx\n"
        "  [附件](附件.docx)\n"
        "         ^\n"
        "content/news/a.md:9:7: "
        "“C:\\Users\\editor\\Desktop\\图.png”是你电脑上的图片路径，网站上显示不出来：请把图片"
        "放到页面的 Markdown 文件旁边，再按文件名引用，例如 ![图表](图表.png)\n"
        "  ![桌面](C:\\Users\\editor\\Desktop\\图.png)\n"
        "          ^\n"
        "content/news/a.md:11:6: "
        "“files\\原文.pdf”里用了反斜杠“\\”：网址和路径都用正斜杠“/”，请写成“files/原文.pdf”\n"
        "  [文件](files\\原文.pdf)\n"
        "         ^\n");
}

TEST_CASE("editor mistakes: a root-absolute link or image to nothing on the site is an error at the link") {
  FixtureResult r = BuildFixture(Site(Page("content/about.md",
                                           "见[报告](/reports/2019/)和![图](/images/none.png)。\n\n"
                                           "见[动态](/news/2024/)。\n") +
                                      R"(-- content/news/2024.md --
---
title: 2024年动态
date: 2025-03-01
---
见[上一年](2023/)。
-- content/news/2023.md --
---
title: 2023年动态
date: 2024-03-01
---
)"));
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "content/about.md:5:7: 链接“/reports/2019/”指向本站的 /reports/2019/，但本站没有这个网址\n"
        "  见[报告](/reports/2019/)和![图](/images/none.png)。\n"
        "           ^\n"
        "content/about.md:5:28: 图片“/images/none.png”指向本站的 /images/none.png，但本站没有这个文件\n"
        "  见[报告](/reports/2019/)和![图](/images/none.png)。\n"
        "                                  ^\n"
        "content/news/2024.md:5:8: 链接“2023/”指向本站的 "
        "/news/2024/2023/，但本站没有这个网址：相对链接按本页的网址 "
        "/news/2024/ 计算；你要的可能是 /news/2023/，请直接写“/news/2023/”\n"
        "  见[上一年](2023/)。\n"
        "             ^\n");
}

TEST_CASE("editor mistakes: a link that already carries the site's sub-path would get it twice") {
  FixtureOptions opts;
  opts.build.base_url = "https://fz.example.gov.cn/sfj/fzbg/";
  std::string site = Site(Page("content/about.md", "见[报告](/sfj/fzbg/about/)。\n"));
  // Only the link's error, not the warning about robots.txt under a sub-path.
  Replace(&site, "as_of = 2025-06-30\n", "as_of = 2025-06-30\n[robots]\nmerged_into_root = true\n");
  FixtureResult r = BuildFixture(site, opts);
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "content/about.md:5:7: “/sfj/fzbg/about/”已经包含网站的子路径 "
        "/sfj/fzbg/：请写成“/about/”，生成网站时会自动加上"
        "子路径\n"
        "  见[报告](/sfj/fzbg/about/)。\n"
        "           ^\n");
}

TEST_CASE("editor mistakes: a value cut short by ' #' is a warning, a real comment is not") {
  FixtureResult r = BuildFixture(Site(R"(-- content/a.md --
---
title: 通知   # 标题（这是注释）
date: 2025-01-02
source: 某区司法局 #2
description: #1号文件
---
正文。
)"));
  REQUIRE_MESSAGE(r.ok, r.errors);
  CHECK(r.errors ==
        "content/a.md:4:15: 警告："
        "“source”的值只读到了“某区司法局”：空格后面的“#2”被当作注释省略了。如果它是值的一部"
        "分，请给整个值加引号：source: \"某区司法局 #2\"\n"
        "  source: 某区司法局 #2\n"
        "                     ^\n"
        "content/a.md:5:14: 警告："
        "“description”的值是空的：“#1号文件”以“#”开头，被当作注释省略了。如果它是值，请加引"
        "号：description: \"#1号文件\"\n"
        "  description: #1号文件\n"
        "               ^\n");
}

TEST_CASE("editor mistakes: tags separated by ，、； are several tags") {
  FixtureResult r = BuildFixture(Site(R"(-- content/a.md --
---
title: 甲
date: 2025-01-02
tags: [年度报告，行政复议、行政诉讼]
categories: 动态； 通知
---
正文。
-- content/b.md --
---
title: 乙
date: 2025-01-01
tags: 行政复议, 调解
---
正文。
)"),
                                 DefaultTheme());
  REQUIRE_MESSAGE(r.ok, r.errors);
  CHECK(r.Has("tags/年度报告/index.html"));
  CHECK(r.Has("tags/行政诉讼/index.html"));
  CHECK(r.Has("tags/调解/index.html"));
  CHECK(r.Has("categories/通知/index.html"));
  CHECK_FALSE(r.Has("tags/年度报告，行政复议、行政诉讼/index.html"));
  const std::string& term = r.File("tags/行政复议/index.html");
  CHECK(Contains(term, "<a class=\"item-title\" href=\"/a/\">甲</a>"));
  CHECK(Contains(term, "<a class=\"item-title\" href=\"/b/\">乙</a>"));
}

TEST_CASE("editor mistakes: a report published before its year ended is an error, never 按时公开") {
  FixtureResult r = BuildFixture(Site(R"(-- content/reports/2025.md --
---
title: 2024年度报告
date: 2025-03-20
year: 2025
published: 2025-03-20
---
)"));
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "content/reports/2025.md:5:12: 原文公开日期 2025-03-20 在报告年度 2025 "
        "年结束之前，这不可能：年度报告要在年度"
        "结束后才能写成并公开（一般在次年1月1日至4月1日之间）。请核对 published（原文公开日期）和 "
        "year（报告所属的年度，"
        "不是公开的年份）\n"
        "  published: 2025-03-20\n"
        "             ^\n");
}

TEST_CASE("editor mistakes: a rectification item 已完成 needs its date, or says the source gives none") {
  std::string site = Site(R"(-- content/profiles/2024-a.md --
---
title: 甲局主要负责人2024年度述法
date: 2025-01-20
unit: 甲局
unit_type: 区直部门
post: 甲局主要负责人
year: 2024
form: 专题述法
rectification:
  - problem: 问题一
    status: 已完成
---
## 晒成绩
)");
  FixtureOptions o;
  o.default_theme = true;
  FixtureResult r = BuildFixture(site, o);
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "content/profiles/2024-a.md:11:13: 整改事项标为“已完成”，但没有写完成日期：请按来源填写 completed: "
        "YYYY-MM-DD；"
        "来源没有写明完成日期的，请写 completed: 未注明（页面显示“完成日期原文未注明”），不要自己推测日期\n"
        "      status: 已完成\n"
        "              ^\n");
  Replace(&site, "    status: 已完成\n", "    status: 已完成\n    completed: 未注明\n");
  FixtureResult fixed = BuildFixture(site, o);
  REQUIRE_MESSAGE(fixed.ok, fixed.errors);
  CHECK(Contains(fixed.File("profiles/2024-a/index.html"), "已完成</span><br>完成日期原文未注明"));
}

TEST_CASE("editor mistakes: menu URLs are checked against the site's pages") {
  FixtureOptions opts;
  opts.build.base_url = "https://fz.example.gov.cn/sfj/fzbg/";
  std::string site = Site(Page("content/about.md", "正文。\n"));
  Replace(&site, "as_of = 2025-06-30\n",
          "as_of = 2025-06-30\n"
          "[[menu]]\nname = \"关于本站\"\nurl = \"/about/\"\n"
          "[[menu]]\nname = \"年度报告\"\nurl = \"/report/\"\n"
          "[[menu]]\nname = \"本站介绍\"\nurl = \"/sfj/fzbg/about/\"\n"
          "[[menu]]\nname = \"关于\"\nurl = \"about/\"\n"
          "[[menu]]\nname = \"门户\"\nurl = \"https://www.gov.cn/\"\n"
          "[robots]\nmerged_into_root = true\n");  // no warning about robots.txt under a sub-path
  FixtureResult r = BuildFixture(site, opts);
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "site.toml:9:7: 菜单“年度报告”的网址“/report/”在本站不存在，点开会是“页面未找到”\n"
        "  url = \"/report/\"\n"
        "        ^\n"
        "site.toml:12:7: 菜单“本站介绍”的网址“/sfj/fzbg/about/”已经包含网站的子路径 "
        "/sfj/fzbg/，生成后会重复：请写成"
        "“/about/”，生成网站时会自动加上子路径\n"
        "  url = \"/sfj/fzbg/about/\"\n"
        "        ^\n"
        "site.toml:15:7: "
        "菜单“关于”的网址“about/”没有以“/”开头，是相对网址，在首页以外的页面上会指向错误的地方：请写成"
        "“/about/”\n"
        "  url = \"about/\"\n"
        "        ^\n");
}

TEST_CASE("editor mistakes: an Excel workbook or a stray CSV in data/ is named with how to make it read") {
  FixtureResult r = BuildFixture(Site(R"(-- content/indicators/cases.md --
---
title: 行政复议收案数
date: 2025-03-01
category: oversight
unit: 件
kind: count
---
-- data/indicators/2024.csv --
指标,年份,数值,单位
cases,2024,368,件
-- data/indicators/2024.xlsx --
PK master copy of 2024.csv: read nothing, say nothing
-- data/2025年指标.XLSX --
PK
-- data/indicators/各单位.et --
WPS
-- data/indicators/说明.txt --
not a workbook
-- data/2025.csv --
指标,年份,数值,单位
-- data/units.csv --
标识,全称,简称
)"),
                                 DefaultTheme());
  REQUIRE_MESSAGE(r.ok, r.errors);
  CHECK(r.errors ==
        "data/2025.csv: 警告：fazhi 只读取 data/indicators/ 文件夹里的 "
        "CSV，这个文件不会被读取，里面的数不会上网站：如果它是指标数值，请把它移到 data/indicators/2025.csv\n"
        "data/2025年指标.XLSX: 警告：这是 Excel/WPS 工作簿，fazhi 不读取它，里面的数不会上网站：请在 Excel "
        "里点“文件 → 另存为”，保存类型选“CSV UTF-8（逗号分隔）(*.csv)”，存为 data/indicators/2025年指标.csv"
        "（每行一个数值，各列见 docs/indicators.md）；工作簿本身可以留作底稿\n"
        "data/indicators/各单位.et: 警告：这是 Excel/WPS 工作簿，fazhi 不读取它，里面的数不会上网站：请在 "
        "Excel 里点“文件 → 另存为”，保存类型选“CSV UTF-8（逗号分隔）(*.csv)”，存为 data/indicators/各单位.csv"
        "（每行一个数值，各列见 docs/indicators.md）；工作簿本身可以留作底稿\n");
  CHECK(Contains(r.File("indicators/cases/index.html"), "368"));
}

TEST_CASE("editor mistakes: one unit under a short name and its full name is a warning at the short one") {
  std::string site = Site(R"(-- content/reports/2023.md --
---
title: 2023年报告
date: 2024-03-01
year: 2023
published: 2024-03-01
---
-- content/reports/2024.md --
---
title: 2024年报告
date: 2025-03-01
year: 2024
published: 2025-03-01
publisher: 滨河区司法局
---
-- content/reports/2024-czj.md --
---
title: 财政局2024年报告
date: 2025-03-02
year: 2024
published: 2025-03-02
publisher: 滨河区财政局
---
-- content/reports/2023-czj.md --
---
title: 财政局2023年报告
date: 2024-03-02
year: 2023
published: 2024-03-02
source: 临江市滨河区财政局
---
-- content/reports/2024-qsfj.md --
---
title: 区司法局2024年报告
date: 2025-03-03
year: 2024
published: 2025-03-03
publisher: 区司法局
---
)");
  Replace(&site, "sponsor = \"某区司法局\"", "sponsor = \"临江市滨河区司法局\"");
  FixtureResult r = BuildFixture(site);
  REQUIRE_MESSAGE(r.ok, r.errors);
  // The reports also lack their five required items: keep the unit warnings.
  CHECK(DiagnosticsWith(r.errors, "单位名称“") ==
        "content/reports/2024.md:6:12: 警告："
        "单位名称“滨河区司法局”像是本站主办单位“临江市滨河区司法局”（site.toml 的 sponsor）的简称："
        "同一个单位写成两个名称，网站上会分成两个单位，各年的报告也连不成一个系列。请统一写成"
        "“临江市滨河区司法局”；如果确实是另一个单位，可以不理会这条提醒\n"
        "  publisher: 滨河区司法局\n"
        "             ^\n"
        "content/reports/2024-czj.md:6:12: 警告："
        "单位名称“滨河区财政局”像是“临江市滨河区财政局”（content/reports/2023-czj.md 用的名称）的简称："
        "同一个单位写成两个名称，网站上会分成两个单位，各年的报告也连不成一个系列。请统一写成"
        "“临江市滨河区财政局”；如果确实是另一个单位，可以不理会这条提醒\n"
        "  publisher: 滨河区财政局\n"
        "             ^\n");
  // "区司法局" is not 临江市滨河区司法局 without a whole place name (区 alone);
  // the 2023 report takes the sponsor's name by default and is not named.
}

TEST_CASE(
    "editor mistakes: full-width digits, ％ and 2024年度 in a CSV are read, an unquoted 1,420 is an error at "
    "it") {
  const std::string defs = kCasesDefinition + R"(-- content/indicators/rate.md --
---
title: 行政复议办结率
date: 2025-03-01
category: oversight
unit: "%"
kind: rate
---
)";
  FixtureResult r = BuildFixture(Site(defs + "-- data/indicators/2024.csv --\n"
                                             "指标,年份,数值,单位\n"
                                             "cases,２０２４,３６８\u3000,件\n"
                                             "cases,2023年度,\"1,420\",件\n"
                                             "rate,2024年,８０．１６％,%\n"),
                                 DefaultTheme());
  REQUIRE_MESSAGE(r.ok, r.errors);
  const std::string& csv = r.File("data/indicators.csv");
  CHECK(Contains(csv, "cases,行政复议收案数,oversight,count,2024,年度,,,368,件,,368件,"));
  CHECK(Contains(csv, "cases,行政复议收案数,oversight,count,2023,年度,,,1420,件,"));
  CHECK(Contains(csv, "rate,行政复议办结率,oversight,rate,2024,年度,,,80.16,%,,80.16%,"));

  FixtureResult bad = BuildFixture(Site(defs + "-- data/indicators/2024.csv --\n"
                                               "指标,年份,数值,单位\n"
                                               "cases,2023,1,420,件\n"),
                                   DefaultTheme());
  CHECK_FALSE(bad.ok);
  CHECK(bad.errors ==
        "data/indicators/2024.csv:2:12: "
        "数值“1,420”里的千位分隔符“,”把它分成了两格，这一行就多出了一格：请去掉逗号写成 "
        "1420，或给它加上引号写成 "
        "\"1,420\"\n"
        "  cases,2023,1,420,件\n"
        "             ^\n");
}

TEST_CASE(
    "editor mistakes: a value cell with its qualifier, unit or 万 copied from the prose says where each "
    "goes") {
  const std::string defs = kCasesDefinition;
  FixtureResult r = BuildFixture(Site(defs + "-- data/indicators/2024.csv --\n"
                                             "指标,年份,数值,单位,限定\n"
                                             "cases,2019,368件以上,件,\n"
                                             "cases,2020,约３６８,件,\n"
                                             "cases,2021,36.8%,件,\n"
                                             "cases,2022,1.2万,件,\n"
                                             "cases,2023,0.05万余,件,\n"
                                             "cases,2024,若干,件,\n"),
                                 DefaultTheme());
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "data/indicators/2024.csv:2:12: "
        "数值“368件以上”带了限定词“以上”：数值列只写数字 368，“以上”写在“限定”列（单位写在“单位”列）\n"
        "  cases,2019,368件以上,件,\n"
        "             ^\n"
        "data/indicators/2024.csv:3:12: "
        "数值“约３６８”带了限定词“约”：数值列只写数字 368，“约”写在“限定”列（单位写在“单位”列）\n"
        "  cases,2020,约３６８,件,\n"
        "             ^\n"
        "data/indicators/2024.csv:4:12: "
        "数值“36.8%”带了单位“%”：数值列只写数字 36.8，单位写在“单位”列（这个指标的单位是“件”）\n"
        "  cases,2021,36.8%,件,\n"
        "             ^\n"
        "data/indicators/2024.csv:5:12: "
        "数值“1.2万”里的“万”要换算成数字：数值列请写 12000（限定词写在“限定”列，单位写在“单位”列）\n"
        "  cases,2022,1.2万,件,\n"
        "             ^\n"
        "data/indicators/2024.csv:6:12: "
        "数值“0.05万余”里的“万”要换算成数字：数值列请写 500（限定词写在“限定”列，单位写在“单位”列）\n"
        "  cases,2023,0.05万余,件,\n"
        "             ^\n"
        "data/indicators/2024.csv:7:12: 数值“若干”不是数字\n"
        "  cases,2024,若干,件,\n"
        "             ^\n");
}

TEST_CASE(
    "editor mistakes: an empty link, a link to a file on the editor's computer, and one to an unpublished "
    "section") {
  FixtureResult r = BuildFixture(Site(Page("content/a.md",
                                           "见[原文]()。\n\n见[原文](C:\\Users\\张三\\原文.pdf)。\n\n"
                                           "见[原文](file:///D:/原文.pdf)。\n")));
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "content/a.md:5:7: 链接的目标是空的：请在括号里写上页面或文件，例如 [文字](../reports/2024.md)\n"
        "  见[原文]()。\n"
        "           ^\n"
        "content/a.md:7:7: “C:\\Users\\张三\\原文.pdf”是你电脑上的文件路径，网站上打不开：请把文件放到页面的 "
        "Markdown 文件旁边，再按文件名链接，例如 [原文](原文.pdf)\n"
        "  见[原文](C:\\Users\\张三\\原文.pdf)。\n"
        "           ^\n"
        "content/a.md:9:7: “file:///D:/原文.pdf”是你电脑上的文件路径，网站上打不开：请把文件放到页面的 "
        "Markdown 文件旁边，再按文件名链接，例如 [原文](原文.pdf)\n"
        "  见[原文](file:///D:/原文.pdf)。\n"
        "           ^\n");
  // Links to site URLs are checked against the rendered site, so once nothing else fails.
  FixtureResult u =
      BuildFixture(Site(Page("content/a.md", "见[通知](/notices/)。\n") +
                        "-- content/notices/_index.md --\n---\ntitle: 通知公告\n---\n" +
                        "-- content/notices/b.md --\n---\ntitle: 乙\ndate: 2025-01-01\ndraft: true\n---\n"));
  CHECK_FALSE(u.ok);
  CHECK(DiagnosticsWith(u.errors, "content/a.md") ==
        "content/a.md:5:7: 链接“/notices/”指向栏目“通知公告”（/notices/），但这个栏目还没有发布的页面，"
        "这次不会发布：请等栏目有了页面再链接\n"
        "  见[通知](/notices/)。\n"
        "           ^\n");
}

TEST_CASE(
    "editor mistakes: a shortcode left open, an empty one, an unknown one, Word's page break and a control "
    "character") {
  FixtureResult r = BuildFixture(Site(Page("content/a.md",
                                           "甲 {{< value x 2024\n\n乙 {{< >}}\n\n丙 {{< qqqqqqqq >}}\n\n"
                                           "丁\x0c戊\n\n己\x01庚\n")));
  CHECK_FALSE(r.ok);
  // The characters are checked over the whole body first, then the shortcodes.
  CHECK(r.errors ==
        "content/a.md:11:2: 这里有一个 Word 的分页符（U+000C），网页上显示不出来：请删除它\n"
        "  丁\\x0c戊\n"
        "    ^\n"
        "content/a.md:13:2: 这里有一个看不见的控制字符（U+0001），网页上会显示成乱码：请删除它\n"
        "  己\\x01庚\n"
        "    ^\n"
        "content/a.md:5:3: 短代码没有用“>}}”结束：写成 {{< 名称 参数 >}}\n"
        "  甲 {{< value x 2024\n"
        "     ^\n"
        "content/a.md:7:3: 短代码是空的：写成 {{< 名称 参数 >}}\n"
        "  乙 {{< >}}\n"
        "     ^\n"
        "content/a.md:9:3: 没有“qqqqqqqq”这个短代码（可用的短代码：value）\n"
        "  丙 {{< qqqqqqqq >}}\n"
        "     ^\n");
}

TEST_CASE("editor mistakes: a file beside a page that would be published over another output is an error") {
  // A saved copy of the old portal's page (index.html) in a section folder,
  // and a sitemap.xml beside a page: each would overwrite, or be overwritten
  // by, what the site itself writes there.
  FixtureResult r = BuildFixture(Site(Page("content/notices/a.md", "见[原网页](index.html)。\n") +
                                      "-- content/notices/_index.md --\n---\ntitle: 通知公告\n---\n"
                                      "-- content/notices/index.html --\n<html>旧网页</html>\n" +
                                      Page("content/b.md", "见[网站地图](sitemap.xml)。\n") +
                                      "-- content/sitemap.xml --\n<urlset/>\n"));
  CHECK_FALSE(r.ok);
  CHECK(
      r.errors ==
      "content/notices/index.html: 这个文件会发布为 notices/index.html，但网站的另一个输出已经用了这个路径："
      "请给文件换个名字\n"
      "content/sitemap.xml: 这个文件会发布为 "
      "sitemap.xml，但网站的另一个输出已经用了这个路径：请给文件换个名字\n");
}

TEST_CASE("editor mistakes: a CSV separated by tabs, semicolons or ，/； is named with how to save it") {
  const std::string defs = kCasesDefinition;
  auto errors = [&](std::string_view sep) {
    std::string csv = "指标,年份,数值,单位\ncases,2024,368,件\n";
    for (size_t at = csv.find(','); at != std::string::npos; at = csv.find(',', at + sep.size())) {
      csv.replace(at, 1, sep);
    }
    return BuildFixture(Site(defs + "-- data/indicators/2024.csv --\n" + csv), DefaultTheme()).errors;
  };
  const std::string excel =
      "分隔的，fazhi 只读用半角逗号“,”分隔的 CSV：请在 Excel 里点“文件 → 另存为”，保存类型选“CSV "
      "UTF-8（逗号分隔）(*.csv)”\n";
  CHECK(errors("\t") == "data/indicators/2024.csv:1:1: 这个文件的各列是用制表符（Tab）" + excel +
                            "  指标\t年份\t数值\t单位\n  ^\n");
  CHECK(errors(";") ==
        "data/indicators/2024.csv:1:1: 这个文件的各列是用分号“;”" + excel + "  指标;年份;数值;单位\n  ^\n");
  CHECK(errors("，") ==
        "data/indicators/2024.csv:1:1: "
        "这个文件的各列是用中文标点“，”分隔的，fazhi 只认半角逗号“,”：请把列与列之间的“，”都改为“,”\n"
        "  指标，年份，数值，单位\n  ^\n");
  CHECK(errors("；") ==
        "data/indicators/2024.csv:1:1: "
        "这个文件的各列是用中文标点“；”分隔的，fazhi 只认半角逗号“,”：请把列与列之间的“；”都改为“,”\n"
        "  指标；年份；数值；单位\n  ^\n");
}

TEST_CASE(
    "editor mistakes: a CSV saved as UTF-16 is read, a damaged one is named with how to save it again") {
  const std::string defs = kCasesDefinition;
  // Excel's "Unicode" CSV: UTF-16LE with its byte-order mark.
  auto utf16 = [](std::u16string_view text) {
    std::string out = "\xFF\xFE";
    for (char16_t c : text) {
      out += static_cast<char>(c & 0xFF);
      out += static_cast<char>(c >> 8);
    }
    return out;
  };
  const std::u16string csv = u"指标,年份,数值,单位\ncases,2024,368,件\n";
  FixtureResult r =
      BuildFixture(Site(defs + "-- data/indicators/2024.csv --\n" + utf16(csv)), DefaultTheme());
  REQUIRE_MESSAGE(r.ok, r.errors);
  CHECK(Contains(r.File("data/indicators.csv"), "cases,行政复议收案数,oversight,count,2024,"));

  // A lone high surrogate: the file was cut or damaged.
  FixtureResult bad =
      BuildFixture(Site(defs + "-- data/indicators/2024.csv --\n" + utf16(csv) + std::string("\x00\xD8", 2)),
                   DefaultTheme());
  CHECK_FALSE(bad.ok);
  CHECK(bad.errors ==
        "data/indicators/2024.csv:1:1: 无法读取这个 CSV 文件：文件开头标着 UTF-16 编码，后面却有 UTF-16 "
        "里不存在的字节（文件可能不完整或被别的程序改坏了）：请在 Excel 或 WPS 里重新另存为“CSV UTF-8”\n");
}

}  // namespace fazhi::testing
