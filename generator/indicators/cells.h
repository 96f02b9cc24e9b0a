// Cells of a CSV as an editor types them with a Chinese IME or saves them
// from Excel: full-width digits (２０２４), ％, ，and ． are read as their ASCII
// forms, the ideographic space (U+3000) and NBSP around a cell are dropped,
// and a year may be written 2024年 or 2024年度. What is read is the same
// figure the editor sees; nothing else about the text changes.
#pragma once

#include <string>
#include <string_view>

namespace fazhi {

/// `cell` with full-width digits, ％ ＋ － ， ． (and the minus sign U+2212)
/// as ASCII, and ASCII blanks, U+3000 and U+00A0 trimmed at both ends.
std::string HalfWidthCell(std::string_view cell);

/// The year of a year cell ("2024", "２０２４", "2024年", "2024年度"), or 0.
int ParseYearCell(std::string_view cell);

/// True when `value` and `next` are what an unquoted "1,420" becomes in a
/// CSV row: the value 1–3 digits (after a sign), the next cell three digits
/// with an optional decimal part. `*joined` is "1420" then.
bool LooksLikeSplitThousands(std::string_view value, std::string_view next, std::string* joined);

}  // namespace fazhi
