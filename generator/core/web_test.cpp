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

TEST_CASE("web: XmlEscape copies the runs between what it escapes or drops") {
  // One byte at a time, as XmlEscape was written first.
  auto by_byte = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c == '&')
        out += "&amp;";
      else if (c == '<')
        out += "&lt;";
      else if (c == '>')
        out += "&gt;";
      else if (c == '"')
        out += "&quot;";
      else if (c == '\'')
        out += "&#39;";
      else if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r')
        out += c;
    }
    return out;
  };
  std::string every;
  for (int c = 0; c < 256; ++c) every += static_cast<char>(c);
  for (const std::string& s : {std::string(), every, "<" + every + ">", std::string("法治\t政府\r\n建设"),
                               std::string("&&"), std::string("报告\x01"), std::string("\x1F报告")}) {
    CHECK(XmlEscape(s) == by_byte(s));
  }
  CHECK(XmlEscape("“行政复议”<案件> & 'x'\x0B\x7F") == "“行政复议”&lt;案件&gt; &amp; &#39;x&#39;\x7F");
}

TEST_CASE("web: TermSlug keeps Chinese and replaces URL-breaking characters") {
  CHECK(TermSlug("行政复议") == "行政复议");
  CHECK(TermSlug("a b/c?d#e%f\\g") == "a-b-c-d-e-f-g");
}

}  // namespace
}  // namespace fazhi
