#include "core/web.h"

#include <doctest/doctest.h>

namespace fazhi {
namespace {

TEST_CASE("web: JoinUrl, UrlHost, XmlEscape, EncodeUrl") {
  CHECK(JoinUrl("https://a.gov.cn/sub/", "/reports/2024/") == "https://a.gov.cn/sub/reports/2024/");
  CHECK(JoinUrl("/", "") == "/");
  CHECK(JoinUrl("/sub", "feed.xml") == "/sub/feed.xml");
  CHECK(UrlHost("https://SFJ.Example.gov.cn:8443/sub/") == "sfj.example.gov.cn");
  CHECK(UrlHost("//cdn.example.com/x.js") == "cdn.example.com");
  CHECK(UrlHost("/sub/") == "");
  CHECK(XmlEscape("a&b<c>\"'\x01") == "a&amp;b&lt;c&gt;&quot;&#39;");
  CHECK(EncodeUrl("https://a.gov.cn/tags/复议 x/") == "https://a.gov.cn/tags/%E5%A4%8D%E8%AE%AE%20x/");
}

TEST_CASE("web: TermSlug keeps Chinese and replaces URL-breaking characters") {
  CHECK(TermSlug("行政复议") == "行政复议");
  CHECK(TermSlug("a b/c?d#e%f\\g") == "a-b-c-d-e-f-g");
}

}  // namespace
}  // namespace fazhi
