// Mistakes in a page body that Markdown would publish as garbage without a
// word: what a Chinese IME types in place of ASCII syntax (a shortcode
// opened with “〈” or “＜”, a link written [文字]（目标） or 【文字】(目标)),
// and characters Word leaves in pasted text (U+000B, its manual line break;
// U+FFFC, where a picture was; U+FFFD, text already broken by a wrong
// encoding). Each is an error at its own line and column, naming the
// character and the fix. Fenced code blocks are left alone.
#pragma once

#include <string_view>

#include "core/diagnostics.h"
#include "core/source_tree.h"

namespace fazhi {

/// Checks `body`, which starts at line `body_first_line` of `file`.
/// Returns false when it reported an error.
bool CheckBodyText(const SourceFile& file, std::string_view body, int body_first_line, Diagnostics* diags);

}  // namespace fazhi
