#include "core/writeback.h"

#include <fcntl.h>
#include <linux/magic.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <system_error>

namespace fazhi {

namespace {

// Whether files written under `fd` are kept in memory only, where there is
// nothing to write back.
bool InMemory(int fd) {
  struct statfs st {};
  if (::fstatfs(fd, &st) != 0) return true;  // unknown: leave it to the final syncfs
  return st.f_type == TMPFS_MAGIC || st.f_type == RAMFS_MAGIC;
}

}  // namespace

Writeback::Writeback(const std::string& folder, size_t step) : step_(step) {
  fd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  enabled_ = fd_ >= 0 && !InMemory(fd_);
}

Writeback::~Writeback() {
  Stop();
  if (fd_ >= 0) ::close(fd_);
}

void Writeback::Added(size_t bytes) {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (stop_) return;
  pending_ += bytes;
  if (pending_ < step_) return;
  // The thread starts with the first step: a small site never has one.
  if (!thread_.joinable()) {
    try {
      thread_ = std::thread([this] { Run(); });
    } catch (const std::system_error&) {
      // No thread to be had (a process limit): the final syncfs does it all,
      // as before; the page being written must not fail for it.
      enabled_ = false;
      return;
    }
  }
  wake_.notify_one();
}

void Writeback::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    wake_.wait(lock, [this] { return stop_ || pending_ >= step_; });
    if (stop_) return;
    pending_ = 0;
    ++requests_;
    lock.unlock();
    // Returns once what was dirty when it began is on disk; what the build
    // writes meanwhile counts towards the next request.
    ::syncfs(fd_);
    lock.lock();
  }
}

void Writeback::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

size_t Writeback::requests() const {
  std::lock_guard<std::mutex> lock(mu_);
  return requests_;
}

}  // namespace fazhi
