#include <iostream>
#include <string>
#include <vector>

#include "allocator/allocator.h"
#include "cli/cli.h"

int main(int argc, char** argv) {
  fazhi::TuneAllocator();
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  return fazhi::RunCli(args, std::cout, std::cerr, fazhi::CliEnvironment{fazhi::ClockToday()});
}
