// The indicator mistakes an editor makes, one at a time, each in a whole
// inline site: a definition's front matter, a CSV row from Excel, a formula,
// a value shortcode — the exact Chinese message at its path:line:col
// (issue 13: every message has a test).
#include <doctest/doctest.h>

#include <regex>
#include <string>

#include "site_fixture.h"

namespace fazhi::testing {
namespace {

const char* const kSite = R"(-- site.toml --
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

办理行政复议案件{{< value admin-review-cases 2024 >}}，办结率{{< value admin-review-closure-rate 2024 >}}。
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
aliases: [行政复议案件]
---
-- content/indicators/admin-review-closure-rate.md --
---
title: 行政复议办结率
date: 2025-03-01
category: oversight
unit: "%"
kind: rate
---
-- content/indicators/admin-review-yoy.md --
---
title: 行政复议收案数同比增长
date: 2025-03-01
category: oversight
unit: "%"
kind: change
change_of: admin-review-cases
---
-- data/indicators/2024.csv --
指标,年份,数值,单位,限定,依据,公式,来源,备注
admin-review-cases,2024,368,件,,原文,,reports/2024.md#一主要举措,
admin-review-closure-rate,2024,80.16,%,,原文,,,
admin-review-yoy,2024,120,%,,原文,,,
)";

FixtureResult Build(const std::string& site) {
  FixtureOptions opts;
  opts.default_theme = true;
  return BuildFixture(site, opts);
}

// The site with `from` replaced by `to`.
std::string With(std::string_view from, std::string_view to) {
  std::string site = kSite;
  Replace(&site, from, to);
  return site;
}

// The errors' first lines ("path:line:col: message"), one per error; the
// source line and the caret under each are left out.
std::string Errors(const std::string& site) {
  FixtureResult r = Build(site);
  CHECK_FALSE(r.ok);
  static const std::regex kHead(R"(^[^ ].*:[0-9]+:[0-9]+: )");
  std::string out;
  size_t from = 0;
  while (from < r.errors.size()) {
    size_t end = r.errors.find('\n', from);
    if (end == std::string::npos) end = r.errors.size();
    std::string line = r.errors.substr(from, end - from);
    if (std::regex_search(line, kHead) && line.find(": 警告：") == std::string::npos) out += line + "\n";
    from = end + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("indicator messages: the site builds before any mistake") {
  FixtureResult r = Build(kSite);
  CHECK_MESSAGE(r.ok, r.errors);
}

TEST_CASE("indicator messages: a definition's front matter") {
  const std::string def = "content/indicators/admin-review-cases.md";
  CHECK(Errors(With("kind: count\naliases", "kind: count\nmethod: [收案, 立案]\naliases")) ==
        def + ":7:9: “method”只能写一段文字\n");
  CHECK(Errors(With("aliases: [行政复议案件]", "aliases:\n  - 名称: 行政复议案件")) ==
        def + ":8:5: “aliases”必须是文字列表\n");
  CHECK(Errors(With("unit: 件\nkind: count", "kind: count")) ==
        def + ":1:1: 指标定义缺少“unit”（计量单位，如 件、人次、%）\n");
  CHECK(Errors(With("kind: count\naliases", "kind: count\ndirection: target\ntarget: 九成\naliases")) ==
        def + ":8:9: 目标值“九成”不是数字\n");
  CHECK(Errors(With("category: oversight\nunit: 件", "unit: 件")) ==
        def + ":1:1: 指标定义缺少“category”（指标类别）\n");
  CHECK(Errors(With("category: oversight\nunit: 件", "category: oversigth\nunit: 件")) ==
        def + ":4:11: 没有“oversigth”这个指标类别，是不是要写“oversight”？\n");
  CHECK(Errors(With("kind: count\naliases", "kind: cuont\naliases")) ==
        def + ":6:7: 没有“cuont”这种指标类型，是不是要写“count”？\n");
  CHECK(Errors(With("kind: count\naliases", "kind: count\ndirection: upp\naliases")) ==
        def + ":7:12: 没有“upp”这种方向，是不是要写“up”？\n");
  CHECK(Errors(With("kind: count\naliases", "kind: count\nchange_of: admin-review-closure-rate\naliases")) ==
        def + ":7:12: 写了“change_of”就要写 kind: change\n");
  CHECK(Errors(With("unit: \"%\"\nkind: change", "unit: 件\nkind: change")) ==
        "content/indicators/admin-review-yoy.md:5:7: 增减幅度（change）指标的单位只能是“%”，这里是“件”\n");
}

TEST_CASE("indicator messages: a CSV row from Excel") {
  const std::string csv = "data/indicators/2024.csv";
  CHECK(Errors(With("指标,年份,数值,单位,限定,依据,公式,来源,备注",
                    "指标,年份,数值,单位,限定,依据,公式,来源,来源")) == csv + ":1:25: 列名“来源”重复了\n");
  CHECK(Errors(With("admin-review-yoy,2024,120", ",2024,120")) == csv + ":4:1: 缺少指标编号\n");
  CHECK(Errors(With("admin-review-yoy,2024,120", "admin-appeals,2024,120")) ==
        csv + ":4:1: 没有“admin-appeals”这个指标（没有 content/indicators/admin-appeals.md）\n");
  CHECK(Errors(With("admin-review-yoy,2024,120", "行政复议案件,2024,120")) ==
        csv + ":4:1: “行政复议案件”是指标“admin-review-cases”的名称：这里要写指标编号“admin-review-cases”\n");
  CHECK(Errors(With("admin-review-yoy,2024,120,%", "admin-review-yoy,2024,,%")) == csv + ":4:23: 缺少数值\n");
  CHECK(Errors(With("80.16,%,,原文", "80.16,%,,估计")) ==
        csv + ":3:41: 没有“估计”这种依据：请写“原文”或“计算”\n");
  CHECK(
      Errors(With("reports/2024.md#一主要举措", "reports/2023.md")) ==
      csv +
          ":2:36: 来源（source）有误：链接的页面不存在：“reports/2023.md”，是不是要链接“reports/2024.md”？；"
          "请写相对于 content/ 的路径，例如 reports/2024.md#一主要举措\n");
}

TEST_CASE("indicator messages: a yes-or-no indicator, breakdowns and the value shortcode") {
  std::string site = kSite;
  site += R"(-- content/indicators/legal-adviser.md --
---
title: 是否聘请法律顾问
date: 2025-03-01
category: oversight
unit: 项
kind: boolean
---
-- content/indicators/mediation.md --
---
title: 调解案件数
date: 2025-03-01
category: oversight
unit: 件
kind: count
---
-- data/indicators/parts.csv --
指标,年份,数值,分组
admin-review-cases,2024,20,甲镇
admin-review-cases,2024,15,乙街
)";
  std::string yes_no = site + "-- data/indicators/adviser.csv --\n指标,年份,数值\nlegal-adviser,2024,有\n";
  CHECK(Errors(yes_no) == "data/indicators/adviser.csv:2:20: 数值“有”要写“是”或“否”\n");
  std::string twice = site;
  Replace(&twice, "admin-review-cases,2024,15,乙街", "admin-review-cases,2024,15,甲镇");
  CHECK(Errors(twice) ==
        "data/indicators/parts.csv:3:1: 指标“admin-review-cases”的 2024 年“甲镇”分组数值重复了（第一次在 "
        "data/indicators/parts.csv:2）\n");
  std::string shortcode = site;
  Replace(&shortcode, "{{< value admin-review-cases 2024 >}}", "{{< value admin-review-cases 2024 丙镇 >}}");
  CHECK(Errors(shortcode) ==
        "content/reports/2024.md:8:9: 指标“admin-review-cases”没有 2024 "
        "年“丙镇”分组的数值（已有：甲镇、乙街）\n");
  std::string none = site;
  Replace(&none, "{{< value admin-review-cases 2024 >}}", "{{< value mediation 2024 >}}");
  CHECK(Errors(none) == "content/reports/2024.md:8:9: 指标“mediation”还没有任何数值\n");
}

TEST_CASE("indicator messages: a computed value's formula") {
  const std::string csv = "data/indicators/2024.csv";
  auto formula = [](const std::string& f) {
    return With("admin-review-yoy,2024,120,%,,原文,,,", "admin-review-yoy,2024,120,%,,计算," + f + ",,");
  };
  CHECK(Errors(formula("admin-review-cases@2024/0")) == csv + ":4:57: 公式：除数为零\n");
  CHECK(Errors(formula("(admin-review-cases@2024")) == csv + ":4:57: 公式：缺少右括号“)”\n");
  CHECK(Errors(formula("admin-review-cases@2024*")) == csv + ":4:57: 公式：末尾缺少数字或“指标@年份”\n");
  CHECK(Errors(formula("admin-review-cases@2024*？")) == csv + ":4:57: 公式：“？”处应为数字或“指标@年份”\n");
  CHECK(Errors(formula("admin-review-cases@2024/3.6.8")) == csv + ":4:57: 公式：“3.6.8”不是数字\n");
  CHECK(Errors(formula("admin-appeals@2024*100")) == csv + ":4:33: 公式：未知指标“admin-appeals”\n");
}

TEST_CASE("indicator messages: a reporting unit needs the unit registry") {
  std::string site = kSite;
  site += "-- data/indicators/units.csv --\n指标,年份,数值,报告单位\nadmin-review-cases,2023,300,司法局\n";
  CHECK(Errors(site) ==
        "data/indicators/units.csv:2:29: 报告单位“司法局”需要单位名录 "
        "data/units.csv：请在其中登记单位，或清空这一列\n");
}

TEST_CASE("indicator messages: a unit's breakdown given twice") {
  std::string site = kSite;
  site +=
      "-- data/units.csv --\nslug,name\nsfj,某区司法局\n"
      "-- data/indicators/units.csv --\n指标,年份,数值,报告单位,分组\n"
      "admin-review-cases,2024,20,sfj,甲镇\nadmin-review-cases,2024,21,某区司法局,甲镇\n";
  CHECK(Errors(site) ==
        "data/indicators/units.csv:3:1: 指标“admin-review-cases”的 2024 年报告单位“某区司法局”分组“甲镇”的"
        "数值重复了（第一次在 data/indicators/units.csv:2）\n");
}

TEST_CASE("indicator messages: the unit registry data/units.csv") {
  // Saved empty (a header alone is a template still to fill, and is accepted).
  CHECK(Errors(kSite + std::string("-- data/units.csv --\n")) ==
        "data/units.csv:1:1: data/units.csv 中没有单位：请每行登记一个单位，或删掉这个文件\n");
  std::string twice = kSite;
  twice += "-- data/units.csv --\nslug,name,name\nsfj,某区司法局,司法局\n";
  CHECK(Errors(twice) == "data/units.csv:1:11: 列“name”出现了两次\n");
}

}  // namespace fazhi::testing
