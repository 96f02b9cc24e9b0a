// Text for the web, shared by every stage that writes pages: URLs joined
// with the base URL, percent-encoding, hosts, the URL segment of a taxonomy
// term, and XML/HTML escaping.
#pragma once

#include <string>
#include <string_view>

namespace fazhi {

/// `base_url` + `site_path` ("/reports/2024/" or "reports/2024/"), without a
/// doubled '/'. The base URL ends with '/' and may carry a sub-path.
std::string JoinUrl(std::string_view base_url, std::string_view site_path);

/// The host of an absolute base URL ("https://sfj.example.gov.cn/sub/" gives
/// "sfj.example.gov.cn"), or "" for a relative one ("/").
std::string UrlHost(std::string_view url);

/// The path of a base URL, always between slashes: "/" for "/" or
/// "https://host", "/sfj/fzbg/" for "https://host/sfj/fzbg".
std::string UrlPathPrefix(std::string_view base_url);

/// Percent-encodes the bytes of `url` that may not appear raw in a URI
/// (non-ASCII, space, quotes, angle brackets): sitemaps and Atom need URIs.
std::string EncodeUrl(std::string_view url);

/// XML/HTML escaping of text and attribute values (& < > " ').
std::string XmlEscape(std::string_view s);

/// A term as a URL segment: '/', '?', '#', '%' and spaces become '-'.
std::string TermSlug(std::string_view term);

}  // namespace fazhi
