// The unit registry in the pipeline: every report of a district site names
// its unit (`unit:`, else `publisher:`, else its source) by slug or by any
// name of data/units.csv, and gets the unit's slug and full name, so that
// 临江市滨河区司法局 and 区司法局 are one publisher with one series.
#pragma once

#include <vector>

#include "core/diagnostics.h"
#include "core/site_model.h"
#include "core/source_tree.h"
#include "units/registry.h"

namespace fazhi {

/// Resolves the unit of every report page. Without a registry a `unit:` key
/// is an error (it needs data/units.csv) and nothing else changes. Reports
/// an unknown unit with 您是不是要找, and a `unit:` and `publisher:` that
/// name two units. Returns false on error.
bool ResolveReportUnits(const UnitRegistry& units, const SourceTree& tree, std::vector<Page>* pages,
                        Diagnostics* diags);

}  // namespace fazhi
