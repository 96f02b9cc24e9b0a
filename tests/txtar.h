// txtar: a whole test site in one string ("-- path --" lines start files),
// as in Go's txtar and hugo's integration tests, so a test reads top to
// bottom without opening fixture folders.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace fazhi::testing {

/// Parses "-- a.md --\ntext\n-- b.md --\n…" into path → text.
std::map<std::string, std::string> ParseTxtar(std::string_view archive);

}  // namespace fazhi::testing
