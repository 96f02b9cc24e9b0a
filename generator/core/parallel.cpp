#include "core/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace fazhi {

size_t ThreadCount(size_t n, int jobs) {
  size_t threads = jobs > 0 ? static_cast<size_t>(jobs) : std::max(1u, std::thread::hardware_concurrency());
  return std::max<size_t>(1, std::min(threads, n));
}

void ParallelForWorker(size_t n, int jobs, const std::function<void(size_t, size_t)>& fn) {
  const size_t threads = ThreadCount(n, jobs);
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(0, i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (size_t t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (size_t i; (i = next.fetch_add(1)) < n;) fn(t, i);
    });
  }
  for (auto& t : pool) t.join();
}

void ParallelFor(size_t n, int jobs, const std::function<void(size_t)>& fn) {
  ParallelForWorker(n, jobs, [&](size_t, size_t i) { fn(i); });
}

}  // namespace fazhi
