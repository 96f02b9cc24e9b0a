// The messages of core: the diagnostics frame, reading the site, site.toml,
// front matter and the characters that break them, page fields and links.
// Chinese first, in the terms a bureau's web editor uses (文件头 for front
// matter, 引号, 全角冒号, 缩进); English for `--lang en`.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

// --- The diagnostics frame --------------------------------------------------

inline constexpr MessageText kWarningPrefix{"警告：", "warning: "};
inline constexpr MessageText kWarningLine{"警告：{0}", "warning: {0}"};
inline constexpr MessageText kMoreErrors{"……另有 {0} 个错误未列出", "... and {0} more errors"};
inline constexpr MessageText kMoreWarnings{"……另有 {0} 个警告未列出", "... and {0} more warnings"};
inline constexpr MessageText kMoreNotes{"……另有 {0} 条编辑备注未列出", "... and {0} more editor notes"};
inline constexpr MessageText kErrorCount{"{0} 个错误", "{0} errors"};
inline constexpr MessageText kOneError{"1 个错误", "1 error"};
inline constexpr MessageText kWarningCount{"{0} 个警告", "{0} warnings"};

// --- Reading the site and writing the output ---------------------------------

inline constexpr MessageText kSiteFolderMissing{"站点文件夹不存在", "site folder does not exist"};
inline constexpr MessageText kSiteIsNotFolder{
    "这是一个文件，不是站点文件夹：请给出放着 site.toml 的文件夹（fazhi 总是检查整个网站），例如 fazhi check "
    ".",
    "this is a file, not a site folder: give the folder that holds site.toml (fazhi always checks the whole "
    "site), e.g. fazhi check ."};
inline constexpr MessageText kCannotListFolder{"无法列出这个文件夹的内容：{0}", "cannot list folder: {0}"};
inline constexpr MessageText kCannotReadFile{"无法读取这个文件：{0}", "cannot read file: {0}"};
inline constexpr MessageText kInvalidEncodedText{
    "文件开头标着 {0} 编码，后面却有 {0} 里不存在的字节（文件可能不完整或被别的程序改坏了）：请在 Excel 或 "
    "WPS "
    "里重新另存为“CSV UTF-8”",
    "the file is marked as {0} but holds bytes that are not valid {0} (it may be cut short or damaged): "
    "save it again from Excel or WPS as 'CSV UTF-8'"};
inline constexpr MessageText kUnknownEncoding{
    "认不出文字编码（不是 UTF-8、UTF-16 或 GB18030）：请在 Excel 或 WPS 里另存为“CSV UTF-8”",
    "unknown text encoding (not UTF-8, UTF-16 or GB18030)"};

// --- Characters that break YAML and TOML -------------------------------------

inline constexpr MessageText kFullWidthColon{
    "这里用了全角冒号“：”，请改为半角冒号“:”并在其后加一个空格",
    "a full-width colon '：' here; use an ASCII colon ':' followed by a "
    "space"};
inline constexpr MessageText kNoSpaceAfterColon{"冒号“:”后面要加一个空格，写成“{0}: {1}”",
                                                "put a space after the colon: '{0}: {1}'"};
inline constexpr MessageText kTabIndent{"不能用Tab缩进，请用两个空格",
                                        "tabs cannot indent YAML; use two spaces"};
inline constexpr MessageText kIdeographicSpace{
    "这里有一个全角空格（U+3000），请改为半角空格或删除它",
    "an ideographic space (U+3000) here; use an ASCII space or delete "
    "it"};
inline constexpr MessageText kIdeographicSpaceIndent{
    "行首有一个全角空格（U+3000）：键要从行首写起，缩进只能用半角空格，请删除它",
    "an ideographic space (U+3000) at the start of the line: keys start at the beginning of the line and "
    "indent "
    "with ASCII spaces only; delete it"};
inline constexpr MessageText kNoBreakSpace{
    "这里有一个不换行空格（U+00A0，多由 Word 或网页复制带入），请改为普通的半角空格或删除它",
    "a no-break space (U+00A0, usually pasted from Word or a web page) here; use an ordinary space or delete "
    "it"};
inline constexpr MessageText kNoBreakSpaceIndent{
    "行首有一个不换行空格（U+00A0，多由 Word 或网页复制带入）：键要从行首写起，请删除它",
    "a no-break space (U+00A0, usually pasted from Word or a web page) at the start of the line: keys start "
    "at "
    "the beginning of the line; delete it"};
inline constexpr MessageText kZeroWidth{"这里有一个看不见的零宽字符（{0}），请删除它",
                                        "an invisible zero-width character ({0}) here; delete it"};
inline constexpr MessageText kControlChar{"这里有一个看不见的控制字符（{0}），请删除它",
                                          "an invisible control character ({0}) here; delete it"};
inline constexpr MessageText kWordLineBreak{
    "这里有一个 Word 的手动换行符（U+000B），请删除它，需要换行就真正换一行",
    "a Word manual line break (U+000B) here; delete it, and start a new line where one is meant"};
inline constexpr MessageText kChineseQuotesValue{
    "这个值用了中文引号“”，文件头只认半角引号：请改为 {0}: \"{1}\"",
    "this value is in Chinese quotes “”, which front matter does not read as quotes; write {0}: \"{1}\""};
inline constexpr MessageText kChineseQuotesKept{
    "值的两端是中文引号“”，它们会原样显示在页面上；如果是想给值加引号，请改用半角双引号：{0}: \"{1}\"",
    "the value is wrapped in Chinese quotes “”, which will show on the page; to quote the value, use ASCII "
    "double quotes: {0}: \"{1}\""};
inline constexpr MessageText kFullWidthEquals{"这里用了全角等号“＝”，请改为半角等号“=”",
                                              "a full-width equals sign '＝' here; use '='"};
inline constexpr MessageText kTomlColon{"site.toml 用等号“=”连接键和值，这里用了冒号“{0}”：请改为 {1} = …",
                                        "TOML joins a key and its value with '=', not '{0}': write {1} = …"};
inline constexpr MessageText kTomlChineseQuotes{
    "这里用了中文引号“{0}”，文字要放在半角双引号里：{1} = \"{2}\"",
    "Chinese quote '{0}' here; text goes in ASCII double quotes: {1} = "
    "\"{2}\""};
inline constexpr MessageText kTomlNeedsQuotes{"文字要放在半角双引号里：{0} = \"{1}\"",
                                              "text goes in double quotes: {0} = \"{1}\""};
inline constexpr MessageText kFullWidthDash{
    "列表项用了“{0}”，请改为半角减号“-”，后面加一个空格",
    "a list item starts with '{0}'; use an ASCII '-' followed by a space"};
inline constexpr MessageText kFullWidthBracket{"这里用了全角括号“{0}”，请改为半角方括号“{1}”",
                                               "a full-width bracket '{0}' here; use '{1}'"};
inline constexpr MessageText kFullWidthComma{"这里用了全角逗号“{0}”，列表里请用半角逗号“,”",
                                             "a full-width comma '{0}' here; separate list items with ','"};

// --- Front matter: the fences --------------------------------------------------

inline constexpr MessageText kFmNeverClosed{
    "文件头从第1行的“{0}”开始，但后面没有结束的“{0}”行：请在文件头最后一行之后加一行“{0}”",
    "front matter opened with '{0}' is never closed; add a '{0}' line after its last line"};
inline constexpr MessageText kFmBadFence{"文件头的分隔线要写成三个半角减号“---”，这里是“{0}”",
                                         "a front matter fence is three ASCII hyphens '---', not '{0}'"};
inline constexpr MessageText kFmBadTomlFence{
    "TOML 文件头的分隔线要写成三个半角加号“+++”，这里是“{0}”",
    "a TOML front matter fence is three ASCII plus signs '+++', not '{0}'"};
inline constexpr MessageText kFmMissingOpening{
    "文件头缺少开头的“---”行：文件要以一行“---”开始，接着写 title、date 等，再以一行“---”结束",
    "the front matter has no opening '---' line: a page begins with a '---' line, then title, date and so "
    "on, "
    "then another '---' line"};
inline constexpr MessageText kFmNone{
    "这个页面没有文件头：文件要以一行“---”开始，写明 title（标题）和 date（发布日期），再以一行“---”结束",
    "this page has no front matter: begin the file with a '---' line, give title and date, and end them with "
    "another '---' line"};

// --- Front matter: YAML and TOML as the parsers see them -------------------------

inline constexpr MessageText kFmNotMap{"文件头要写成一行一个“键: 值”",
                                       "front matter must be 'key: value' lines"};
inline constexpr MessageText kFmSecondDocument{"文件头里又出现了一行“---”或“...”：文件头只能有一段",
                                               "front matter holds more than one YAML document"};
inline constexpr MessageText kFmTooDeep{"文件头嵌套的层次太多", "front matter is nested too deeply"};
inline constexpr MessageText kFmAlias{
    "值不能以“*”开头（YAML 会当成引用）：请给这个值加半角引号",
    "a value cannot begin with '*' (YAML reads an alias); put it in quotes"};
inline constexpr MessageText kFmKeyNotText{"文件头的键只能是普通文字",
                                           "front matter keys must be plain text"};
inline constexpr MessageText kFmDuplicateKey{"键“{0}”重复了：第{1}行已经写过一次，请删去其中一个",
                                             "duplicate key '{0}' (first on line {1})"};
inline constexpr MessageText kYamlOther{"文件头的格式有误（YAML 解析器报告：{0}）",
                                        "invalid YAML front matter: {0}"};
inline constexpr MessageText kTomlOther{"TOML 格式有误（解析器报告：{0}）", "invalid TOML: {0}"};
inline constexpr MessageText kYamlMissingColon{
    "这一行缺少冒号：文件头的每一行写成“键: 值”，冒号用半角“:”，后面加一个空格",
    "this line has no colon: front matter lines are 'key: value', with an ASCII colon and a space after it"};
inline constexpr MessageText kYamlMissingColonAfterKey{
    "“{0}”后面缺少冒号：写成“{0}: {1}”，冒号用半角“:”，后面加一个空格",
    "'{0}' is not followed by a colon: write '{0}: {1}', with an ASCII colon and a space after it"};
inline constexpr MessageText kTrailingInvisibleSpace{
    "值的末尾有一个看不见的{0}：fazhi 已把它去掉，请在文件里也删除它",
    "the value ends with an invisible {0}: fazhi leaves it out; delete it in the file too"};
inline constexpr MessageText kTrailingIdeographicSpace{"全角空格（U+3000）", "ideographic space (U+3000)"};
inline constexpr MessageText kTrailingNoBreakSpace{"不换行空格（U+00A0）", "no-break space (U+00A0)"};
inline constexpr MessageText kYamlColonInValue{
    "值里有“: ”（冒号加空格），会被当成又一个键：请给这个值加引号，写成 {0}: \"{1}\"",
    "the value contains ': ', which YAML reads as another key; quote the value: {0}: \"{1}\""};
inline constexpr MessageText kYamlIndented{"这一行前面多了空格：键要从行首写起，与上一行对齐",
                                           "this line is indented: keys start at the beginning of the line, "
                                           "aligned with the line above"};
inline constexpr MessageText kYamlUnclosedQuote{
    "引号没有闭合：这里开始的{0}到文件头结束都没有配对的结束引号",
    "unclosed quote: the {0} that begins here is never closed before "
    "the end of the front matter"};
inline constexpr MessageText kDoubleQuote{"双引号“\"”", "double quote '\"'"};
inline constexpr MessageText kSingleQuote{"单引号“'”", "single quote (')"};
inline constexpr MessageText kYamlBadStart{"值不能以“{0}”开头：请给这个值加半角引号，写成 {1}: \"{2}\"",
                                           "a value cannot begin with '{0}'; quote it: {1}: \"{2}\""};
inline constexpr MessageText kYamlUnclosedList{
    "方括号“[”没有闭合：列表写成 [甲, 乙]，用半角逗号分隔，以“]”结束",
    "the '[' that begins here is never closed: write a list as [a, b]"};
inline constexpr MessageText kYamlUnclosedMap{
    "花括号“{”没有闭合：请以“}”结束，或者把整个值放在引号里",
    "the '{' that begins here is never closed: end it with '}', or quote "
    "the whole value"};
inline constexpr MessageText kYamlTextAfterQuote{
    "引号后面还有文字：整个值都要放在引号里面",
    "text after the closing quote: put the whole value inside the "
    "quotes"};
inline constexpr MessageText kYamlBadLine{"这一行的格式不对：文件头的每一行写成“键: 值”",
                                          "this line is not a 'key: value' line"};
inline constexpr MessageText kYamlListItemHere{
    "这里不能写列表项“- ”：列表项要写在一个只有键的行之下，例如“tags:”下一行写“  - 甲”",
    "a list item '- ' cannot go here: list items go under a line holding only the key, such as 'tags:'"};
inline constexpr MessageText kYamlListIndent{
    "这一行和上面的列表项没有对齐：同一项里的键要与“- ”后面的第一个键对齐",
    "this line is not aligned with the list item above: keys of one item line up with the first key after '- "
    "'"};
inline constexpr MessageText kBadEscape{"双引号里的反斜杠“\\”要写成“\\\\”，或者改用单引号",
                                        "a backslash inside double quotes must be written '\\\\'; or use "
                                        "single quotes"};
inline constexpr MessageText kTomlUnclosedString{
    "引号没有闭合：这里开始的文字到行尾都没有结束的引号",
    "unclosed quote: the string that begins here has no closing quote "
    "on its line"};
inline constexpr MessageText kTomlDuplicateKey{"键“{0}”重复了：同一个表里只能写一次",
                                               "duplicate key '{0}': a table may give it once"};
inline constexpr MessageText kTomlBadDate{"日期不对：要写成 YYYY-MM-DD 的真实日期，例如 2025-03-31",
                                          "not a date: write a real date as YYYY-MM-DD, such as 2025-03-31"};
inline constexpr MessageText kTomlNumberSeparator{"数字里不能有千位分隔符“,”：请删去逗号",
                                                  "a number cannot hold a thousands separator ',': drop it"};
inline constexpr MessageText kTomlTextAfterValue{
    "值后面还有多余的文字：文字要整个放在双引号里，注释要以“#”开头",
    "text after the value: put the whole text inside the double quotes, and begin a comment with '#'"};
inline constexpr MessageText kTomlUnclosedBracket{"方括号“[”没有配对的“]”",
                                                  "the '[' here has no matching ']'"};
inline constexpr MessageText kTomlMissingEquals{"这一行缺少等号：site.toml 的每一行写成 键 = 值",
                                                "this line has no '=': write key = value"};
inline constexpr MessageText kTomlBadLine{"这一行的格式不对：site.toml 的每一行写成 键 = 值，或者 [表名]",
                                          "this line is neither key = value nor a [table] header"};
inline constexpr MessageText kTomlKeySpace{
    "键名里不能有空格：键写成一个词，例如 site_code",
    "a key cannot contain a space: write it as one word, such as site_code"};

// --- Front matter fields ---------------------------------------------------------

inline constexpr MessageText kKindList{"列表", "a list"};
inline constexpr MessageText kKindMap{"一组“键: 值”", "a map"};
inline constexpr MessageText kMustBeSingle{"“{0}”只能写一个值，这里写成了{1}",
                                           "'{0}' must be a single value, not {1}"};
inline constexpr MessageText kMustBeBool{"“{0}”只能是 true 或 false，这里是“{1}”",
                                         "'{0}' must be true or false, not '{1}'"};
inline constexpr MessageText kMustBeInt{"“{0}”必须是整数，这里是“{1}”",
                                        "'{0}' must be a whole number, not '{1}'"};
inline constexpr MessageText kMustBeDate{"“{0}”必须是日期，写成 YYYY-MM-DD（例如 2025-03-31），这里是“{1}”",
                                         "'{0}' must be a date YYYY-MM-DD, not '{1}'"};
inline constexpr MessageText kMustBeDateAs{"“{0}”的日期要写成 YYYY-MM-DD：请把“{1}”改为 {2}",
                                           "'{0}' must be a date YYYY-MM-DD: write {2}, not '{1}'"};
inline constexpr MessageText kDateNotInCalendar{"“{0}”的日期“{1}”在日历上不存在",
                                                "'{0}': there is no date '{1}'"};
inline constexpr MessageText kMustBeList{"“{0}”必须是列表，例如 [甲, 乙]", "'{0}' must be a list"};
inline constexpr MessageText kListItemsSingle{"“{0}”列表里的每一项都只能是单个值",
                                              "items of '{0}' must be single values"};
inline constexpr MessageText kUnknownFmKey{"不认识的文件头键“{0}”（可用的键：{1}）",
                                           "unknown front matter key '{0}' (known keys: {1})"};
inline constexpr MessageText kUnknownFmKeyDidYouMean{"不认识的文件头键“{0}”，是不是要写“{1}”？",
                                                     "unknown front matter key '{0}'; did you mean '{1}'?"};
inline constexpr MessageText kMissingFmKey{"缺少必填的文件头键“{0}”（{1}）",
                                           "missing required front matter key '{0}' ({1})"};
inline constexpr MessageText kTitleWhat{"标题", "the title"};
inline constexpr MessageText kDateWhat{"发布日期", "the publication date"};
inline constexpr MessageText kReportYearWhat{"报告年度", "the reporting year"};
inline constexpr MessageText kEmptyTitle{"“title”（标题）不能为空", "'title' must not be empty"};
inline constexpr MessageText kEmptyDate{"“date”（发布日期）不能为空：写成 YYYY-MM-DD，例如 2025-03-31",
                                        "'date' must not be empty: write YYYY-MM-DD, e.g. 2025-03-31"};
inline constexpr MessageText kBadYear{"“year”必须是年份，例如 2024", "'year' must be a year such as 2024"};

// --- Pages and links -------------------------------------------------------------

inline constexpr MessageText kInvalidUtf8{
    "这里的文字不是 UTF-8 编码：请把文件另存为 UTF-8（记事本、WPS 的“另存为”里可选编码）",
    "invalid UTF-8 byte sequence (save the file as UTF-8)"};
inline constexpr MessageText kDuplicateUrl{"页面地址 {0} 已被 {1} 占用：请改文件名或 slug",
                                           "page URL {0} is already used by {1}"};
inline constexpr MessageText kLinkMissing{"链接的页面不存在：“{0}”",
                                          "link to a page that does not exist: '{0}'"};
inline constexpr MessageText kLinkMissingDidYouMean{
    "链接的页面不存在：“{0}”，是不是要链接“{1}”？",
    "link to a page that does not exist: '{0}'; did you mean '{1}'?"};

// --- site.toml ---------------------------------------------------------------------

inline constexpr MessageText kConfigMissing{
    "缺少 site.toml：每个站点都需要这个设置文件（可以用 `fazhi new site "
    "文件夹` 新建一个站点）",
    "missing: every site needs a site.toml (run `fazhi new site DIR`)"};
inline constexpr MessageText kUnknownConfigKey{"site.toml 里没有“{0}”这个设置（可用的设置：{1}）",
                                               "unknown key '{0}' (known keys: {1})"};
inline constexpr MessageText kUnknownConfigKeyDidYouMean{"site.toml 里没有“{0}”这个设置，是不是要写“{1}”？",
                                                         "unknown key '{0}'; did you mean '{1}'?"};
inline constexpr MessageText kConfigString{"“{0}”的值是文字，要放在半角双引号里", "'{0}' must be a string"};
inline constexpr MessageText kConfigInt{"“{0}”必须是 {1} 到 {2} 之间的整数",
                                        "'{0}' must be a whole number from {1} to {2}"};
inline constexpr MessageText kConfigBool{"“{0}”只能是 true 或 false", "'{0}' must be true or false"};
inline constexpr MessageText kConfigStringList{"“{0}”必须是文字列表，例如 [\"甲\", \"乙\"]",
                                               "'{0}' must be a list of strings"};
inline constexpr MessageText kConfigListItemString{"“{0}”列表里的每一项都要放在半角双引号里",
                                                   "items of '{0}' must be strings"};
inline constexpr MessageText kConfigTable{"“{0}”必须是一个表，写成 [{0}]", "'{0}' must be a table ([{0}])"};
inline constexpr MessageText kConfigAsOf{"“as_of”必须是日期，例如 as_of = 2025-03-31",
                                         "'as_of' must be a date such as 2025-03-31"};
inline constexpr MessageText kConfigMissingTitle{
    "缺少必填的设置“title”（网站名称），例如 title = \"某区司法局法治政府建设专栏\"",
    "missing required key 'title'"};
inline constexpr MessageText kConfigMissingAsOf{
    "缺少必填的设置“as_of”（代表“今天”的日期，使每次构建结果一致），例如 as_of = 2025-03-31",
    "missing required key 'as_of' (the date that stands in for today)"};
inline constexpr MessageText kConfigMenuArray{"“menu”要写成一组 [[menu]] 表",
                                              "'menu' must be an array of tables ([[menu]])"};
inline constexpr MessageText kConfigMenuEntry{"每个菜单项都要写成一个 [[menu]] 表，包含 name 和 url",
                                              "each menu entry must be a table with name and url"};
inline constexpr MessageText kConfigMenuNeedsBoth{"菜单项要同时写 name（名称）和 url（链接）",
                                                  "a menu entry needs both name and url"};
inline constexpr MessageText kConfigCategoriesArray{"“categories”要写成一组 [[indicators.categories]] 表",
                                                    "'categories' must be an array of tables "
                                                    "([[indicators.categories]])"};
inline constexpr MessageText kConfigCategoryEntry{"每个指标类别都要写成一个表，包含 slug 和 name",
                                                  "each category must be a table with slug and name"};
inline constexpr MessageText kConfigCategoryNeedsBoth{"指标类别要同时写 slug（网址名）和 name（名称）",
                                                      "a category needs both slug and name"};
inline constexpr MessageText kConfigUnknownCategory{
    "没有“{0}”这个指标类别：请写 [indicators] 中的一个类别（{1}）",
    "unknown indicator category '{0}' (use a slug of [indicators] "
    "categories: {1})"};
inline constexpr MessageText kConfigUnknownCategoryDidYouMean{
    "没有“{0}”这个指标类别，是不是要写“{1}”？", "unknown indicator category '{0}'; did you mean '{1}'?"};

// Reading the site (source_tree).
inline constexpr MessageText kSymlinkLeavesSite{
    "符号链接指向站点文件夹之外（{0}）：fazhi 不读取站点外的文件；请把要发布的文件复制进站点文件夹",
    "symbolic link points outside the site folder ({0}): fazhi reads no file outside the site; copy the "
    "file into the site folder"};
inline constexpr MessageText kSymlinkDangling{
    "符号链接的目标不存在（{0}）；请删除这个链接或改正它",
    "symbolic link points to nothing ({0}); remove or fix the link"};
inline constexpr MessageText kSymlinkedFolderSkipped{
    "链接到文件夹的符号链接不会被读取，其中的文件不会发布；请改用真实的文件夹",
    "a symbolic link to a folder is not followed, so its files are not published; use a real folder"};

// Content (front matter).
inline constexpr MessageText kSlugNotASegment{
    "slug “{0}” 只能是网址中的一段名称：不能含有 /、\\、?、# 或控制字符，也不能是 . 或 ..",
    "slug '{0}' must be one segment of a URL: no /, \\, ?, # or control characters, and not . or .."};

// Editor notes (front matter `review:`, issue 14).
inline constexpr MessageText kNotePrefix{"编辑备注（不公开）：", "note (not published): "};
inline constexpr MessageText kReviewNotText{"review（编辑备注）应为一段文字或文字列表",
                                            "'review' (editor notes) must be text or a list of text"};

// --- Links, images and files beside a page (core/links.h) --------------------

inline constexpr MessageText kLinkEmpty{
    "链接的目标是空的：请在括号里写上页面或文件，例如 [文字](../reports/2024.md)",
    "the link has no target: write a page or a file in the parentheses, e.g. [text](../reports/2024.md)"};
inline constexpr MessageText kLinkOnComputer{
    "“{0}”是你电脑上的文件路径，网站上打不开：请把文件放到页面的 Markdown 文件旁边，再按文件名链接，例如 "
    "[原文](原文.pdf)",
    "'{0}' is a path on your computer, which the site cannot open: put the file beside the page's Markdown "
    "file "
    "and link it by name, e.g. [original](original.pdf)"};
inline constexpr MessageText kImageOnComputer{
    "“{0}”是你电脑上的图片路径，网站上显示不出来：请把图片放到页面的 Markdown 文件旁边，再按文件名引用，例如 "
    "![图表](图表.png)",
    "'{0}' is a path on your computer, which the site cannot show: put the image beside the page's Markdown "
    "file "
    "and use its name, e.g. ![chart](chart.png)"};
inline constexpr MessageText kLinkBackslash{
    "“{0}”里用了反斜杠“\\”：网址和路径都用正斜杠“/”，请写成“{1}”",
    "'{0}' uses a backslash '\\': URLs and paths use '/'; write '{1}'"};
inline constexpr MessageText kLinkHasBasePath{
    "“{0}”已经包含网站的子路径 {1}：请写成“{2}”，生成网站时会自动加上子路径",
    "'{0}' already includes the site's sub-path {1}: write '{2}'; the sub-path is added when the site is "
    "built"};
inline constexpr MessageText kImageMissing{
    "找不到图片“{0}”：按本页 Markdown 文件所在的文件夹算，它应当在 {1}",
    "image '{0}' not found: from the folder of this page's Markdown file it would be {1}"};
inline constexpr MessageText kFileMissing{
    "找不到文件“{0}”：按本页 Markdown 文件所在的文件夹算，它应当在 {1}",
    "file '{0}' not found: from the folder of this page's Markdown file it would be {1}"};
inline constexpr MessageText kSiteUrlMissing{
    "链接“{0}”指向本站的 {1}，但本站没有这个网址",
    "the link '{0}' leads to {1} on this site, which does not exist"};
inline constexpr MessageText kSiteImageMissing{
    "图片“{0}”指向本站的 {1}，但本站没有这个文件",
    "the image '{0}' points to {1} on this site, which does not exist"};
inline constexpr MessageText kSiteUrlMissingFromPage{
    "链接“{0}”指向本站的 {1}，但本站没有这个网址：相对链接按本页的网址 {2} 计算；你要的可能是 "
    "{3}，请直接写“{3}”",
    "the link '{0}' leads to {1} on this site, which does not exist: a relative link counts from this page's "
    "URL "
    "{2}; if you meant {3}, write '{3}'"};
inline constexpr MessageText kLinkToUnopenedSection{
    "链接“{0}”指向栏目“{1}”（{2}），但这个栏目还没有发布的页面，这次不会发布：请等栏目有了页面再链接",
    "the link '{0}' leads to the section '{1}' ({2}), which has no published page yet and so is not "
    "published: link "
    "it once it has a page"};

// --- The menu in site.toml ---------------------------------------------------------

inline constexpr MessageText kMenuRelative{
    "菜单“{0}”的网址“{1}”没有以“/”开头，是相对网址，在首页以外的页面上会指向错误的地方：请写成“/{1}”",
    "the menu entry '{0}' has the relative URL '{1}', which leads elsewhere on every page but the home page: "
    "write "
    "'/{1}'"};
inline constexpr MessageText kMenuHasBasePath{
    "菜单“{0}”的网址“{1}”已经包含网站的子路径 {2}，生成后会重复：请写成“{3}”，生成网站时会自动加上子路径",
    "the menu entry '{0}' has the URL '{1}', which already includes the site's sub-path {2} and would get it "
    "twice: "
    "write '{3}'; the sub-path is added when the site is built"};
inline constexpr MessageText kMenuUrlMissing{
    "菜单“{0}”的网址“{1}”在本站不存在，点开会是“页面未找到”",
    "the menu entry '{0}' leads to '{1}', which this site does not have"};

// --- Front matter that parsed but says less than was written -----------------

inline constexpr MessageText kValueCutByComment{
    "“{0}”的值只读到了“{1}”：空格后面的“#{2}”被当作注释省略了。如果它是值的一部分，请给整个值加引号：{0}: "
    "\"{3}\"",
    "the value of '{0}' was read as '{1}': ' #{2}' and what follows were taken as a comment. If they belong "
    "to the "
    "value, quote the whole value: {0}: \"{3}\""};
inline constexpr MessageText kValueLostToComment{
    "“{0}”的值是空的：“{1}”以“#”开头，被当作注释省略了。如果它是值，请加引号：{0}: \"{1}\"",
    "the value of '{0}' is empty: '{1}' starts with '#' and was taken as a comment. If it is the value, "
    "quote it: "
    "{0}: \"{1}\""};

// --- Reports ----------------------------------------------------------------------

inline constexpr MessageText kPublishedInReportYear{
    "原文公开日期 {0} 在报告年度 {1} "
    "年结束之前，这不可能：年度报告要在年度结束后才能写成并公开（一般在次年1月1日至4月"
    "1日之间）。请核对 published（原文公开日期）和 year（报告所属的年度，不是公开的年份）",
    "published {0} is before the reporting year {1} ended, which cannot be: an annual report is written and "
    "published after its year (usually between 1 January and 1 April of the next). Check published (the "
    "original "
    "publication date) and year (the year reported on, not the year of publication)"};

// --- The official record (record.h, issue 14) -------------------------------

inline constexpr MessageText kAttachmentShape{
    "attachments（附件）的每一项应为文件名，或写成 file（文件名）和 title（标题）两项",
    "each item of 'attachments' must be a file name, or a map with 'file' and 'title'"};
inline constexpr MessageText kAttachmentMissing{
    "附件“{0}”不存在：应放在 {1}（路径相对于本页所在的文件夹）",
    "attachment '{0}' not found: expected at {1} (the path is relative to the page's folder)"};
inline constexpr MessageText kAttachmentOutside{
    "附件“{0}”不在 content/ 文件夹内：请把原件放在本页旁边，写相对路径",
    "attachment '{0}' is outside the content/ folder: put the original beside the page and give a relative "
    "path"};
inline constexpr MessageText kAttachmentFormat{
    "附件“{0}”的格式不能作为原件公开：只能是 PDF、OFD、Word（.doc、.docx）、WPS（.wps）、"
    "Excel（.xls、.xlsx）或文本（.txt）",
    "attachment '{0}' is not a format originals are published in: PDF, OFD, Word (.doc, .docx), WPS (.wps), "
    "Excel (.xls, .xlsx) or text (.txt)"};

// --- Causes of failed file-system calls (os_error.h) ------------------------

inline constexpr MessageText kOsCause{"{0}（{1}）", "{0} ({1})"};
inline constexpr MessageText kOsNoSpace{"磁盘已满（空间或文件数已用完）",
                                        "no space left on device (disk space or inodes used up)"};
inline constexpr MessageText kOsQuota{"超出了磁盘配额", "disk quota exceeded"};
inline constexpr MessageText kOsReadOnly{"所在的文件系统是只读的", "read-only file system"};
inline constexpr MessageText kOsAccess{"没有权限", "permission denied"};
inline constexpr MessageText kOsNotPermitted{"不允许这个操作", "operation not permitted"};
inline constexpr MessageText kOsNotFound{"文件或文件夹不存在", "no such file or folder"};
inline constexpr MessageText kOsNotFolder{"路径中有一段不是文件夹", "a part of the path is not a folder"};
inline constexpr MessageText kOsIsFolder{"这是一个文件夹", "is a folder"};
inline constexpr MessageText kOsExists{"已经存在", "already exists"};
inline constexpr MessageText kOsNotEmpty{"文件夹不是空的", "folder not empty"};
inline constexpr MessageText kOsCrossDevice{"不在同一个文件系统（磁盘分区）上",
                                            "not on the same file system (disk partition)"};
inline constexpr MessageText kOsBusy{"正被占用（可能是挂载点）", "busy (perhaps a mount point)"};
inline constexpr MessageText kOsIo{"磁盘读写出错", "input/output error"};
inline constexpr MessageText kOsTooManyOpen{"打开的文件太多", "too many open files"};
inline constexpr MessageText kOsNameTooLong{"路径太长", "path too long"};
inline constexpr MessageText kOsLoop{"符号链接太多或成环", "too many levels of symbolic links"};
inline constexpr MessageText kOsTooBig{"文件超过了允许的大小", "file too large"};
inline constexpr MessageText kOsNoMemory{"内存不足", "out of memory"};
inline constexpr MessageText kOsUnsupported{"所在的文件系统不支持这个操作",
                                            "not supported by the file system"};

// --- The output folder (write_site.h, output_folder.h) ------------------------

inline constexpr MessageText kOutputContainsSource{
    "不能把网站输出到包含站点文件夹的文件夹里",
    "refusing to write the site into a folder that contains the "
    "source folder"};
inline constexpr MessageText kOutputInsideInput{"不能把网站输出到 {0}/ 文件夹里面",
                                                "refusing to write the site inside the {0}/ folder"};
inline constexpr MessageText kOutputNotFolder{"输出路径已存在，但不是文件夹",
                                              "output path exists and is not a folder"};
inline constexpr MessageText kOutputNotOurs{
    "这个文件夹不是空的，也不是 fazhi 生成的（{0} 中没有它的记录），为免删掉别的文件，fazhi "
    "不会替换它：请换一个 "
    "--output，或先清空它",
    "refusing to replace a non-empty folder that fazhi did not create ({0} has no record of it); choose "
    "another "
    "--output or empty it"};
inline constexpr MessageText kOutputMountPoint{
    "输出文件夹是一个挂载点，fazhi 无法整体替换它：请让 --output 指向它里面的一个文件夹",
    "the output folder is a mount point, which fazhi cannot replace as a whole: point --output at a folder "
    "inside it"};
inline constexpr MessageText kOutputWorkNotOurs{
    "fazhi 要在这里建立输出文件夹的工作文件夹，但这个名字已被占用，而且不是 fazhi 建的：请把它移走",
    "fazhi keeps the output folder's work folder here, but something else has this name: move it away"};
inline constexpr MessageText kOutputBusy{
    "另一个 fazhi build（进程 {0}）正在写入这个输出文件夹：等它结束后再试",
    "another fazhi build (process {0}) is writing this output folder: try "
    "again when it has finished"};
inline constexpr MessageText kOutputLeftover{
    "这是旧版 fazhi 中断的构建留下的临时文件夹，但无法确认里面只有 fazhi "
    "写的文件，所以没有删除：确认后请手动删除",
    "a temporary folder left by an interrupted build of an older fazhi; it cannot be proven to hold only "
    "fazhi's files, so it was not removed: check it and delete it by hand"};
inline constexpr MessageText kOutputBadPath{
    "fazhi 生成了一个不合法的输出路径（含空段、“.” 或 “..”），没有写出",
    "fazhi made an invalid output path (with an empty, \".\" or \"..\" part); "
    "not written"};
inline constexpr MessageText kDiskCannotCreateFolder{"无法创建文件夹：{0}", "cannot create folder: {0}"};
inline constexpr MessageText kDiskCannotWriteFile{"无法写入文件：{0}", "cannot write file: {0}"};
inline constexpr MessageText kDiskCannotRemove{"无法删除：{0}", "cannot remove: {0}"};
inline constexpr MessageText kDiskCannotOpen{"无法打开：{0}", "cannot open: {0}"};
inline constexpr MessageText kDiskCannotSync{
    "无法把新网站写到磁盘上：{0}。原来的输出文件夹没有改动",
    "cannot flush the new site to disk: {0}. The previous output folder "
    "was left unchanged"};
inline constexpr MessageText kDiskCannotSwap{
    "无法用新网站替换这个文件夹：{0}。原来的输出文件夹没有改动",
    "cannot put the new site in place of this folder: {0}. The previous "
    "output folder was left unchanged"};
inline constexpr MessageText kDiskCannotSyncSwap{
    "新网站已替换了这个文件夹，但无法确认替换已写到磁盘上：{0}。断电后可能仍是原来的网站",
    "the new site replaced this folder, but the replacement could not be flushed to disk: {0}. After a power "
    "loss the previous site may be back"};

// core/manifest.h: `fazhi build --manifest FILE`.
inline constexpr MessageText kManifestInsideOutput{
    "清单文件不能放在输出目录 {0} 之内：下次构建会替换它，它也会随网站一起发布。"
    "请放在输出目录旁边，例如 --manifest public.sha256",
    "the manifest cannot go inside the output folder {0}: the next build replaces that folder and it would "
    "be published with the site. Put it beside the output folder, e.g. --manifest public.sha256"};
inline constexpr MessageText kManifestInsideInput{
    "清单文件不能放在网站的 {0}/ 目录之内。请放在输出目录旁边，例如 --manifest public.sha256",
    "the manifest cannot go inside the site's {0}/ folder. Put it beside the output folder, e.g. --manifest "
    "public.sha256"};
inline constexpr MessageText kManifestNotOurs{
    "不覆盖这个文件：它不是 fazhi 写的清单（清单每行是“SHA-256  路径”）。请换一个文件名",
    "not overwriting this file: it is not a manifest written by fazhi (each line of a manifest is "
    "'SHA-256  path'). Choose another file name"};
inline constexpr MessageText kManifestNotWritten{"无法写入清单文件：{0}；输出目录保持不变",
                                                 "cannot write the manifest: {0}; the output folder was left "
                                                 "unchanged"};
inline constexpr MessageText kManifestNotMoved{
    "网站已经更新，但无法把新清单移到这里：{0}。这里的旧清单已经过时，请重新构建后再上传",
    "the site was updated, but the new manifest could not be moved here: {0}. The old manifest here is "
    "out of date: build again before uploading"};

}  // namespace fazhi::msg
