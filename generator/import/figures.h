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
  std::string sentence;   ///< the sentence the figure came from
  std::string section;    ///< heading path, e.g. "一、… > (四)…"
  std::string anchor;     ///< id of the innermost heading above it (set by the writer), or ""
  int line = 0;           ///< line in the imported text
  int heading = -1;       ///< index of the innermost heading block above it, or -1
};

/// Every figure in the report's headings and paragraphs, in document order.
std::vector<ImportedFigure> FindFigures(const StructuredReport& report);

/// The figures of one paragraph (used by FindFigures and by tests).
std::vector<ImportedFigure> FindFiguresInText(std::string_view paragraph, std::string_view section = {});

}  // namespace fazhi
