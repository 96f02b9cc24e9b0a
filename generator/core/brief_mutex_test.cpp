#include "core/brief_mutex.h"

#include <doctest/doctest.h>

#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace fazhi {

TEST_CASE("brief mutex: one thread at a time, whether the holder stays briefly or long") {
  BriefMutex mu;
  long shared = 0;  // a plain counter: increments lost if two threads held the lock at once
  auto work = [&](int rounds, bool long_holds) {
    for (int i = 0; i < rounds; ++i) {
      std::lock_guard<BriefMutex> lock(mu);
      const long seen = shared;
      // A long hold makes the other thread give up trying and sleep.
      if (long_holds && i % 1000 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
      shared = seen + 1;
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) threads.emplace_back(work, 100000, t % 2 == 0);
  for (std::thread& t : threads) t.join();
  CHECK(shared == 400000);
  CHECK(mu.try_lock());
  mu.unlock();
}

}  // namespace fazhi
