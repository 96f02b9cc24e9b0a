// SourceTree::Read on a real folder: relative paths, exact bytes, skipped
// editor files. (The fast reader uses plain string work for paths and one
// read per file; this pins what it must produce.)
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <vector>

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

TEST_CASE("source_tree: files at and around the reader's buffer size (32 KiB) are read whole") {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("fazhi-read-sizes-" + std::to_string(::getpid()));
  fs::remove_all(root);
  // Bytes that differ by position, so a block read twice or skipped shows.
  auto text = [](size_t n) {
    std::string s(n, ' ');
    for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>('a' + (i * 7 + i / 26) % 26);
    return s;
  };
  const std::vector<size_t> sizes = {1, 32767, 32768, 32769, 65536, 65537, 200000};
  for (size_t n : sizes) WriteText(root / "content" / (std::to_string(n) + ".md"), text(n));
  SourceTree tree;
  Diagnostics diags;
  REQUIRE(SourceTree::Read(root, &tree, &diags));
  CHECK(diags.error_count() == 0);
  for (size_t n : sizes) {
    const SourceFile* f = tree.Find("content/" + std::to_string(n) + ".md");
    REQUIRE_MESSAGE(f != nullptr, n);
    CHECK_MESSAGE(f->text.size() == n, n);
    CHECK_MESSAGE(f->text == text(n), n);
  }
  fs::remove_all(root);
}

TEST_CASE("source_tree: a file whose path is too long to open is an error naming ENAMETOOLONG, not skipped") {
  // The reader walks folder by folder, so it lists a folder 4,000 bytes deep;
  // a file there has a path beyond PATH_MAX (4,096), and opening it fails.
  // It was left out without a word.
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("fazhi-long-" + std::to_string(::getpid()));
  fs::remove_all(root);
  WriteText(root / "site.toml", "title = \"t\"\n");
  WriteText(root / "content/a.md", "甲");
  const std::string name(250, 'd');
  const std::string file = std::string(200, 'x') + ".md";
  std::vector<int> fds{::open((root / "content").c_str(), O_RDONLY | O_DIRECTORY)};
  REQUIRE(fds.back() >= 0);
  std::string rel = "content";
  for (int i = 0; i < 16; ++i) {
    REQUIRE(::mkdirat(fds.back(), name.c_str(), 0755) == 0);
    fds.push_back(::openat(fds.back(), name.c_str(), O_RDONLY | O_DIRECTORY));
    REQUIRE(fds.back() >= 0);
    rel += "/" + name;
  }
  REQUIRE((root / "content").string().size() + 16 * 251 < 4096);  // the folder can be listed
  int f = ::openat(fds.back(), file.c_str(), O_CREAT | O_WRONLY, 0644);
  REQUIRE(f >= 0);
  ::close(f);

  SourceTree tree;
  Diagnostics diags;
  CHECK_FALSE(SourceTree::Read(root, &tree, &diags));
  CHECK(diags.Format() == rel + "/" + file + ": 无法读取这个文件：路径太长（ENAMETOOLONG）\n");
  CHECK(diags.Format(Lang::kEn) == rel + "/" + file + ": cannot read file: path too long (ENAMETOOLONG)\n");
  CHECK(tree.Find("content/a.md")->text == "甲");

  // Cleaned up the same way, from the deepest folder up.
  CHECK(::unlinkat(fds.back(), file.c_str(), 0) == 0);
  for (size_t i = fds.size() - 1; i > 0; --i) {
    ::close(fds[i]);
    CHECK(::unlinkat(fds[i - 1], name.c_str(), AT_REMOVEDIR) == 0);
  }
  ::close(fds[0]);
  fs::remove_all(root);
}

TEST_CASE(
    "source_tree: a folder fazhi may not read is an error at the folder, its pages are not dropped "
    "silently") {
  // It was skipped (skip_permission_denied): the pages in it vanished from
  // the site. Run as a user the folder denies: as root, in a child process
  // that gives up root first (root may read anything).
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("fazhi-denied-" + std::to_string(::getpid()));
  fs::remove_all(root);
  WriteText(root / "site.toml", "title = \"t\"\n");
  WriteText(root / "content/a.md", "甲");
  WriteText(root / "content/notices/b.md", "乙");
  fs::permissions(root / "content/notices", fs::perms::none);
  int pipe_fds[2];
  REQUIRE(::pipe(pipe_fds) == 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(pipe_fds[0]);
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(3);
    SourceTree tree;
    Diagnostics diags;
    bool ok = SourceTree::Read(root, &tree, &diags);
    std::string out = diags.Format() + (tree.Find("content/a.md") ? "a.md read\n" : "");
    if (::write(pipe_fds[1], out.data(), out.size()) != static_cast<ssize_t>(out.size())) ::_exit(4);
    ::_exit(ok ? 1 : 0);
  }
  ::close(pipe_fds[1]);
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = ::read(pipe_fds[0], buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  ::close(pipe_fds[0]);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(out == "content/notices: 无法列出这个文件夹的内容：没有权限（EACCES）\na.md read\n");
  fs::permissions(root / "content/notices", fs::perms::owner_all);
  fs::remove_all(root);
}

TEST_CASE("source_tree: read on one thread and on four, the same files, bytes and reports") {
  // The walk lists the files and then reads them on `jobs` threads: neither
  // what is read nor the order of the reports may depend on that.
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("fazhi-read-jobs-" + std::to_string(::getpid()));
  fs::remove_all(root);
  WriteText(root / "site.toml", "title = \"t\"\n");
  for (int i = 0; i < 300; ++i) {
    std::string text =
        "---\ntitle: 第" + std::to_string(i) + "篇\n---\n" + std::string(static_cast<size_t>(i * 37), 'x');
    WriteText(root / "content" / ("s" + std::to_string(i % 7)) / ("p" + std::to_string(i) + ".md"), text);
  }
  WriteText(root / "static/a.css", "a{}");
  fs::create_symlink("nowhere.md", root / "content/s3/dangling.md");
  fs::create_symlink("/etc/hostname", root / "content/s5/outside.md");

  SourceTree one, four;
  Diagnostics d1, d4;
  CHECK_FALSE(SourceTree::Read(root, &one, &d1, 1));
  CHECK_FALSE(SourceTree::Read(root, &four, &d4, 4));
  CHECK(one.files().size() == 302);  // the pages, site.toml and the stylesheet
  CHECK(d1.Format() ==
        "content/s3/dangling.md: 符号链接的目标不存在（nowhere.md）；请删除这个链接或改正它\n"
        "content/s5/outside.md: 符号链接指向站点文件夹之外（/etc/hostname）：fazhi "
        "不读取站点外的文件；请把要发布的文件复制进站点文件夹\n");
  CHECK(d4.Format() == d1.Format());
  REQUIRE(four.files().size() == one.files().size());
  for (const auto& [path, file] : one.files()) {
    const SourceFile* other = four.Find(path);
    REQUIRE(other != nullptr);
    CHECK(other->text == file.text);
  }
  const SourceFile* last = one.Find("content/s5/p299.md");  // 299 % 7 == 5
  REQUIRE(last != nullptr);
  CHECK(last->text.size() == std::string("---\ntitle: 第299篇\n---\n").size() + size_t{299} * 37);
  fs::remove_all(root);
}

}  // namespace fazhi
