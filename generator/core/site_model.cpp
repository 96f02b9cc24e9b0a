#include "core/site_model.h"

#include <algorithm>
#include <string>

namespace fazhi {

int ListYear(const Page& page) {
  if (page.kind == "report" && page.report.year > 0) return page.report.year + 1;
  int year = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (i >= page.date.size() || page.date[i] < '0' || page.date[i] > '9') return 0;
    year = year * 10 + (page.date[i] - '0');
  }
  return year;
}

bool NewerFirst(const Page& a, const Page& b) {
  const int ya = ListYear(a), yb = ListYear(b);
  if (ya != yb) return ya > yb;
  if (a.date != b.date) return a.date > b.date;
  if (a.weight != b.weight) return a.weight < b.weight;
  if (a.title != b.title) return a.title < b.title;
  return a.source_path < b.source_path;
}

void SortNewestFirst(const std::vector<Page>& pages, std::vector<int>* indices) {
  // The year, and the date as a number where it is YYYY-MM-DD (-1 where it
  // is not: then the strings are compared, as NewerFirst does).
  struct Key {
    int year;
    int ymd;
    int weight;
    int index;
    const std::string* title;
  };
  auto ymd = [](const std::string& d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return -1;
    int v = 0;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
      if (d[i] < '0' || d[i] > '9') return -1;
      v = v * 10 + (d[i] - '0');
    }
    return v;
  };
  std::vector<Key> keys;
  keys.reserve(indices->size());
  for (int i : *indices) {
    const Page& p = pages[static_cast<size_t>(i)];
    keys.push_back({ListYear(p), ymd(p.date), p.weight, i, &p.title});
  }
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.year != b.year) return a.year > b.year;
    if (a.ymd >= 0 && b.ymd >= 0) {
      if (a.ymd != b.ymd) return a.ymd > b.ymd;
      if (a.weight != b.weight) return a.weight < b.weight;
      if (*a.title != *b.title) return *a.title < *b.title;
    }
    return NewerFirst(pages[static_cast<size_t>(a.index)], pages[static_cast<size_t>(b.index)]);
  });
  for (size_t k = 0; k < keys.size(); ++k) (*indices)[k] = keys[k].index;
}

}  // namespace fazhi
