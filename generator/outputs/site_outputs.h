// Outputs derived from the whole rendered site, written after every other
// renderer: the search index (search/manifest.json and its fragments, see
// search/index.h) and the /search/ page, the
// 网站地图 page (/sitemap/), sitemap.xml, the Atom feed (/feed.xml) and
// robots.txt. SiteOutputs wraps the build's OutputSink, so it sees every HTML
// page any module renders: it indexes each content page's <main> for search
// (on the render threads) and checks the page for resources from other hosts.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/diagnostics.h"
#include "core/output.h"
#include "core/site_model.h"
#include "outputs/taxonomies.h"
#include "search/index.h"
#include "theme/theme.h"

namespace fazhi {

struct SiteOutputStats {
  SearchIndexStats search;
  size_t sitemap_urls = 0;
  size_t feed_entries = 0;
};

class SiteOutputs : public OutputSink {
 public:
  /// `updates`: Refresh will follow (serve), so the search index keeps what
  /// it needs to write only the files an edit changes. `jobs`: threads.
  SiteOutputs(OutputSink* inner, const Config& config, Diagnostics* diags, bool updates = false,
              int jobs = 0);

  /// The model, once built: tells content pages from list pages and gives dates.
  void SetSite(const Site* site);

  bool Put(const std::string& path, std::string bytes) override;
  bool PutAll(std::vector<OutputFile>* files) override;

  /// Renders the taxonomy pages, /search/ and /sitemap/ with `theme` and
  /// writes the search index, sitemap.xml, feed.xml and robots.txt. Call after
  /// every other renderer; again (serve) after pages were re-rendered.
  bool Finish(const Theme& theme, SiteOutputStats* stats);

  /// What Finish writes that can change when pages were re-rendered with
  /// only their text changed (serve): the search index files those pages'
  /// terms fall in and /search/, and, for the pages in `summaries` (site
  /// page indices, sorted) whose summary changed, the taxonomy pages that
  /// list them and the feed.
  bool Refresh(const Theme& theme, const std::vector<int>& summaries, SiteOutputStats* stats);

  /// Whether the last Finish or Refresh left out index files written before
  /// (the index changed its layout): the caller's earlier files are stale.
  bool search_files_dropped() const { return search_files_dropped_; }

  /// Where files go from now on, and where problems are reported (serve
  /// keeps this object from one build to the next edit's).
  void Redirect(OutputSink* inner, Diagnostics* diags);

  /// Extra entries for the 网站地图 page (from the feature modules).
  void AddSitemapGroup(SitemapGroup g);

 private:
  bool Indexed(const std::string& path) const;
  std::vector<uint32_t> GroupPages(std::vector<bool>* alone) const;
  // Writes the index's files (search/manifest.json, t/, p/).
  void WriteIndex(SearchIndexStats* stats);
  // Writes the search page (it says how many pages the index holds).
  bool WriteSearchPage(const Theme& theme, const SearchIndexStats& stats);
  size_t WriteFeed();
  std::vector<std::string> TakenPrefixes() const;

  OutputSink* inner_;
  const Config& config_;
  Diagnostics* diags_;
  const bool updates_;
  const Site* site_ = nullptr;
  std::vector<size_t> known_;  ///< the site's pages the search index gets (SetSite)
  std::map<std::string, const Page*> page_by_output_;
  std::mutex mu_;
  std::unique_ptr<SearchIndex> index_;  ///< null when [search] is off
  bool search_files_dropped_ = false;
  std::set<std::string> page_paths_;    ///< HTML files the renderers wrote
  std::set<std::string> finish_paths_;  ///< HTML files Finish wrote
  std::vector<SitemapGroup> groups_;
  std::vector<Taxonomy> taxonomies_;  ///< as of the last Finish
  bool finishing_ = false;
};

}  // namespace fazhi
