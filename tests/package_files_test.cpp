// The files the Debian package adds around the binary stay in step with the
// CLI: the bash completion offers exactly the commands and options of
// `fazhi help` (the man page is generated from that help, so it cannot drift).
// And docs/deployment.md shows the recipes tests/deploy runs, verbatim.
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
    const std::string shown = command;  // clang cannot capture a structured binding
    std::smatch m;
    std::regex arm("\n    " + command + "\\) opts=\"([^\"]*)\"");
    if (options.empty()) {
      CHECK_MESSAGE(!std::regex_search(completion, m, arm), shown);
      continue;
    }
    REQUIRE_MESSAGE(std::regex_search(completion, m, arm), shown);
    CHECK_MESSAGE(Options(m[1]) == options, shown);
  }
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_CASE("package: docs/deployment.md shows each tested recipe verbatim") {
  std::string doc = Slurp(RepoRoot() + "/docs/deployment.md");
  REQUIRE(!doc.empty());
  for (const char* recipe : {"nginx.conf", "apache.conf", "gitlab-ci.yml", "github-workflow.yml"}) {
    std::string text = Slurp(RepoRoot() + "/deploy/" + recipe);
    REQUIRE_MESSAGE(!text.empty(), recipe);
    CHECK_MESSAGE(Contains(doc, "\n" + text + "```\n"), recipe);
  }
  // The upload script is shown by its usage, which is its own header.
  std::string upload = Slurp(RepoRoot() + "/deploy/upload-changed.sh");
  CHECK(Contains(
      upload,
      "#   upload-changed.sh SITE/public public.sha256 uploaded.sha256 user@host:/srv/www/sfj/fzbg/\n"));
  CHECK(Contains(doc,
                 "sh /usr/share/fazhi/deploy/upload-changed.sh SITE/public public.sha256 uploaded.sha256"));
}

}  // namespace
}  // namespace fazhi::testing
