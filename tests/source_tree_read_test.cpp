// SourceTree::Read on a real folder: relative paths, exact bytes, skipped
// editor files. (The fast reader uses plain string work for paths and one
// read per file; this pins what it must produce.)
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/source_tree.h"

namespace fazhi {
namespace {

void WriteText(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("source_tree: Read gives root-relative paths and the exact bytes") {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("fazhi-read-" + std::to_string(::getpid()));
  fs::remove_all(root);
  std::string big(100000, 'x');
  big += "尾";
  WriteText(root / "site.toml", "title = \"t\"\n");
  WriteText(root / "content/a.md", "---\ntitle: 甲\n---\n正文\r\n");
  WriteText(root / "content/sub/deep/b.md", big);
  WriteText(root / "content/empty.md", "");
  WriteText(root / "content/.a.md.swp", "swap");
  WriteText(root / "content/c.md~", "backup");
  WriteText(root / "themes/t/layouts/page.mustache", "{{title}}");

  SourceTree tree;
  Diagnostics diags;
  REQUIRE(SourceTree::Read(root, &tree, &diags));
  std::vector<std::string> paths;
  for (const auto& [path, file] : tree.files()) paths.push_back(path);
  CHECK(paths == std::vector<std::string>{"content/a.md", "content/empty.md", "content/sub/deep/b.md",
                                          "site.toml", "themes/t/layouts/page.mustache"});
  CHECK(tree.Find("content/a.md")->text == "---\ntitle: 甲\n---\n正文\r\n");
  CHECK(tree.Find("content/sub/deep/b.md")->text == big);
  CHECK(tree.Find("content/empty.md")->text.empty());
  CHECK(tree.Find("content/sub/deep/b.md")->path == "content/sub/deep/b.md");

  // A built-in theme folder is added under a prefix.
  REQUIRE(tree.AddDirectory(root / "themes" / "t", "themes/builtin/", &diags));
  CHECK(tree.Find("themes/builtin/layouts/page.mustache")->text == "{{title}}");
  CHECK(tree.Under("themes/builtin/").size() == 1);
  fs::remove_all(root);
}

TEST_CASE(
    "source_tree: symbolic links that leave the site are errors at the link, their targets are never read") {
  // Issue 18, failure 5: static/passwd.txt → /etc/passwd was published, and a
  // content/secret.md → /etc/passwd had its first line quoted in an error.
  namespace fs = std::filesystem;
  fs::path base = fs::temp_directory_path() / ("fazhi-links-" + std::to_string(::getpid()));
  fs::remove_all(base);
  fs::path root = base / "site";
  WriteText(base / "outside/secret.txt", "TOPSECRET root:x:0:0\n");
  WriteText(base / "outside/dir/more.css", "TOPSECRET");
  WriteText(root / "site.toml", "title = \"t\"\n");
  WriteText(root / "content/a.md", "甲");
  WriteText(root / "static/real/logo.txt", "logo");
  fs::create_symlink("/etc/passwd", root / "static/passwd.txt");
  fs::create_symlink(base / "outside/secret.txt", root / "content/secret.md");
  fs::create_symlink("../../outside/secret.txt", root / "content/rel.md");
  fs::create_symlink(base / "outside/dir", root / "static/css");
  fs::create_symlink("nowhere.md", root / "content/dangling.md");
  fs::create_symlink("a.md", root / "content/inside.md");         // stays in the site: read
  fs::create_symlink("../static/real", root / "content/linked");  // a folder in the site: not followed

  SourceTree tree;
  Diagnostics diags;
  CHECK_FALSE(SourceTree::Read(root, &tree, &diags));
  CHECK(diags.Format() ==
        "content/dangling.md: 符号链接的目标不存在（nowhere.md）；请删除这个链接或改正它\n"
        "content/linked: 警告：链接到文件夹的符号链接不会被读取，其中的文件不会发布；请改用真实的文件夹\n"
        "content/rel.md: 符号链接指向站点文件夹之外（../../outside/secret.txt）：fazhi "
        "不读取站点外的文件；请把要发布的文件复制进站点文件夹\n"
        "content/secret.md: 符号链接指向站点文件夹之外（" +
            (base / "outside/secret.txt").string() +
            "）：fazhi 不读取站点外的文件；请把要发布的文件复制进站点文件夹\n"
            "static/css: 符号链接指向站点文件夹之外（" +
            (base / "outside/dir").string() +
            "）：fazhi 不读取站点外的文件；请把要发布的文件复制进站点文件夹\n"
            "static/passwd.txt: 符号链接指向站点文件夹之外（/etc/passwd）：fazhi "
            "不读取站点外的文件；请把要发布的文件复制进站点文件夹\n");
  CHECK(diags.Format().find("root:") == std::string::npos);
  for (const auto& [path, file] : tree.files()) CHECK(file.text.find("TOPSECRET") == std::string::npos);
  CHECK(tree.Find("static/passwd.txt") == nullptr);
  CHECK(tree.Find("content/inside.md")->text == "甲");
  CHECK(tree.Find("static/real/logo.txt")->text == "logo");

  // A top-level folder or site.toml that is a link out of the site.
  fs::remove_all(root / "static");
  fs::create_symlink(base / "outside", root / "static");
  fs::remove(root / "site.toml");
  fs::create_symlink(base / "outside/secret.txt", root / "site.toml");
  SourceTree tree2;
  Diagnostics diags2;
  CHECK_FALSE(SourceTree::Read(root, &tree2, &diags2));
  CHECK(diags2.Format().find("site.toml: 符号链接指向站点文件夹之外") == 0);
  CHECK(tree2.Find("site.toml") == nullptr);
  fs::remove(root / "site.toml");
  WriteText(root / "site.toml", "title = \"t\"\n");
  Diagnostics diags3;
  SourceTree tree3;
  CHECK_FALSE(SourceTree::Read(root, &tree3, &diags3));
  CHECK(diags3.Format().find("static: 符号链接指向站点文件夹之外") != std::string::npos);
  CHECK(tree3.Under("static/").empty());

  // Reread (serve, after an edit) does not follow a file replaced by a link.
  SourceTree tree4 = SourceTree::FromFiles({{"content/a.md", "old"}});
  tree4.root = root;
  fs::remove(root / "content/a.md");
  fs::create_symlink(base / "outside/secret.txt", root / "content/a.md");
  CHECK_FALSE(tree4.Reread("content/a.md"));
  CHECK(tree4.Find("content/a.md")->text == "old");
  fs::remove_all(base);
}

}  // namespace fazhi
