// The 述法 pages: /profiles/ (by year and unit type, with cohort counts),
// /profiles/<year>/ and /profiles/types/<type>/ (filters without JavaScript),
// /profiles/<slug>/ (one profile), /units/ and /units/<unit>/ (a unit's
// profiles across years and its open and closed rectification items).
// Layouts: profiles.mustache, profile.mustache, unit.mustache.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/output.h"
#include "core/site_model.h"
#include "profiles/model.h"
#include "theme/theme.h"

namespace fazhi {

/// The layouts the profile pages need (checked only when a site has profiles).
const std::vector<std::string>& ProfileLayouts();

/// Renders every profile page into `sink`. Does nothing when the site has no
/// profiles and no cohorts. `indicators` supplies the values of the
/// indicators profiles cite (empty when the site has none).
/// `unit_pages`: false when another module (a district site's) writes /units/.
bool RenderProfiles(const Site& site, const ProfilesData& data, const IndicatorSet& indicators,
                    const Theme& theme, OutputSink* sink, Diagnostics* diags, bool unit_pages = true);

/// The 网站地图 entry of the profiles: the index with the number of profiles,
/// each year and each unit type with its count, and the units index.
SitemapGroup ProfilesSitemapGroup(const Site& site, const ProfilesData& data);

}  // namespace fazhi
