#include "serve/watch.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

namespace fazhi {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

struct TempSite {
  TempSite() {
    root = fs::temp_directory_path() /
           ("fazhi-watch-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(root);
    fs::create_directories(root / "content");
    Write("site.toml", "title = \"x\"\n");
    Write("content/a.md", "a\n");
  }
  ~TempSite() { fs::remove_all(root); }
  void Write(const std::string& rel, const std::string& text) {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel, std::ios::binary) << text;
  }
  fs::path root;
  static inline int counter = 0;
};

// Collects batches from the watcher thread.
struct Batches {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<ChangeSet> got;
  Watcher::Callback Callback() {
    return [this](const ChangeSet& cs) {
      std::lock_guard<std::mutex> lock(mu);
      got.push_back(cs);
      cv.notify_all();
    };
  }
  /// Waits until the union of reported paths contains `want`; returns the union.
  std::set<std::string> WaitFor(const std::string& want, std::chrono::milliseconds limit = 3s) {
    std::unique_lock<std::mutex> lock(mu);
    std::set<std::string> all;
    cv.wait_for(lock, limit, [&] {
      all.clear();
      for (auto& b : got)
        for (auto& p : b.paths) all.insert(p);
      return all.count(want) > 0;
    });
    return all;
  }
  size_t count() {
    std::lock_guard<std::mutex> lock(mu);
    return got.size();
  }
};

}  // namespace

TEST_CASE("watch: IsWatchedPath keeps sources and drops editor files") {
  CHECK(IsWatchedPath("site.toml"));
  CHECK(IsWatchedPath("content/reports/2024.md"));
  CHECK(IsWatchedPath("themes/default/layouts/page.mustache"));
  CHECK_FALSE(IsWatchedPath("public/index.html"));
  CHECK_FALSE(IsWatchedPath("content/.a.md.swp"));
  CHECK_FALSE(IsWatchedPath("content/.git/x.md"));
  CHECK_FALSE(IsWatchedPath("content/a.md~"));
  CHECK_FALSE(IsWatchedPath("README.md"));
}

TEST_CASE("watch: an editor's atomic save is one batch with the real file only") {
  TempSite site;
  Batches b;
  Watcher w(site.root, WatchOptions{});
  REQUIRE(w.Start(b.Callback()));
  CHECK(std::string(w.mode()) == "inotify");
  // vim-style: write a swap file, then rename it over the target.
  site.Write("content/.a.md.swp", "new text\n");
  fs::rename(site.root / "content/.a.md.swp", site.root / "content/a.md");
  auto all = b.WaitFor("content/a.md");
  CHECK(all == std::set<std::string>{"content/a.md"});
  w.Stop();
  CHECK(b.count() == 1);
}

TEST_CASE("watch: the default quiet window takes a checkout's writes a few ms apart as one batch") {
  TempSite site;
  Batches b;
  Watcher w(site.root, WatchOptions{});
  REQUIRE(w.Start(b.Callback()));
  // 100 files 3 ms apart, as `git checkout` writes them (4-9 ms apart at
  // most on a loaded machine: docs/serve.md); the window is 20 ms.
  // A batch may end only where this thread was kept from writing for a
  // good part of the window (under load, ctest -j2 beside a browser); such
  // pauses are counted, and without one there must be one batch.
  std::set<std::string> want;
  int paused = 0;
  auto last = std::chrono::steady_clock::now();
  for (int i = 0; i < 100; ++i) {
    std::string rel = "content/p" + std::to_string(i) + ".md";
    site.Write(rel, "text " + std::to_string(i) + "\n");
    const auto now = std::chrono::steady_clock::now();
    if (i > 0 && now - last > WatchOptions{}.debounce / 2) ++paused;
    last = now;
    want.insert(rel);
    std::this_thread::sleep_for(3ms);
  }
  auto all = b.WaitFor("content/p99.md");
  CHECK(all == want);
  w.Stop();
  CAPTURE(paused);
  CHECK(b.count() >= 1);
  CHECK(b.count() <= 1 + static_cast<size_t>(paused));
}

TEST_CASE("watch: a new nested folder is watched and its early files are found") {
  TempSite site;
  Batches b;
  Watcher w(site.root, WatchOptions{.debounce = 50ms});
  REQUIRE(w.Start(b.Callback()));
  // The file appears before any watch on new/deep can exist.
  site.Write("content/new/deep/b.md", "b\n");
  auto all = b.WaitFor("content/new/deep/b.md");
  CHECK(all.count("content/new/deep/b.md") == 1);
  // And the new folder is watched from now on.
  site.Write("content/new/deep/c.md", "c\n");
  all = b.WaitFor("content/new/deep/c.md");
  CHECK(all.count("content/new/deep/c.md") == 1);
}

TEST_CASE("watch: site.toml and a deleted file are reported, files outside the sources are not") {
  TempSite site;
  Batches b;
  Watcher w(site.root, WatchOptions{.debounce = 30ms});
  REQUIRE(w.Start(b.Callback()));
  site.Write("notes.txt", "not a source\n");
  site.Write("site.toml", "title = \"y\"\n");
  fs::remove(site.root / "content/a.md");
  auto all = b.WaitFor("content/a.md");
  CHECK(all == std::set<std::string>{"content/a.md", "site.toml"});
}

TEST_CASE("watch: polling fallback reports changed, new and deleted files") {
  TempSite site;
  Batches b;
  Watcher w(site.root, WatchOptions{.poll_interval = 50ms, .force_polling = true});
  REQUIRE(w.Start(b.Callback()));
  CHECK(std::string(w.mode()) == "polling");
  site.Write("content/a.md", "longer text than before\n");
  site.Write("content/b.md", "b\n");
  site.Write("content/.hidden.md", "h\n");
  auto all = b.WaitFor("content/b.md");
  CHECK(all.count("content/a.md") == 1);
  CHECK(all.count("content/.hidden.md") == 0);
  fs::remove(site.root / "content/b.md");
  size_t before = b.count();
  std::unique_lock<std::mutex> lock(b.mu);
  b.cv.wait_for(lock, 3s, [&] { return b.got.size() > before; });
  REQUIRE(b.got.size() > before);
  CHECK(b.got.back().paths == std::vector<std::string>{"content/b.md"});
}

TEST_CASE("watch: Stop wakes the thread promptly in both modes") {
  TempSite site;
  for (bool polling : {false, true}) {
    Watcher w(site.root, WatchOptions{.poll_interval = 10s, .force_polling = polling});
    REQUIRE(w.Start([](const ChangeSet&) {}));
    auto t0 = std::chrono::steady_clock::now();
    w.Stop();
    CHECK(std::chrono::steady_clock::now() - t0 < 5s);  // half the poll interval
  }
}

}  // namespace fazhi
