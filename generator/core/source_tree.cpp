#include "core/source_tree.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <system_error>

#include "core/messages.h"
#include "core/os_error.h"
#include "core/parallel.h"

namespace fazhi {
namespace fs = std::filesystem;

namespace {

// Reads a whole file. Most sources are a few KB: one read into a buffer on
// the stack gets all of it and shows where it ends, since a read of a
// regular file returns fewer bytes than asked only at the end. That is an
// open, a read and a close per file; the fstat and the second read that
// found the end cost some 20 % more of the kernel time of reading a
// 10,000-page site on a VM (where a system call costs microseconds). A
// larger file is read to its end, as large as it has grown meanwhile.
// O_NOFOLLOW: every path read here was checked not to be a symbolic link (or
// is the link's resolved target), so a link swapped in meanwhile fails to
// open. False with the errno in `*err` when it fails.
bool ReadFile(const fs::path& p, std::string* out, int* err = nullptr) {
  int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    if (err) *err = errno;
    return false;
  }
  out->clear();
  auto read_some = [fd](char* to, size_t size) {
    ssize_t n;
    do {
      n = ::read(fd, to, size);
    } while (n < 0 && errno == EINTR);
    return n;
  };
  char buf[32 * 1024];
  ssize_t n = read_some(buf, sizeof buf);
  bool ok = n >= 0;
  if (ok) out->assign(buf, static_cast<size_t>(n));
  if (ok && static_cast<size_t>(n) == sizeof buf) {
    // Room for the rest at the size fstat gives, then whatever lies beyond
    // it (a file that grew meanwhile) in steps of the buffer's size; reading
    // into the string directly would double its capacity for every file.
    struct stat st;
    if (::fstat(fd, &st) == 0 && static_cast<size_t>(st.st_size) > out->size()) {
      size_t got = out->size();
      out->resize(static_cast<size_t>(st.st_size));
      while (got < out->size() && (n = read_some(out->data() + got, out->size() - got)) > 0)
        got += static_cast<size_t>(n);
      out->resize(got);
      ok = n >= 0;
    }
    while (ok && (n = read_some(buf, sizeof buf)) > 0) out->append(buf, static_cast<size_t>(n));
    ok = ok && n == 0;
  }
  if (!ok && err) *err = errno;
  ::close(fd);
  return ok;
}

// True when `p` (canonical) is `root` (canonical) or lies under it.
bool Within(const fs::path& p, const fs::path& root) {
  auto [r, q] = std::mismatch(root.begin(), root.end(), p.begin(), p.end());
  return r == root.end();
}

// Where the symbolic link `link` leads, when that is inside `root`
// (canonical): a contributed theme or a pull request must not be able to
// publish the build machine's files (/etc/passwd) through a link. A link
// leaving the site or leading nowhere is an error at the link's own path; the
// target is never read, so nothing of it can be echoed.
bool ResolveLink(const fs::path& link, const fs::path& root, const std::string& rel, fs::path* target,
                 Diagnostics* diags) {
  std::error_code ec;
  fs::path to = fs::read_symlink(link, ec);
  fs::path resolved = fs::canonical(link, ec);
  if (ec) {
    diags->Error(rel, 0, 0, Message(msg::kSymlinkDangling, to.string()));
    return false;
  }
  if (!Within(resolved, root)) {
    diags->Error(rel, 0, 0, Message(msg::kSymlinkLeavesSite, to.string()));
    return false;
  }
  *target = std::move(resolved);
  return true;
}

// Walks the folder (one thread: the listing is cheap) and then reads its
// files on `jobs` threads. On a VM a file costs some 30 µs of kernel time to
// open, read and close, so a 10,000-page site took 0.36 s read one by one.
void ReadDirUnsorted(const fs::path& root, const std::string& rel_dir, SourceTree* tree, Diagnostics* diags,
                     const std::string& prefix, int jobs) {
  std::error_code ec;
  fs::path dir = root / rel_dir;
  fs::path canon_root = fs::canonical(root, ec);
  if (ec) return;
  if (rel_dir != "." && fs::is_symlink(fs::symlink_status(dir, ec))) {
    fs::path target;
    if (!ResolveLink(dir, canon_root, prefix + rel_dir, &target, diags)) return;
  }
  if (!fs::is_directory(dir, ec)) return;
  const std::string base = dir.generic_string();
  struct ToRead {
    std::string rel;
    fs::path from;
  };
  std::vector<ToRead> files;
  // Not skip_permission_denied: a folder nobody may read would drop its
  // pages without a word.
  fs::recursive_directory_iterator it(dir, ec), end;
  std::string last_folder = rel_dir;  // the folder the iterator opens next
  auto cannot_list = [&] {
    diags->Error(prefix + last_folder, 0, 0, Message(msg::kCannotListFolder, OsError(ec.value())));
  };
  if (ec) return cannot_list();
  // libstdc++ ends the iteration on an error: `ec` is checked after the loop.
  for (; it != end; it.increment(ec)) {
    if (ec) return cannot_list();
    std::string name = it->path().filename().string();
    if (IsIgnoredFileName(name)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    // The iterator's paths all start with root/rel_dir; fs::relative would
    // canonicalise both sides with a readlink per path component.
    std::string sub = it->path().generic_string().substr(base.size() + 1);
    std::string rel = prefix + (rel_dir == "." ? sub : rel_dir + "/" + sub);
    fs::path read_from = it->path();
    bool linked = false;
    // The iterator does not follow links to folders, so every path it gives
    // is under real folders; only its last component can be a link.
    if (it->is_symlink(ec)) {
      if (!ResolveLink(it->path(), canon_root, rel, &read_from, diags)) continue;
      if (fs::is_directory(read_from, ec)) {
        diags->Warning(rel, 0, 0, Message(msg::kSymlinkedFolderSkipped));
        continue;
      }
      linked = true;
    }
    // The entry's type comes from the listing (no stat), a link's from its target.
    bool regular = linked ? fs::is_regular_file(read_from, ec) : it->is_regular_file(ec);
    if (ec) {
      // ENAMETOOLONG deep down: the iterator walks by folder, a path does not.
      diags->Error(rel, 0, 0, Message(msg::kCannotReadFile, OsError(ec.value())));
      continue;
    }
    if (!regular) {
      if (it->is_directory(ec)) last_folder = rel.substr(prefix.size());
      continue;
    }
    files.push_back({std::move(rel), std::move(read_from)});
  }
  if (ec) cannot_list();
  std::vector<std::string> texts(files.size());
  std::vector<int> errs(files.size(), 0);
  ParallelFor(files.size(), jobs, [&](size_t i) {
    if (!ReadFile(files[i].from, &texts[i], &errs[i]) && errs[i] == 0) errs[i] = EIO;
  });
  for (size_t i = 0; i < files.size(); ++i) {
    if (errs[i] != 0) {
      diags->Error(files[i].rel, 0, 0, Message(msg::kCannotReadFile, OsError(errs[i])));
      continue;
    }
    tree->Add(std::move(files[i].rel), std::move(texts[i]));
  }
}

// The folder is listed in the file system's order; its reports come out
// sorted by path, as the files are, so a run reports the same way everywhere.
void ReadDir(const fs::path& root, const std::string& rel_dir, SourceTree* tree, Diagnostics* diags,
             const std::string& prefix, int jobs) {
  Diagnostics found(SIZE_MAX);
  ReadDirUnsorted(root, rel_dir, tree, &found, prefix, jobs);
  std::vector<Diagnostic> items = found.items();
  std::stable_sort(items.begin(), items.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.path < b.path; });
  for (Diagnostic& d : items) diags->Add(std::move(d));
}

}  // namespace

void NormalizeLoneCr(std::string_view path, std::string* text) {
  static constexpr std::string_view kTextExts[] = {".md",  ".markdown", ".toml", ".csv",
                                                   ".tsv", ".yaml",     ".yml"};
  bool textual = false;
  for (std::string_view e : kTextExts) textual = textual || path.ends_with(e);
  if (!textual || text->find('\r') == std::string::npos) return;
  // UTF-16 has 0x0D bytes inside other characters.
  if (text->starts_with("\xFF\xFE") || text->starts_with("\xFE\xFF")) return;
  for (size_t i = 0; i < text->size(); ++i) {
    if ((*text)[i] == '\r' && (i + 1 == text->size() || (*text)[i + 1] != '\n')) (*text)[i] = '\n';
  }
}

bool IsIgnoredFileName(std::string_view name) {
  if (name.empty() || name.front() == '.') return true;        // dotfiles, .swp, .DS_Store
  if (name.back() == '~') return true;                         // emacs/vim backups
  if (name.front() == '#' && name.back() == '#') return true;  // emacs autosave
  auto ends = [&](std::string_view s) {
    return name.size() >= s.size() && name.substr(name.size() - s.size()) == s;
  };
  return ends(".swp") || ends(".swx") || ends(".tmp") || ends(".bak") ||
         name.substr(0, 2) == "~$";  // Office lock files next to a CSV open in Excel
}

bool SourceTree::Read(const fs::path& root, SourceTree* out, Diagnostics* diags, int jobs) {
  size_t before = diags->error_count();
  out->root = root;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    // `fazhi check content/about.md`: the site is the folder holding site.toml.
    diags->Error(root.string(), 0, 0,
                 Message(fs::exists(root, ec) ? msg::kSiteIsNotFolder : msg::kSiteFolderMissing));
    return false;
  }
  std::string text;
  fs::path config = root / "site.toml";
  if (fs::is_symlink(fs::symlink_status(config, ec))) {
    fs::path canon_root = fs::canonical(root, ec);
    if (!ResolveLink(config, canon_root, "site.toml", &config, diags)) return false;
  }
  if (fs::exists(config, ec)) {
    if (int err = 0; ReadFile(config, &text, &err)) {
      out->Add("site.toml", std::move(text));
    } else {
      diags->Error("site.toml", 0, 0, Message(msg::kCannotReadFile, OsError(err)));
    }
  }
  for (const char* dir : {"content", "data", "layouts", "static", "themes"}) {
    ReadDir(root, dir, out, diags, "", jobs);
  }
  return diags->error_count() == before;
}

bool SourceTree::AddDirectory(const fs::path& dir, const std::string& prefix, Diagnostics* diags, int jobs) {
  size_t before = diags->error_count();
  ReadDir(dir, ".", this, diags, prefix, jobs);
  return diags->error_count() == before;
}

SourceTree SourceTree::FromFiles(std::map<std::string, std::string> files) {
  SourceTree t;
  for (auto& [path, text] : files) t.Add(path, std::move(text));
  return t;
}

void SourceTree::Add(std::string path, std::string text) {
  NormalizeLoneCr(path, &text);
  SourceFile f{path, std::move(text)};
  files_.insert_or_assign(std::move(path), std::move(f));
}

bool SourceTree::Reread(std::string_view path) {
  auto it = files_.find(path);
  if (it == files_.end() || root.empty()) return false;
  std::error_code ec;
  fs::path p = root / fs::path(std::string(path));
  // A link is checked by reading the whole tree again (SourceTree::Read).
  if (!fs::is_regular_file(fs::symlink_status(p, ec))) return false;
  std::string text;
  if (!ReadFile(p, &text)) return false;
  NormalizeLoneCr(path, &text);
  it->second.text = std::move(text);  // in place: pointers to the file stay valid
  return true;
}

const SourceFile* SourceTree::Find(std::string_view path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

std::vector<const SourceFile*> SourceTree::Under(std::string_view prefix, std::string_view suffix) const {
  std::vector<const SourceFile*> out;
  for (auto it = files_.lower_bound(prefix); it != files_.end(); ++it) {
    const std::string& p = it->first;
    if (p.compare(0, prefix.size(), prefix) != 0) break;
    if (p.size() >= suffix.size() && p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0) {
      out.push_back(&it->second);
    }
  }
  return out;
}

}  // namespace fazhi
