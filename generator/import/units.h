// Which unit of the site's registry published an imported report, found from
// the names its text gives: the title, the 落款, the portal's 来源 and the
// opening lines, in that order of trust. A name found inside a longer one
// counts only as the longer one ("从化区司法局" is not also "从化区"); a
// place that names two units, or a title and a 落款 that disagree, leave the
// choice to the editor. Pure: the registry is handed in, so the matching does
// not care where the registry comes from.
#pragma once

#include <string>
#include <vector>

#include "core/message.h"
#include "import/structure.h"

namespace fazhi {

/// One unit as the importer needs it: how to refer to it and every name it
/// goes by.
struct ImportUnit {
  std::string slug;
  std::string name;                      ///< full name, e.g. 广州市白云区司法局
  std::vector<std::string> short_names;  ///< e.g. 白云区司法局
};

/// A part of the report's text where publishers are named.
struct UnitZone {
  const MessageText* label;  ///< 标题, 落款, 来源, 开头
  std::string text;
};

/// The zones of `r`, most trusted first; empty ones left out.
std::vector<UnitZone> ReportUnitZones(const StructuredReport& r);

/// Indices into `units` of the units named in `text`, in registry order.
/// Spaces (ASCII, U+3000, NBSP) are ignored on both sides.
std::vector<size_t> UnitsNamedIn(const std::vector<ImportUnit>& units, const std::string& text);

struct UnitMatch {
  bool recognised = false;
  size_t unit = 0;                     ///< index into the units, when recognised
  const MessageText* where = nullptr;  ///< the zone that decided, when recognised
  Message reason;                      ///< why the editor must check, when not recognised
};

/// The unit that published the report whose zones are `zones`.
UnitMatch MatchUnit(const std::vector<ImportUnit>& units, const std::vector<UnitZone>& zones);

}  // namespace fazhi
