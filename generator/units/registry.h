// The unit registry of a district site (data/units.csv): every unit that
// publishes on the site — the district government, its departments, the
// 镇街 — with its slug, full name, short names, type and the years in which
// it must report. Reports, profiles and indicator values name their unit by
// slug or by any of its names; the registry turns that into one unit, or an
// error with the nearest names ("您是不是要找"). A site without
// data/units.csv has no registry and stays a single-publisher site.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/message.h"

namespace fazhi {

struct Unit {
  std::string slug;                      ///< URL segment of /units/<slug>/
  std::string name;                      ///< 全称: 临江市滨河区司法局
  std::vector<std::string> short_names;  ///< 简称: 滨河区司法局, 区司法局
  std::string type;                      ///< 区政府, 区直部门, 镇街 … (free text, counted)
  int report_from = 0;                   ///< first year it must report; 0 = always
  int report_until = 0;                  ///< last year it must report; 0 = still reporting
  std::string note;
  bool sample = false;  ///< 示例: shown and marked, kept out of real counts
  int line = 0;         ///< row in data/units.csv

  /// Must this unit publish a report for `year`?
  bool MustReport(int year) const {
    return (report_from == 0 || year >= report_from) && (report_until == 0 || year <= report_until);
  }
};

/// One cell of data/units.csv as the CSV reader found it (the registry does
/// not parse CSV itself: indicators/csv does, for every data file).
struct UnitCell {
  std::string text;
  int line = 0, col = 0;
};
struct UnitRow {
  int line = 0;
  std::vector<UnitCell> cells;
};

class UnitRegistry {
 public:
  /// The path of the file it was read from; "" when the site has none.
  const std::string& path() const { return path_; }
  bool present() const { return !path_.empty(); }
  /// In the order of the file (the editor's order: 区政府 first, …).
  const std::vector<Unit>& units() const { return units_; }

  /// The unit whose slug, full name or short name is `ref` (surrounding
  /// spaces ignored); nullptr when none.
  const Unit* Find(std::string_view ref) const;
  const Unit* BySlug(std::string_view slug) const;

  /// The error for a reference that names no unit: what was written, and the
  /// nearest known name (edit distance over slugs, full and short names) as
  /// 您是不是要找 when one is close enough.
  Message UnknownUnit(std::string_view ref) const;

  /// Builds the registry from the rows of `path` (the first row is the
  /// header). Reports at their cell: a missing or unknown column, an empty
  /// slug or name, a slug that is no URL segment, a year that is no year, a
  /// duplicate slug or full name, a short name claimed by two units. Returns
  /// false on error.
  static bool Build(std::string path, std::string_view file_text, const std::vector<UnitRow>& rows,
                    UnitRegistry* out, Diagnostics* diags);

 private:
  std::string path_;
  std::vector<Unit> units_;
  std::map<std::string, size_t, std::less<>> by_name_;  ///< slug, full and short names → index
};

}  // namespace fazhi
