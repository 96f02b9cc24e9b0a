// What a deploy pipeline relies on, through the CLI: `build --manifest`
// (every output file with its SHA-256), `--as-of DATE|today`, `check`'s
// warning when as_of lags behind the clock (build never reads the clock) and
// the robots.txt warning under a sub-path. The recipes that use them are run
// by tests/deploy/*.sh.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli/cli.h"
#include "core/manifest.h"
#include "site_fixture.h"
#include "temp_dir.h"
#include "txtar.h"

namespace fazhi::testing {
namespace fs = std::filesystem;
namespace {

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::map<std::string, std::string> Snapshot(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) out[fs::relative(e.path(), root).generic_string()] = Slurp(e.path());
  }
  return out;
}

struct Run {
  int rc;
  std::string out, err;
};

Run Cli(std::vector<std::string> args, std::string today = "") {
  std::ostringstream o, e;
  int rc = RunCli(args, o, e, CliEnvironment{std::move(today)});
  return {rc, o.str(), e.str()};
}

const char* kPages =
    "-- content/a.md --\n---\ntitle: 甲\ndate: 2025-01-02\n---\n正文\n"
    "-- content/b.md --\n---\ntitle: 乙\ndate: 2025-03-01\n---\n正文\n"
    "-- static/css/site.css --\nbody{}\n";

TEST_CASE("deploy: build --manifest lists every output file with its SHA-256, as sha256sum does") {
  TempDir dir;
  fs::path site = dir.path() / "site", manifest = dir.path() / "public.sha256";
  WriteTree(site, std::string(kMinimalSite) + kPages);
  Run r = Cli({"build", site.string(), "--manifest", manifest.string()});
  REQUIRE(r.rc == 0);
  std::map<std::string, std::string> files = Snapshot(site / "public");
  std::string expected;
  for (const auto& [path, bytes] : files) expected += Sha256Hex(bytes) + "  " + path + "\n";
  CHECK(files.count("index.html") == 1);
  CHECK(files.count("css/site.css") == 1);
  CHECK(Slurp(manifest) == expected);
  CHECK(Contains(r.out, "fazhi：清单：" + std::to_string(files.size()) + " 个文件的 SHA-256 已写入 " +
                            manifest.string() + "\n"));
  // Same input, same manifest; nothing left beside it.
  CHECK(Cli({"build", site.string(), "--manifest", manifest.string(), "--jobs", "1"}).rc == 0);
  CHECK(Slurp(manifest) == expected);
  std::set<std::string> beside;
  for (auto& e : fs::directory_iterator(dir.path())) beside.insert(e.path().filename().string());
  CHECK(beside == std::set<std::string>{"public.sha256", "site"});
}

TEST_CASE("deploy: a failed build leaves the previous manifest and output as they were") {
  TempDir dir;
  fs::path site = dir.path() / "site", manifest = dir.path() / "public.sha256";
  WriteTree(site, std::string(kMinimalSite) + kPages);
  REQUIRE(Cli({"build", site.string(), "--manifest", manifest.string()}).rc == 0);
  std::string before = Slurp(manifest);
  auto output = Snapshot(site / "public");
  WriteTree(site, "-- content/c.md --\n---\ntitle: 丙\ndate: 2025-13-40\n---\n正文\n");
  Run r = Cli({"build", site.string(), "--manifest", manifest.string()});
  CHECK(r.rc == 1);
  CHECK(Slurp(manifest) == before);
  CHECK(Snapshot(site / "public") == output);
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 2);
}

TEST_CASE("deploy: --manifest refuses the output folder and files that are not manifests") {
  TempDir dir;
  fs::path site = dir.path() / "site";
  WriteTree(site, std::string(kMinimalSite) + kPages);
  Run inside = Cli({"build", site.string(), "--manifest", (site / "public/m.sha256").string()});
  CHECK(inside.rc == 1);
  CHECK(Contains(inside.err, "清单文件不能放在输出目录"));
  CHECK_FALSE(fs::exists(site / "public"));
  Run work = Cli({"build", site.string(), "--manifest", (site / ".public.fazhi/m.sha256").string()});
  CHECK(work.rc == 1);
  CHECK(Contains(work.err, "清单文件不能放在输出目录 " + (site / ".public.fazhi").string() + " 之内"));
  std::string toml = Slurp(site / "site.toml");
  Run over = Cli({"build", site.string(), "--manifest", (site / "site.toml").string()});
  CHECK(over.rc == 1);
  CHECK(Contains(over.err, "不覆盖这个文件：它不是 fazhi 写的清单"));
  CHECK(Slurp(site / "site.toml") == toml);
  Run missing = Cli({"build", site.string(), "--manifest="});
  CHECK(missing.rc == 2);
  CHECK(missing.err ==
        "fazhi：--manifest 需要一个文件名，例如 --manifest public.sha256\n运行 `fazhi help` 查看用法。\n");
}

TEST_CASE("deploy: --as-of overrides site.toml, and today is the date the CLI is given") {
  TempDir dir;
  fs::path site = dir.path() / "site";
  // The site's own 404 layout shows as_of (templates see it as site.as_of).
  WriteTree(site, std::string(kMinimalSite) + kPages + "-- layouts/404.mustache --\n截至{{site.as_of}}\n");
  REQUIRE(Cli({"build", site.string(), "--as-of", "2026-01-05"}).rc == 0);
  auto dated = Snapshot(site / "public");
  CHECK(dated.at("404.html") == "截至2026-01-05\n");
  REQUIRE(Cli({"build", site.string(), "--as-of", "today"}, "2026-01-05").rc == 0);
  CHECK(Snapshot(site / "public") == dated);
  REQUIRE(Cli({"build", site.string()}, "2026-01-05").rc == 0);
  CHECK(Slurp(site / "public/404.html") == "截至2025-06-30\n");  // site.toml's as_of, whatever the clock
  Run no_clock = Cli({"build", site.string(), "--as-of", "today"});
  CHECK(no_clock.rc == 2);
  CHECK(no_clock.err == "fazhi：--as-of today 需要系统时钟，但这里没有提供\n运行 `fazhi help` 查看用法。\n");
  Run bad = Cli({"check", site.string(), "--as-of", "2026-02-30"}, "2026-03-01");
  CHECK(bad.rc == 2);
  CHECK(bad.err ==
        "fazhi：--as-of 需要 YYYY-MM-DD 格式的日期或 today，例如 --as-of 2025-03-31，而不是“2026-02-30”\n"
        "运行 `fazhi help` 查看用法。\n");
  // check compares the given as_of, not site.toml's, with the clock.
  Run old = Cli({"check", site.string(), "--as-of", "2025-01-01"}, "2025-12-01");
  CHECK(old.rc == 0);
  CHECK(Contains(old.err, "site.toml: 警告：as_of 是 2025-01-01，比今天（2025-12-01）早 334 天"));
  CHECK(Cli({"check", site.string(), "--as-of", "today"}, "2025-12-01").out ==
        "fazhi：检查通过：2 个页面，0 个警告\n");
}

TEST_CASE("deploy: check warns when as_of lags behind the clock, and build output never depends on it") {
  TempDir dir;
  fs::path site = dir.path() / "site";
  WriteTree(site, std::string(kMinimalSite) + kPages);  // as_of = 2025-06-30
  Run fresh = Cli({"check", site.string()}, "2025-07-10");
  CHECK(fresh.out == "fazhi：检查通过：2 个页面，0 个警告\n");
  CHECK(fresh.err.empty());
  Run stale = Cli({"check", site.string()}, "2026-01-01");
  CHECK(stale.rc == 0);
  CHECK(stale.out == "fazhi：检查通过：2 个页面，1 个警告\n");
  CHECK(stale.err ==
        "site.toml:3:9: 警告：as_of 是 2025-06-30，比今天（2026-01-01）早 185 天：逾期整改和“截至”日期都按 "
        "as_of 计算，网站显示的是过时的状态。请把 as_of 改为今天，或在定时构建中用 fazhi build --as-of "
        "today（见 docs/deployment.md）\n"
        "  as_of = 2025-06-30\n"
        "          ^\n");
  // build: no clock warning, and the same bytes whatever the clock says.
  Run b1 = Cli({"build", site.string()}, "2026-01-01");
  REQUIRE(b1.rc == 0);
  CHECK(b1.err.empty());
  auto first = Snapshot(site / "public");
  REQUIRE(Cli({"build", site.string()}, "2031-09-09").rc == 0);
  CHECK(Snapshot(site / "public") == first);
}

TEST_CASE("deploy: robots.txt under a sub-path is warned until merged into the host root's") {
  TempDir dir;
  fs::path site = dir.path() / "site";
  WriteTree(site, std::string(kMinimalSite) + kPages);
  Run sub = Cli({"build", site.string(), "--base-url", "https://www.example.gov.cn/sfj/fzbg/"});
  REQUIRE(sub.rc == 0);
  CHECK(Contains(sub.err,
                 "site.toml: 警告：base_url 带子路径“/sfj/fzbg/”，robots.txt 会生成在 "
                 "https://www.example.gov.cn/sfj/fzbg/robots.txt"));
  CHECK(Slurp(site / "public/robots.txt") ==
        "User-agent: *\nDisallow:\n\nSitemap: https://www.example.gov.cn/sfj/fzbg/sitemap.xml\n");
  Run root = Cli({"check", site.string(), "--base-url", "https://fzbg.example.gov.cn/"});
  CHECK(root.err.empty());
  std::ofstream(site / "site.toml", std::ios::app) << "[robots]\nmerged_into_root = true\n";
  Run merged = Cli({"check", site.string(), "--base-url", "https://www.example.gov.cn/sfj/fzbg/"});
  CHECK(merged.rc == 0);
  CHECK(merged.err.empty());
}

}  // namespace
}  // namespace fazhi::testing
