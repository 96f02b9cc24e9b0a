// UTF-8 helpers shared by every stage: validation with a position, counting
// and cutting by characters (CJK summaries are cut by characters, not words).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fazhi {

/// Decodes one code point at `pos`; returns its length in bytes (1 for an
/// invalid byte, which decodes as U+FFFD).
size_t DecodeUtf8(std::string_view s, size_t pos, char32_t* cp);

/// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(std::string& out, char32_t cp);

/// Byte offset of the first invalid sequence, or npos when `s` is valid UTF-8.
size_t FindInvalidUtf8(std::string_view s);

/// Number of code points (invalid bytes count one each).
size_t Utf8Length(std::string_view s);

/// Terminal cells: 2 for East Asian wide/fullwidth characters, else 1.
int DisplayWidth(char32_t cp);

/// True for CJK ideographs and CJK punctuation (used by search and summaries).
bool IsCjk(char32_t cp);

/// The first `max_chars` code points of `s`, never splitting a character.
std::string TruncateUtf8(std::string_view s, size_t max_chars);

}  // namespace fazhi
