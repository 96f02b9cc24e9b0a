// Issue 18's failures reproduced end to end, through the CLI on a site on
// disk, where the unit tests beside each module check the part alone: the
// formula that crashed `check` and `build`, numbers walked around the privacy
// gate into the published site (static/ and the theme's assets included),
// symbolic links out of the site, a slug that passed `check` and failed
// `build`. Each time `check` and `build` both fail with the position, and the
// previous public/ stays byte for byte.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "cli/cli.h"
#include "core/utf8.h"
#include "site_fixture.h"
#include "temp_dir.h"

namespace fazhi::testing {
namespace fs = std::filesystem;
namespace {

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void Spit(const fs::path& p, std::string_view text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

std::map<std::string, std::string> Snapshot(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) out[fs::relative(e.path(), root).generic_string()] = Slurp(e.path());
  }
  return out;
}

int Cli(std::vector<std::string> args, std::string* err) {
  std::ostringstream o, e;
  int rc = RunCli(args, o, e);
  *err = e.str();
  return rc;
}

// The demo site (site.toml, content/, data/, the default theme) copied into
// `dir`, built once: public/ holds the previous site the failed builds must
// leave alone.
std::map<std::string, std::string> DemoBuiltOnce(const fs::path& dir) {
  const fs::path repo = RepoRoot();
  fs::copy_file(repo / "site.toml", dir / "site.toml");
  for (const char* sub : {"content", "data", "themes"})
    fs::copy(repo / sub, dir / sub, fs::copy_options::recursive);
  std::string err;
  REQUIRE_MESSAGE(Cli({"build", dir.string(), "--quiet"}, &err) == 0, err);
  return Snapshot(dir / "public");
}

// `check` then `build` of `dir`: both exit 1; returns build's errors.
std::string CheckAndBuildFail(const fs::path& dir) {
  std::string check_err, build_err;
  CHECK(Cli({"check", dir.string()}, &check_err) == 1);
  CHECK(Cli({"build", dir.string(), "--quiet"}, &build_err) == 1);
  // The same errors; only the last line (检查未通过 / 构建失败) differs.
  CHECK(check_err.substr(0, check_err.rfind("fazhi：")) == build_err.substr(0, build_err.rfind("fazhi：")));
  return build_err;
}

}  // namespace

TEST_CASE("hardening: a formula nested 30,000 deep fails check and build at its 101st level, no crash") {
  // Failure 1: the recursive formula parser overflowed the stack (exit 139).
  TempDir dir;
  auto before = DemoBuiltOnce(dir.path());
  const fs::path csv = dir.path() / "data/indicators/2024.csv";
  std::string text = Slurp(csv);
  const std::string sum =
      "shufa-standing-committee@2024 + shufa-department-heads@2024 + shufa-township-heads@2024";
  size_t at = text.find(sum);
  REQUIRE(at != std::string::npos);
  text.replace(at, sum.size(), std::string(30000, '(') + "1" + std::string(30000, ')'));
  Spit(csv, text);
  size_t line_start = text.rfind('\n', at) + 1;
  int line = static_cast<int>(std::count(text.begin(), text.begin() + at, '\n')) + 1;
  int col = static_cast<int>(Utf8Length(std::string_view(text).substr(line_start, at - line_start))) + 101;
  std::string err = CheckAndBuildFail(dir.path());
  // (The demo's editor notes come first: warnings, not errors.)
  CHECK(Contains(err, "data/indicators/2024.csv:" + std::to_string(line) + ":" + std::to_string(col) +
                          ": 公式：括号或负号嵌套超过100层；请把公式拆开，分几行计算\n"));
  CHECK(Contains(err, "共 1 个错误"));
  CHECK(Snapshot(dir.path() / "public") == before);
}

TEST_CASE(
    "hardening: personal numbers written around the gate, in content, static/ and theme assets, are not "
    "published") {
  // Failure 3: markup inside a number (the summary then held it unbroken),
  // separators, YAML escapes, and files in static/ and the theme's css/js
  // passed `check` and were published.
  TempDir dir;
  auto before = DemoBuiltOnce(dir.path());
  Spit(dir.path() / "content/contact.md",
       "---\ntitle: \"联系\\x31\\x33\\x38\\x31\\x32\\x33\\x34\\x35\\x36\\x37\\x38\"\ndate: 2025-01-02\n---\n"
       "值班电话13812**345678**，请勿外传。\n\n"
       "备用：138 - 1234 - 5678\n");
  Spit(dir.path() / "static/duty.txt", "值班：1&#51;812345678\n");
  Spit(dir.path() / "themes/default/static/css/extra.css",
       "/* 联系 138.1234.5678 */\nbody { color: #000; }\n");
  Spit(dir.path() / "themes/default/static/js/extra.js",
       "var tel = \"\\u0031\\u0033\\u00381234\\u0035678\";\n");
  std::string err = CheckAndBuildFail(dir.path());
  for (std::string at :
       {"content/contact.md:2:11: 个人信息：这像是手机号码",
        "content/contact.md:5:5: 个人信息：这像是手机号码",
        "content/contact.md:7:4: 个人信息：这像是手机号码", "static/duty.txt:1:4: 个人信息：这像是手机号码",
        "themes/default/static/css/extra.css:1:7: 个人信息：这像是手机号码",
        "themes/default/static/js/extra.js:1:12: 个人信息：这像是手机号码"}) {
    CAPTURE(at);
    CHECK(Contains(err, at));
  }
  CHECK(Contains(err, "共 6 个错误"));
  CHECK(Snapshot(dir.path() / "public") == before);
}

TEST_CASE(
    "hardening: a symbolic link to /etc/passwd fails check and build at the link, and nothing of it is "
    "read") {
  // Failure 5: static/passwd.txt → /etc/passwd was published, and
  // content/secret.md → /etc/passwd had its first line in an error message.
  TempDir dir;
  auto before = DemoBuiltOnce(dir.path());
  fs::create_symlink("/etc/passwd", dir.path() / "content/secret.md");
  fs::create_directories(dir.path() / "static");
  fs::create_symlink("/etc/passwd", dir.path() / "static/passwd.txt");
  std::string err = CheckAndBuildFail(dir.path());
  CHECK(
      err.starts_with("content/secret.md: 符号链接指向站点文件夹之外（/etc/passwd）：fazhi "
                      "不读取站点外的文件；请把要发布的文件复制进站点文件夹\n"
                      "static/passwd.txt: 符号链接指向站点文件夹之外（/etc/passwd）：fazhi "
                      "不读取站点外的文件；请把要发布的文件复制进站点文件夹\n"));
  CHECK_FALSE(Contains(err, "root:"));
  CHECK(Snapshot(dir.path() / "public") == before);
}

TEST_CASE("hardening: a slug with .. fails check as it fails build, at the slug") {
  // Failure 9: `check` passed it and `build` failed without a position.
  TempDir dir;
  WriteTree(dir.path(),
            std::string(kMinimalSite) +
                "-- content/a.md --\n---\ntitle: 甲\ndate: 2025-01-02\nslug: \"../../x\"\n---\n正文\n");
  std::string err = CheckAndBuildFail(dir.path());
  CHECK(err.starts_with("content/a.md:4:7: slug “../../x” 只能是网址中的一段名称"));
  CHECK_FALSE(fs::exists(dir.path() / "public"));
  CHECK_FALSE(fs::exists(dir.path().parent_path() / "x"));
}

}  // namespace fazhi::testing
