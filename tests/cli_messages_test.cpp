// What the command line prints, as the user sees it: `fazhi help`, the
// summary lines of build and check, the usage errors, and every answer of
// `fazhi new` — whole lines, in Chinese (issue 13: every message has a test).
#include <doctest/doctest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "site_fixture.h"
#include "temp_dir.h"

namespace fazhi::testing {
namespace {

namespace fs = std::filesystem;

struct Ran {
  int rc = -1;
  std::string out, err;
};

Ran Fazhi(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  Ran r;
  r.rc = RunCli(args, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

// "用时 87 毫秒" → "用时 N 毫秒": the only part of a build's summary that
// depends on the machine.
std::string NoMillis(std::string s) {
  for (size_t at = s.find("用时 "); at != std::string::npos; at = s.find("用时 ", at + 1)) {
    size_t from = at + std::string("用时 ").size(), to = from;
    while (to < s.size() && ((s[to] >= '0' && s[to] <= '9') || s[to] == '.')) ++to;
    s.replace(from, to - from, "N");
  }
  return s;
}

const char* kSite = R"(-- site.toml --
title = "测试站"
sponsor = "某区司法局"
as_of = 2025-06-30
-- content/a.md --
---
title: 甲
date: 2025-01-02
review: 请核对数字
---
正文
)";

}  // namespace

TEST_CASE("cli messages: fazhi help shows every command with its summary and the exit codes") {
  Ran r = Fazhi({"help"});
  CHECK(r.rc == 0);
  CHECK(r.out ==
        "fazhi " FAZHI_VERSION
        " — 法治政府建设信息公开网站生成器\n\n用法：fazhi <命令> [选项]\n\n命令：\n"
        "  build [DIR] [--output DIR] [--base-url URL] [--as-of DATE|today] [--manifest FILE] [--drafts] "
        "[--jobs N] [--quiet] [--timings] [--embed]\n"
        "      把 DIR（默认当前文件夹）里的网站生成到 DIR/public，整体替换，失败时不动原来的输出。"
        "--embed 另写 embed/：各页正文片段和 feed.json，供站群 CMS 引用。\n"
        "  check [DIR] [--base-url URL] [--as-of DATE|today] [--drafts] [--timings]\n"
        "      检查 build 会检查的一切，不写任何文件。\n"
        "  serve [DIR] [--port 1313] [--host 127.0.0.1] [--drafts]\n"
        "      在内存里生成网站并预览，改动后自动刷新，出错时页面上显示错误（从不写 public/）。\n"
        "  new site DIR --sponsor NAME | new report YEAR [--publisher NAME] | new indicator ID | new profile "
        "UNIT [--year N] [--unit NAME] | new page PATH  [--site DIR] [--date YYYY-MM-DD]\n"
        "      新建一个站点、一份年度报告、一个指标、一份述法档案或一个页面；从不覆盖已有文件。\n"
        "  import FILE|DIR… [--site DIR] [--year N] [--date YYYY-MM-DD] [--title T] [--publisher P] "
        "[--force]\n"
        "      从已发布的报告（.txt、.docx 或从门户网站保存的 .html 网页）生成报告页面、指标 CSV "
        "和指标草稿；给一个文件夹或几个文件时，按 data/units.csv 把每份报告归到它的单位，最后列出汇总表。\n"
        "  version\n"
        "      显示版本。\n"
        "  help\n"
        "      显示本帮助。\n"
        "\n每个命令都可以加 --lang en 改用英文消息（site.toml 里写 language = \"en\" 也一样）。\n"
        "退出码：0 成功，1 网站有错误，2 用法错误。\n");
  CHECK(r.err == "");
  // With no command at all, the same help goes to stderr with exit 2.
  Ran none = Fazhi({});
  CHECK(none.rc == 2);
  CHECK(none.err == r.out);
  Ran en = Fazhi({"help", "--lang", "en"});
  CHECK(en.out.find("      Show this help.\n\nAdd --lang en to any command") != std::string::npos);
}

TEST_CASE("cli messages: build and check say what they did, in Chinese") {
  TempDir dir;
  WriteTree(dir.path(), kSite);
  const std::string site = dir.path().string();
  Ran build = Fazhi({"build", site});
  REQUIRE(build.rc == 0);
  CHECK(NoMillis(build.out) ==
        "fazhi：已生成 1 个页面、19 个文件（19 个新写入，0 个未变），写入 " + site +
            "/public，用时 N 毫秒\n"
            "fazhi：搜索索引 1 个页面、4 个词、4 个文件、286 字节（search/）；sitemap.xml 4 个网址；feed.xml "
            "1 条\n"
            "fazhi：提示：base_url 没有写域名，所以 sitemap.xml、feed.xml 和规范链接只用路径；正式发布时请加 "
            "--base-url https://…\n");
  // The editor's note is shown, never published.
  CHECK(build.err == "content/a.md:4:9: 编辑备注（不公开）：请核对数字\n  review: 请核对数字\n          ^\n");

  // With a host in base_url there is no hint; the second build rewrites
  // only what changed (the URLs in sitemap, feed and the pages' heads).
  Ran again = Fazhi({"build", site, "--base-url", "https://sfj.example.gov.cn/"});
  REQUIRE(again.rc == 0);
  CHECK(NoMillis(again.out) == "fazhi：已生成 1 个页面、19 个文件（8 个新写入，11 个未变），写入 " + site +
                                   "/public，用时 N 毫秒\n"
                                   "fazhi：搜索索引 1 个页面、4 个词、4 个文件、286 "
                                   "字节（search/）；sitemap.xml 4 个网址；feed.xml 1 条\n");

  Ran check = Fazhi({"check", site});
  CHECK(check.rc == 0);
  CHECK(check.out ==
        "fazhi：检查通过：1 个页面，0 个警告\nfazhi：另有 1 条编辑备注（只给编辑看，不会发布）\n");
}

TEST_CASE("cli messages: usage errors of build, check and serve") {
  Ran two = Fazhi({"check", "a", "b"});
  CHECK(two.rc == 2);
  CHECK(two.err == "fazhi：最多只能给一个站点文件夹\n运行 `fazhi help` 查看用法。\n");
  Ran serve = Fazhi({"serve", "a", "b"});
  CHECK(serve.rc == 2);
  CHECK(serve.err == two.err);
  Ran jobs = Fazhi({"build", "--jobs", "四"});
  CHECK(jobs.rc == 2);
  CHECK(jobs.err == "fazhi：--jobs 后面要写一个数字\n运行 `fazhi help` 查看用法。\n");
}

TEST_CASE("cli messages: fazhi new — what it creates, what comes next, and each refusal") {
  TempDir dir;
  const fs::path site = dir.path() / "s";
  const std::string s = site.string();
  Ran made = Fazhi({"new", "site", s, "--sponsor", "某区司法局", "--date", "2025-02-01"});
  REQUIRE(made.rc == 0);
  CHECK(made.out ==
        "已创建 " + s + "/site.toml\n已创建 " + s + "/.gitignore\n已创建 " + s +
            "/content/_index.md\n已创建 " + s + "/content/about.md\n已创建 " + s +
            "/content/reports/_index.md\n已创建 " + s + "/content/indicators/_index.md\n已创建 " + s +
            "/content/profiles/_index.md\n"
            "\n本站用 fazhi 自带的默认主题（" +
            RepoRoot() +
            "/themes/default/），升级 fazhi 后随之更新。要改哪个模板或样式，只把那一个文件复制到本站的 "
            "layouts/、layouts/partials/ 或 static/ 下同名的位置再改（见 docs/themes.md）\n"
            "\n网站已建好，可以直接生成。下一步：\n"
            "  cd " +
            s +
            "\n"
            "  fazhi new report 2024      新建2024年度报告（草稿）\n"
            "  fazhi serve --drafts         在浏览器里预览（草稿也显示），改动后自动刷新\n"
            "  fazhi build                  检查并生成网站到 public/\n"
            "编辑指南：docs/编辑指南.md\n");
  CHECK(made.err == "");

  Ran report = Fazhi({"new", "report", "2024", "--site", s, "--date", "2025-02-01"});
  CHECK(report.rc == 0);
  CHECK(report.out == "已创建 " + s +
                          "/content/reports/2024.md\n"
                          "这是一份草稿（draft: true），不会发布：写完后删去 draft: true 这一行。"
                          "预览：fazhi serve --drafts；检查：fazhi check。文件：content/reports/2024.md\n");

  auto refused = [](std::vector<std::string> args, int rc, const std::string& err) {
    Ran r = Fazhi(args);
    CHECK(r.rc == rc);
    CHECK(r.err == err);
    CHECK(r.out == "");
  };
  refused({"new", "site", s, "--sponsor", "某区司法局"}, 1,
          "fazhi：" + s + " 不是空文件夹；新站点要放在空文件夹或新文件夹里\n");
  refused({"new", "site", "t"}, 2,
          "fazhi：请用 --sponsor 写明主办单位，例如：fazhi new site t --sponsor "
          "某区司法局（网站名称、信息来源和报告的发布单位都由它填写）\n");
  refused({"new", "report", "2024", "--bogus"}, 2, "fazhi：没有 --bogus 这个选项\n");
  refused({"new"}, 2,
          "fazhi：用法：fazhi new site 文件夹 --sponsor 主办单位 | new report 年份 | new indicator 代号 | "
          "new profile 单位代号 [--year 年份] | new page 路径\n");
  refused({"new", "post", "x", "--site", s}, 2,
          "fazhi：没有“post”这一类；请写 site、report、indicator、profile 或 page\n");
  refused({"new", "report", "24", "--site", s}, 2, "fazhi：报告年份要写四位数字，例如 2024\n");
  refused({"new", "profile", "sfj", "--year", "二〇二四", "--site", s}, 2,
          "fazhi：报告年份要写四位数字，例如 2024\n");
  refused({"new", "page", "../x", "--site", s}, 2,
          "fazhi：页面路径要相对于 content/，例如 notices/2025-open-day\n");
  refused({"new", "indicator", "行政复议", "--site", s}, 2,
          "fazhi：指标代号“行政复议”只能用小写英文字母、数字和“-”，例如 "
          "admin-review-cases；它也是指标页面的网址\n");
  refused({"new", "profile", "SFJ", "--site", s}, 2,
          "fazhi：单位代号“SFJ”只能用小写英文字母、数字和“-”，例如 sfj；它是单位页面的网址 /units/sfj/\n");
  const std::string nowhere = (dir.path() / "nowhere").string();
  refused({"new", "report", "2024", "--site", nowhere}, 1,
          "fazhi：" + nowhere +
              " 不是站点文件夹（里面没有 site.toml）：请在站点文件夹里运行，或加 --site 站点文件夹\n");
  // content/ is a file: the page cannot be created, and the cause is named.
  fs::create_directories(dir.path() / "f");
  std::ofstream(dir.path() / "f/content") << "";
  refused({"new", "page", "a", "--site", (dir.path() / "f").string()}, 1,
          "fazhi：无法创建 " + (dir.path() / "f/content/a.md").string() +
              "：路径中有一段不是文件夹（ENOTDIR）\n");
}

TEST_CASE("cli messages: new site on a full disk names the file it could not create and why") {
  if (::geteuid() != 0) return;  // mounting a small disk needs root (as in CI)
  TempDir dir;
  const fs::path disk = dir.path() / "disk";
  fs::create_directories(disk);
  // Inodes for the disk's root, the site's folder, site.toml, .gitignore and
  // content/: none left for content/_index.md.
  REQUIRE(::mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=1m,nr_inodes=5") == 0);
  Ran r = Fazhi({"new", "site", (disk / "s").string(), "--sponsor", "某区司法局", "--date", "2025-02-01"});
  ::umount2(disk.c_str(), MNT_DETACH);
  CHECK(r.rc == 1);
  CHECK(r.err == "fazhi：无法创建 " + (disk / "s/content/_index.md").string() +
                     "：磁盘已满（空间或文件数已用完）（ENOSPC）\n");
}

}  // namespace fazhi::testing
