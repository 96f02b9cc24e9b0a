// Test names that ctest can run. doctest_discover_tests reads the list of
// test names as a CMake list, so a name containing ';' was registered as two
// ctest tests whose filters matched nothing: both ran 0 test cases and were
// reported as passed. (CMakeLists.txt also fails any ctest test that runs 0
// test cases.) This test lists the names the way the discovery does.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "site_fixture.h"

namespace {

TEST_CASE("test names: none contains a semicolon, which ctest would split into tests that run nothing") {
  // This binary, asked for its list of test cases as doctest_discover_tests asks
  // (its path read here: inside popen's shell /proc/self/exe is the shell).
  std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  const std::string listing = fazhi::testing::CommandOutput("'" + self + "' --list-test-cases 2>&1");
  std::istringstream lines(listing);
  int names = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("[doctest]", 0) == 0 || line.rfind("=====", 0) == 0) continue;
    ++names;
    CHECK_MESSAGE(line.find(';') == std::string::npos, line);
  }
  // The listing really came back: this file's own name is in it, among hundreds.
  CHECK(listing.find("test names: none contains") != std::string::npos);
  CHECK(names > 100);
}

}  // namespace
