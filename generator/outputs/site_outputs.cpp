#include "outputs/site_outputs.h"

#include <algorithm>
#include <map>
#include <thread>

#include "norms/external_resources.h"
#include "outputs/feeds.h"
#include "outputs/taxonomies.h"
#include "theme/render.h"
#include "theme/template_view.h"

namespace fazhi {

namespace {

bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

// "reports/2024/index.html" → "reports/2024/"; "index.html" → "".
std::string UrlOfOutput(const std::string& path) {
  if (path == "index.html") return "";
  if (EndsWith(path, "/index.html")) return path.substr(0, path.size() - 10);
  return path;
}

// Result labels, in the order the index numbers documents: the client ranks
// the first (年度报告, the site's core documents) above the others.
const std::vector<std::string>& SearchKinds() {
  static const std::vector<std::string> kKinds = {"年度报告", "述法", "指标", "单位", "页面"};
  return kKinds;
}

// The kind of a page, by where it lives (an index into SearchKinds()).
// Whether a site page written to an .html path is a search document: not
// the home page, a section's list or a folder's index page.
bool IndexedPage(const Page& p) { return p.kind != "home" && p.kind != "section" && !p.is_index; }

int SearchKindOf(const std::string& path) {
  std::string top = path.substr(0, path.find('/'));
  if (top == "reports") return 0;
  if (top == "profiles") return 1;
  if (top == "indicators") return 2;
  if (top == "units") return 3;
  return 4;
}

}  // namespace

SiteOutputs::SiteOutputs(OutputSink* inner, const Config& config, Diagnostics* diags, bool updates, int jobs)
    : inner_(inner), config_(config), diags_(diags), updates_(updates) {
  if (config_.search_enabled) {
    SearchIndex::Options o;
    o.updates = updates;
    o.jobs = jobs;
    o.synonyms = config_.search_synonyms;
    o.all_unigrams = config_.search_every_character;
    index_ = std::make_unique<SearchIndex>(SearchKinds(), o);
  }
}

void SiteOutputs::SetSite(const Site* site) {
  site_ = site;
  page_by_output_.clear();
  for (const Page& p : site->pages) page_by_output_[p.output_path] = &p;
  if (!index_) return;
  // The site's own pages the index will get, before they are rendered: they
  // take the first numbers of their kind, newest first (so that the client
  // breaks ties for the newer page), and in a build each metadata group of
  // them is written as soon as its pages are in (SearchIndex::Expect).
  std::vector<int> indexed;
  for (size_t i = 0; i < site->pages.size(); ++i) {
    const std::string& path = site->pages[i].output_path;
    if (EndsWith(path, ".html") && IndexedPage(site->pages[i])) indexed.push_back(static_cast<int>(i));
  }
  SortNewestFirst(site->pages, &indexed);
  known_.assign(indexed.begin(), indexed.end());
  std::vector<std::pair<std::string, int>> known;
  known.reserve(known_.size());
  // A report's series is its publisher's (as its previous/next links are).
  std::map<std::string, std::string> series_of;
  for (size_t i : known_) {
    const Page& p = site->pages[i];
    known.emplace_back(p.output_path, SearchKindOf(p.output_path));
    if (p.kind == "report" && known.back().second == 0 && !p.report.publisher.empty())
      series_of.emplace(p.output_path, p.report.publisher);
  }
  index_->SetSeries(std::move(series_of));
  std::function<void(const std::string&, std::string)> put;
  if (!updates_)
    put = [this](const std::string& path, std::string bytes) { inner_->Put(path, std::move(bytes)); };
  std::vector<bool> alone;
  std::vector<uint32_t> group_pages = GroupPages(&alone);
  index_->Expect(known, group_pages, alone, std::move(put));
}

// Pages per search metadata group of each kind, and whether each known page
// has a group of its own (`alone`, by known_), from the pages' text (serve:
// again after an edit, so that it writes what a build of the edited site
// would): a page of kSearchAloneBytes or more alone, the others in groups
// of about 8 KB. A query lists a page about as often as it has text, so
// the groups are sized by the pages' mean weighted by their size (Σb²/Σb),
// not the plain mean: on gen_mixed, short pages of 300 bytes beside a few
// of 3,000 made groups of 16 pages and 16–24 KB, of which a query loaded
// ten. A kind without known pages of the others (units, which another
// module renders) takes what all known pages give.
std::vector<uint32_t> SiteOutputs::GroupPages(std::vector<bool>* alone) const {
  const size_t kinds = SearchKinds().size();
  std::vector<size_t> squares(kinds + 1, 0), bytes(kinds + 1, 0);  // [kinds]: all of them
  alone->assign(known_.size(), false);
  for (size_t n = 0; n < known_.size(); ++n) {
    const Page& p = site_->pages[known_[n]];
    const size_t b = std::min(p.text_bytes, kSearchPageBytes);
    (*alone)[n] = b >= kSearchAloneBytes;
    if ((*alone)[n]) continue;
    for (size_t at : {static_cast<size_t>(SearchKindOf(p.output_path)), kinds}) {
      squares[at] += b * b;
      bytes[at] += b;
    }
  }
  // (SearchGroupPages takes a mean as bytes over pages.)
  std::vector<uint32_t> out(kinds);
  for (size_t k = 0; k < kinds; ++k) {
    const size_t at = bytes[k] > 0 ? k : kinds;
    out[k] = SearchGroupPages(squares[at], bytes[at]);
  }
  return out;
}

// Content pages are indexed (reports, plain pages, indicators, profiles), and
// so are unit pages (/units/<x>/); lists, dashboards, taxonomies and
// navigation pages are not.
bool SiteOutputs::Indexed(const std::string& path) const {
  if (!EndsWith(path, ".html")) return false;
  auto it = page_by_output_.find(path);
  if (it != page_by_output_.end()) return IndexedPage(*it->second);
  return path.rfind("units/", 0) == 0 && std::count(path.begin(), path.end(), '/') == 2;
}

bool SiteOutputs::Put(const std::string& path, std::string bytes) {
  std::vector<OutputFile> one;
  one.push_back({path, std::move(bytes)});
  return PutAll(&one);
}

// The external-resource check of every page of the batch, then the search
// index's work for every page, then their paths, then the writes. Done page
// by page, each kind of work pushed the others' code and data out of the
// caches between two pages: a gen_site build with search took 2.64 s of CPU
// where it takes 2.19 s in batches (docs/performance.md, run 29).
bool SiteOutputs::PutAll(std::vector<OutputFile>* files) {
  bool html = false;
  for (const OutputFile& f : *files) {
    if (!EndsWith(f.path, ".html")) continue;
    html = true;
    CheckRenderedHtml(f.path, f.bytes, config_, diags_);
  }
  if (!html) return inner_->PutAll(files);
  if (index_ && !finishing_) {
    for (const OutputFile& f : *files) {
      if (!Indexed(f.path)) continue;
      // Tokenized here, on the render threads; Finish only assembles.
      SearchPage page;
      if (ExtractSearchPage(f.bytes, &page)) {
        auto it = page_by_output_.find(f.path);
        index_->Put(f.path, SearchKindOf(f.path), UrlOfOutput(f.path),
                    it != page_by_output_.end() ? it->second->date : "", page);
      } else {
        index_->Remove(f.path);
      }
    }
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (const OutputFile& f : *files) {
      if (EndsWith(f.path, ".html")) (finishing_ ? finish_paths_ : page_paths_).insert(f.path);
    }
  }
  return inner_->PutAll(files);
}

void SiteOutputs::AddSitemapGroup(SitemapGroup g) { groups_.push_back(std::move(g)); }

void SiteOutputs::Redirect(OutputSink* inner, Diagnostics* diags) {
  inner_ = inner;
  diags_ = diags;
  finishing_ = false;
}

void SiteOutputs::WriteIndex(SearchIndexStats* sstats) {
  search_files_dropped_ = false;
  if (index_) {
    search_files_dropped_ = !index_->Write(
        [&](const std::string& path, std::string bytes) { inner_->Put(path, std::move(bytes)); }, sstats);
  }
}

bool SiteOutputs::WriteSearchPage(const Theme& theme, const SearchIndexStats& sstats) {
  size_t before = diags_->error_count();
  const Urls urls(config_.base_url);
  if (theme.Has("search")) {
    View v = BaseView(*site_, urls, "/search/", "站内搜索");
    SetBreadcrumbs(&v, urls, {{"站内搜索", "/search/"}});
    View s;
    s.set("enabled", Flag(config_.search_enabled));
    s.set("docs", std::to_string(sstats.docs));
    v.set("search", std::move(s));
    const View chrome = ChromeView(*site_, theme, urls);
    LayoutRenderer renderer(theme, &chrome);
    RenderToSink(&renderer, theme, "search", v, "search/index.html", inner_, diags_);
    finish_paths_.insert("search/index.html");
  }  // A theme without search/sitemap layouts gets the data files only.
  return diags_->error_count() == before;
}

bool SiteOutputs::Refresh(const Theme& theme, const std::vector<int>& summaries, SiteOutputStats* stats) {
  size_t before = diags_->error_count();
  finishing_ = true;
  if (!summaries.empty()) {
    RenderTaxonomies(*site_, taxonomies_, TakenPrefixes(), theme, this, diags_, 0, &summaries);
    size_t feed_entries = WriteFeed();
    if (stats) stats->feed_entries = feed_entries;
  }
  SearchIndexStats sstats;
  if (index_) {
    std::vector<bool> alone;
    std::vector<uint32_t> group_pages = GroupPages(&alone);
    index_->SetGroupPages(group_pages, alone);
  }
  WriteIndex(&sstats);
  WriteSearchPage(theme, sstats);
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
  FeedMeta meta{config_.title, urls.Abs("/"), config_.sponsor, config_.as_of};
  // The pages of the feed chosen by index first: copying every page's title
  // and summary to keep 50 cost a serve edit that changes a summary 10 % of its time.
  std::vector<const Page*> dated;
  for (const Page& p : site_->pages) {
    if (p.kind == "home" || p.kind == "section" || p.date.empty()) continue;
    dated.push_back(&p);
  }
  auto changed = [](const Page* p) -> const std::string& {
    return p->updated.empty() ? p->date : p->updated;
  };
  const size_t entries = std::min(dated.size(), meta.max_entries);
  std::partial_sort(
      dated.begin(), dated.begin() + static_cast<std::ptrdiff_t>(entries), dated.end(),
      [&](const Page* a, const Page* b) { return FeedBefore(changed(a), a->url, changed(b), b->url); });
  std::vector<FeedEntry> feed;
  for (size_t k = 0; k < entries; ++k) {
    const Page& p = *dated[k];
    feed.push_back(
        {p.title, p.url, p.date, p.updated, p.description.empty() ? p.summary : p.description, p.source});
  }
  inner_->Put("feed.xml", RenderAtomFeed(meta, std::move(feed)));
  return entries;
}

bool SiteOutputs::Finish(const Theme& theme, SiteOutputStats* stats) {
  size_t before = diags_->error_count();
  const Urls urls(config_.base_url);
  const Site& site = *site_;
  finishing_ = true;  // pages rendered from here on are navigation, not search documents
  finish_paths_.clear();
  const View chrome = ChromeView(site, theme, urls);
  LayoutRenderer renderer(theme, &chrome);

  // Taxonomy term pages and the report archive (not where another module
  // already wrote, e.g. /units/ by the profiles feature).
  const std::vector<std::string> taken = TakenPrefixes();
  SitemapGroup nav{"分类导航", "", {}, ""};
  // The index's files are written beside the navigation pages, which are
  // not search documents: each step leaves a core idle at times (on one
  // thread in CollectTaxonomies, in the tails of its parallel loops), and
  // the other fills it (docs/performance.md, run 34).
  SearchIndexStats sstats;
  std::jthread index_writer([this, &sstats] { WriteIndex(&sstats); });

  // Kept for Refresh: an edit that takes serve's fast path leaves every
  // page's front matter, and so the taxonomies, as they were.
  taxonomies_ = CollectTaxonomies(site);
  const std::vector<Taxonomy>& taxonomies = taxonomies_;
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

  index_writer.join();
  WriteSearchPage(theme, sstats);

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
        items.push_back(std::move(it));
      }
      gv.set("items", std::move(items));
      gv.set("has_items", Flag(!g.items.empty()));
      groups.push_back(std::move(gv));
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
    sm.set("groups", std::move(groups));
    v.set("sitemap", std::move(sm));
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
