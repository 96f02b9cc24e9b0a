#include "outputs/feeds.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fazhi {
namespace {

// Runs xmllint --noout on `xml`; true when well-formed (or xmllint is absent).
bool WellFormed(const std::string& xml) {
  if (std::system("xmllint --version >/dev/null 2>&1") != 0) {
    MESSAGE("xmllint is not installed: skipping the well-formedness check");
    return true;
  }
  auto f = std::filesystem::temp_directory_path() / ("fazhi_feed_" + std::to_string(::getpid()) + ".xml");
  std::ofstream(f) << xml;
  int rc = std::system(("xmllint --noout '" + f.string() + "' 2>/dev/null").c_str());
  std::filesystem::remove(f);
  return rc == 0;
}

TEST_CASE("feeds: sitemap lists absolute URLs sorted, with lastmod") {
  std::string s = RenderSitemap("https://a.gov.cn/sub/", {{"/reports/2024/", "2025-01-15"}, {"/", ""}});
  CHECK(s ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        "  <url><loc>https://a.gov.cn/sub/</loc></url>\n"
        "  <url><loc>https://a.gov.cn/sub/reports/2024/</loc><lastmod>2025-01-15</lastmod></url>\n"
        "</urlset>\n");
  CHECK(WellFormed(s));
}

TEST_CASE("feeds: Atom feed orders by change date, ids are stable tag URIs") {
  FeedMeta meta{"从化区法治政府建设", "https://a.gov.cn/sub/", "广州市从化区司法局", "2025-06-30"};
  std::vector<FeedEntry> entries = {
      {"关于本站", "/about/", "2025-01-10", "", "", ""},
      {"2024年度报告 & 附表", "/reports/2024/", "2025-01-15", "2025-02-01", "摘要<b>", "广州市从化区司法局"},
  };
  std::string feed = RenderAtomFeed(meta, entries);
  CHECK(feed ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n"
        "  <title>从化区法治政府建设</title>\n"
        "  <id>https://a.gov.cn/sub/</id>\n"
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"https://a.gov.cn/sub/feed.xml\"/>\n"
        "  <link rel=\"alternate\" type=\"text/html\" href=\"https://a.gov.cn/sub/\"/>\n"
        "  <updated>2025-02-01T00:00:00+08:00</updated>\n"
        "  <author><name>广州市从化区司法局</name></author>\n"
        "  <generator>fazhi</generator>\n"
        "  <entry>\n"
        "    <title>2024年度报告 &amp; 附表</title>\n"
        "    <id>tag:a.gov.cn,2025-01-15:/reports/2024/</id>\n"
        "    <link rel=\"alternate\" type=\"text/html\" href=\"https://a.gov.cn/sub/reports/2024/\"/>\n"
        "    <published>2025-01-15T00:00:00+08:00</published>\n"
        "    <updated>2025-02-01T00:00:00+08:00</updated>\n"
        "    <author><name>广州市从化区司法局</name></author>\n"
        "    <summary>摘要&lt;b&gt;</summary>\n"
        "  </entry>\n"
        "  <entry>\n"
        "    <title>关于本站</title>\n"
        "    <id>tag:a.gov.cn,2025-01-10:/about/</id>\n"
        "    <link rel=\"alternate\" type=\"text/html\" href=\"https://a.gov.cn/sub/about/\"/>\n"
        "    <published>2025-01-10T00:00:00+08:00</published>\n"
        "    <updated>2025-01-10T00:00:00+08:00</updated>\n"
        "  </entry>\n"
        "</feed>\n");
  CHECK(WellFormed(feed));
  // Moving the site to another sub-path keeps the entry ids.
  meta.base_url = "https://a.gov.cn/";
  std::string moved = RenderAtomFeed(meta, entries);
  CHECK(moved.find("<id>tag:a.gov.cn,2025-01-15:/reports/2024/</id>") != std::string::npos);
  // No entries: the feed is dated by the as-of date, not the clock.
  CHECK(RenderAtomFeed(meta, {}).find("<updated>2025-06-30T00:00:00+08:00</updated>") != std::string::npos);
  meta.max_entries = 1;
  std::string one = RenderAtomFeed(meta, entries);
  CHECK(one.find("关于本站") == std::string::npos);
}

TEST_CASE("feeds: the newest max_entries entries, by change date then URL") {
  FeedMeta meta{"站点", "https://a.gov.cn/", "", "2025-06-30"};
  meta.max_entries = 3;
  // Changed: e 2025-03-01 (updated), b and d 2025-02-01 (b before d by URL),
  // a 2025-01-20, c 2025-01-10; a later 发布日期 alone does not beat an update.
  std::vector<FeedEntry> entries = {
      {"甲", "/a/", "2025-01-20", "", "", ""},           {"乙", "/b/", "2025-02-01", "", "", ""},
      {"丙", "/c/", "2025-01-10", "", "", ""},           {"丁", "/d/", "2025-01-05", "2025-02-01", "", ""},
      {"戊", "/e/", "2024-12-01", "2025-03-01", "", ""},
  };
  std::string feed = RenderAtomFeed(meta, entries);
  std::vector<std::string> order;
  for (size_t at = feed.find("<title>", 1); (at = feed.find("<title>", at + 1)) != std::string::npos;)
    order.push_back(feed.substr(at + 7, feed.find("</title>", at) - at - 7));
  CHECK(order == std::vector<std::string>{"戊", "乙", "丁"});
  CHECK(feed.find("<updated>2025-03-01T00:00:00+08:00</updated>\n  <author>") != std::string::npos);
  CHECK(FeedBefore("2025-02-01", "/b/", "2025-02-01", "/d/"));
  CHECK_FALSE(FeedBefore("2025-01-20", "/a/", "2025-02-01", "/z/"));
}

TEST_CASE("feeds: robots.txt honours the base path and disallow list") {
  CHECK(RenderRobots("https://a.gov.cn/", {}) ==
        "User-agent: *\nDisallow:\n\nSitemap: https://a.gov.cn/sitemap.xml\n");
  CHECK(RenderRobots("https://a.gov.cn/sub/", {"/drafts/", "tmp/"}) ==
        "User-agent: *\nDisallow: /sub/drafts/\nDisallow: /sub/tmp/\n\nSitemap: "
        "https://a.gov.cn/sub/sitemap.xml\n");
}

}  // namespace
}  // namespace fazhi
