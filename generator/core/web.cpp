#include "core/web.h"

#include <array>

namespace fazhi {

std::string JoinUrl(std::string_view base_url, std::string_view site_path) {
  std::string out(base_url);
  if (out.empty() || out.back() != '/') out += '/';
  while (!site_path.empty() && site_path.front() == '/') site_path.remove_prefix(1);
  out += site_path;
  return out;
}

std::string UrlHost(std::string_view url) {
  size_t scheme = url.find("://");
  size_t start;
  if (scheme != std::string_view::npos) {
    start = scheme + 3;
  } else if (url.substr(0, 2) == "//") {
    start = 2;
  } else {
    return "";
  }
  size_t end = url.find_first_of("/?#", start);
  std::string_view host = url.substr(start, end == std::string_view::npos ? url.size() - start : end - start);
  if (size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  if (size_t colon = host.rfind(':');
      colon != std::string_view::npos && host.find(']') == std::string_view::npos) {
    host = host.substr(0, colon);
  }
  std::string h(host);
  for (char& c : h) {
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
  }
  return h;
}

std::string UrlPathPrefix(std::string_view base_url) {
  std::string_view b = base_url.empty() ? "/" : base_url;
  std::string prefix;
  if (size_t scheme = b.find("://"); scheme != std::string_view::npos) {
    size_t path = b.find('/', scheme + 3);
    prefix = path == std::string_view::npos ? "/" : std::string(b.substr(path));
  } else {
    prefix = std::string(b);
  }
  if (prefix.empty() || prefix[0] != '/') prefix = "/" + prefix;
  if (prefix.back() != '/') prefix += '/';
  return prefix;
}

std::string XmlEscape(std::string_view s) {
  // The bytes that change: the five markup characters, and the control
  // characters other than tab and line breaks, which XML 1.0 does not allow
  // (dropped). Everything between them is copied as one run: every feed
  // entry, sitemap line and head meta tag passes through here.
  static constexpr auto kSpecial = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[c] = c != '\t' && c != '\n' && c != '\r';
    for (unsigned char c : {'&', '<', '>', '"', '\''}) t[c] = true;
    return t;
  }();
  std::string out;
  out.reserve(s.size());
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    if (!kSpecial[static_cast<unsigned char>(s[i])]) continue;
    out.append(s.substr(run, i - run));
    switch (s[i]) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        break;  // a control character: dropped
    }
    run = i + 1;
  }
  out.append(s.substr(run));
  return out;
}

std::string EncodeUrl(std::string_view url) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (char ch : url) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || c == ' ' || c == '"' || c == '<' || c == '>') {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

std::string TermSlug(std::string_view term) {
  std::string out;
  for (char c : term) {
    out += (c == '/' || c == '?' || c == '#' || c == '%' || c == ' ' || c == '\\') ? '-' : c;
  }
  return out;
}

}  // namespace fazhi
