#include "core/write_site.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

namespace fazhi {
namespace {
namespace fs = std::filesystem;

// Output path → bytes. In snapshots, a folder is "dir/" → "" and a symbolic
// link is "link" → "-> target".
using Tree = std::map<std::string, std::string>;

struct Scratch {
  fs::path path;
  Scratch() {
    static int n = 0;
    path =
        fs::temp_directory_path() / ("fazhi-write-" + std::to_string(getpid()) + "-" + std::to_string(n++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Everything under `root`, folders and links included.
Tree Snapshot(const fs::path& root) {
  Tree out;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    std::string rel = fs::relative(it->path(), root).generic_string();
    if (it->is_symlink()) {
      out[rel] = "-> " + fs::read_symlink(it->path()).string();
    } else if (it->is_directory()) {
      out[rel + "/"] = "";
    } else {
      out[rel] = Slurp(it->path());
    }
  }
  return out;
}

// The snapshot a folder holding exactly `files` has.
Tree WithFolders(const Tree& files) {
  Tree out = files;
  for (const auto& [path, bytes] : files) {
    for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1)) {
      out[path.substr(0, slash + 1)] = "";
    }
  }
  return out;
}

// The entries that differ, one a line: "-path" only in `want`, "+path" only
// in `have`, "~path" with other bytes. Empty when equal.
std::string Diff(const Tree& have, const Tree& want) {
  std::string out;
  for (const auto& [path, bytes] : want) {
    auto it = have.find(path);
    if (it == have.end()) {
      out += "-" + path + "\n";
    } else if (it->second != bytes) {
      out += "~" + path + "\n";
    }
  }
  for (const auto& [path, bytes] : have) {
    if (!want.count(path)) out += "+" + path + "\n";
  }
  return out;
}

ino_t Inode(const fs::path& p) {
  struct stat st {};
  REQUIRE(::lstat(p.c_str(), &st) == 0);
  return st.st_ino;
}

struct Result {
  bool ok = false;
  std::string errors;
  WriteCounts counts;
};

// One build's writing: Open, every Put, Commit.
Result Write(const fs::path& out, const Tree& files, WriteOptions opts = {}) {
  Diagnostics diags;
  StagingSink sink(out, &diags, std::move(opts));
  Result r;
  r.ok = sink.Open();
  for (const auto& [path, bytes] : files) {
    bool put = sink.Put(path, bytes);  // even after a failure: the sink must refuse by itself
    r.ok = r.ok && put;
  }
  r.ok = r.ok && sink.Commit();
  r.errors = diags.Format();
  r.counts = sink.counts();
  return r;
}

WriteOptions Quick() {
  WriteOptions o;
  o.durable = false;
  return o;
}

const Tree kOld = {
    {"index.html", "home v1"},
    {"a/index.html", "page A"},
    {"b/index.html", "page B"},
    {"css/site.css", "body{}"},
    {"gone/index.html", "a page the new site lacks"},
    {"f", "a file where the new site has a folder"},
    {"d/index.html", "a folder where the new site has a file"},
};
const Tree kNew = {
    {"index.html", "home v2, longer"},  // changed
    {"a/index.html", "page A"},         // unchanged
    {"b/index.html", "page C"},         // changed, same size
    {"css/site.css", "body{}"},         // unchanged
    {"new/deep/index.html", "added"},  {"f/index.html", "now a folder"}, {"d", "now a file"},
};

// The work folder holds its own files and next/, and nothing else.
void CheckWorkFolderClean(const fs::path& work) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(work)) names.insert(e.path().filename().string());
  CHECK(names == std::set<std::string>{"fazhi.txt", "ids", "lock", "next"});
}

TEST_CASE("write_site: a rebuild writes only what changed, and never into an existing file") {
  Scratch s;
  const fs::path out = s.path / "public", next = s.path / ".public.fazhi/next";

  Result r = Write(out, kOld, Quick());
  REQUIRE(r.ok);
  CHECK(r.counts.written == 7);
  CHECK(Snapshot(out) == WithFolders(kOld));  // nothing of fazhi's inside public/
  CHECK_FALSE(fs::exists(next));              // the first build moved next/ into place

  // The second build finds no next/: it links every unchanged file from public/.
  r = Write(out, kOld, Quick());
  REQUIRE(r.ok);
  CHECK(r.counts.linked == 7);
  CHECK(r.counts.written == 0);
  CHECK(Snapshot(out) == WithFolders(kOld));
  CHECK(Snapshot(next) == WithFolders(kOld));
  for (const auto& [path, bytes] : kOld) CHECK(Inode(out / path) == Inode(next / path));

  // From then on an unchanged site changes nothing on disk but the swap.
  r = Write(out, kOld, Quick());
  REQUIRE(r.ok);
  CHECK(r.counts.kept == 7);
  CHECK(r.counts.linked + r.counts.written + r.counts.removed == 0);

  // A web server or an editor holding the old files keeps reading them.
  int old_home = ::open((out / "index.html").c_str(), O_RDONLY);
  int old_b = ::open((out / "b/index.html").c_str(), O_RDONLY);
  REQUIRE(old_home >= 0);
  REQUIRE(old_b >= 0);
  const ino_t a_ino = Inode(out / "a/index.html");
  std::set<ino_t> old_changed = {Inode(out / "index.html"), Inode(out / "b/index.html"),
                                 Inode(out / "gone/index.html"), Inode(out / "f")};

  r = Write(out, kNew, Quick());
  REQUIRE(r.ok);
  CHECK(r.errors == "");
  CHECK(Snapshot(out) == WithFolders(kNew));
  CHECK(Snapshot(next) == WithFolders(kNew));  // the previous site was brought in step
  CHECK(r.counts.kept == 2);
  CHECK(r.counts.written == 5);
  CHECK(r.counts.removed == 1);  // gone/ (f and d were replaced by the files of the new site)
  CHECK(Inode(out / "a/index.html") == a_ino);
  for (const auto& [path, bytes] : kNew) {
    const std::string shown = path;  // clang cannot capture a structured binding
    CAPTURE(shown);
    CHECK(old_changed.count(Inode(out / path)) == 0);  // a changed file is a new inode
    CHECK(Inode(out / path) == Inode(next / path));
  }
  char buf[64] = {};
  CHECK(::pread(old_home, buf, sizeof buf, 0) == 7);
  CHECK(std::string(buf) == "home v1");
  CHECK(::pread(old_b, buf, sizeof buf, 0) == 6);
  CHECK(std::string(buf, 6) == "page B");
  ::close(old_home);
  ::close(old_b);
  CheckWorkFolderClean(s.path / ".public.fazhi");
}

TEST_CASE("write_site: a file changed in place in public/ is rewritten, not trusted") {
  Scratch s;
  const fs::path out = s.path / "public", next = s.path / ".public.fazhi/next";
  for (int i = 0; i < 2; ++i) REQUIRE(Write(out, kOld, Quick()).ok);
  // An editor that writes in place writes into the file next/ shares.
  std::ofstream(out / "a/index.html", std::ios::binary | std::ios::trunc) << "edited in place";
  CHECK(Slurp(next / "a/index.html") == "edited in place");
  Result r = Write(out, kOld, Quick());
  REQUIRE(r.ok);
  CHECK(r.counts.written == 1);
  CHECK(Snapshot(out) == WithFolders(kOld));
  CHECK(Snapshot(next) == WithFolders(kOld));
}

TEST_CASE("write_site: a full disk fails the build with the path and the cause, public/ is untouched") {
  Scratch s;
  const fs::path out = s.path / "public", next = s.path / ".public.fazhi/next";
  for (int i = 0; i < 2; ++i) REQUIRE(Write(out, kOld, Quick()).ok);
  const Tree before = Snapshot(out);

  WriteOptions full = Quick();
  std::atomic<int> creates{0};
  full.fault = [&](std::string_view step, const std::string& path) {
    if (step == "create") ++creates;
    return step == "create" && path.ends_with("/b/index.html") ? ENOSPC : 0;
  };
  Result r = Write(out, kNew, full);
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        (next / "b/index.html").string() + ": 无法写入文件：磁盘已满（空间或文件数已用完）（ENOSPC）\n");
  CHECK(creates == 2);  // the dirty mark, then b/index.html; nothing after the failure
  CHECK(Snapshot(out) == before);

  // The next build finishes the job, and leaves next/ the twin of public/.
  r = Write(out, kNew, Quick());
  REQUIRE(r.ok);
  CHECK(Snapshot(out) == WithFolders(kNew));
  CHECK(Snapshot(next) == WithFolders(kNew));
  CheckWorkFolderClean(s.path / ".public.fazhi");
}

TEST_CASE("write_site: a read-only or forbidden folder says so, with the path") {
  Scratch s;
  const fs::path out = s.path / "public";
  WriteOptions ro = Quick();
  ro.fault = [](std::string_view step, const std::string&) { return step == "mkdir" ? EROFS : 0; };
  Result r = Write(out, kOld, ro);
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        (s.path / ".public.fazhi").string() + ": 无法创建文件夹：所在的文件系统是只读的（EROFS）\n");
  CHECK_FALSE(fs::exists(out));
  CHECK_FALSE(fs::exists(s.path / ".public.fazhi"));

  REQUIRE(Write(out, kOld, Quick()).ok);
  WriteOptions denied = Quick();
  denied.fault = [](std::string_view step, const std::string& path) {
    return step == "exchange" ? EACCES : 0;
  };
  r = Write(out, kNew, denied);
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        out.string() + ": 无法用新网站替换这个文件夹：没有权限（EACCES）。原来的输出文件夹没有改动\n");
  CHECK(Snapshot(out) == WithFolders(kOld));
}

TEST_CASE(
    "write_site: a record that cannot be written fails the build with its path, and no later build is "
    "refused") {
  // Issue 18, failure 8: the marker write was unchecked; out of inodes the
  // build reported success without it, and every later build refused the
  // folder as not fazhi's. Now the work folder's stamp and the ids of the
  // output folder are written before the swap, and a failure stops the build.
  Scratch s;
  const fs::path site = s.path / "site", out = s.path / "public", work = s.path / ".public.fazhi";
  fs::create_directories(site);
  auto no_space_for = [](std::string suffix) {
    WriteOptions o = Quick();
    o.fault = [suffix](std::string_view step, const std::string& path) {
      return step == "create" && path.ends_with(suffix) ? ENOSPC : 0;
    };
    return o;
  };
  const std::string enospc = ": 无法写入文件：磁盘已满（空间或文件数已用完）（ENOSPC）\n";
  Diagnostics diags;

  SUBCASE("the work folder's stamp, at the first build") {
    Result r = Write(out, kOld, no_space_for("/.public.fazhi/fazhi.txt"));
    CHECK_FALSE(r.ok);
    CHECK(r.errors == (work / "fazhi.txt").string() + enospc);
    CHECK_FALSE(fs::exists(out));
  }
  SUBCASE("the output folder's ids, at the first build") {
    Result r = Write(out, kOld, no_space_for("/.public.fazhi/ids.tmp"));
    CHECK_FALSE(r.ok);
    CHECK(r.errors == (work / "ids").string() + enospc);
    CHECK_FALSE(fs::exists(out));
  }
  SUBCASE("the output folder's ids, at the second build") {
    REQUIRE(Write(out, kOld, Quick()).ok);
    Result r = Write(out, kNew, no_space_for("/.public.fazhi/ids.tmp"));
    CHECK_FALSE(r.ok);
    CHECK(r.errors == (work / "ids").string() + enospc);
    CHECK(Snapshot(out) == WithFolders(kOld));
  }
  // The space came back: the next build neither refuses the folder nor
  // needs a hand.
  Result r = Write(out, kNew, Quick());
  CHECK(r.ok);
  CHECK(r.errors == "");
  CHECK(Snapshot(out) == WithFolders(kNew));
  CHECK(CheckOutputDir(site, out, &diags));
  CHECK(diags.Format() == "");
  CHECK(Write(out, kOld, Quick()).ok);
  CHECK(CheckOutputDir(site, out, &diags));
}

// The steps a build takes, as "step path" lines.
std::vector<std::string> Steps(const fs::path& out, const Tree& files, WriteOptions opts, bool* ok) {
  std::vector<std::string> steps;
  opts.fault = [&steps](std::string_view step, const std::string& path) {
    steps.push_back(std::string(step) + " " + path);
    return 0;
  };
  *ok = Write(out, files, opts).ok;
  return steps;
}

TEST_CASE("write_site: public/ changes only by the exchange, after syncfs, the exchange is then fsynced") {
  Scratch s;
  const fs::path out = s.path / "public";
  const std::string work = (s.path / ".public.fazhi").string();
  for (int i = 0; i < 2; ++i) REQUIRE(Write(out, kOld, Quick()).ok);
  bool ok = false;
  std::vector<std::string> steps = Steps(out, kNew, WriteOptions(), &ok);
  REQUIRE(ok);
  auto at = [&](const std::string& line) {
    return std::find(steps.begin(), steps.end(), line) - steps.begin();
  };
  const long syncfs = at("syncfs " + work + "/next"), exchange = at("exchange " + out.string()),
             fsync_parent = at("fsync " + s.path.string()), fsync_work = at("fsync " + work);
  REQUIRE(exchange < static_cast<long>(steps.size()));
  CHECK(syncfs + 1 == exchange);
  CHECK(exchange + 1 == fsync_parent);
  CHECK(fsync_parent + 1 == fsync_work);
  for (long i = 0; i < static_cast<long>(steps.size()); ++i) {
    CAPTURE(steps[i]);
    if (i == exchange || steps[i].starts_with("fsync ") || steps[i].starts_with("syncfs ")) continue;
    // Every other step changes the work folder only: before the exchange the
    // next site, after it the previous one (now in next/).
    CHECK((steps[i].find(" " + work + "/") != std::string::npos || steps[i].ends_with(" " + work)));
  }
  CHECK(steps.size() > static_cast<size_t>(fsync_work) + 1);  // the previous site was brought in step after
}

TEST_CASE("write_site: a new file is created once and its new folders made once each, top down") {
  // A first build, and pages under new folders in a rebuild, used to cost a
  // failed look for the file in next/, a failed create and a failed mkdir
  // before the folders were made: half the system calls of a cold build.
  Scratch s;
  const fs::path out = s.path / "public";
  const std::string next = (s.path / ".public.fazhi/next").string() + "/";
  // The steps in next/ before the exchange (after it next/ is the previous site).
  auto under_next = [&](const std::vector<std::string>& steps) {
    std::vector<std::string> kept;
    for (const std::string& st : steps) {
      if (st.starts_with("exchange ")) break;
      size_t at = st.find(' ');
      if (st.compare(at + 1, next.size(), next) == 0 &&
          (st.starts_with("mkdir ") || st.starts_with("create ") || st.starts_with("link ")))
        kept.push_back(st.substr(0, at + 1) + st.substr(at + 1 + next.size()));
    }
    return kept;
  };
  bool ok = false;
  const Tree first = {
      {"a/b/index.html", "1"}, {"a/c/index.html", "2"}, {"a/index.html", "3"}, {"top.html", "4"}};
  CHECK(under_next(Steps(out, first, Quick(), &ok)) ==
        std::vector<std::string>{"mkdir a", "mkdir a/b", "create a/b/index.html", "mkdir a/c",
                                 "create a/c/index.html", "create a/index.html", "create top.html"});
  CHECK(ok);
  auto lines = [](const std::vector<std::string>& steps) {
    std::string got;
    for (const std::string& st : steps) got += st + "\n";
    return got;
  };
  // After a first build next/ is empty: the second links public/'s files.
  CHECK(lines(under_next(Steps(out, first, Quick(), &ok))) ==
        "mkdir a\nmkdir a/b\nlink a/b/index.html\nmkdir a/c\nlink a/c/index.html\nlink a/index.html\n"
        "link top.html\n");
  CHECK(ok);
  Tree third = first;
  third["a/d/e/index.html"] = "5";
  // next/ now holds the site (the spare, linked to public/'s files):
  // only the new page and its two new folders.
  CHECK(lines(under_next(Steps(out, third, Quick(), &ok))) ==
        "mkdir a/d\nmkdir a/d/e\ncreate a/d/e/index.html\n");
  CHECK(ok);
  CHECK(Snapshot(out) == WithFolders(third));
}

// Builds `to` in a child process that ends (as if killed) just before its
// step `k`; returns whether it ended there, i.e. `k` was within the build.
bool CrashAt(const fs::path& out, const Tree& to, int k, WriteOptions opts) {
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    auto inner = opts.fault;
    int count = 0;
    opts.fault = [&](std::string_view step, const std::string& path) {
      if (++count == k) ::_exit(86);
      return inner ? inner(step, path) : 0;
    };
    ::_exit(Write(out, to, opts).ok ? 0 : 1);
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  if (WEXITSTATUS(status) == 86) return true;
  CHECK(WEXITSTATUS(status) == 0);
  return false;
}

// Kills a build before each of its steps in turn: public/ is always the
// whole previous or the whole new site (after the next build's recovery,
// where the file system cannot exchange), and the next build succeeds.
void CrashEverywhere(const std::function<void(const fs::path&)>& setup, const Tree& from, WriteOptions opts,
                     bool recover_first) {
  const Tree want_old = WithFolders(from), want_new = WithFolders(kNew);
  int crashes = 0;
  bool exchanged = false;
  for (int k = 1;; ++k) {
    Scratch s;
    const fs::path out = s.path / "public";
    setup(out);
    if (!CrashAt(out, kNew, k, opts)) break;
    ++crashes;
    CAPTURE(k);
    if (recover_first) {  // what the next build's Open finds and repairs
      Diagnostics diags;
      StagingSink sink(out, &diags, opts);
      CHECK(sink.Open());
    }
    Tree now = fs::exists(out) ? Snapshot(out) : Tree{{"(none)", ""}};
    bool is_old = now == want_old, is_new = now == want_new;
    CHECK((is_old || is_new));
    exchanged = exchanged || is_new;
    Result r = Write(out, kNew, opts);
    CHECK(r.ok);
    CHECK(r.errors == "");
    CHECK(Snapshot(out) == want_new);
    CHECK(Diff(Snapshot(s.path / ".public.fazhi/next"), want_new) == "");
    CheckWorkFolderClean(s.path / ".public.fazhi");
    r = Write(out, kNew, opts);
    CHECK(r.counts.kept == kNew.size());
  }
  CHECK(crashes > 20);
  CHECK(exchanged);  // some crashes fell after the swap
}

TEST_CASE("write_site: killed at any step, a build leaves the previous or the new site, never neither") {
  WriteOptions durable;
  auto steady = [](const fs::path& out) {
    for (int i = 0; i < 2; ++i) REQUIRE(Write(out, kOld, Quick()).ok);
  };
  SUBCASE("rebuild (next/ the twin of public/)") { CrashEverywhere(steady, kOld, durable, false); }
  SUBCASE("second build (next/ made by linking from public/)") {
    CrashEverywhere([](const fs::path& out) { REQUIRE(Write(out, kOld, Quick()).ok); }, kOld, durable, false);
  }
  SUBCASE("file system without RENAME_EXCHANGE: two renames, undone by the next build") {
    WriteOptions renames;
    renames.fault = [](std::string_view step, const std::string&) { return step == "exchange" ? EINVAL : 0; };
    CrashEverywhere(steady, kOld, renames, true);
  }
}

TEST_CASE("write_site: killed during the first build, there is no public/ or the whole new one") {
  int crashes = 0;
  for (int k = 1;; ++k) {
    Scratch s;
    const fs::path out = s.path / "public";
    if (!CrashAt(out, kNew, k, WriteOptions())) break;
    ++crashes;
    CAPTURE(k);
    CHECK((!fs::exists(out) || Snapshot(out) == WithFolders(kNew)));
    Result r = Write(out, kNew, Quick());
    CHECK(r.ok);
    CHECK(Snapshot(out) == WithFolders(kNew));
  }
  CHECK(crashes > 8);
}

TEST_CASE("write_site: one build at a time per output folder") {
  Scratch s;
  const fs::path out = s.path / "public";
  Diagnostics first_diags, second_diags;
  {
    StagingSink first(out, &first_diags, Quick());
    REQUIRE(first.Open());
    StagingSink second(out, &second_diags, Quick());
    CHECK_FALSE(second.Open());
    CHECK(second_diags.Format() == out.string() + ": 另一个 fazhi build（进程 " + std::to_string(getpid()) +
                                       "）正在写入这个输出文件夹：等它结束后再试\n");
  }
  CHECK(Write(out, kOld, Quick()).ok);  // the lock went with the first build
}

TEST_CASE("write_site: fazhi replaces only folders it wrote, its record lives beside public/, not in it") {
  Scratch s;
  const fs::path site = s.path / "site", out = s.path / "public";
  fs::create_directories(site);
  Diagnostics diags;
  REQUIRE(Write(out, kOld, Quick()).ok);
  CHECK(CheckOutputDir(site, out, &diags));
  CHECK(Slurp(s.path / ".public.fazhi/fazhi.txt").starts_with("fazhi output work folder v1\n"));

  SUBCASE("a new folder of the same name is not fazhi's") {
    fs::remove_all(out);
    fs::create_directories(out);
    std::ofstream(out / "mine.pdf") << "user file";
    CHECK_FALSE(CheckOutputDir(site, out, &diags));
    CHECK(diags.Format() ==
          out.string() + ": 这个文件夹不是空的，也不是 fazhi 生成的（" + (s.path / ".public.fazhi").string() +
              " 中没有它的记录），为免删掉别的文件，fazhi 不会替换它：请换一个 --output，或先清空它\n");
  }
  SUBCASE("without the work folder public/ is not provably fazhi's") {
    fs::remove_all(s.path / ".public.fazhi");
    CHECK_FALSE(CheckOutputDir(site, out, &diags));
  }
  SUBCASE("the work folder's name taken by something else") {
    fs::remove_all(s.path / ".public.fazhi");
    fs::create_directories(s.path / ".public.fazhi");
    std::ofstream(s.path / ".public.fazhi/notes.txt") << "user file";
    Result r = Write(s.path / "public", kOld, Quick());
    CHECK_FALSE(r.ok);
    CHECK(r.errors == (s.path / ".public.fazhi").string() +
                          ": fazhi 要在这里建立输出文件夹的工作文件夹，但这个名字已被占用，而且不是 fazhi "
                          "建的：请把它移走\n");
    CHECK(Slurp(s.path / ".public.fazhi/notes.txt") == "user file");
  }
  SUBCASE("the marker of older versions is accepted, and not carried over") {
    const fs::path older = s.path / "older";
    fs::create_directories(older);
    std::ofstream(older / kLegacyOutputMarker) << "This folder is generated by `fazhi build`\n";
    std::ofstream(older / "index.html") << "old";
    CHECK(CheckOutputDir(site, older, &diags));
    REQUIRE(Write(older, kOld, Quick()).ok);
    CHECK(Snapshot(older) == WithFolders(kOld));
  }
  SUBCASE("an empty folder of the user's keeps its permissions") {
    const fs::path docroot = s.path / "docroot";
    fs::create_directories(docroot);
    ::chmod(docroot.c_str(), 0750);
    CHECK(CheckOutputDir(site, docroot, &diags));
    REQUIRE(Write(docroot, kOld, Quick()).ok);
    REQUIRE(Write(docroot, kOld, Quick()).ok);
    struct stat st {};
    REQUIRE(::stat(docroot.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0750);
    CHECK(CheckOutputDir(site, docroot, &diags));
  }
}

TEST_CASE("write_site: symbolic links in the work folder are removed, never followed") {
  Scratch s;
  const fs::path out = s.path / "public", next = s.path / ".public.fazhi/next", mine = s.path / "mine";
  fs::create_directories(mine);
  std::ofstream(mine / "index.html") << "user file";
  for (int i = 0; i < 2; ++i) REQUIRE(Write(out, kOld, Quick()).ok);
  fs::remove_all(next / "a");
  fs::create_directory_symlink(mine, next / "a");
  fs::create_directory_symlink(mine, out / "link");  // public/ → next/ after the swap
  for (int i = 0; i < 2; ++i) {
    Result r = Write(out, kOld, Quick());
    REQUIRE(r.ok);
  }
  CHECK(Snapshot(out) == WithFolders(kOld));
  CHECK(Snapshot(next) == WithFolders(kOld));
  CHECK(Snapshot(mine) == Tree{{"index.html", "user file"}});
}

TEST_CASE(
    "write_site: leftovers of older versions are removed when provably fazhi's and their build is dead") {
  Scratch s;
  const fs::path out = s.path / "public";
  pid_t dead = ::fork();
  if (dead == 0) ::_exit(0);
  REQUIRE(::waitpid(dead, nullptr, 0) == dead);
  auto folder = [&](const std::string& name, bool marker) {
    fs::create_directories(s.path / name / "a");
    std::ofstream(s.path / name / "a/index.html") << "a page";
    if (marker) std::ofstream(s.path / name / kLegacyOutputMarker) << "generated";
  };
  const std::string d = std::to_string(dead), live = std::to_string(getpid());
  folder("public.old-" + d, true);     // killed between its two renames: the previous site
  folder("public.tmp-" + d, true);     // killed after writing its marker
  folder("public.tmp-1" + d, false);   // no marker: not provably fazhi's (pid 1<dead> is surely gone too)
  folder("public.tmp-" + live, true);  // a build that still runs
  Diagnostics diags;
  StagingSink sink(out, &diags, Quick());
  REQUIRE(sink.Open());
  CHECK(Slurp(out / "a/index.html") == "a page");  // put back where it was
  CHECK_FALSE(fs::exists(s.path / ("public.old-" + d)));
  CHECK_FALSE(fs::exists(s.path / ("public.tmp-" + d)));
  CHECK(fs::exists(s.path / ("public.tmp-1" + d)));
  CHECK(fs::exists(s.path / ("public.tmp-" + live)));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].severity == Severity::kWarning);
  CHECK(diags.items()[0].path == (s.path / ("public.tmp-1" + d)).string());
  CHECK(diags.items()[0].message.Render() ==
        "这是旧版 fazhi 中断的构建留下的临时文件夹，但无法确认里面只有 fazhi "
        "写的文件，所以没有删除：确认后请手动删除");
}

}  // namespace

TEST_CASE("write_site: a file of the previous site that cannot be removed fails the build with the cause") {
  Scratch s;
  const fs::path out = s.path / "public", next = s.path / ".public.fazhi/next";
  for (int i = 0; i < 2; ++i) REQUIRE(Write(out, kOld, Quick()).ok);
  const Tree before = Snapshot(out);
  WriteOptions busy = Quick();
  busy.fault = [](std::string_view step, const std::string& path) {
    return (step == "unlink" || step == "remove-tree") && path.find("/gone") != std::string::npos ? EBUSY : 0;
  };
  Result r = Write(out, kNew, busy);
  CHECK_FALSE(r.ok);
  CHECK(r.errors == (next / "gone").string() + ": 无法删除：正被占用（可能是挂载点）（EBUSY）\n");
  CHECK(Snapshot(out) == before);
}

TEST_CASE("write_site: when the swap cannot be made durable, the new site stands and a warning says so") {
  Scratch s;
  const fs::path out = s.path / "public";
  REQUIRE(Write(out, kOld, Quick()).ok);
  bool exchanged = false;
  WriteOptions io;  // durable: the swap is fsynced
  io.fault = [&](std::string_view step, const std::string& path) {
    if (step == "exchange" || step == "rename") exchanged = true;
    return exchanged && step == "fsync" && path == s.path.string() ? EIO : 0;
  };
  Result r = Write(out, kNew, io);
  CHECK(r.ok);
  CHECK(r.errors == out.string() +
                        ": 警告：新网站已替换了这个文件夹，但无法确认替换已写到磁盘上：磁盘读写出错（EIO）。"
                        "断电后可能仍是原来的网站\n");
  CHECK(Snapshot(out) == WithFolders(kNew));
}

TEST_CASE("write_site: an output path with an empty, . or .. segment is refused, never written") {
  // The paths come from validated slugs and file names; this is the sink's
  // own guard against a generator bug writing outside its folder.
  Scratch s;
  const fs::path out = s.path / "public";
  Result r = Write(out, {{"index.html", "home"}, {"a/../../escape.html", "x"}}, Quick());
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "a/../../escape.html: fazhi 生成了一个不合法的输出路径（含空段、“.” 或 “..”），没有写出\n");
  CHECK_FALSE(fs::exists(s.path / "escape.html"));
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("write_site: when the new site cannot be synced to disk, the build fails before the swap") {
  Scratch s;
  const fs::path out = s.path / "public", next = s.path / ".public.fazhi/next";
  REQUIRE(Write(out, kOld, Quick()).ok);
  const Tree before = Snapshot(out);
  WriteOptions io;  // durable: next/ is synced before the exchange
  io.fault = [](std::string_view step, const std::string&) { return step == "syncfs" ? EIO : 0; };
  Result r = Write(out, kNew, io);
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        next.string() + ": 无法把新网站写到磁盘上：磁盘读写出错（EIO）。原来的输出文件夹没有改动\n");
  CHECK(Snapshot(out) == before);
}

}  // namespace fazhi
