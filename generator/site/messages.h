// The messages of the site folder: the model built from every page.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

inline constexpr MessageText kReportTwice{"{0}的 {1} 年度报告已经有了：{2}",
                                          "a report of {0} for {1} already exists: {2}"};

inline constexpr MessageText kResourceClashes{
    "这个文件会发布为 {0}，但网站的另一个输出已经用了这个路径：请给文件换个名字",
    "this file would be published as {0}, a path another output of the site already uses: rename the file"};

inline constexpr MessageText kUnknownPageLayout{
    "主题里没有“{0}”模板：layout 要写主题 layouts/ 里的一个模板名（{1}），或者删去这一行",
    "the theme has no layout '{0}': name one of the theme's layouts/ ({1}), or delete this line"};
inline constexpr MessageText kUnknownPageLayoutDidYouMean{
    "主题里没有“{0}”模板，是不是要写“{1}”？", "the theme has no layout '{0}'; did you mean '{1}'?"};

}  // namespace fazhi::msg
