// `fazhi import <file> [--site DIR] [--year N] [--date YYYY-MM-DD] [--title T]
// [--publisher P] [--force]`: a published 法治政府建设年度报告 (text or .docx) →
// a draft report page, a draft observations CSV and draft indicator stubs for
// the editor to review. Exit status 0 on success, 1 on bad input or when
// files exist, 2 on usage errors.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "cli/args.h"

namespace fazhi {

/// Runs the command; `args` are the arguments after "import".
int RunImport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
              const LangChoice& lang = {});

/// The usage text printed by `fazhi import --help` and on usage errors.
std::string ImportUsage(Lang lang = Lang::kZh);

}  // namespace fazhi
