// UTF-8 helpers shared by every stage: validation with a position, counting
// and cutting by characters (CJK summaries are cut by characters, not words).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fazhi {

namespace utf8_detail {
// DecodeUtf8 for every sequence: the out-of-line rest of it.
size_t DecodeAny(std::string_view s, size_t pos, char32_t* cp);
}  // namespace utf8_detail

/// Decodes one code point at `pos`; returns its length in bytes (1 for an
/// invalid byte, which decodes as U+FFFD).
///
/// ASCII and U+1000–U+CFFF (leads E1–EC, which hold the Chinese characters
/// and cannot be overlong or a surrogate) inline: the scanners that walk a
/// page a character at a time spent 3.8 % of a build's instructions in the
/// call.
inline size_t DecodeUtf8(std::string_view s, size_t pos, char32_t* cp) {
  const unsigned char b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  if (b0 >= 0xE1 && b0 <= 0xEC && pos + 2 < s.size()) {
    const unsigned char b1 = static_cast<unsigned char>(s[pos + 1]),
                        b2 = static_cast<unsigned char>(s[pos + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      *cp = (static_cast<char32_t>(b0 & 0x0F) << 12) | (static_cast<char32_t>(b1 & 0x3F) << 6) | (b2 & 0x3F);
      return 3;
    }
  }
  return utf8_detail::DecodeAny(s, pos, cp);
}

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
