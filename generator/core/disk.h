// The file-system calls that change the disk when fazhi writes its output
// folder, each named and preceded by an optional hook. Tests use the hook to
// fail a call with a chosen errno (a full disk, a read-only folder) or to end
// the process just before it (a crash at that instant), so every step of the
// commit can be exercised deterministically. Without a hook these are the
// plain POSIX calls. Every call returns 0 or the errno that made it fail.
#pragma once

#include <sys/types.h>

#include <functional>
#include <string>
#include <string_view>

namespace fazhi {

class Disk {
 public:
  /// Called before each change with the step's name ("mkdir", "create",
  /// "write", "link", "unlink", "remove-tree", "rename", "exchange",
  /// "chmod", "fsync", "syncfs") and the path it changes. Returns 0 to go
  /// on or an errno to fail the step without making it. Must be
  /// thread-safe: files are written from the render threads.
  using Hook = std::function<int(std::string_view step, const std::string& path)>;

  explicit Disk(Hook hook = nullptr) : hook_(std::move(hook)) {}

  int Mkdir(const std::string& path, mode_t mode = 0777) const;
  /// Creates `path` (which must not exist: never an existing inode) and
  /// writes `bytes` into it.
  int CreateFile(const std::string& path, std::string_view bytes) const;
  int Link(const std::string& from, const std::string& to) const;
  int Unlink(const std::string& path) const;
  /// Removes `path` whatever it is (file, link or folder tree); 0 if absent.
  int RemoveTree(const std::string& path) const;
  int Rename(const std::string& from, const std::string& to) const;
  /// Swaps two paths atomically (renameat2 RENAME_EXCHANGE); EINVAL or
  /// ENOSYS where the file system or kernel cannot.
  int Exchange(const std::string& a, const std::string& b) const;
  int Chmod(const std::string& path, mode_t mode) const;
  /// fsync of a file or folder.
  int Fsync(const std::string& path) const;
  /// syncfs: everything written to the file system holding `path`.
  int Syncfs(const std::string& path) const;

 private:
  int Step(std::string_view step, const std::string& path) const { return hook_ ? hook_(step, path) : 0; }

  Hook hook_;
};

}  // namespace fazhi
