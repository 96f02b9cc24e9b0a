#include "indicators/units_csv.h"

#include "indicators/csv.h"

namespace fazhi {
namespace {

bool FromTable(const CsvTable& table, UnitRegistry* out, Diagnostics* diags) {
  std::vector<UnitRow> rows;
  rows.reserve(table.rows.size());
  for (const CsvRow& r : table.rows) {
    UnitRow row{r.line, {}};
    for (const CsvField& f : r.fields) row.cells.push_back({f.text, f.line, f.col});
    rows.push_back(std::move(row));
  }
  return UnitRegistry::Build(table.path, table.text, rows, out, diags);
}

}  // namespace

bool LoadUnitRegistry(const SourceTree& tree, UnitRegistry* out, Diagnostics* diags) {
  *out = UnitRegistry();
  const SourceFile* f = tree.Find(kUnitsCsvPath);
  if (!f) return true;
  CsvTable table;
  if (!ParseCsvFile(*f, &table, diags)) return false;
  return FromTable(table, out, diags);
}

bool ParseUnitRegistry(std::string path, std::string text, UnitRegistry* out, Diagnostics* diags) {
  CsvTable table;
  if (!ParseCsvFile(SourceFile{std::move(path), std::move(text)}, &table, diags)) return false;
  return FromTable(table, out, diags);
}

}  // namespace fazhi
