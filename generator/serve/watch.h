// Watches a site's sources (site.toml, content/, data/, layouts/, static/,
// themes/) and reports debounced batches of changed paths. Uses inotify with
// one watch per folder (new folders are watched and scanned as they appear)
// and falls back to polling modification times when inotify is unavailable.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace fazhi {

struct WatchOptions {
  /// A batch is reported once no event arrived for this long, so an editor's
  /// save (temp file, rename) or a `git checkout` becomes one rebuild. Only
  /// completed writes (CLOSE_WRITE, MOVED_TO) start the clock, so the quiet
  /// window need not wait for slow writers. Measured (docs/serve.md): vim's
  /// save is a burst of 2.5 ms, a checkout of 3,000 files on ext4 leaves at
  /// most 4-9 ms between two writes with both cores busy; 20 ms holds both
  /// and is most of what an edit waits (50 ms was two thirds of it).
  std::chrono::milliseconds debounce{20};
  /// How often the polling fallback compares modification times.
  std::chrono::milliseconds poll_interval{500};
  bool force_polling = false;  ///< skip inotify (tests, odd file systems)
};

/// One debounced batch of changes.
struct ChangeSet {
  /// Changed, created or deleted paths relative to the site root, '/'
  /// separated, sorted. A created or deleted folder appears as the folder
  /// and, when created, as every file found in it.
  std::vector<std::string> paths;
  /// The event queue overflowed or folders moved: anything may have changed.
  bool rescan = false;
};

/// True when `rel` (relative to the site root) is something the site is
/// built from: site.toml or a file under one of the source folders, with no
/// ignored (dot, swap, backup) component.
bool IsWatchedPath(std::string_view rel);

class Watcher {
 public:
  using Callback = std::function<void(const ChangeSet&)>;

  Watcher(std::filesystem::path root, WatchOptions opts);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  /// Starts the watching thread; `on_change` runs on that thread, one batch
  /// at a time (events arriving meanwhile queue up for the next batch).
  /// Returns false only when neither inotify nor polling can start.
  bool Start(Callback on_change);

  /// Wakes the thread and joins it. Returns once any running callback ended.
  void Stop();

  /// "inotify" or "polling" once started.
  const char* mode() const { return polling_ ? "polling" : "inotify"; }

 private:
  void RunInotify();
  bool AddTree(const std::string& rel_dir, std::set<std::string>* found);
  void AddWatch(const std::string& rel_dir);
  void ResetWatches();
  struct Stamp {
    std::filesystem::file_time_type mtime;
    uintmax_t size = 0;
    bool operator==(const Stamp&) const = default;
  };
  std::map<std::string, Stamp> Snapshot() const;
  void RunPolling(std::map<std::string, Stamp> before);
  bool WaitForWake(std::chrono::milliseconds timeout);

  std::filesystem::path root_;
  WatchOptions opts_;
  Callback on_change_;
  std::thread thread_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> polling_{false};
  bool watch_limit_hit_ = false;
  int inotify_fd_ = -1;
  int wake_fd_ = -1;                 ///< eventfd: written by Stop() to end poll()
  std::map<int, std::string> dirs_;  ///< inotify watch descriptor → folder
};

}  // namespace fazhi
