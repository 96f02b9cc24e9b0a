#include "site/render_site.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "site/page_bodies.h"
#include "theme/head_meta.h"
#include "theme/render.h"

namespace fazhi {
namespace {

std::string LayoutFor(const Page& page, const Theme& theme) {
  if (!page.layout.empty()) return page.layout;
  if (theme.Has(page.kind)) return page.kind;
  return "page";
}

const Section* SectionOf(const Site& site, const Page& page) {
  for (const Section& s : site.sections) {
    if (s.name == page.section) return &s;
  }
  return nullptr;
}

// One list page per `paginate` items: /reports/, /reports/page/2/, …
void RenderSectionLists(const Site& site, const Section& section, const Urls& urls,
                        const std::vector<std::unique_ptr<LayoutRenderer>>& renderers, const Theme& theme,
                        int jobs, OutputSink* sink, Diagnostics* diags, const std::vector<int>* showing) {
  const size_t per = static_cast<size_t>(site.config.paginate);
  const size_t total = ListPageCount(section.pages.size(), per);
  const Page* index = section.index_page >= 0 ? &site.pages[section.index_page] : nullptr;
  auto page_url = [&](size_t n) { return ListPageUrl(section.url, n); };
  std::vector<size_t> todo;  // list page numbers
  for (size_t n = 1; n <= total; ++n) {
    if (ListChanges(theme, "list", showing, ListPageItems(section.pages, per, n))) todo.push_back(n);
  }
  // List pages are independent of each other: render them in parallel.
  ParallelForBatches(todo.size(), jobs, sink, [&](size_t worker, size_t k, OutputSink* out) {
    const size_t n = todo[k];
    View v = BaseView(site, urls, page_url(n), section.title);
    SetBreadcrumbs(&v, urls, {{section.title, section.url}});
    View list;
    list.set("title", section.title);
    list.set("content", index ? index->html : "");
    View items{View::type::list};
    for (int i : ListPageItems(section.pages, per, n)) {
      items.push_back(PageItem(site.pages[static_cast<size_t>(i)], urls));
    }
    list.set("items", std::move(items));
    list.set("has_items", Flag(!section.pages.empty()));
    list.set("count", std::to_string(section.pages.size()));
    View pg = PaginationView(urls, section.url, n, total);
    list.set("pagination", pg);
    v.set("pagination", std::move(pg));
    v.set("list", std::move(list));
    if (index) v.set("page", PageFields(site, *index, urls));
    RenderToSink(renderers[worker].get(), theme, "list", v, page_url(n).substr(1) + "index.html", out, diags);
  });
}

// Reports the home page lists at most, but for the newest year's: that
// year is listed whole however many units it has.
constexpr size_t kHomeReports = 10;

// How many of `reports` (newest year first) the home page lists: the newest
// year's, then each earlier year's whole while the total stays within
// kHomeReports.
size_t HomeReportCount(const std::vector<const Page*>& reports) {
  size_t shown = 0;
  while (shown < reports.size()) {
    const int year = reports[shown]->report.year;
    size_t end = shown;
    while (end < reports.size() && reports[end]->report.year == year) ++end;
    if (shown > 0 && end > kHomeReports) break;
    shown = end;
  }
  return shown;
}

}  // namespace

bool RenderContentPages(Site* mutable_site, const Theme& theme, const PageBodies& bodies,
                        const std::vector<size_t>* which, int jobs, OutputSink* sink, Diagnostics* diags) {
  const Site& site = *mutable_site;
  size_t before = diags->error_count();
  const Urls urls(site.config.base_url);
  const View chrome = ChromeView(site, theme, urls);

  // Content pages, in parallel; each thread compiles its own templates.
  std::vector<size_t> todo;
  auto consider = [&](size_t i) {
    const Page& p = site.pages[i];
    if (p.kind == "page" || p.kind == "report") todo.push_back(i);  // feature pages render elsewhere
  };
  if (which) {
    for (size_t i : *which) consider(i);
  } else {
    for (size_t i = 0; i < site.pages.size(); ++i) consider(i);
  }
  // One LayoutRenderer per worker: kainjow templates are not thread-safe.
  std::vector<std::unique_ptr<LayoutRenderer>> renderers;
  for (size_t t = 0; t < ThreadCount(SIZE_MAX, jobs); ++t) {
    renderers.push_back(std::make_unique<LayoutRenderer>(theme, &chrome));
  }
  // One collector per page, merged in page order (deterministic reports).
  std::vector<Diagnostics> found;
  found.reserve(todo.size());
  for (size_t k = 0; k < todo.size(); ++k) found.emplace_back(SIZE_MAX);
  // Pages go in runs as long as a batch (or of 1 MiB of Markdown): a worker
  // renders a run's bodies, then its templates, and hands the pages on in
  // batches (BatchSink) to the checks and the search index, so that each kind
  // of work runs for many pages in a row (docs/performance.md, run 29). A
  // small site gets shorter runs, four or more for each worker, so all of
  // them work.
  const size_t per_run = std::clamp<size_t>(todo.size() / (4 * renderers.size()), 1, kBatchFiles);
  std::vector<size_t> runs{0};  // where each run starts in `todo`, then todo.size()
  size_t run_bytes = 0;
  for (size_t k = 0; k < todo.size(); ++k) {
    if (k - runs.back() == per_run || run_bytes >= kBatchBytes) {
      runs.push_back(k);
      run_bytes = 0;
    }
    run_bytes += site.pages[todo[k]].body.size();
  }
  runs.push_back(todo.size());
  auto render = [&](size_t worker, size_t k, OutputSink* out) {
    Page& p = mutable_site->pages[todo[k]];
    const HeadMeta head{site.config.base_url,
                        p.url,
                        p.title,
                        site.config.title,
                        p.description.empty() ? p.summary : p.description,
                        true,
                        p.date,
                        site.config.language};
    View v = BaseView(site, urls, p.url, p.title, &head);
    std::vector<std::pair<std::string, std::string>> crumbs;
    if (const Section* s = SectionOf(site, p)) crumbs.push_back({s->title, s->url});
    crumbs.push_back({p.title, p.url});
    SetBreadcrumbs(&v, urls, crumbs);
    v.set("page", PageFields(site, p, urls));  // borrows p.html and p.toc
    RenderToSink(renderers[worker].get(), theme, LayoutFor(p, theme), v, p.output_path, out, &found[k]);
    if (p.stream_body) {
      std::string().swap(p.html);
      std::vector<TocEntry>().swap(p.toc);
    }
  };
  auto render_run = [&](size_t worker, size_t r, OutputSink* out) {
    // A streamed page's body is rendered here and its HTML released once its
    // template is; it writes only its own fields, which no other content
    // page's view reads (they read titles and URLs).
    for (size_t k = runs[r]; k < runs[r + 1]; ++k) {
      Page& p = mutable_site->pages[todo[k]];
      if (!p.body_rendered) bodies.Render(site.pages, &p, &found[k]);
    }
    for (size_t k = runs[r]; k < runs[r + 1]; ++k) {
      if (!found[k].has_errors()) render(worker, k, out);
    }
  };
  ParallelForBatches(runs.size() - 1, jobs, sink, render_run);
  for (const Diagnostics& d : found) diags->Merge(d);
  return diags->error_count() == before;
}

bool RenderLists(const Site& site, const Theme& theme, int jobs, OutputSink* sink, Diagnostics* diags,
                 const std::vector<int>* showing) {
  size_t before = diags->error_count();
  const Urls urls(site.config.base_url);
  const View chrome = ChromeView(site, theme, urls);
  std::vector<std::unique_ptr<LayoutRenderer>> renderers;
  for (size_t t = 0; t < ThreadCount(SIZE_MAX, jobs); ++t) {
    renderers.push_back(std::make_unique<LayoutRenderer>(theme, &chrome));
  }
  LayoutRenderer& r = *renderers[0];
  for (const Section& s : site.sections) {
    if (s.name == "indicators" || s.name == "profiles") continue;  // feature modules list these
    RenderSectionLists(site, s, urls, renderers, theme, jobs, sink, diags, showing);
  }

  // Home: the root _index.md plus the newest items of every section, and the reports.
  std::vector<int> on_home;
  for (const Section& s : site.sections) {
    on_home.insert(on_home.end(), s.pages.begin(),
                   s.pages.begin() + std::min<std::ptrdiff_t>(5, std::ssize(s.pages)));
  }
  for (size_t i = 0; i < site.pages.size(); ++i) {
    if (site.pages[i].kind == "report") on_home.push_back(static_cast<int>(i));
  }
  if (ListChanges(theme, "home", showing, on_home)) {
    View v = BaseView(site, urls, "/", site.config.title);
    for (const Page& p : site.pages) {
      if (p.kind == "home") v.set("page", PageFields(site, p, urls));
    }
    View sections{View::type::list};
    for (const Section& s : site.sections) {
      View sv;
      sv.set("title", s.title);
      sv.set("url", urls.Rel(s.url));
      View items{View::type::list};
      for (size_t i = 0; i < std::min<size_t>(5, s.pages.size()); ++i) {
        items.push_back(PageItem(site.pages[s.pages[i]], urls));
      }
      sv.set("items", std::move(items));
      sv.set("has_items", Flag(!s.pages.empty()));
      sections.push_back(std::move(sv));
    }
    v.set("sections", std::move(sections));
    View reports{View::type::list};
    std::vector<const Page*> rs;
    for (const Page& p : site.pages) {
      if (p.kind == "report") rs.push_back(&p);
    }
    std::sort(rs.begin(), rs.end(), [](const Page* a, const Page* b) {
      return a->report.year != b->report.year ? a->report.year > b->report.year
                                              : a->source_path < b->source_path;
    });
    // The newest year's reports, and each earlier year's whole while the
    // list stays within kHomeReports: a bureau's site shows its reports of
    // ten years, a district's of 60 units this year's (listing every year,
    // its home page grew by 60 cards a year: 109 KB after five; a city's of
    // 1,200 units, 2 MB). The years left out are linked to the archive.
    const size_t shown = HomeReportCount(rs);
    for (size_t i = 0; i < shown; ++i) {
      View item = PageItem(*rs[i], urls);
      item.set("year", std::to_string(rs[i]->report.year));
      item.set("publisher", rs[i]->report.publisher);
      reports.push_back(std::move(item));
    }
    View earlier{View::type::list};
    for (size_t i = shown; i < rs.size();) {
      const int year = rs[i]->report.year;
      size_t n = 0;
      for (; i < rs.size() && rs[i]->report.year == year; ++i) ++n;
      View y;
      y.set("year", std::to_string(year));
      y.set("count", std::to_string(n));
      y.set("url", urls.Rel("/archive/") + "#year-" + std::to_string(year));
      earlier.push_back(std::move(y));
    }
    v.set("reports", std::move(reports));
    v.set("has_reports", Flag(!rs.empty()));
    v.set("has_earlier_years", Flag(shown < rs.size() && theme.Has("archive")));
    v.set("earlier_years", std::move(earlier));
    v.set("report_count", std::to_string(rs.size()));
    v.set("archive_url", urls.Rel("/archive/"));
    RenderToSink(&r, theme, "home", v, "index.html", sink, diags);
  }

  if (!showing) {
    View v = BaseView(site, urls, "/404.html", "页面未找到");
    RenderToSink(&r, theme, "404", v, "404.html", sink, diags);
  }
  return diags->error_count() == before;
}

bool RenderSite(Site* site, const Theme& theme, const PageBodies& bodies, int jobs, OutputSink* sink,
                Diagnostics* diags) {
  // List pages show the summaries the content pages' bodies give.
  if (!RenderContentPages(site, theme, bodies, nullptr, jobs, sink, diags)) return false;
  if (!RenderLists(*site, theme, jobs, sink, diags)) return false;
  for (const auto& [path, file] : theme.static_files()) {
    sink->Put(path, file->text);
  }
  return true;
}

}  // namespace fazhi
