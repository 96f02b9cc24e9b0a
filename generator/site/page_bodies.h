// Stage: page bodies. Shortcodes, Markdown, link rewriting, the summary and
// the indicator citations of one page at a time.
//
// Most pages' bodies are rendered in the render stage, just before their
// template, and their HTML is dropped as soon as the page is written: only
// the summary (list pages) and the cited indicator ids (indicator pages) stay.
// That keeps peak memory at the size of the model, not of the whole site's
// HTML. Pages whose rendered body other stages read (reports for compliance,
// pages an indicator source anchors into, feature and section pages) are
// rendered in the markdown stage instead.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/diagnostics.h"
#include "core/site_model.h"
#include "core/source_tree.h"
#include "markdown/shortcodes.h"

namespace fazhi {

class MarkdownCache;

class PageBodies {
 public:
  /// `cache` may be null. With a cache, this build's context (every page's
  /// path and URL, the Markdown options) is recorded from `pages` now.
  PageBodies(const SourceTree& tree, const Config& config, const ShortcodeHandlers& shortcodes,
             const std::vector<Page>& pages, MarkdownCache* cache);

  /// Renders `page`'s body into its html, toc, summary (unless the front
  /// matter gave one) and cites, and clears its body. `all` are the site's
  /// pages sorted by source path (links resolve against them; `page` may be
  /// one of them). Errors go to `diags` at their source positions.
  /// Thread-safe for distinct pages.
  void Render(const std::vector<Page>& all, Page* page, Diagnostics* diags) const;

  /// Pages that failed to load (sorted source paths; must outlive this): a
  /// link to one of them is not reported as a link to nothing.
  void SetUnloaded(const std::vector<std::string>* unloaded) { unloaded_ = unloaded; }

 private:
  const SourceTree& tree_;
  const Config& config_;
  const ShortcodeHandlers& shortcodes_;
  MarkdownCache* cache_;
  const std::vector<std::string>* unloaded_ = nullptr;
};

/// Renders every page with `page.stream_body` false, in parallel.
void RenderBodies(const PageBodies& bodies, int jobs, std::vector<Page>* pages, Diagnostics* diags);

/// Renders the streamed pages' bodies only for their errors (shortcodes,
/// links, images), dropping the HTML: a build that has failed already still
/// reports these in the same run. The pages themselves are left as they are.
void CheckStreamedBodies(const PageBodies& bodies, int jobs, const std::vector<Page>& pages,
                         Diagnostics* diags);

/// The ids of the indicators `html` links to ("<prefix>indicators/<id>/"),
/// in order of first appearance. `prefix` is the base URL's path prefix.
std::vector<std::string> IndicatorLinks(std::string_view html, std::string_view prefix);

}  // namespace fazhi
