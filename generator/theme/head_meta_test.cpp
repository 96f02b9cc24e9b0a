#include "theme/head_meta.h"

#include <doctest/doctest.h>

namespace fazhi {
namespace {

TEST_CASE("head meta: has canonical and Open Graph tags") {
  HeadMeta m{"https://a.gov.cn/sub/",
             "/reports/2024/",
             "2024年度报告",
             "法治从化",
             "年度\"报告\"",
             true,
             "2025-01-15"};
  CHECK(RenderHeadMeta(m) ==
        "<link rel=\"canonical\" href=\"https://a.gov.cn/sub/reports/2024/\">\n"
        "<meta property=\"og:type\" content=\"article\">\n"
        "<meta property=\"og:title\" content=\"2024年度报告\">\n"
        "<meta property=\"og:site_name\" content=\"法治从化\">\n"
        "<meta property=\"og:locale\" content=\"zh_CN\">\n"
        "<meta property=\"og:url\" content=\"https://a.gov.cn/sub/reports/2024/\">\n"
        "<meta property=\"og:description\" content=\"年度&quot;报告&quot;\">\n"
        "<meta property=\"article:published_time\" content=\"2025-01-15\">\n");
  m.base_url = "/";
  m.article = false;
  m.description = "";
  CHECK(RenderHeadMeta(m) ==
        "<meta property=\"og:type\" content=\"website\">\n"
        "<meta property=\"og:title\" content=\"2024年度报告\">\n"
        "<meta property=\"og:site_name\" content=\"法治从化\">\n"
        "<meta property=\"og:locale\" content=\"zh_CN\">\n");
}

}  // namespace
}  // namespace fazhi
