// The messages of the indicators folder: definitions (content/indicators/),
// observations (data/indicators/*.csv), formulas, the {{< value >}}
// shortcode, sources and the figures a report's prose states.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

// --- Definitions --------------------------------------------------------------

inline constexpr MessageText kIndicatorMustBeText{"“{0}”只能写一段文字", "'{0}' must be text"};
inline constexpr MessageText kIndicatorMustBeTextList{"“{0}”必须是文字列表", "'{0}' must be a list of text"};
inline constexpr MessageText kIndicatorNeeds{"指标定义缺少“{0}”（{1}）",
                                             "indicator definition needs '{0}' ({1})"};
inline constexpr MessageText kIndicatorTitleWhat{"指标名称", "the indicator's name"};
inline constexpr MessageText kIndicatorCategoryWhat{"指标类别", "its category"};
inline constexpr MessageText kIndicatorUnitWhat{"计量单位，如 件、人次、%",
                                                "its unit, such as 件, 人次 or %"};
inline constexpr MessageText kUnknownCategory{"没有“{0}”这个指标类别（可用的类别：{1}）",
                                              "unknown category '{0}' (known: {1})"};
inline constexpr MessageText kUnknownCategoryDidYouMean{"没有“{0}”这个指标类别，是不是要写“{1}”？",
                                                        "unknown category '{0}'; did you mean '{1}'?"};
inline constexpr MessageText kUnknownKind{
    "没有“{0}”这种指标类型：请写 count（数量）、rate（比率）、amount（金额）、"
    "boolean（是否）或 change（增减幅度）",
    "unknown kind '{0}' (use count, rate, amount, boolean or change)"};
inline constexpr MessageText kUnknownKindDidYouMean{"没有“{0}”这种指标类型，是不是要写“{1}”？",
                                                    "unknown kind '{0}'; did you mean '{1}'?"};
inline constexpr MessageText kUnknownDirection{
    "没有“{0}”这种方向：请写 up（越高越好）、down（越低越好）、neutral（中性）"
    "或 target（以目标值为准）",
    "unknown direction '{0}' (use up, down, neutral or target)"};
inline constexpr MessageText kUnknownDirectionDidYouMean{"没有“{0}”这种方向，是不是要写“{1}”？",
                                                         "unknown direction '{0}'; did you mean '{1}'?"};
inline constexpr MessageText kTargetNotNumber{"目标值“{0}”不是数字", "target '{0}' is not a number"};
inline constexpr MessageText kTargetNeeded{"方向为 target 时要写“target”（目标值）",
                                           "direction 'target' needs a 'target' value"};
inline constexpr MessageText kRateUnit{"{0}的单位只能是“%”，这里是“{1}”",
                                       "the unit of a {0} must be '%', not '{1}'"};
inline constexpr MessageText kKindRate{"比率（rate）指标", "rate"};
inline constexpr MessageText kKindChange{"增减幅度（change）指标", "change"};
inline constexpr MessageText kChangeOfNeedsKind{"写了“change_of”就要写 kind: change",
                                                "'change_of' needs kind: change"};
inline constexpr MessageText kIdClashes{
    "指标编号“{0}”和指标栏目自己的页面（/indicators/{0}/）重名了：请给这个文件改个名字",
    "indicator id '{0}' clashes with the dashboard's pages (/indicators/{0}/); rename the file"};
inline constexpr MessageText kChangeOfUnknown{"“change_of”指向的指标“{0}”不存在",
                                              "'change_of' refers to unknown indicator '{0}'"};
inline constexpr MessageText kRelatedUnknown{"“related”指向的指标“{0}”不存在",
                                             "'related' refers to unknown indicator '{0}'"};

// --- CSV files ------------------------------------------------------------------

inline constexpr MessageText kCsvUnterminated{
    "引号没有闭合：这个格子以双引号“\"”开头，但到文件结束都没有结束的双引号", "unterminated quoted field"};
inline constexpr MessageText kCsvAfterQuote{"结束的双引号后面只能是逗号或换行：整个格子都要放在引号里",
                                            "expected ',' or end of line after a closing quote"};
inline constexpr MessageText kCsvQuoteInside{
    "没有加引号的格子里有双引号“\"”：请把整个格子放在双引号里，里面的双引号写两遍",
    "quote inside an unquoted field (quote the whole field)"};
inline constexpr MessageText kCsvCannotRead{"无法读取这个 CSV 文件：{0}", "cannot read CSV: {0}"};
inline constexpr MessageText kCsvUnknownColumn{"不认识的列名“{0}”（可用的列名：{1}）",
                                               "unknown column '{0}' (known: {1})"};
inline constexpr MessageText kCsvUnknownColumnDidYouMean{"不认识的列名“{0}”，是不是要写“{1}”？",
                                                         "unknown column '{0}'; did you mean '{1}'?"};
inline constexpr MessageText kCsvDuplicateColumn{"列名“{0}”重复了", "duplicate column '{0}'"};
inline constexpr MessageText kCsvMissingColumn{"缺少“{0}”列（也可以写作“{1}”）",
                                               "missing column '{0}' ({1})"};
inline constexpr MessageText kCsvTooManyFields{
    "这一行有 {0} 个格子，比表头的 {1} 列多：多出的格子要删掉，或者在表头补上列名",
    "row has {0} fields but the header has {1}"};
inline constexpr MessageText kCsvMissingId{"缺少指标编号", "missing indicator id"};
inline constexpr MessageText kUnknownIndicator{"没有“{0}”这个指标（没有 content/indicators/{0}.md）",
                                               "unknown indicator '{0}' (no content/indicators/{0}.md)"};
inline constexpr MessageText kUnknownIndicatorDidYouMean{"没有“{0}”这个指标，是不是要写“{1}”？",
                                                         "unknown indicator '{0}'; did you mean '{1}'?"};
inline constexpr MessageText kIndicatorIsTitle{
    "“{0}”是指标“{1}”的名称：这里要写指标编号“{1}”",
    "'{0}' is the title of indicator '{1}': write its id '{1}' here"};
inline constexpr MessageText kCsvBadYear{"年份“{0}”不是四位数的年份", "year '{0}' is not a year (YYYY)"};
inline constexpr MessageText kCsvUnknownQualifier{
    "没有“{0}”这个限定词：请写 以上、多、余、约、近 或 超，或者不填",
    "unknown qualifier '{0}' (use 以上, 多, 余, 约, 近 or 超, or leave "
    "it empty)"};
inline constexpr MessageText kCsvUnitDiffers{"单位“{0}”和指标“{1}”定义的单位“{2}”不一致",
                                             "unit '{0}' differs from the definition of '{1}' ('{2}')"};
inline constexpr MessageText kCsvNotYesNo{"数值“{0}”要写“是”或“否”", "value '{0}' is not 是 or 否"};
inline constexpr MessageText kCsvMissingValue{"缺少数值", "missing value"};
inline constexpr MessageText kCsvNotNumber{"数值“{0}”不是数字", "value '{0}' is not a number"};
inline constexpr MessageText kCsvValueWithQualifier{
    "数值“{0}”带了限定词“{1}”：数值列只写数字 {2}，“{1}”写在“限定”列（单位写在“单位”列）",
    "value '{0}' carries the qualifier '{1}': the value column takes the number {2} alone; put '{1}' in the "
    "qualifier column (and the unit in the unit column)"};
inline constexpr MessageText kCsvSeparatorExcel{
    "这个文件的各列是用{0}分隔的，fazhi 只读用半角逗号“,”分隔的 CSV：请在 Excel 里点“文件 → 另存为”，"
    "保存类型选“CSV UTF-8（逗号分隔）(*.csv)”",
    "this file's columns are separated by {0}; fazhi reads CSV separated by ASCII commas: in Excel use "
    "File → Save As, type 'CSV UTF-8 (Comma delimited) (*.csv)'"};
inline constexpr MessageText kCsvSeparatorFullWidth{
    "这个文件的各列是用中文标点“{0}”分隔的，fazhi 只认半角逗号“,”：请把列与列之间的“{0}”都改为“,”",
    "this file's columns are separated by the full-width '{0}'; fazhi reads ASCII commas only: change "
    "every '{0}' between columns to ','"};
inline constexpr MessageText kCsvValueMultiplier{
    "数值“{0}”里的“{1}”要换算成数字：数值列请写 {2}（限定词写在“限定”列，单位写在“单位”列）",
    "value '{0}': convert '{1}' into the number: write {2} in the value column (a qualifier goes in the "
    "qualifier column, the unit in the unit column)"};
inline constexpr MessageText kCsvValueWithUnit{
    "数值“{0}”带了单位“{1}”：数值列只写数字 {2}，单位写在“单位”列（这个指标的单位是“{3}”）",
    "value '{0}' carries the unit '{1}': the value column takes the number {2} alone; the unit goes in the "
    "unit column (this indicator's unit is '{3}')"};
inline constexpr MessageText kCsvRateRange{"比率“{0}”不在 0 到 100 之间", "rate '{0}' is outside 0–100"};
inline constexpr MessageText kCsvUnknownBasis{"没有“{0}”这种依据：请写“原文”或“计算”",
                                              "unknown basis '{0}' (use 原文 or 计算)"};
inline constexpr MessageText kCsvNeedsFormula{"依据是“计算”的数值要写出公式（formula 列）",
                                              "basis 计算 needs a formula"};
inline constexpr MessageText kCsvDuplicate{"指标“{0}”的 {1} 年数值重复了（第一次在 {2}）",
                                           "duplicate observation of '{0}' for {1} (first at {2})"};
inline constexpr MessageText kCsvDuplicateUnit{
    "指标“{0}”的 {1} 年报告单位“{2}”的数值重复了（第一次在 {3}）",
    "duplicate observation of '{0}' for {1}, reporting unit '{2}' (first at {3})"};
inline constexpr MessageText kCsvDuplicateUnitBreakdown{
    "指标“{0}”的 {1} 年报告单位“{2}”分组“{3}”的数值重复了（第一次在 {4}）",
    "duplicate observation of '{0}' for {1}, reporting unit '{2}', breakdown '{3}' (first at {4})"};
inline constexpr MessageText kCsvDuplicateBreakdown{
    "指标“{0}”的 {1} 年“{2}”分组数值重复了（第一次在 {3}）",
    "duplicate observation of '{0}' for {1}, breakdown '{2}' (first "
    "at {3})"};

// --- Formulas ---------------------------------------------------------------------

inline constexpr MessageText kFormulaMismatch{
    "数值 {0} 和它的公式 {1} = {2} 对不上（超出了四舍五入的误差）",
    "value {0} does not match its formula {1} = {2} (beyond rounding)"};

// --- Indicators the build computes ----------------------------------------------------

inline constexpr MessageText kGeneratedTwice{"指标编号“{0}”被生成了两次",
                                             "indicator id '{0}' is generated twice"};
inline constexpr MessageText kGeneratedDefined{
    "指标“{0}”由构建自动计算，content/indicators/{0}.md 不能再定义它：请删除或改名",
    "indicator id '{0}' is computed by the build; content/indicators/{0}.md must not define it too"};
inline constexpr MessageText kGeneratedCategory{"指标“{0}”：没有“{1}”这个类别",
                                                "indicator '{0}': unknown category '{1}'"};
inline constexpr MessageText kGeneratedOrphan{"指标“{0}”的数值没有对应的自动生成的定义",
                                              "observation of '{0}' has no generated definition"};

// --- The {{< value >}} shortcode ---------------------------------------------------

inline constexpr MessageText kValueArgs{"value 短代码要写指标编号和年份：{{< value 指标编号 年份 >}}",
                                        "value needs an indicator id and a year: {{< value <id> <year> >}}"};
inline constexpr MessageText kValueBadYear{"年份“{0}”不是四位数的年份", "year '{0}' is not a year (YYYY)"};
inline constexpr MessageText kValueMissing{"指标“{0}”没有 {1} 年的数值（已有：{2}）",
                                           "indicator '{0}' has no value for {1} (it has {2})"};
inline constexpr MessageText kValueMissingBreakdown{
    "指标“{0}”没有 {1} 年“{2}”分组的数值（已有：{3}）",
    "indicator '{0}' has no value for {1}, breakdown '{2}' (it has "
    "{3})"};
inline constexpr MessageText kValueNone{"指标“{0}”还没有任何数值", "indicator '{0}' has no values"};

// --- Sources and prose -----------------------------------------------------------------

inline constexpr MessageText kSourceLink{
    "来源（source）有误：{0}；请写相对于 content/ 的路径，例如 reports/2024.md#一主要举措",
    "source: {0} (write it relative to content/, e.g. reports/2024.md#section)"};
inline constexpr MessageText kSourceAnchor{
    "来源（source）的“#{0}”不是 {1} 里的标题：请用标题的编号，例如 #{2}",
    "source: '#{0}' is not a heading of {1} (use a heading id, e.g. #{2})"};
inline constexpr MessageText kProseDiffers{"正文写的是 {0}（{1}），但数据是 {2}（{3}年，{4}）",
                                           "prose says {0} for {1} but the data says {2} for {3} ({4})"};

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
