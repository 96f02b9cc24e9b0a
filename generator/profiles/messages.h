// The messages of the profiles folder: 述法 profiles, their cohorts and the
// rectification (整改) indicators computed from them.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

inline constexpr MessageText kProfileMissingKey{"缺少必填的文件头键“{0}”",
                                                "missing required front matter key '{0}'"};
inline constexpr MessageText kProfileMissingKeyGloss{"缺少必填的文件头键“{0}”（{1}）",
                                                     "missing required front matter key '{0}' ({1})"};
inline constexpr MessageText kItemMissingKey{"{0}缺少必填的键“{1}”", "{0} is missing required key '{1}'"};
inline constexpr MessageText kItemMissingKeyGloss{"{0}缺少必填的键“{1}”（{2}）",
                                                  "{0} is missing required key '{1}' ({2})"};
inline constexpr MessageText kWhatDuty{"职责事项", "duty item"};
inline constexpr MessageText kWhatRectification{"整改事项", "rectification item"};
inline constexpr MessageText kWhatLink{"链接", "link"};
inline constexpr MessageText kWhatCohort{"述法批次", "cohort"};
inline constexpr MessageText kWhatGroup{"批次分组", "cohort group"};
inline constexpr MessageText kGlossUnit{"单位", "unit"};
inline constexpr MessageText kGlossUnitType{"单位类型", "unit type"};
inline constexpr MessageText kGlossPost{"职务", "post"};
inline constexpr MessageText kGlossForm{"述法形式", "form"};
inline constexpr MessageText kGlossYear{"述法年度", "year"};
inline constexpr MessageText kGlossProblem{"问题", "problem"};
inline constexpr MessageText kGlossStatus{"状态", "status"};
inline constexpr MessageText kNotOneOf{"“{0}”不能是“{1}”：请写 {2} 中的一个",
                                       "unknown {0} '{1}'; expected one of: {2}"};
inline constexpr MessageText kNotOneOfDidYouMean{"“{0}”不能是“{1}”，是不是要写“{2}”？",
                                                 "unknown {0} '{1}'; did you mean '{2}'?"};
inline constexpr MessageText kNotOneOfUnitTypes{
    "“{0}”不能是“{1}”：请写 {2} 中的一个（可在 site.toml 的 [profiles] unit_types 里增改）",
    "unknown {0} '{1}'; expected one of: {2} (set [profiles] unit_types in site.toml)"};
inline constexpr MessageText kNotOneOfForms{
    "“{0}”不能是“{1}”：请写 {2} 中的一个（可在 site.toml 的 [profiles] forms 里增改）",
    "unknown {0} '{1}'; expected one of: {2} (set [profiles] forms in site.toml)"};
inline constexpr MessageText kMustBeMapList{"“{0}”必须是列表", "'{0}' must be a list"};
inline constexpr MessageText kItemMustBeMap{"“{0}”的每一项都要写成一组“键: 值”",
                                            "each item of '{0}' must be a map of 'key: value' lines"};
inline constexpr MessageText kProfileYearRange{"“year”必须是 1900 到 2100 之间的年份，这里是“{0}”",
                                               "'year' must be a year between 1900 and 2100, not '{0}'"};
inline constexpr MessageText kHeldBeforeYear{
    "述法日期 {0} 在述法年度 {1} 年开始之前：述法讲的是这一年的履职情况，不会在这一年之前举行。请核对 "
    "held（述法日期）和 year（述法年度）",
    "held on {0}, before the year {1} began: 述法 accounts for that year's duty and cannot be held before "
    "it. Check held (the date) and year (the year reported on)"};
inline constexpr MessageText kDutyTwice{"职责事项“{0}”写了两次", "duty item '{0}' is listed twice"};
inline constexpr MessageText kEvaluationMap{"“evaluation”要写成一组“键: 值”",
                                            "'evaluation' must be a map of 'key: value' lines"};
inline constexpr MessageText kEvaluationSource{
    "点评要写“source”（出处）：只有正式公开过的点评或民主测评才能展示",
    "evaluation needs 'source': show a 点评 or 民主测评 only where it "
    "was officially published"};
inline constexpr MessageText kCompletedButStatus{"写了完成日期“completed”，但状态是“{0}”而不是“{1}”",
                                                 "'completed' is set but the status is '{0}', not '{1}'"};
inline constexpr MessageText kUnitSlugChars{"unit_slug“{0}”不能包含“/”“?”“#”“%”或空格",
                                            "unit_slug '{0}' may not contain '/', '?', '#', '%' or spaces"};
inline constexpr MessageText kNameNeedsSource{
    "写了姓名“name”就要写“name_source”：姓名只能连同公开它的官方页面一起发布",
    "'name' needs 'name_source': publish a name only with the official "
    "page that published it"};
inline constexpr MessageText kGroupNeedsTypeOrLabel{"批次分组要写“unit_type”或“label”",
                                                    "cohort group needs 'unit_type' or 'label'"};
inline constexpr MessageText kCountNegative{"“count”不能是负数", "'count' must not be negative"};
inline constexpr MessageText kUnitSlugDiffers{"单位“{0}”在 {2} 里的 slug 是“{1}”，这里却是“{3}”",
                                              "unit '{0}' has the slug '{1}' in {2} but '{3}' here"};
inline constexpr MessageText kUnitSlugTaken{"slug“{0}”已被 {2} 里的单位“{1}”使用",
                                            "unit slug '{0}' is already used by unit '{1}' in {2}"};
inline constexpr MessageText kProfileUrlTaken{
    "述法档案不能放在 {0}：这个地址是按年度或类型列出档案的页面，请给文件改名",
    "a profile may not live at {0}: that URL is the list of profiles by "
    "year or type; rename the file"};
inline constexpr MessageText kCohortNoValue{"指标“{0}”没有 {1} 年的数值",
                                            "indicator '{0}' has no value for {1}"};
inline constexpr MessageText kCohortCountDiffers{"批次人数 {0} 和指标“{1}”的数值不一致（{2} 年：{3}）",
                                                 "cohort count {0} differs from indicator '{1}' ({2}: {3})"};
inline constexpr MessageText kRectificationIdTaken{
    "指标编号“{0}”由述法档案的整改事项自动计算，请给这个文件改名",
    "indicator id '{0}' is computed from the 述法 profiles' "
    "rectification items; rename the file"};
inline constexpr MessageText kRectificationCategory{
    "整改指标需要指标类别“{0}”：请把它加进 [indicators] categories，或者设置 [profiles] "
    "rectification_category",
    "the rectification indicators need the indicator category '{0}': add it to [indicators] categories or "
    "set "
    "[profiles] rectification_category"};
inline constexpr MessageText kProfileLayoutMissing{
    "缺少模板：本站有述法档案，需要这个模板", "missing layout: the site has 述法 profiles, which need it"};

inline constexpr MessageText kDoneWithoutDate{
    "整改事项标为“已完成”，但没有写完成日期：请按来源填写 completed: "
    "YYYY-MM-DD；来源没有写明完成日期的，请写 "
    "completed: 未注明（页面显示“完成日期原文未注明”），不要自己推测日期",
    "the rectification item is 已完成 (done) but gives no completion date: add completed: YYYY-MM-DD as the "
    "source "
    "states it; if the source gives no date, write completed: 未注明 (the page then says the source gives "
    "none) "
    "rather than guessing one"};

}  // namespace fazhi::msg
