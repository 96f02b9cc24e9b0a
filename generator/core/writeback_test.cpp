#include "core/writeback.h"

#include <doctest/doctest.h>
#include <linux/magic.h>
#include <sys/vfs.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

namespace fazhi {
namespace {

bool InMemory(const std::string& folder) {
  struct statfs st {};
  return ::statfs(folder.c_str(), &st) != 0 || st.f_type == TMPFS_MAGIC || st.f_type == RAMFS_MAGIC;
}

// A folder on a file system with a disk behind it: the temporary folder, or
// else the checkout. Empty when neither is.
std::string DiskFolder() {
  for (std::string f : {std::filesystem::temp_directory_path().string(), std::string(FAZHI_SOURCE_DIR)}) {
    if (!InMemory(f)) return f;
  }
  return "";
}

// The requests made within `wait`, or as soon as there are `enough` (the
// thread makes them on its own time).
size_t RequestsWithin(const Writeback& wb, std::chrono::milliseconds wait, size_t enough = 1) {
  auto until = std::chrono::steady_clock::now() + wait;
  while (wb.requests() < enough && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return wb.requests();
}

TEST_CASE("writeback: on a disk, the kernel is asked to write once a step's bytes were written, not before") {
  const std::string folder = DiskFolder();
  if (folder.empty()) {
    MESSAGE("no folder on a disk here: skipped");
    return;
  }
  {
    Writeback wb(folder, 1000);
    wb.Added(600);
    wb.Added(399);
    CHECK(RequestsWithin(wb, std::chrono::milliseconds(200)) == 0);
    wb.Stop();
    CHECK(wb.requests() == 0);
  }
  Writeback wb(folder, 1000);
  wb.Added(600);
  wb.Added(400);
  CHECK(RequestsWithin(wb, std::chrono::seconds(20)) == 1);
  wb.Added(999);
  CHECK(RequestsWithin(wb, std::chrono::milliseconds(200), 2) == 1);
  wb.Added(1);  // the thread, waiting, is woken for the next step
  CHECK(RequestsWithin(wb, std::chrono::seconds(20), 2) == 2);
  wb.Stop();
  wb.Added(5000);  // after Stop: nothing more
  CHECK(wb.requests() == 2);
}

TEST_CASE("writeback: never on a file system kept in memory (tmpfs)") {
  const std::string folder = "/dev/shm";
  if (!std::filesystem::is_directory(folder) || !InMemory(folder)) {
    MESSAGE("no tmpfs at /dev/shm: skipped");
    return;
  }
  Writeback wb(folder, 1000);
  for (int i = 0; i < 10; ++i) wb.Added(1 << 20);
  CHECK(RequestsWithin(wb, std::chrono::milliseconds(300)) == 0);
}

}  // namespace
}  // namespace fazhi
