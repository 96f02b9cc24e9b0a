// Reading a report for `fazhi import`: the bytes of a file as the user has it
// (UTF-8 or GB18030/GBK text, UTF-16 from Notepad, a .docx from Word or WPS,
// or a web page saved from the portal) become one UTF-8 text with one
// paragraph per line. Bad input (empty,
// binary, a damaged .docx, an unknown encoding) is an error with a reason,
// never a crash.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/message.h"

namespace fazhi {

/// Limits of one import (docs/import.md, "Limits"): a report is far
/// below them; a file beyond them is not a report, and the import stops with
/// an error instead of taking minutes and gigabytes.
inline constexpr size_t kMaxImportBytes = 64u << 20;      ///< the file as given
inline constexpr size_t kMaxImportParagraphs = 20000;     ///< paragraphs (lines) of its text
inline constexpr size_t kMaxImportTextBytes = 8u << 20;   ///< its text, decoded
inline constexpr size_t kMaxImportHtmlBytes = 16u << 20;  ///< a web page, decoded, before its text is taken

struct ImportedText {
  std::string text;   ///< UTF-8, "\n" line ends, one paragraph per line
  Message format;     ///< for messages: "UTF-8 text", "GB18030 text", "Word document (.docx)"
  std::string title;  ///< a web page's <title>, as the page has it (portal name included)
  std::string kind;   ///< what the file is, as an extension for its copy: "docx", "html" or "txt"
};

/// Reads `bytes` (the whole file, named `name`). A ZIP signature means .docx
/// whatever the file is called; a file named .docx must be a ZIP. Returns
/// false with a one-line reason in `error`.
bool ReadImportText(std::string_view bytes, ImportedText* out, Message* error, std::string_view name = {});

/// The paragraphs of word/document.xml in a .docx held in memory, one per
/// line; w:tab becomes a tab and w:br a line break. Deleted text (tracked
/// changes) and field codes are left out.
bool ExtractDocxText(std::string_view bytes, std::string* text, Message* error);

/// The text of a web page saved from a portal (UTF-8 HTML): the article
/// (the element holding the most paragraph text) with the lines just above
/// it from the first portal field ("索引号：", "来源：") or title line on, one
/// line per paragraph, table row or <br>; navigation, scripts and the page
/// footer are left out. `title` is the page's <title>.
bool ExtractHtmlText(std::string_view html, std::string* text, std::string* title, Message* error);

/// Line ends to "\n", NBSP and other odd spaces to plain spaces, zero-width
/// characters removed. Leaves the full-width ideographic space (U+3000).
std::string NormalizeImportText(std::string_view utf8);

}  // namespace fazhi
