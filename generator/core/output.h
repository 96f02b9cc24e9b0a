// Where rendered files go. Rendering never touches the disk itself: it hands
// each finished file to an OutputSink, which either streams it into the
// staging folder (build) or keeps it in memory (serve, tests).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace fazhi {

/// A whole site's output files by path relative to the site root
/// ("reports/2024/index.html"), shared so that an incremental rebuild can
/// keep the unchanged ones without copying them.
using SiteFiles = std::map<std::string, std::shared_ptr<const std::string>, std::less<>>;

class OutputSink {
 public:
  virtual ~OutputSink() = default;
  /// Stores `bytes` at `path` (relative to the output root, '/' separated).
  /// Must be thread-safe: pages are rendered in parallel. Returns false when
  /// the file cannot be stored; the sink itself reports why (once, with the
  /// path and the cause), so callers only stop.
  virtual bool Put(const std::string& path, std::string bytes) = 0;
};

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
