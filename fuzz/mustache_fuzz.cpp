// A layout template: loaded as a theme (nesting and size limits, kainjow's
// parser, partials inlined) and rendered with a small view, compiled
// (theme/compiled_template.h) and by kainjow, which must agree byte for byte.
#include <kainjow/mustache.hpp>

#include "core/config.h"
#include "fuzz_input.h"
#include "theme/kainjow_view.h"
#include "theme/theme.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace fazhi;
  std::string text = fuzz::Bytes(data, size);
  // A partial of its own: the text after the first NUL byte, if any.
  std::string partial;
  if (size_t nul = text.find('\0'); nul != std::string::npos) {
    partial = text.substr(nul + 1);
    text.resize(nul);
  }
  SourceTree tree = SourceTree::FromFiles(
      {{"themes/t/layouts/page.mustache", text}, {"themes/t/partials/p.mustache", partial}});
  Config config;
  config.theme = "t";
  Theme theme;
  Diagnostics diags;
  if (Theme::Load(tree, config, {"page"}, &theme, &diags)) {
    View page;
    page.set("title", "标题 <b>");
    page.set("content", "<p>正文</p>");
    View items{View::type::list};
    items.push_back(View("name", "甲"));
    items.push_back(View("name", "乙"));
    View view;
    view.set("page", page);
    view.set("items", items);
    view.set("flag", View::type::bool_true);
    // The site-wide names every page gets beneath its own view.
    View site;
    site.set("title", "某区司法局");
    View chrome;
    chrome.set("site", site);
    chrome.set("root", "/");
    LayoutRenderer renderer(theme, &chrome);
    std::string out;
    Message error;
    renderer.Render("page", &view, &out, &error);
    // The compiled layout must give kainjow's bytes (theme/compiled_template.h):
    // kainjow itself renders the same text with one view holding both (their
    // names are disjoint, so layered and merged resolve alike).
    View merged = view;
    merged.set("site", site);
    merged.set("root", "/");
    kainjow::mustache::mustache reference(*theme.Find("page"));
    reference.set_custom_escape(HtmlEscape);
    const std::string expected = reference.render(ToKainjowData(merged));
    if (reference.is_valid() && out != expected) __builtin_trap();
  }
  fuzz::Drain(diags);
  return 0;
}
