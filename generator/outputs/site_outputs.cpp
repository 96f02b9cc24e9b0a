#include "outputs/site_outputs.h"

#include <algorithm>

#include "norms/external_resources.h"
#include "outputs/feeds.h"
#include "outputs/taxonomies.h"
#include "theme/render.h"
#include "theme/template_view.h"

namespace fazhi {

namespace {

// Above this, search/index.json is too big to fetch on a phone.
constexpr size_t kLargeSearchIndex = 8u << 20;

bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

// "reports/2024/index.html" → "reports/2024/"; "index.html" → "".
std::string UrlOfOutput(const std::string& path) {
  if (path == "index.html") return "";
  if (EndsWith(path, "/index.html")) return path.substr(0, path.size() - 10);
  return path;
}

// The result label of a page, by where it lives.
void KindsFor(const std::string& path, std::string* kind, std::string* section_kind) {
  std::string top = path.substr(0, path.find('/'));
  if (top == "reports") {
    *kind = "年度报告";
    *section_kind = "报告章节";
  } else if (top == "indicators") {
    *kind = *section_kind = "指标";
  } else if (top == "profiles") {
    *kind = *section_kind = "述法";
  } else if (top == "units") {
    *kind = *section_kind = "单位";
  } else {
    *kind = *section_kind = "页面";
  }
}

std::string HumanSize(size_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " 字节";
  double kib = bytes / 1024.0;
  char buf[32];
  snprintf(buf, sizeof buf, "%.1f KiB", kib);
  return buf;
}

}  // namespace

std::vector<SearchDoc> SearchDocsFromHtml(std::string_view html, const std::string& url,
                                          const std::string& kind, const std::string& section_kind,
                                          bool split) {
  std::vector<SearchDoc> out;
  size_t m = html.find("<main");
  size_t me = html.rfind("</main>");
  if (m == std::string_view::npos || me == std::string_view::npos || me < m) return out;
  size_t open_end = html.find('>', m);
  std::string_view main = html.substr(open_end + 1, me - open_end - 1);
  std::string title;
  size_t h1 = main.find("<h1");
  if (h1 != std::string_view::npos) {
    size_t h1e = main.find("</h1>", h1);
    size_t gt = main.find('>', h1);
    if (h1e != std::string_view::npos && gt < h1e) title = HtmlToText(main.substr(gt + 1, h1e - gt - 1));
  }
  std::vector<HtmlSection> sections;
  if (split) {
    sections = SplitHtmlByHeadings(main, 3);
  } else {
    sections.push_back({"", title, HtmlToText(main)});
  }
  for (size_t i = 0; i < sections.size(); ++i) {
    HtmlSection& s = sections[i];
    if (i == 0) {
      // The intro repeats the <h1>; the title carries it already.
      std::string text = s.text;
      if (!title.empty() && text.rfind(title, 0) == 0) text = text.substr(title.size());
      if (!text.empty() && text.front() == ' ') text.erase(0, 1);
      out.push_back({url, title, kind, std::move(text)});
    } else {
      out.push_back({url + "#" + s.id, s.title, section_kind, std::move(s.text)});
    }
  }
  return out;
}

SiteOutputs::SiteOutputs(OutputSink* inner, const Config& config, Diagnostics* diags)
    : inner_(inner), config_(config), diags_(diags) {}

void SiteOutputs::SetSite(const Site* site) {
  site_ = site;
  page_by_output_.clear();
  for (const Page& p : site->pages) page_by_output_[p.output_path] = &p;
}

// Content pages are indexed (reports and plain pages split by section,
// indicator and profile pages whole), and so are unit pages (/units/<x>/);
// lists, dashboards, taxonomies and navigation pages are not.
SiteOutputs::IndexMode SiteOutputs::ModeFor(const std::string& path) const {
  if (!EndsWith(path, ".html")) return IndexMode::kSkip;
  auto it = page_by_output_.find(path);
  if (it != page_by_output_.end()) {
    const Page& p = *it->second;
    if (p.kind == "home" || p.kind == "section" || p.is_index) return IndexMode::kSkip;
    return p.kind == "report" || p.kind == "page" ? IndexMode::kSections : IndexMode::kWhole;
  }
  if (path.rfind("units/", 0) == 0 && std::count(path.begin(), path.end(), '/') == 2)
    return IndexMode::kWhole;
  return IndexMode::kSkip;
}

bool SiteOutputs::Put(const std::string& path, std::string bytes) {
  if (EndsWith(path, ".html")) {
    CheckRenderedHtml(path, bytes, config_, diags_);
    std::vector<IndexedDoc> docs;
    IndexMode mode = finishing_ || !config_.search_enabled ? IndexMode::kSkip : ModeFor(path);
    if (mode != IndexMode::kSkip) {
      std::string kind, section_kind;
      KindsFor(path, &kind, &section_kind);
      // Tokenized here, on the render threads; Finish only merges.
      for (const SearchDoc& d :
           SearchDocsFromHtml(bytes, UrlOfOutput(path), kind, section_kind, mode == IndexMode::kSections)) {
        docs.push_back(IndexDocument(d, &terms_));
      }
    }
    std::lock_guard<std::mutex> lock(mu_);
    (finishing_ ? finish_paths_ : page_paths_).insert(path);
    if (docs.empty()) {
      docs_.erase(path);  // a re-rendered page may have lost its documents
    } else {
      docs_[path] = std::move(docs);
    }
  }
  return inner_->Put(path, std::move(bytes));
}

void SiteOutputs::AddSitemapGroup(SitemapGroup g) { groups_.push_back(std::move(g)); }

void SiteOutputs::Redirect(OutputSink* inner, Diagnostics* diags) {
  inner_ = inner;
  diags_ = diags;
  finishing_ = false;
}

bool SiteOutputs::WriteSearch(const Theme& theme, SearchIndexStats* sstats) {
  size_t before = diags_->error_count();
  const Urls urls(config_.base_url);
  // Every document, ordered by output path (kept: an edit re-serialises
  // with one page's documents replaced).
  std::vector<const IndexedDoc*> docs;
  for (const auto& [path, list] : docs_) {
    for (const IndexedDoc& d : list) docs.push_back(&d);
  }
  std::string index = SerializeSearchIndex(docs, terms_, sstats);
  if (theme.Has("search")) {
    View v = BaseView(*site_, urls, "/search/", "站内搜索");
    SetBreadcrumbs(&v, urls, {{"站内搜索", "/search/"}});
    View s;
    s.set("enabled", Flag(config_.search_enabled));
    s.set("docs", std::to_string(sstats->docs));
    s.set("size", HumanSize(sstats->bytes));
    v.set("search", s);
    LayoutRenderer renderer(theme);
    RenderToSink(&renderer, theme, "search", v, "search/index.html", inner_, diags_);
    finish_paths_.insert("search/index.html");
  }  // A theme without search/sitemap layouts gets the data files only.
  if (config_.search_enabled) {
    inner_->Put("search/index.json", std::move(index));
    // One file suits a department site of hundreds of pages; say so when it grows past that.
    if (sstats->bytes > kLargeSearchIndex) {
      diags_->Warning(
          "site.toml", 0, 0,
          "the search index is " + std::to_string(sstats->bytes / (size_t{1024} * 1024)) +
              " MiB, large for a browser to load; set [search] enabled = false, or see docs/search.md");
    }
  }
  return diags_->error_count() == before;
}

bool SiteOutputs::Refresh(const Theme& theme, const std::vector<int>& summaries, SiteOutputStats* stats) {
  size_t before = diags_->error_count();
  finishing_ = true;
  if (!summaries.empty()) {
    RenderTaxonomies(*site_, CollectTaxonomies(*site_), TakenPrefixes(), theme, this, diags_, 0, &summaries);
    size_t feed_entries = WriteFeed();
    if (stats) stats->feed_entries = feed_entries;
  }
  SearchIndexStats sstats;
  WriteSearch(theme, &sstats);
  if (stats) stats->search = sstats;
  return diags_->error_count() == before;
}

// Folders other modules wrote pages into (taxonomies keep out of them).
std::vector<std::string> SiteOutputs::TakenPrefixes() const {
  std::vector<std::string> taken;
  for (const std::string& path : page_paths_) {
    size_t slash = path.find('/');
    if (slash != std::string::npos) taken.push_back(path.substr(0, slash + 1));
  }
  taken.erase(std::unique(taken.begin(), taken.end()), taken.end());  // sorted: from a set
  return taken;
}

// Atom feed: dated items (not lists, not the home page). Returns its entry count.
size_t SiteOutputs::WriteFeed() {
  const Urls urls(config_.base_url);
  std::vector<FeedEntry> feed;
  for (const Page& p : site_->pages) {
    if (p.kind == "home" || p.kind == "section" || p.date.empty()) continue;
    feed.push_back(
        {p.title, p.url, p.date, p.updated, p.description.empty() ? p.summary : p.description, p.source});
  }
  FeedMeta meta{config_.title, urls.Abs("/"), config_.sponsor, config_.as_of};
  size_t entries = std::min(feed.size(), meta.max_entries);
  inner_->Put("feed.xml", RenderAtomFeed(meta, std::move(feed)));
  return entries;
}

bool SiteOutputs::Finish(const Theme& theme, SiteOutputStats* stats) {
  size_t before = diags_->error_count();
  const Urls urls(config_.base_url);
  const Site& site = *site_;
  finishing_ = true;  // pages rendered from here on are navigation, not search documents
  finish_paths_.clear();
  LayoutRenderer renderer(theme);

  // Taxonomy term pages and the report archive (not where another module
  // already wrote, e.g. /units/ by the profiles feature).
  const std::vector<std::string> taken = TakenPrefixes();
  SitemapGroup nav{"分类导航", "", {}, ""};
  const std::vector<Taxonomy> taxonomies = CollectTaxonomies(site);
  size_t reports = 0;
  for (const Page& p : site.pages) reports += p.kind == "report" ? 1 : 0;
  for (auto& [title, url] : RenderTaxonomies(site, taxonomies, taken, theme, this, diags_)) {
    std::string note;
    for (const Taxonomy& t : taxonomies) {
      if (t.url == url) note = "（" + std::to_string(t.terms.size()) + "个）";
    }
    if (url == "/archive/") note = "（" + std::to_string(reports) + "份报告）";
    nav.items.push_back({title, url, note});
  }

  SearchIndexStats sstats;
  WriteSearch(theme, &sstats);

  // 网站地图: the site's structure as government sites show it — 栏目 with their
  // counts and list pages, each report, then the groups other modules add
  // (indicator categories, profile years and types) and the taxonomy indexes.
  // Not every page: sitemap.xml lists every URL for search engines.
  if (theme.Has("sitemap")) {
    finish_paths_.insert("sitemap/index.html");
    View v = BaseView(site, urls, "/sitemap/", "网站地图");
    SetBreadcrumbs(&v, urls, {{"网站地图", "/sitemap/"}});
    View groups{View::type::list};
    auto add_group = [&](const SitemapGroup& g) {
      View gv;
      gv.set("title", g.title);
      gv.set("url", g.url.empty() ? "" : urls.Rel(g.url));
      gv.set("has_url", Flag(!g.url.empty()));
      // has_note always set: an unset key would resolve in the parent context.
      gv.set("note", g.note);
      gv.set("has_note", Flag(!g.note.empty()));
      View items{View::type::list};
      for (const SitemapLink& l : g.items) {
        View it;
        it.set("title", l.title);
        it.set("url", urls.Rel(l.url));
        it.set("note", l.note);
        it.set("has_note", Flag(!l.note.empty()));
        PushMoved(&items, std::move(it));
      }
      SetMoved(&gv, "items", std::move(items));
      gv.set("has_items", Flag(!g.items.empty()));
      PushMoved(&groups, std::move(gv));
    };
    SitemapGroup top{"本站", "", {{"首页", "/", ""}}, ""};
    for (const Page& p : site.pages) {
      if (p.section.empty() && p.kind != "home" && p.kind != "section")
        top.items.push_back({p.title, p.url, ""});
    }
    top.items.push_back({"站内搜索", "/search/", ""});
    add_group(top);
    const size_t per = static_cast<size_t>(site.config.paginate);
    for (const Section& s : site.sections) {
      if (s.name == "indicators" || s.name == "profiles") continue;  // their modules add groups
      const size_t pages = ListPageCount(s.pages.size(), per);
      SitemapGroup g{s.title, s.url, {}, "共 " + std::to_string(s.pages.size()) + " 项"};
      if (pages > 1) g.note += "，分 " + std::to_string(pages) + " 页";
      // Reports are the site's core documents, a few a year: each is listed.
      // A section that fits on one list page lists its pages; a longer one
      // lists its list pages (up to kMaxListPages, then the last one).
      bool all_reports = !s.pages.empty();
      for (int i : s.pages) all_reports = all_reports && site.pages[static_cast<size_t>(i)].kind == "report";
      if (all_reports || pages == 1) {
        for (int i : s.pages) {
          const Page& p = site.pages[static_cast<size_t>(i)];
          g.items.push_back({p.title, p.url, p.date.empty() ? "" : "（" + p.date + "）"});
        }
      } else {
        constexpr size_t kMaxListPages = 10;
        for (size_t n = 1; n <= pages; ++n) {
          if (n > kMaxListPages && n != pages) continue;
          g.items.push_back({"第 " + std::to_string(n) + " 页", ListPageUrl(s.url, n), ""});
        }
      }
      add_group(g);
    }
    for (const SitemapGroup& g : groups_) add_group(g);
    if (!nav.items.empty()) add_group(nav);
    View sm;
    SetMoved(&sm, "groups", std::move(groups));
    SetMoved(&v, "sitemap", std::move(sm));
    RenderToSink(&renderer, theme, "sitemap", v, "sitemap/index.html", inner_, diags_);
  }

  // sitemap.xml: every HTML page but 404, dated from content where it has a date.
  std::vector<SitemapEntry> entries;
  std::set<std::string> html_paths = page_paths_;
  html_paths.insert(finish_paths_.begin(), finish_paths_.end());
  for (const std::string& path : html_paths) {
    if (path == "404.html") continue;
    SitemapEntry e{"/" + UrlOfOutput(path), ""};
    auto it = page_by_output_.find(path);
    if (it != page_by_output_.end())
      e.lastmod = it->second->updated.empty() ? it->second->date : it->second->updated;
    entries.push_back(std::move(e));
  }
  std::sort(entries.begin(), entries.end(),
            [](const SitemapEntry& a, const SitemapEntry& b) { return a.url < b.url; });
  entries.erase(std::unique(entries.begin(), entries.end(),
                            [](const SitemapEntry& a, const SitemapEntry& b) { return a.url == b.url; }),
                entries.end());
  size_t sitemap_urls = entries.size();
  inner_->Put("sitemap.xml", RenderSitemap(urls.Abs("/"), std::move(entries)));

  size_t feed_entries = WriteFeed();
  inner_->Put("robots.txt", RenderRobots(urls.Abs("/"), config_.robots_disallow));

  if (stats) {
    stats->search = sstats;
    stats->sitemap_urls = sitemap_urls;
    stats->feed_entries = feed_entries;
  }
  return diags_->error_count() == before;
}

}  // namespace fazhi
