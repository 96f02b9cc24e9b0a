#include "import/units.h"

#include <doctest/doctest.h>

#include "import/messages.h"

namespace fazhi {
namespace {

std::vector<ImportUnit> Registry() {
  return {
      {"conghua", "广州市从化区人民政府", {"从化区人民政府", "从化区"}},
      {"conghua-sfj", "广州市从化区司法局", {"从化区司法局", "区司法局"}},
      {"conghua-sjj", "广州市从化区审计局", {"从化区审计局", "区审计局"}},
  };
}

TEST_CASE("units: the longest name wins, relative names need their place, spaces are layout") {
  std::vector<ImportUnit> u = Registry();
  // "从化区" is inside "从化区司法局": the report is the bureau's, not the district's.
  CHECK(UnitsNamedIn(u, "广州市从化区司法局2024年法治政府建设年度报告") == std::vector<size_t>{1});
  CHECK(UnitsNamedIn(u, "从化区2024年法治政府建设年度报告") == std::vector<size_t>{0});
  CHECK(UnitsNamedIn(u, "区司法局2024年法治政府建设工作情况") == std::vector<size_t>{1});
  // Another district's bureau is not "区司法局".
  CHECK(UnitsNamedIn(u, "广州市海珠区司法局2024年法治政府建设年度报告").empty());
  CHECK(UnitsNamedIn(u, "广州市从化区　司法局 2024年") == std::vector<size_t>{1});
  CHECK(UnitsNamedIn(u, "从化区司法局、从化区审计局联合报告") == std::vector<size_t>{1, 2});
}

TEST_CASE("units: zones are read in order of trust, several units or a disagreeing 落款 need review") {
  std::vector<ImportUnit> u = Registry();
  UnitZone title{&msg::kImportZoneTitle, "从化区司法局2024年法治政府建设年度报告"};
  UnitZone signature{&msg::kImportZoneSignature, "广州市从化区司法局"};
  UnitMatch m = MatchUnit(u, {title, signature});
  CHECK(m.recognised);
  CHECK(m.unit == 1);
  CHECK(m.where == &msg::kImportZoneTitle);

  UnitZone bare_title{&msg::kImportZoneTitle, "2024年法治政府建设年度报告"};
  m = MatchUnit(u, {bare_title, signature});
  CHECK(m.recognised);
  CHECK(m.where == &msg::kImportZoneSignature);

  UnitZone other_signature{&msg::kImportZoneSignature, "广州市从化区审计局"};
  m = MatchUnit(u, {title, other_signature});
  CHECK_FALSE(m.recognised);
  CHECK(m.reason.Render() ==
        "标题指向广州市从化区司法局，落款却是广州市从化区审计局；请核对是哪个单位的报告");

  UnitZone joint{&msg::kImportZoneTitle, "从化区司法局、从化区审计局2024年法治政府建设年度报告"};
  m = MatchUnit(u, {joint});
  CHECK_FALSE(m.recognised);
  CHECK(m.reason.Render() ==
        "标题中有多个单位：广州市从化区司法局、广州市从化区审计局；请核对是哪个单位的报告");
  CHECK(m.reason.Render(Lang::kEn) ==
        "the title names several units: 广州市从化区司法局、广州市从化区审计局; check whose report it is");

  m = MatchUnit(u, {bare_title});
  CHECK_FALSE(m.recognised);
  CHECK(m.reason.Render().rfind("标题、落款、来源和开头都没有单位名录中的名称", 0) == 0);
}

TEST_CASE("units: the zones of a structured report") {
  StructuredReport r = StructureReport(
      "2024年法治政府建设年度报告\n区司法局2024年法治政府建设工作情况如下。\n一、主要举措和成效\n"
      "办理案件。\n广州市从化区司法局\n2025年3月20日\n");
  std::vector<UnitZone> z = ReportUnitZones(r);
  REQUIRE(z.size() == 3);
  CHECK(z[0].label == &msg::kImportZoneTitle);
  CHECK(z[0].text == "2024年法治政府建设年度报告");
  CHECK(z[1].label == &msg::kImportZoneSignature);
  CHECK(z[1].text == "广州市从化区司法局");
  CHECK(z[2].label == &msg::kImportZoneOpening);
  CHECK(z[2].text == "区司法局2024年法治政府建设工作情况如下。");
}

}  // namespace
}  // namespace fazhi
