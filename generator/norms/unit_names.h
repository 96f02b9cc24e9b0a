// One unit, one name. Reports are grouped into a publisher's series and
// pages into /units/ terms by the exact name written in front matter, so the
// same bureau under a short name (滨河区司法局 beside 临江市滨河区司法局)
// silently becomes a second unit with its own series. Until the site has a
// registry of units (issue 15), a name that is a longer name with its leading
// place name (…省/市/区/县…) dropped is a warning at the page that writes it.
#pragma once

#include <string_view>

#include "core/diagnostics.h"
#include "core/site_model.h"
#include "core/source_tree.h"

namespace fazhi {

/// True when `full` is `short_name` with a place name before it: `full` ends
/// with `short_name`, and the part before it ends with 省, 市, 区, 县, 州, 旗,
/// 盟, 镇, 乡 or 街道 ("临江市滨河区司法局" / "滨河区司法局").
bool IsShortUnitName(std::string_view short_name, std::string_view full);

/// Warns at every published page whose unit (a report's publisher, or its
/// source standing in for it; a profile's unit; an indicator's responsible
/// unit) is a short name of another unit name on the site or of the sponsor
/// in site.toml. Names that come from defaults (not written on the page) are
/// not reported.
void CheckUnitNames(const Site& site, const SourceTree& tree, Diagnostics* diags);

}  // namespace fazhi
