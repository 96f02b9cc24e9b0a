// Indicator values as people read them: the figure with its unit and
// qualifier in the source's own words ("90%以上", "4000多次", "368件"), and
// the change against the previous year judged by the indicator's direction,
// never by the sign alone.
#pragma once

#include <string>
#include <string_view>

#include "indicators/model.h"

namespace fazhi {

/// "368件", "80.16%", "90%以上", "4000多次", "4000余次", "约4000次",
/// "近4000次", "超4000次", "是". A stated change reads as the source says
/// it ("同比增长120%" → "120%"); ChangeFor adds the sign.
std::string FormatValue(const Observation& o, IndicatorKind kind);

/// A number as text with exactly `decimals` decimals ("6.10"); never "-0".
std::string FormatNumber(double v, int decimals);

/// How a change reads against the indicator's direction.
enum class ChangeClass { kNone, kBetter, kWorse, kNeutral };

struct Change {
  ChangeClass cls = ChangeClass::kNone;  ///< kNone: nothing to compare with
  std::string text;                      ///< "+202件(+121.7%)", "+2.30个百分点", "+120%"
  std::string basis;                     ///< "较2023年" or "同比(原文)"
  std::string arrow;                     ///< "↑", "↓" or "→" (shape, not colour, carries the sign)
  std::string verdict;       ///< "向好", "需关注", "持平" or "不评价" (text, not colour)
  std::string css;           ///< "better", "worse", "neutral"
  bool approximate = false;  ///< a qualifier (以上, 约, …) makes the change approximate
};

/// The change of `def` in `year`: against year−1 when the data has it, else
/// the stated 同比 of the indicator whose change_of is `def`; kNone otherwise.
Change ChangeFor(const IndicatorSet& set, const IndicatorDef& def, int year);

/// Better/worse/neutral for a move from `prev` to `cur` under `def`'s direction.
ChangeClass ClassifyChange(const IndicatorDef& def, double prev, double cur);

/// "better" → "better" etc. for CSS classes; "" for kNone.
const char* ChangeCss(ChangeClass c);

}  // namespace fazhi
