// Rendering one layout into an output file, and the pagination that every
// list page shares (section lists, taxonomy terms, feature lists).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/output.h"
#include "theme/template_view.h"
#include "theme/theme.h"

namespace fazhi {

/// Renders `layout` with `view` and puts it at `output_path`; errors are
/// reported against the layout's path.
bool RenderToSink(LayoutRenderer* renderer, const Theme& theme, const std::string& layout, const View& view,
                  const std::string& output_path, OutputSink* sink, Diagnostics* diags);

/// URL of list page `n` (1-based) of a list at `base`: base, base + "page/2/", …
std::string ListPageUrl(const std::string& base, size_t n);

/// Number of list pages for `items` items at `per` per page (at least 1).
size_t ListPageCount(size_t items, size_t per);

/// The items on list page `n` (1-based) of `items` at `per` per page.
std::span<const int> ListPageItems(const std::vector<int>& items, size_t per, size_t n);

/// Whether a page drawn with `layout` that lists `pages` must be drawn again:
/// always in a whole build (`showing` null); in serve's fast path, where
/// `showing` holds the pages whose summary alone changed (site page indices,
/// sorted), when one of them
/// is listed and the layout may show a summary (the default theme's home
/// page and report archive show none).
bool ListChanges(const Theme& theme, std::string_view layout, const std::vector<int>* showing,
                 std::span<const int> pages);

/// The `pagination` view of list page `n` of `total` for a list at `base`:
/// page, pages, has_pages, has_prev, has_next, prev_url, next_url. Section
/// lists and taxonomy term pages share it so both paginate the same way.
View PaginationView(const Urls& urls, const std::string& base, size_t n, size_t total);

}  // namespace fazhi
