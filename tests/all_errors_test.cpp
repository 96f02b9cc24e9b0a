// Issue 13: "Four mistakes in four files took four runs of `fazhi check`."
// A site with mistakes of different kinds in different files — front matter,
// a GBK CSV, a shortcode, a missing image and a link — reports all of them
// in one run, each at its path:line:col with its Chinese message, in the
// same order every time, and exits non-zero; build writes nothing.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "cli/cli.h"
#include "core/encoding.h"
#include "site_fixture.h"
#include "temp_dir.h"

namespace fazhi::testing {
namespace {

namespace fs = std::filesystem;

// A site that builds cleanly with the default theme.
std::string CleanSite() {
  return R"(-- site.toml --
title = "测试站"
sponsor = "某区司法局"
as_of = 2025-06-30
-- content/_index.md --
---
title: 首页
---
-- content/about.md --
---
title: 关于本站
date: 2025-01-01
---
本站公开法治政府建设年度报告。
-- content/reports/2024.md --
---
title: 2024年报告
date: 2025-03-01
year: 2024
---
## 一、主要举措

办理行政复议案件{{< value admin-review-cases 2024 >}}，办结率{{< value admin-review-closure-rate 2024 >}}。
-- content/news/notice.md --
---
title: 通知
date: 2025-02-01
---
详见[关于本站](../about.md)和[2024年报告](../reports/2024.md)。
-- content/indicators/_index.md --
---
title: 法治指标
---
-- content/indicators/admin-review-cases.md --
---
title: 行政复议收案数
date: 2025-03-01
category: oversight
unit: 件
kind: count
---
-- content/indicators/admin-review-closure-rate.md --
---
title: 行政复议办结率
date: 2025-03-01
category: oversight
unit: "%"
kind: rate
---
)";
}

// The data file as Excel saves it on a Chinese Windows: GBK.
std::string GbkCsv(const std::string& utf8) {
  std::string gbk;
  REQUIRE(Utf8ToGb18030(utf8, &gbk));
  REQUIRE(gbk != utf8);
  return "-- data/indicators/2024.csv --\n" + gbk;
}

const char* const kCleanCsv =
    "指标,年份,数值,单位,依据,来源\n"
    "admin-review-cases,2024,368,件,原文,reports/2024.md\n"
    "admin-review-closure-rate,2024,80.16,%,原文,reports/2024.md\n";

// Five mistakes in five files of four kinds.
std::string SiteWithMistakes() {
  std::string site = CleanSite();
  // Front matter typed with the IME: a full-width colon.
  Replace(&site, "title: 关于本站\ndate: 2025-01-01", "title: 关于本站\ndate：2025-01-01");
  // Front matter: a Chinese key.
  Replace(&site, "title: 通知\ndate: 2025-02-01\n", "title: 通知\ndate: 2025-02-01\n来源: 办公室\n");
  // A shortcode name mistyped, in the report (its body is rendered early).
  Replace(&site, "{{< value admin-review-closure-rate 2024 >}}",
          "{{< valeu admin-review-closure-rate 2024 >}}");
  // A page whose body is rendered only at the render stage: a missing image
  // and a link to a report that does not exist.
  site +=
      "-- content/news/chart.md --\n---\ntitle: 图表\ndate: 2025-02-02\n---\n"
      "见下图：\n\n![收案数](收案数.png)\n\n比较[2023年报告](../reports/2023.md)。\n";
  // The GBK CSV: an id one letter off.
  std::string csv = kCleanCsv;
  Replace(&csv, "admin-review-closure-rate,2024", "admin-review-closure-rates,2024");
  return site + GbkCsv(csv);
}

// What both fazhi check and fazhi build report for SiteWithMistakes(), in
// this order: the pipeline's stages (content, indicators, Markdown), each
// in path order.
const char* const kAllErrors =
    "content/about.md:3:5: 这里用了全角冒号“：”，请改为半角冒号“:”并在其后加一个空格\n"
    "  date：2025-01-01\n"
    "      ^\n"
    "content/news/notice.md:4:1: 不认识的文件头键“来源”，是不是要写“source”？\n"
    "  来源: 办公室\n"
    "  ^\n"
    "data/indicators/2024.csv:3:1: "
    "没有“admin-review-closure-rates”这个指标，是不是要写“admin-review-closure-rate”？\n"
    "  admin-review-closure-rates,2024,80.16,%,原文,reports/2024.md\n"
    "  ^\n"
    "content/reports/2024.md:8:50: 没有“valeu”这个短代码，是不是要写“value”？\n"
    "  办理行政复议案件{{< value admin-review-cases 2024 >}}，办结率{{< valeu admin-review-closure-rate 2024 "
    ">}}。\n"
    "                                                               ^\n"
    "content/news/chart.md:7:8: 找不到图片“收案数.png”：按本页 Markdown 文件所在的文件夹算，它应当在 "
    "content/news/收案数.png\n"
    "  ![收案数](收案数.png)\n"
    "            ^\n"
    "content/news/chart.md:9:13: 链接的页面不存在：“../reports/2023.md”，是不是要链接“../reports/2024.md”？\n"
    "  比较[2023年报告](../reports/2023.md)。\n"
    "                   ^\n";

FixtureResult Build(const std::string& site) {
  FixtureOptions opts;
  opts.default_theme = true;
  return BuildFixture(site, opts);
}

int Cli(std::vector<std::string> args, std::string* out, std::string* err) {
  std::ostringstream o, e;
  int rc = RunCli(args, o, e);
  *out = o.str();
  *err = e.str();
  return rc;
}

}  // namespace

TEST_CASE("all errors in one run: the clean site builds (so every error below is one of the mistakes)") {
  FixtureResult r = Build(CleanSite() + GbkCsv(kCleanCsv));
  REQUIRE_MESSAGE(r.ok, r.errors);
  CHECK(Contains(r.File("reports/2024/index.html"), "368"));
}

TEST_CASE("all errors in one run: front matter, GBK CSV, shortcode, image and link mistakes in five files") {
  FixtureResult r = Build(SiteWithMistakes());
  CHECK_FALSE(r.ok);
  CHECK(r.errors == kAllErrors);
  // The same report every time (pages are read on several threads).
  CHECK(Build(SiteWithMistakes()).errors == r.errors);
}

TEST_CASE(
    "all errors in one run: fazhi check and fazhi build print them all and exit 1, and build writes "
    "nothing") {
  TempDir dir;
  WriteTree(dir.path(), SiteWithMistakes());
  fs::create_directories(dir.path() / "themes");
  fs::copy(RepoRoot() + "/themes/default", dir.path() / "themes/default", fs::copy_options::recursive);
  std::string out, err;
  CHECK(Cli({"check", dir.path().string()}, &out, &err) == 1);
  CHECK(err == std::string(kAllErrors) + "fazhi：检查未通过，共 6 个错误\n");
  CHECK(Cli({"build", dir.path().string()}, &out, &err) == 1);
  CHECK(err == std::string(kAllErrors) + "fazhi：构建失败，共 6 个错误；输出文件夹保持原样\n");
  CHECK_FALSE(fs::exists(dir.path() / "public"));
}

TEST_CASE("all errors in one run: a page left out for its errors is not reported again as a broken link") {
  // The report's front matter is broken, so the report is left out: the CSV
  // rows citing it as their source and the page linking to it are not
  // reported as links to nothing.
  std::string site = CleanSite();
  Replace(&site, "date: 2025-03-01\nyear: 2024", "date: 2025-03-01\nyear：2024");
  FixtureResult r = Build(site + GbkCsv(kCleanCsv));
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "content/reports/2024.md:4:5: 这里用了全角冒号“：”，请改为半角冒号“:”并在其后加一个空格\n"
        "  year：2024\n"
        "      ^\n");
}

TEST_CASE("all errors in one run: an indicator left out for its errors is not reported again as unknown") {
  // The definition's category is wrong, so it is left out: its CSV row and
  // the report's value of it are not "no such indicator" errors, while the
  // report's other mistake is still reported.
  std::string site = CleanSite();
  Replace(&site, "title: 行政复议办结率\ndate: 2025-03-01\ncategory: oversight",
          "title: 行政复议办结率\ndate: 2025-03-01\ncategory: 监督");
  Replace(&site, "{{< value admin-review-cases 2024 >}}", "{{< value admin-review-cases 2O24 >}}");
  FixtureResult r = Build(site + GbkCsv(kCleanCsv));
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "content/indicators/admin-review-closure-rate.md:4:11: "
        "没有“监督”这个指标类别（可用的类别：leadership（党的领导与第一责任人）、"
        "functions（政府职能依法全面履行）、rules（依法行政制度体系）、decisions（重大行政决策）、enforcement"
        "（行政执法）、"
        "oversight（行政权力制约监督）、disputes（社会矛盾纠纷化解）、capacity（工作人员法治能力）、digital（"
        "数字法治政府）、"
        "emergency（突发事件应对））\n"
        "  category: 监督\n"
        "            ^\n"
        "content/reports/2024.md:8:9: 年份“2O24”不是四位数的年份\n"
        "  办理行政复议案件{{< value admin-review-cases 2O24 >}}，办结率{{< value admin-review-closure-rate "
        "2024 "
        ">}}。\n"
        "                  ^\n");
}

TEST_CASE("all errors in one run: a mistake in site.toml stops the build before anything else is read") {
  std::string site = SiteWithMistakes();
  Replace(&site, "as_of = 2025-06-30", "as_of ＝ 2025-06-30");
  FixtureResult r = Build(site);
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "site.toml:3:7: 这里用了全角等号“＝”，请改为半角等号“=”\n"
        "  as_of ＝ 2025-06-30\n"
        "        ^\n");
}

TEST_CASE("value shortcode: a year typed with full-width digits or as 2024年度 reads like 2024") {
  // Issue 13: full-width digits are read like their ASCII forms, in a
  // shortcode as in front matter and CSV cells.
  for (const char* year : {"２０２４", "2024年度", "\"２０２４年\""}) {
    CAPTURE(year);
    std::string site = CleanSite();
    Replace(&site, "{{< value admin-review-cases 2024 >}}",
            std::string("{{< value admin-review-cases ") + year + " >}}");
    FixtureResult r = Build(site + GbkCsv(kCleanCsv));
    REQUIRE_MESSAGE(r.ok, r.errors);
    CHECK(Contains(r.File("reports/2024/index.html"), ">368件</a>"));
  }
  // Not a year at all: said so, at the shortcode.
  std::string site = CleanSite();
  Replace(&site, "{{< value admin-review-cases 2024 >}}", "{{< value admin-review-cases 二〇二四 >}}");
  FixtureResult r = Build(site + GbkCsv(kCleanCsv));
  CHECK(r.errors ==
        "content/reports/2024.md:8:9: 年份“二〇二四”不是四位数的年份\n"
        "  办理行政复议案件{{< value admin-review-cases 二〇二四 >}}，办结率{{< value "
        "admin-review-closure-rate "
        "2024 >}}。\n"
        "                  ^\n");
}

TEST_CASE("all errors in one run: past 50 errors the rest are counted, not listed") {
  std::string site = std::string(kMinimalSite);
  for (int i = 10; i < 62; ++i)
    site += "-- content/p" + std::to_string(i) + ".md --\n---\ndate: 2025-01-01\n---\n";
  FixtureResult r = BuildFixture(site);
  CHECK_FALSE(r.ok);
  size_t listed = 0;
  for (size_t at = r.errors.find("缺少必填的文件头键“title”"); at != std::string::npos;
       at = r.errors.find("缺少必填的文件头键“title”", at + 1)) {
    ++listed;
  }
  CHECK(listed == 50);
  CHECK(r.errors.ends_with(
      "content/p59.md:1:1: 缺少必填的文件头键“title”（标题）\n  ---\n  ^\n……另有 2 个错误未列出\n"));
}

TEST_CASE("all errors in one run: past 50 warnings the rest are counted too, and the build goes on") {
  std::string site = std::string(kMinimalSite);
  for (int i = 10; i < 63; ++i) {
    site += "-- content/p" + std::to_string(i) + ".md --\n---\ntitle: 第" + std::to_string(i) +
            "页\ndate: 2025-01-01\n---\n住址：某某路18号3栋2单元501室。\n";
  }
  FixtureResult r = BuildFixture(site);
  REQUIRE_MESSAGE(r.ok, r.errors);
  size_t listed = 0;
  for (size_t at = r.errors.find("警告：这像是住宅地址"); at != std::string::npos;
       at = r.errors.find("警告：这像是住宅地址", at + 1)) {
    ++listed;
  }
  CHECK(listed == 50);
  // Before, the other three were dropped without a word.
  CHECK(r.errors.ends_with("……另有 3 个警告未列出\n"));
}

}  // namespace fazhi::testing
