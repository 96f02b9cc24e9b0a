// Issue 13, "did you mean": names an editor knows in place of the ids fazhi
// wants, each in a whole site with the exact message and its place. An
// indicator's title where its id belongs (a CSV cell, a value shortcode), a
// category by its Chinese name, a 述法 status and a unit type.
#include <doctest/doctest.h>

#include <string>

#include "site_fixture.h"

namespace fazhi::testing {
namespace {

const char* const kIndicators = R"(-- site.toml --
title = "测试站"
sponsor = "某区司法局"
as_of = 2025-06-30
-- content/_index.md --
---
title: 首页
---
-- content/indicators/_index.md --
---
title: 法治指标
---
-- content/indicators/admin-review-cases.md --
---
title: 行政复议收案数
date: 2025-03-01
category: oversight
unit: 件
kind: count
direction: neutral
---
)";

const char* const kCsv =
    "-- data/indicators/2024.csv --\n指标,年份,数值,单位\nadmin-review-cases,2024,368,件\n";

const char* const kProfile = R"(-- site.toml --
title = "测试站"
sponsor = "测试单位"
as_of = 2025-06-30
-- content/_index.md --
---
title: 首页
---
-- content/profiles/_index.md --
---
title: 一把手述法
---
-- content/profiles/2024-a.md --
---
title: 甲局主要负责人2024年度述法
date: 2025-01-20
unit: 甲局
unit_slug: jia
unit_type: 区直部门
post: 甲局主要负责人
year: 2024
form: 专题述法
rectification:
  - problem: 问题一
    status: 整改中
    deadline: 2025-03-31
---
## 晒成绩

成绩。
)";

FixtureResult Build(const std::string& site) {
  FixtureOptions opts;
  opts.default_theme = true;
  return BuildFixture(site, opts);
}

// `site` with `from` replaced by `to`.
std::string With(std::string site, std::string_view from, std::string_view to) {
  Replace(&site, from, to);
  return site;
}

}  // namespace

TEST_CASE("did you mean: an indicator's title in the CSV's id column names the id to write") {
  FixtureResult r =
      Build(std::string(kIndicators) +
            "-- data/indicators/2024.csv --\n指标,年份,数值,单位\n行政复议收案数,2024,368,件\n");
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "data/indicators/2024.csv:2:1: “行政复议收案数”是指标“admin-review-cases”的名称：这里要写指标编号"
        "“admin-review-cases”\n"
        "  行政复议收案数,2024,368,件\n"
        "  ^\n");
}

TEST_CASE("did you mean: an indicator's title in a value shortcode names the id to write") {
  FixtureResult r = Build(std::string(kIndicators) + kCsv +
                          "-- content/a.md --\n---\ntitle: 甲\ndate: 2025-03-01\n---\n"
                          "收案{{< value 行政复议收案数 2024 >}}。\n");
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "content/a.md:5:3: “行政复议收案数”是指标“admin-review-cases”的名称：这里要写指标编号"
        "“admin-review-cases”\n"
        "  收案{{< value 行政复议收案数 2024 >}}。\n"
        "      ^\n");
}

TEST_CASE("did you mean: a category by its Chinese name is read as the category, a near name is suggested") {
  FixtureResult ok = Build(With(kIndicators, "category: oversight", "category: 行政权力制约监督") + kCsv);
  REQUIRE_MESSAGE(ok.ok, ok.errors);
  CHECK(ok.errors == "");
  CHECK(Contains(ok.File("indicators/index.html"),
                 "href=\"/indicators/categories/oversight/\">行政权力制约监督"));
  FixtureResult near = Build(With(kIndicators, "category: oversight", "category: 行政权力监督") + kCsv);
  CHECK(near.errors ==
        "content/indicators/admin-review-cases.md:4:11: "
        "没有“行政权力监督”这个指标类别，是不是要写“行政权力制约监督”？\n"
        "  category: 行政权力监督\n"
        "            ^\n");
  FixtureResult slug = Build(With(kIndicators, "category: oversight", "category: oversigt") + kCsv);
  CHECK(slug.errors ==
        "content/indicators/admin-review-cases.md:4:11: 没有“oversigt”这个指标类别，是不是要写“oversight”？\n"
        "  category: oversigt\n"
        "            ^\n");
}

TEST_CASE("did you mean: a 述法 rectification status that is not one of the three") {
  FixtureResult near = Build(With(kProfile, "status: 整改中", "status: 整改完成"));
  CHECK(near.errors ==
        "content/profiles/2024-a.md:12:13: “status”不能是“整改完成”，是不是要写“已完成”？\n"
        "      status: 整改完成\n"
        "              ^\n");
  FixtureResult far = Build(With(kProfile, "status: 整改中", "status: 好"));
  CHECK(far.errors ==
        "content/profiles/2024-a.md:12:13: “status”不能是“好”：请写 未开始、整改中、已完成 中的一个\n"
        "      status: 好\n"
        "              ^\n");
}

TEST_CASE("did you mean: a unit type that is not one of site.toml's") {
  FixtureResult near = Build(With(kProfile, "unit_type: 区直部门", "unit_type: 镇街道"));
  CHECK(near.errors ==
        "content/profiles/2024-a.md:6:12: “unit_type”不能是“镇街道”，是不是要写“镇街”？\n"
        "  unit_type: 镇街道\n"
        "             ^\n");
  FixtureResult far = Build(With(kProfile, "unit_type: 区直部门", "unit_type: 学校"));
  CHECK(far.errors ==
        "content/profiles/2024-a.md:6:12: “unit_type”不能是“学校”：请写 区委常委、区直部门、镇街 "
        "中的一个（可在 site.toml 的 [profiles] unit_types 里增改）\n"
        "  unit_type: 学校\n"
        "             ^\n");
}

}  // namespace fazhi::testing
