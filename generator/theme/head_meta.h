// The canonical link and Open Graph tags of each page's <head>.
#pragma once

#include <string>

namespace fazhi {

struct HeadMeta {
  std::string base_url;
  std::string url;    ///< site-relative URL of the page
  std::string title;  ///< page title
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
