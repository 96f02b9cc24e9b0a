#include "build_model.h"

#include <algorithm>
#include <map>

namespace fazhi {

bool NewerFirst(const Page& a, const Page& b) {
  if (a.date != b.date) return a.date > b.date;
  if (a.weight != b.weight) return a.weight < b.weight;
  if (a.title != b.title) return a.title < b.title;
  return a.source_path < b.source_path;
}

bool BuildModel(const Config& config, std::vector<Page> pages, Site* site, Diagnostics* diags) {
  size_t before = diags->error_count();
  site->config = config;
  std::sort(pages.begin(), pages.end(),
            [](const Page& a, const Page& b) { return a.source_path < b.source_path; });
  site->pages = std::move(pages);

  std::map<std::string, Section> sections;
  for (int i = 0; i < static_cast<int>(site->pages.size()); ++i) {
    const Page& p = site->pages[i];
    if (p.section.empty()) continue;
    Section& s = sections[p.section];
    s.name = p.section;
    s.url = "/" + p.section + "/";
    if (p.is_index && p.url == s.url) {
      s.index_page = i;
      s.title = p.title;
    } else if (!p.is_index) {
      s.pages.push_back(i);
    }
  }
  for (auto& [name, s] : sections) {
    if (s.title.empty()) s.title = name;
    std::sort(s.pages.begin(), s.pages.end(),
              [&](int a, int b) { return NewerFirst(site->pages[a], site->pages[b]); });
    site->sections.push_back(std::move(s));
  }

  // Report series: one per publisher, ordered by year.
  std::map<std::string, std::map<int, int>> series;
  for (int i = 0; i < static_cast<int>(site->pages.size()); ++i) {
    const Page& p = site->pages[i];
    if (p.kind != "report") continue;
    auto [it, inserted] = series[p.report.publisher].emplace(p.report.year, i);
    if (!inserted) {
      const Page& other = site->pages[it->second];
      diags->Error(p.source_path, 1, 1,
                   "a report of " + p.report.publisher + " for " + std::to_string(p.report.year) +
                       " already exists: " + other.source_path);
    }
  }
  for (auto& [publisher, years] : series) {
    int prev = -1;
    for (auto& [year, index] : years) {
      if (prev >= 0) {
        site->pages[prev].next_in_series = index;
        site->pages[index].prev_in_series = prev;
      }
      prev = index;
    }
  }
  return diags->error_count() == before;
}

}  // namespace fazhi
