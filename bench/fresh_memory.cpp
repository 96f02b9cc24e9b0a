// How dear fresh memory is on this machine: maps MIB MiB, then has each
// 4 KiB page backed and times it, three times: touched one byte per page with
// small pages ("small") or transparent huge pages ("huge", madvise), or backed
// by the kernel in one call first ("populate", MADV_POPULATE_WRITE, as
// generator/allocator does for jemalloc's mappings) and then touched. On a VM
// that hands free memory back to its host (free page reporting), a huge
// page's first touch after the machine was idle a few seconds is served by
// the host at a fraction of the speed of small pages; later rounds reuse
// memory the process just unmapped (docs/performance.md, runs 15 and 17).
// Built with the rest as build/fazhi_bench_fresh_memory; run each kind after
// a pause:
//
//   for k in huge small populate; do sleep 5; build/fazhi_bench_fresh_memory 200 $k; done
#include <sys/mman.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

int main(int argc, char** argv) {
  const size_t mib = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 200;
  const size_t bytes = mib << 20;
  const std::string_view kind = argc > 2 ? argv[2] : "small";
  if (kind != "small" && kind != "huge" && kind != "populate") {
    std::fprintf(stderr, "usage: fresh_memory [MIB] [small|huge|populate]\n");
    return 2;
  }
  for (int round = 1; round <= 3; ++round) {
    void* m = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) return 1;
    char* p = static_cast<char*>(m);
    if (kind == "huge") madvise(p, bytes, MADV_HUGEPAGE);
    auto start = std::chrono::steady_clock::now();
    if (kind == "populate" && madvise(p, bytes, MADV_POPULATE_WRITE) != 0) {
      std::perror("madvise(MADV_POPULATE_WRITE)");
      return 1;
    }
    for (size_t i = 0; i < bytes; i += 4096) p[i] = 1;
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("%-11s round %d: %zu MiB in %7.1f ms (%6.0f MiB/s, %5.2f us per 4 KiB page)\n",
                kind == "huge"    ? "huge pages"
                : kind == "small" ? "small pages"
                                  : "populate",
                round, mib, ms, static_cast<double>(mib) / ms * 1000,
                ms * 1000 / static_cast<double>(bytes / 4096));
    munmap(p, bytes);
  }
  return 0;
}
