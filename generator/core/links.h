// Local links and images in page bodies: what a target an editor writes
// means, which file beside a page it publishes (page bundles), and whether
// the URL it leads to exists. The rule (docs/content.md, "Links, images and
// files beside a page"):
//
// - "x.md", "../reports/2024.md#二", "/reports/2024.md": another page, by its
//   Markdown file → that page's URL;
// - a relative path to a file ("chart.png", "files/原文.pdf"), from the
//   folder of the page's Markdown file, as every Markdown editor previews
//   it: a file under content/ is published at the same path
//   (content/reports/chart.png → /reports/chart.png), one under static/ is
//   there already; a missing file is an error;
// - a root-absolute URL ("/reports/2024/", "/images/a.png", as copied from a
//   browser): a URL of this site, prefixed with the base URL's path, and
//   checked against the site's outputs once every page is written;
// - any other relative URL ("../2023/"): resolved against the page's URL, as
//   a browser would, then treated as root-absolute.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/diagnostics.h"
#include "core/site_model.h"
#include "core/source_tree.h"

namespace fazhi {

/// What a local link or image target means: the URL the HTML gets, and
/// what must hold for it to work once the site is written.
struct LinkResolution {
  std::string href;       ///< written into the HTML (with the base URL's path)
  std::string check_url;  ///< a site URL ("/reports/2024/") that must be among the outputs
  std::string resource;   ///< a file under content/ that the page publishes
};

/// What link resolution reads besides the page itself.
struct LinkContext {
  const SourceTree* tree = nullptr;
  const std::vector<Page>* pages = nullptr;  ///< sorted by source path
  std::string theme;                         ///< whose static/ files exist
  std::string prefix = "/";                  ///< the base URL's path: "/" or "/sfj/fzbg/"
  /// Pages that failed to load (sorted paths; may be null): a link to one is
  /// not reported again as a link to nothing.
  const std::vector<std::string>* unloaded = nullptr;
};

/// True for a URL this module leaves alone: "#…" (a place on the same page)
/// and anything naming a scheme or another host ("https:", "mailto:", "//").
bool IsOffSiteUrl(std::string_view url);

/// Resolves `target`, written in the body of `page`, by the rule above.
/// False with a message when it cannot work (a missing file, a path on the
/// editor's computer, a backslash, the base path written twice).
bool ResolveLocalLink(const LinkContext& ctx, const Page& page, std::string_view target, bool image,
                      LinkResolution* out, Message* error);

/// True when an output serves site URL `url` ("/reports/2024/",
/// "/reports/2024", "/feed.xml"; percent-escapes, "?…" and "#…" allowed).
/// `has` tells whether an output path ("reports/2024/index.html") exists.
bool SiteUrlServed(std::string_view url, const std::function<bool(std::string_view)>& has);

/// Reports every link check of `pages` whose URL no output serves, at the
/// link's position (the error names the page URL the editor likely meant
/// when a relative URL was written as if from the Markdown file's folder).
/// A link to a section not opened yet (`unopened`) says so.
void CheckLinkTargets(const std::vector<Page>& pages, const std::vector<UnopenedSection>& unopened,
                      const SourceTree& tree, const std::function<bool(std::string_view)>& has,
                      Diagnostics* diags);

/// Reports every menu entry of site.toml whose URL this site does not serve:
/// a wrong path, a relative URL (which breaks below the home page) or one
/// that already includes the base URL's sub-path (which would get it twice).
/// `prefix` is the base URL's path; `config_text` the text of site.toml.
/// An entry for a section not opened yet is fine: it is left out of the menu.
void CheckMenuUrls(const Config& config, const std::vector<UnopenedSection>& unopened,
                   std::string_view config_text, std::string_view prefix,
                   const std::function<bool(std::string_view)>& has, Diagnostics* diags);

/// "%E5%9B%BE.png" → "图.png"; malformed escapes stay as they are.
std::string PercentDecode(std::string_view s);

}  // namespace fazhi
