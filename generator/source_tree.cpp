#include "source_tree.h"

#include <fstream>
#include <sstream>
#include <system_error>

namespace fazhi {
namespace fs = std::filesystem;

namespace {

bool ReadFile(const fs::path& p, std::string* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = std::move(ss).str();
  return !in.bad();
}

void ReadDir(const fs::path& root, const std::string& rel_dir, SourceTree* tree,
             Diagnostics* diags, const std::string& prefix = "") {
  std::error_code ec;
  fs::path dir = root / rel_dir;
  if (!fs::is_directory(dir, ec)) return;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; it != end; it.increment(ec)) {
    if (ec) {
      diags->Error(rel_dir, 0, 0, "cannot list folder: " + ec.message());
      return;
    }
    std::string name = it->path().filename().string();
    if (IsIgnoredFileName(name)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    std::string rel = prefix + fs::relative(it->path(), root, ec).generic_string();
    std::string text;
    if (!ReadFile(it->path(), &text)) {
      diags->Error(rel, 0, 0, "cannot read file");
      continue;
    }
    tree->Add(std::move(rel), std::move(text));
  }
}

}  // namespace

bool IsIgnoredFileName(std::string_view name) {
  if (name.empty() || name.front() == '.') return true;   // dotfiles, .swp, .DS_Store
  if (name.back() == '~') return true;                     // emacs/vim backups
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
    diags->Error(root.string(), 0, 0, "site folder does not exist");
    return false;
  }
  std::string text;
  if (fs::exists(root / "site.toml", ec)) {
    if (ReadFile(root / "site.toml", &text)) {
      out->Add("site.toml", std::move(text));
    } else {
      diags->Error("site.toml", 0, 0, "cannot read file");
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

const SourceFile* SourceTree::Find(std::string_view path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

std::vector<const SourceFile*> SourceTree::Under(std::string_view prefix,
                                                 std::string_view suffix) const {
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
