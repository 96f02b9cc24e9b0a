#include "site/build_model.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "core/content.h"
#include "core/front_matter.h"
#include "site/messages.h"

namespace fazhi {
namespace {
// sizeof(Page) on 64-bit libstdc++ when SameOutsideBody last listed its fields.
constexpr size_t kPageSizeWhenSameOutsideBodyWasWritten = 1232;
}  // namespace

bool SameOutsideBody(const Page& a, const Page& b) {
  // A field added to Page must be compared here, or deliberately left out
  // (body-derived or a source position): this fails to compile until then.
  static_assert(sizeof(Page) == kPageSizeWhenSameOutsideBodyWasWritten,
                "Page changed: update SameOutsideBody, then the size");
  return a.source_path == b.source_path && a.section == b.section && a.slug == b.slug && a.url == b.url &&
         a.output_path == b.output_path && a.kind == b.kind && a.is_index == b.is_index &&
         a.title == b.title && a.date == b.date && a.updated == b.updated && a.source == b.source &&
         a.description == b.description && a.layout == b.layout && a.draft == b.draft &&
         a.weight == b.weight && a.tags == b.tags && a.categories == b.categories && a.report == b.report &&
         a.record == b.record && a.fm.format == b.fm.format && SameValue(a.fm.root, b.fm.root) &&
         a.stream_body == b.stream_body && a.prev_in_series == b.prev_in_series &&
         a.next_in_series == b.next_in_series;
  // Not compared: body, body_first_line, text_bytes, layout_line, layout_col, fm.body_offset,
  // fm.body_first_line (positions), body_rendered, html, toc, summary, cites, link_checks and resources (from
  // the body; UpdatePages compares what other outputs read).
}

bool BuildModel(const Config& config, std::vector<Page> pages, Site* site, Diagnostics* diags) {
  size_t before = diags->error_count();
  site->config = config;
  // Content arrives in path order (LoadContent reads the source tree in
  // order), and then the vector is kept: a Page is large (sizeof 1232), and
  // another vector of them is 12 MB of fresh memory on a 10,000-page site.
  // Otherwise sorted through an index: sorting the pages themselves moved
  // each of them some 20 times.
  const auto by_path = [](const Page& a, const Page& b) { return a.source_path < b.source_path; };
  if (!std::is_sorted(pages.begin(), pages.end(), by_path)) {
    std::vector<size_t> order(pages.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return by_path(pages[a], pages[b]); });
    std::vector<Page> sorted;
    sorted.reserve(pages.size());
    for (size_t i : order) sorted.push_back(std::move(pages[i]));
    pages = std::move(sorted);
  }
  // A section whose only page is its _index.md is not opened yet: its
  // _index.md leaves the site with it (no list page, menu entry or map entry).
  std::set<std::string> with_pages;
  for (const Page& p : pages) {
    if (!p.section.empty() && !p.is_index) with_pages.insert(p.section);
  }
  const auto unopened = [&](const Page& p) {
    return p.is_index && !p.section.empty() && p.url == "/" + p.section + "/" && !with_pages.count(p.section);
  };
  site->unopened.clear();
  for (const Page& p : pages) {
    if (unopened(p))
      site->unopened.push_back(
          {p.section, p.url, p.title.empty() ? DefaultSectionTitle(p.section) : p.title, p.source_path});
  }
  std::erase_if(pages, unopened);
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
    if (s.title.empty()) s.title = DefaultSectionTitle(name);
    SortNewestFirst(site->pages, &s.pages);
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
                   Message(msg::kReportTwice, p.report.publisher, p.report.year, other.source_path));
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
