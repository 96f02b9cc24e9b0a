// Charts as inline SVG, rendered at build time: no JavaScript and nothing
// from other hosts. Every chart has <title>/<desc> and role="img", draws in
// currentColor so it follows high-contrast and print styles, labels every
// value in text (never colour alone), hatches derived (计算) values, and is
// byte-for-byte deterministic. The indicator pages draw a trend only from two
// or more comparable periods, and never draw a change (同比) with levels.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indicators/model.h"

namespace fazhi {

struct ChartPoint {
  std::string label;  ///< "2024" or a breakdown name
  double value = 0;
  std::string value_label;  ///< "368件", "90%以上"
  bool computed = false;    ///< 计算 value: hatched instead of solid
};

struct ChartSpec {
  std::string id;        ///< unique on its page; prefixes the title/desc ids
  std::string title;     ///< <title>
  std::string desc;      ///< <desc>: the data in words
  bool percent = false;  ///< a 0–100 scale
};

/// Bars for counts, a line for percentages; one point → one labelled bar.
std::string TrendChartSvg(const ChartSpec& spec, const std::vector<ChartPoint>& points);
/// Horizontal bars, one per breakdown (镇街, 部门), largest first as given.
std::string BreakdownChartSvg(const ChartSpec& spec, const std::vector<ChartPoint>& points);
/// A 0–100 bar with the value filled, its label, and a target mark.
std::string RateGaugeSvg(const ChartSpec& spec, const ChartPoint& point, std::optional<double> target);
/// A small trend line for dashboard cards; one point → a dot and "仅YYYY年".
std::string SparklineSvg(const ChartSpec& spec, const std::vector<ChartPoint>& points);

// Charts of one indicator straight from the set (ids derive from def.id).

/// The comparable series (no breakdown; the newest value's scope) of `def`
/// as chart points.
std::vector<ChartPoint> SeriesPoints(const IndicatorSet& set, const IndicatorDef& def);
/// True when `def` has two or more comparable periods and is a level (not a
/// change or a 是/否): only then is there a trend to draw.
bool HasTrend(const IndicatorSet& set, const IndicatorDef& def);
/// "" unless HasTrend: one period is shown as a value, not as a one-bar chart.
std::string IndicatorTrendSvg(const IndicatorSet& set, const IndicatorDef& def);
std::string IndicatorSparklineSvg(const IndicatorSet& set, const IndicatorDef& def);
/// "" when `def` has no breakdown in `year`.
std::string IndicatorBreakdownSvg(const IndicatorSet& set, const IndicatorDef& def, int year);
/// "" unless `def` is a rate with a value in `year`.
std::string IndicatorGaugeSvg(const IndicatorSet& set, const IndicatorDef& def, int year);

}  // namespace fazhi
