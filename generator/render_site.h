// Site + Theme → output files: every page, section lists (paginated), the
// home page, 404 and static files. Pure: files go to an OutputSink.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "output.h"
#include "parallel.h"
#include "site_model.h"
#include "template_view.h"
#include "theme.h"

namespace fazhi {

class PageBodies;

/// Renders `layout` with `view` and puts it at `output_path`; errors are
/// reported against the layout's path.
bool RenderToSink(LayoutRenderer* renderer, const Theme& theme, const std::string& layout,
                  const View& view, const std::string& output_path, OutputSink* sink,
                  Diagnostics* diags);

/// URL of list page `n` (1-based) of a list at `base`: base, base + "page/2/", …
std::string ListPageUrl(const std::string& base, size_t n);

/// Number of list pages for `items` items at `per` per page (at least 1).
size_t ListPageCount(size_t items, size_t per);

/// The items on list page `n` (1-based) of `items` at `per` per page.
std::span<const int> ListPageItems(const std::vector<int>& items, size_t per, size_t n);

/// True when `showing` (site page indices, sorted) is null or holds one of
/// `pages`: whether a list that shows `pages` must be rendered again.
bool ShowsAny(const std::vector<int>* showing, std::span<const int> pages);

/// The `pagination` view of list page `n` of `total` for a list at `base`:
/// page, pages, has_pages, has_prev, has_next, prev_url, next_url. Section
/// lists and taxonomy term pages share it so both paginate the same way.
View PaginationView(const Urls& urls, const std::string& base, size_t n, size_t total);

/// The content pages ("page" and "report") among `which` (indices into
/// site->pages; every page when null). A page whose body is not rendered
/// yet (a streamed page) gets it rendered with `bodies` just before its
/// template, and its html and toc released once written; its summary and
/// cites stay in `site` for the list and indicator pages.
bool RenderContentPages(Site* site, const Theme& theme, const PageBodies& bodies,
                        const std::vector<size_t>* which, int jobs, OutputSink* sink, Diagnostics* diags);

/// The core pages that list others: section lists (paginated), the home
/// page, and 404. They read every page's title, URL, date and summary.
/// With `showing` (site page indices, sorted), only the list pages and the
/// home page that list one of those pages: what changes when their
/// summaries change (serve).
bool RenderLists(const Site& site, const Theme& theme, int jobs, OutputSink* sink, Diagnostics* diags,
                 const std::vector<int>* showing = nullptr);

/// The core pages: home, content pages, reports, section lists, 404, static
/// files. Feature modules render their own pages beside these. The bodies
/// of streamed pages (Page::stream_body) are rendered here with `bodies`,
/// just before their template; their html is released once written and
/// their summary and cites stay in `site` for the list and indicator pages.
bool RenderSite(Site* site, const Theme& theme, const PageBodies& bodies, int jobs, OutputSink* sink,
                Diagnostics* diags);

}  // namespace fazhi
