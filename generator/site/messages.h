// The messages of the site folder: the model built from every page.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

inline constexpr MessageText kReportTwice{"{0}的 {1} 年度报告已经有了：{2}",
                                          "a report of {0} for {1} already exists: {2}"};

inline constexpr MessageText kResourceClashes{
    "这个文件会发布为 {0}，但网站的另一个输出已经用了这个路径：请给文件换个名字",
    "this file would be published as {0}, a path another output of the site already uses: rename the file"};

}  // namespace fazhi::msg
