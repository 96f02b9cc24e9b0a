#include "core/output_folder.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include "core/messages.h"
#include "core/os_error.h"

namespace fazhi {
namespace fs = std::filesystem;

namespace {

// The first line of fazhi.txt: what makes a work folder provably fazhi's.
constexpr std::string_view kStamp = "fazhi output work folder v1\n";
constexpr std::string_view kStampText =
    "fazhi output work folder v1\n"
    "这是 fazhi build 的工作文件夹，属于旁边的输出文件夹：next/ 是下一次构建的网站（与输出文件夹\n"
    "共用未改动的文件），ids 记录哪些文件夹是 fazhi 生成的，lock 防止两个构建同时写入。\n"
    "不要发布它；没有构建在运行时可以删除它（之后的第一次构建会慢一些，而且要先删除输出文件夹）。\n"
    "\n"
    "The work folder of `fazhi build` for the output folder beside it: next/ is the next build's site\n"
    "(sharing unchanged files with the output folder), ids records which folders fazhi wrote, lock keeps\n"
    "two builds from writing at once. Do not publish it; it may be deleted when no build runs (the next\n"
    "build is then slower, and the output folder must be deleted first).\n";

// A folder's identity over time: inode number and birth time, so that a new
// folder that happens to get a reused inode number is not taken for fazhi's.
struct FolderId {
  uint64_t ino = 0;
  int64_t btime_sec = -1;  // -1: the file system keeps no birth time
  uint32_t btime_nsec = 0;

  bool Matches(const FolderId& o) const {
    return ino == o.ino &&
           (btime_sec < 0 || o.btime_sec < 0 || (btime_sec == o.btime_sec && btime_nsec == o.btime_nsec));
  }
  std::string Text() const {
    return std::to_string(ino) + " " +
           (btime_sec < 0 ? std::string("-") : std::to_string(btime_sec) + "." + std::to_string(btime_nsec));
  }
};

bool IdOf(const std::string& path, FolderId* id) {
  struct statx sx {};
  if (statx(AT_FDCWD, path.c_str(), AT_SYMLINK_NOFOLLOW, STATX_INO | STATX_TYPE | STATX_BTIME, &sx) != 0 ||
      !S_ISDIR(sx.stx_mode)) {
    return false;
  }
  id->ino = sx.stx_ino;
  if (sx.stx_mask & STATX_BTIME) {
    id->btime_sec = sx.stx_btime.tv_sec;
    id->btime_nsec = sx.stx_btime.tv_nsec;
  }
  return true;
}

std::vector<FolderId> ReadIds(const std::string& file) {
  std::vector<FolderId> ids;
  std::ifstream in(file);
  std::string line;
  if (!std::getline(in, line) || line != "fazhi output ids v1") return ids;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    FolderId id;
    std::string btime;
    if (!(ls >> id.ino >> btime)) continue;
    if (btime != "-") {
      size_t dot = btime.find('.');
      if (dot == std::string::npos) continue;
      id.btime_sec = std::stoll(btime.substr(0, dot));
      id.btime_nsec = static_cast<uint32_t>(std::stoul(btime.substr(dot + 1)));
    }
    ids.push_back(id);
  }
  return ids;
}

bool Exists(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

bool IsDir(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool IsRegular(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool IsEmptyDir(const std::string& path) {
  std::error_code ec;
  return fs::directory_iterator(path, ec) == fs::directory_iterator() && !ec;
}

// `dir` holds nothing, or only the beginning of the stamp file `stamp`.
bool OnlyPartialStamp(const std::string& dir, const std::string& stamp) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().string() != stamp) return false;
  }
  if (ec) return false;
  std::ifstream in(stamp, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return text.size() <= kStampText.size() && kStampText.starts_with(text);
}

fs::path Canonical(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(fs::absolute(p, ec), ec);
  return ec ? fs::absolute(p) : c;
}

// True when `inner` is `outer` or lies inside it.
bool IsWithin(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin(), o = outer.begin();
  for (; o != outer.end(); ++i, ++o) {
    if (o->empty()) continue;  // trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

// The process is gone (not merely another user's: EPERM means it lives).
bool ProcessDead(long pid) { return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH; }

}  // namespace

fs::path WorkFolderOf(const fs::path& output) {
  fs::path out = output;
  if (!out.has_filename()) out = out.parent_path();  // "public/"
  return out.parent_path() / ("." + out.filename().string() + ".fazhi");
}

bool CheckOutputDir(const fs::path& source_dir, const fs::path& output_dir, Diagnostics* diags) {
  fs::path src = Canonical(source_dir);
  fs::path out = Canonical(output_dir);
  std::string shown = output_dir.string();
  if (IsWithin(src, out)) {
    diags->Error(shown, 0, 0, Message(msg::kOutputContainsSource));
    return false;
  }
  for (const char* input : {"content", "data", "layouts", "static", "themes"}) {
    if (IsWithin(out, src / input)) {
      diags->Error(shown, 0, 0, Message(msg::kOutputInsideInput, input));
      return false;
    }
  }
  if (!Exists(out)) return true;
  if (!IsDir(out)) {
    diags->Error(shown, 0, 0, Message(msg::kOutputNotFolder));
    return false;
  }
  struct stat st {
  }, pst{};
  if (::stat(out.c_str(), &st) == 0 && ::stat(out.parent_path().c_str(), &pst) == 0 &&
      st.st_dev != pst.st_dev) {
    diags->Error(shown, 0, 0, Message(msg::kOutputMountPoint));
    return false;
  }
  Disk disk;
  if (!IsEmptyDir(out) && !OutputFolder(out, &disk).Owned()) {
    diags->Error(shown, 0, 0, Message(msg::kOutputNotOurs, WorkFolderOf(output_dir).string()));
    return false;
  }
  return true;
}

OutputFolder::OutputFolder(const fs::path& output, const Disk* disk) : disk_(disk) {
  fs::path out = output;
  if (!out.has_filename()) out = out.parent_path();
  out_ = out.string();
  parent_ = out.parent_path().string();
  name_ = out.filename().string();
  work_ = WorkFolderOf(out).string();
  next_ = work_ + "/next";
  old_ = work_ + "/old";
  ids_ = work_ + "/ids";
}

OutputFolder::~OutputFolder() {
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the flock
}

bool OutputFolder::Owned() const {
  FolderId id;
  if (!IdOf(out_, &id)) return false;
  for (const FolderId& known : ReadIds(ids_)) {
    if (known.Matches(id)) return true;
  }
  return IsRegular(out_ + "/" + kLegacyOutputMarker);
}

bool OutputFolder::Open(Diagnostics* diags) {
  if (!OpenWork(diags) || !Lock(diags)) return false;
  FinishInterruptedSwap();
  RemoveLegacyLeftovers(diags);
  if (Exists(next_) && !IsDir(next_)) disk_->RemoveTree(next_);
  if (!IsDir(next_)) {
    if (int e = disk_->Mkdir(next_)) {
      diags->Error(next_, 0, 0, Message(msg::kDiskCannotCreateFolder, OsError(e)));
      return false;
    }
  }
  return true;
}

bool OutputFolder::OpenWork(Diagnostics* diags) {
  // The folders above the output (`--output a/b/public` with a/b missing).
  std::vector<fs::path> missing;
  for (fs::path p = parent_; !p.empty() && !Exists(p.string()); p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    int e = disk_->Mkdir(it->string());
    if (e != 0 && e != EEXIST) {
      diags->Error(it->string(), 0, 0, Message(msg::kDiskCannotCreateFolder, OsError(e)));
      return false;
    }
  }
  const std::string stamp = work_ + "/fazhi.txt";
  int e = disk_->Mkdir(work_);
  if (e == EEXIST) {
    std::ifstream in(stamp, std::ios::binary);
    std::string head(kStamp.size(), '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    if (IsDir(work_) && in && head == kStamp) return true;
    // A crash between creating the folder and writing its stamp leaves it
    // empty or with part of the stamp.
    if (!IsDir(work_) || !OnlyPartialStamp(work_, stamp)) {
      diags->Error(work_, 0, 0, Message(msg::kOutputWorkNotOurs));
      return false;
    }
  } else if (e != 0) {
    diags->Error(work_, 0, 0, Message(msg::kDiskCannotCreateFolder, OsError(e)));
    return false;
  }
  disk_->Unlink(stamp);
  if (int w = disk_->CreateFile(stamp, kStampText)) {
    diags->Error(stamp, 0, 0, Message(msg::kDiskCannotWriteFile, OsError(w)));
    return false;
  }
  return true;
}

bool OutputFolder::Lock(Diagnostics* diags) {
  const std::string lock = work_ + "/lock";
  lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (lock_fd_ < 0) {
    diags->Error(lock, 0, 0, Message(msg::kDiskCannotOpen, OsError(errno)));
    return false;
  }
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK) {
      char buf[32] = {};
      ssize_t n = ::pread(lock_fd_, buf, sizeof buf - 1, 0);
      std::string pid = n > 0 ? std::string(buf, static_cast<size_t>(n)) : "?";
      while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
      diags->Error(out_, 0, 0, Message(msg::kOutputBusy, pid));
      ::close(lock_fd_);
      lock_fd_ = -1;
      return false;
    }
    // ENOLCK: a network file system without locking; go on unlocked.
  }
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(lock_fd_, 0) == 0) (void)!::pwrite(lock_fd_, pid.data(), pid.size(), 0);
  return true;
}

void OutputFolder::FinishInterruptedSwap() {
  if (!Exists(old_)) return;
  if (!Exists(out_)) {
    disk_->Rename(old_, out_);  // the crash fell between the two renames: the previous site goes back
  } else if (!Exists(next_)) {
    disk_->Rename(old_, next_);  // after both: the previous site is the spare, as after an exchange
  } else {
    disk_->RemoveTree(old_);
  }
}

void OutputFolder::RemoveLegacyLeftovers(Diagnostics* diags) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(parent_, ec)) {
    const std::string name = entry.path().filename().string();
    bool tmp = name.rfind(name_ + ".tmp-", 0) == 0, old = name.rfind(name_ + ".old-", 0) == 0;
    if (!tmp && !old) continue;
    std::string digits = name.substr(name_.size() + 5);
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos)
      continue;
    const std::string path = entry.path().string();
    if (!IsDir(path) || !ProcessDead(std::stol(digits))) continue;
    if (!IsRegular(path + "/" + kLegacyOutputMarker)) {
      diags->Warning(path, 0, 0, Message(msg::kOutputLeftover));
    } else if (old && !Exists(out_)) {
      disk_->Rename(path, out_);  // killed between its two renames: its previous site goes back
    } else {
      disk_->RemoveTree(path);
    }
  }
}

bool OutputFolder::Record(Diagnostics* diags) {
  std::vector<FolderId> want;
  FolderId id;
  if (IdOf(out_, &id)) want.push_back(id);
  if (IdOf(next_, &id)) want.push_back(id);
  std::vector<FolderId> have = ReadIds(ids_);
  auto covers = [](const std::vector<FolderId>& a, const std::vector<FolderId>& b) {
    for (const FolderId& x : b) {
      bool found = false;
      for (const FolderId& y : a) found = found || (y.ino == x.ino && y.Text() == x.Text());
      if (!found) return false;
    }
    return true;
  };
  if (covers(have, want) && covers(want, have)) return true;
  std::string text = "fazhi output ids v1\n";
  for (const FolderId& w : want) text += w.Text() + "\n";
  const std::string tmp = ids_ + ".tmp";
  disk_->Unlink(tmp);
  int e = disk_->CreateFile(tmp, text);
  if (e == 0) e = disk_->Fsync(tmp);
  if (e == 0) e = disk_->Rename(tmp, ids_);
  if (e == 0) e = disk_->Fsync(work_);
  if (e != 0) {
    diags->Error(ids_, 0, 0, Message(msg::kDiskCannotWriteFile, OsError(e)));
    return false;
  }
  return true;
}

bool OutputFolder::Swap(bool durable, bool* had_output, Diagnostics* diags) {
  if (durable) {
    if (int e = disk_->Syncfs(next_)) {
      diags->Error(next_, 0, 0, Message(msg::kDiskCannotSync, OsError(e)));
      return false;
    }
  }
  *had_output = Exists(out_);
  bool renamed = false;  // swapped with two renames; the previous site is in old/
  int e = 0;
  if (!*had_output) {
    e = disk_->Rename(next_, out_);
  } else {
    e = disk_->Exchange(next_, out_);
    if (e == EINVAL || e == ENOSYS || e == EOPNOTSUPP) {
      // No RENAME_EXCHANGE here (some network and FAT file systems): two
      // renames; a crash between them is undone by the next build's Open.
      e = disk_->Rename(out_, old_);
      if (e == 0) {
        e = disk_->Rename(next_, out_);
        if (e != 0) disk_->Rename(old_, out_);
      }
      renamed = e == 0;
    }
  }
  if (e != 0) {
    diags->Error(out_, 0, 0, Message(msg::kDiskCannotSwap, OsError(e)));
    return false;
  }
  if (durable) {
    int s = disk_->Fsync(parent_);
    if (s == 0) s = disk_->Fsync(work_);
    if (s != 0) diags->Warning(out_, 0, 0, Message(msg::kDiskCannotSyncSwap, OsError(s)));
  }
  if (renamed) disk_->Rename(old_, next_);
  return true;
}

}  // namespace fazhi
