// Site + Theme → output files: every page, section lists (paginated), the
// home page, 404 and static files. Pure: files go to an OutputSink.
#pragma once

#include <functional>
#include <string>

#include "diagnostics.h"
#include "output.h"
#include "parallel.h"
#include "site_model.h"
#include "template_view.h"
#include "theme.h"

namespace fazhi {

/// Renders `layout` with `view` and puts it at `output_path`; errors are
/// reported against the layout's path.
bool RenderToSink(LayoutRenderer* renderer, const Theme& theme, const std::string& layout,
                  const View& view, const std::string& output_path, OutputSink* sink,
                  Diagnostics* diags);

/// The core pages: home, content pages, reports, section lists, 404, static
/// files. Feature modules render their own pages beside these.
bool RenderSite(const Site& site, const Theme& theme, int jobs, OutputSink* sink, Diagnostics* diags);

}  // namespace fazhi
