#include "theme/head_meta.h"

#include <algorithm>

#include "core/web.h"

namespace fazhi {

std::string RenderHeadMeta(const HeadMeta& m) {
  std::string out;
  bool abs = !UrlHost(m.base_url).empty();
  std::string url = JoinUrl(m.base_url, m.url);
  auto meta = [&](std::string_view prop, std::string_view content) {
    out += "<meta property=\"" + std::string(prop) + "\" content=\"" + XmlEscape(content) + "\">\n";
  };
  if (abs) out += "<link rel=\"canonical\" href=\"" + XmlEscape(url) + "\">\n";
  meta("og:type", m.article ? "article" : "website");
  meta("og:title", m.title);
  meta("og:site_name", m.site_title);
  std::string locale = m.language;
  std::replace(locale.begin(), locale.end(), '-', '_');
  meta("og:locale", locale);
  if (abs) meta("og:url", url);
  if (!m.description.empty()) meta("og:description", m.description);
  if (m.article && !m.published.empty()) meta("article:published_time", m.published);
  return out;
}

}  // namespace fazhi
