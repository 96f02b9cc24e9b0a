#include "outputs/taxonomies.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>

#include "core/parallel.h"
#include "core/web.h"
#include "theme/render.h"
#include "theme/template_view.h"

namespace fazhi {

namespace {

std::string YearOf(const Page& p) {
  if (p.kind == "report" && p.report.year > 0) return std::to_string(p.report.year);
  if (const FmNode* y = p.fm.root.Get("year"); y && y->is_scalar() && y->scalar.size() == 4) return y->scalar;
  return "";
}

// The 单位 a page belongs to: a report's publisher, a profile's unit, an
// indicator's responsible unit (an indicator's `unit` is its 计量单位, 件 or %).
std::string UnitOf(const Page& p) {
  if (p.kind == "report") return p.report.publisher;
  const char* key = p.kind == "profile" ? "unit" : p.kind == "indicator" ? "responsible" : nullptr;
  if (!key) return "";
  if (const FmNode* u = p.fm.root.Get(key); u && u->is_scalar()) return u->scalar;
  return "";
}

}  // namespace

std::vector<Taxonomy> CollectTaxonomies(const Site& site) {
  struct Def {
    const char* key;
    const char* title;
  };
  const Def defs[] = {{"years", "年度"}, {"categories", "分类"}, {"units", "单位"}, {"tags", "标签"}};
  // Pages newest first, once, as the section lists order them: each term's
  // list then comes out in order.
  std::vector<int> newest;
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const Page& p = site.pages[i];
    if (p.kind == "home" || p.kind == "section" || p.is_index) continue;
    newest.push_back(static_cast<int>(i));
  }
  SortNewestFirst(site.pages, &newest);
  std::vector<Taxonomy> out;
  for (const Def& d : defs) {
    std::map<std::string, std::vector<int>, std::less<>> terms;
    const std::string_view key = d.key;
    for (int i : newest) {
      const Page& p = site.pages[static_cast<size_t>(i)];
      auto add = [&](const std::string& name) {
        if (name.empty()) return;
        auto it = terms.find(name);
        if (it == terms.end()) it = terms.emplace(name, std::vector<int>()).first;
        it->second.push_back(i);
      };
      if (key == "years") {
        add(YearOf(p));
      } else if (key == "units") {
        add(UnitOf(p));
      } else {
        for (const std::string& n : key == "categories" ? p.categories : p.tags) add(n);
      }
    }
    if (terms.empty()) continue;
    Taxonomy t{d.key, d.title, std::string("/") + d.key + "/", {}};
    for (auto& [name, pages] : terms) {
      pages.erase(std::unique(pages.begin(), pages.end()), pages.end());  // a tag given twice
      t.terms.push_back({name, t.url + TermSlug(name) + "/", pages});
    }
    if (t.key == "years") std::reverse(t.terms.begin(), t.terms.end());
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> RenderTaxonomies(
    const Site& site, const std::vector<Taxonomy>& taxonomies, const std::vector<std::string>& taken,
    const Theme& theme, OutputSink* sink, Diagnostics* diags, int jobs, const std::vector<int>* showing) {
  std::vector<std::pair<std::string, std::string>> rendered;
  if (!theme.Has("terms")) return rendered;
  const Urls urls(site.config.base_url);
  const View chrome = ChromeView(site, theme, urls);
  LayoutRenderer r(theme, &chrome);
  // Term pages are independent of each other: one renderer per worker.
  std::vector<std::unique_ptr<LayoutRenderer>> workers;
  for (size_t i = 0; i < ThreadCount(SIZE_MAX, jobs); ++i) {
    workers.push_back(std::make_unique<LayoutRenderer>(theme, &chrome));
  }
  for (const Taxonomy& t : taxonomies) {
    if (std::find(taken.begin(), taken.end(), t.url.substr(1)) != taken.end()) continue;
    View v = BaseView(site, urls, t.url, t.title);
    SetBreadcrumbs(&v, urls, {{t.title, t.url}});
    View terms{View::type::list};
    for (const TaxonomyTerm& term : t.terms) {
      View tv;
      tv.set("name", term.name);
      tv.set("url", urls.Rel(term.url));
      tv.set("count", std::to_string(term.pages.size()));
      terms.push_back(std::move(tv));
    }
    View tax;
    tax.set("title", t.title);
    tax.set("terms", std::move(terms));
    tax.set("is_index", Flag(true));
    v.set("taxonomy", std::move(tax));
    // The index shows counts, not summaries: unchanged when only summaries changed.
    if (!showing) RenderToSink(&r, theme, "terms", v, t.url.substr(1) + "index.html", sink, diags);
    rendered.push_back({t.title, t.url});
    // Term pages paginate like section lists: /tags/<term>/, /tags/<term>/page/2/, …
    // Every (term, page) pair is independent: one flat parallel loop.
    const size_t per = static_cast<size_t>(site.config.paginate);
    std::vector<std::pair<size_t, size_t>> jobs_list;  // (term index, page number)
    for (size_t k = 0; k < t.terms.size(); ++k) {
      const size_t total = ListPageCount(t.terms[k].pages.size(), per);
      for (size_t n = 1; n <= total; ++n) {
        if (ListChanges(theme, "terms", showing, ListPageItems(t.terms[k].pages, per, n)))
          jobs_list.push_back({k, n});
      }
    }
    ParallelForBatches(jobs_list.size(), jobs, sink, [&](size_t worker, size_t j, OutputSink* out) {
      const auto [k, n] = jobs_list[j];
      const TaxonomyTerm& term = t.terms[k];
      const size_t total = ListPageCount(term.pages.size(), per);
      const std::string url = ListPageUrl(term.url, n);
      View tv = BaseView(site, urls, url, t.title + "：" + term.name);
      SetBreadcrumbs(&tv, urls, {{t.title, t.url}, {term.name, term.url}});
      View items{View::type::list};
      for (int i : ListPageItems(term.pages, per, n)) {
        items.push_back(PageItem(site.pages[static_cast<size_t>(i)], urls));
      }
      View tx;
      tx.set("title", t.title + "：" + term.name);
      tx.set("items", std::move(items));
      tx.set("count", std::to_string(term.pages.size()));
      tx.set("is_index", Flag(false));
      tv.set("taxonomy", std::move(tx));
      tv.set("pagination", PaginationView(urls, term.url, n, total));
      RenderToSink(workers[worker].get(), theme, "terms", tv, url.substr(1) + "index.html", out, diags);
    });
  }

  // 年度报告归档: reports by year, then publisher.
  std::map<int, std::vector<const Page*>, std::greater<>> by_year;
  for (const Page& p : site.pages) {
    if (p.kind == "report") by_year[p.report.year].push_back(&p);
  }
  std::vector<int> listed;  // the archive's items, as site page indices
  for (const auto& [year, reports] : by_year) {
    for (const Page* p : reports) listed.push_back(static_cast<int>(p - site.pages.data()));
  }
  // On a city's site the archive lists thousands of reports: drawing it
  // again for a summary it does not show took most of a summary edit's time.
  if (!by_year.empty() && theme.Has("archive") && !ListChanges(theme, "archive", showing, listed)) {
    rendered.push_back({"年度报告归档", "/archive/"});  // unchanged, still in the 网站地图
  } else if (!by_year.empty() && theme.Has("archive")) {
    View v = BaseView(site, urls, "/archive/", "年度报告归档");
    SetBreadcrumbs(&v, urls, {{"年度报告归档", "/archive/"}});
    View years{View::type::list};
    for (auto& [year, reports] : by_year) {
      std::sort(reports.begin(), reports.end(), [](const Page* a, const Page* b) {
        return a->report.publisher != b->report.publisher ? a->report.publisher < b->report.publisher
                                                          : a->source_path < b->source_path;
      });
      View yv;
      yv.set("year", std::to_string(year));
      View items{View::type::list};
      for (const Page* p : reports) {
        View it = PageItem(*p, urls);
        it.set("publisher", p->report.publisher);
        it.set("on_time", Flag(p->report.compliance.on_time));
        it.set("late", Flag(p->report.compliance.late));
        it.set("undated", Flag(p->report.compliance.published.empty()));
        items.push_back(std::move(it));
      }
      yv.set("reports", std::move(items));
      years.push_back(std::move(yv));
    }
    v.set("archive", View("years", std::move(years)));
    RenderToSink(&r, theme, "archive", v, "archive/index.html", sink, diags);
    rendered.push_back({"年度报告归档", "/archive/"});
  }
  return rendered;
}

}  // namespace fazhi
