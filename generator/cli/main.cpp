#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"

#ifdef FAZHI_JEMALLOC
// jemalloc's settings for this program, read once at its start
// (MALLOC_CONF in the environment still overrides them).
// - percpu_arena: one arena per CPU rather than four per CPU, used by whichever thread
//   runs there. Each stage starts new threads, which were spread over all the
//   arenas, so memory freed by one stage's threads was not reused by the next
//   stage's: 5-12 % off the wall time, less peak memory (docs/performance.md, run 9).
// - No transparent huge pages of our own asking (jemalloc's default; the
//   kernel's THP setting still applies). Forcing them ("thp:always") was 13 %
//   faster in run 9, but on a VM that hands free memory back to its host
//   (free page reporting, common in clouds) a new huge page is faulted in from
//   the host on first touch, at about 0.1 GiB/s against 0.9 GiB/s for small
//   pages (bench/fresh_memory.cpp): 8-15 % slower with search on (run 15).
//   MALLOC_CONF=thp:always turns them on.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "percpu_arena:percpu,metadata_thp:disabled";
}
#endif

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  return fazhi::RunCli(args, std::cout, std::cerr, fazhi::CliEnvironment{fazhi::ClockToday()});
}
