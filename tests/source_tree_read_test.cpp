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

}  // namespace fazhi
