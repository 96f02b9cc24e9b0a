// Quantified facts in an imported report: "办理行政复议案件368件", "办结率80.16%",
// "4000多次", "90%以上". Each becomes a draft observation with its value, unit,
// qualifier, sentence, section and a suggested indicator name. Years, dates,
// ordinals (第6次), ranks, document numbers (〔2024〕3号), version strings (2.0),
// names in quotes or 《》 ("1310", 1+3+5+N) are never facts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "import/structure.h"

namespace fazhi {

struct ImportedFigure {
  std::string value;      ///< as written, without thousands separators: "80.16"
  std::string unit;       ///< 件, 件次, %, 万元, …
  std::string qualifier;  ///< "", 以上, 多, 余, 约, 近, 超
  std::string name;       ///< suggested indicator name, for the editor to review
  /// The sentence the figure came from; beyond kMaxSentenceChars, the part
  /// around the figure with "…" where it was cut.
  std::string sentence;
  std::string section;  ///< heading path, e.g. "一、… > (四)…"
  std::string anchor;   ///< id of the innermost heading above it (set by the writer), or ""
  int line = 0;         ///< line in the imported text
  int heading = -1;     ///< index of the innermost heading block above it, or -1
};

/// A report has far fewer figures (the seed: 34); beyond this many the
/// rest are left out (and counted), so a file that is no report cannot make
/// thousands of files.
inline constexpr size_t kMaxImportFigures = 500;
/// A figure's sentence is kept up to this many characters (the CSV note and
/// the stub quote it): a text without full stops is one "sentence".
inline constexpr size_t kMaxSentenceChars = 200;

/// Every figure in the report's headings and paragraphs, in document order,
/// at most kMaxImportFigures; `dropped` (if given) gets how many more there were.
std::vector<ImportedFigure> FindFigures(const StructuredReport& report, size_t* dropped = nullptr);

/// The figures of one paragraph (used by FindFigures and by tests).
std::vector<ImportedFigure> FindFiguresInText(std::string_view paragraph, std::string_view section = {});

}  // namespace fazhi
