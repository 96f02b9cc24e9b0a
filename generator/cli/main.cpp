#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"

#ifdef FAZHI_JEMALLOC
// jemalloc's settings for this program, read once at its start
// (MALLOC_CONF in the environment still overrides them). Transparent huge
// pages for the heap: a build touches some 200 MB of fresh memory, and on a
// virtual machine each 4 KB page fault is dear. On a 10,000-page site
// (bench/gen_site.py, tmpfs) this took 13 % off the wall and CPU time for
// 20 MB more peak memory (docs/performance.md, run 9). The kernel's THP
// setting decides: with "never" nothing changes.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,metadata_thp:auto";
}
#endif

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  return fazhi::RunCli(args, std::cout, std::cerr, fazhi::CliEnvironment{fazhi::ClockToday()});
}
