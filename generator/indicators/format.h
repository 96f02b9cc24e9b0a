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

/// The value with its time scope and qualifier, as a reader must see it
/// wherever it stands alone (cards, tables, downloads): "368件",
/// "累计1537宗", "2019年以来累计4轮", "截至目前25个", "截至2024年12月31日
/// 90%以上". A change reads as a change: "同比增长120%", "同比下降5%".
std::string FormatStated(const Observation& o, IndicatorKind kind);

/// The period an observation belongs to: "2024年度" for an annual value;
/// "2024年度报告" for the others, whose time the value itself states.
std::string PeriodLabel(const Observation& o);

/// What the source leaves open about the period, for a note beside the
/// value: "起始时间原文未载明", "原文为“截至目前”，未载明具体日期",
/// "原文未载明统计期间"; "" when nothing is open.
std::string ScopeNote(const Observation& o);

/// "2019" → "2019年", "2019-03" → "2019年3月", "2019-03-01" → "2019年3月1日".
std::string ChinesePeriodDate(std::string_view date);

/// A number as text with exactly `decimals` decimals ("6.10"); never "-0".
std::string FormatNumber(double v, int decimals);

/// How a change reads against the indicator's direction.
enum class ChangeClass { kNone, kBetter, kWorse, kNeutral };

struct Change {
  ChangeClass cls = ChangeClass::kNone;  ///< kNone: nothing to compare with
  std::string text;          ///< "+202件(+121.7%)", "+2.30个百分点", "同比增长120%（原文）"
  std::string basis;         ///< "较2023年"; "" for a stated 同比 (its text says so)
  std::string arrow;         ///< "↑", "↓" or "→" (shape, not colour, carries the sign)
  std::string verdict;       ///< "向好", "需关注", "持平" or "不评价" (text, not colour)
  std::string css;           ///< "better", "worse", "neutral"
  bool approximate = false;  ///< a qualifier (以上, 约, …) makes the change approximate
};

/// The change of `def` in `year`: against year−1 when the data has a value
/// of the same scope, else the stated 同比 of the indicator whose change_of
/// is `def`; kNone otherwise (and always for a change or a 是/否 value).
Change ChangeFor(const IndicatorSet& set, const IndicatorDef& def, int year);

/// Better/worse/neutral for a move from `prev` to `cur` under `def`'s direction.
ChangeClass ClassifyChange(const IndicatorDef& def, double prev, double cur);

/// "better" → "better" etc. for CSS classes; "" for kNone.
const char* ChangeCss(ChangeClass c);

}  // namespace fazhi
