#include "core/parallel.h"

#include <doctest/doctest.h>

#include <mutex>
#include <thread>
#include <vector>

namespace fazhi {

TEST_CASE("parallel: each worker runs done once, on its own thread, after the last index it took") {
  for (int jobs : {1, 3}) {
    INFO("jobs " << jobs);
    const size_t n = 200, workers = ThreadCount(n, jobs);
    std::mutex mu;
    std::vector<std::thread::id> thread_of(workers);
    std::vector<size_t> taken(workers), done_after(workers), done_calls(workers);
    std::vector<bool> done_thread_ok(workers, true);
    size_t total = 0;
    ParallelForWorker(
        n, jobs,
        [&](size_t w, size_t) {
          std::lock_guard<std::mutex> lock(mu);
          thread_of[w] = std::this_thread::get_id();
          ++taken[w];
          ++total;
        },
        [&](size_t w) {
          std::lock_guard<std::mutex> lock(mu);
          ++done_calls[w];
          done_after[w] = taken[w];
          if (taken[w] > 0 && thread_of[w] != std::this_thread::get_id()) done_thread_ok[w] = false;
        });
    CHECK(total == n);
    for (size_t w = 0; w < workers; ++w) {
      CHECK(done_calls[w] == 1);
      CHECK(done_after[w] == taken[w]);  // nothing taken after done
      CHECK(done_thread_ok[w]);
    }
  }
}

TEST_CASE("parallel: with nothing to do, the one worker still runs done") {
  int calls = 0;
  ParallelForWorker(
      0, 4, [](size_t, size_t) {}, [&](size_t w) { calls += w == 0 ? 1 : 100; });
  CHECK(calls == 1);
}

}  // namespace fazhi
