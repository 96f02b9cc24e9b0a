// What every command shares: exit codes and `--option value` parsing.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/message.h"

namespace fazhi {

inline constexpr int kExitOk = 0;
inline constexpr int kExitErrors = 1;
inline constexpr int kExitUsage = 2;

/// Splits `--name value` / `--name=value` options from positional arguments.
/// `flags` are options without a value. Returns false with a message on an
/// unknown option or a missing value.
struct ParsedArgs {
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> options;  ///< in order
  bool Has(const std::string& name) const;
  std::string Get(const std::string& name, const std::string& fallback = "") const;
};
bool ParseArgs(const std::vector<std::string>& args, const std::vector<std::string>& valued,
               const std::vector<std::string>& flags, ParsedArgs* out, Message* error);

/// The reader's language: `--lang` when given; otherwise Chinese, or for
/// the commands that read a site, its site.toml `language`.
struct LangChoice {
  Lang lang = Lang::kZh;
  bool given = false;  ///< --lang was on the command line
};

}  // namespace fazhi
