// The messages of the markdown folder: links between pages and shortcodes.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

inline constexpr MessageText kShortcodeNotClosed{"短代码没有用“>}}”结束：写成 {{< 名称 参数 >}}",
                                                 "shortcode is not closed with '>}}'"};
inline constexpr MessageText kShortcodeEmpty{"短代码是空的：写成 {{< 名称 参数 >}}", "empty shortcode"};
inline constexpr MessageText kShortcodeUnknown{"没有“{0}”这个短代码（可用的短代码：{1}）",
                                               "unknown shortcode '{0}' (known: {1})"};
inline constexpr MessageText kShortcodeUnknownDidYouMean{"没有“{0}”这个短代码，是不是要写“{1}”？",
                                                         "unknown shortcode '{0}'; did you mean '{1}'?"};

// --- What an IME or Word leaves in a page body (markdown/body_check.h) -------

inline constexpr MessageText kShortcodeLookalike{
    "短代码的开头“{0}”不对：要写成半角的“{{<”，中间没有空格；这样写不会展开，会原样显示在页面上。请写成 {1}",
    "the shortcode opens with '{0}' instead of the ASCII '{{<' without spaces, so it is not expanded and "
    "would "
    "show on the page as typed: write {1}"};
inline constexpr MessageText kFullWidthLink{
    "这里像是一个链接，但“{0}"
    "”用了全角或中文括号（或括号之间有空格），不会变成链接、会原样显示：请用半角方括号和圆"
    "括号，写成 {1}",
    "this looks like a link, but '{0}' uses full-width or Chinese brackets (or a space between them), so it "
    "shows "
    "as typed instead of linking: use ASCII brackets, {1}"};
inline constexpr MessageText kFullWidthImageBang{
    "图片要以半角感叹号“!”开头，这里是全角的“！”，页面上只会出现一个链接而不是图片：请写成 {0}",
    "an image starts with an ASCII '!', not the full-width '！', which makes a link instead of an image: "
    "write "
    "{0}"};
inline constexpr MessageText kBodyWordLineBreak{
    "这里有一个 Word 的手动换行符（U+000B，Word 里按 Shift+回车 "
    "产生），网页上显示不出来：请删除它，需要换行就真正"
    "换一行（空一行是分段）",
    "a Word manual line break (U+000B, Shift+Enter in Word) here, which web pages cannot show: delete it, "
    "and "
    "start a new line where one is meant (a blank line starts a paragraph)"};
inline constexpr MessageText kBodyPageBreak{
    "这里有一个 Word 的分页符（U+000C），网页上显示不出来：请删除它",
    "a Word page break (U+000C) here, which web pages cannot show: delete it"};
inline constexpr MessageText kBodyObjectReplacement{
    "这里有一个对象占位符（U+FFFC），是从 Word "
    "复制时图片或附件留下的，图片本身没有复制过来：请删除它，把图片另存为"
    "文件放到页面旁边，再用 ![说明](文件名.png) 引用",
    "an object replacement character (U+FFFC) here, left where a picture or attachment was when copying from "
    "Word; the picture itself was not copied: delete it, save the picture as a file beside the page and use "
    "![caption](file.png)"};
inline constexpr MessageText kBodyReplacementChar{
    "这里有一个“�”（U+FFFD），说明这几个字在转换编码时已经损坏：请对照原文重新输入",
    "a replacement character '�' (U+FFFD) here: this text was broken by a wrong encoding on its way in; "
    "retype "
    "it from the original"};
inline constexpr MessageText kBodyControlChar{
    "这里有一个看不见的控制字符（{0}），网页上会显示成乱码：请删除它",
    "an invisible control character ({0}) here, which web pages show as "
    "garbage: delete it"};
inline constexpr MessageText kHeadingNoSpace{
    "“{0}”后面要空一格才是标题，这样写会显示成普通文字：请写成“{1}”",
    "a heading needs a space after '{0}'; as written it shows as plain text: write '{1}'"};
inline constexpr MessageText kFullWidthHeading{
    "标题的“{0}”是全角字符，要用半角的“#”，这样写会显示成普通文字：请写成“{1}”",
    "the heading marks '{0}' are full-width; use the ASCII '#', or this shows as plain text: write '{1}'"};
inline constexpr MessageText kTableFullWidthBar{
    "这张表格用了全角竖线“｜”，不会变成表格，会原样显示：请把表格里的“｜”都改为半角的“|”",
    "this table uses the full-width bar '｜', so it is no table and shows as typed: change every '｜' in it "
    "to the ASCII '|'"};
inline constexpr MessageText kTableDelimiterFullWidth{
    "表格第二行（分隔行）只能用半角的“|”“-”“:”，这里有破折号或全角字符，表格不会生效、会原样显示：请写成 {0}",
    "a table's second line (the delimiter row) takes only ASCII '|', '-' and ':'; with dashes or full-width "
    "characters the table does not work and shows as typed: write {0}"};
inline constexpr MessageText kHtmlCommentNotClosed{
    "注释“<!--”没有用“-->”结束：从这里起的 {0} 行都不会显示在网页上。请在注释该结束的地方加上“-->”",
    "the comment '<!--' is not closed with '-->': the {0} lines from here on are hidden from the "
    "page. Add '-->' where the comment should end"};
inline constexpr MessageText kRawHtmlLeftOut{
    "这里的 HTML“{0}”不会显示在网页上（本站只发布 Markdown；site.toml 没有设 unsafe_html = true）：请改用 "
    "Markdown 写法，例如表格用“|”分隔、换行就空一行",
    "the HTML '{0}' here is left out of the page (the site publishes Markdown only; site.toml does not set "
    "unsafe_html = true): write it in Markdown, e.g. a table with '|', a blank line for a new paragraph"};
inline constexpr MessageText kIndentedProse{
    "这一段以 Tab 或 4 个空格开头（多是 Word "
    "的首行缩进），会显示成灰底的代码块而不是正文：请删去行首的空白，网页会"
    "自动排版；如果确实要显示代码，请用 ``` 把它围起来",
    "this paragraph starts with a tab or 4 spaces (usually Word's first-line indent), which shows it as a "
    "grey "
    "code block instead of text: delete the indentation, the page lays text out by itself; to show code, "
    "fence "
    "it with ```"};

}  // namespace fazhi::msg
