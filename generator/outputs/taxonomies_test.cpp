#include "outputs/taxonomies.h"

#include <doctest/doctest.h>

namespace fazhi {
namespace {

Page MakePage(std::string path, std::string kind, std::string date, std::vector<std::string> tags,
              std::vector<std::string> categories = {}) {
  Page p;
  p.source_path = std::move(path);
  p.kind = std::move(kind);
  p.date = std::move(date);
  p.tags = std::move(tags);
  p.categories = std::move(categories);
  return p;
}

TEST_CASE("taxonomies: terms collect pages newest first, years newest first, empty ones left out") {
  Site site;
  site.pages.push_back(MakePage("content/_index.md", "home", "", {"不计"}));
  Page r2023 = MakePage("content/reports/2023.md", "report", "2024-03-01", {"行政复议"});
  r2023.report.year = 2023;
  r2023.report.publisher = "某区司法局";
  site.pages.push_back(r2023);
  Page r2024 = MakePage("content/reports/2024.md", "report", "2025-03-01", {"行政复议", "述法"});
  r2024.report.year = 2024;
  r2024.report.publisher = "某区司法局";
  site.pages.push_back(r2024);
  site.pages.push_back(MakePage("content/about.md", "page", "2025-01-02", {"本站/说明"}));
  auto tax = CollectTaxonomies(site);
  REQUIRE(tax.size() == 3);  // no categories
  CHECK(tax[0].key == "years");
  REQUIRE(tax[0].terms.size() == 2);
  CHECK(tax[0].terms[0].name == "2024");
  CHECK(tax[0].terms[0].url == "/years/2024/");
  CHECK(tax[1].key == "units");
  CHECK(tax[1].terms[0].name == "某区司法局");
  CHECK(tax[1].terms[0].pages == std::vector<int>{2, 1});
  CHECK(tax[2].key == "tags");
  REQUIRE(tax[2].terms.size() == 3);
  CHECK(tax[2].terms[0].name == "本站/说明");
  CHECK(tax[2].terms[0].url == "/tags/本站-说明/");
  CHECK(tax[2].terms[1].name == "行政复议");
  CHECK(tax[2].terms[1].pages == std::vector<int>{2, 1});
}

}  // namespace
}  // namespace fazhi
