#include "core/manifest.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "temp_dir.h"

namespace fazhi {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_CASE("manifest: SHA-256 of known inputs (FIPS 180-2 examples)") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // UTF-8 bytes; the value is `printf 法治 | sha256sum`.
  CHECK(Sha256Hex("法治") == "afd50b774f735e9a8cc3ff45e9e114e633eb48f115d36826d18a5f735e4eefe8");
}

TEST_CASE("manifest: lines are sha256sum's, escaping a backslash or newline in the path") {
  std::string hex(64, 'a');
  CHECK(ManifestLine(hex, "reports/2024/index.html") == hex + "  reports/2024/index.html\n");
  CHECK(ManifestLine(hex, "报告/index.html") == hex + "  报告/index.html\n");
  CHECK(ManifestLine(hex, "a\\b") == "\\" + hex + "  a\\\\b\n");
  CHECK(ManifestLine(hex, "a\nb") == "\\" + hex + "  a\\nb\n");
}

TEST_CASE("manifest: the sink passes every file on and lists it sorted by path") {
  MemorySink inner;
  ManifestSink sink(&inner);
  CHECK(sink.Put("z.css", "z"));
  CHECK(sink.Put("index.html", "<p>"));
  CHECK(sink.Put("a/index.html", "abc"));
  CHECK(inner.files().size() == 3);
  CHECK(*inner.Find("index.html") == "<p>");
  CHECK(sink.size() == 3);
  CHECK(sink.Text() == Sha256Hex("abc") + "  a/index.html\n" + Sha256Hex("<p>") + "  index.html\n" +
                           Sha256Hex("z") + "  z.css\n");
}

TEST_CASE("manifest: refused inside the output or an input folder, or over a file that is not a manifest") {
  TempDir dir;
  fs::path site = dir.path() / "site", out = site / "public";
  fs::create_directories(site / "content");
  Diagnostics d1;
  CHECK_FALSE(CheckManifestPath(site, out, out / "m.sha256", &d1));
  CHECK(d1.Format() ==
        (out / "m.sha256").string() + ": 清单文件不能放在输出目录 " + out.string() +
            " 之内：下次构建会替换它，它也会随网站一起发布。请放在输出目录旁边，例如 --manifest "
            "public.sha256\n");
  Diagnostics d2;
  CHECK_FALSE(CheckManifestPath(site, out, site / "content/m.sha256", &d2));
  CHECK(d2.Format() == (site / "content/m.sha256").string() +
                           ": 清单文件不能放在网站的 content/ 目录之内。请放在输出目录旁边，例如 --manifest "
                           "public.sha256\n");
  std::ofstream(site / "site.toml") << "title = \"x\"\n";
  Diagnostics d3;
  CHECK_FALSE(CheckManifestPath(site, out, site / "site.toml", &d3));
  CHECK(d3.Format() ==
        (site / "site.toml").string() +
            ": 不覆盖这个文件：它不是 fazhi 写的清单（清单每行是“SHA-256  路径”）。请换一个文件名\n");
  CHECK(Slurp(site / "site.toml") == "title = \"x\"\n");
  Diagnostics d4;
  CHECK_FALSE(CheckManifestPath(site, out, site / "content", &d4));
  CHECK(d4.has_errors());
  // A file that does not exist yet, an empty one and an earlier manifest are fine.
  Diagnostics ok;
  CHECK(CheckManifestPath(site, out, site / "public.sha256", &ok));
  std::ofstream(site / "empty.sha256").close();
  CHECK(CheckManifestPath(site, out, site / "empty.sha256", &ok));
  std::ofstream(site / "old.sha256") << ManifestLine(Sha256Hex("x"), "index.html");
  CHECK(CheckManifestPath(site, out, site / "old.sha256", &ok));
  CHECK_FALSE(ok.has_errors());
}

TEST_CASE("manifest: a pending file appears only on commit and leaves nothing behind otherwise") {
  TempDir dir;
  fs::path m = dir.path() / "public.sha256";
  std::ofstream(m) << "old\n";
  Diagnostics diags;
  {
    PendingFile f(m);
    CHECK(f.Write("new\n", &diags));
    CHECK(Slurp(m) == "old\n");  // not yet
  }
  CHECK(Slurp(m) == "old\n");
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) ==
        1);  // no temporary left
  {
    PendingFile f(m);
    CHECK(f.Write("new\n", &diags));
    CHECK(f.Commit(&diags));
  }
  CHECK(Slurp(m) == "new\n");
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
  PendingFile nowhere(dir.path() / "missing-folder/m.sha256");
  CHECK_FALSE(nowhere.Write("x", &diags));
  CHECK(diags.Format() == (dir.path() / "missing-folder/m.sha256").string() +
                              ": 无法写入清单文件：文件或文件夹不存在（ENOENT）；输出目录保持不变\n");
  // The rename at the end: a folder stands where the manifest goes.
  fs::create_directories(dir.path() / "taken/x");
  Diagnostics moved;
  PendingFile folder(dir.path() / "taken");
  REQUIRE(folder.Write("new\n", &moved));
  CHECK_FALSE(folder.Commit(&moved));
  CHECK(moved.Format() == (dir.path() / "taken").string() +
                              ": 网站已经更新，但无法把新清单移到这里：这是一个文件夹（EISDIR）。"
                              "这里的旧清单已经过时，请重新构建后再上传\n");
}

}  // namespace
}  // namespace fazhi
