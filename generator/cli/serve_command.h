// `fazhi serve [DIR] [--port 1313] [--host 127.0.0.1] [--drafts]`: builds the
// site into memory, serves it with live reload and rebuilds on every change
// until SIGINT or SIGTERM. Never writes public/.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "cli/args.h"

namespace fazhi {

struct ChangeSet;

/// Runs the command (args after "serve"). Returns 0 after a clean stop, 1
/// when the port cannot be bound or the folder does not exist, 2 on usage
/// errors.
int RunServe(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
             const LangChoice& lang = {});

/// "content/a.md、site.toml 有改动，重新构建" (at most three paths named).
std::string DescribeChanges(const ChangeSet& changes, Lang lang = Lang::kZh);

/// The warning printed when serving on `host`: "" for loopback addresses.
std::string HostWarning(const std::string& host, Lang lang = Lang::kZh);

/// True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost).
bool IsLoopbackHost(const std::string& host);

}  // namespace fazhi
