#include "core/site_model.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace fazhi {

TEST_CASE("site model: SortNewestFirst gives NewerFirst's order, dates not in YYYY-MM-DD form included") {
  // Ties on every key but the last, dates that are not numbers, reports
  // whose year and date disagree: the order of the one comparison.
  std::mt19937 rng(7);
  const std::vector<std::string> dates = {"2024-03-20", "2024-03-20", "2025-01-05", "2023-12-31",
                                          "",           "2024年3月",  "2024-3-20",  "2026-11-30"};
  std::vector<Page> pages;
  for (int i = 0; i < 400; ++i) {
    Page p;
    p.source_path = "content/p" + std::to_string(1000 + i) + ".md";
    p.date = dates[rng() % dates.size()];
    p.weight = static_cast<int>(rng() % 3);
    p.title = "标题" + std::to_string(rng() % 5);
    if (rng() % 3 == 0) {
      p.kind = "report";
      p.report.year = 2021 + static_cast<int>(rng() % 4);
    } else {
      p.kind = "page";
    }
    pages.push_back(std::move(p));
  }
  std::vector<int> expected(pages.size());
  for (size_t i = 0; i < expected.size(); ++i) expected[i] = static_cast<int>(i);
  std::vector<int> got = expected;
  std::shuffle(got.begin(), got.end(), rng);
  std::sort(expected.begin(), expected.end(), [&](int a, int b) {
    return NewerFirst(pages[static_cast<size_t>(a)], pages[static_cast<size_t>(b)]);
  });
  SortNewestFirst(pages, &got);
  CHECK(got == expected);
  // A report is of the year it is due; another page of its date's year.
  Page report;
  report.kind = "report";
  report.report.year = 2023;
  report.date = "2026-11-30";
  CHECK(ListYear(report) == 2024);
  Page news;
  news.kind = "page";
  news.date = "2024-06-01";
  CHECK(ListYear(news) == 2024);
  news.date = "2024年6月";
  CHECK(ListYear(news) == 2024);
  news.date = "六月";
  CHECK(ListYear(news) == 0);
}

}  // namespace fazhi
