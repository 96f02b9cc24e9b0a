#include "site/build_model.h"

#include <doctest/doctest.h>

namespace fazhi {

namespace {

Page MakePage(std::string path, std::string section, std::string url, bool is_index = false) {
  Page p;
  p.source_path = std::move(path);
  p.section = std::move(section);
  p.url = std::move(url);
  p.is_index = is_index;
  p.kind = is_index ? "section" : "page";
  p.title = p.source_path;
  return p;
}

std::vector<std::string> Paths(const Site& site) {
  std::vector<std::string> out;
  for (const Page& p : site.pages) out.push_back(p.source_path);
  return out;
}

}  // namespace

TEST_CASE("model: pages in path order whatever order they come in, unopened sections left out") {
  std::vector<Page> pages;
  pages.push_back(MakePage("content/news/_index.md", "news", "/news/", true));
  pages.push_back(MakePage("content/news/a.md", "news", "/news/a/"));
  pages.push_back(MakePage("content/news/b.md", "news", "/news/b/"));
  pages.push_back(MakePage("content/rules/_index.md", "rules", "/rules/", true));  // no pages yet
  pages.push_back(MakePage("content/z.md", "", "/z/"));
  const std::vector<std::string> expected = {"content/news/_index.md", "content/news/a.md",
                                             "content/news/b.md", "content/z.md"};
  std::vector<Page> reversed(pages.rbegin(), pages.rend());
  for (std::vector<Page>* given : {&pages, &reversed}) {
    Site site;
    Diagnostics diags;
    REQUIRE(BuildModel(Config{}, *given, &site, &diags));
    CHECK(Paths(site) == expected);
    REQUIRE(site.unopened.size() == 1);
    CHECK(site.unopened[0].url == "/rules/");
    REQUIRE(site.sections.size() == 1);
    CHECK(site.sections[0].index_page == 0);
    CHECK(site.sections[0].pages == std::vector<int>{1, 2});
  }
}

TEST_CASE("model: a section lists reports by the year they cover, then by date") {
  // A district site puts its units' past reports up on one day: they list
  // newest year first, not by title (白云区2021… before 白云区2024…).
  auto report = [](std::string name, int year, std::string date) {
    Page p = MakePage("content/reports/" + name + ".md", "reports", "/reports/" + name + "/");
    p.kind = "report";
    p.report.year = year;
    p.date = std::move(date);
    p.title = "白云区" + std::to_string(year) + "年度法治政府建设报告";
    return p;
  };
  auto news = [](std::string name, std::string date) {
    Page p = MakePage("content/reports/" + name + ".md", "reports", "/reports/" + name + "/");
    p.date = std::move(date);
    return p;
  };
  std::vector<Page> pages;
  pages.push_back(MakePage("content/reports/_index.md", "reports", "/reports/", true));
  pages.push_back(report("baiyun-2021", 2021, "2026-11-30"));
  pages.push_back(report("baiyun-2022", 2022, "2026-11-30"));
  pages.push_back(report("baiyun-2024", 2024, "2026-11-30"));
  pages.push_back(report("baiyun-2023", 2023, "2024-03-20"));  // put up when it came out
  pages.push_back(news("notice-2024", "2024-06-01"));          // after the 2023 report, in its year
  pages.push_back(news("notice-2026", "2026-01-05"));
  Site site;
  Diagnostics diags;
  REQUIRE(BuildModel(Config{}, pages, &site, &diags));
  REQUIRE(site.sections.size() == 1);
  std::vector<std::string> order;
  for (int i : site.sections[0].pages) order.push_back(site.pages[static_cast<size_t>(i)].url);
  // Years: notice-2026 2026, baiyun-2024 2025 (due 2025-04-01), notice-2024
  // and baiyun-2023 2024 (then by date), baiyun-2022 2023, baiyun-2021 2022.
  CHECK(order == std::vector<std::string>{"/reports/notice-2026/", "/reports/baiyun-2024/",
                                          "/reports/notice-2024/", "/reports/baiyun-2023/",
                                          "/reports/baiyun-2022/", "/reports/baiyun-2021/"});
  CHECK(ListYear(pages[1]) == 2022);
  CHECK(ListYear(pages[5]) == 2024);
  Page undated = news("undated", "");
  CHECK(ListYear(undated) == 0);
}

}  // namespace fazhi
