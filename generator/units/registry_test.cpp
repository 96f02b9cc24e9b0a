#include "units/registry.h"

#include <doctest/doctest.h>

#include "core/suggest.h"

#include "core/encoding.h"
#include "indicators/units_csv.h"

namespace fazhi {
namespace {

const char kUnits[] =
    "slug,name,short_names,type,report_from,report_until,note\n"
    "qzf,临江市滨河区人民政府,滨河区政府|区政府,区政府,,,\n"
    "sfj,临江市滨河区司法局,滨河区司法局、区司法局,区直部门,,,\n"
    "czj,临江市滨河区财政局,区财政局,区直部门,2022,,\n"
    "hbj,临江市滨河区环保局,,区直部门,,2022年,2023年并入生态环境分局\n"
    "demo,示例街道办事处,示例街道,镇街,,,\n";

}  // namespace

TEST_CASE("units_registry: slugs, full names and short names name one unit") {
  Diagnostics diags;
  UnitRegistry reg;
  REQUIRE(ParseUnitRegistry("data/units.csv", kUnits, &reg, &diags));
  CHECK(diags.Format() == "");
  REQUIRE(reg.units().size() == 5);
  for (const char* ref : {"sfj", "临江市滨河区司法局", "滨河区司法局", "区司法局", "  区司法局\u3000"}) {
    const Unit* u = reg.Find(ref);
    REQUIRE(u);
    CHECK(u->slug == "sfj");
  }
  CHECK(reg.Find("区政府")->slug == "qzf");
  CHECK(reg.Find("司法局") == nullptr);
  CHECK(reg.units()[1].short_names == std::vector<std::string>{"滨河区司法局", "区司法局"});
  CHECK(reg.units()[1].type == "区直部门");
  // Who must report which year.
  const Unit& czj = *reg.BySlug("czj");
  CHECK_FALSE(czj.MustReport(2021));
  CHECK(czj.MustReport(2022));
  const Unit& hbj = *reg.BySlug("hbj");
  CHECK(hbj.report_until == 2022);
  CHECK(hbj.MustReport(2022));
  CHECK_FALSE(hbj.MustReport(2023));
  // 示例 in the name (or the note) marks a sample unit.
  CHECK(reg.BySlug("demo")->sample);
  CHECK_FALSE(reg.BySlug("sfj")->sample);
}

TEST_CASE("units_registry: Chinese headers and GBK from Excel") {
  const std::string utf8 =
      "标识,全称,简称,类型,起报年度,止报年度,备注\r\n"
      "sfj,临江市滨河区司法局,区司法局,区直部门,2021年,,\r\n"
      "x1,某街道办事处,,镇街,,,仅作示例\r\n";
  std::string gbk;
  REQUIRE(Utf8ToGb18030(utf8, &gbk));
  SourceTree tree;
  tree.Add("data/units.csv", gbk);
  Diagnostics diags;
  UnitRegistry reg;
  REQUIRE(LoadUnitRegistry(tree, &reg, &diags));
  CHECK(diags.Format() == "");
  REQUIRE(reg.present());
  CHECK(reg.Find("区司法局")->report_from == 2021);
  CHECK(reg.BySlug("x1")->sample);  // 示例 in the note
}

TEST_CASE("units_registry: a site without data/units.csv has no registry") {
  SourceTree tree;
  Diagnostics diags;
  UnitRegistry reg;
  CHECK(LoadUnitRegistry(tree, &reg, &diags));
  CHECK_FALSE(reg.present());
  CHECK(reg.units().empty());
}

TEST_CASE("units_registry: unknown unit with 您是不是要找") {
  Diagnostics diags;
  UnitRegistry reg;
  REQUIRE(ParseUnitRegistry("data/units.csv", kUnits, &reg, &diags));
  CHECK(reg.UnknownUnit("滨河区司法").Render() ==
        "未知的单位“滨河区司法”：data/units.csv "
        "中没有这个标识、全称或简称；您是不是要找“临江市滨河区司法局”（sfj）？");
  CHECK(reg.UnknownUnit("区财政").Render() ==
        "未知的单位“区财政”：data/units.csv "
        "中没有这个标识、全称或简称；您是不是要找“临江市滨河区财政局”（czj）？");
  CHECK(reg.UnknownUnit("sfjj").Render(Lang::kEn) ==
        "unknown unit 'sfjj': data/units.csv has no such slug, full or short name; did you mean "
        "'临江市滨河区司法局' (sfj)?");
  // Nothing close: no guess.
  CHECK(reg.UnknownUnit("临江市公安局交通警察支队").Render() ==
        "未知的单位“临江市公安局交通警察支队”：data/units.csv 中没有这个标识、全称或简称");
  CHECK(EditDistance("滨河区司法局", "区司法局") == 2);
  CHECK(EditDistance("", "abc") == 3);
}

TEST_CASE("units_registry: duplicate slug, duplicate name, a short name claimed twice") {
  Diagnostics diags;
  UnitRegistry reg;
  CHECK_FALSE(ParseUnitRegistry("data/units.csv",
                                "slug,name,short_names,type\n"
                                "sfj,滨河区司法局,区司法局,区直部门\n"
                                "sfj,滨河区财政局,,区直部门\n"
                                "gaj,滨河区司法局,,区直部门\n"
                                "czj,滨河区财政局,区司法局,区直部门\n",
                                &reg, &diags));
  CHECK(diags.Format() ==
        "data/units.csv:3:1: 标识“sfj”重复：第 2 行的“滨河区司法局”已经用了它\n"
        "  sfj,滨河区财政局,,区直部门\n"
        "  ^\n"
        "data/units.csv:4:5: 单位全称“滨河区司法局”重复：第 2 行已经登记了它\n"
        "  gaj,滨河区司法局,,区直部门\n"
        "      ^\n"
        "data/units.csv:5:5: 单位全称“滨河区财政局”重复：第 3 行已经登记了它\n"
        "  czj,滨河区财政局,区司法局,区直部门\n"
        "      ^\n"
        "data/units.csv:5:12: 名称“区司法局”同时指向两个单位：第 2 行的“滨河区司法局”已经用了它；"
        "一个名称只能指一个单位，请删掉其中一处\n"
        "  czj,滨河区财政局,区司法局,区直部门\n"
        "                   ^\n");
}

TEST_CASE("units_registry: header and cell errors at their cell") {
  Diagnostics diags;
  UnitRegistry reg;
  CHECK_FALSE(ParseUnitRegistry("data/units.csv",
                                "标识,名称,类型\n"
                                "sfj,滨河区司法局,区直部门\n",
                                &reg, &diags));
  CHECK(diags.Format() ==
        "data/units.csv:1:4: 未知的列“名称”：可用的列是 "
        "slug,name,short_names,type,report_from,report_until,note"
        "（标识,全称,简称,类型,起报年度,止报年度,备注）\n"
        "  标识,名称,类型\n"
        "       ^\n"
        "data/units.csv:1:1: data/units.csv 缺少“name”列（中文表头写“全称”）：每个单位都要有标识和全称\n"
        "  标识,名称,类型\n"
        "  ^\n");

  Diagnostics d2;
  CHECK_FALSE(ParseUnitRegistry("data/units.csv",
                                "slug,name,report_from,report_until\n"
                                "司法局,滨河区司法局,2021,\n"
                                "czj,,二〇二一,2020\n"
                                "gaj,滨河区公安分局,2023,2021\n",
                                &reg, &d2));
  CHECK(
      d2.Format() ==
      "data/units.csv:2:1: 标识“司法局”只能由英文字母、数字、- 和 _ 组成（它是网址 /units/司法局/ 的一段）\n"
      "  司法局,滨河区司法局,2021,\n"
      "  ^\n"
      "data/units.csv:3:5: 第 3 行的“全称（name）”是空的：每个单位都要有标识和全称\n"
      "  czj,,二〇二一,2020\n"
      "      ^\n"
      "data/units.csv:3:6: “二〇二一”不是年份：请写 2021 或 2021年，留空表示不限\n"
      "  czj,,二〇二一,2020\n"
      "       ^\n"
      "data/units.csv:4:18: 止报年度 2021 早于起报年度 2023\n"
      "  gaj,滨河区公安分局,2023,2021\n"
      "                          ^\n");
}

}  // namespace fazhi
