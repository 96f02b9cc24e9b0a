#include "core/source_tree.h"

#include "core/messages.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace fazhi {
namespace fs = std::filesystem;

namespace {

// One open, one fstat, one allocation and (usually) one read per file:
// a site of 10,000 pages is read in a few tens of milliseconds.
bool ReadFile(const fs::path& p, std::string* out) {
  int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  bool ok = ::fstat(fd, &st) == 0;
  out->clear();
  if (ok && st.st_size > 0) out->resize(static_cast<size_t>(st.st_size));
  size_t got = 0;
  while (ok && got < out->size()) {
    ssize_t n = ::read(fd, out->data() + got, out->size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = n == 0;
      break;
    }
    got += static_cast<size_t>(n);
  }
  out->resize(got);
  // Whatever is beyond the size fstat gave (a file that grew, or one that
  // reports size 0) is appended in small steps; reading it into the string
  // directly would double the string's capacity for every file.
  char buf[4096];
  while (ok) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = n == 0;
      break;
    }
    out->append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return ok;
}

void ReadDir(const fs::path& root, const std::string& rel_dir, SourceTree* tree, Diagnostics* diags,
             const std::string& prefix = "") {
  std::error_code ec;
  fs::path dir = root / rel_dir;
  if (!fs::is_directory(dir, ec)) return;
  const std::string base = dir.generic_string();
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; it != end; it.increment(ec)) {
    if (ec) {
      diags->Error(rel_dir, 0, 0, Message(msg::kCannotListFolder, ec.message()));
      return;
    }
    std::string name = it->path().filename().string();
    if (IsIgnoredFileName(name)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    // The iterator's paths all start with root/rel_dir; fs::relative would
    // canonicalise both sides with a readlink per path component.
    std::string sub = it->path().generic_string().substr(base.size() + 1);
    std::string rel = prefix + (rel_dir == "." ? sub : rel_dir + "/" + sub);
    std::string text;
    if (!ReadFile(it->path(), &text)) {
      diags->Error(rel, 0, 0, Message(msg::kCannotReadFile));
      continue;
    }
    tree->Add(std::move(rel), std::move(text));
  }
}

}  // namespace

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

bool SourceTree::Read(const fs::path& root, SourceTree* out, Diagnostics* diags) {
  size_t before = diags->error_count();
  out->root = root;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    diags->Error(root.string(), 0, 0, Message(msg::kSiteFolderMissing));
    return false;
  }
  std::string text;
  if (fs::exists(root / "site.toml", ec)) {
    if (ReadFile(root / "site.toml", &text)) {
      out->Add("site.toml", std::move(text));
    } else {
      diags->Error("site.toml", 0, 0, Message(msg::kCannotReadFile));
    }
  }
  for (const char* dir : {"content", "data", "layouts", "static", "themes"}) {
    ReadDir(root, dir, out, diags);
  }
  return diags->error_count() == before;
}

bool SourceTree::AddDirectory(const fs::path& dir, const std::string& prefix, Diagnostics* diags) {
  size_t before = diags->error_count();
  ReadDir(dir, ".", this, diags, prefix);
  return diags->error_count() == before;
}

SourceTree SourceTree::FromFiles(std::map<std::string, std::string> files) {
  SourceTree t;
  for (auto& [path, text] : files) t.Add(path, std::move(text));
  return t;
}

void SourceTree::Add(std::string path, std::string text) {
  SourceFile f{path, std::move(text)};
  files_.insert_or_assign(std::move(path), std::move(f));
}

bool SourceTree::Reread(std::string_view path) {
  auto it = files_.find(path);
  if (it == files_.end() || root.empty()) return false;
  std::error_code ec;
  fs::path p = root / fs::path(std::string(path));
  if (!fs::is_regular_file(p, ec)) return false;
  std::string text;
  if (!ReadFile(p, &text)) return false;
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
