#include "core/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

// jemalloc's control call, when the program allocates with jemalloc (the
// fazhi program and its tests do; sanitizer builds keep their allocator, and
// then this is null). Weak, so that this library does not need jemalloc.
extern "C" int mallctl(const char* name, void* oldp, size_t* oldlenp, void* newp, size_t newlen)
    __attribute__((weak));

namespace fazhi {

namespace {

// Worker t of every parallel loop allocates from jemalloc's arena t (modulo
// the arenas there are). Each stage starts new threads: left to jemalloc,
// they were spread over all its arenas, and memory freed by one stage's
// threads was not reused by the next stage's. jemalloc's percpu_arena did
// that job until it turned out to hang a process, now and then, together
// with the extent hooks of generator/allocator (docs/performance.md, run 26).
void UseArenaOfWorker(size_t t) {
  if (mallctl == nullptr) return;
  unsigned narenas = 0;
  size_t len = sizeof narenas;
  if (mallctl("arenas.narenas", &narenas, &len, nullptr, 0) != 0 || narenas == 0) return;
  unsigned arena = static_cast<unsigned>(t % narenas);
  mallctl("thread.arena", nullptr, nullptr, &arena, sizeof arena);  // refused under percpu_arena: harmless
}

}  // namespace

size_t ThreadCount(size_t n, int jobs) {
  size_t threads = jobs > 0 ? static_cast<size_t>(jobs) : std::max(1u, std::thread::hardware_concurrency());
  return std::max<size_t>(1, std::min(threads, n));
}

void ParallelForWorker(size_t n, int jobs, const std::function<void(size_t, size_t)>& fn,
                       const std::function<void(size_t)>& done) {
  const size_t threads = ThreadCount(n, jobs);
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(0, i);
    if (done) done(0);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (size_t t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      UseArenaOfWorker(t);
      for (size_t i; (i = next.fetch_add(1)) < n;) fn(t, i);
      if (done) done(t);
    });
  }
  for (auto& t : pool) t.join();
}

void ParallelFor(size_t n, int jobs, const std::function<void(size_t)>& fn) {
  ParallelForWorker(n, jobs, [&](size_t, size_t i) { fn(i); });
}

}  // namespace fazhi
