#include "core/web.h"

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
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
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
        // Control characters other than tab/newline are not allowed in XML 1.0.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
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
