// A mutex for sections a few hundred nanoseconds long that the render
// threads enter thousands of times each (a new search term, a new output
// folder). std::mutex puts a thread that finds it taken to sleep at once, and
// waking it took about 50 µs on the bench machine, a hundred times the
// section: a 10,000-page build's threads waited 40–60 ms in such sleeps
// (docs/performance.md, run 34). This one first tries again for a few
// microseconds, and sleeps only when the holder stays longer.
#pragma once

#include <mutex>

namespace fazhi {

class BriefMutex {
 public:
  void lock() {
    for (int i = 0; i < kTries; ++i) {
      if (mu_.try_lock()) return;
      Pause();
    }
    mu_.lock();
  }
  bool try_lock() { return mu_.try_lock(); }
  void unlock() { mu_.unlock(); }

 private:
  // About 10 µs in all, where a pause takes 40 ns (140 cycles on recent x86).
  static constexpr int kTries = 256;
  static void Pause() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield");
#endif
  }
  std::mutex mu_;
};

}  // namespace fazhi
