#include "allocator/allocator.h"

#ifdef FAZHI_JEMALLOC
#include <jemalloc/jemalloc.h>
#include <sys/mman.h>

#include <algorithm>
#include <string>
#include <thread>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14; glibc 2.36's headers have it, older ones do not
#endif

// jemalloc's settings for the programs that link this library, read once at
// their start (MALLOC_CONF in the environment still overrides them).
// - Not percpu_arena (one arena per CPU, used by whichever thread runs
//   there), though it had made builds 5-12 % faster (docs/performance.md,
//   run 9): with the extent hooks below, jemalloc 5.3.0 (Debian 12's) now and
//   then locks a mutex its own thread already holds, and the process hangs
//   for good (`fazhi_tests`, the file watcher's thread freeing memory: 10
//   hangs in about 730 runs of the allocator and watch tests; none in 1,000
//   runs without the hooks, none in 600 without percpu_arena). Instead each
//   worker of a parallel loop is bound to the arena of its number
//   (core/parallel.cpp), which keeps what percpu_arena was for, and only as
//   many arenas as cores get the hooks (run 26).
// - No transparent huge pages of our own asking (jemalloc's default; the
//   kernel's THP setting still applies). Forcing them ("thp:always") was 13 %
//   faster in run 9, but on a VM that hands free memory back to its host
//   (free page reporting, common in clouds) a new huge page is faulted in from
//   the host on first touch, at about 0.1 GiB/s against 0.9 GiB/s for small
//   pages (bench/fresh_memory.cpp): 8-15 % slower with search on (run 15).
//   MALLOC_CONF=thp:always turns them on.
// - oversize_threshold:0: no separate arena for allocations of 8 MiB and more
//   (a site's large files, the search index's lists). That arena is created on
//   its first use, after TuneAllocator has run, so its memory would not be
//   backed at once like the others'.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "metadata_thp:disabled,oversize_threshold:0";
}

namespace fazhi {

namespace {

// jemalloc keeps a pointer to the hooks and passes it back to each call: the
// default hooks travel with ours, in the same object, instead of in a global.
struct PopulatingHooks {
  extent_hooks_t hooks;  // first: jemalloc's pointer to it is a pointer to the whole
  extent_hooks_t* next;  // jemalloc's own, which map the memory
};

// Maps memory with jemalloc's own hook, then has the kernel back it in one
// call. A failure to back it (no memory now) is not an error: the pages are
// then backed one by one when written, as without this hook.
void* PopulatingAlloc(extent_hooks_t* hooks, void* new_addr, size_t size, size_t alignment, bool* zero,
                      bool* commit, unsigned arena_ind) {
  extent_hooks_t* next = reinterpret_cast<PopulatingHooks*>(hooks)->next;
  void* p = next->alloc(next, new_addr, size, alignment, zero, commit, arena_ind);
  if (p != nullptr && *commit) madvise(p, size, MADV_POPULATE_WRITE);
  return p;
}

bool KernelPopulates() {
  const size_t page = 4096;
  void* p = mmap(nullptr, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return false;
  const bool ok = madvise(p, page, MADV_POPULATE_WRITE) == 0;
  munmap(p, page);
  return ok;
}

// An arena maps memory in steps that grow with each step (2 MiB, 2.5, 3, …);
// backed at once, the unused end of the last step would count as used. 4 MiB
// steps cost no time and keep that to a few MiB per arena (gen_mixed 10,000
// pages: peak 147 MiB with unlimited steps, 132 with 4 MiB steps; 118 without
// backing).
constexpr size_t kGrowLimit = size_t{4} << 20;

AllocatorTuning Install() {
  AllocatorTuning t;
  t.jemalloc = true;
  t.populates = KernelPopulates();
  if (!t.populates) return t;
  unsigned narenas = 0;
  size_t len = sizeof narenas;
  if (mallctl("arenas.narenas", &narenas, &len, nullptr, 0) != 0) return t;
  static PopulatingHooks hooks;  // read by jemalloc for the life of the process
  // The arenas the workers of a parallel loop are bound to, one per core
  // (core/parallel.cpp): hooking an arena creates it, and backs its first
  // mapping, which for jemalloc's other arenas (four per core) would be
  // memory held for threads that mostly never come.
  narenas = std::min(narenas, std::max(1u, std::thread::hardware_concurrency()));
  for (unsigned i = 0; i < narenas; ++i) {
    const std::string arena = "arena." + std::to_string(i) + ".";
    extent_hooks_t* current = nullptr;
    len = sizeof current;
    if (mallctl((arena + "extent_hooks").c_str(), &current, &len, nullptr, 0) != 0) continue;
    if (t.arenas == 0) {  // the first arena: jemalloc's hooks, which all its arenas share
      hooks.hooks = *current;
      hooks.hooks.alloc = &PopulatingAlloc;
      hooks.next = current;
    } else if (current != hooks.next) {
      continue;  // hooks of somebody else's: left alone
    }
    // Setting the hooks of an arena not used yet creates it, with them.
    extent_hooks_t* mine = &hooks.hooks;
    if (mallctl((arena + "extent_hooks").c_str(), nullptr, nullptr, &mine, sizeof mine) != 0) continue;
    ++t.arenas;
    size_t limit = kGrowLimit;
    if (mallctl((arena + "retain_grow_limit").c_str(), nullptr, nullptr, &limit, sizeof limit) == 0)
      t.grow_limit = limit;
  }
  return t;
}

}  // namespace

// Once per process: a second installation would find its own hooks in place
// of jemalloc's and pass every allocation to itself.
AllocatorTuning TuneAllocator() {
  static const AllocatorTuning tuning = Install();
  return tuning;
}

}  // namespace fazhi

#else

namespace fazhi {

AllocatorTuning TuneAllocator() { return {}; }

}  // namespace fazhi

#endif
