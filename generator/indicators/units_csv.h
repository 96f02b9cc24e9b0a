// Reads the unit registry, data/units.csv, with the CSV reader every data
// file goes through (UTF-8 ±BOM or GBK/GB18030 from Excel); the registry
// itself (units/registry.h) knows nothing of CSV.
#pragma once

#include "core/diagnostics.h"
#include "core/source_tree.h"
#include "units/registry.h"

namespace fazhi {

inline constexpr const char* kUnitsCsvPath = "data/units.csv";

/// Fills `out` from data/units.csv; leaves it empty (present() false) when
/// the site has no such file. Returns false on error.
bool LoadUnitRegistry(const SourceTree& tree, UnitRegistry* out, Diagnostics* diags);

/// The same from the file's bytes as read from disk (UTF-8 ±BOM or GBK), for
/// data not read through a SourceTree (`fazhi import`, tests).
bool ParseUnitRegistry(std::string path, std::string text, UnitRegistry* out, Diagnostics* diags);

}  // namespace fazhi
