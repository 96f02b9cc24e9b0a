// Reading a report for `fazhi import`: the bytes of a file as the user has it
// (UTF-8 or GB18030/GBK text, UTF-16 from Notepad, or a .docx from Word or
// WPS) become one UTF-8 text with one paragraph per line. Bad input (empty,
// binary, a damaged .docx, an unknown encoding) is an error with a reason,
// never a crash.
#pragma once

#include <string>
#include <string_view>

#include "core/message.h"

namespace fazhi {

struct ImportedText {
  std::string text;  ///< UTF-8, "\n" line ends, one paragraph per line
  Message format;    ///< for messages: "UTF-8 text", "GB18030 text", "Word document (.docx)"
};

/// Reads `bytes` (the whole file). A ZIP signature means .docx whatever the
/// file is called. Returns false with a one-line reason in `error`.
bool ReadImportText(std::string_view bytes, ImportedText* out, Message* error);

/// The paragraphs of word/document.xml in a .docx held in memory, one per
/// line; w:tab becomes a tab and w:br a line break. Deleted text (tracked
/// changes) and field codes are left out.
bool ExtractDocxText(std::string_view bytes, std::string* text, Message* error);

/// Line ends to "\n", NBSP and other odd spaces to plain spaces, zero-width
/// characters removed. Leaves the full-width ideographic space (U+3000).
std::string NormalizeImportText(std::string_view utf8);

}  // namespace fazhi
