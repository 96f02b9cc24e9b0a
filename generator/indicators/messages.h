// Messages the indicators stage reports (see core/message.h): Chinese first,
// English with `--lang en`.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

// Formulas of 计算 rows (data/indicators/*.csv, column formula/公式).
constexpr MessageText kFormulaError{"公式：{0}", "formula: {0}"};
constexpr MessageText kFormulaUnexpected{"多出了“{0}”", "unexpected '{0}'"};
constexpr MessageText kFormulaDivisionByZero{"除数为零", "division by zero"};
constexpr MessageText kFormulaExpectedCloseParen{"缺少右括号“)”", "expected ')'"};
constexpr MessageText kFormulaNotANumber{"“{0}”不是数字", "'{0}' is not a number"};
constexpr MessageText kFormulaExpectedOperandAtEnd{"末尾缺少数字或“指标@年份”",
                                                   "expected a number or indicator@year at the end"};
constexpr MessageText kFormulaExpectedOperand{"“{0}”处应为数字或“指标@年份”",
                                              "expected a number or indicator@year at '{0}'"};
constexpr MessageText kFormulaUnknownIndicator{"未知指标“{0}”", "unknown indicator '{0}'"};
constexpr MessageText kFormulaNoObservation{"“{0}@{1}”没有数据", "'{0}@{1}' has no observation"};
constexpr MessageText kFormulaTooDeep{
    "括号或负号嵌套超过{0}层；请把公式拆开，分几行计算",
    "parentheses or minus signs nested more than {0} deep; split the formula into several rows"};

}  // namespace fazhi::msg
