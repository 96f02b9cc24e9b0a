#include "norms/digits.h"

#include <cstdint>

#include "core/bytes.h"
#include "core/utf8.h"

namespace fazhi {
namespace {

// What one piece of text is, as far as numbers go.
struct Unit {
  enum Kind : uint8_t {
    kDigit,      // a digit ('0'-'9' in `digit`)
    kX,          // X/x/Ｘ/ｘ: an ID number's check character, if at its end
    kSeparator,  // renders as something between digits: space, dash, dot, tag…
    kInvisible,  // renders as nothing: zero-width characters, ** and _ of Markdown
    kNewline,
    kBreak,  // anything else: ends the group
  } kind = kBreak;
  char digit = 0;
  bool dot = false;  // the separator is a single '.' (a decimal point?)
  size_t len = 1;    // bytes of text it took
};

// Unicode decimal digits (Nd) of the scripts a page could plausibly carry:
// the first code point of each block of ten.
constexpr char32_t kDigitBlocks[] = {
    0x0660, 0x06F0, 0x07C0, 0x0966,  0x09E6,  0x0A66,  0x0AE6,  0x0B66,  0x0BE6,  0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0,  0x0F20,  0x1040,  0x1090,  0x17E0,  0x1810,  0x1946, 0x19D0,
    0x1A80, 0x1A90, 0x1B50, 0x1BB0,  0x1C40,  0x1C50,  0xA620,  0xA8D0,  0xA900,  0xA9D0, 0xA9F0,
    0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1FBF0};

// The digit `cp` stands for (also compatibility digits: ①, ², ₃), or 0.
char DigitOf(char32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<char>(cp);
  if (cp < 0xB2) return 0;
  // Most text lies between the digit blocks (CJK ideographs, kana, Hangul,
  // most punctuation): answered without the table.
  if ((cp > 0xB9 && cp < 0x0660) || (cp > 0x1C59 && cp < 0x2070) || (cp > 0x2792 && cp < 0xA620) ||
      (cp > 0xABF9 && cp < 0xFF10) || (cp > 0xFF19 && cp < 0x104A0)) {
    return 0;
  }
  for (char32_t b : kDigitBlocks) {
    if (cp >= b && cp < b + 10) return static_cast<char>('0' + (cp - b));
  }
  if (cp == 0xB2 || cp == 0xB3) return static_cast<char>('2' + (cp - 0xB2));  // ² ³
  if (cp == 0xB9) return '1';                                                 // ¹
  if (cp == 0x2070 || cp == 0x2080 || cp == 0x24EA || cp == 0x24FF || cp == 0x1F100) return '0';
  if (cp >= 0x2074 && cp <= 0x2079) return static_cast<char>('4' + (cp - 0x2074));     // ⁴-⁹
  if (cp >= 0x2081 && cp <= 0x2089) return static_cast<char>('1' + (cp - 0x2081));     // ₁-₉
  if (cp >= 0x2460 && cp <= 0x2468) return static_cast<char>('1' + (cp - 0x2460));     // ①-⑨
  if (cp >= 0x2474 && cp <= 0x247C) return static_cast<char>('1' + (cp - 0x2474));     // ⑴-⑼
  if (cp >= 0x2488 && cp <= 0x2490) return static_cast<char>('1' + (cp - 0x2488));     // ⒈-⒐
  if (cp >= 0x24F5 && cp <= 0x24FD) return static_cast<char>('1' + (cp - 0x24F5));     // ⓵-⓽
  if (cp >= 0x2776 && cp <= 0x277E) return static_cast<char>('1' + (cp - 0x2776));     // ❶-❾
  if (cp >= 0x2780 && cp <= 0x2788) return static_cast<char>('1' + (cp - 0x2780));     // ➀-➈
  if (cp >= 0x278A && cp <= 0x2792) return static_cast<char>('1' + (cp - 0x278A));     // ➊-➒
  if (cp >= 0x1F101 && cp <= 0x1F10A) return static_cast<char>('0' + (cp - 0x1F101));  // 🄁-🄊
  return 0;
}

// Characters that render as nothing (or are dropped by Markdown).
bool IsInvisible(char32_t cp) {
  switch (cp) {
    case '\r':
    case '*':
    case '_':
    case '~':
    case '`':
    case 0x00AD:  // soft hyphen
    case 0x034F:  // combining grapheme joiner
    case 0x061C:
    case 0x115F:
    case 0x1160:
    case 0x17B4:
    case 0x17B5:
    case 0x180E:
    case 0x3164:  // Hangul filler
    case 0xFEFF:  // BOM, zero-width no-break space
    case 0xFFA0:
      return true;
    default:
      break;
  }
  return (cp >= 0x200B && cp <= 0x200F) ||  // zero-width space, joiners, LRM, RLM
         (cp >= 0x202A && cp <= 0x202E) ||  // bidi embeddings and overrides
         (cp >= 0x2060 && cp <= 0x206F) ||  // word joiner, invisible operators, bidi isolates
         (cp >= 0xFE00 && cp <= 0xFE0F) ||  // variation selectors
         (cp >= 0xE0000 && cp <= 0xE0FFF) || (cp >= 0x1D173 && cp <= 0x1D17A) ||
         (cp >= 0x0300 && cp <= 0x036F);  // combining marks (a digit with an accent is a digit)
}

// Characters a number is written apart with: spaces, dashes, dots, brackets.
bool IsSeparator(char32_t cp) {
  switch (cp) {
    case ' ':
    case '\t':
    case '\v':
    case '\f':
    case '-':
    case '.':
    case '(':
    case ')':
    case '[':
    case ']':
    case '+':
    case '/':
    case 0x00A0:  // NBSP
    case 0x00B7:  // ·
    case 0x1680:
    case 0x2027:  // ‧
    case 0x2043:  // ⁃
    case 0x2212:  // −
    case 0x2E3A:
    case 0x2E3B:
    case 0x3000:  // ideographic space
    case 0x3001:  // 、
    case 0x3002:  // 。
    case 0x30FB:  // ・
    case 0x301C:  // 〜
    case 0xFE58:
    case 0xFE63:
    case 0xFF08:  // （
    case 0xFF09:  // ）
    case 0xFF0B:  // ＋
    case 0xFF0D:  // －
    case 0xFF0E:  // ．
    case 0xFF0F:  // ／
    case 0xFF3B:
    case 0xFF3D:
    case 0xFF3F:  // ＿
    case 0xFF5E:  // ～
    case 0xFF61:
    case 0xFF65:  // ･
    case 0x3010:  // 【
    case 0x3011:  // 】
    case 0x2028:
    case 0x2029:
    case 0x0085:
      return true;
    default:
      break;
  }
  return (cp >= 0x2000 && cp <= 0x200A) ||  // en/em/thin/hair spaces
         (cp >= 0x2010 && cp <= 0x2015) ||  // hyphens and dashes ‐ ‑ ‒ – — ―
         cp == 0x202F || cp == 0x205F || (cp >= 0x2022 && cp <= 0x2024);
}

Unit Classify(char32_t cp, size_t len) {
  Unit u;
  u.len = len;
  if (char d = DigitOf(cp)) {
    u.kind = Unit::kDigit;
    u.digit = d;
  } else if (cp == 'X' || cp == 'x' || cp == 0xFF38 || cp == 0xFF58) {
    u.kind = Unit::kX;
  } else if (cp == '\n') {
    u.kind = Unit::kNewline;
  } else if (IsInvisible(cp)) {
    u.kind = Unit::kInvisible;
  } else if (IsSeparator(cp)) {
    u.kind = Unit::kSeparator;
    u.dot = cp == '.' || cp == 0xFF0E;
  }
  return u;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads up to `max` hex digits at `i` (at least `min`); false if fewer.
bool ReadHex(std::string_view s, size_t i, size_t min, size_t max, char32_t* cp, size_t* len) {
  uint32_t v = 0;
  size_t n = 0;
  while (n < max && i + n < s.size() && HexValue(s[i + n]) >= 0) {
    v = v * 16 + static_cast<uint32_t>(HexValue(s[i + n]));
    ++n;
  }
  if (n < min || v > 0x10FFFF) return false;
  *cp = v;
  *len = n;
  return true;
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }

// &#49; &#x31; (the ';' is optional, as browsers read them) and named
// entities, which are all separators here (&nbsp;, &ndash;, &shy;…).
bool Entity(std::string_view s, size_t i, Unit* u) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    char32_t cp = 0;
    size_t n = 0;
    if (j < s.size() && (s[j] == 'x' || s[j] == 'X')) {
      if (!ReadHex(s, j + 1, 1, 8, &cp, &n)) return false;
      j += 1 + n;
    } else {
      uint32_t v = 0;
      while (n < 8 && j + n < s.size() && s[j + n] >= '0' && s[j + n] <= '9') {
        v = v * 10 + static_cast<uint32_t>(s[j + n] - '0');
        ++n;
      }
      if (n == 0 || v > 0x10FFFF) return false;
      cp = v;
      j += n;
    }
    if (j < s.size() && s[j] == ';') ++j;
    *u = Classify(cp, j - i);
    return true;
  }
  size_t n = 0;
  while (n < 32 && j + n < s.size() && IsAsciiAlnum(s[j + n])) ++n;
  if (n == 0 || !IsAsciiAlpha(s[j]) || j + n >= s.size() || s[j + n] != ';') return false;
  std::string_view name = s.substr(j, n);
  if (name == "shy" || name == "zwj" || name == "zwnj" || name == "lrm" || name == "rlm" ||
      name == "ZeroWidthSpace" || name == "NoBreak" || name == "InvisibleTimes") {
    u->kind = Unit::kInvisible;
  } else {
    u->kind = Unit::kSeparator;
    u->dot = name == "period";
  }
  u->len = j + n + 1 - i;
  return true;
}

// %31 and %E2%80%8B: percent-encoded UTF-8, as in a URL.
bool Percent(std::string_view s, size_t i, Unit* u) {
  unsigned char bytes[4];
  size_t count = 0, need = 1;
  size_t j = i;
  while (count < need && j + 2 < s.size() && s[j] == '%' && HexValue(s[j + 1]) >= 0 &&
         HexValue(s[j + 2]) >= 0) {
    bytes[count] = static_cast<unsigned char>(HexValue(s[j + 1]) * 16 + HexValue(s[j + 2]));
    if (count == 0) {
      unsigned char b = bytes[0];
      need = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
      if (need == 0) return false;
    }
    ++count;
    j += 3;
  }
  if (count == 0 || count < need) return false;
  char32_t cp = 0;
  size_t n = DecodeUtf8(std::string_view(reinterpret_cast<const char*>(bytes), count), 0, &cp);
  if (n != count || cp == 0xFFFD) return false;
  *u = Classify(cp, j - i);
  // "80%13…" is a percentage followed by a number, not an escape.
  return u->kind != Unit::kBreak;
}

// Backslash escapes of YAML, TOML, JSON and JavaScript strings (\x31, \u0031,
// \u{31}, \U00000031), CSS (\31 and an optional space) and Markdown (\-: the
// backslash renders as nothing).
Unit Backslash(std::string_view s, size_t i, DigitSyntax syntax) {
  Unit u;
  char32_t cp = 0;
  size_t n = 0;
  char c = i + 1 < s.size() ? s[i + 1] : '\0';
  if (c == 'x' && ReadHex(s, i + 2, 2, 2, &cp, &n)) return Classify(cp, 2 + n);
  if (c == 'u' && i + 2 < s.size() && s[i + 2] == '{' && ReadHex(s, i + 3, 1, 6, &cp, &n) &&
      i + 3 + n < s.size() && s[i + 3 + n] == '}') {
    return Classify(cp, 4 + n);
  }
  if (c == 'u' && ReadHex(s, i + 2, 4, 4, &cp, &n)) return Classify(cp, 2 + n);
  if (c == 'U' && ReadHex(s, i + 2, 8, 8, &cp, &n)) return Classify(cp, 2 + n);
  if (syntax == DigitSyntax::kCss && ReadHex(s, i + 1, 1, 6, &cp, &n)) {
    size_t len = 1 + n;
    if (i + len < s.size() && (s[i + len] == ' ' || s[i + len] == '\t' || s[i + len] == '\n')) ++len;
    return Classify(cp, len);
  }
  switch (c) {
    case 't':
    case ' ':
    case '_':  // YAML: NBSP
    case 'N':  // YAML: next line
    case 'L':
    case 'P':
    case 'n':
      u.kind = Unit::kSeparator;
      u.len = 2;
      return u;
    case 'r':
      u.kind = Unit::kInvisible;
      u.len = 2;
      return u;
    default:
      break;
  }
  u.kind = Unit::kInvisible;
  u.len = 1;
  return u;
}

// <b>, </span>, <br/> (separators: the tag renders as nothing or a break) and
// <!-- comments --> (render as nothing).
bool Tag(std::string_view s, size_t i, Unit* u) {
  if (s.substr(i, 4) == "<!--") {
    size_t end = s.find("-->", i + 4);
    if (end == std::string_view::npos || end - i > 4096) return false;
    u->kind = Unit::kInvisible;
    u->len = end + 3 - i;
    return true;
  }
  if (i + 1 >= s.size() || !(IsAsciiAlpha(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!')) return false;
  for (size_t j = i + 1; j < s.size() && j - i < 512; ++j) {
    if (s[j] == '<') return false;
    if (s[j] == '>') {
      u->kind = Unit::kSeparator;
      u->len = j + 1 - i;
      return true;
    }
  }
  return false;
}

// {{ mustache }}, {{{ raw }}}, {{< shortcode >}}: render as something else.
bool Braces(std::string_view s, size_t i, Unit* u) {
  if (s.substr(i, 2) != "{{") return false;
  size_t end = s.find("}}", i + 2);
  if (end == std::string_view::npos || end - i > 512) return false;
  while (end + 2 < s.size() && s[end + 2] == '}') ++end;
  u->kind = Unit::kSeparator;
  u->len = end + 2 - i;
  return true;
}

Unit UnitAt(std::string_view s, size_t i, DigitSyntax syntax) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c >= '0' && c <= '9') {
    Unit u;
    u.kind = Unit::kDigit;
    u.digit = static_cast<char>(c);
    return u;
  }
  Unit u;
  switch (c) {
    case '&':
      if (Entity(s, i, &u)) return u;
      return Unit{};
    case '%':
      if (Percent(s, i, &u)) return u;
      return Unit{};
    case '\\':
      return Backslash(s, i, syntax);
    case '<':
      if (Tag(s, i, &u)) return u;
      return Unit{};
    case '{':
      if (Braces(s, i, &u)) return u;
      return Unit{};
    default:
      break;
  }
  if (c < 0x80) return Classify(c, 1);
  char32_t cp = 0;
  size_t n = DecodeUtf8(s, i, &cp);
  if (cp == 0xFFFD && n == 1) return Unit{};  // an invalid byte
  return Classify(cp, n);
}

}  // namespace

DigitSyntax DigitSyntaxOf(std::string_view path) {
  size_t dot = path.rfind('.');
  std::string_view ext = dot == std::string_view::npos ? "" : path.substr(dot + 1);
  if (ext == "css") return DigitSyntax::kCss;
  if (ext == "md" || ext == "markdown" || ext == "html" || ext == "htm" || ext == "mustache" ||
      ext == "txt" || ext == "svg" || ext == "xml" || ext == "xhtml") {
    return DigitSyntax::kMarkup;
  }
  return DigitSyntax::kData;
}

void DigitScanner::Scan(std::string_view text, DigitSyntax syntax, const GroupFn& on_group) {
  constexpr size_t kPiece = 256;
  std::vector<DigitRun> runs;
  bool open = false;      // a group is open (its last run is runs.back())
  bool run_open = false;  // the last run can still grow (nothing visible since its last digit)
  int gap = 0;            // visible separators since the last digit
  int newlines = 0;
  bool dot_only = false;  // the separators since the last digit are exactly one '.'
  auto close = [&] {
    if (open) on_group(runs, true);
    runs.clear();
    open = false;
    run_open = false;
  };
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t i = 0; i < text.size();) {
    // Fast paths for what most text is. Outside a group only a digit (or an
    // escape that may be one) matters; CJK ideographs break any group.
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80 && !open && !(b >= '0' && b <= '9') && b != '&' && b != '%' && b != '\\') {
      ++i;
      continue;
    }
    // A run of CJK ideographs (U+3400-U+9FFF) is passed in one loop, closing
    // the group once. By their bytes: leads E4-E9 are U+4000-U+9FFF, lead
    // E3 with a second byte from 90 is U+3400-U+3FFF.
    size_t j = i;
    while (j + 2 < text.size()) {
      if (j + 8 <= text.size() && bytes::TwoThreeByteChars(text.data() + j, 0xE4, 0xE9)) {
        j += 6;
        continue;
      }
      const unsigned char lead = p[j], b1 = p[j + 1];
      if ((b1 & 0xC0) != 0x80 || (p[j + 2] & 0xC0) != 0x80) break;
      if (!((lead >= 0xE4 && lead <= 0xE9) || (lead == 0xE3 && b1 >= 0x90))) break;
      j += 3;
    }
    if (j > i) {
      close();
      i = j;
      continue;
    }
    // Outside a group, any other character but a digit (①, ２) changes
    // nothing: punctuation such as ，。“” is passed after a decode only.
    if (!open && b >= 0x80) {
      char32_t cp = 0;
      const size_t n = DecodeUtf8(text, i, &cp);
      if (!DigitOf(cp)) {
        i += n;
        continue;
      }
    }
    Unit u = UnitAt(text, i, syntax);
    switch (u.kind) {
      case Unit::kDigit:
        if (open && run_open) {
          DigitRun& r = runs.back();
          if (r.digits.size() < kMaxDigits) {
            r.digits += u.digit;
          } else {
            r.too_long = true;
          }
          r.end = i + u.len;
        } else {
          if (open && runs.size() >= kPiece) {
            on_group(runs, false);
            runs.erase(runs.begin(), runs.end() - static_cast<long>(kOverlap));
          }
          if (!open) runs.clear();
          DigitRun r;
          r.byte = i;
          r.end = i + u.len;
          r.digits = std::string(1, u.digit);
          r.decimal_before = open && dot_only;
          runs.push_back(std::move(r));
          open = true;
          run_open = true;
        }
        gap = 0;
        newlines = 0;
        dot_only = false;
        break;
      case Unit::kX: {
        size_t after = i + u.len;
        bool word_end = after >= text.size() || !IsAsciiAlnum(text[after]);
        if (open && run_open && !runs.back().ends_x && word_end) {
          runs.back().ends_x = true;
          runs.back().end = after;
          run_open = false;  // nothing joins an ID number after its check character
          gap = 0;
          dot_only = false;
        } else {
          close();
        }
        break;
      }
      case Unit::kInvisible:
        break;
      case Unit::kNewline:
        if (syntax != DigitSyntax::kMarkup || ++newlines > 1) {
          close();
          break;
        }
        [[fallthrough]];
      case Unit::kSeparator:
        if (!open) break;
        run_open = false;
        dot_only = gap == 0 && u.dot;
        if (++gap > kMaxGap) close();
        break;
      case Unit::kBreak:
        close();
        break;
    }
    i += u.len;
  }
  close();
}

}  // namespace fazhi
