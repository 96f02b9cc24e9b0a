// End-to-end: the rectification summary of the 述法 profiles as derived
// indicators on the dashboard — the card, the indicator page with its links
// to the profiles and units, the links back, and the open-data handling of
// values computed only from 示例 profiles.
#include <doctest/doctest.h>

#include <string>

#include "site_fixture.h"

namespace fazhi::testing {
namespace {

// A site with one indicator and one profile of 甲局 for 2024 with three
// items (one done, one 整改中 due 2025-03-31, one 未开始 due 2025-12-31).
// `sample` marks the profile 示例.
std::string Site(bool sample, const std::string& as_of, const std::string& extra_config = "") {
  return "-- site.toml --\ntitle = \"测试站\"\nsponsor = \"测试单位\"\nas_of = " + as_of + "\n" +
         extra_config +
         R"(-- content/_index.md --
---
title: 首页
---
-- content/indicators/_index.md --
---
title: 法治指标
---
-- content/indicators/shufa-total.md --
---
title: 专题述法人数
date: 2025-03-01
category: leadership
unit: 名
kind: count
---
-- data/indicators/2024.csv --
指标,年份,数值,单位,限定,依据,公式,来源,备注
shufa-total,2024,62,名,,原文,,,
-- content/profiles/_index.md --
---
title: 一把手述法
---
-- content/profiles/2024-a.md --
---
title: 甲局主要负责人2024年度述法
date: 2025-01-20
)" + (sample ? "sample: true\n" : "") +
         R"(unit: 甲局
unit_slug: jia
unit_type: 区直部门
post: 甲局主要负责人
year: 2024
form: 专题述法
rectification:
  - problem: 问题一
    status: 已完成
    completed: 未注明
  - problem: 问题二
    status: 整改中
    deadline: 2025-03-31
  - problem: 问题三
    status: 未开始
    deadline: 2025-12-31
---
## 晒成绩

成绩。
)";
}

FixtureResult Build(const std::string& site) {
  return BuildFixture(site, {.default_theme = true, .build = {}});
}

}  // namespace

TEST_CASE("rectification build: a real profile's items become computed indicators and open data") {
  FixtureResult r = Build(Site(false, "2025-06-30"));
  REQUIRE_MESSAGE(r.ok, r.errors);

  const std::string& dash = r.File("indicators/index.html");
  CHECK(Contains(dash, "党的领导与第一责任人<span class=\"ind-count\">（4项）</span>"));
  CHECK(Contains(
      dash,
      "<a class=\"ind-card-title\" href=\"/indicators/rectification-completed-share/\">整改完成率</a>\n"
      "        <p class=\"ind-value\"><span class=\"ind-number\">33.3%</span> <span "
      "class=\"ind-period\">2024年度</span> "
      "<span class=\"ind-basis\">计算值</span></p>\n"));
  CHECK(Contains(dash, "<span class=\"ind-number\">3项</span> <span class=\"ind-period\">2024年度</span>"));
  CHECK_FALSE(Contains(dash, "示例"));

  // Overdue against as_of: on 2025-06-30 only 问题二 is overdue.
  const std::string& overdue = r.File("indicators/rectification-overdue/index.html");
  CHECK(Contains(overdue,
                 "<span class=\"ind-number\">1项</span> <span class=\"ind-period\">2024年度</span> <span "
                 "class=\"ind-basis\">计算</span></p>"));
  CHECK(Contains(
      overdue,
      "<td data-label=\"数值\">1项</td><td "
      "data-label=\"依据\">计算：<code>时限早于2025-06-30且未完成的事项（3项中2项写明时限）</code></td>"
      "<td data-label=\"来源\"><a href=\"/profiles/2024-a/\">甲局主要负责人2024年度述法</a></td>"));
  CHECK(Contains(overdue,
                 "<ul><li><a href=\"/profiles/2024-a/\">甲局主要负责人2024年度述法</a>（2024年 · 3项）</li>"
                 "<li><a href=\"/units/jia/\">甲局</a>（单位页）</li></ul>"));
  CHECK(Contains(overdue, "<a href=\"/data/indicators/rectification-overdue.csv\">"));

  // Real data is open data, with basis 计算 and its formula.
  const std::string& csv = r.File("data/indicators.csv");
  CHECK(Contains(csv,
                 "rectification-completed-share,整改完成率,leadership,rate,2024,年度,,,33.3,%,,33.3%,,,,计算,"
                 "1 ÷ 3 × 100,,甲局主要负责人2024年度述法,,/profiles/2024-a/,/profiles/2024-a/,\r\n"));
  CHECK(Contains(csv, "rectification-items,整改事项数,leadership,count,2024,年度,,,3,项,,3项,,,,计算,"));
  CHECK(r.Has("data/indicators/rectification-items.json"));
  CHECK(Contains(r.File("data/datapackage.json"), "\"path\": \"indicators/rectification-overdue.csv\""));

  // The profiles index and the unit page link back.
  std::string back =
      "按年度汇总的整改指标：<a href=\"/indicators/rectification-items/\">整改事项数</a>、"
      "<a href=\"/indicators/rectification-completed-share/\">整改完成率</a>、"
      "<a href=\"/indicators/rectification-overdue/\">逾期未完成整改事项数</a>";
  CHECK(Contains(r.File("profiles/index.html"), back));
  CHECK(Contains(r.File("units/jia/index.html"), back));
}

TEST_CASE("rectification build: overdue follows the configured as-of date") {
  FixtureResult r = Build(Site(false, "2026-01-01"));
  REQUIRE_MESSAGE(r.ok, r.errors);
  CHECK(Contains(r.File("indicators/rectification-overdue/index.html"),
                 "<span class=\"ind-number\">2项</span> <span class=\"ind-period\">2024年度</span>"));
}

TEST_CASE("rectification build: items of 示例 profiles never become indicators, counts or open data") {
  FixtureResult r = Build(Site(true, "2025-06-30"));
  REQUIRE_MESSAGE(r.ok, r.errors);

  // No card, no page, no year row, and the category counts only real indicators.
  for (const char* file : {"indicators/index.html", "indicators/2024/index.html",
                           "indicators/categories/leadership/index.html", "profiles/index.html"}) {
    INFO(file);
    CHECK_FALSE(Contains(r.File(file), "rectification"));
    CHECK_FALSE(Contains(r.File(file), "整改完成率"));
  }
  CHECK_FALSE(r.Has("indicators/rectification-items/index.html"));
  CHECK(Contains(r.File("indicators/index.html"),
                 "党的领导与第一责任人<span class=\"ind-count\">（1项）</span>"));

  // Open data: no sample value anywhere; the real indicator is still there.
  for (const char* file : {"data/indicators.csv", "data/indicators.json", "data/datapackage.json"}) {
    INFO(file);
    CHECK_FALSE(Contains(r.File(file), "rectification"));
    CHECK(Contains(r.File(file), "shufa-total"));
  }
  CHECK_FALSE(r.Has("data/indicators/rectification-items.csv"));
  CHECK_FALSE(r.Has("data/indicators/rectification-completed-share.json"));
}

TEST_CASE("rectification build: the category is configurable and checked") {
  FixtureResult ok = Build(Site(false, "2025-06-30", "[profiles]\nrectification_category = \"oversight\"\n"));
  REQUIRE_MESSAGE(ok.ok, ok.errors);
  CHECK(Contains(ok.File("indicators/categories/oversight/index.html"), "/indicators/rectification-items/"));

  FixtureResult bad = Build(Site(false, "2025-06-30", "[profiles]\nrectification_category = \"nowhere\"\n"));
  CHECK_FALSE(bad.ok);
  CHECK(bad.errors ==
        "site.toml:5:26: 没有“nowhere”这个指标类别：请写 [indicators] "
        "中的一个类别（leadership（党的领导与第一责任人）、functions（政府职能依法全面履行）、rules（依法行政"
        "制度体系）、decisions（重大行政决策）、enforcement（行政执法）、oversight（行政权力制约监督）、dispu"
        "tes（社会矛盾纠纷化解）、capacity（工作人员法治能力）、digital（数字法治政府）、emergency（突发事件"
        "应对））\n"
        "  rectification_category = \"nowhere\"\n"
        "                           ^\n");
}

TEST_CASE("rectification build: a definition page may not take a computed id") {
  std::string site = Site(false, "2025-06-30") + R"(-- content/indicators/rectification-items.md --
---
title: 整改事项数
date: 2025-03-01
category: leadership
unit: 项
kind: count
---
)";
  FixtureResult r = Build(site);
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "content/indicators/rectification-items.md:1:1: "
        "指标编号“rectification-items”由述法档案的整改事项自动计算，请给这个文件改名\n"
        "  ---\n"
        "  ^\n");
}

}  // namespace fazhi::testing
