#include "core/disk.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <system_error>

namespace fazhi {

namespace {

int Errno(int rc) { return rc == 0 ? 0 : errno; }

}  // namespace

int Disk::Mkdir(const std::string& path, mode_t mode) const {
  if (int e = Step("mkdir", path)) return e;
  return Errno(::mkdir(path.c_str(), mode));
}

int Disk::CreateFile(const std::string& path, std::string_view bytes) const {
  if (int e = Step("create", path)) return e;
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) return errno;
  int err = Step("write", path);
  for (size_t done = 0; err == 0 && done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) err = n < 0 ? errno : EIO;
    if (n > 0) done += static_cast<size_t>(n);
  }
  // close reports the delayed errors of some file systems (NFS, a full disk).
  if (::close(fd) != 0 && err == 0) err = errno;
  return err;
}

int Disk::Link(const std::string& from, const std::string& to) const {
  if (int e = Step("link", to)) return e;
  return Errno(::link(from.c_str(), to.c_str()));
}

int Disk::Unlink(const std::string& path) const {
  if (int e = Step("unlink", path)) return e;
  return Errno(::unlink(path.c_str()));
}

int Disk::RemoveTree(const std::string& path) const {
  if (int e = Step("remove-tree", path)) return e;
  std::error_code ec;
  std::filesystem::remove_all(path, ec);  // does not follow symbolic links
  return ec ? ec.value() : 0;
}

int Disk::Rename(const std::string& from, const std::string& to) const {
  if (int e = Step("rename", to)) return e;
  return Errno(::rename(from.c_str(), to.c_str()));
}

int Disk::Exchange(const std::string& a, const std::string& b) const {
  if (int e = Step("exchange", b)) return e;
  return Errno(::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE));
}

int Disk::Chmod(const std::string& path, mode_t mode) const {
  if (int e = Step("chmod", path)) return e;
  return Errno(::chmod(path.c_str(), mode));
}

int Disk::Fsync(const std::string& path) const {
  if (int e = Step("fsync", path)) return e;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno;
  int err = Errno(::fsync(fd));
  ::close(fd);
  return err;
}

int Disk::Syncfs(const std::string& path) const {
  if (int e = Step("syncfs", path)) return e;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno;
  int err = Errno(::syncfs(fd));
  ::close(fd);
  return err;
}

}  // namespace fazhi
