// Where rendered files go. Rendering never touches the disk itself: it hands
// each finished file to an OutputSink, which either streams it into the
// staging folder (build) or keeps it in memory (serve, tests).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

struct OutputFile {
  std::string path;
  std::string bytes;
};

class OutputSink {
 public:
  virtual ~OutputSink() = default;
  /// Stores `bytes` at `path` (relative to the output root, '/' separated).
  /// Must be thread-safe: pages are rendered in parallel. Returns false when
  /// the file cannot be stored; the sink itself reports why (once, with the
  /// path and the cause), so callers only stop.
  virtual bool Put(const std::string& path, std::string bytes) = 0;
  /// Stores each of `files` (taking their bytes) as Put would, in order;
  /// false when one could not be stored. A sink that does several kinds of
  /// work per file (checks, the search index) does each for all the files
  /// before the next: a render thread then runs each kind of code, and
  /// holds each kind of data in its caches, for a batch of pages, not for
  /// one page between two renders (docs/performance.md, run 29).
  virtual bool PutAll(std::vector<OutputFile>* files);
};

/// What a render thread holds before handing it on: files, or bytes.
inline constexpr size_t kBatchFiles = 64;
inline constexpr size_t kBatchBytes = size_t{1} << 20;

/// Holds what one render thread writes and hands it on in batches
/// (OutputSink::PutAll) of up to `max_files` files or `max_bytes` bytes.
/// One per thread: unlike other sinks it is not thread-safe. The caller
/// calls Flush when the thread has written its last file; until then a
/// failure to store is returned by the Put that sent its batch on.
class BatchSink : public OutputSink {
 public:
  explicit BatchSink(OutputSink* next, size_t max_files = kBatchFiles, size_t max_bytes = kBatchBytes)
      : next_(next), max_files_(max_files), max_bytes_(max_bytes) {}
  bool Put(const std::string& path, std::string bytes) override;
  /// Hands on the files held; false when one could not be stored.
  bool Flush();

 private:
  OutputSink* next_;
  size_t max_files_, max_bytes_;
  size_t bytes_ = 0;
  std::vector<OutputFile> held_;
};

/// ParallelForWorker for a render loop: `fn(worker, i, out)` writes to
/// `out`, a BatchSink of its worker over `sink`, which the worker flushes on
/// its own thread after its last index.
void ParallelForBatches(size_t n, int jobs, OutputSink* sink,
                        const std::function<void(size_t worker, size_t i, OutputSink* out)>& fn);

/// Keeps every file in memory, sorted by path.
class MemorySink : public OutputSink {
 public:
  bool Put(const std::string& path, std::string bytes) override;
  const std::map<std::string, std::string, std::less<>>& files() const { return files_; }
  std::map<std::string, std::string, std::less<>> Take() { return std::move(files_); }
  /// The file at `path`, or nullptr.
  const std::string* Find(std::string_view path) const;

 private:
  std::mutex mu_;
  std::map<std::string, std::string, std::less<>> files_;
};

}  // namespace fazhi
