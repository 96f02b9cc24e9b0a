// Machine-readable companions of the site: sitemap.xml, the Atom feed
// (/feed.xml), robots.txt, and the canonical link and Open Graph tags of each
// page's <head>. Pure functions from plain inputs to text; every date comes
// from content (or the configured as-of date), never from the clock.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

/// `base_url` + `site_path` ("/reports/2024/" or "reports/2024/"), without a
/// doubled '/'. The base URL ends with '/' and may carry a sub-path.
std::string JoinUrl(std::string_view base_url, std::string_view site_path);

/// The host of an absolute base URL ("https://sfj.example.gov.cn/sub/" gives
/// "sfj.example.gov.cn"), or "" for a relative one ("/").
std::string UrlHost(std::string_view url);

/// Percent-encodes the bytes of `url` that may not appear raw in a URI
/// (non-ASCII, space, quotes, angle brackets): sitemaps and Atom need URIs.
std::string EncodeUrl(std::string_view url);

/// XML/HTML escaping of text and attribute values (& < > " ').
std::string XmlEscape(std::string_view s);

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

struct FeedMeta {
  std::string title;     ///< site title
  std::string base_url;
  std::string sponsor;   ///< 主办单位: the feed's author
  std::string as_of;     ///< the feed's <updated> when there are no entries
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

struct HeadMeta {
  std::string base_url;
  std::string url;          ///< site-relative URL of the page
  std::string title;        ///< page title
  std::string site_title;
  std::string description;  ///< plain text; may be empty
  bool article = false;     ///< og:type article (dated items) or website
  std::string published;    ///< YYYY-MM-DD for article:published_time
  std::string language = "zh-CN";
};

/// <link rel="canonical"> and the basic Open Graph tags, one per line. With a
/// relative base URL the canonical link and og:url are left out: they must be
/// absolute.
std::string RenderHeadMeta(const HeadMeta& m);

}  // namespace fazhi
