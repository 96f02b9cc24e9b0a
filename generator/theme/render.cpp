#include "theme/render.h"

#include <algorithm>

#include "core/messages.h"
#include "theme/messages.h"

namespace fazhi {

std::string ListPageUrl(const std::string& base, size_t n) {
  return n == 1 ? base : base + "page/" + std::to_string(n) + "/";
}

std::span<const int> ListPageItems(const std::vector<int>& items, size_t per, size_t n) {
  const size_t first = std::min(items.size(), (n - 1) * per);
  return std::span<const int>(items).subspan(first, std::min(items.size(), n * per) - first);
}

bool ListChanges(const Theme& theme, std::string_view layout, const std::vector<int>* showing,
                 std::span<const int> pages) {
  if (!showing) return true;
  for (int i : pages) {
    if (std::binary_search(showing->begin(), showing->end(), i)) return theme.MayRead(layout, "summary");
  }
  return false;
}

size_t ListPageCount(size_t items, size_t per) {
  if (per == 0) return 1;
  return std::max<size_t>(1, (items + per - 1) / per);
}

View PaginationView(const Urls& urls, const std::string& base, size_t n, size_t total) {
  View pg;
  pg.set("page", std::to_string(n));
  pg.set("pages", std::to_string(total));
  pg.set("has_pages", Flag(total > 1));
  pg.set("has_prev", Flag(n > 1));
  pg.set("has_next", Flag(n < total));
  if (n > 1) pg.set("prev_url", urls.Rel(ListPageUrl(base, n - 1)));
  if (n < total) pg.set("next_url", urls.Rel(ListPageUrl(base, n + 1)));
  return pg;
}

bool RenderToSink(LayoutRenderer* renderer, const Theme& theme, const std::string& layout, const View& view,
                  const std::string& output_path, OutputSink* sink, Diagnostics* diags) {
  std::string html;
  Message error;
  if (!renderer->Render(layout, &view, &html, &error)) {
    diags->Error(theme.PathOf(layout), 0, 0, Message(msg::kRenderFailed, output_path, std::move(error)));
    return false;
  }
  return sink->Put(output_path, std::move(html));  // a failing sink reports why
}

}  // namespace fazhi
