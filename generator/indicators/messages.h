// Messages of the indicators stage (data/indicators/*.csv and the indicator
// definitions) that an editor reads: Chinese first, English with --lang en.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

// ---- Time scope of an observation (scope / since / until columns).
inline constexpr MessageText kUnknownScope{
    "未知的期间“{0}”：请写 年度、累计、截至 或 未载明（留空即年度）",
    "unknown scope '{0}' (use 年度, 累计, 截至 or 未载明; empty means 年度)"};
inline constexpr MessageText kSinceNeedsCumulative{
    "起始时间“{0}”只用于期间为“累计”的数值；本行期间为“{1}”",
    "a start ('{0}') belongs only to a 累计 (cumulative) value; this row's scope is {1}"};
inline constexpr MessageText kUntilNeedsPointInTime{
    "截至日期“{0}”只用于期间为“截至”的数值；本行期间为“{1}”",
    "an as-of date ('{0}') belongs only to a 截至 (point-in-time) value; this row's scope is {1}"};
inline constexpr MessageText kBadPeriodDate{"“{0}”不是日期：请写 2019、2019-03 或 2019-03-01",
                                            "'{0}' is not a date: write 2019, 2019-03 or 2019-03-01"};

// ---- The source sentence (quote column).
inline constexpr MessageText kQuoteLacksValue{
    "原文“{0}”中没有数值 {1}：请核对数值或原文",
    "the source sentence '{0}' does not contain the value {1}: check the value or the sentence"};
inline constexpr MessageText kQuoteSaysScope{
    "原文含“{0}”，但本行期间为年度：请在期间列写 {1}，原文未说明时写 未载明",
    "the source sentence says '{0}' but this row's scope is 年度 (annual): write {1} in the scope column, "
    "or 未载明 when the sentence does not say"};

// ---- Prose that cites values ({{< value … >}}).
inline constexpr MessageText kValueLosesScope{
    "“{0}”的数值是{1}，但本句没有“{2}”：请照原文写明，否则读者会当作当年的数",
    "the value of '{0}' is {1}, but this sentence does not say '{2}': say it as the source does, or readers "
    "take it for the year's figure"};

// ---- Formulas of 计算 rows (data/indicators/*.csv, column formula/公式).
inline constexpr MessageText kFormulaError{"公式：{0}", "formula: {0}"};
inline constexpr MessageText kFormulaUnexpected{"多出了“{0}”", "unexpected '{0}'"};
inline constexpr MessageText kFormulaDivisionByZero{"除数为零", "division by zero"};
inline constexpr MessageText kFormulaExpectedCloseParen{"缺少右括号“)”", "expected ')'"};
inline constexpr MessageText kFormulaNotANumber{"“{0}”不是数字", "'{0}' is not a number"};
inline constexpr MessageText kFormulaExpectedOperandAtEnd{"末尾缺少数字或“指标@年份”",
                                                          "expected a number or indicator@year at the end"};
inline constexpr MessageText kFormulaExpectedOperand{"“{0}”处应为数字或“指标@年份”",
                                                     "expected a number or indicator@year at '{0}'"};
inline constexpr MessageText kFormulaUnknownIndicator{"未知指标“{0}”", "unknown indicator '{0}'"};
inline constexpr MessageText kFormulaNoObservation{"“{0}@{1}”没有数据", "'{0}@{1}' has no observation"};
inline constexpr MessageText kFormulaTooDeep{
    "括号或负号嵌套超过{0}层；请把公式拆开，分几行计算",
    "parentheses or minus signs nested more than {0} deep; split the formula into several rows"};

// ---- Files under data/ that are not read (data_files.h).
inline constexpr MessageText kDataWorkbookNotRead{
    "这是 Excel/WPS 工作簿，fazhi 不读取它，里面的数不会上网站：请在 Excel 里点“文件 → 另存为”，保存类型选"
    "“CSV UTF-8（逗号分隔）(*.csv)”，存为 {0}（每行一个数值，各列见 "
    "docs/indicators.md）；工作簿本身可以留作底稿",
    "this is an Excel/WPS workbook; fazhi does not read it, so its figures do not reach the site: in Excel "
    "choose File → Save As, type “CSV UTF-8 (Comma delimited) (*.csv)”, and save it as {0} (one value per "
    "row, columns in docs/indicators.md); the workbook itself may stay as the master copy"};
inline constexpr MessageText kDataCsvNotRead{
    "fazhi 只读取 data/indicators/ 文件夹里的 CSV，这个文件不会被读取，里面的数不会上网站：如果它是指标数值，"
    "请把它移到 {0}",
    "fazhi reads only the CSV files in data/indicators/; this file is not read and its figures do not reach "
    "the site: if it holds indicator values, move it to {0}"};

// ---- Cells as Excel saves them (cells.h).
inline constexpr MessageText kValueSplitThousands{
    "数值“{0}”里的千位分隔符“,”把它分成了两格，这一行就多出了一格：请去掉逗号写成 {1}，或给它加上引号写成 "
    "\"{0}\"",
    "the thousands separator in the value '{0}' splits it into two cells, so this row has one cell too "
    "many: drop the comma ({1}) or quote it (\"{0}\")"};

}  // namespace fazhi::msg
