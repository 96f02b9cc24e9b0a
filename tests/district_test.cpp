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

std::string Report(const std::string& file, const std::string& fm_unit, int year,
                   const std::string& published) {
  return "-- content/reports/" + file + " --\n---\ntitle: " + std::to_string(year) +
         "年法治政府建设年度报告\ndate: " + published + "\nyear: " + std::to_string(year) + "\n" + fm_unit +
         "\npublished: " + published + "\n---\n## 一、主要举措和成效\n\n正文。\n";
}

}  // namespace

TEST_CASE("district: reports name their unit by slug, full or short name; one series per unit") {
  std::string site = std::string(kMinimalSite) + kRegistry +
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
  std::string site = std::string(kMinimalSite) + kRegistry +
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
  std::string site = std::string(kMinimalSite) + kRegistry +
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

std::string IndicatorSite(const std::string& csv) {
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
)") + kRegistry +
         "-- data/indicators/units.csv --\n" + csv;
}

}  // namespace

TEST_CASE("district: indicator values per reporting unit; the unit is part of the key") {
  FixtureOptions opts;
  opts.default_theme = true;
  FixtureResult ok = BuildFixture(IndicatorSite("indicator,year,value,reporting_unit\n"
                                                "exam-takers,2023,1800,sfj\n"
                                                "exam-takers,2024,1900,区司法局\n"
                                                "exam-takers,2024,19000,区政府\n"),
                                  opts);
  REQUIRE_MESSAGE(ok.ok, ok.errors);

  FixtureResult dup = BuildFixture(IndicatorSite("indicator,year,value,报告单位\n"
                                                 "exam-takers,2024,1900,sfj\n"
                                                 "exam-takers,2024,1900,临江市滨河区司法局\n"
                                                 "exam-takers,2024,10,区司法\n"),
                                   opts);
  CHECK(
      dup.errors ==
      "data/indicators/units.csv:3:1: duplicate observation of 'exam-takers' for 2024, unit 'sfj' (first at "
      "data/indicators/units.csv:2)\n"
      "  exam-takers,2024,1900,临江市滨河区司法局\n"
      "  ^\n"
      "data/indicators/units.csv:4:21: 未知的单位“区司法”：data/units.csv 中没有这个标识、全称或简称；"
      "您是不是要找“临江市滨河区司法局”（sfj）？\n"
      "  exam-takers,2024,10,区司法\n"
      "                      ^\n");
}

}  // namespace fazhi::testing
