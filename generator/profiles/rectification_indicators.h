// The rectification summary (整改) of the 述法 profiles as indicators on the
// dashboard: 整改事项数, 整改完成率 and 逾期未完成整改事项数, one value per
// profile year, basis 计算 with their formula, computed from the profiles'
// items (never typed by hand). Items of 示例 profiles are never counted: a
// demonstration stays on its own page and never enters the dashboard's
// categories, counts or downloads. This adapter is the only place that knows
// both the profiles model and the indicators model.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/diagnostics.h"
#include "core/site_model.h"
#include "core/source_tree.h"
#include "indicators/model.h"
#include "profiles/model.h"

namespace fazhi {

inline constexpr std::string_view kRectificationItemsId = "rectification-items";
inline constexpr std::string_view kRectificationShareId = "rectification-completed-share";
inline constexpr std::string_view kRectificationOverdueId = "rectification-overdue";

struct RectificationIndicatorOptions {
  std::string category = "leadership";  ///< an indicator category slug
  std::string as_of;                    ///< YYYY-MM-DD; items are overdue against it
  std::string source;                   ///< 信息来源 of the computed items (the site sponsor)
};

struct GeneratedIndicators {
  std::vector<IndicatorDef> defs;
  std::vector<Observation> observations;
};

/// The three definitions and, for every year in which some profile that is
/// not 示例 records rectification items, one observation of each. `pages`
/// supply the titles and URLs of the profile pages the definitions link to.
/// Years without items get no value: 0 would read as "no problems found".
/// Nothing at all when only 示例 profiles have items.
GeneratedIndicators RectificationIndicators(const std::vector<Profile>& profiles,
                                            const std::vector<Page>& pages,
                                            const RectificationIndicatorOptions& opts);

/// Stage glue: adds the rectification indicators to `set` when the site has
/// a dashboard (indicator definitions) and its profiles record items. An id
/// clash with content/indicators/<id>.md or an unknown category is an error.
bool AddRectificationIndicators(const ProfilesData& profiles, const std::vector<Page>& pages,
                                const Config& config, const SourceTree& tree, IndicatorSet* set,
                                Diagnostics* diags);

}  // namespace fazhi
