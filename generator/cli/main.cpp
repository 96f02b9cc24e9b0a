#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"

#ifdef FAZHI_JEMALLOC
// jemalloc's settings for this program, read once at its start
// (MALLOC_CONF in the environment still overrides them). Measured on a
// 10,000-page site (bench/gen_site.py, tmpfs, 2-core VM; docs/performance.md,
// run 9), where fresh memory is dear (each new page is faulted in and zeroed):
// - thp: transparent huge pages for the heap: 13 % off the wall and CPU time,
//   20 MB more peak memory. The kernel's THP setting decides ("never": no change).
// - percpu_arena: one arena per CPU rather than four per CPU, used by whichever thread
//   runs there. Each stage starts new threads, which were spread over all the
//   arenas, so memory freed by one stage's threads was not reused by the next
//   stage's: 5-12 % off the wall time, less peak memory.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,metadata_thp:auto,percpu_arena:percpu";
}
#endif

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  return fazhi::RunCli(args, std::cout, std::cerr, fazhi::CliEnvironment{fazhi::ClockToday()});
}
