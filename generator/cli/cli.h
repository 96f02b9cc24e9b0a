// The `fazhi` command line: a table of subcommands. Parses arguments, calls
// the pipeline, prints diagnostics; holds no logic of its own.
// Exit status: 0 success, 1 content/config/template errors, 2 usage errors.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace fazhi {

/// What a command may learn from the machine besides its arguments. Only
/// main() reads the clock; tests pass a fixed date or none.
struct CliEnvironment {
  /// The clock's local date (YYYY-MM-DD, in the zone TZ names): `--as-of
  /// today`, and `check`'s warning when as_of lags behind it. Empty: no clock.
  std::string today;
};

/// The local date of the system clock, YYYY-MM-DD.
std::string ClockToday();

/// Runs `fazhi <args…>` (args exclude the program name).
int RunCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
           const CliEnvironment& env = {});

}  // namespace fazhi
