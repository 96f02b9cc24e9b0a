// Checks on how and when the site is published, beyond its content:
//  - under a sub-path (base_url "https://host/sfj/fzbg/") robots.txt is
//    written where crawlers never look, since they read only /robots.txt at
//    the host root: warned, every build, until site.toml says its lines were
//    merged there ([robots] merged_into_root = true);
//  - `fazhi check` only: as_of stands in for "today" (overdue 整改 items,
//    截至 dates), so a site built from an as_of far behind the clock shows a
//    stale state. `build` never reads the clock: its output depends on as_of
//    alone.
#pragma once

#include <string_view>

#include "core/config.h"
#include "core/diagnostics.h"
#include "core/source_tree.h"

namespace fazhi {

/// How many days as_of may lag behind the clock before `check` warns.
inline constexpr int kAsOfStaleDays = 30;

/// Warns when `config.base_url` has a path other than "/" and robots.txt has
/// not been merged into the host root's. `base_url_overridden`: it came from
/// --base-url, so no line of `site_toml` holds it.
void CheckRobotsPlacement(const Config& config, const SourceFile& site_toml, bool base_url_overridden,
                          Diagnostics* diags);

/// Warns when `config.as_of` is more than kAsOfStaleDays before `today`
/// (YYYY-MM-DD, the clock's date) or after it. `as_of_overridden`: it came
/// from --as-of.
void CheckAsOfFreshness(const Config& config, std::string_view today, const SourceFile& site_toml,
                        bool as_of_overridden, Diagnostics* diags);

/// Days from `from` to `to` (both YYYY-MM-DD, valid dates); negative when
/// `to` is earlier.
int DaysBetween(std::string_view from, std::string_view to);

}  // namespace fazhi
