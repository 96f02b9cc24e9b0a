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

TEST_CASE("taxonomies: a term's pages in the section lists' order, reports by the year they cover") {
  // Put up on one day, a unit's reports list 2024 first (by path, 2021
  // came first); pages of one date by weight, then title.
  Site site;
  for (int year : {2021, 2022, 2024}) {
    Page r = MakePage("content/reports/baiyun-" + std::to_string(year) + ".md", "report", "2026-11-30",
                      {"白云区"});
    r.report.year = year;
    r.title = "白云区" + std::to_string(year) + "年度法治政府建设报告";
    site.pages.push_back(r);
  }
  Page b = MakePage("content/news/a.md", "page", "2026-11-30", {"白云区"});
  b.title = "乙";
  site.pages.push_back(b);
  Page a = MakePage("content/news/b.md", "page", "2026-11-30", {"白云区"});
  a.title = "甲";
  a.weight = 1;
  site.pages.push_back(a);
  Page c = MakePage("content/news/c.md", "page", "2026-11-30", {"白云区"});
  c.title = "丙";
  site.pages.push_back(c);
  auto tax = CollectTaxonomies(site);
  REQUIRE(tax.size() == 2);  // years and tags (no units: no publisher)
  CHECK(tax.back().key == "tags");
  REQUIRE(tax.back().terms.size() == 1);
  // News 2026 (乙 and 丙 by title: 丙 U+4E19 before 乙 U+4E59; 甲 weight 1
  // after them), then the reports 2024 (due 2025), 2022, 2021.
  CHECK(tax.back().terms[0].pages == std::vector<int>{5, 3, 4, 2, 1, 0});
}

}  // namespace
}  // namespace fazhi
