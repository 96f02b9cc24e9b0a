// Indicator pages: the dashboard (/indicators/), one page per category
// (/indicators/categories/<slug>/, the filter that works without
// JavaScript), one per year (/indicators/<year>/), one per indicator
// (/indicators/<id>/), and the open-data downloads under /data/. This file
// is the only one that knows the variable names of the indicators and
// indicator layouts.
#pragma once

#include "core/diagnostics.h"
#include "core/output.h"
#include "core/site_model.h"
#include "indicators/model.h"
#include "theme/theme.h"

namespace fazhi {

/// Renders every indicator page (on `jobs` threads; 0 = hardware
/// concurrency) and the open-data files into `sink`.
bool RenderIndicators(const Site& site, const IndicatorSet& set, const Theme& theme, int jobs,
                      OutputSink* sink, Diagnostics* diags);

/// One unit's trend of an indicator: a line chart of its periods comparable
/// with its last one, and the change between the last two (marked 计算);
/// both "" when it has fewer than two, or the indicator is a change or a
/// yes/no. `all`: the unit's values without breakdown, oldest first. Drawn on
/// the indicator's page (up to twelve units) and on the unit's page.
struct UnitTrend {
  std::string chart;   ///< SVG
  std::string change;  ///< "较2023年度增长5.6%（计算）"
};
UnitTrend UnitTrendOf(const IndicatorDef& d, const std::string& slug, const std::string& unit_name,
                      const std::vector<const Observation*>& all);

/// The 网站地图 entry of the indicators: the dashboard with the number of
/// indicators, each category and each year page with its count.
SitemapGroup IndicatorsSitemapGroup(const Site& site, const IndicatorSet& set);

}  // namespace fazhi
