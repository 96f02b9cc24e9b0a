// Messages the theme module reports (see core/message.h): Chinese first,
// English with `--lang en`.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

inline constexpr MessageText kThemeNotFound{
    "找不到主题“{0}”（在 {1} 下）；请检查 site.toml 的 theme",
    "theme '{0}' not found (looked in {1}); check theme in site.toml"};
inline constexpr MessageText kTemplateTooDeep{
    "模板中的区块（{{#…}} 或 {{^…}}）嵌套超过{0}层；请减少嵌套",
    "template sections ({{#…}} or {{^…}}) nest more than {0} deep; nest them less"};
inline constexpr MessageText kTemplateTooDeepInlined{
    "嵌入局部模板（partials）后，区块嵌套超过{0}层；请减少嵌套",
    "with its partials inlined, the template's sections nest more than {0} deep; nest them less"};
inline constexpr MessageText kTemplateTooLarge{
    "嵌入局部模板（partials）后，模板超过{0} MiB；是否有局部模板被反复包含？",
    "with its partials inlined, the template exceeds {0} MiB; is a partial included over and over?"};

}  // namespace fazhi::msg
