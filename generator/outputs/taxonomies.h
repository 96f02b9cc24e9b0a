// Taxonomies and the report archive: /years/, /categories/, /units/ and
// /tags/ with a page per term, and /archive/ (年度报告归档: reports by year
// and publisher). Terms come from front matter: `year` (reports, profiles),
// `categories`, `tags`, and the unit (a report's publisher, a profile's
// `unit`, an indicator's `responsible`).
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/output.h"
#include "core/site_model.h"
#include "theme/theme.h"

namespace fazhi {

struct TaxonomyTerm {
  std::string name;        ///< "行政复议"
  std::string url;         ///< site-relative, "/tags/行政复议/"
  std::vector<int> pages;  ///< indexes into Site::pages, newest first
};

struct Taxonomy {
  std::string key;                  ///< "tags"
  std::string title;                ///< "标签"
  std::string url;                  ///< "/tags/"
  std::vector<TaxonomyTerm> terms;  ///< sorted (years newest first, others by name)
};

/// The four taxonomies of `site` (a taxonomy without terms is left out).
std::vector<Taxonomy> CollectTaxonomies(const Site& site);

/// Renders the index and term pages of `taxonomies` (skipping one whose URL
/// prefix another module already wrote to, listed in `taken`) and /archive/.
/// Returns (title, site url) of each index for the 网站地图. Term pages are
/// rendered on `jobs` threads (0 = all cores); `sink` must be thread-safe,
/// as every OutputSink is. With `showing` (site page indices, sorted), only
/// the term and archive pages that list one of those pages are rendered:
/// what changes when their summaries change (serve).
std::vector<std::pair<std::string, std::string>> RenderTaxonomies(const Site& site,
                                                                  const std::vector<Taxonomy>& taxonomies,
                                                                  const std::vector<std::string>& taken,
                                                                  const Theme& theme, OutputSink* sink,
                                                                  Diagnostics* diags, int jobs = 0,
                                                                  const std::vector<int>* showing = nullptr);

}  // namespace fazhi
