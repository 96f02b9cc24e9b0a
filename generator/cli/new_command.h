// `fazhi new`: scaffolds a site, an annual report or a page. Creates files
// only where none exist; it never overwrites or deletes anything.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "cli/args.h"

namespace fazhi {

/// `fazhi new site DIR | report YEAR | page PATH` (args after "new").
int RunNew(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
           const LangChoice& lang = {});

/// Today on the local clock as YYYY-MM-DD: the default of --date for `new`
/// and `import` (never used by `build`, whose "today" is config.as_of).
std::string Today();

}  // namespace fazhi
