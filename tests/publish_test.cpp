// End-to-end: the site norms of a government site (issue 6) on small
// inline sites built with the default theme.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "search/index.h"
#include "site_fixture.h"

namespace fazhi::testing {
namespace {

const char* kSite = R"(-- site.toml --
title = "测试区法治政府"
sponsor = "某区司法局"
base_url = "https://sfj.example.gov.cn/fz/"
as_of = 2025-06-30
[robots]
disallow = ["/drafts/"]
merged_into_root = true
-- content/_index.md --
---
title: 首页
---
-- content/reports/_index.md --
---
title: 年度报告
---
-- content/reports/2024.md --
---
title: 2024年法治政府建设年度报告
date: 2025-04-10
year: 2024
published: 2025-04-10
tags: [行政复议]
---
## 一、主要举措和成效
办理行政复议案件368件。
## 二、存在的不足和原因
不足。
## 三、党政主要负责人履行推进法治建设第一责任人职责情况
履职。
## 四、下一年度主要安排
安排。
## 五、其他需要报告的情况
无。
-- content/about.md --
---
title: 关于本站
date: 2025-01-02
tags: [本站]
categories: [说明]
---
人民调解1537宗。
)";

TEST_CASE("publish: search index, feeds, robots, taxonomies, archive and sitemap page") {
  FixtureOptions o;
  o.default_theme = true;
  FixtureResult r = BuildFixture(kSite, o);
  REQUIRE_MESSAGE(r.ok, r.errors);
  // The late report is flagged in the build, for the editor; the public page
  // carries only what the bureau states (its date), no finding.
  CHECK(
      r.errors ==
      "content/reports/2024.md:5:12: 警告：2024年度报告公开于 2025-04-10，晚于期限 2025-04-01（次年4月1日）\n"
      "  published: 2025-04-10\n"
      "             ^\n");
  const std::string& report = r.File("reports/2024/index.html");
  CHECK(Contains(report, "<dt>原文公开日期</dt><dd><time datetime=\"2025-04-10\">2025年4月10日</time></dd>"));
  for (const char* finding : {"逾期", "按时公开</span>", "公开要求核对", "其他需要报告的情况："}) {
    INFO(finding);
    CHECK_FALSE(Contains(report, finding));
    CHECK_FALSE(Contains(r.File("archive/index.html"), finding));
  }
  CHECK(
      Contains(report, "<meta property=\"og:url\" content=\"https://sfj.example.gov.cn/fz/reports/2024/\">"));
  CHECK(Contains(report, "<link rel=\"canonical\" href=\"https://sfj.example.gov.cn/fz/reports/2024/\">"));

  // The search index: the report and the about page (lists, tags and the
  // archive are not indexed), the report's sections with their anchors.
  auto manifest = nlohmann::json::parse(r.File("search/manifest.json"));
  CHECK(manifest["docs"] == 2);
  CHECK(manifest["kinds"][0] == nlohmann::json::parse(R"(["年度报告",1,16])"));  // a short report: 16 a group
  // Each kind's pages in groups of their own: the report in 0-0, the about page (页面) in 4-0.
  auto group = nlohmann::json::parse(r.File("search/p/0-0.json"));
  for (const auto& page : nlohmann::json::parse(r.File("search/p/4-0.json"))) group.push_back(page);
  std::vector<std::string> urls;
  for (const auto& page : group) {
    urls.push_back(page[0]);
    for (const auto& section : page[3]) {
      if (!section[0].get<std::string>().empty())
        urls.push_back(page[0].get<std::string>() + "#" + section[0].get<std::string>());
    }
  }
  CHECK(urls == std::vector<std::string>{
                    "reports/2024/", "reports/2024/#一主要举措和成效", "reports/2024/#二存在的不足和原因",
                    "reports/2024/#三党政主要负责人履行推进法治建设第一责任人职责情况",
                    "reports/2024/#四下一年度主要安排", "reports/2024/#五其他需要报告的情况", "about/"});
  CHECK(Contains(r.File("search/index.html"), "data-index=\"/fz/search/\""));
  CHECK(Contains(r.File("search/index.html"), "<noscript>"));

  CHECK(r.File("robots.txt") ==
        "User-agent: *\nDisallow: /fz/drafts/\n\nSitemap: https://sfj.example.gov.cn/fz/sitemap.xml\n");
  const std::string& sitemap = r.File("sitemap.xml");
  CHECK(Contains(
      sitemap,
      "<url><loc>https://sfj.example.gov.cn/fz/reports/2024/</loc><lastmod>2025-04-10</lastmod></url>"));
  CHECK(Contains(
      sitemap,
      "<url><loc>https://sfj.example.gov.cn/fz/tags/%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE/</loc></url>"));
  CHECK_FALSE(Contains(sitemap, "404.html"));
  const std::string& feed = r.File("feed.xml");
  CHECK(Contains(feed, "<id>tag:sfj.example.gov.cn,2025-04-10:/reports/2024/</id>"));
  CHECK(Contains(feed, "<updated>2025-04-10T00:00:00+08:00</updated>"));

  CHECK(Contains(r.File("tags/行政复议/index.html"), "2024年法治政府建设年度报告"));
  CHECK(Contains(r.File("years/2024/index.html"), "2024年法治政府建设年度报告"));
  CHECK(Contains(r.File("categories/说明/index.html"), "关于本站"));
  CHECK(Contains(r.File("units/某区司法局/index.html"), "2024年法治政府建设年度报告"));
  CHECK(Contains(r.File("archive/index.html"), "<h2 id=\"year-2024\">2024年度</h2>"));
  const std::string& map = r.File("sitemap/index.html");
  for (const char* link :
       {"/fz/about/", "/fz/reports/2024/", "/fz/tags/", "/fz/years/", "/fz/archive/", "/fz/search/"}) {
    CAPTURE(link);
    CHECK(Contains(map, std::string("href=\"") + link + "\""));
  }
  // Every page carries the elderly-mode switch and the footer identifiers.
  for (const char* page : {"index.html", "about/index.html", "search/index.html", "archive/index.html"}) {
    CAPTURE(page);
    CHECK(Contains(r.File(page), "<input type=\"checkbox\" id=\"fz-elder\" class=\"elder-input\">"));
    CHECK(Contains(r.File(page), "公安机关备案号"));
  }
}

TEST_CASE("publish: an on-time report gets the 按时公开 mark") {
  std::string site = kSite;
  site.replace(site.find("published: 2025-04-10"), 21, "published: 2025-03-31");
  FixtureOptions o;
  o.default_theme = true;
  FixtureResult r = BuildFixture(site, o);
  REQUIRE_MESSAGE(r.ok, r.errors);
  CHECK(r.errors == "");
  CHECK(Contains(r.File("reports/2024/index.html"),
                 "<span class=\"mark-ontime\" title=\"在2025年4月1日之前公开\">按时公开</span>"));
  CHECK(Contains(r.File("archive/index.html"), "<span class=\"mark-ontime\">按时公开</span>"));
}

TEST_CASE("publish: [search] enabled = false builds no index and says so on /search/") {
  std::string site = kSite;
  site.replace(site.find("[robots]"), 8, "[search]\nenabled = false\n[robots]");
  FixtureOptions o;
  o.default_theme = true;
  FixtureResult r = BuildFixture(site, o);
  REQUIRE_MESSAGE(r.ok, r.errors);
  CHECK_FALSE(r.Has("search/manifest.json"));
  CHECK(Contains(r.File("search/index.html"), "本站未提供站内搜索"));
  CHECK_FALSE(Contains(r.File("search/index.html"), "search.js"));
}

// A site with its own copy of the theme (`fazhi new site` of earlier
// versions made one) or of search.js keeps it through an upgrade of fazhi:
// the script may then read an older index than fazhi writes.
TEST_CASE(
    "publish: a search script that reads another index format stops the build and names the one to take") {
  const std::string builtin = RepoRoot() + "/themes/default/static/js/search.js";
  FixtureOptions o;
  o.default_theme = true;
  std::string site = kSite;
  site += "-- static/js/search.js --\n(function () {\n  var PAGE = 10;\n})();\n";
  FixtureResult r = BuildFixture(site, o);
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "static/js/search.js:1:1: 这个搜索脚本没有写明它读取哪一版搜索索引，多半是旧版 fazhi "
        "复制到网站里的：本版 fazhi 生成第 5 版索引，用这个脚本发布，站内搜索将无法使用。请用 fazhi 自带的 " +
            builtin +
            " 替换它（改过这个文件的，把改动移到新文件上）；不提供站内搜索的，在 site.toml 的 [search] 里写 "
            "enabled = false\n"
            "  (function () {\n"
            "  ^\n");

  site = kSite;
  site += "-- static/js/search.js --\n(function () {\n  var INDEX_FORMAT = 3;\n})();\n";
  r = BuildFixture(site, o);
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "static/js/search.js:2:22: 这个搜索脚本读取第 3 版搜索索引，本版 fazhi 生成的是第 5 "
        "版：用它发布，站内搜索将无法使用。请用 fazhi 自带的 " +
            builtin +
            " 替换它（改过这个文件的，把改动移到新文件上）\n"
            "    var INDEX_FORMAT = 3;\n"
            "                       ^\n");

  // Without search the script is never loaded.
  Replace(&site, "[robots]", "[search]\nenabled = false\n[robots]");
  r = BuildFixture(site, o);
  CHECK_MESSAGE(r.ok, r.errors);
}

// Servers let browsers keep CSS and JavaScript for a day (deploy/nginx.conf):
// a page must name the bytes it was built with.
TEST_CASE("publish: CSS and JavaScript URLs carry a version of their bytes, the same for the same bytes") {
  FixtureOptions o;
  o.default_theme = true;
  FixtureResult a = BuildFixture(kSite, o);
  REQUIRE_MESSAGE(a.ok, a.errors);
  const std::string& home = a.File("index.html");
  const size_t at = home.find("/fz/css/site.css?v=");
  REQUIRE(at != std::string::npos);
  const std::string v = home.substr(at + 16, 13);  // "?v=" and 10 hex digits
  CHECK(v.find_first_not_of("0123456789abcdef", 3) == std::string::npos);
  CHECK(home.substr(at + 29, 1) == "\"");
  CHECK(Contains(home, "/fz/css/print.css" + v + "\" media=\"print\">"));
  CHECK(Contains(home, "<script src=\"/fz/js/elder.js" + v + "\"></script>"));
  CHECK(Contains(a.File("search/index.html"), "<script src=\"/fz/js/search.js" + v + "\" defer></script>"));

  // The same bytes: the same version.
  CHECK(BuildFixture(kSite, o).File("index.html") == home);
  // The site's own stylesheet changes every page's version, and a file that
  // is neither CSS nor JavaScript changes none.
  std::string site = kSite;
  site += "-- static/css/site.css --\nbody { color: #000; }\n";
  FixtureResult b = BuildFixture(site, o);
  REQUIRE_MESSAGE(b.ok, b.errors);
  CHECK_FALSE(Contains(b.File("index.html"), v));
  CHECK(Contains(b.File("index.html"), "/fz/css/site.css?v="));
  site = kSite;
  site += "-- static/robots-note.txt --\n说明\n";
  CHECK(BuildFixture(site, o).File("index.html") == home);
}

TEST_CASE(
    "publish: [search] every_character = true indexes each character, so that 法 alone finds 依法行政") {
  FixtureOptions o;
  o.default_theme = true;
  std::string site =
      std::string(kSite) + "-- content/a.md --\n---\ntitle: 甲页\ndate: 2025-01-02\n---\n推进依法行政。\n";
  auto unigram_of_fa = [](const FixtureResult& r) {
    // 法 stands alone nowhere in the site: only every character's unigram holds it.
    auto manifest = nlohmann::json::parse(r.File("search/manifest.json"));
    const size_t buckets = manifest["buckets"];
    const std::string bucket =
        r.File("search/t/" + std::to_string(SearchTermHash("法") & (buckets - 1)) + ".bin");
    return std::make_pair(manifest["unigrams"].get<bool>(), Contains(bucket, "\x03法"));
  };
  FixtureResult plain = BuildFixture(site, o);
  REQUIRE_MESSAGE(plain.ok, plain.errors);
  CHECK(unigram_of_fa(plain) == std::make_pair(false, false));
  Replace(&site, "[robots]", "[search]\nevery_character = true\n[robots]");
  FixtureResult every = BuildFixture(site, o);
  REQUIRE_MESSAGE(every.ok, every.errors);
  CHECK(unigram_of_fa(every) == std::make_pair(true, true));
}

TEST_CASE("publish: an empty section (空白栏目) is not published, nor its menu entry, until it has a page") {
  FixtureOptions o;
  o.default_theme = true;
  std::string site = std::string(kSite) +
                     "-- content/notices/_index.md --\n---\ntitle: 通知公告\n---\n"
                     "-- content/drafts/_index.md --\n---\ntitle: 草稿箱\n---\n"
                     "-- content/drafts/a.md --\n---\ntitle: 甲\ndate: 2025-01-02\ndraft: true\n---\n";
  Replace(&site, "[robots]", "[[menu]]\nname = \"通知公告\"\nurl = \"/notices/\"\n[robots]");
  FixtureResult r = BuildFixture(site, o);
  REQUIRE_MESSAGE(r.ok, r.errors);
  CHECK_FALSE(r.Has("notices/index.html"));
  CHECK_FALSE(r.Has("drafts/index.html"));
  CHECK_FALSE(Contains(r.File("index.html"), "通知公告"));
  CHECK_FALSE(Contains(r.File("sitemap/index.html"), "通知公告"));
  CHECK_FALSE(Contains(r.File("sitemap.xml"), "/notices/"));
  // The new section says nothing; the one whose page is a draft says why it is missing.
  CHECK_FALSE(Contains(r.errors, "content/notices/"));
  CHECK(Contains(
      r.errors,
      "content/drafts/_index.md:1:1: 警告：栏目“草稿箱”（/drafts/）这次不发布：它只有草稿 "
      "content/drafts/a.md（标着 draft: true），空白栏目不发布，它的菜单项也暂不显示。稿子写完后删去 "
      "draft: true 这一行即可发布；发布前可以用 fazhi serve --drafts 预览草稿\n  ---\n  ^\n"));

  // Once it has a page, the section, its list and its menu entry appear.
  site += "-- content/notices/n1.md --\n---\ntitle: 通知一\ndate: 2025-05-01\n---\n正文。\n";
  FixtureResult opened = BuildFixture(site, o);
  REQUIRE_MESSAGE(opened.ok, opened.errors);
  CHECK(opened.Has("notices/index.html"));
  CHECK(Contains(opened.File("about/index.html"), "<a href=\"/fz/notices/\">通知公告</a>"));
}

TEST_CASE("publish: an external script in a layout fails the build unless allow-listed") {
  std::string layout =
      "-- layouts/page.mustache --\n{{> head}}\n{{> header}}\n<script "
      "src=\"https://stats.example.com/t.js\"></script>\n{{> footer}}\n";
  FixtureOptions o;
  o.default_theme = true;
  FixtureResult r = BuildFixture(std::string(kSite) + layout, o);
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "layouts/page.mustache:3:14: "
        "从其他网站加载的脚本（stats.example.com）：网站不能从其他网站加载任何东西，请把文件复制到 "
        "static/，或者把“stats.example.com”写进 site.toml 的 [security] allow_hosts\n"
        "  <script src=\"https://stats.example.com/t.js\"></script>\n"
        "               ^\n");
  std::string allowed = kSite;
  allowed.replace(allowed.find("[robots]"), 8, "[security]\nallow_hosts = [\"stats.example.com\"]\n[robots]");
  FixtureResult ok = BuildFixture(allowed + layout, o);
  CHECK_MESSAGE(ok.ok, ok.errors);
}

}  // namespace
}  // namespace fazhi::testing
