// Disk behaviour of `fazhi build`: atomic replacement, refusal to touch
// folders fazhi did not create, determinism, the demo site's golden pages
// and the CLI's exit codes.
#include <doctest/doctest.h>

#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "core/write_site.h"
#include "site/build.h"
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

// Every file under `root` with its bytes.
std::map<std::string, std::string> Snapshot(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) out[fs::relative(e.path(), root).generic_string()] = Slurp(e.path());
  }
  return out;
}

int Cli(std::vector<std::string> args, std::string* out = nullptr, std::string* err = nullptr) {
  std::ostringstream o, e;
  int rc = RunCli(args, o, e);
  if (out) *out = o.str();
  if (err) *err = e.str();
  return rc;
}

const char* kGoodPage = "-- content/a.md --\n---\ntitle: 甲\ndate: 2025-01-02\n---\n正文\n";

}  // namespace

TEST_CASE("output: a failed build leaves the previous public/ byte-for-byte") {
  TempDir dir;
  WriteTree(dir.path(), std::string(kMinimalSite) + kGoodPage);
  REQUIRE(Cli({"build", dir.path().string(), "--quiet"}) == 0);
  auto before = Snapshot(dir.path() / "public");
  REQUIRE(before.count("a/index.html"));

  WriteTree(dir.path(), "-- content/a.md --\n---\ntitle: [甲\n---\n");
  std::string err;
  CHECK(Cli({"build", dir.path().string()}, nullptr, &err) == 1);
  CHECK(err.find("content/a.md:2:8: 方括号“[”没有闭合：列表写成 [甲, 乙]，用半角逗号分隔，以“]”结束\n"
                 "  title: [甲\n"
                 "         ^\n") == 0);
  CHECK(err.find("fazhi：构建失败，共 1 个错误；输出文件夹保持原样\n") != std::string::npos);
  CHECK(Cli({"build", dir.path().string(), "--lang", "en"}, nullptr, &err) == 1);
  CHECK(err.find("content/a.md:2:8: the '[' that begins here is never closed: write a list as [a, b]\n") ==
        0);
  CHECK(err.find("fazhi: build failed with 1 error; the output folder was left unchanged\n") !=
        std::string::npos);
  CHECK(Snapshot(dir.path() / "public") == before);
}

TEST_CASE("output: refuses folders it did not create, the source folder and content/") {
  TempDir dir;
  WriteTree(dir.path(), std::string(kMinimalSite) + kGoodPage + "-- mine/keep.txt --\nuser file\n");
  std::string err;
  CHECK(Cli({"build", dir.path().string(), "--output", (dir.path() / "mine").string()}, nullptr, &err) == 1);
  CHECK(err.find((dir.path() / "mine").string() + ": 这个文件夹不是空的，也不是 fazhi 生成的（" +
                 (dir.path() / ".mine.fazhi").string() +
                 " 中没有它的记录），为免删掉别的文件，fazhi 不会替换它：请换一个 --output，或先清空它\n") ==
        0);
  CHECK(Slurp(dir.path() / "mine/keep.txt") == "user file\n");

  CHECK(Cli({"build", dir.path().string(), "--output", dir.path().string()}, nullptr, &err) == 1);
  CHECK(err.find("不能把网站输出到包含站点文件夹的文件夹里") != std::string::npos);
  CHECK(Cli({"build", dir.path().string(), "--output", (dir.path() / "content/out").string()}, nullptr,
            &err) == 1);
  CHECK(err.find("不能把网站输出到 content/ 文件夹里面") != std::string::npos);
  CHECK(fs::exists(dir.path() / "content/a.md"));

  // An empty folder is fine, and after that fazhi knows it for its own
  // (the record is in the work folder beside it, nothing inside it).
  fs::create_directories(dir.path() / "empty");
  CHECK(Cli({"build", dir.path().string(), "--output", (dir.path() / "empty").string(), "--quiet"}) == 0);
  CHECK(fs::exists(dir.path() / "empty/a/index.html"));
  CHECK(fs::exists(dir.path() / ".empty.fazhi/ids"));
  CHECK(Cli({"build", dir.path().string(), "--output", (dir.path() / "empty").string(), "--quiet"}) == 0);
}

TEST_CASE("output: a rebuild opens the output while reading, and reports it only after the sources") {
  // A rebuild (the work folder is there) checks and opens the output on a
  // second thread while the sources are read: what it finds must read as if
  // the two ran one after the other.
  TempDir dir;
  WriteTree(dir.path(), std::string(kMinimalSite) + kGoodPage);
  REQUIRE(Cli({"build", dir.path().string(), "--quiet"}) == 0);
  auto before = Snapshot(dir.path() / "public");
  const fs::path work = dir.path() / ".public.fazhi";
  REQUIRE(fs::is_directory(work));
  // The work folder taken over by something else, and a source that cannot be read.
  fs::rename(work, dir.path() / "saved-work");
  fs::create_directories(work);
  WriteTree(work, "-- notes.txt --\nnot fazhi's\n");
  fs::create_symlink("/etc/hostname", dir.path() / "content/outside.md");

  std::string err;
  CHECK(Cli({"build", dir.path().string()}, nullptr, &err) == 1);
  // Only the source's error: a build that cannot read its sources says nothing of the output.
  CHECK(err ==
        "content/outside.md: 符号链接指向站点文件夹之外（/etc/hostname）：fazhi 不读取站点外的文件；"
        "请把要发布的文件复制进站点文件夹\n"
        "fazhi：构建失败，共 1 个错误；输出文件夹保持原样\n");

  fs::remove(dir.path() / "content/outside.md");
  CHECK(Cli({"build", dir.path().string()}, nullptr, &err) == 1);
  CHECK(err == (dir.path() / "public").string() + ": 这个文件夹不是空的，也不是 fazhi 生成的（" +
                   work.string() +
                   " 中没有它的记录），为免删掉别的文件，fazhi 不会替换它：请换一个 --output，或先清空它\n"
                   "fazhi：构建失败，共 1 个错误；输出文件夹保持原样\n");
  CHECK(Slurp(work / "notes.txt") == "not fazhi's\n");
  CHECK(Snapshot(dir.path() / "public") == before);

  // The work folder back: the rebuild goes through, with the same bytes.
  fs::remove_all(work);
  fs::rename(dir.path() / "saved-work", work);
  CHECK(Cli({"build", dir.path().string(), "--quiet"}) == 0);
  CHECK(Snapshot(dir.path() / "public") == before);
}

TEST_CASE("output: two builds of the demo site are byte-identical") {
  TempDir a, b;
  REQUIRE(Cli({"build", RepoRoot(), "--output", (a.path() / "public").string(), "--quiet"}) == 0);
  REQUIRE(Cli({"build", RepoRoot(), "--output", (b.path() / "public").string(), "--quiet", "--jobs", "1"}) ==
          0);
  auto sa = Snapshot(a.path() / "public");
  auto sb = Snapshot(b.path() / "public");
  CHECK(sa.size() > 5);
  CHECK(sa == sb);
}

TEST_CASE("output: a rebuild into the existing public/ has the bytes of a fresh build") {
  TempDir a, b;
  const std::string again = (a.path() / "public").string(), fresh = (b.path() / "public").string();
  // Cold, then next/ linked from public/, then the steady state.
  for (int i = 0; i < 3; ++i) REQUIRE(Cli({"build", RepoRoot(), "--output", again, "--quiet"}) == 0);
  REQUIRE(Cli({"build", RepoRoot(), "--output", fresh, "--quiet"}) == 0);
  CHECK(Snapshot(again) == Snapshot(fresh));
  std::string out;
  REQUIRE(Cli({"build", RepoRoot(), "--output", again}, &out) == 0);
  CHECK(out.find(" 个文件（0 个新写入，") != std::string::npos);

  // Pages edited, added and removed, a page turned into a section.
  TempDir site;
  WriteTree(site.path(), std::string(kMinimalSite) + kGoodPage +
                             "-- content/b.md --\n---\ntitle: 乙\ndate: 2025-01-03\n---\n乙的正文\n");
  const std::string pub = (site.path() / "public").string();
  for (int i = 0; i < 2; ++i) REQUIRE(Cli({"build", site.path().string(), "--quiet"}) == 0);
  fs::remove(site.path() / "content/b.md");
  WriteTree(site.path(),
            "-- content/a.md --\n---\ntitle: 甲（修订）\ndate: 2025-01-02\n---\n新的正文\n"
            "-- content/c/_index.md --\n---\ntitle: 丙栏目\n---\n"
            "-- content/c/d.md --\n---\ntitle: 丁\ndate: 2025-01-04\n---\n丁的正文\n");
  REQUIRE(Cli({"build", site.path().string(), "--quiet"}) == 0);
  REQUIRE(Cli({"build", site.path().string(), "--output", (b.path() / "site").string(), "--quiet"}) == 0);
  CHECK(Snapshot(pub) == Snapshot(b.path() / "site"));
  CHECK_FALSE(fs::exists(site.path() / "public/b/index.html"));
}

// A small tmpfs for one test, unmounted at its end. Mounting needs root
// (as in CI); elsewhere `mounted` is false.
struct SmallDisk {
  fs::path path;
  bool mounted = false;
  SmallDisk(fs::path at, const std::string& options) : path(std::move(at)) {
    fs::create_directories(path);
    mounted = ::geteuid() == 0 && ::mount("tmpfs", path.c_str(), "tmpfs", 0, options.c_str()) == 0;
  }
  bool ReadOnly() { return ::mount(nullptr, path.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) == 0; }
  ~SmallDisk() {
    if (mounted) ::umount2(path.c_str(), MNT_DETACH);
  }
};

TEST_CASE("output: a full disk, no inodes left or a read-only disk fail the build with the path and cause") {
  TempDir dir;
  WriteTree(dir.path(), std::string(kMinimalSite) + kGoodPage);
  const std::string site = dir.path().string();
  std::string err;
  if (::geteuid() != 0) {  // without root: a folder without write permission (EACCES)
    fs::create_directories(dir.path() / "locked");
    ::chmod((dir.path() / "locked").c_str(), 0555);
    CHECK(Cli({"build", site, "--output", (dir.path() / "locked/public").string()}, nullptr, &err) == 1);
    CHECK(err.find((dir.path() / "locked/.public.fazhi").string() +
                   ": 无法创建文件夹：没有权限（EACCES）\n") == 0);
    ::chmod((dir.path() / "locked").c_str(), 0755);
    return;
  }
  const std::string big =
      "-- content/big.md --\n---\ntitle: 大\ndate: 2025-01-05\n---\n" + std::string(3 << 20, 'x') + "\n";

  SUBCASE("full disk") {
    SmallDisk disk(dir.path() / "disk", "size=2m");
    REQUIRE(disk.mounted);
    const std::string pub = (disk.path / "public").string();
    REQUIRE(Cli({"build", site, "--output", pub, "--quiet"}) == 0);
    auto before = Snapshot(pub);
    WriteTree(dir.path(), big);
    CHECK(Cli({"build", site, "--output", pub}, nullptr, &err) == 1);
    CHECK(err.find(": 无法写入文件：磁盘已满（空间或文件数已用完）（ENOSPC）\n") != std::string::npos);
    CHECK(err.find((disk.path / ".public.fazhi/next/").string()) == 0);  // the path comes first
    CHECK(err.find("fazhi：构建失败，共 1 个错误；输出文件夹保持原样\n") != std::string::npos);
    CHECK(Snapshot(pub) == before);
    fs::remove(dir.path() / "content/big.md");
    CHECK(Cli({"build", site, "--output", pub, "--quiet"}) == 0);  // the space came back
    CHECK(Snapshot(pub) == before);
  }
  SUBCASE("no inodes left") {
    SmallDisk disk(dir.path() / "disk", "size=64m,nr_inodes=60");
    REQUIRE(disk.mounted);
    const std::string pub = (disk.path / "public").string();
    REQUIRE(Cli({"build", site, "--output", pub, "--quiet"}) == 0);
    auto before = Snapshot(pub);
    std::string pages;
    for (int i = 0; i < 40; ++i) {
      pages += "-- content/p" + std::to_string(i) + ".md --\n---\ntitle: 页" + std::to_string(i) +
               "\ndate: 2025-02-01\n---\n正文\n";
    }
    WriteTree(dir.path(), pages);
    CHECK(Cli({"build", site, "--output", pub}, nullptr, &err) == 1);
    CHECK(err.find(disk.path.string() + "/.public.fazhi/next/") == 0);
    CHECK(err.find("：磁盘已满（空间或文件数已用完）（ENOSPC）\n") != std::string::npos);
    CHECK(Snapshot(pub) == before);
  }
  SUBCASE("read-only disk") {
    SmallDisk disk(dir.path() / "disk", "size=8m");
    REQUIRE(disk.mounted);
    const std::string pub = (disk.path / "public").string();
    REQUIRE(Cli({"build", site, "--output", pub, "--quiet"}) == 0);
    auto before = Snapshot(pub);
    REQUIRE(disk.ReadOnly());
    CHECK(Cli({"build", site, "--output", pub}, nullptr, &err) == 1);
    CHECK(err == (disk.path / ".public.fazhi/lock").string() +
                     ": 无法打开：所在的文件系统是只读的（EROFS）\n"
                     "fazhi：构建失败，共 1 个错误；输出文件夹保持原样\n");
    CHECK(Snapshot(pub) == before);
  }
}

TEST_CASE("output: demo site key pages match the golden files (UPDATE_GOLDEN=1 rewrites them)") {
  TempDir dir;
  REQUIRE(Cli({"build", RepoRoot(), "--output", (dir.path() / "public").string(), "--quiet"}) == 0);
  fs::path golden = fs::path(RepoRoot()) / "tests/golden/demo";
  const bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
  for (const char* page : {"index.html", "reports/index.html", "reports/2024/index.html", "about/index.html",
                           "404.html", "indicators/index.html", "indicators/admin-review-cases/index.html",
                           "indicators/admin-review-correction-rate/index.html", "data/indicators.csv",
                           "data/datapackage.json", "sitemap/index.html"}) {
    CAPTURE(page);
    std::string actual = Slurp(dir.path() / "public" / page);
    REQUIRE(!actual.empty());
    if (update) {
      fs::create_directories((golden / page).parent_path());
      std::ofstream(golden / page, std::ios::binary) << actual;
    }
    CHECK(actual == Slurp(golden / page));
  }
}

TEST_CASE("cli: exit status 0 on success, 1 on site errors, 2 on usage errors") {
  std::string out, err;
  CHECK(Cli({"version"}, &out) == 0);
  CHECK(out == "fazhi " FAZHI_VERSION "\n");
  CHECK(Cli({"frobnicate"}, nullptr, &err) == 2);
  CHECK(err == "fazhi：没有“frobnicate”这个命令\n运行 `fazhi help` 查看用法。\n");
  CHECK(Cli({"biuld"}, nullptr, &err) == 2);
  CHECK(err == "fazhi：没有“biuld”这个命令，是不是要写“build”？\n运行 `fazhi help` 查看用法。\n");
  CHECK(Cli({"--lang", "en", "biuld"}, nullptr, &err) == 2);
  CHECK(err == "fazhi: unknown command 'biuld'; did you mean 'build'?\nRun `fazhi help` for usage.\n");
  CHECK(Cli({"--lang", "fr", "build"}, nullptr, &err) == 2);
  CHECK(err == "fazhi：--lang 只能是 zh 或 en，这里是“fr”\n运行 `fazhi help` 查看用法。\n");
  CHECK(Cli({"build", "--outptu", "x"}, nullptr, &err) == 2);
  CHECK(err ==
        "fazhi：没有 --outptu 这个选项\n"
        "运行 `fazhi help` 查看用法。\n");
  CHECK(Cli({}, nullptr, &err) == 2);
  TempDir dir;
  CHECK(Cli({"check", dir.path().string()}, nullptr, &err) == 1);
  CHECK(
      err ==
      "site.toml: 缺少 site.toml：每个站点都需要这个设置文件（可以用 `fazhi new site 文件夹` 新建一个站点）\n"
      "fazhi：检查未通过，共 1 个错误\n");
}

TEST_CASE("cli: check validates like build and writes nothing") {
  TempDir dir;
  WriteTree(dir.path(), std::string(kMinimalSite) + kGoodPage);
  std::string out;
  CHECK(Cli({"check", dir.path().string()}, &out) == 0);
  CHECK(out == "fazhi：检查通过：1 个页面，0 个警告\n");
  // --timings lists every stage once, in pipeline order.
  CHECK(Cli({"check", dir.path().string(), "--timings"}, &out) == 0);
  size_t config = out.find("\n  config "), markdown = out.find("\n  markdown "),
         render = out.find("\n  render ");
  CHECK(config != std::string::npos);
  CHECK(config < markdown);
  CHECK(markdown < render);
  CHECK(render != std::string::npos);
  // Each stage: its wall time, the CPU time of all threads meanwhile (how
  // many cores it kept busy), the peak memory when it ended.
  const std::regex stage_line(
      R"(  [a-z+ ]+ +[0-9]+\.[0-9] ms   cpu +[0-9]+\.[0-9] ms   peak +[0-9]+\.[0-9] MiB)");
  std::istringstream lines(out.substr(config + 1));
  size_t stages = 0;
  for (std::string line; std::getline(lines, line); ++stages)
    CHECK_MESSAGE(std::regex_match(line, stage_line), line);
  CHECK(stages >= 10);
  CHECK_FALSE(fs::exists(dir.path() / "public"));
}

TEST_CASE("cli: new site scaffolds a site that builds, and never overwrites") {
  TempDir dir;
  fs::path site = dir.path() / "site";
  std::string out, err;
  REQUIRE(Cli({"new", "site", site.string(), "--date", "2025-02-01", "--sponsor", "临江市滨河区司法局"}, &out,
              &err) == 0);
  // No copy of the theme: the site builds with the one fazhi ships, so an
  // upgrade of fazhi brings its search script along.
  CHECK_FALSE(fs::exists(site / "themes"));
  CHECK(Contains(Slurp(site / "site.toml"), "sponsor = \"临江市滨河区司法局\""));
  CHECK(Contains(Slurp(site / "content/about.md"), "本站由临江市滨河区司法局主办"));
  CHECK(Contains(out, "fazhi new report 2024"));
  // No report yet: the README's next command creates it.
  CHECK_FALSE(fs::exists(site / "content/reports/2024.md"));

  // A fresh site builds at once, without an error or a warning, and its
  // sections wait (no list page, no menu entry) until they have a page.
  std::string build_out, build_err;
  CHECK(Cli({"build", site.string()}, &build_out, &build_err) == 0);
  CHECK(build_err == "");
  std::string home = Slurp(site / "public/index.html");
  CHECK(Contains(home, ">关于本站</a>"));
  CHECK_FALSE(Contains(home, ">年度报告</a>"));
  CHECK_FALSE(fs::exists(site / "public/reports/index.html"));
  // What the build wrote beside the sources is in the site's .gitignore, so
  // `git add .` in a site folder commits only what its editors wrote.
  const std::string ignored = Slurp(site / ".gitignore");
  std::vector<std::string> unignored;
  for (const auto& e : fs::directory_iterator(site)) {
    const std::string name = e.path().filename().string();
    if (name == "site.toml" || name == "content" || name == "themes" || name == ".gitignore") continue;
    if (!Contains(ignored, "\n/" + name + "/\n")) unignored.push_back(name);
  }
  CHECK(unignored.empty());
  CHECK(ignored.find("/content") == std::string::npos);

  // new report: the publisher is the sponsor of site.toml; a draft explains itself.
  std::string report_out;
  REQUIRE(Cli({"new", "report", "2024", "--site", site.string(), "--date", "2025-02-01"}, &report_out,
              &err) == 0);
  std::string report = Slurp(site / "content/reports/2024.md");
  CHECK(Contains(report, "publisher: 临江市滨河区司法局"));
  CHECK(Contains(report, "## 三、2024年度党政主要负责人履行推进法治建设第一责任人职责情况"));
  CHECK(Contains(report_out, "草稿"));
  build_err.clear();
  CHECK(Cli({"build", site.string()}, nullptr, &build_err) == 0);
  CHECK(Contains(build_err,
                 "content/reports/_index.md:1:1: 警告：栏目“年度报告”（/reports/）这次不发布：它只有草稿 "
                 "content/reports/2024.md（标着 draft: true）"));
  CHECK(Cli({"build", site.string(), "--quiet", "--drafts"}, nullptr, &err) == 0);
  CHECK(fs::exists(site / "public/reports/2024/index.html"));
  CHECK(Contains(Slurp(site / "public/index.html"), ">年度报告</a>"));
  // The hint for the original is valid as it stands: uncommented, with the
  // file beside the page, the report lists it under 附件.
  CHECK(Contains(report, "\n# attachments: [2024.pdf]   # 原件（盖章的 PDF、OFD、Word），放在本文件旁边"));
  {
    std::string attached = report;
    attached.replace(attached.find("# attachments:"), 2, "");
    std::ofstream(site / "content/reports/2024.md", std::ios::binary) << attached;
    std::ofstream(site / "content/reports/2024.pdf", std::ios::binary) << "%PDF-1.4\n";
    CHECK(Cli({"build", site.string(), "--quiet", "--drafts"}, nullptr, &err) == 0);
    const std::string page = Slurp(site / "public/reports/2024/index.html");
    CHECK(Contains(page, ">2024.pdf</a>"));
    CHECK(Contains(page, "（PDF，9 字节）"));
    std::ofstream(site / "content/reports/2024.md", std::ios::binary) << report;
    fs::remove(site / "content/reports/2024.pdf");
  }

  // new indicator and new profile: commented drafts that build.
  REQUIRE(Cli({"new", "indicator", "admin-review-cases", "--site", site.string(), "--date", "2025-02-01"},
              nullptr, &err) == 0);
  CHECK(
      Contains(Slurp(site / "content/indicators/admin-review-cases.md"), "# 类别，写下面的中文名或代号之一"));
  REQUIRE(Cli({"new", "profile", "sfj", "--site", site.string(), "--date", "2025-02-01"}, nullptr, &err) ==
          0);
  std::string profile = Slurp(site / "content/profiles/2024-sfj.md");
  CHECK(Contains(profile, "unit: 临江市滨河区司法局"));
  CHECK(Contains(profile, "## 晒成绩"));
  CHECK(Cli({"build", site.string(), "--quiet", "--drafts"}, nullptr, &err) == 0);
  CHECK(Cli({"new", "indicator", "行政复议", "--site", site.string()}, nullptr, &err) == 2);
  CHECK(Cli({"new", "report", "2024", "--site", (dir.path() / "nowhere").string()}, nullptr, &err) == 1);
  CHECK(Contains(err, "不是站点文件夹（里面没有 site.toml）"));

  std::ofstream(site / "content/about.md") << "mine";
  CHECK(Cli({"new", "page", "about", "--site", site.string()}, nullptr, &err) == 1);
  CHECK(err.find("content/about.md 已经存在，没有覆盖") != std::string::npos);
  CHECK(Slurp(site / "content/about.md") == "mine");
  CHECK(Cli({"new", "site", site.string(), "--sponsor", "某局"}, nullptr, &err) == 1);
  CHECK(Cli({"new", "site", (dir.path() / "other").string()}, nullptr, &err) == 2);  // no --sponsor
}

TEST_CASE("cli: check and build on a site folder that does not exist say so, exit 1, and write nothing") {
  TempDir dir;
  const std::string missing = (dir.path() / "站点").string();
  std::string out, err;
  CHECK(Cli({"check", missing}, &out, &err) == 1);
  CHECK(err == missing + ": 站点文件夹不存在\nfazhi：检查未通过，共 1 个错误\n");
  CHECK(Cli({"build", missing, "--lang", "en"}, &out, &err) == 1);
  CHECK(Contains(err, missing + ": site folder does not exist\n"));
  CHECK_FALSE(fs::exists(missing));

  // A page given instead of its site.
  const std::string page = (dir.path() / "about.md").string();
  { std::ofstream(page) << "---\ntitle: 关于\n---\n"; }
  CHECK(Cli({"check", page}, &out, &err) == 1);
  CHECK(err ==
        page +
            ": 这是一个文件，不是站点文件夹：请给出放着 site.toml 的文件夹（fazhi 总是检查整个网站），例如 "
            "fazhi check .\nfazhi：检查未通过，共 1 个错误\n");
}

TEST_CASE(
    "output: --output naming a file, or a mount point, is refused with the reason, the file untouched") {
  TempDir dir;
  WriteTree(dir.path(), std::string(kMinimalSite) + kGoodPage + "-- notes.txt --\n备忘\n");
  const std::string site = dir.path().string(), file = (dir.path() / "notes.txt").string();
  std::string err;
  CHECK(Cli({"build", site, "--output", file}, nullptr, &err) == 1);
  CHECK(err.find(file + ": 输出路径已存在，但不是文件夹\n") == 0);
  CHECK(Slurp(file) == "备忘\n");
  if (::geteuid() != 0) return;  // mounting needs root
  SmallDisk disk(dir.path() / "mounted", "size=1m");
  REQUIRE(disk.mounted);
  CHECK(Cli({"build", site, "--output", disk.path.string()}, nullptr, &err) == 1);
  CHECK(err.find(disk.path.string() +
                 ": 输出文件夹是一个挂载点，fazhi 无法整体替换它：请让 --output 指向它里面的一个文件夹\n") ==
        0);
  CHECK(Cli({"build", site, "--output", (disk.path / "public").string(), "--quiet"}) == 0);
}

}  // namespace fazhi::testing
