#include "core/config.h"

#include <doctest/doctest.h>

namespace fazhi {

TEST_CASE("config: reads the site, menu in order and footer identifiers") {
  SourceFile f{"site.toml", R"(title = "站"
sponsor = "区司法局"
base_url = "https://fz.example.gov.cn/sfj"
as_of = 2025-03-31

[footer]
icp = "粤ICP备00000000号"

[[menu]]
name = "首页"
url = "/"

[[menu]]
name = "报告"
url = "/reports/"
)"};
  Config c;
  Diagnostics d;
  REQUIRE_MESSAGE(ParseConfig(f, &c, &d), d.Format());
  CHECK(c.base_url == "https://fz.example.gov.cn/sfj/");
  CHECK(c.as_of == "2025-03-31");
  CHECK(c.language == "zh-CN");
  REQUIRE(c.menu.size() == 2);
  CHECK(c.menu[1].name == "报告");
  CHECK(c.footer.icp == "粤ICP备00000000号");
  CHECK(c.footer.site_code.empty());
  CHECK(c.indicators.categories.size() == 10);
}

TEST_CASE("config: every unknown or mistyped key is reported with its position") {
  SourceFile f{"site.toml", "titel = \"站\"\nas_of = \"soon\"\npaginate = 0\n[menu]\n"};
  Config c;
  Diagnostics d;
  CHECK_FALSE(ParseConfig(f, &c, &d));
  CHECK(d.Format() ==
        "site.toml:1:1: site.toml 里没有“titel”这个设置，是不是要写“title”？\n"
        "  titel = \"站\"\n"
        "  ^\n"
        "site.toml:2:9: “as_of”必须是日期，例如 as_of = 2025-03-31\n"
        "  as_of = \"soon\"\n"
        "          ^\n"
        "site.toml:3:12: “paginate”必须是 1 到 1000 之间的整数\n"
        "  paginate = 0\n"
        "             ^\n"
        "site.toml:1:1: 缺少必填的设置“title”（网站名称），例如 title = \"某区司法局法治政府建设专栏\"\n"
        "  titel = \"站\"\n"
        "  ^\n"
        "site.toml:1:1: 缺少必填的设置“as_of”（代表“今天”的日期，使每次构建结果一致），例如 as_of = "
        "2025-03-31\n"
        "  titel = \"站\"\n"
        "  ^\n"
        "site.toml:4:1: “menu”要写成一组 [[menu]] 表\n"
        "  [menu]\n"
        "  ^\n");
}

}  // namespace fazhi
