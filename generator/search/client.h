// The index format is an interface between two programs: fazhi writes the
// index, the theme's js/search.js reads it in the reader's browser. A site
// made by `fazhi new site` keeps a copy of the theme, so after an upgrade its
// search.js may be older than the index fazhi writes; the build checks the
// format the script declares rather than publish a search that fails.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/source_tree.h"

namespace fazhi {

/// The format of search/manifest.json and the files it names (its "v").
inline constexpr int kSearchIndexFormat = 5;

/// Where a search client says which format it reads: a line
/// `var INDEX_FORMAT = 4;` (search.js compares it with the manifest's "v").
inline constexpr std::string_view kSearchClientDeclaration = "var INDEX_FORMAT = ";

struct SearchClientFormat {
  int format = -1;                    ///< -1: the script declares none
  size_t offset = std::string::npos;  ///< of the number, when declared
};

/// The format `js` declares (its first declaration).
SearchClientFormat DeclaredSearchFormat(std::string_view js);

/// An error at `js` (the theme's js/search.js) unless it reads
/// kSearchIndexFormat; `builtin` names the script fazhi comes with.
void CheckSearchClient(const SourceFile& js, std::string_view builtin, Diagnostics* diags);

}  // namespace fazhi
