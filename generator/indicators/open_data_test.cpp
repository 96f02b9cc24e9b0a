#include "indicators/open_data.h"

#include <doctest/doctest.h>

#include <algorithm>
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
  a.quote = "办理行政复议案件368件,同比增长120%";
  a.note = "新修订的《行政复议法》2024年1月1日施行, \"简繁分流\"";
  Observation b;
  b.indicator = "legal-consultations";
  b.year = 2024;
  b.value_text = "4000";
  b.value = 4000;
  b.unit = "次";
  b.qualifier = Qualifier::kMore;
  b.scope = Scope::kCumulative;
  b.source = "http://www.example.gov.cn/post_1.html";
  s.observations = {a, b};
  return s;
}

size_t Col(std::string_view name) {
  const auto& cols = OpenDataColumns();
  return static_cast<size_t>(std::find(cols.begin(), cols.end(), name) - cols.begin());
}

}  // namespace

TEST_CASE("indicators_open_data: the CSV has a BOM and parses back to the input values") {
  IndicatorSet set = SmallSet();
  auto files =
      OpenDataFiles(set, {"从化区司法局", "广州市从化区司法局", "/", "2025-03-31", [](std::string_view s) {
                            SourceRef r;
                            if (s.rfind("http", 0) == 0) {
                              r.url = std::string(s);
                              return r;
                            }
                            r.title = "从化区司法局2024年法治政府建设年度报告";
                            r.section = "（四）健全争议化解机制";
                            r.url = "http://www.conghua.gov.cn/post_10068023.html";
                            r.page_url = "https://fz.example.gov.cn/reports/2024/#四";
                            return r;
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
  auto cell = [&](size_t row, std::string_view col) { return t.rows[row].fields.at(Col(col)).text; };
  CHECK(cell(1, "indicator") == "admin-review-cases");
  CHECK(cell(1, "value") == "368");
  CHECK(cell(1, "scope") == "年度");
  CHECK(cell(1, "stated") == "368件");
  CHECK(cell(1, "quote") == "办理行政复议案件368件,同比增长120%");
  CHECK(cell(1, "source_title") == "从化区司法局2024年法治政府建设年度报告");
  CHECK(cell(1, "source_section") == "（四）健全争议化解机制");
  CHECK(cell(1, "source_url") == "http://www.conghua.gov.cn/post_10068023.html");
  CHECK(cell(1, "page_url") == "https://fz.example.gov.cn/reports/2024/#四");
  CHECK(cell(1, "note") == set.observations[0].note);
  // The site's own file path is never in the download.
  CHECK(csv.find("reports/2024.md") == std::string::npos);
  CHECK(cell(2, "value") == "4000");
  CHECK(cell(2, "qualifier") == "多");
  CHECK(cell(2, "scope") == "累计");
  CHECK(cell(2, "stated") == "累计4000多次");
  CHECK(cell(2, "source_url") == "http://www.example.gov.cn/post_1.html");
  CHECK(cell(2, "source_title") == "");
  CHECK(files.at("data/indicators/legal-consultations.csv").find("累计,,,4000,次,多,累计4000多次") !=
        std::string::npos);
}

TEST_CASE("indicators_open_data: JSON and datapackage describe every file") {
  auto files = OpenDataFiles(SmallSet(), {"站点", "主办", "/sub/", "2025-03-31", nullptr});
  auto all = nlohmann::json::parse(files.at("data/indicators.json"));
  REQUIRE(all["observations"].size() == 2);
  CHECK(all["observations"][0]["value"] == 368);
  CHECK(all["observations"][1]["stated"] == "累计4000多次");
  CHECK(all["observations"][1]["scope"] == "累计");
  CHECK(all["observations"][0]["quote"] == "办理行政复议案件368件,同比增长120%");
  CHECK(all["indicators"][0]["url"] == "/sub/indicators/admin-review-cases/");
  CHECK(all["indicators"][0]["category_name"] == "行政权力制约监督");
  auto one = nlohmann::json::parse(files.at("data/indicators/admin-review-cases.json"));
  CHECK(one["observations"].size() == 1);
  CHECK(one["indicator"]["unit"] == "件");
  // Without a resolver a site path is not an address: left out, never written as a path.
  CHECK(one["observations"][0]["source_url"] == "");
  CHECK(all["observations"][1]["source_url"] == "http://www.example.gov.cn/post_1.html");

  auto pkg = nlohmann::json::parse(files.at("data/datapackage.json"));
  CHECK(pkg["profile"] == "data-package");
  REQUIRE(pkg["resources"].size() == 6);
  for (const auto& r : pkg["resources"]) {
    CHECK(files.count("data/" + r["path"].get<std::string>()) == 1);
  }
  CHECK(pkg["resources"][0]["schema"]["primaryKey"] ==
        nlohmann::json::array({"indicator", "year", "reporting_unit", "breakdown"}));
  CHECK(pkg["resources"][0]["schema"]["fields"][Col("value")]["name"] == "value");
  CHECK(pkg["resources"][0]["schema"]["fields"][Col("value")]["type"] == "number");
  CHECK(files.size() == 7);
}

}  // namespace fazhi
