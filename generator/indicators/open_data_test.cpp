#include "indicators/open_data.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

namespace fazhi {
namespace {

IndicatorSet SmallSet() {
  IndicatorSet s;
  s.categories = DefaultIndicatorCategories();
  IndicatorDef cases;
  cases.id = "admin-review-cases";
  cases.title = "行政复议收案数";
  cases.category = "oversight";
  cases.unit = "件";
  IndicatorDef consult;
  consult.id = "legal-consultations";
  consult.title = "法律咨询";
  consult.category = "functions";
  consult.unit = "次";
  s.defs = {cases, consult};
  Observation a;
  a.indicator = "admin-review-cases";
  a.year = 2024;
  a.value_text = "368";
  a.value = 368;
  a.unit = "件";
  a.source = "reports/2024.md#四";
  a.note = "新修订的《行政复议法》2024年1月1日施行, \"简繁分流\"";
  Observation b;
  b.indicator = "legal-consultations";
  b.year = 2024;
  b.value_text = "4000";
  b.value = 4000;
  b.unit = "次";
  b.qualifier = Qualifier::kMore;
  s.observations = {a, b};
  return s;
}

}  // namespace

TEST_CASE("indicators_open_data: the CSV has a BOM and parses back to the input values") {
  IndicatorSet set = SmallSet();
  auto files = OpenDataFiles(
      set, {"从化区司法局", "广州市从化区司法局", "/", "2025-03-31", [](std::string_view s) {
              return "https://fz.example.gov.cn/reports/2024/#" + std::string(s.substr(s.find('#') + 1));
            }});
  const std::string& csv = files.at("data/indicators.csv");
  CHECK(csv.substr(0, 3) == "\xEF\xBB\xBF");
  Diagnostics diags;
  CsvTable t;
  REQUIRE(ParseCsvFile(SourceFile{"data/indicators.csv", csv}, &t, &diags));
  REQUIRE(t.rows.size() == 3);
  std::vector<std::string> header;
  for (const CsvField& f : t.rows[0].fields) header.push_back(f.text);
  CHECK(header == OpenDataColumns());
  CHECK(t.rows[1].fields[0].text == "admin-review-cases");
  CHECK(t.rows[1].fields[4].text == "368");
  CHECK(t.rows[1].fields[10].text == "reports/2024.md#四");
  CHECK(t.rows[1].fields[11].text == "https://fz.example.gov.cn/reports/2024/#四");
  CHECK(t.rows[1].fields[12].text == set.observations[0].note);
  CHECK(t.rows[2].fields[11].text == "");  // no source, no URL
  CHECK(t.rows[2].fields[4].text == "4000");
  CHECK(t.rows[2].fields[6].text == "多");
  CHECK(files.at("data/indicators/legal-consultations.csv").find("4000,次,多") != std::string::npos);
}

TEST_CASE("indicators_open_data: JSON and datapackage describe every file") {
  auto files = OpenDataFiles(SmallSet(), {"站点", "主办", "/sub/", "2025-03-31", nullptr});
  auto all = nlohmann::json::parse(files.at("data/indicators.json"));
  REQUIRE(all["observations"].size() == 2);
  CHECK(all["observations"][0]["value"] == 368);
  CHECK(all["observations"][1]["display"] == "4000多次");
  CHECK(all["indicators"][0]["url"] == "/sub/indicators/admin-review-cases/");
  CHECK(all["indicators"][0]["category_name"] == "行政权力制约监督");
  auto one = nlohmann::json::parse(files.at("data/indicators/admin-review-cases.json"));
  CHECK(one["observations"].size() == 1);
  CHECK(one["indicator"]["unit"] == "件");
  CHECK(one["observations"][0]["source_url"] == "reports/2024.md#四");  // no resolver: as written

  auto pkg = nlohmann::json::parse(files.at("data/datapackage.json"));
  CHECK(pkg["profile"] == "data-package");
  REQUIRE(pkg["resources"].size() == 6);
  for (const auto& r : pkg["resources"]) {
    CHECK(files.count("data/" + r["path"].get<std::string>()) == 1);
  }
  CHECK(pkg["resources"][0]["schema"]["primaryKey"] ==
        nlohmann::json::array({"indicator", "year", "breakdown"}));
  CHECK(pkg["resources"][0]["schema"]["fields"][4]["type"] == "number");
  CHECK(files.size() == 7);
}

}  // namespace fazhi
