// The site's input files, read once. This is the only module that reads the
// site from disk; every later stage works on these in-memory texts, so tests
// can build whole sites from strings and `serve` can rebuild cheaply.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace fazhi {

struct SourceFile {
  std::string path;  ///< relative to the site root, '/' separated
  std::string text;  ///< raw bytes (static files may be binary)
};

class SourceTree {
 public:
  /// Reads site.toml and everything under content/, data/, layouts/, static/
  /// and themes/. Unreadable files become errors. Dotfiles, editor swap and
  /// backup files are skipped.
  static bool Read(const std::filesystem::path& root, SourceTree* out, Diagnostics* diags, int jobs = 0);

  /// A tree from in-memory files (tests).
  static SourceTree FromFiles(std::map<std::string, std::string> files);

  const SourceFile* Find(std::string_view path) const;

  /// Files whose path starts with `prefix` and ends with `suffix`, sorted by path.
  std::vector<const SourceFile*> Under(std::string_view prefix, std::string_view suffix = "") const;

  /// Every file, sorted by path.
  const std::map<std::string, SourceFile, std::less<>>& files() const { return files_; }

  void Add(std::string path, std::string text);

  /// Reads `path`, a file the tree has, again from `root` (after an edit).
  /// False, with the tree unchanged, when it is no longer a readable regular
  /// file there.
  bool Reread(std::string_view path);

  /// Reads every file under `dir` as `prefix` + its relative path (used for
  /// the themes shipped with fazhi when the site has no copy of its own).
  bool AddDirectory(const std::filesystem::path& dir, const std::string& prefix, Diagnostics* diags,
                    int jobs = 0);

  std::filesystem::path root;  ///< empty for in-memory trees

 private:
  std::map<std::string, SourceFile, std::less<>> files_;
};

/// Turns the line ends of old Mac files (a CR alone, also from Excel for Mac
/// CSV) into LF, in place, for Markdown, TOML, YAML and CSV files: byte for
/// byte, so positions stay; CRLF is left as it is.
void NormalizeLoneCr(std::string_view path, std::string* text);

/// True for names an editor or the OS leaves behind (".a.md.swp", "a.md~",
/// "#a.md#", ".DS_Store"): they are never content. Shared with the watcher.
bool IsIgnoredFileName(std::string_view name);

}  // namespace fazhi
