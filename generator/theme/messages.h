// The messages of the theme folder: templates, partials and rendering.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

inline constexpr MessageText kTemplateError{"模板有误：{0}", "template error: {0}"};
inline constexpr MessageText kTemplateErrorInlined{"把局部模板（partial）拼进来后模板有误：{0}",
                                                   "template error after inlining partials: {0}"};
inline constexpr MessageText kPartialsTooDeep{"局部模板嵌套超过 16 层（是不是某个局部模板引用了它自己？）",
                                              "partials nest more than 16 deep (a partial includes itself?)"};
inline constexpr MessageText kPartialMissing{"找不到局部模板“{0}”", "partial '{0}' not found"};
inline constexpr MessageText kPartialMissingDidYouMean{"找不到局部模板“{0}”，是不是要写“{1}”？",
                                                       "partial '{0}' not found; did you mean '{1}'?"};
inline constexpr MessageText kLayoutMissing{"缺少模板：本站需要“{0}”模板",
                                            "missing template: the site needs a '{0}' layout"};
inline constexpr MessageText kRenderFailed{"生成 {0} 时出错：{1}", "rendering {0}: {1}"};

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
