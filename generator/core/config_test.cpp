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
        "site.toml:1:1: unknown key 'titel'\n  titel = \"站\"\n  ^\n"
        "site.toml:2:9: 'as_of' must be a date such as 2025-03-31\n  as_of = \"soon\"\n          ^\n"
        "site.toml:3:12: 'paginate' must be a whole number from 1 to 1000\n  paginate = 0\n             ^\n"
        "site.toml:1:1: missing required key 'title'\n  titel = \"站\"\n  ^\n"
        "site.toml:1:1: missing required key 'as_of' (the date that stands in for today)\n  titel = \"站\"\n "
        " ^\n"
        "site.toml:4:1: 'menu' must be an array of tables ([[menu]])\n  [menu]\n  ^\n");
}

}  // namespace fazhi
