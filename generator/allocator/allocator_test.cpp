#include "allocator/allocator.h"

#include <doctest/doctest.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

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

}  // namespace fazhi
