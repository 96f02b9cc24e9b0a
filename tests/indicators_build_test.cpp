// End-to-end: a small site with indicator definitions, a CSV and a report
// that cites the data, built in memory with the default theme.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/encoding.h"
#include "indicators/csv.h"
#include "site_fixture.h"

namespace fazhi::testing {
namespace {

const char* const kIndicatorSite = R"(-- site.toml --
title = "测试站"
sponsor = "某区司法局"
as_of = 2025-06-30
-- content/_index.md --
---
title: 首页
---
-- content/reports/2024.md --
---
title: 2024年报告
date: 2025-03-01
year: 2024
---
## 一、主要举措

### （四）争议化解

办理行政复议案件{{< value admin-review-cases 2024 >}}，同比增长{{< value admin-review-cases-yoy 2024 >}}，办结率80.16%；
另据统计，行政复议案件370件。
-- content/indicators/_index.md --
---
title: 法治指标
---
指标来自年度报告。
-- content/indicators/admin-review-cases.md --
---
title: 行政复议收案数
date: 2025-03-01
category: oversight
unit: 件
kind: count
direction: neutral
method: 年度内新收的行政复议申请件数。
aliases: [行政复议案件]
---
新修订的《行政复议法》自2024年1月1日起施行。
-- content/indicators/admin-review-cases-yoy.md --
---
title: 行政复议收案数同比增长
date: 2025-03-01
category: oversight
unit: "%"
kind: change
change_of: admin-review-cases
---
-- content/indicators/admin-review-closure-rate.md --
---
title: 行政复议办结率
date: 2025-03-01
updated: 2025-04-02
category: oversight
unit: "%"
kind: rate
direction: up
aliases: [办结率]
---
-- data/indicators/2024.csv --
指标,年份,数值,单位,限定,依据,公式,来源,备注
admin-review-cases,2024,368,件,,原文,,reports/2024.md#四争议化解,新法施行后收案增加
admin-review-cases-yoy,2024,120,%,,原文,,reports/2024.md#四争议化解,
admin-review-closure-rate,2024,80.16,%,,原文,,reports/2024.md#四争议化解,
)";

FixtureResult BuildIndicatorSite(std::string_view extra = "") {
  FixtureOptions opts;
  opts.default_theme = true;
  return BuildFixture(std::string(kIndicatorSite) + std::string(extra), opts);
}

}  // namespace

TEST_CASE("indicators build: dashboard, indicator page, SVG and prose citations") {
  FixtureResult r = BuildIndicatorSite();
  REQUIRE_MESSAGE(r.ok, r.errors);
  // The prose that contradicts the data is a warning, not an error. (The
  // report compliance warnings about this short fixture report follow it.)
  CHECK(r.errors.substr(0, r.errors.find("content/reports/2024.md:4:7: 警告：报告没有写公开日期")) ==
        "content/reports/2024.md:11:12: 警告：正文写的是 370件（行政复议收案数），但数据是 368件（2024年，"
        "data/indicators/2024.csv:2）\n"
        "  另据统计，行政复议案件370件。\n"
        "                        ^\n");

  const std::string& dash = r.File("indicators/index.html");
  CHECK(Contains(dash, "<h1>法治指标</h1>"));
  CHECK(Contains(dash, "<p>指标来自年度报告。</p>"));
  CHECK(Contains(dash,
                 "<a href=\"/indicators/categories/oversight/\">行政权力制约监督<span "
                 "class=\"ind-count\">（3项）</span></a>"));
  CHECK(Contains(dash, "<span class=\"ind-number\">368件</span> <span class=\"ind-period\">2024年度</span>"));
  CHECK(Contains(dash,
                 "<p class=\"ind-change ind-change-neutral\"><span aria-hidden=\"true\">↑</span> "
                 "同比增长120%（原文） <span class=\"ind-verdict\">不评价</span></p>"));
  CHECK(Contains(dash, "<span class=\"ind-number\">80.16%</span>"));
  // The change is shown as a change, not as a level of 120%.
  CHECK(Contains(dash, "<span class=\"ind-number\">同比增长120%</span>"));
  CHECK_FALSE(Contains(dash, "<span class=\"ind-number\">120%</span>"));
  // One year: said once for the page; no sparkline, no "no prior year" on every card.
  CHECK(Contains(dash, "目前只有2024年度一个年度的数据，暂无可比较的上年数据，因此各指标不显示趋势。"));
  CHECK_FALSE(Contains(dash, "<svg"));
  CHECK_FALSE(Contains(dash, "无上年数据可比"));
  CHECK_FALSE(Contains(dash, "社会矛盾纠纷化解"));  // empty categories are not listed

  const std::string& page = r.File("indicators/admin-review-cases/index.html");
  CHECK(Contains(page,
                 "<span class=\"ind-number\">368件</span> <span class=\"ind-period\">2024年度</span> <span "
                 "class=\"ind-basis\">原文</span>"));
  // A single year is a value and a table, not a one-bar chart.
  CHECK_FALSE(Contains(page, "trend-admin-review-cases"));
  CHECK(Contains(page,
                 "<tr><th scope=\"row\"><a "
                 "href=\"/indicators/2024/\">2024年度</a></th><td data-label=\"数值\">368件</td><td "
                 "data-label=\"依据\">原文</td><td data-label=\"来源\"><a "
                 "href=\"/reports/2024/#四争议化解\">2024年报告 › （四）争议化解</a></td></tr>"));
  CHECK(Contains(page, "<div class=\"ind-wide\"><dt>口径</dt><dd>年度内新收的行政复议申请件数。</dd></div>"));
  CHECK(Contains(page, "<p>新修订的《行政复议法》自2024年1月1日起施行。</p>"));
  CHECK(Contains(page, "<li>2024年：新法施行后收案增加</li>"));
  CHECK(Contains(page, "<a href=\"/data/indicators/admin-review-cases.csv\">"));
  CHECK(Contains(
      page,
      "<a "
      "href=\"/indicators/admin-review-cases-yoy/\">行政复议收案数同比增长</a>：同比增长120%（2024年度）"));
  CHECK(Contains(page,
                 "<h2 id=\"ind-cited\">引用本指标的报告和述法</h2>\n    <ul><li><a "
                 "href=\"/reports/2024/\">2024年报告</a></li></ul>"));
  CHECK(Contains(page, "最后更新：<time datetime=\"2025-03-01\">2025年3月1日</time>"));

  const std::string& rate = r.File("indicators/admin-review-closure-rate/index.html");
  CHECK(Contains(rate, "<title id=\"gauge-admin-review-closure-rate-title\">"));
  CHECK(Contains(rate, ">2024年 80.16%</text>"));
  CHECK(Contains(rate, "最后更新：<time datetime=\"2025-04-02\">"));

  CHECK(Contains(r.File("indicators/2024/index.html"), "<caption>2024年 · 行政权力制约监督</caption>"));
  const std::string& category = r.File("indicators/categories/oversight/index.html");
  CHECK(Contains(category, "<a href=\"/indicators/categories/oversight/\" aria-current=\"page\">"));
  CHECK_FALSE(Contains(category, "指标来自年度报告"));  // the intro is the dashboard's
  CHECK_FALSE(Contains(category, "<div class=\"prose\"></div>"));
  CHECK_FALSE(Contains(page, "fz-chart-gauge"));  // a count has no 0–100 gauge
  CHECK_FALSE(Contains(r.File("indicators/admin-review-cases-yoy/index.html"), "<div class=\"prose\">"));

  // The report cites the data through the shortcode.
  CHECK(Contains(r.File("reports/2024/index.html"),
                 "办理行政复议案件<a href=\"/indicators/admin-review-cases/\" "
                 "title=\"行政复议收案数,2024年\">368件</a>，"
                 "同比增长<a href=\"/indicators/admin-review-cases-yoy/\" "
                 "title=\"行政复议收案数同比增长,2024年\">120%</a>"));
}

TEST_CASE("indicators build: the downloads parse back to the input values") {
  FixtureResult r = BuildIndicatorSite();
  REQUIRE_MESSAGE(r.ok, r.errors);
  Diagnostics diags;
  CsvTable t;
  REQUIRE(ParseCsvFile(SourceFile{"indicators.csv", r.File("data/indicators.csv")}, &t, &diags));
  CHECK(r.File("data/indicators.csv").substr(0, 3) == "\xEF\xBB\xBF");
  REQUIRE(t.rows.size() == 4);
  std::map<std::string, std::string> values;
  for (size_t i = 1; i < t.rows.size(); ++i) values[t.rows[i].fields[0].text] = t.rows[i].fields[8].text;
  CHECK(t.rows[0].fields[8].text == "value");
  CHECK(values == std::map<std::string, std::string>{{"admin-review-cases", "368"},
                                                     {"admin-review-cases-yoy", "120"},
                                                     {"admin-review-closure-rate", "80.16"}});
  auto json = nlohmann::json::parse(r.File("data/indicators.json"));
  REQUIRE(json["observations"].size() == 3);
  CHECK(json["observations"][2]["value"] == 80.16);
  // The source is the document and its section, never the site's file path.
  CHECK(json["observations"][0]["source_title"] == "2024年报告");
  CHECK(json["observations"][0]["source_section"] == "（四）争议化解");
  CHECK(json["observations"][0]["page_url"] == "/reports/2024/#四争议化解");
  CHECK(r.File("data/indicators.json").find("reports/2024.md") == std::string::npos);
  auto pkg = nlohmann::json::parse(r.File("data/datapackage.json"));
  for (const auto& res : pkg["resources"]) CHECK(r.Has("data/" + res["path"].get<std::string>()));
  auto one = nlohmann::json::parse(r.File("data/indicators/admin-review-closure-rate.json"));
  CHECK(one["observations"][0]["stated"] == "80.16%");
}

TEST_CASE("indicators build: a bad CSV row fails the build with its file:line:col") {
  FixtureResult r = BuildIndicatorSite("admin-review-closure-rate,2023,180,%,,原文,,,\n");
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "data/indicators/2024.csv:5:32: 比率“180”不在 0 到 100 之间\n"
        "  admin-review-closure-rate,2023,180,%,,原文,,,\n"
        "                                 ^\n");
  CHECK_FALSE(r.Has("indicators/index.html"));
}

TEST_CASE("indicators build: citing a missing year or a missing report section is an error") {
  FixtureOptions opts;
  opts.default_theme = true;
  std::string site = kIndicatorSite;
  Replace(&site, "{{< value admin-review-cases 2024 >}}", "{{< value admin-review-cases 2023 >}}");
  FixtureResult r = BuildFixture(site, opts);
  CHECK_FALSE(r.ok);
  CHECK(Contains(r.errors,
                 "content/reports/2024.md:10:9: 指标“admin-review-cases”没有 2023 年的数值（已有：2024）\n"));

  std::string bad_anchor = kIndicatorSite;
  Replace(&bad_anchor, "reports/2024.md#四争议化解,新法", "reports/2024.md#五,新法");
  FixtureResult r2 = BuildFixture(bad_anchor, opts);
  CHECK_FALSE(r2.ok);
  CHECK(Contains(
      r2.errors,
      "data/indicators/2024.csv:2:36: 来源（source）的“#五”不是 content/reports/2024.md 里的标题：请用"
      "标题的编号，例如 #一主要举措\n"));
}

TEST_CASE("indicators build: a source may anchor into a plain page, whose headings are then known early") {
  // Plain pages are rendered late, page by page (site/page_bodies.h); one that an
  // indicator's source points into is rendered with the reports instead.
  std::string site = kIndicatorSite;
  Replace(&site, "reports/2024.md#四争议化解,新法", "notes.md#复议数据,新法");
  site += "-- content/notes.md --\n---\ntitle: 说明\ndate: 2025-03-02\n---\n## 复议数据\n\n收案368件。\n";
  FixtureOptions opts;
  opts.default_theme = true;
  FixtureResult r = BuildFixture(site, opts);
  REQUIRE_MESSAGE(r.ok, r.errors);
  CHECK(Contains(r.File("indicators/admin-review-cases/index.html"), "<a href=\"/notes/#复议数据\">"));
  CHECK(Contains(r.File("notes/index.html"), "<h2 id=\"复议数据\">"));

  Replace(&site, "notes.md#复议数据,新法", "notes.md#别处,新法");
  FixtureResult bad = BuildFixture(site, opts);
  CHECK_FALSE(bad.ok);
  CHECK(Contains(bad.errors,
                 "来源（source）的“#别处”不是 content/notes.md 里的标题：请用标题的编号，例如 #复议数据\n"));
}

}  // namespace fazhi::testing

namespace fazhi::testing {

TEST_CASE("indicators build: breakdowns get a bar chart and a table, a GBK CSV from Excel reads as UTF-8") {
  std::string gbk;
  REQUIRE(Utf8ToGb18030(
      "指标,年份,数值,分组\r\nadmin-review-cases,2024,20,甲镇\r\nadmin-review-cases,2024,15,乙街\r\n", &gbk));
  FixtureResult r = BuildIndicatorSite("-- data/indicators/parts.csv --\n" + gbk);
  REQUIRE_MESSAGE(r.ok, r.errors);
  const std::string& page = r.File("indicators/admin-review-cases/index.html");
  CHECK(Contains(page, "<h2 id=\"ind-parts\">分组数据（2024年）</h2>"));
  CHECK(Contains(
      page,
      "aria-labelledby=\"breakdown-admin-review-cases-2024-title breakdown-admin-review-cases-2024-desc\""));
  CHECK(Contains(page, "<desc id=\"breakdown-admin-review-cases-2024-desc\">甲镇 20件;乙街 15件。</desc>"));
  CHECK(Contains(page,
                 "<tr><th scope=\"row\">甲镇</th><td data-label=\"数值\">20件</td><td "
                 "data-label=\"依据\">原文</td></tr>"));
  // The whole-area value stays the headline; breakdown rows are not years.
  CHECK(Contains(page, "<span class=\"ind-number\">368件</span>"));
  CHECK(Contains(r.File("data/indicators/admin-review-cases.csv"),
                 "admin-review-cases,行政复议收案数,oversight,count,2024,年度,,,20,件,,20件,甲镇,,,原文"));
}

}  // namespace fazhi::testing

namespace fazhi::testing {

TEST_CASE("indicators build: an indicator file named like a year clashes with the year page") {
  FixtureResult r = BuildIndicatorSite(R"(-- content/indicators/2024.md --
---
title: 某指标
date: 2025-03-01
category: oversight
unit: 件
---
)");
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "content/indicators/2024.md:1:1: "
        "指标编号“2024”和指标栏目自己的页面（/indicators/2024/）重名了：请给这个文件改个名字\n"
        "  ---\n"
        "  ^\n");
}

}  // namespace fazhi::testing

namespace fazhi::testing {

TEST_CASE("indicators build: rows of a draft definition are left out with it (fazhi import stubs)") {
  std::string draft = R"(-- content/indicators/import-2024-01.md --
---
title: 待审核指标
date: 2025-03-01
category: oversight
unit: 件
kind: count
direction: neutral
draft: true
---
-- data/indicators/import.csv --
indicator,year,value,unit,qualifier,breakdown,basis,formula,source,note
import-2024-01,2024,88,件,,,原文,,,
)";
  FixtureResult r = BuildIndicatorSite(draft);
  REQUIRE_MESSAGE(r.ok, r.errors);
  CHECK_FALSE(r.Has("indicators/import-2024-01/index.html"));
  FixtureOptions opts;
  opts.default_theme = true;
  opts.build.drafts = true;
  FixtureResult with = BuildFixture(std::string(kIndicatorSite) + draft, opts);
  REQUIRE_MESSAGE(with.ok, with.errors);
  CHECK(Contains(with.File("indicators/import-2024-01/index.html"), "88件"));
  // A row whose definition does not exist at all is still an error.
  FixtureResult typo = BuildIndicatorSite(
      "-- data/indicators/import.csv "
      "--\nindicator,year,value,unit,qualifier,breakdown,basis,formula,source,note\n"
      "import-2024-02,2024,88,件,,,原文,,,\n");
  CHECK(Contains(typo.errors, "data/indicators/import.csv:2:1: 没有“import-2024-02”这个指标"));
}

}  // namespace fazhi::testing
