// Site + Theme → output files: every page, section lists (paginated), the
// home page, 404 and static files. Pure: files go to an OutputSink.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/output.h"
#include "core/parallel.h"
#include "core/site_model.h"
#include "theme/template_view.h"
#include "theme/theme.h"

namespace fazhi {

class PageBodies;

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
