// The pages of a district site (a site with data/units.csv): the tracker
// /tracker/ and /tracker/<year>/ (who published the year's report, when,
// and whether by 1 April; counts by unit type), its downloads
// /data/tracker/<year>.csv and .json, and the unit pages /units/ and
// /units/<slug>/ (a unit's reports, 述法 and figures across years).
// Public pages state facts only (已公开/未公开, 公开日期, 述法 on the site);
// the required-items check is for the editor (`fazhi check`).
// Layouts: tracker.mustache, unit.mustache.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/output.h"
#include "core/site_model.h"
#include "indicators/model.h"
#include "profiles/model.h"
#include "theme/theme.h"
#include "units/registry.h"
#include "units/tracker.h"

namespace fazhi {

/// The layouts a district site needs besides the core ones.
const std::vector<std::string>& DistrictLayouts();

/// The tracker of every year of the site's reports, oldest first.
std::vector<Tracker> BuildTrackers(const Site& site, const UnitRegistry& units, const ProfilesData& profiles);

/// Renders the tracker and unit pages and the tracker downloads. Does
/// nothing without a registry.
bool RenderDistrict(const Site& site, const UnitRegistry& units, const std::vector<Tracker>& trackers,
                    const ProfilesData& profiles, const IndicatorSet& indicators, const Theme& theme,
                    OutputSink* sink, Diagnostics* diags);

/// The 网站地图 entry: the tracker by year and the units.
SitemapGroup DistrictSitemapGroup(const UnitRegistry& units, const std::vector<Tracker>& trackers);

}  // namespace fazhi
