#include "outputs/feeds.h"

#include <algorithm>

#include "core/web.h"

namespace fazhi {

namespace {

// An RFC 3339 timestamp for a date: midnight China Standard Time.
std::string AtomDate(std::string_view date) { return std::string(date) + "T00:00:00+08:00"; }

std::string BasePath(std::string_view base_url) {
  std::string host = UrlHost(base_url);
  if (host.empty()) return std::string(base_url.empty() ? "/" : base_url);
  size_t start = base_url.find(host) + host.size();
  size_t slash = base_url.find('/', start);
  return slash == std::string_view::npos ? "/" : std::string(base_url.substr(slash));
}

}  // namespace

std::string RenderSitemap(std::string_view base_url, std::vector<SitemapEntry> entries) {
  std::sort(entries.begin(), entries.end(),
            [](const SitemapEntry& a, const SitemapEntry& b) { return a.url < b.url; });
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& e : entries) {
    out += "  <url><loc>" + XmlEscape(EncodeUrl(JoinUrl(base_url, e.url))) + "</loc>";
    if (!e.lastmod.empty()) out += "<lastmod>" + XmlEscape(e.lastmod) + "</lastmod>";
    out += "</url>\n";
  }
  out += "</urlset>\n";
  return out;
}

std::string AtomEntryId(std::string_view host, const FeedEntry& e) {
  std::string path = EncodeUrl(e.url.empty() || e.url.front() != '/' ? "/" + e.url : e.url);
  return "tag:" + std::string(host.empty() ? "localhost" : host) + "," + e.published + ":" + path;
}

std::string RenderAtomFeed(const FeedMeta& meta, std::vector<FeedEntry> entries) {
  auto changed = [](const FeedEntry& e) -> const std::string& {
    return e.updated.empty() ? e.published : e.updated;
  };
  // The newest max_entries only are ordered (a site's feed is a few dozen of its pages).
  const size_t n = std::min(entries.size(), meta.max_entries);
  std::partial_sort(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(n), entries.end(),
                    [&](const FeedEntry& a, const FeedEntry& b) {
                      return FeedBefore(changed(a), a.url, changed(b), b.url);
                    });
  entries.resize(n);
  std::string host = UrlHost(meta.base_url);
  std::string feed_updated = entries.empty() ? meta.as_of : changed(entries.front());
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
      "xml:lang=\"zh-CN\">\n";
  out += "  <title>" + XmlEscape(meta.title) + "</title>\n";
  out += "  <id>" + XmlEscape(host.empty() ? "tag:localhost,2000:/" : JoinUrl(meta.base_url, "")) + "</id>\n";
  out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
         XmlEscape(JoinUrl(meta.base_url, "feed.xml")) + "\"/>\n";
  out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + XmlEscape(JoinUrl(meta.base_url, "")) +
         "\"/>\n";
  out += "  <updated>" + AtomDate(feed_updated) + "</updated>\n";
  out +=
      "  <author><name>" + XmlEscape(meta.sponsor.empty() ? meta.title : meta.sponsor) + "</name></author>\n";
  out += "  <generator>fazhi</generator>\n";
  for (const auto& e : entries) {
    out += "  <entry>\n";
    out += "    <title>" + XmlEscape(e.title) + "</title>\n";
    out += "    <id>" + XmlEscape(AtomEntryId(host, e)) + "</id>\n";
    out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" +
           XmlEscape(EncodeUrl(JoinUrl(meta.base_url, e.url))) + "\"/>\n";
    out += "    <published>" + AtomDate(e.published) + "</published>\n";
    out += "    <updated>" + AtomDate(changed(e)) + "</updated>\n";
    if (!e.source.empty()) out += "    <author><name>" + XmlEscape(e.source) + "</name></author>\n";
    if (!e.summary.empty()) out += "    <summary>" + XmlEscape(e.summary) + "</summary>\n";
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

std::string RenderRobots(std::string_view base_url, const std::vector<std::string>& disallow) {
  std::string out = "User-agent: *\n";
  std::string base_path = BasePath(base_url);
  if (disallow.empty()) out += "Disallow:\n";
  for (const auto& d : disallow) out += "Disallow: " + JoinUrl(base_path, d) + "\n";
  out += "\nSitemap: " + JoinUrl(base_url, "sitemap.xml") + "\n";
  return out;
}

}  // namespace fazhi
