#include "norms/publishing.h"

#include <doctest/doctest.h>

namespace fazhi {
namespace {

SourceFile SiteToml(std::string text) {
  SourceFile f;
  f.path = "site.toml";
  f.text = std::move(text);
  return f;
}

Config WithBase(std::string base_url) {
  Config c;
  c.base_url = std::move(base_url);
  c.as_of = "2025-06-30";
  return c;
}

TEST_CASE("publishing: robots.txt under a sub-path is warned at base_url's line") {
  SourceFile toml = SiteToml("title = \"x\"\nbase_url = \"https://www.example.gov.cn/sfj/fzbg/\"\n");
  Config config = WithBase("https://www.example.gov.cn/sfj/fzbg/");
  config.positions["base_url"] = {2, 12};  // as ParseConfig records it: the value
  Diagnostics diags;
  CheckRobotsPlacement(config, toml, false, &diags);
  CHECK(diags.Format() ==
        "site.toml:2:12: 警告：base_url 带子路径“/sfj/fzbg/”，robots.txt 会生成在 "
        "https://www.example.gov.cn/sfj/fzbg/robots.txt，但搜索引擎只读取主机根目录的 "
        "https://www.example.gov.cn/robots.txt。请把本站 robots.txt 的 Sitemap 和 Disallow 行合并进 "
        "https://www.example.gov.cn/robots.txt，再在 site.toml 的 [robots] 中写 merged_into_root = "
        "true（见 docs/deployment.md）\n"
        "  base_url = \"https://www.example.gov.cn/sfj/fzbg/\"\n"
        "             ^\n");
  CHECK(diags.warning_count() == 1);
  CHECK_FALSE(diags.has_errors());
}

TEST_CASE("publishing: no robots warning at the host root, once merged, and a path-only base_url is named") {
  SourceFile toml = SiteToml("title = \"x\"\n");
  Diagnostics none;
  CheckRobotsPlacement(WithBase("/"), toml, false, &none);
  CheckRobotsPlacement(WithBase("https://sfj.example.gov.cn/"), toml, false, &none);
  Config merged = WithBase("https://www.example.gov.cn/sfj/fzbg/");
  merged.robots_merged_into_root = true;
  CheckRobotsPlacement(merged, toml, false, &none);
  CHECK(none.Format().empty());
  // From --base-url: no line of site.toml holds it.
  Diagnostics path_only;
  CheckRobotsPlacement(WithBase("/sub/"), toml, true, &path_only);
  CHECK(path_only.Format() ==
        "site.toml: 警告：base_url 带子路径“/sub/”，robots.txt 会生成在 "
        "/sub/robots.txt，但搜索引擎只读取主机根目录"
        "的 /robots.txt。请把本站 robots.txt 的 Sitemap 和 Disallow 行合并进 /robots.txt，再在 site.toml 的 "
        "[robots] 中写 merged_into_root = true（见 docs/deployment.md）\n");
}

TEST_CASE("publishing: days between dates cross months, leap days and years") {
  CHECK(DaysBetween("2025-06-30", "2025-06-30") == 0);
  CHECK(DaysBetween("2024-02-28", "2024-03-01") == 2);
  CHECK(DaysBetween("2023-02-28", "2023-03-01") == 1);
  CHECK(DaysBetween("2024-12-31", "2025-01-01") == 1);
  CHECK(DaysBetween("2025-01-01", "2024-12-31") == -1);
}

TEST_CASE("publishing: check warns when as_of lags more than 30 days behind the clock, or is ahead of it") {
  SourceFile toml = SiteToml("title = \"x\"\nas_of = 2025-06-30   # today\n");
  Config c = WithBase("/");
  c.positions["as_of"] = {2, 9};
  Diagnostics fresh;
  CheckAsOfFreshness(c, "2025-06-30", toml, false, &fresh);
  CheckAsOfFreshness(c, "2025-07-30", toml, false, &fresh);  // 30 days: still fresh
  CHECK(fresh.Format().empty());
  Diagnostics stale;
  CheckAsOfFreshness(c, "2025-07-31", toml, false, &stale);
  CHECK(stale.Format() ==
        "site.toml:2:9: 警告：as_of 是 2025-06-30，比今天（2025-07-31）早 31 天：逾期整改和“截至”日期都按 "
        "as_of "
        "计算，网站显示的是过时的状态。请把 as_of 改为今天，或在定时构建中用 fazhi build --as-of today（见 "
        "docs/deployment.md）\n"
        "  as_of = 2025-06-30   # today\n"
        "          ^\n");
  Diagnostics ahead;
  CheckAsOfFreshness(c, "2025-06-29", toml, true, &ahead);
  CHECK(ahead.Format() ==
        "site.toml: 警告：as_of 是 "
        "2025-06-30，晚于今天（2025-06-29）：期限在这两天之间的整改事项会被提前算作逾期。"
        "请检查 as_of\n");
  // No clock (build, tests): nothing to compare with.
  Diagnostics no_clock;
  CheckAsOfFreshness(c, "", toml, false, &no_clock);
  CHECK(no_clock.Format().empty());
}

}  // namespace
}  // namespace fazhi
