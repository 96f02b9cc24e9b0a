// How dear fresh memory is on this machine: maps MIB MiB, touches one byte
// per 4 KiB page and times it, three times, with small pages or with
// transparent huge pages (madvise). On a VM that hands free memory back to
// its host (free page reporting), a huge page's first touch after the
// machine was idle a few seconds is served by the host at a fraction of the
// speed of small pages; later rounds reuse memory the process just unmapped
// (docs/performance.md, run 15). Run each kind after a pause:
//
//   g++ -O2 -std=c++20 bench/fresh_memory.cpp -o /tmp/fresh_memory
//   sleep 5; /tmp/fresh_memory 200 huge; sleep 5; /tmp/fresh_memory 200 small
#include <sys/mman.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string_view>

int main(int argc, char** argv) {
  const size_t mib = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 200;
  const size_t bytes = mib << 20;
  const bool huge = argc > 2 && std::string_view(argv[2]) == "huge";
  for (int round = 1; round <= 3; ++round) {
    void* m = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) return 1;
    char* p = static_cast<char*>(m);
    if (huge) madvise(p, bytes, MADV_HUGEPAGE);
    auto start = std::chrono::steady_clock::now();
    for (size_t i = 0; i < bytes; i += 4096) p[i] = 1;
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("%-11s round %d: %zu MiB in %7.1f ms (%6.0f MiB/s)\n", huge ? "huge pages" : "small pages",
                round, mib, ms, static_cast<double>(mib) / ms * 1000);
    munmap(p, bytes);
  }
  return 0;
}
