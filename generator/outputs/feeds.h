// Machine-readable companions of the site: sitemap.xml, the Atom feed
// (/feed.xml) and robots.txt. Pure functions from plain inputs to text; every date comes
// from content (or the configured as-of date), never from the clock.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

struct SitemapEntry {
  std::string url;      ///< site-relative, "/reports/2024/"
  std::string lastmod;  ///< YYYY-MM-DD, may be empty
};

/// sitemap.xml (sitemaps.org 0.9), entries sorted by URL.
std::string RenderSitemap(std::string_view base_url, std::vector<SitemapEntry> entries);

struct FeedEntry {
  std::string title;
  std::string url;        ///< site-relative, "/reports/2024/"
  std::string published;  ///< 发布日期, YYYY-MM-DD (required)
  std::string updated;    ///< 更新日期, YYYY-MM-DD, may be empty
  std::string summary;    ///< plain text
  std::string source;     ///< 信息来源, written as the entry's author
};

/// Whether an entry last changed on `a_changed` (its 更新日期, else its 发布日期)
/// at site URL `a_url` comes before one changed on `b_changed` at `b_url` in
/// the feed: newest first, then by URL (URLs are unique, so the order is total).
inline bool FeedBefore(std::string_view a_changed, std::string_view a_url, std::string_view b_changed,
                       std::string_view b_url) {
  return a_changed != b_changed ? a_changed > b_changed : a_url < b_url;
}

struct FeedMeta {
  std::string title;  ///< site title
  std::string base_url;
  std::string sponsor;  ///< 主办单位: the feed's author
  std::string as_of;    ///< the feed's <updated> when there are no entries
  size_t max_entries = 50;
};

/// The Atom id of an entry: a tag URI (RFC 4151) from the site's host, the
/// entry's first publication date and its site-relative path. It does not
/// change when the entry is edited or the site moves to another sub-path.
std::string AtomEntryId(std::string_view host, const FeedEntry& e);

/// /feed.xml: an Atom 1.0 feed of the newest entries by their updated (else
/// published) date, newest first; ties broken by URL.
std::string RenderAtomFeed(const FeedMeta& meta, std::vector<FeedEntry> entries);

/// robots.txt: allow everything except `disallow` (site-relative paths,
/// prefixed with the base URL's path) and point to the sitemap.
std::string RenderRobots(std::string_view base_url, const std::vector<std::string>& disallow);

}  // namespace fazhi
