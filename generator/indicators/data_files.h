// Files under data/ that the build does not read. Only data/indicators/*.csv
// carries figures; an editor who keeps them in Excel often drops the workbook
// itself into data/ and expects it read. Such a file is named with the way to
// save it as a CSV, instead of being ignored without a word.
#pragma once

#include "core/diagnostics.h"
#include "core/source_tree.h"

namespace fazhi {

/// A warning for every spreadsheet workbook (.xlsx, .xls, .xlsm, .et, .ods,
/// .numbers) under data/ that has no CSV of the same name in
/// data/indicators/ (with one, it is the editor's master copy, and the CSV is
/// what is read).
/// A CSV under data/ but outside data/indicators/ (other than data/units.csv,
/// the register of units that `fazhi import` reads) is a warning too.
void CheckDataFiles(const SourceTree& tree, Diagnostics* diags);

}  // namespace fazhi
