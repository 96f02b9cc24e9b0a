// End-to-end: a district site with a unit registry (data/units.csv), built in
// memory: reports name their unit by slug, full or short name; unknown units
// and a `unit:` without a registry fail with their position.
#include <doctest/doctest.h>

#include <string>

#include "site_fixture.h"

namespace fazhi::testing {
namespace {

const char kRegistry[] = R"(-- data/units.csv --
slug,name,short_names,type,report_from,report_until,note
qzf,临江市滨河区人民政府,滨河区政府|区政府,区政府,,,
sfj,临江市滨河区司法局,滨河区司法局、区司法局,区直部门,,,
czj,临江市滨河区财政局,区财政局,区直部门,2024,,
hbj,临江市滨河区环保局,,区直部门,,2023,2024年并入生态环境分局
demo,示例街道办事处,示例街道,镇街,,,
)";

// The district layouts for sites built on kMinimalSite's theme.
const char kMinimalDistrictLayouts[] = R"(-- themes/default/layouts/tracker.mustache --
TRACKER {{tracker.title}}
-- themes/default/layouts/units.mustache --
UNITS
-- themes/default/layouts/district_unit.mustache --
UNIT {{unit.name}}
)";

std::string Report(const std::string& file, const std::string& fm_unit, int year,
                   const std::string& published) {
  return "-- content/reports/" + file + " --\n---\ntitle: " + std::to_string(year) +
         "年法治政府建设年度报告\ndate: " + published + "\nyear: " + std::to_string(year) + "\n" + fm_unit +
         "\npublished: " + published + "\n---\n## 一、主要举措和成效\n\n正文。\n";
}

}  // namespace

TEST_CASE("district: reports name their unit by slug, full or short name, one series per unit") {
  std::string site = std::string(kMinimalSite) + kMinimalDistrictLayouts + kRegistry +
                     Report("sfj-2023.md", "unit: sfj", 2023, "2024-03-20") +
                     Report("sfj-2024.md", "publisher: 临江市滨河区司法局", 2024, "2025-03-28") +
                     Report("qzf-2024.md", "unit: 区政府", 2024, "2025-03-30");
  FixtureResult r = BuildFixture(site);
  REQUIRE_MESSAGE(r.ok, r.errors);
  // The 2023 report (unit: sfj) and the 2024 one (publisher: full name) are one series.
  CHECK(r.File("reports/sfj-2023/index.html") ==
        "<html lang=\"zh-CN\"><title>2023年法治政府建设年度报告 - 测试站</title>\nREPORT 2023 "
        "临江市滨河区司法局 prev= "
        "next=/reports/sfj-2024/ | <h2 id=\"一主要举措和成效\">一、主要举措和成效</h2>\n<p>正文。</p>\n\n");
  CHECK(Contains(r.File("reports/qzf-2024/index.html"), "REPORT 2024 临江市滨河区人民政府 prev= next= |"));
}

TEST_CASE("district: an unknown unit fails the build with 您是不是要找") {
  std::string site = std::string(kMinimalSite) + kMinimalDistrictLayouts + kRegistry +
                     Report("x-2024.md", "unit: 滨河区司法", 2024, "2025-03-28") +
                     Report("y-2024.md", "publisher: 临江市公安局", 2024, "2025-03-28");
  FixtureResult r = BuildFixture(site);
  CHECK_FALSE(r.ok);
  CHECK(
      r.errors ==
      "content/reports/x-2024.md:5:7: 未知的单位“滨河区司法”：data/units.csv 中没有这个标识、全称或简称；"
      "您是不是要找“临江市滨河区司法局”（sfj）？\n"
      "  unit: 滨河区司法\n"
      "        ^\n"
      "content/reports/y-2024.md:5:12: 未知的单位“临江市公安局”：data/units.csv 中没有这个标识、全称或简称\n"
      "  publisher: 临江市公安局\n"
      "             ^\n");
}

TEST_CASE("district: unit and publisher naming two units, and unit: without a registry") {
  std::string site = std::string(kMinimalSite) + kMinimalDistrictLayouts + kRegistry +
                     Report("x-2024.md", "unit: sfj\npublisher: 区财政局", 2024, "2025-03-28");
  FixtureResult r = BuildFixture(site);
  CHECK(
      r.errors ==
      "content/reports/x-2024.md:6:12: unit 指向“临江市滨河区司法局”，publisher 却指向“临江市滨河区财政局”："
      "一份报告只属于一个单位\n"
      "  publisher: 区财政局\n"
      "             ^\n");
  FixtureResult single =
      BuildFixture(std::string(kMinimalSite) + Report("2024.md", "unit: sfj", 2024, "2025-03-28"));
  CHECK(
      single.errors ==
      "content/reports/2024.md:5:7: “unit: sfj”需要单位名录 data/units.csv：请在其中登记单位，或删掉这一行\n"
      "  unit: sfj\n"
      "        ^\n");
}

}  // namespace fazhi::testing

namespace fazhi::testing {
namespace {

std::string IndicatorSite(const std::string& csv, const std::string& registry = kRegistry) {
  return std::string(R"(-- site.toml --
title = "测试站"
sponsor = "临江市滨河区司法局"
as_of = 2025-06-30
-- content/_index.md --
---
title: 首页
---
-- content/indicators/_index.md --
---
title: 法治指标
---
指标。
-- content/indicators/exam-takers.md --
---
title: 参加学法考试人数
date: 2025-03-01
category: capacity
unit: 人
---
)") + registry +
         "-- data/indicators/units.csv --\n" + csv;
}

}  // namespace

TEST_CASE("district: indicator values per reporting unit, the unit part of the key") {
  FixtureOptions opts;
  opts.default_theme = true;
  FixtureResult ok = BuildFixture(IndicatorSite("indicator,year,value,reporting_unit\n"
                                                "exam-takers,2023,1800,sfj\n"
                                                "exam-takers,2024,1900,区司法局\n"
                                                "exam-takers,2024,19000,区政府\n"),
                                  opts);
  REQUIRE_MESSAGE(ok.ok, ok.errors);
  // The open data name the unit that stated each value (slug and full name).
  const std::string& csv = ok.File("data/indicators.csv");
  CHECK(Contains(csv, ",breakdown,reporting_unit,reporting_unit_name,basis,"));
  CHECK(Contains(csv, ",1900,人,,1900人,,sfj,临江市滨河区司法局,原文,"));
  CHECK(Contains(csv, ",19000,人,,19000人,,qzf,临江市滨河区人民政府,原文,"));
  CHECK(Contains(ok.File("data/indicators.json"),
                 "\"reporting_unit\": \"qzf\",\n      \"reporting_unit_name\": \"临江市滨河区人民政府\""));

  FixtureResult dup = BuildFixture(IndicatorSite("indicator,year,value,报告单位\n"
                                                 "exam-takers,2024,1900,sfj\n"
                                                 "exam-takers,2024,1900,临江市滨河区司法局\n"
                                                 "exam-takers,2024,10,区司法\n"),
                                   opts);
  CHECK(dup.errors ==
        "data/indicators/units.csv:3:1: 指标“exam-takers”的 2024 年报告单位“临江市滨河区司法局”的数值重复了"
        "（第一次在 data/indicators/units.csv:2）\n"
        "  exam-takers,2024,1900,临江市滨河区司法局\n"
        "  ^\n"
        "data/indicators/units.csv:4:21: 未知的单位“区司法”：data/units.csv 中没有这个标识、全称或简称；"
        "您是不是要找“临江市滨河区司法局”（sfj）？\n"
        "  exam-takers,2024,10,区司法\n"
        "                      ^\n");
}

}  // namespace fazhi::testing

namespace fazhi::testing {
namespace {

// Reports of 2023 and 2024 with the five items or not, a 述法 profile and
// per-unit figures: the tracker, the unit pages and the indicator page.
std::string DistrictSite() {
  std::string s = IndicatorSite(
      "indicator,year,value,reporting_unit,source\n"
      "exam-takers,2023,1800,sfj,reports/sfj-2023.md\n"
      "exam-takers,2024,1900,区司法局,reports/sfj-2024.md\n"
      "exam-takers,2024,19000,区政府,reports/qzf-2024.md\n"
      "exam-takers,2024,5000,czj,reports/czj-2024.md\n");
  s += Report("sfj-2023.md", "unit: sfj", 2023, "2024-03-20");
  s += Report("sfj-2024.md", "unit: sfj", 2024, "2025-04-10");
  s += Report("qzf-2024.md", "unit: qzf", 2024, "2025-03-30");
  s += Report("czj-2024.md", "unit: czj", 2024, "2025-03-01");
  s += Report("demo-2024.md", "unit: demo", 2024, "2025-03-01");
  s += R"(-- content/profiles/sfj-2024.md --
---
title: 区司法局主要负责人2024年度述法
date: 2025-01-20
unit: 区司法局
unit_type: 区直部门
post: 区司法局主要负责人
year: 2024
form: 书面述法
---
## 晒成绩

正文。
)";
  return s;
}

}  // namespace

TEST_CASE("district: the tracker states who published, when, and counts by type without 示例 units") {
  FixtureOptions opts;
  opts.default_theme = true;
  FixtureResult r = BuildFixture(DistrictSite(), opts);
  REQUIRE_MESSAGE(r.ok, r.errors);
  CHECK(r.File("data/tracker/2024.csv") ==
        "\xEF\xBB\xBF"
        "year,unit,name,type,sample,state,status,published,deadline,report_url,shufa\r\n"
        "2024,qzf,临江市滨河区人民政府,区政府,false,on_time,按时公开,2025-03-30,2025-04-01,/reports/qzf-2024/"
        ",false\r\n"
        "2024,sfj,临江市滨河区司法局,区直部门,false,late,逾期公开,2025-04-10,2025-04-01,/reports/sfj-2024/"
        ",true\r\n"
        "2024,czj,临江市滨河区财政局,区直部门,false,on_time,按时公开,2025-03-01,2025-04-01,/reports/czj-2024/"
        ",false\r\n"
        "2024,hbj,临江市滨河区环保局,区直部门,false,not_required,未列入本年度名录,,2025-04-01,,false\r\n"
        "2024,demo,示例街道办事处,镇街,true,on_time,按时公开,2025-03-01,2025-04-01,/reports/demo-2024/"
        ",false\r\n");
  // 2023: 财政局 reports from 2024 on; 区政府 owed one and has none; 环保局 too.
  CHECK(r.File("data/tracker/2023.csv") ==
        "\xEF\xBB\xBF"
        "year,unit,name,type,sample,state,status,published,deadline,report_url,shufa\r\n"
        "2023,qzf,临江市滨河区人民政府,区政府,false,missing,未公开,,2024-04-01,,false\r\n"
        "2023,sfj,临江市滨河区司法局,区直部门,false,on_time,按时公开,2024-03-20,2024-04-01,/reports/sfj-2023/"
        ",false\r\n"
        "2023,czj,临江市滨河区财政局,区直部门,false,not_required,未列入本年度名录,,2024-04-01,,false\r\n"
        "2023,hbj,临江市滨河区环保局,区直部门,false,missing,未公开,,2024-04-01,,false\r\n"
        "2023,demo,示例街道办事处,镇街,true,missing,未公开,,2024-04-01,,false\r\n");
  const std::string& page = r.File("tracker/2024/index.html");
  CHECK(Contains(page,
                 "<tr><th "
                 "scope=\"row\">区直部门</th><td>2</td><td>2</td><td>1</td><td>1</td><td>0</td><td>0</"
                 "td><td>0</td></tr>"));
  CHECK(Contains(
      page,
      "<tr><th "
      "scope=\"row\">合计</th><td>3</td><td>3</td><td>2</td><td>1</td><td>0</td><td>0</td><td>0</td></tr>"));
  CHECK(Contains(page, "示例街道办事处</a> <span class=\"badge badge-sample\">示例</span>"));
  // The editor's item check stays off the public page.
  CHECK_FALSE(Contains(page, "要求事项"));
  CHECK(Contains(r.File("tracker/index.html"),
                 "<a href=\"/tracker/2023/\">2023年度</a></th><td>3</td><td>1</td><td>1</td><td>2</td>"));
}

TEST_CASE("district: a unit page lists its years, its 述法 and its figures") {
  FixtureOptions opts;
  opts.default_theme = true;
  FixtureResult r = BuildFixture(DistrictSite(), opts);
  REQUIRE_MESSAGE(r.ok, r.errors);
  const std::string& page = r.File("units/sfj/index.html");
  CHECK(Contains(page, "<p>简称：滨河区司法局、区司法局</p>"));
  CHECK(
      Contains(page, "<a href=\"/tracker/2024/\">2024年度</a></th><td>逾期公开</td><td>2025年4月10日</td>"));
  CHECK(
      Contains(page, "<a href=\"/tracker/2023/\">2023年度</a></th><td>按时公开</td><td>2024年3月20日</td>"));
  CHECK(Contains(
      page, "<a href=\"/profiles/sfj-2024/\">区司法局主要负责人2024年度述法</a>（2024年度 · 书面述法）"));
  CHECK(Contains(
      page,
      "<a href=\"/indicators/exam-takers/\">参加学法考试人数</a></th><td>2023年度</td><td>1800人</td>"));
  CHECK(Contains(r.File("units/qzf/index.html"),
                 "<a href=\"/tracker/2023/\">2023年度</a></th><td>未公开</td><td>—</td><td>—</td>"));
}

TEST_CASE(
    "district: an indicator compares units (sorted) and a unit's comparable years, change marked 计算") {
  FixtureOptions opts;
  opts.default_theme = true;
  FixtureResult r = BuildFixture(DistrictSite(), opts);
  REQUIRE_MESSAGE(r.ok, r.errors);
  const std::string& page = r.File("indicators/exam-takers/index.html");
  CHECK(Contains(page, "各单位比较（2024年度报告）"));
  size_t a = page.find("临江市滨河区人民政府</a></th><td>19000人</td>");
  size_t b = page.find("临江市滨河区财政局</a></th><td>5000人</td>");
  size_t c = page.find("临江市滨河区司法局</a></th><td>1900人</td>");
  CHECK(a != std::string::npos);
  CHECK(a < b);
  CHECK(b < c);
  CHECK(Contains(page, "<svg"));
  // Only 司法局 has two comparable periods: one trend and one change.
  CHECK(Contains(page, "<p>较2023年度增长5.6%（计算）</p>"));
  CHECK(page.find("（计算）</p>") == page.rfind("（计算）</p>"));
}

// Past twelve units an indicator's units' years are one table, a row a
// unit: a chart and a table each made a district's page 196,993 bytes for
// 60 units (a city's 3.8 MB).
TEST_CASE("district: an indicator of more than twelve units shows their years as one table, a row a unit") {
  // The registry lists 第13局 first: the rows follow it, not the slugs.
  std::string registry =
      "-- data/units.csv --\nslug,name,short_names,type,report_from,report_until,note\n"
      "u13,临江市滨河区第13局,,区直部门,,,\n";
  std::string csv = "indicator,year,value,reporting_unit\n";
  for (int i = 1; i <= 13; ++i) {
    const std::string slug = "u" + std::string(i < 10 ? "0" : "") + std::to_string(i);
    if (i < 13) registry += slug + ",临江市滨河区第" + std::to_string(i) + "局,,区直部门,,,\n";
    if (i < 13) csv += "exam-takers,2023," + std::to_string(80 * i) + "," + slug + "\n";
    csv += "exam-takers,2024," + std::to_string(100 * i) + "," + slug + "\n";
  }
  FixtureOptions opts;
  opts.default_theme = true;
  FixtureResult r = BuildFixture(IndicatorSite(csv, registry), opts);
  REQUIRE_MESSAGE(r.ok, r.errors);
  const std::string& page = r.File("indicators/exam-takers/index.html");
  CHECK(Contains(page,
                 "<thead><tr><th scope=\"col\">单位</th><th scope=\"col\">2023年度</th><th "
                 "scope=\"col\">2024年度</th><th scope=\"col\">最近变化</th></tr></thead>"));
  CHECK(Contains(page,
                 "<tr><th scope=\"row\"><a href=\"/units/u01/\">临江市滨河区第1局</a></th><td "
                 "data-label=\"2023年度\">80人</td><td data-label=\"2024年度\">100人</td><td "
                 "data-label=\"最近变化\">较2023年度增长25.0%（计算）</td></tr>"));
  // A year without a value, and no change without two periods.
  CHECK(Contains(page,
                 "<tr><th scope=\"row\"><a href=\"/units/u13/\">临江市滨河区第13局</a></th><td "
                 "data-label=\"2023年度\">—</td><td data-label=\"2024年度\">1300人</td><td "
                 "data-label=\"最近变化\">—</td></tr>"));
  CHECK(page.find("/units/u13/\">临江市滨河区第13局</a></th><td data-label") <
        page.find("/units/u01/\">临江市滨河区第1局</a></th><td data-label"));
  // No unit's own chart; the comparison of 2024 keeps its chart, and each
  // unit's page draws the unit's.
  CHECK_FALSE(Contains(page, "unit-u01-exam-takers"));
  CHECK(Contains(page, "units-exam-takers"));
  CHECK(Contains(
      r.File("units/u01/index.html"),
      "<figure class=\"unit-trend\"><figcaption><a href=\"/indicators/exam-takers/\">参加学法考试人数</a>："
      "较2023年度增长25.0%（计算）</figcaption><svg"));
  CHECK(Contains(r.File("units/u01/index.html"), "id=\"unit-u01-exam-takers-title\""));
  CHECK_FALSE(Contains(r.File("units/u13/index.html"), "unit-trend"));  // one period only
}

TEST_CASE("district: --embed writes each page's body and a JSON feed") {
  FixtureOptions opts;
  opts.default_theme = true;
  opts.build.embed = true;
  FixtureResult r = BuildFixture(DistrictSite(), opts);
  REQUIRE_MESSAGE(r.ok, r.errors);
  const std::string& full = r.File("reports/sfj-2024/index.html");
  const std::string& body = r.File("embed/reports/sfj-2024/index.html");
  size_t open = full.find("<main");
  size_t start = full.find('>', open) + 1;
  CHECK(body == full.substr(start, full.find("</main>") - start));
  CHECK_FALSE(Contains(body, "<header"));
  const std::string& feed = r.File("embed/feed.json");
  CHECK(Contains(
      feed,
      "\"url\": \"/reports/sfj-2024/\",\n      \"fragment\": \"embed/reports/sfj-2024/index.html\",\n"
      "      \"title\": \"2024年法治政府建设年度报告\",\n      \"kind\": \"report\","));
  CHECK(Contains(feed,
                 "\"year\": 2024,\n      \"publisher\": \"临江市滨河区司法局\",\n      \"unit\": \"sfj\",\n"
                 "      \"published\": \"2025-04-10\","));
  CHECK(Contains(feed,
                 "\"url\": \"/tracker/2024/\",\n      \"fragment\": \"embed/tracker/2024/index.html\",\n     "
                 " \"title\": \"2024年度法治政府建设年度报告公开情况"));
  // Without --embed nothing of it.
  FixtureOptions plain;
  plain.default_theme = true;
  CHECK_FALSE(BuildFixture(DistrictSite(), plain).Has("embed/feed.json"));
}

// The home page of a site with many units: listing every report of every
// year, a district's of 60 units grew by 60 cards a year (109 KB after five
// years, a city's 2 MB). It lists the newest year's reports whole, earlier
// years' while the list stays within ten, and links the rest to the archive.
TEST_CASE(
    "district: the home page lists the newest years' reports within ten and links the others to the "
    "archive") {
  const std::string home =
      "HOME {{#reports}}[{{year}} {{url}}]{{/reports}}{{#has_earlier_years}} EARLIER "
      "{{#earlier_years}}[{{year}} {{count}} {{url}}]{{/earlier_years}} ALL {{report_count}} "
      "{{archive_url}}{{/has_earlier_years}}";
  std::string site = std::string(kMinimalSite) + kMinimalDistrictLayouts + kRegistry +
                     "-- themes/default/layouts/archive.mustache --\nARCHIVE\n";
  Replace(&site, "HOME {{#reports}}[{{year}} {{title}} {{url}}]{{/reports}}", home);
  for (const char* unit : {"qzf", "sfj", "czj", "demo"}) {
    site += Report(std::string(unit) + "-2024.md", std::string("unit: ") + unit, 2024, "2025-03-20");
  }
  for (int year : {2022, 2023}) {
    for (const char* unit : {"qzf", "sfj", "hbj", "demo"}) {
      site += Report(std::string(unit) + "-" + std::to_string(year) + ".md", std::string("unit: ") + unit,
                     year, std::to_string(year + 1) + "-03-20");
    }
  }
  FixtureResult r = BuildFixture(site);
  REQUIRE_MESSAGE(r.ok, r.errors);
  // 2024 (4) and 2023 (4) make 8; 2022 would make 12.
  CHECK(
      r.File("index.html") ==
      "<html lang=\"zh-CN\"><title>测试站</title>\nHOME [2024 /reports/czj-2024/][2024 /reports/demo-2024/]"
      "[2024 /reports/qzf-2024/][2024 /reports/sfj-2024/][2023 /reports/demo-2023/][2023 /reports/hbj-2023/]"
      "[2023 /reports/qzf-2023/][2023 /reports/sfj-2023/] EARLIER [2022 4 /archive/#year-2022] ALL 12 "
      "/archive/\n");

  // The newest year is listed whole however many reports it has: 11 here.
  std::string bureau = std::string(kMinimalSite) + "-- themes/default/layouts/archive.mustache --\nARCHIVE\n";
  Replace(&bureau, "HOME {{#reports}}[{{year}} {{title}} {{url}}]{{/reports}}", home);
  for (int i = 10; i <= 20; ++i) {
    bureau += Report("u" + std::to_string(i) + "-2024.md", "publisher: 某区第" + std::to_string(i) + "单位",
                     2024, "2025-03-20");
  }
  bureau += Report("u10-2023.md", "publisher: 某区第10单位", 2023, "2024-03-20");
  FixtureResult b = BuildFixture(bureau);
  REQUIRE_MESSAGE(b.ok, b.errors);
  const std::string& page = b.File("index.html");
  CHECK(Contains(page, "[2024 /reports/u20-2024/] EARLIER [2023 1 /archive/#year-2023] ALL 12 /archive/\n"));
  CHECK_FALSE(Contains(page, "[2023 /reports/"));

  // A bureau's few reports are all listed, and no line of earlier years.
  std::string few = std::string(kMinimalSite) + "-- themes/default/layouts/archive.mustache --\nARCHIVE\n";
  Replace(&few, "HOME {{#reports}}[{{year}} {{title}} {{url}}]{{/reports}}", home);
  for (int year = 2015; year <= 2024; ++year) {
    few += Report("sfj-" + std::to_string(year) + ".md", "publisher: 某区司法局", year,
                  std::to_string(year + 1) + "-03-20");
  }
  FixtureResult f = BuildFixture(few);
  REQUIRE_MESSAGE(f.ok, f.errors);
  CHECK(Contains(f.File("index.html"), "[2015 /reports/sfj-2015/]\n"));
  CHECK_FALSE(Contains(f.File("index.html"), "EARLIER"));
}

}  // namespace fazhi::testing
