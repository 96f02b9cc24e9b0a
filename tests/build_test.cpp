// End-to-end: whole sites written inline, built in memory, output asserted.
#include <doctest/doctest.h>

#include <string>

#include "site_fixture.h"

namespace fazhi::testing {
namespace {

std::string Site(std::string_view extra) { return std::string(kMinimalSite) + std::string(extra); }

}  // namespace

TEST_CASE("build: pages, sections, reports and the home page get pretty URLs") {
  FixtureResult r = BuildFixture(Site(R"(-- content/_index.md --
---
title: 首页
---
-- content/about.md --
---
title: 关于
date: 2025-01-02
---
见[报告](reports/2024.md#一主要举措)。
-- content/reports/_index.md --
---
title: 年度报告
---
-- content/reports/2023.md --
---
title: 2023年报告
date: 2024-03-01
year: 2023
---
正文
-- content/reports/2024.md --
---
title: 2024年报告
date: 2025-03-01
year: 2024
---
## 一、主要举措
)"));
  REQUIRE_MESSAGE(r.ok, r.errors);
  CHECK(r.File("about/index.html") ==
        "<html lang=\"zh-CN\"><title>关于 - 测试站</title>\n"
        "PAGE 关于 | 2025-01-02 | 某区司法局 | <p>见<a "
        "href=\"/reports/2024/#%E4%B8%80%E4%B8%BB%E8%A6%81%E4%B8%BE%E6%8E%AA\">报告</a>。</p>\n\n");
  CHECK(
      Contains(r.File("reports/2024/index.html"),
               "REPORT 2024 某区司法局 prev=/reports/2023/ next= | <h2 id=\"一主要举措\">一、主要举措</h2>"));
  CHECK(Contains(r.File("reports/2023/index.html"), "prev= next=/reports/2024/"));
  // Lists are newest first.
  CHECK(Contains(
      r.File("reports/index.html"),
      "LIST 年度报告 [2024年报告 /reports/2024/ 2025-03-01][2023年报告 /reports/2023/ 2024-03-01] page 1/1"));
  CHECK(Contains(r.File("index.html"),
                 "HOME [2024 2024年报告 /reports/2024/][2023 2023年报告 /reports/2023/]"));
  CHECK(r.Has("404.html"));
}

TEST_CASE("build: --base-url with a sub-path prefixes every internal URL") {
  FixtureOptions opts;
  opts.build.base_url = "https://fz.example.gov.cn/sfj";
  FixtureResult r = BuildFixture(Site(R"(-- content/a.md --
---
title: A
date: 2025-01-02
---
[B](b.md)
-- content/b.md --
---
title: B
date: 2025-01-02
---
)"),
                                 opts);
  REQUIRE_MESSAGE(r.ok, r.errors);
  CHECK(Contains(r.File("a/index.html"), "<a href=\"/sfj/b/\">B</a>"));
}

TEST_CASE("build: lists are paginated") {
  std::string site = Site("-- content/n/_index.md --\n---\ntitle: 通知\n---\n");
  for (int i = 1; i <= 12; ++i) {
    site += "-- content/n/p" + std::to_string(i) + ".md --\n---\ntitle: 第" + std::to_string(i) +
            "条\ndate: 2025-01-" + (i < 10 ? "0" : "") + std::to_string(i) + "\n---\n";
  }
  FixtureResult r = BuildFixture(site);
  REQUIRE_MESSAGE(r.ok, r.errors);
  CHECK(Contains(r.File("n/index.html"), "[第12条 /n/p12/ 2025-01-12]"));
  CHECK(Contains(r.File("n/index.html"), "page 1/2"));
  CHECK(r.File("n/page/2/index.html").find("[第2条 /n/p2/ 2025-01-02][第1条 /n/p1/ 2025-01-01] page 2/2") !=
        std::string::npos);
}

TEST_CASE("build: taxonomy term pages paginate like section lists") {
  FixtureOptions opts;
  opts.default_theme = true;
  std::string site =
      "-- site.toml --\ntitle = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = 2025-06-30\npaginate = 2\n";
  for (int i = 1; i <= 5; ++i) {
    site += "-- content/n/p" + std::to_string(i) + ".md --\n---\ntitle: 第" + std::to_string(i) +
            "条\ndate: 2025-01-0" + std::to_string(i) + "\ntags: [复议]\n---\n正文。\n";
  }
  FixtureResult r = BuildFixture(site, opts);
  REQUIRE_MESSAGE(r.ok, r.errors);
  const std::string& p1 = r.File("tags/复议/index.html");
  const std::string& p2 = r.File("tags/复议/page/2/index.html");
  const std::string& p3 = r.File("tags/复议/page/3/index.html");
  CHECK_FALSE(r.Has("tags/复议/page/4/index.html"));
  CHECK_FALSE(r.Has("tags/复议/page/1/index.html"));
  // Newest first, `paginate` items a page; the count is the whole term's.
  CHECK(Contains(p1, "共 5 项内容。"));
  CHECK(Contains(p1, ">第5条</a>"));
  CHECK(Contains(p1, ">第4条</a>"));
  CHECK_FALSE(Contains(p1, ">第3条</a>"));
  CHECK(Contains(p2, ">第3条</a>"));
  CHECK(Contains(p2, ">第2条</a>"));
  CHECK_FALSE(Contains(p2, ">第4条</a>"));
  CHECK(Contains(p3, ">第1条</a>"));
  // prev/next links and the page count, as on section lists.
  CHECK(Contains(p1, "<span>第 1 页，共 3 页</span>"));
  CHECK_FALSE(Contains(p1, "rel=\"prev\""));
  CHECK(Contains(p1, "<a rel=\"next\" href=\"/tags/复议/page/2/\">下一页</a>"));
  CHECK(Contains(p2, "<a rel=\"prev\" href=\"/tags/复议/\">上一页</a>"));
  CHECK(Contains(p2, "<a rel=\"next\" href=\"/tags/复议/page/3/\">下一页</a>"));
  CHECK(Contains(p2, "<span>第 2 页，共 3 页</span>"));
  CHECK(Contains(p3, "<a rel=\"prev\" href=\"/tags/复议/page/2/\">上一页</a>"));
  CHECK_FALSE(Contains(p3, "rel=\"next\""));
  // The index of the taxonomy still lists the term once, with its full count.
  CHECK(Contains(r.File("tags/index.html"), "（5项）"));
  // Every page is in sitemap.xml.
  CHECK(Contains(r.File("sitemap.xml"), "/tags/%E5%A4%8D%E8%AE%AE/page/3/"));
}

TEST_CASE("build: the 网站地图 shows the site's structure with counts, not every page") {
  FixtureOptions opts;
  opts.default_theme = true;
  std::string site =
      "-- site.toml --\ntitle = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = 2025-06-30\npaginate = 2\n"
      "-- content/n/_index.md --\n---\ntitle: 通知公告\n---\n"
      "-- content/reports/2024.md --\n---\ntitle: 2024年度报告\nyear: 2024\ndate: 2025-03-01\n---\n正文。\n"
      "-- content/reports/2023.md --\n---\ntitle: 2023年度报告\nyear: 2023\ndate: 2024-03-01\n---\n正文。\n"
      "-- content/reports/2022.md --\n---\ntitle: 2022年度报告\nyear: 2022\ndate: 2023-03-01\n---\n正文。\n";
  for (int i = 1; i <= 25; ++i) {
    std::string d = (i < 10 ? "0" : "") + std::to_string(i);
    site += "-- content/n/p" + std::to_string(i) + ".md --\n---\ntitle: 第" + std::to_string(i) +
            "条\ndate: 2025-01-" + d + "\ntags: [复议]\n---\n正文。\n";
  }
  FixtureResult r = BuildFixture(site, opts);
  REQUIRE_MESSAGE(r.ok, r.errors);
  const std::string& map = r.File("sitemap/index.html");
  // A long section: its count and its list pages (the first ten and the last), no single pages.
  CHECK(Contains(
      map, "<h2><a href=\"/n/\">通知公告</a></h2>\n      <p class=\"sitemap-note\">共 25 项，分 13 页</p>"));
  CHECK(Contains(map, "<li><a href=\"/n/\">第 1 页</a></li><li><a href=\"/n/page/2/\">第 2 页</a></li>"));
  CHECK(Contains(
      map, "<li><a href=\"/n/page/10/\">第 10 页</a></li><li><a href=\"/n/page/13/\">第 13 页</a></li>"));
  CHECK_FALSE(Contains(map, "/n/page/11/"));
  CHECK_FALSE(Contains(map, "/n/p1/"));
  // Reports: each one, though the section has two list pages.
  CHECK(Contains(map, "<p class=\"sitemap-note\">共 3 项，分 2 页</p>"));
  for (const char* y : {"2024", "2023", "2022"}) {
    CAPTURE(y);
    CHECK(Contains(map, std::string("<a href=\"/reports/") + y + "/\">" + y + "年度报告</a>"));
  }
  // Taxonomy indexes with their numbers of terms, and the archive with its reports.
  CHECK(Contains(map, "<li><a href=\"/tags/\">标签</a> <span class=\"sitemap-count\">（1个）</span></li>"));
  CHECK(Contains(map, "<li><a href=\"/years/\">年度</a> <span class=\"sitemap-count\">（3个）</span></li>"));
  CHECK(Contains(
      map,
      "<li><a href=\"/archive/\">年度报告归档</a> <span class=\"sitemap-count\">（3份报告）</span></li>"));
  // sitemap.xml still lists every page for search engines.
  CHECK(Contains(r.File("sitemap.xml"), "/n/p1/</loc>"));
}

TEST_CASE("build: drafts are left out unless asked for") {
  std::string site = Site("-- content/d.md --\n---\ntitle: 草稿\ndate: 2025-01-02\ndraft: true\n---\n");
  CHECK_FALSE(BuildFixture(site).Has("d/index.html"));
  FixtureOptions opts;
  opts.build.drafts = true;
  CHECK(BuildFixture(site, opts).Has("d/index.html"));
}

TEST_CASE("build: YAML's no, yes and 01234 stay text, source defaults to the sponsor") {
  FixtureResult r = BuildFixture(Site(R"(-- content/no.md --
---
title: no
date: 2025-01-02
tags: [01234, yes]
---
)"));
  REQUIRE_MESSAGE(r.ok, r.errors);
  CHECK(Contains(r.File("no/index.html"), "PAGE no | 2025-01-02 | 某区司法局 |"));
}

TEST_CASE("build: TOML front matter between +++ fences") {
  FixtureResult r = BuildFixture(Site(R"(-- content/t.md --
+++
title = "TOML页"
date = 2025-02-03
source = "区政府办"
+++
正文
)"));
  REQUIRE_MESSAGE(r.ok, r.errors);
  CHECK(Contains(r.File("t/index.html"), "PAGE TOML页 | 2025-02-03 | 区政府办 | <p>正文</p>"));
}

// --- bad input: exact messages and positions --------------------------------

TEST_CASE("errors: malformed YAML front matter") {
  FixtureResult r = BuildFixture(Site(R"(-- content/bad.md --
---
title: 坏的
date: [2025-01-02
---
)"));
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "content/bad.md:3:7: 方括号“[”没有闭合：列表写成 [甲, 乙]，用半角逗号分隔，以“]”结束\n"
        "  date: [2025-01-02\n"
        "        ^\n");
}

TEST_CASE("errors: an unclosed front matter fence") {
  FixtureResult r = BuildFixture(Site("-- content/open.md --\n---\ntitle: x\n"));
  CHECK(r.errors ==
        "content/open.md:1:1: "
        "文件头从第1行的“---”开始，但后面没有结束的“---”行：请在文件头最后一行之后加一行“---”\n"
        "  ---\n"
        "  ^\n");
}

TEST_CASE("errors: duplicate YAML key, pointing at the second one") {
  FixtureResult r = BuildFixture(Site(R"(-- content/dup.md --
---
title: 一
date: 2025-01-02
title: 二
---
)"));
  CHECK(r.errors ==
        "content/dup.md:4:1: 键“title”重复了：第2行已经写过一次，请删去其中一个\n"
        "  title: 二\n"
        "  ^\n");
}

TEST_CASE("errors: unknown and mistyped front matter keys, all in one run") {
  FixtureResult r = BuildFixture(Site(R"(-- content/a.md --
---
titel: 错字
date: 2025-13-01
draft: yes
---
-- content/b.md --
---
title: 乙
---
)"));
  CHECK(r.errors ==
        "content/a.md:2:1: 不认识的文件头键“titel”，是不是要写“title”？\n"
        "  titel: 错字\n"
        "  ^\n"
        "content/a.md:3:7: “date”的日期“2025-13-01”在日历上不存在\n"
        "  date: 2025-13-01\n"
        "        ^\n"
        "content/a.md:4:8: “draft”只能是 true 或 false，这里是“yes”\n"
        "  draft: yes\n"
        "         ^\n"
        "content/a.md:1:1: 缺少必填的文件头键“title”（标题）\n"
        "  ---\n"
        "  ^\n"
        "content/b.md:1:1: 缺少必填的文件头键“date”（发布日期）\n"
        "  ---\n"
        "  ^\n");
}

TEST_CASE("errors: unknown config key with its line and column") {
  FixtureResult r = BuildFixture(R"(-- site.toml --
title = "站"
as_of = 2025-01-01
[footer]
icp_code = "x"
)");
  CHECK(r.errors ==
        "site.toml:4:1: site.toml "
        "里没有“footer.icp_code”这个设置（可用的设置：footer.site_code、footer.icp、footer.psb_code、footer."
        "psb_url、footer.dzjg_url）\n"
        "  icp_code = \"x\"\n"
        "  ^\n");
}

TEST_CASE("errors: missing template") {
  std::string site = Site("");
  site.replace(site.find("-- themes/default/layouts/404.mustache --"), std::string::npos, "");
  FixtureResult r = BuildFixture(site);
  CHECK(r.errors == "themes/default/layouts/404.mustache: 缺少模板：本站需要“404”模板\n");
}

TEST_CASE("errors: template syntax error at the template's line and column") {
  FixtureResult r = BuildFixture(Site(R"(-- layouts/page.mustache --
<main>
  {{#page}}<h1>{{title}}</h1>
</main>
)"));
  CHECK(r.errors ==
        "layouts/page.mustache:2:3: 模板有误：区块“page”没有结束：请在区块末尾加上“{{/page}}”\n"
        "    {{#page}}<h1>{{title}}</h1>\n"
        "    ^\n");
}

TEST_CASE("errors: a section end without its start, and an unclosed tag, in Chinese at the tag") {
  FixtureResult r = BuildFixture(
      Site("-- layouts/page.mustache --\n<main>\n  <h1>{{page.title}}</h1>{{/page}}\n</main>\n"));
  CHECK(
      r.errors ==
      "layouts/page.mustache:2:26: 模板有误：区块结束标签“{{/page}}”前面没有对应的“{{#page}}”或“{{^page}}”\n"
      "    <h1>{{page.title}}</h1>{{/page}}\n"
      "                           ^\n");
  r = BuildFixture(Site("-- layouts/page.mustache --\n<main>\n  <h1>{{page.title</h1>\n</main>\n"));
  CHECK(r.errors ==
        "layouts/page.mustache:2:7: 模板有误：标签没有结束：这里开始的“{{”后面没有配对的“}}”\n"
        "    <h1>{{page.title</h1>\n"
        "        ^\n");
}

TEST_CASE("errors: a section opened in a layout and closed in its partial is named in Chinese") {
  // Each file parses alone; the error appears only once the partial is
  // inlined (its delimiters <% %> stay set for the rest of the layout).
  FixtureResult r =
      BuildFixture(Site("-- layouts/page.mustache --\n{{> tail}}<%/page%>\n"
                        "-- layouts/partials/tail.mustache --\n{{=<% %>=}}\n"));
  CHECK(Contains(
      r.errors, "layouts/page.mustache:1:1: 把局部模板（partial）拼进来后模板有误：区块结束标签“{{/page}}”"));
}

TEST_CASE("errors: a partial that does not exist") {
  FixtureResult r = BuildFixture(Site("-- layouts/page.mustache --\n<p>\n  x {{> sidebar }}\n"));
  CHECK(r.errors ==
        "layouts/page.mustache:2:5: 找不到局部模板“sidebar”\n"
        "    x {{> sidebar }}\n"
        "      ^\n");
}

TEST_CASE("errors: broken internal link, at the link target") {
  FixtureResult r = BuildFixture(Site(R"(-- content/a.md --
---
title: 甲
date: 2025-01-02
---
第一段。

参见[2019年报告](reports/2019.md)。
)"));
  CHECK(r.errors ==
        "content/a.md:7:13: 链接的页面不存在：“reports/2019.md”\n"
        "  参见[2019年报告](reports/2019.md)。\n"
        "                   ^\n");
}

TEST_CASE("errors: invalid UTF-8 is reported at its byte's line and column") {
  FixtureResult r = BuildFixture(Site("-- content/gbk.md --\n---\ntitle: \xD0\xD0\xD5\xFE\n---\n"));
  CHECK(r.errors.substr(0, r.errors.find('\n')) ==
        "content/gbk.md:2:8: 这里的文字不是 UTF-8 编码：请把文件另存为 UTF-8（记事本、WPS "
        "的“另存为”里可选编码）");
}

TEST_CASE("errors: a report needs its year, two reports of one publisher and year clash") {
  FixtureResult r = BuildFixture(Site(R"(-- content/reports/a.md --
---
title: 甲
date: 2025-01-02
---
-- content/reports/b.md --
---
title: 乙
date: 2025-01-02
year: 2024
-- content/reports/c.md --
)"));
  CHECK(Contains(r.errors, "content/reports/a.md:1:1: 缺少必填的文件头键“year”（报告年度）\n"));
  FixtureResult clash = BuildFixture(Site(R"(-- content/reports/a.md --
---
title: 甲
date: 2025-01-02
year: 2024
---
-- content/reports/b.md --
---
title: 乙
date: 2025-01-02
year: 2024
---
)"));
  CHECK(clash.errors ==
        "content/reports/b.md:1:1: 某区司法局的 2024 年度报告已经有了：content/reports/a.md\n");
}

TEST_CASE("errors: a partial that includes itself stops at 16 levels, at the partial") {
  FixtureResult r = BuildFixture(
      Site("-- layouts/page.mustache --\n{{> loop}}\n-- layouts/partials/loop.mustache --\n{{> loop}}\n"));
  CHECK(r.errors ==
        "layouts/partials/loop.mustache:1:1: 局部模板嵌套超过 16 层（是不是某个局部模板引用了它自己？）\n"
        "  {{> loop}}\n"
        "  ^\n");
}

TEST_CASE("errors: a page's layout the theme does not have is an error at its layout line") {
  // It was reported against a file named after the layout ("nosuch: 生成
  // a/index.html 时出错…"), once everything else had passed.
  FixtureResult r =
      BuildFixture(Site("-- content/a.md --\n---\ntitle: 甲\ndate: 2025-01-02\nlayout: repot\n---\n"
                        "-- content/b.md --\n---\ntitle: 乙\ndate: 2025-01-02\nlayout: 专题\n---\n"));
  CHECK(r.errors ==
        "content/a.md:4:9: 主题里没有“repot”模板，是不是要写“report”？\n"
        "  layout: repot\n"
        "          ^\n"
        "content/b.md:4:9: 主题里没有“专题”模板：layout 要写主题 layouts/ 里的一个模板名"
        "（404、home、list、page、report），或者删去这一行\n"
        "  layout: 专题\n"
        "          ^\n");
}

}  // namespace fazhi::testing
