// Themes: themes/<name>/layouts/*.mustache (one per page kind), partials/
// and static/. A site's own layouts/ and layouts/partials/ override the
// theme's files of the same name. Every template is checked when the theme
// loads, partials are inlined once so rendering never re-parses them, and
// template errors are reported as template path:line:col.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/diagnostics.h"
#include "core/source_tree.h"
#include "theme/view.h"

namespace kainjow::mustache {
template <typename StringType>
class basic_mustache;
template <typename StringType>
class basic_data;
}  // namespace kainjow::mustache

namespace fazhi {

class CompiledTemplate;
using Template = kainjow::mustache::basic_mustache<std::string>;

class Theme {
 public:
  Theme();
  ~Theme();
  Theme(Theme&&) noexcept;
  Theme& operator=(Theme&&) noexcept;

  /// Loads the theme named in `config` from `tree`. `required` lists the
  /// layouts the site needs (e.g. home, list, page, report, 404).
  static bool Load(const SourceTree& tree, const Config& config, const std::vector<std::string>& required,
                   Theme* out, Diagnostics* diags);

  /// The layout's text with partials inlined, or nullptr when the theme has
  /// none of that name. Render it with LayoutRenderer.
  const std::string* Find(std::string_view layout) const;
  bool Has(std::string_view layout) const { return Find(layout) != nullptr; }
  /// The layout compiled for rendering on any thread (theme/compiled_template.h),
  /// or nullptr when it is missing or only kainjow renders it.
  const CompiledTemplate* Compiled(std::string_view layout) const;
  /// Whether the layout may read a value named `name` (CompiledTemplate::
  /// MayRead); true when it is not compiled (kainjow renders it).
  bool MayRead(std::string_view layout, std::string_view name) const;
  /// The names of the theme's layouts, sorted.
  std::vector<std::string> LayoutNames() const;

  /// Where a layout came from (for error messages), e.g.
  /// "themes/default/layouts/page.mustache".
  std::string PathOf(std::string_view layout) const;

  /// Static files: output path → source file (site static/ wins over the theme's).
  const std::map<std::string, const SourceFile*, std::less<>>& static_files() const { return static_files_; }

  /// "?v=" and 10 hex digits of a hash of the static CSS and JavaScript, for
  /// a layout to put after their URLs (`{{root}}css/site.css{{asset_query}}`):
  /// servers let browsers keep these files (deploy/nginx.conf), and a page
  /// of a new build must not run the script of an older one. Empty when the
  /// theme has none.
  const std::string& asset_query() const { return asset_query_; }

 private:
  struct Layout;
  std::map<std::string, std::unique_ptr<Layout>, std::less<>> layouts_;
  std::map<std::string, const SourceFile*, std::less<>> static_files_;
  std::string asset_query_;
};

/// Renders layouts of one theme: compiled ones (nearly all) as compiled at
/// load, shared by every thread; the others with kainjow, whose render()
/// mutates the template, so each render thread owns one LayoutRenderer
/// (kainjow templates parsed lazily).
class LayoutRenderer {
 public:
  /// `chrome` (or null): the names every page of
  /// the build shares (ChromeView, theme/template_view.h), looked up beneath
  /// each page's own view; built once, not once per page. It must outlive
  /// the renderer.
  LayoutRenderer(const Theme& theme, const View* chrome);
  ~LayoutRenderer();
  /// Renders `layout` with `view` into `out`.
  /// Returns false with a message when the layout is missing or fails.
  bool Render(std::string_view layout, const View* view, std::string* out, Message* error);

 private:
  const Theme& theme_;
  const View* chrome_;
  std::unique_ptr<kainjow::mustache::basic_data<std::string>> kainjow_chrome_;  // for kainjow, made once
  std::map<std::string, std::unique_ptr<Template>, std::less<>> cache_;
};

/// `{{name}}`'s escaping: the bytes kainjow's html_escape gives (& < > " '
/// as &amp; &lt; &gt; &quot; &apos;), copied in runs rather than a byte at a
/// time (kainjow's own was 4 % of a 2,000-page build's instructions).
std::string HtmlEscape(const std::string& s);

/// Converts kainjow's "… at <offset>" error into "message" and an offset.
bool ParseMustacheError(std::string_view message, std::string* text, size_t* offset);

/// kainjow's error text ("Unclosed section \"page\" at 12") as a message in
/// the reader's language; `*offset` is the byte offset it names in the
/// template, or npos when it names none.
Message MustacheError(std::string_view kainjow, size_t* offset);

}  // namespace fazhi
