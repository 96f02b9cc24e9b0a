#include "core/utf8.h"

#include <cstdint>
#include <cstring>

#include "core/bytes.h"

namespace fazhi {

namespace utf8_detail {

size_t DecodeAny(std::string_view s, size_t pos, char32_t* cp) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char b0 = byte(pos);
  size_t len;
  char32_t v;
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  } else if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    v = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    v = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    v = b0 & 0x07;
  } else {
    *cp = 0xFFFD;
    return 1;
  }
  if (pos + len > s.size()) {
    *cp = 0xFFFD;
    return 1;
  }
  for (size_t i = 1; i < len; ++i) {
    unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      return 1;
    }
    v = (v << 6) | (b & 0x3F);
  }
  // Reject overlong forms, surrogates and values beyond U+10FFFF.
  static const char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (v < kMin[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = v;
  return len;
}

}  // namespace utf8_detail

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Every source file is checked once on reading: the byte-by-byte walk
// through DecodeUtf8 was 2.6 % of a build's instructions. This takes ASCII
// eight bytes at a time and checks each sequence against the table of
// well-formed UTF-8 (Unicode 15, table 3-7), which accepts exactly what
// DecodeUtf8 decodes: no overlong forms, surrogates or values beyond U+10FFFF.
size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  auto cont = [&](size_t i) { return i < n && (p[i] & 0xC0) == 0x80; };
  size_t pos = 0;
  while (pos < n) {
    if (p[pos] < 0x80) {
      while (pos + 8 <= n) {
        uint64_t word;
        std::memcpy(&word, p + pos, 8);
        if (word & 0x8080808080808080ULL) break;
        pos += 8;
      }
      while (pos < n && p[pos] < 0x80) ++pos;
      continue;
    }
    // Chinese text: runs of U+1000-U+CFFF (leads E1-EC), whose second byte
    // has no limit of its own.
    while (pos + 8 <= n && bytes::TwoThreeByteChars(s.data() + pos, 0xE1, 0xEC)) pos += 6;
    while (pos + 3 <= n && p[pos] >= 0xE1 && p[pos] <= 0xEC && (p[pos + 1] & 0xC0) == 0x80 &&
           (p[pos + 2] & 0xC0) == 0x80) {
      pos += 3;
    }
    if (pos >= n) break;
    const unsigned char b = p[pos];
    if (b < 0x80) continue;
    if (b >= 0xC2 && b <= 0xDF) {
      if (!cont(pos + 1)) return pos;
      pos += 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      // E0 needs A0-BF next (no overlong), ED needs 80-9F (no surrogates).
      const unsigned char lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
      if (pos + 1 >= n || p[pos + 1] < lo || p[pos + 1] > hi || !cont(pos + 2)) return pos;
      pos += 3;
    } else if (b >= 0xF0 && b <= 0xF4) {
      // F0 needs 90-BF next (no overlong), F4 needs 80-8F (at most U+10FFFF).
      const unsigned char lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
      if (pos + 1 >= n || p[pos + 1] < lo || p[pos + 1] > hi || !cont(pos + 2) || !cont(pos + 3)) return pos;
      pos += 4;
    } else {
      return pos;  // a continuation byte, C0, C1 or F5-FF where a sequence starts
    }
  }
  return std::string_view::npos;
}

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (size_t pos = 0; pos < s.size(); ++n) {
    char32_t cp;
    pos += DecodeUtf8(s, pos, &cp);
  }
  return n;
}

int DisplayWidth(char32_t cp) {
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD)) {
    return 2;
  }
  return 1;
}

bool IsCjk(char32_t cp) {
  return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x2FA1F);
}

std::string TruncateUtf8(std::string_view s, size_t max_chars) {
  size_t pos = 0;
  for (size_t n = 0; n < max_chars && pos < s.size(); ++n) {
    char32_t cp;
    pos += DecodeUtf8(s, pos, &cp);
  }
  return std::string(s.substr(0, pos));
}

}  // namespace fazhi
