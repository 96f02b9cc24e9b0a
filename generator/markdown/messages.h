// The messages of the markdown folder: links between pages and shortcodes.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

inline constexpr MessageText kBrokenLink{"链接无法解析：“{0}”", "broken link '{0}'"};
inline constexpr MessageText kShortcodeNotClosed{"短代码没有用“>}}”结束：写成 {{< 名称 参数 >}}",
                                                 "shortcode is not closed with '>}}'"};
inline constexpr MessageText kShortcodeEmpty{"短代码是空的：写成 {{< 名称 参数 >}}", "empty shortcode"};
inline constexpr MessageText kShortcodeUnknown{"没有“{0}”这个短代码（可用的短代码：{1}）",
                                               "unknown shortcode '{0}' (known: {1})"};
inline constexpr MessageText kShortcodeUnknownDidYouMean{"没有“{0}”这个短代码，是不是要写“{1}”？",
                                                         "unknown shortcode '{0}'; did you mean '{1}'?"};

}  // namespace fazhi::msg
