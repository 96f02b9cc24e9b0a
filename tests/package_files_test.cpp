// The files the Debian package adds around the binary stay in step with the
// CLI: the bash completion offers exactly the commands and options of
// `fazhi help` (the man page is generated from that help, so it cannot drift).
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "cli/cli.h"
#include "site_fixture.h"

namespace fazhi::testing {
namespace {

std::set<std::string> Options(const std::string& text) {
  std::set<std::string> out;
  std::regex option("--[a-z][a-z-]*");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), option); it != std::sregex_iterator(); ++it) {
    out.insert(it->str());
  }
  return out;
}

TEST_CASE("package: the bash completion offers every command and option of fazhi help, and no other") {
  std::ostringstream out, err;
  REQUIRE(RunCli({"help"}, out, err) == 0);
  // "  build [DIR] [--output DIR] …" lines: a command and its options.
  std::map<std::string, std::set<std::string>> help;
  std::istringstream lines(out.str());
  std::string commands;
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_match(line, m, std::regex("  ([a-z]+)\\b(.*)"))) {
      help[m[1]] = Options(m[2]);
      commands += (commands.empty() ? "" : " ") + m[1].str();
    }
  }
  REQUIRE(help.size() >= 7);
  std::ifstream in(RepoRoot() + "/packaging/fazhi.bash-completion");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string completion = ss.str();
  CHECK(Contains(completion, "compgen -W \"" + commands + "\""));
  for (const auto& [command, options] : help) {
    std::smatch m;
    std::regex arm("\n    " + command + "\\) opts=\"([^\"]*)\"");
    if (options.empty()) {
      CHECK_MESSAGE(!std::regex_search(completion, m, arm), command);
      continue;
    }
    REQUIRE_MESSAGE(std::regex_search(completion, m, arm), command);
    CHECK_MESSAGE(Options(m[1]) == options, command);
  }
}

}  // namespace
}  // namespace fazhi::testing
