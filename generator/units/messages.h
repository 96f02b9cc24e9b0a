// Messages of the unit registry (data/units.csv) and of references to its
// units: Chinese first, English with --lang en.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

// ---- data/units.csv
inline constexpr MessageText kUnitsMissingColumn{
    "data/units.csv 缺少“{0}”列（中文表头写“{1}”）：每个单位都要有标识和全称",
    "data/units.csv has no '{0}' column (Chinese header: {1}): every unit needs a slug and a full name"};
inline constexpr MessageText kUnitsUnknownColumn{
    "未知的列“{0}”：可用的列是 slug,name,short_names,type,report_from,report_until,note"
    "（标识,全称,简称,类型,起报年度,止报年度,备注）",
    "unknown column '{0}': the columns are slug,name,short_names,type,report_from,report_until,note "
    "(标识,全称,简称,类型,起报年度,止报年度,备注)"};
inline constexpr MessageText kUnitsDuplicateColumn{"列“{0}”出现了两次", "column '{0}' appears twice"};
inline constexpr MessageText kUnitsEmptyCell{
    "第 {0} 行的“{1}”是空的：每个单位都要有标识和全称",
    "row {0} has an empty '{1}': every unit needs a slug and a full name"};
inline constexpr MessageText kUnitsBadSlug{
    "标识“{0}”只能由英文字母、数字、- 和 _ 组成（它是网址 /units/{0}/ 的一段）",
    "slug '{0}' may hold only ASCII letters, digits, - and _ (it is a segment of the URL /units/{0}/)"};
inline constexpr MessageText kUnitsBadYear{"“{0}”不是年份：请写 2021 或 2021年，留空表示不限",
                                           "'{0}' is not a year: write 2021 or 2021年, or leave it empty"};
inline constexpr MessageText kUnitsYearsReversed{"止报年度 {0} 早于起报年度 {1}",
                                                 "last reporting year {0} is before the first, {1}"};
inline constexpr MessageText kUnitsDuplicateSlug{"标识“{0}”重复：第 {1} 行的“{2}”已经用了它",
                                                 "duplicate slug '{0}': row {1} ({2}) already uses it"};
inline constexpr MessageText kUnitsDuplicateName{"单位全称“{0}”重复：第 {1} 行已经登记了它",
                                                 "duplicate full name '{0}': row {1} already lists it"};
inline constexpr MessageText kUnitsNameClaimed{
    "名称“{0}”同时指向两个单位：第 {1} 行的“{2}”已经用了它；一个名称只能指一个单位，请删掉其中一处",
    "the name '{0}' points to two units: row {1} ({2}) already uses it; a name may point to one unit "
    "only, remove one of them"};
inline constexpr MessageText kUnitsEmpty{
    "data/units.csv 中没有单位：请每行登记一个单位，或删掉这个文件",
    "data/units.csv lists no unit: list one unit per row, or delete the file"};

// ---- References to units (reports, profiles, indicator values)
inline constexpr MessageText kUnknownUnit{
    "未知的单位“{0}”：data/units.csv 中没有这个标识、全称或简称",
    "unknown unit '{0}': data/units.csv has no such slug, full or short name"};
inline constexpr MessageText kUnknownUnitDidYouMean{
    "未知的单位“{0}”：data/units.csv 中没有这个标识、全称或简称；您是不是要找“{1}”（{2}）？",
    "unknown unit '{0}': data/units.csv has no such slug, full or short name; did you mean '{1}' ({2})?"};
inline constexpr MessageText kUnitWithoutRegistry{
    "“unit: {0}”需要单位名录 data/units.csv：请在其中登记单位，或删掉这一行",
    "'unit: {0}' needs the unit registry data/units.csv: list the unit there, or remove this line"};
inline constexpr MessageText kReportingUnitWithoutRegistry{
    "报告单位“{0}”需要单位名录 data/units.csv：请在其中登记单位，或清空这一列",
    "reporting unit '{0}' needs the unit registry data/units.csv: list the unit there, or empty the column"};
inline constexpr MessageText kUnitPublisherDiffer{
    "unit 指向“{0}”，publisher 却指向“{1}”：一份报告只属于一个单位",
    "unit names '{0}' but publisher names '{1}': a report belongs to one unit"};

}  // namespace fazhi::msg
