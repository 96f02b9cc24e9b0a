// The tracker of a district site: for one reporting year, every unit of the
// registry and whether its 法治政府建设年度报告 is published on the site, when
// (the date the report states), whether that is by 1 April of the following
// year, whether the five required items were found (for the editor only),
// and whether the site carries its 述法. Missing reports come from the
// registry — a unit that must report and has no report page — never from a
// guess; a unit not yet (or no longer) required is listed as such and a
// 示例 unit is marked and left out of every count. Pure: the caller hands in
// the report pages and the units with 述法.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/site_model.h"
#include "units/registry.h"

namespace fazhi {

enum class TrackState {
  kOnTime,       ///< 已公开, on or before 1 April
  kLate,         ///< 已公开, after 1 April
  kUndated,      ///< 已公开; the report states no publication date
  kPending,      ///< 未公开 and the deadline has not passed (as_of)
  kMissing,      ///< 未公开 and the deadline has passed
  kNotRequired,  ///< outside the unit's reporting years
};

/// 按时公开, 逾期公开, 公开日期未载明, 未公开（未到截止日期）, 未公开, 未列入本年度名录.
const char* TrackStateText(TrackState s);
/// on_time, late, undated, pending, missing, not_required (downloads).
const char* TrackStateKey(TrackState s);

struct TrackRow {
  const Unit* unit = nullptr;
  TrackState state = TrackState::kMissing;
  std::string published;  ///< 公开日期 as the report states it
  std::string report_url, report_title;
  int items_found = 0;  ///< of the five required items (editor's check)
  std::vector<std::string> items_missing;
  bool shufa = false;  ///< the site carries a 述法 profile of the unit for the year
  bool published_on_site() const {
    return state == TrackState::kOnTime || state == TrackState::kLate || state == TrackState::kUndated;
  }
};

/// Counts of one unit type (or of all, type ""), 示例 units left out.
struct TrackCount {
  std::string type;
  int required = 0;   ///< units that must report
  int published = 0;  ///< of which published on the site
  int on_time = 0, late = 0, undated = 0;
  int missing = 0, pending = 0;
  int shufa = 0;
};

struct Tracker {
  int year = 0;
  std::string deadline;             ///< YYYY-04-01 of the following year
  std::vector<TrackRow> rows;       ///< registry order; 示例 and not-required rows included
  std::vector<TrackCount> by_type;  ///< in order of first appearance in the registry
  TrackCount total;
};

/// The years a tracker is made for: every year some report states, and every
/// year from the earliest up to the latest (a year nobody published in is
/// still a year the units owed), ascending.
std::vector<int> TrackerYears(const std::vector<Page>& pages);

/// The tracker of `year`. `pages`: the site's pages (reports with their unit
/// slug and compliance filled); `shufa`: (unit slug, year) of 述法 profiles;
/// `as_of`: today (YYYY-MM-DD) for pending vs missing.
Tracker BuildTracker(const UnitRegistry& units, int year, const std::vector<Page>& pages,
                     const std::set<std::pair<std::string, int>>& shufa, const std::string& as_of);

/// The table `fazhi check` prints: one line per unit, then the counts.
std::string TrackerText(const Tracker& t);

/// Downloads: CSV (UTF-8 with BOM, CRLF, for Excel) and JSON. Facts only
/// (no check findings): unit, type, sample, state, published, url, 述法.
std::string TrackerCsv(const Tracker& t, const std::string& base_url);
std::string TrackerJson(const Tracker& t, const std::string& base_url);

}  // namespace fazhi
