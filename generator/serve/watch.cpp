#include "serve/watch.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <system_error>

#include "core/source_tree.h"

namespace fazhi {
namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 5> kSourceDirs = {"content", "data", "layouts", "static", "themes"};
constexpr uint32_t kMask =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_ONLYDIR;

bool IsSourceDir(std::string_view name) {
  for (auto d : kSourceDirs) {
    if (d == name) return true;
  }
  return false;
}

std::string Join(const std::string& dir, std::string_view name) {
  return dir.empty() ? std::string(name) : dir + "/" + std::string(name);
}

}  // namespace

bool IsWatchedPath(std::string_view rel) {
  if (rel == "site.toml") return true;
  size_t slash = rel.find('/');
  if (!IsSourceDir(rel.substr(0, slash))) return false;
  while (slash != std::string_view::npos) {
    size_t next = rel.find('/', slash + 1);
    std::string_view part =
        rel.substr(slash + 1, next == std::string_view::npos ? std::string_view::npos : next - slash - 1);
    if (IsIgnoredFileName(part)) return false;
    slash = next;
  }
  return true;
}

Watcher::Watcher(fs::path root, WatchOptions opts) : root_(std::move(root)), opts_(opts) {}

Watcher::~Watcher() { Stop(); }

bool Watcher::Start(Callback on_change) {
  on_change_ = std::move(on_change);
  wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (wake_fd_ < 0) return false;
  polling_ = opts_.force_polling;
  if (!polling_) {
    inotify_fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (inotify_fd_ < 0) {
      polling_ = true;
    } else {
      ResetWatches();
      if (dirs_.empty() || watch_limit_hit_) {
        // The watch limit or the file system said no: a partly watched
        // tree would miss changes, so poll instead.
        close(inotify_fd_);
        inotify_fd_ = -1;
        dirs_.clear();
        polling_ = true;
      }
    }
  }
  if (polling_) {
    // The first snapshot is taken before Start returns, so a change made
    // right after Start is never part of the baseline.
    thread_ = std::thread([this, before = Snapshot()]() mutable { RunPolling(std::move(before)); });
  } else {
    thread_ = std::thread([this] { RunInotify(); });
  }
  return true;
}

void Watcher::Stop() {
  stop_ = true;
  if (wake_fd_ >= 0) {
    uint64_t one = 1;
    ssize_t n = write(wake_fd_, &one, sizeof one);
    (void)n;
  }
  if (thread_.joinable()) thread_.join();
  if (inotify_fd_ >= 0) close(inotify_fd_);
  if (wake_fd_ >= 0) close(wake_fd_);
  inotify_fd_ = wake_fd_ = -1;
}

void Watcher::AddWatch(const std::string& rel_dir) {
  fs::path p = rel_dir.empty() ? root_ : root_ / rel_dir;
  int wd = inotify_add_watch(inotify_fd_, p.c_str(), kMask);
  if (wd >= 0) {
    dirs_[wd] = rel_dir;
  } else if (errno == ENOSPC || errno == ENOMEM) {
    watch_limit_hit_ = true;  // fs.inotify.max_user_watches reached
  }
}

// Watches `rel_dir` and every folder below it, and collects the files found:
// files created in a new folder before its watch existed are only seen here.
bool Watcher::AddTree(const std::string& rel_dir, std::set<std::string>* found) {
  AddWatch(rel_dir);
  std::error_code ec;
  fs::recursive_directory_iterator it(root_ / rel_dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) return false;
  for (fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
    if (ec) break;
    std::string name = it->path().filename().string();
    bool dir = it->is_directory(ec);
    if (IsIgnoredFileName(name)) {
      if (dir) it.disable_recursion_pending();
      continue;
    }
    std::string rel = fs::relative(it->path(), root_, ec).generic_string();
    if (dir) {
      AddWatch(rel);
    } else if (found) {
      found->insert(rel);
    }
  }
  return true;
}

void Watcher::ResetWatches() {
  for (auto& [wd, dir] : dirs_) inotify_rm_watch(inotify_fd_, wd);
  dirs_.clear();
  AddWatch("");  // the root, for site.toml and for source folders appearing later
  for (auto d : kSourceDirs) {
    std::error_code ec;
    if (fs::is_directory(root_ / d, ec)) AddTree(std::string(d), nullptr);
  }
}

void Watcher::RunInotify() {
  using Clock = std::chrono::steady_clock;
  std::set<std::string> pending;
  bool rescan = false;
  bool have = false;
  Clock::time_point last;
  alignas(inotify_event) char buf[64 * 1024];
  while (!stop_) {
    int timeout = -1;
    if (have) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(last + opts_.debounce - Clock::now());
      timeout = left.count() > 0 ? static_cast<int>(left.count()) : 0;
    }
    pollfd fds[2] = {{inotify_fd_, POLLIN, 0}, {wake_fd_, POLLIN, 0}};
    int r = poll(fds, 2, timeout);
    if (r < 0 && errno != EINTR) break;
    if (stop_ || (r > 0 && (fds[1].revents & POLLIN))) break;
    if (r > 0 && (fds[0].revents & POLLIN)) {
      for (;;) {
        ssize_t n = read(inotify_fd_, buf, sizeof buf);
        if (n <= 0) break;  // EAGAIN: drained
        for (char* p = buf; p < buf + n;) {
          auto* ev = reinterpret_cast<inotify_event*>(p);
          p += sizeof(inotify_event) + ev->len;
          if (ev->mask & IN_Q_OVERFLOW) {
            rescan = have = true;
            continue;
          }
          auto dir = dirs_.find(ev->wd);
          if (dir == dirs_.end()) continue;
          if (ev->mask & (IN_IGNORED | IN_DELETE_SELF)) {
            if (ev->mask & IN_IGNORED) dirs_.erase(dir);
            continue;
          }
          std::string_view name = ev->len ? std::string_view(ev->name) : std::string_view();
          if (name.empty() || IsIgnoredFileName(name)) continue;
          if (dir->second.empty() && name != "site.toml" && !IsSourceDir(name)) continue;
          std::string rel = Join(dir->second, name);
          if (ev->mask & IN_ISDIR) {
            pending.insert(rel);
            have = true;
            if (ev->mask & (IN_MOVED_FROM | IN_MOVED_TO)) rescan = true;
            if (ev->mask & (IN_CREATE | IN_MOVED_TO)) AddTree(rel, &pending);
          } else if (ev->mask & (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE)) {
            // A bare IN_CREATE is skipped: the file is complete at CLOSE_WRITE.
            pending.insert(rel);
            have = true;
          }
          last = Clock::now();
        }
      }
    }
    if (watch_limit_hit_) {
      // A new folder could not be watched: switch to polling for good and
      // report a rescan, since changes in that folder may have been missed.
      close(inotify_fd_);
      inotify_fd_ = -1;
      dirs_.clear();
      polling_ = true;
      auto snapshot = Snapshot();
      on_change_(ChangeSet{{}, true});
      RunPolling(std::move(snapshot));
      return;
    }
    if (have && Clock::now() - last >= opts_.debounce) {
      // Folders moved or the queue overflowed: the watch table may point at
      // stale names, so rebuild it before reporting.
      if (rescan) ResetWatches();
      ChangeSet cs{std::vector<std::string>(pending.begin(), pending.end()), rescan};
      pending.clear();
      rescan = have = false;
      on_change_(cs);
    }
  }
}

std::map<std::string, Watcher::Stamp> Watcher::Snapshot() const {
  std::map<std::string, Stamp> out;
  std::error_code ec;
  if (fs::exists(root_ / "site.toml", ec)) {
    out["site.toml"] = {fs::last_write_time(root_ / "site.toml", ec), fs::file_size(root_ / "site.toml", ec)};
  }
  for (auto d : kSourceDirs) {
    fs::recursive_directory_iterator it(root_ / d, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      ec.clear();
      continue;
    }
    for (fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
      if (ec) break;
      bool dir = it->is_directory(ec);
      if (IsIgnoredFileName(it->path().filename().string())) {
        if (dir) it.disable_recursion_pending();
        continue;
      }
      if (dir) continue;
      std::string rel = fs::relative(it->path(), root_, ec).generic_string();
      out[rel] = {it->last_write_time(ec), it->file_size(ec)};
    }
  }
  return out;
}

bool Watcher::WaitForWake(std::chrono::milliseconds timeout) {
  pollfd fd = {wake_fd_, POLLIN, 0};
  int r = poll(&fd, 1, static_cast<int>(timeout.count()));
  return stop_ || (r > 0 && (fd.revents & POLLIN));
}

void Watcher::RunPolling(std::map<std::string, Stamp> before) {
  while (!WaitForWake(opts_.poll_interval)) {
    auto now = Snapshot();
    ChangeSet cs;
    auto a = before.begin();
    auto b = now.begin();
    // Merge the two sorted snapshots: anything added, removed or restamped.
    while (a != before.end() || b != now.end()) {
      if (b == now.end() || (a != before.end() && a->first < b->first)) {
        cs.paths.push_back((a++)->first);
      } else if (a == before.end() || b->first < a->first) {
        cs.paths.push_back((b++)->first);
      } else {
        if (!(a->second == b->second)) cs.paths.push_back(a->first);
        ++a, ++b;
      }
    }
    before = std::move(now);
    if (!cs.paths.empty()) on_change_(cs);
  }
}

}  // namespace fazhi
