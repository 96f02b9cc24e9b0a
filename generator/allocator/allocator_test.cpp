#include "allocator/allocator.h"

#include "core/parallel.h"

#include <doctest/doctest.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#ifdef FAZHI_JEMALLOC
#include <jemalloc/jemalloc.h>
#endif

namespace fazhi {

namespace {

#ifdef FAZHI_JEMALLOC
// How many pages of [p, p + size) the kernel has backed.
size_t BackedPages(void* p, size_t size) {
  const auto page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  const uintptr_t start = reinterpret_cast<uintptr_t>(p) & ~(page - 1);
  const uintptr_t end = reinterpret_cast<uintptr_t>(p) + size;
  std::vector<unsigned char> in_core((end - start + page - 1) / page);
  REQUIRE(mincore(reinterpret_cast<void*>(start), end - start, in_core.data()) == 0);
  size_t n = 0;
  for (unsigned char c : in_core) n += c & 1;
  return n;
}

bool KernelAtLeast(int major, int minor) {
  utsname u{};
  int have_major = 0, have_minor = 0;
  REQUIRE(uname(&u) == 0);
  REQUIRE(std::sscanf(u.release, "%d.%d", &have_major, &have_minor) == 2);
  return have_major > major || (have_major == major && have_minor >= minor);
}
#endif

}  // namespace

TEST_CASE("allocator: memory jemalloc hands out is already backed, mapped in steps of at most 4 MiB") {
#ifdef FAZHI_JEMALLOC
  const AllocatorTuning t = TuneAllocator();
  CHECK(t.jemalloc);
  if (!t.populates) {
    // Only a kernel older than 5.14 lacks MADV_POPULATE_WRITE (Debian 12 has 6.1).
    CHECK_FALSE(KernelAtLeast(5, 14));
    return;
  }
  CHECK(t.arenas >= 1);
  CHECK(t.grow_limit == size_t{4} << 20);
  // A second call changes nothing (installed twice, the hooks would call themselves).
  const AllocatorTuning again = TuneAllocator();
  CHECK(again.arenas == t.arenas);
  CHECK(again.populates);
  // 16 MiB in blocks of 256 KiB, never written. Memory freshly mapped is
  // backed only when written, unless the hooks had the kernel back it.
  constexpr size_t kBlock = 256 << 10;
  std::vector<void*> blocks;
  for (int i = 0; i < 64; ++i) {
    blocks.push_back(std::malloc(kBlock));
    REQUIRE(blocks.back() != nullptr);
  }
  size_t backed = 0, pages = 0;
  for (void* p : blocks) {
    backed += BackedPages(p, kBlock);
    pages += kBlock / static_cast<size_t>(sysconf(_SC_PAGESIZE));
  }
  for (void* p : blocks) std::free(p);
  INFO("backed " << backed << " of " << pages << " pages");
  // Not all: the memory jemalloc mapped before TuneAllocator ran is not.
  CHECK(backed * 4 >= pages * 3);
#else
  // Under the sanitizers the program keeps their allocator and sets nothing.
  const AllocatorTuning t = TuneAllocator();
  CHECK_FALSE(t.jemalloc);
  CHECK(t.arenas == 0);
#endif
}

TEST_CASE("allocator: each worker of a parallel loop allocates from the arena of its number") {
#ifdef FAZHI_JEMALLOC
  // percpu_arena is off (it hangs with the extent hooks, see allocator.cpp):
  // jemalloc would refuse the binding otherwise.
  const char* percpu = nullptr;
  size_t len = sizeof percpu;
  REQUIRE(mallctl("opt.percpu_arena", &percpu, &len, nullptr, 0) == 0);
  CHECK(std::string(percpu) == "disabled");
  unsigned narenas = 0;
  len = sizeof narenas;
  REQUIRE(mallctl("arenas.narenas", &narenas, &len, nullptr, 0) == 0);
  REQUIRE(narenas >= 2);
  // Two loops, as two stages of a build: worker t uses arena t % narenas in both.
  for (int stage = 0; stage < 2; ++stage) {
    std::vector<unsigned> arena(3, UINT32_MAX);  // each slot written by its own worker only
    ParallelForWorker(300, 3, [&](size_t worker, size_t) {
      unsigned a = 0;
      size_t n = sizeof a;
      if (mallctl("thread.arena", &a, &n, nullptr, 0) == 0) arena[worker] = a;
      std::free(std::malloc(64));
    });
    size_t seen = 0;
    for (unsigned t = 0; t < arena.size(); ++t) {
      if (arena[t] == UINT32_MAX) continue;  // this worker found no item left
      CHECK(arena[t] == t % narenas);
      ++seen;
    }
    CHECK(seen >= 1);
  }
#else
  // Without jemalloc there is nothing to bind to: the loop still runs every item.
  std::atomic<int> items{0};
  ParallelForWorker(40, 2, [&](size_t, size_t) { ++items; });
  CHECK(items == 40);
#endif
}

}  // namespace fazhi
