// Outputs derived from the whole rendered site, written after every other
// renderer: the search index (/search/index.json) and the /search/ page, the
// 网站地图 page (/sitemap/), sitemap.xml, the Atom feed (/feed.xml) and
// robots.txt. SiteOutputs wraps the build's OutputSink, so it sees every HTML
// page any module renders: it takes search documents from each page's <main>
// and checks the page for resources from other hosts.
#pragma once

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/diagnostics.h"
#include "core/output.h"
#include "core/site_model.h"
#include "search/index.h"
#include "theme/theme.h"

namespace fazhi {

struct SiteOutputStats {
  SearchIndexStats search;
  size_t sitemap_urls = 0;
  size_t feed_entries = 0;
};

/// The search documents of one rendered page. With `split`: the page itself
/// (its <h1> and the text before its first anchored heading) and one per
/// <h2>/<h3> section with an id; without: one document with the whole <main>.
/// `url` is relative to the base URL ("reports/2024/").
std::vector<SearchDoc> SearchDocsFromHtml(std::string_view html, const std::string& url,
                                          const std::string& kind, const std::string& section_kind,
                                          bool split = true);

class SiteOutputs : public OutputSink {
 public:
  SiteOutputs(OutputSink* inner, const Config& config, Diagnostics* diags);

  /// The model, once built: tells content pages from list pages and gives dates.
  void SetSite(const Site* site);

  bool Put(const std::string& path, std::string bytes) override;

  /// Renders the taxonomy pages, /search/ and /sitemap/ with `theme` and
  /// writes index.json, sitemap.xml, feed.xml and robots.txt. Call after
  /// every other renderer; again (serve) after pages were re-rendered.
  bool Finish(const Theme& theme, SiteOutputStats* stats);

  /// What Finish writes that can change when pages were re-rendered with
  /// only their text changed (serve): the search index and /search/, and,
  /// for the pages in `summaries` (site page indices, sorted) whose summary
  /// changed, the taxonomy pages that list them and the feed.
  bool Refresh(const Theme& theme, const std::vector<int>& summaries, SiteOutputStats* stats);

  /// Where files go from now on, and where problems are reported (serve
  /// keeps this object from one build to the next edit's).
  void Redirect(OutputSink* inner, Diagnostics* diags);

  /// Extra entries for the 网站地图 page (from the feature modules).
  void AddSitemapGroup(SitemapGroup g);

 private:
  enum class IndexMode { kSkip, kSections, kWhole };
  IndexMode ModeFor(const std::string& path) const;
  bool WriteSearch(const Theme& theme, SearchIndexStats* stats);
  size_t WriteFeed();
  std::vector<std::string> TakenPrefixes() const;

  OutputSink* inner_;
  const Config& config_;
  Diagnostics* diags_;
  const Site* site_ = nullptr;
  std::map<std::string, const Page*> page_by_output_;
  std::mutex mu_;
  TermDictionary terms_;
  std::map<std::string, std::vector<IndexedDoc>> docs_;  ///< by output path: deterministic order
  std::set<std::string> page_paths_;                     ///< HTML files the renderers wrote
  std::set<std::string> finish_paths_;                   ///< HTML files Finish wrote
  std::vector<SitemapGroup> groups_;
  bool finishing_ = false;
};

}  // namespace fazhi
