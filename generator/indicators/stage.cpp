#include "indicators/stage.h"

#include <algorithm>
#include <set>

#include "core/content.h"
#include "core/parallel.h"
#include "indicators/messages.h"
#include "indicators/prose.h"
#include "theme/template_view.h"

namespace fazhi {
namespace {

bool IsUrl(std::string_view s) { return s.substr(0, 7) == "http://" || s.substr(0, 8) == "https://"; }

// Sources are written relative to content/: "reports/2024.md#四".
constexpr std::string_view kSourceBase = "content/_.md";

void SourceError(const IndicatorSet& set, const Observation& o, Message msg, Diagnostics* diags) {
  auto pos = o.pos[static_cast<int>(Column::kSource)];
  auto it = set.csv_texts.find(o.path);
  diags->Error(o.path, pos[0], pos[1], std::move(msg),
               it == set.csv_texts.end() ? std::string_view() : std::string_view(it->second));
}

const Page* PageAt(const std::vector<Page>& pages, std::string_view source_path) {
  for (const Page& p : pages) {
    if (p.source_path == source_path) return &p;
  }
  return nullptr;
}

}  // namespace

bool HasIndicators(const SourceTree& tree) {
  for (const SourceFile* f : tree.Under("content/indicators/", ".md")) {
    if (f->path != "content/indicators/_index.md") return true;
  }
  return !tree.Under("data/indicators/", ".csv").empty();
}

bool LoadIndicators(const SourceTree& tree, const Config& config, std::vector<Page>* pages, IndicatorSet* set,
                    Diagnostics* diags, const std::vector<std::string>* unloaded, const UnitRegistry* units) {
  size_t before = diags->error_count();
  std::vector<std::string_view> keys = CommonFrontMatterKeys();
  for (std::string_view k : IndicatorDefKeys()) keys.push_back(k);
  std::vector<IndicatorDef> defs;
  std::vector<const SourceFile*> def_files;
  std::set<std::string, std::less<>> failed;  // definitions with errors
  for (Page& p : *pages) {
    if (p.section != "indicators" || p.is_index) continue;
    const SourceFile* f = tree.Find(p.source_path);
    if (!f) continue;
    def_files.push_back(f);
    const size_t errors_before = diags->error_count();
    CheckKnownKeys(*f, p.fm.root, keys, diags);
    // /indicators/<year>/ and /indicators/categories/ belong to the dashboard.
    bool year_like = p.slug.size() == 4 &&
                     std::all_of(p.slug.begin(), p.slug.end(), [](char c) { return c >= '0' && c <= '9'; });
    IndicatorDef def;
    if (year_like || p.slug == "categories" || p.slug.find('/') != std::string::npos) {
      diags->Error(p.source_path, 1, 1, Message(msg::kIdClashes, p.slug), f->text);
    } else if (ParseIndicatorDef(*f, p.fm.root, p.slug, config.indicators.categories, &def, diags)) {
      defs.push_back(std::move(def));
    }
    if (diags->error_count() != errors_before) failed.insert(p.slug);
  }
  // Definitions present on disk but not loaded are drafts (LoadContent left
  // them out) or failed to load (reported). Either way their rows are
  // skipped, and the other definitions' data is still read and checked.
  std::set<std::string, std::less<>> drafts;
  for (const SourceFile* f : tree.Under("content/indicators/", ".md")) {
    std::string_view name = std::string_view(f->path).substr(19);
    if (name.find('/') != std::string_view::npos || name == "_index.md") continue;
    std::string id(name.substr(0, name.size() - 3));
    bool loaded = std::any_of(defs.begin(), defs.end(), [&](const IndicatorDef& d) { return d.id == id; });
    if (loaded) continue;
    if (unloaded && std::binary_search(unloaded->begin(), unloaded->end(), f->path)) {
      failed.insert(std::move(id));
    } else {
      drafts.insert(std::move(id));
    }
  }
  BuildIndicatorSet(config.indicators.categories, std::move(defs), def_files,
                    tree.Under("data/indicators/", ".csv"), set, diags, std::move(drafts), std::move(failed),
                    units);
  for (const Observation& o : set->observations) {
    if (o.source.empty() || IsUrl(o.source)) continue;
    std::string url;
    Message error;
    if (!ResolvePageLink(*pages, kSourceBase, o.source, &url, &error, unloaded)) {
      SourceError(*set, o, Message(msg::kSourceLink, std::move(error)), diags);
    }
  }
  set->complete = diags->error_count() == before;
  return set->complete;
}

void AddIndicatorShortcodes(const IndicatorSet& set, const Config& config, ShortcodeHandlers* handlers) {
  // A site URL, as an editor would write it: link rewriting adds the base
  // URL's path and checks that the page exists.
  (*handlers)["value"] =
      ValueShortcodeHandler(set, [](std::string_view id) { return "/indicators/" + std::string(id) + "/"; });
}

void CheckReportFigures(const SourceTree& tree, const std::vector<Page>& pages, const IndicatorSet& set,
                        Diagnostics* diags, int jobs) {
  std::vector<std::pair<const Page*, const SourceFile*>> reports;
  for (const Page& p : pages) {
    if (p.kind != "report" || p.report.year == 0) continue;
    if (const SourceFile* f = tree.Find(p.source_path)) reports.emplace_back(&p, f);
  }
  // A district's reports are checked in parallel, each into its own
  // collector, merged in page order: the warnings of a serial run.
  std::vector<Diagnostics> found;
  found.reserve(reports.size());
  for (size_t i = 0; i < reports.size(); ++i) found.emplace_back(SIZE_MAX);
  ParallelFor(reports.size(), jobs, [&](size_t i) {
    const auto [p, f] = reports[i];
    CheckProseNumbers(*f, p->body, p->body_first_line, p->report.year, set, &found[i]);
  });
  for (const Diagnostics& d : found) diags->Merge(d);
}

void CheckValueScopesInPages(const SourceTree& tree, const std::vector<Page>& pages, const IndicatorSet& set,
                             Diagnostics* diags) {
  for (const Page& p : pages) {
    // Plain pages are streamed and checked nowhere else before rendering;
    // reports, profiles and the other feature pages are where figures are cited.
    if (p.kind == "page") continue;
    const SourceFile* f = tree.Find(p.source_path);
    if (f) CheckValueScopes(*f, p.body, p.body_first_line, set, diags);
  }
}

namespace {

// "reports/2024.md#一主要举措" → "content/reports/2024.md", "一主要举措";
// false for URLs and sources without an anchor.
bool AnchoredSource(const Observation& o, std::string* page, std::string* anchor) {
  size_t hash = o.source.find('#');
  if (o.source.empty() || IsUrl(o.source) || hash == std::string::npos) return false;
  *page = "content/" + o.source.substr(0, hash);
  *anchor = o.source.substr(hash + 1);
  return true;
}

}  // namespace

std::vector<std::string> SourceAnchorPages(const IndicatorSet& set) {
  std::vector<std::string> pages;
  std::string page, anchor;
  for (const Observation& o : set.observations) {
    if (AnchoredSource(o, &page, &anchor)) pages.push_back(page);
  }
  std::sort(pages.begin(), pages.end());
  pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
  return pages;
}

bool CheckSourceAnchors(const std::vector<Page>& pages, const IndicatorSet& set, Diagnostics* diags) {
  size_t before = diags->error_count();
  for (const Observation& o : set.observations) {
    std::string path, anchor;
    if (!AnchoredSource(o, &path, &anchor)) continue;
    const Page* page = PageAt(pages, path);
    if (!page) continue;  // reported by LoadIndicators
    bool found =
        std::any_of(page->toc.begin(), page->toc.end(), [&](const TocEntry& t) { return t.id == anchor; });
    if (!found) {
      SourceError(
          set, o,
          Message(msg::kSourceAnchor, anchor, page->source_path, page->toc.empty() ? "…" : page->toc[0].id),
          diags);
    }
  }
  return diags->error_count() == before;
}

}  // namespace fazhi
