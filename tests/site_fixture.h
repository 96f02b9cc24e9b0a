// Builds a site given as a txtar string in memory and gives access to its
// output and diagnostics; optionally with the repository's default theme.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/output.h"
#include "site/build.h"

namespace fazhi::testing {

struct FixtureResult {
  bool ok = false;
  std::string errors;  ///< Diagnostics::Format()
  std::map<std::string, std::string, std::less<>> files;
  /// The output file at `path`; fails the test when it is missing.
  const std::string& File(std::string_view path) const;
  bool Has(std::string_view path) const { return files.count(std::string(path)) > 0; }
};

struct FixtureOptions {
  bool default_theme = false;  ///< add themes/default from the repository
  BuildOptions build;
};

FixtureResult BuildFixture(std::string_view txtar, const FixtureOptions& opts = {});

/// True when `haystack` contains `needle`.
bool Contains(std::string_view haystack, std::string_view needle);

/// Replaces the first `from` in `*s` by `to`; fails the test when there is none.
void Replace(std::string* s, std::string_view from, std::string_view to);

/// The repository root (for the demo site and the default theme).
std::string RepoRoot();

/// What the shell command `command` prints on stdout; its exit status (as
/// pclose gives it) in `status`, -1 when it could not be started.
std::string CommandOutput(const std::string& command, int* status = nullptr);

/// A minimal valid site.toml and theme, to prepend to test archives.
extern const char* const kMinimalSite;

}  // namespace fazhi::testing
