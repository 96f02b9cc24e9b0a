// The messages of the site folder: the model built from every page.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

inline constexpr MessageText kReportTwice{"{0}的 {1} 年度报告已经有了：{2}",
                                          "a report of {0} for {1} already exists: {2}"};

}  // namespace fazhi::msg
