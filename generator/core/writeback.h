// Early writeback of a build's output. A durable build ends with syncfs on
// the new site before it takes the output folder's place; on a disk that
// call waited 0.3-0.5 s for 150 MB of pages at 10,000 pages, while the two
// cores stood idle (docs/performance.md, run 18). The kernel starts writing
// dirty pages on its own only after 30 s or at a tenth of the memory, so
// without help every byte of the site is still to write when the build
// ends. Writeback asks the kernel, from a thread of its own, to write what
// has been written so far each time another `step` bytes have been added, so
// that the writing overlaps the rest of the build and the final syncfs has
// only the last part left.
//
// It only starts writing earlier what the final syncfs would write anyway:
// it changes nothing on disk, and its errors are left for that call to
// report. Per-file requests (sync_file_range on each file) were measured and
// rejected: one small request per file cost 0.75 s more system time than
// the kernel's own batched writeback of the same files.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>

namespace fazhi {

class Writeback {
 public:
  /// Nothing happens until `step` bytes have been added; `folder` is any
  /// folder on the file system written to. On a file system that keeps its
  /// files in memory (tmpfs, ramfs) it never starts.
  Writeback(const std::string& folder, size_t step);
  ~Writeback();
  Writeback(const Writeback&) = delete;
  Writeback& operator=(const Writeback&) = delete;

  /// `bytes` more were written. Thread-safe.
  void Added(size_t bytes);
  /// Waits for the request under way, if any, and ends the thread.
  void Stop();

  /// Requests made so far (tests).
  size_t requests() const;

 private:
  void Run();

  const size_t step_;
  std::atomic<bool> enabled_{false};  // read without the lock by every Added
  mutable std::mutex mu_;
  std::condition_variable wake_;
  size_t pending_ = 0;  // bytes since the last request began
  size_t requests_ = 0;
  bool stop_ = false;
  int fd_ = -1;
  std::thread thread_;
};

}  // namespace fazhi
