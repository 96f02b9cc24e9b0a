// The `fazhi` command line: a table of subcommands. Parses arguments, calls
// the pipeline, prints diagnostics; holds no logic of its own.
// Exit status: 0 success, 1 content/config/template errors, 2 usage errors.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace fazhi {

/// Runs `fazhi <args…>` (args exclude the program name).
int RunCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace fazhi
