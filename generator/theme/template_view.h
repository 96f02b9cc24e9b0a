// Site/Page → Mustache data. Templates are logic-less, so everything they
// show is precomputed here as strings, booleans and lists; this file and the
// features' view.cpp files (indicators/, profiles/) are the only places that
// know variable names.
#pragma once

#include <string>
#include <string_view>

#include "core/site_model.h"
#include "theme/head_meta.h"
#include "theme/theme.h"
#include "theme/view.h"

namespace fazhi {

/// A Mustache boolean: sections render for true and inverted sections for false.
inline View Flag(bool b) { return b ? View(View::type::bool_true) : View(View::type::bool_false); }

/// Turns site-relative URLs ("/reports/2024/") into URLs that honour the
/// configured base URL, at the root or under a sub-path.
class Urls {
 public:
  explicit Urls(const std::string& base_url);
  /// "/reports/" → "/sub/reports/" (path only; works on any host).
  std::string Rel(std::string_view site_url) const;
  /// "/reports/" → "https://host/sub/reports/" (or Rel() without a host).
  std::string Abs(std::string_view site_url) const;
  const std::string& prefix() const { return prefix_; }

 private:
  std::string origin_;  ///< "https://host" or ""
  std::string prefix_;  ///< "/" or "/sub/"
};

/// What every page of the build shows alike: lang, site (title, sponsor, …),
/// root and asset_query (for static assets: Theme::asset_query) and footer (with 待填 placeholders). Built
/// once and handed to each LayoutRenderer, which looks names up there beneath a page's own view: a page does
/// not copy it.
View ChromeView(const Site& site, const Theme& theme, const Urls& urls);

/// What every page shows in its own way: menu (its current item), title,
/// canonical URL, head meta, breadcrumbs. With ChromeView beneath, all a
/// page layout needs besides the page's content. `site_url` is the page's
/// site-relative URL. `head` gives the page's own head meta (a dated item
/// with a description); without it, the site's description and og:type website.
View BaseView(const Site& site, const Urls& urls, std::string_view site_url, std::string_view title,
              const HeadMeta* head = nullptr);

/// Adds `crumbs` (name, site-relative url) as breadcrumbs; the home crumb
/// is added first and the last crumb is marked current.
void SetBreadcrumbs(View* view, const Urls& urls,
                    const std::vector<std::pair<std::string, std::string>>& crumbs);

/// A page's own fields under "page" (title, date, source, content, toc, …).
View PageFields(const Site& site, const Page& page, const Urls& urls);

/// `page.record`: the 信息公开 catalogue fields, 发布日期 (a report's stated
/// `published`), 落款 lines and originals (url, title, format, size, sha256).
View RecordFields(const Page& page, const Urls& urls);

/// A short entry for lists: title, url, date, source, summary.
View PageItem(const Page& page, const Urls& urls);

/// "2025-03-20" → "2025年3月20日".
std::string ChineseDate(std::string_view iso);

}  // namespace fazhi
