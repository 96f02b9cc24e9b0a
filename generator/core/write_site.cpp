#include "core/write_site.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

#include "core/messages.h"
#include "core/os_error.h"

namespace fazhi {
namespace fs = std::filesystem;

namespace {

// A relative path without empty, "." or ".." parts: it stays inside next/.
bool ValidRel(const std::string& p) {
  if (p.empty() || p[0] == '/' || p.find('\0') != std::string::npos) return false;
  size_t start = 0;
  while (start <= p.size()) {
    size_t end = p.find('/', start);
    if (end == std::string::npos) end = p.size();
    std::string_view part(p.data() + start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

// Opens `path` to read it, never through a symbolic link and without
// updating its access time where the process may ask that (relatime would
// otherwise dirty every inode once a day).
int OpenToCompare(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOATIME);
  if (fd < 0 && errno == EPERM) fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  return fd;
}

// Whether the open file `fd` is a regular file holding exactly `bytes`.
bool SameBytes(int fd, std::string_view bytes, ino_t* ino = nullptr) {
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || static_cast<size_t>(st.st_size) != bytes.size()) {
    return false;
  }
  if (ino) *ino = st.st_ino;
  thread_local std::string buf(256 * 1024, '\0');
  for (size_t off = 0; off < bytes.size();) {
    ssize_t n = ::read(fd, buf.data(), std::min(buf.size(), bytes.size() - off));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || std::memcmp(buf.data(), bytes.data() + off, static_cast<size_t>(n)) != 0) return false;
    off += static_cast<size_t>(n);
  }
  return true;
}

bool Exists(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

bool IsDir(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string ParentOf(const std::string& rel) {
  size_t slash = rel.rfind('/');
  return slash == std::string::npos ? std::string() : rel.substr(0, slash);
}

}  // namespace

StagingSink::StagingSink(const fs::path& output_dir, Diagnostics* diags, WriteOptions opts)
    : diags_(diags),
      opts_(std::move(opts)),
      disk_(opts_.fault),
      folder_(
          [&] {
            std::error_code ec;
            fs::path c = fs::weakly_canonical(fs::absolute(output_dir, ec), ec);
            return ec ? fs::absolute(output_dir) : c;
          }(),
          &disk_) {
  out_ = folder_.path();
  next_ = folder_.next();
  dirty_ = folder_.work() + "/dirty";
}

StagingSink::~StagingSink() = default;

bool StagingSink::Open() {
  if (!folder_.Open(diags_)) return false;
  dirty_marked_ = Exists(dirty_);
  out_at_open_ = IsDir(out_);
  if (!ListNext()) return false;
  verify_ = dirty_marked_ || listed_files_.empty();
  listed_file_set_ = {listed_files_.begin(), listed_files_.end()};
  listed_dir_set_ = {listed_dirs_.begin(), listed_dirs_.end()};
  made_dirs_.clear();
  // 16 MiB: a 10,000-page site asks about ten times, and the last request
  // has a few MiB left for the commit (64 MiB left 50-70 ms of it).
  if (opts_.durable) writeback_ = std::make_unique<Writeback>(next_, size_t{16} << 20);
  opened_ = true;
  return true;
}

void StagingSink::Fail(const std::string& path, Message message) {
  bool expected = false;
  if (failed_.compare_exchange_strong(expected, true)) diags_->Error(path, 0, 0, std::move(message));
}

bool StagingSink::MarkDirty() {
  std::lock_guard<std::mutex> lock(dirty_mu_);
  if (dirty_marked_) return true;
  int e = disk_.CreateFile(dirty_, "");
  if (e != 0 && e != EEXIST) {
    Fail(dirty_, Message(msg::kDiskCannotWriteFile, OsError(e)));
    return false;
  }
  dirty_marked_ = true;
  return true;
}

// Lists the folder `dir_fd` (at `rel` below next/) and those below it, and
// closes `dir_fd`: the entry types come from the listing, so a file costs no
// stat. getdents64 on the folder's descriptor rather than fdopendir/readdir,
// which add an fstat and two fcntl calls per folder: a 10,000-page site has
// some 15,000 folders, and listing them is the longest part of opening the
// output. Returns false when a folder cannot be read.
bool StagingSink::ListFolder(int dir_fd, const std::string& rel, std::vector<std::string>* others) {
  // On the heap: the function recurses once per folder level.
  std::vector<char> buf(32 * 1024);
  bool ok = true;
  for (;;) {
    ssize_t got = ::getdents64(dir_fd, buf.data(), buf.size());
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      ok = got == 0;
      break;
    }
    for (ssize_t at = 0; ok && at < got;) {
      const auto* e = reinterpret_cast<const struct dirent64*>(buf.data() + at);
      at += e->d_reclen;
      std::string_view name = e->d_name;
      if (name == "." || name == "..") continue;
      std::string path = rel.empty() ? std::string(name) : rel + "/" + std::string(name);
      unsigned char type = e->d_type;
      if (type == DT_UNKNOWN) {  // file systems without d_type
        struct stat st {};
        if (::fstatat(dir_fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
          ok = false;
          break;
        }
        type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_LNK;
      }
      if (type == DT_REG) {
        listed_files_.push_back(std::move(path));
      } else if (type == DT_DIR) {
        int fd = ::openat(dir_fd, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        listed_dirs_.push_back(path);
        if (fd < 0 || !ListFolder(fd, path, others)) ok = false;
      } else {
        others->push_back(std::move(path));
      }
    }
    if (!ok) break;
  }
  ::close(dir_fd);
  return ok;
}

// What next/ holds before this build. Anything that is neither a file nor a
// folder (a symbolic link someone put into public/, which became next/ after
// the last swap) is removed now, before a write could follow it.
bool StagingSink::ListNext() {
  std::vector<std::string> others;
  int fd = ::open(next_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  bool listed = fd >= 0 && ListFolder(fd, "", &others);
  for (const std::string& rel : listed ? others : std::vector<std::string>()) {
    if (!MarkDirty()) return false;
    if (int e = disk_.Unlink(next_ + "/" + rel); e != 0 && e != ENOENT) {
      Fail(next_ + "/" + rel, Message(msg::kDiskCannotRemove, OsError(e)));
      return false;
    }
  }
  if (listed) return true;
  // A folder of next/ that cannot be listed could hide files the new site
  // lacks: start from an empty next/ instead.
  listed_dirs_.clear();
  listed_files_.clear();
  if (!MarkDirty()) return false;
  int e = disk_.RemoveTree(next_);
  if (e == 0) e = disk_.Mkdir(next_);
  if (e != 0) {
    Fail(next_, Message(msg::kDiskCannotCreateFolder, OsError(e)));
    return false;
  }
  return true;
}

int StagingSink::MakeParents(const std::string& rel, std::string* failed_at) {
  const std::string rel_dir = ParentOf(rel);
  if (rel_dir.empty()) return 0;
  const std::string dir = next_ + "/" + rel_dir;
  for (int attempt = 0; attempt < 4; ++attempt) {
    int e = disk_.Mkdir(dir);
    if (e == 0) return 0;
    if (e == EEXIST) {
      if (IsDir(dir)) return 0;
      // The previous site has a file where the new one has a folder.
      int u = disk_.Unlink(dir);
      if (u != 0 && u != ENOENT && u != EISDIR) {
        *failed_at = dir;
        return u;
      }
      continue;
    }
    if (e == ENOENT || e == ENOTDIR) {
      if (rel_dir.find('/') == std::string::npos) {  // next/ itself is gone
        *failed_at = dir;
        return e;
      }
      if (int p = MakeParents(rel_dir, failed_at)) return p;
      continue;
    }
    *failed_at = dir;
    return e;
  }
  *failed_at = dir;
  return EEXIST;
}

int StagingSink::MakeNewParents(const std::string& rel, std::string* failed_at) {
  for (size_t slash = rel.find('/'); slash != std::string::npos; slash = rel.find('/', slash + 1)) {
    std::string dir = rel.substr(0, slash);
    if (listed_dir_set_.count(dir)) continue;
    {
      std::lock_guard<BriefMutex> lock(mu_);
      if (made_dirs_.count(dir)) continue;
    }
    int e = disk_.Mkdir(next_ + "/" + dir);
    // EEXIST: the other thread made it first, or a file of this build is
    // there (a path Put that is now a folder); MakeParents sorts out both.
    if (e == EEXIST && !IsDir(next_ + "/" + dir)) return MakeParents(rel, failed_at);
    if (e != 0 && e != EEXIST) {
      *failed_at = next_ + "/" + dir;
      return e;
    }
    std::lock_guard<BriefMutex> lock(mu_);
    made_dirs_.insert(std::move(dir));
  }
  return 0;
}

StagingSink::Placed StagingSink::Place(const std::string& rel, const std::string& bytes, bool fresh) {
  const std::string target = next_ + "/" + rel;
  bool present = false;
  ino_t next_ino = 0;
  const int fd = fresh ? -1 : OpenToCompare(target);
  if (fd >= 0) {
    bool same = SameBytes(fd, bytes, &next_ino);
    ::close(fd);
    if (same) {
      if (verify_) {
        // next/ may hold files of an unfinished build: the spare must get
        // the output folder's file unless it is this very one.
        struct stat st {};
        if (::lstat((out_ + "/" + rel).c_str(), &st) != 0 || st.st_ino != next_ino) {
          std::lock_guard<BriefMutex> lock(mu_);
          written_.push_back(rel);
        }
      }
      return Placed::kKept;
    }
    present = true;
  } else if (!fresh) {
    present = errno != ENOENT && errno != ENOTDIR;  // a symbolic link (ELOOP), an unreadable file, …
  }
  if (!MarkDirty()) return Placed::kFailed;
  if (present) {
    int e = disk_.Unlink(target);
    if (e == EISDIR) e = disk_.RemoveTree(target);  // the previous site has a folder here
    if (e != 0 && e != ENOENT) {
      Fail(target, Message(msg::kDiskCannotRemove, OsError(e)));
      return Placed::kFailed;
    }
  }
  std::string failed_at;
  if (fresh) {
    if (int m = MakeNewParents(rel, &failed_at)) {
      Fail(failed_at, Message(msg::kDiskCannotCreateFolder, OsError(m)));
      return Placed::kFailed;
    }
  }
  // The same bytes in the output folder: share its file.
  if (out_at_open_) {
    const std::string source = out_ + "/" + rel;
    int ofd = OpenToCompare(source);
    if (ofd >= 0) {
      bool same = SameBytes(ofd, bytes);
      ::close(ofd);
      if (same) {
        int e = disk_.Link(source, target);
        if ((e == ENOENT || e == ENOTDIR) && MakeParents(rel, &failed_at) == 0)
          e = disk_.Link(source, target);
        if (e == 0) return Placed::kLinked;
        // EPERM (fs.protected_hardlinks: another user's file), EMLINK, …: write a copy.
      }
    }
  }
  int e = disk_.CreateFile(target, bytes);
  if (e == ENOENT || e == ENOTDIR) {
    if (int m = MakeParents(rel, &failed_at)) {
      Fail(failed_at, Message(msg::kDiskCannotCreateFolder, OsError(m)));
      return Placed::kFailed;
    }
    e = disk_.CreateFile(target, bytes);
  }
  if (e != 0) {
    if (e != EEXIST) disk_.Unlink(target);  // what a full disk let through
    Fail(target, Message(msg::kDiskCannotWriteFile, OsError(e)));
    return Placed::kFailed;
  }
  if (writeback_) writeback_->Added(bytes.size());
  std::lock_guard<BriefMutex> lock(mu_);
  written_.push_back(rel);
  return Placed::kWritten;
}

bool StagingSink::Put(const std::string& path, std::string bytes) {
  if (!opened_ || failed_) return false;
  if (!ValidRel(path)) {
    Fail(path, Message(msg::kOutputBadPath));
    return false;
  }
  bool fresh;
  {
    std::lock_guard<BriefMutex> lock(mu_);
    fresh = seen_.insert(path).second && !made_dirs_.count(path);
  }
  fresh = fresh && !listed_file_set_.count(path) && !listed_dir_set_.count(path);
  switch (Place(path, bytes, fresh)) {
    case Placed::kKept:
      ++kept_;
      return true;
    case Placed::kLinked:
      ++linked_;
      return true;
    case Placed::kWritten:
      ++written_count_;
      return true;
    case Placed::kFailed:
      return false;
  }
  return false;
}

// Removes from next/ every listed file and folder the new site lacks: before
// the swap from the next site (an error fails the build: a leftover would be
// published), after it from the previous site (`spare`: only the next
// build's work is at stake).
bool StagingSink::Prune(bool spare) {
  std::unordered_set<std::string> keep_dirs;
  for (const std::string& p : seen_) {
    for (size_t slash = p.find('/'); slash != std::string::npos; slash = p.find('/', slash + 1)) {
      keep_dirs.insert(p.substr(0, slash));
    }
  }
  // Removed folders, and files of the new site where the listing had a
  // folder: nothing below them is left to remove.
  std::unordered_set<std::string> gone;
  auto under_gone = [&](const std::string& rel) {
    for (size_t slash = rel.find('/'); slash != std::string::npos; slash = rel.find('/', slash + 1)) {
      std::string up = rel.substr(0, slash);
      if (gone.count(up) || seen_.count(up)) return true;
    }
    return false;
  };
  auto remove = [&](const std::string& rel, bool folder) {
    if (!spare && !MarkDirty()) return false;
    const std::string path = next_ + "/" + rel;
    int e = folder ? disk_.RemoveTree(path) : disk_.Unlink(path);
    if (e != 0 && e != ENOENT && e != ENOTDIR) {
      if (!spare) Fail(path, Message(msg::kDiskCannotRemove, OsError(e)));
      return false;
    }
    if (!spare) removed_.push_back(rel);
    return true;
  };
  // Folders come before what they hold (the listing walked down).
  for (const std::string& d : listed_dirs_) {
    if (keep_dirs.count(d) || seen_.count(d) || under_gone(d)) continue;
    if (!remove(d, true)) return false;
    gone.insert(d);
  }
  for (const std::string& f : listed_files_) {
    if (seen_.count(f) || keep_dirs.count(f) || under_gone(f)) continue;
    if (!remove(f, false)) return false;
  }
  return true;
}

// After the swap next/ holds the previous site. Make it the new site's
// twin: the new files linked in, the removed ones removed. When next/ was
// not the twin of the output folder before this build (verify_), what the
// previous site holds is unknown: it is listed and pruned. Failures only
// cost the next build some work (it checks every file), so they are not
// errors; they leave the dirty mark, so that the next build checks.
bool StagingSink::SyncSpare() {
  bool ok = true;
  std::string failed_at;
  for (const std::string& rel : written_) {
    const std::string target = next_ + "/" + rel, source = out_ + "/" + rel;
    int e = disk_.Unlink(target);
    if (e == EISDIR) e = disk_.RemoveTree(target);
    if (e != 0 && e != ENOENT && e != ENOTDIR) {  // ENOTDIR: a file where a folder goes, fixed below
      ok = false;
      continue;
    }
    e = disk_.Link(source, target);
    if ((e == ENOENT || e == ENOTDIR) && MakeParents(rel, &failed_at) == 0) e = disk_.Link(source, target);
    ok = ok && e == 0;
  }
  if (verify_) {
    listed_files_.clear();
    listed_dirs_.clear();
    std::vector<std::string> others;
    int fd = ::open(next_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    ok = ok && fd >= 0 && ListFolder(fd, "", &others);
    for (const std::string& rel : others) ok = ok && disk_.Unlink(next_ + "/" + rel) == 0;
    return ok && Prune(true);
  }
  for (const std::string& rel : removed_) {
    int e = disk_.RemoveTree(next_ + "/" + rel);
    ok = ok && (e == 0 || e == ENOENT);
  }
  return ok;
}

bool StagingSink::Commit() {
  if (!opened_ || failed_) return false;
  if (!Prune(false)) return false;
  // A web server's document root keeps its permissions.
  struct stat ost {
  }, nst{};
  if (::stat(out_.c_str(), &ost) == 0 && ::stat(next_.c_str(), &nst) == 0 &&
      (ost.st_mode & 07777) != (nst.st_mode & 07777)) {
    if (int e = disk_.Chmod(next_, ost.st_mode & 07777)) {
      Fail(next_, Message(msg::kDiskCannotWriteFile, OsError(e)));
      return false;
    }
  }
  if (writeback_) writeback_->Stop();
  if (!folder_.Record(diags_) || !folder_.Swap(opts_.durable, &had_output_, diags_)) {
    failed_ = true;
    return false;
  }
  bool twin = !had_output_ || SyncSpare();
  if (twin && dirty_marked_) disk_.Unlink(dirty_);
  return true;
}

WriteCounts StagingSink::counts() const {
  WriteCounts c;
  c.files = seen_.size();
  c.kept = kept_;
  c.linked = linked_;
  c.written = written_count_;
  c.removed = removed_.size();
  return c;
}

}  // namespace fazhi
