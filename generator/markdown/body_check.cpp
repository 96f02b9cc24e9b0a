#include "markdown/body_check.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "core/bytes.h"
#include "core/utf8.h"
#include "markdown/messages.h"

namespace fazhi {
namespace {

struct Cp {
  char32_t c;
  size_t byte;  // offset in the line
};

// The code points of `line` into `out` (its capacity kept, so that a
// checker reusing one vector allocates once, not per line and per growth).
void Decode(std::string_view line, std::vector<Cp>* out) {
  out->clear();
  out->reserve(line.size());  // at most one code point per byte
  for (size_t pos = 0; pos < line.size();) {
    char32_t c;
    size_t n = DecodeUtf8(line, pos, &c);
    out->push_back({c, pos});
    pos += n;
  }
}

std::vector<Cp> Decode(std::string_view line) {
  std::vector<Cp> out;
  Decode(line, &out);
  return out;
}

bool IsFence(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  return line.substr(i, 3) == "```" || line.substr(i, 3) == "~~~";
}

bool IsSpace(char32_t c) { return c == ' ' || c == 0x3000 || c == 0xA0; }
bool IsBrace(char32_t c) { return c == '{' || c == 0xFF5B; }
bool IsCloseBrace(char32_t c) { return c == '}' || c == 0xFF5D; }
// What an IME types for '<' and '>': 〈〉 《》 ＜＞ ‹› ﹤﹥ ⟨⟩ 〈〉.
bool IsAngleOpen(char32_t c) {
  return c == '<' || c == 0x3008 || c == 0x300A || c == 0xFF1C || c == 0x2039 || c == 0xFE64 || c == 0x27E8 ||
         c == 0x2329;
}
bool IsAngleClose(char32_t c) {
  return c == '>' || c == 0x3009 || c == 0x300B || c == 0xFF1E || c == 0x203A || c == 0xFE65 || c == 0x27E9 ||
         c == 0x232A;
}
bool IsLabelOpen(char32_t c) { return c == '[' || c == 0x3010 || c == 0xFF3B; }   // [ 【 ［
bool IsLabelClose(char32_t c) { return c == ']' || c == 0x3011 || c == 0xFF3D; }  // ] 】 ］
bool IsParenOpen(char32_t c) { return c == '(' || c == 0xFF08; }                  // ( （
bool IsParenClose(char32_t c) { return c == ')' || c == 0xFF09; }                 // ) ）

std::string Utf8(const std::vector<Cp>& cps, size_t from, size_t to) {
  std::string s;
  for (size_t i = from; i < to && i < cps.size(); ++i) AppendUtf8(s, cps[i].c);
  return s;
}

std::string Trim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  return s.substr(i);
}

// The text between a shortcode's delimiters, its spaces made ASCII.
std::string ShortcodeInner(const std::vector<Cp>& cps, size_t from, size_t to) {
  std::string s;
  bool space = false;
  for (size_t i = from; i < to; ++i) {
    if (IsSpace(cps[i].c)) {
      space = true;
      continue;
    }
    if (space && !s.empty()) s += ' ';
    space = false;
    AppendUtf8(s, cps[i].c);
  }
  return s;
}

bool EndsWithIgnoringCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != suffix[i]) return false;
  }
  return true;
}

bool HasImageExtension(std::string_view s) {
  for (std::string_view ext : {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}) {
    if (EndsWithIgnoringCase(s, ext)) return true;
  }
  return false;
}

// A target that can only mean a link: a URL, a path or a file name. Text in
// brackets such as （见附件） is left alone.
bool LooksLikeLinkTarget(std::string_view s) {
  if (s.empty()) return false;
  for (std::string_view start : {"http://", "https://", "www.", "/", "./", "../", "#", "mailto:"}) {
    if (s.substr(0, start.size()) == start) return true;
  }
  for (std::string_view ext : {".md", ".html", ".htm", ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ofd",
                               ".zip", ".rar", ".txt", ".csv", ".wps", ".et"}) {
    if (EndsWithIgnoringCase(s, ext)) return true;
  }
  return HasImageExtension(s);
}

// Which checks below can report anything on `line`, from its bytes alone:
// kOdd for an invalid byte (it decodes to U+FFFD, which is reported), a
// control character but tab and CR, U+0080–U+009F, U+2028, U+2029, U+FFFC or
// U+FFFD (Characters); kBrace for '{' or '｛' (Shortcodes start with two);
// kLabel for '[', '【' or '［' (Links start with one). Most lines of Chinese
// prose need none, and this look at their bytes costs a tenth of decoding
// them; a line with a Markdown link needs Links only, and Shortcodes and
// Characters were a third of what such a line cost (callgrind).
enum LineNeeds : unsigned { kOdd = 1, kBrace = 2, kLabel = 4, kAllChecks = 7 };

// Needs of each ASCII byte: a table, as tables and Latin text are much of
// some pages and three tests a byte made the look slower than decoding.
constexpr auto kAsciiNeeds = [] {
  std::array<unsigned char, 128> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = kOdd;
  t['\t'] = t['\r'] = 0;
  t[0x7F] = kOdd;
  t['{'] = kBrace;
  t['['] = kLabel;
  return t;
}();

unsigned Needs(std::string_view line) {
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  const size_t n = line.size();
  auto cont = [&](size_t k) { return k < n && (p[k] & 0xC0) == 0x80; };
  unsigned needs = 0;
  for (size_t i = 0; i < n;) {
    while (i + 8 <= n && bytes::TwoThreeByteChars(line.data() + i, 0xE4, 0xEC)) i += 6;
    while (i + 3 <= n && p[i] >= 0xE4 && p[i] <= 0xEC && (p[i + 1] & 0xC0) == 0x80 &&
           (p[i + 2] & 0xC0) == 0x80) {
      i += 3;
    }
    if (i >= n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      needs |= kAsciiNeeds[c];
      ++i;
    } else if (c >= 0xC2 && c <= 0xDF) {  // U+0080–U+07FF
      if (!cont(i + 1)) return kAllChecks;
      if (c == 0xC2 && p[i + 1] <= 0x9F) needs |= kOdd;
      i += 2;
    } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {  // no overlong form, no surrogate
      if (!cont(i + 1) || !cont(i + 2)) return kAllChecks;
      const unsigned char b1 = p[i + 1], b2 = p[i + 2];
      if (c == 0xE2 && b1 == 0x80 && (b2 == 0xA8 || b2 == 0xA9)) needs |= kOdd;  // U+2028, U+2029
      if (c == 0xE3 && b1 == 0x80 && b2 == 0x90) needs |= kLabel;                // 【
      if (c == 0xEF && b1 == 0xBC && b2 == 0xBB) needs |= kLabel;                // ［
      if (c == 0xEF && b1 == 0xBD && b2 == 0x9B) needs |= kBrace;                // ｛
      if (c == 0xEF && b1 == 0xBF && (b2 == 0xBC || b2 == 0xBD)) needs |= kOdd;  // U+FFFC, U+FFFD
      i += 3;
    } else if (c >= 0xF1 && c <= 0xF3) {
      if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return kAllChecks;
      i += 4;
    } else {
      return kAllChecks;  // E0, ED, F0, F4 (their ranges need a closer look) or not UTF-8: decode
    }
  }
  return needs;
}

class BodyChecker {
 public:
  BodyChecker(const SourceFile& file, Diagnostics* diags) : file_(file), diags_(diags) {}

  void Line(std::string_view line, int line_no, bool code) {
    if (!code) {
      LineStart(line, line_no);
    } else {
      rows_ = 0;
    }
    const unsigned needs = Needs(line);
    if (needs == 0) return;
    Decode(line, &cps_);
    if (needs & kOdd) Characters(cps_, line_no);
    if (code || !(needs & (kBrace | kLabel))) return;
    CodeSpans(cps_, &in_code_);
    if (needs & kBrace) Shortcodes(cps_, in_code_, line_no);
    if (needs & kLabel) Links(cps_, in_code_, line_no);
  }

  bool ok() const { return ok_; }

 private:
  void Error(int line, size_t index, Message m) {
    diags_->Error(file_.path, line, static_cast<int>(index) + 1, std::move(m), file_.text);
    ok_ = false;
  }
  void Warning(int line, size_t index, Message m) {
    diags_->Warning(file_.path, line, static_cast<int>(index) + 1, std::move(m), file_.text);
  }

  // Block syntax typed with an IME at the start of a line, which Markdown
  // shows as typed: "##六、其他" (no space after the marks: a paragraph,
  // not a heading), "＃＃ 六、其他", "｜项目｜数量｜" and "|——|——|" (a
  // table whose bars or dashes are full-width is no table).
  void LineStart(std::string_view line, int line_no) {
    size_t i = 0;
    while (i < line.size() && i < 3 && line[i] == ' ') ++i;
    std::string_view rest = line.substr(i);
    bool row = false;
    if (!rest.empty() && rest[0] == '#') {
      HeadingWithoutSpace(rest, line_no, i);
    } else if (rest.substr(0, 3) == "＃") {
      FullWidthHeading(rest, line_no, i);
    } else if (rest.substr(0, 3) == "｜" || (!rest.empty() && rest[0] == '|')) {
      row = TableRow(rest, line_no, i);
    }
    rows_ = row ? rows_ + 1 : 0;
    if (!row) table_reported_ = false;
  }

  // `col` is the line's leading spaces: ASCII, so also a character index.
  void HeadingWithoutSpace(std::string_view rest, int line_no, size_t col) {
    size_t n = rest.find_first_not_of('#');
    if (n == std::string_view::npos || n > 6) return;
    char32_t next;
    DecodeUtf8(rest, n, &next);
    if (next == ' ' || next == '\t' || DisplayWidth(next) != 2) return;
    if (rest.find('#', n) != std::string_view::npos) return;  // #话题#, not a heading
    std::string marks(rest.substr(0, n));
    Warning(line_no, col, Message(msg::kHeadingNoSpace, marks, marks + " " + std::string(rest.substr(n))));
  }

  void FullWidthHeading(std::string_view rest, int line_no, size_t col) {
    std::vector<Cp> cps = Decode(rest);
    size_t n = 0;
    while (n < cps.size() && (cps[n].c == 0xFF03 || cps[n].c == '#')) ++n;
    size_t text = n;
    while (text < cps.size() && IsSpace(cps[text].c)) ++text;
    if (n > 6 || text == cps.size() || (n == 1 && text == n)) return;  // "＃3车间" may be a number sign
    Error(line_no, col,
          Message(msg::kFullWidthHeading, Utf8(cps, 0, n),
                  std::string(n, '#') + " " + Utf8(cps, text, cps.size())));
  }

  // Returns whether the line is a table row: between bars, at both ends.
  // A table is reported once, at its first wrong line; only its second
  // line can be the delimiter row ("| —— |" further down is a cell).
  bool TableRow(std::string_view rest, int line_no, size_t col) {
    std::vector<Cp> cps = Decode(rest);
    while (!cps.empty() && IsSpace(cps.back().c)) cps.pop_back();
    if (cps.size() < 2) return false;
    auto bar = [](char32_t c) { return c == '|' || c == 0xFF5C; };
    if (!bar(cps.front().c) || !bar(cps.back().c)) return false;
    bool wide_bar = false, delimiter = true, wide_delimiter = false, dash = false;
    for (const Cp& cp : cps) {
      char32_t c = cp.c;
      wide_bar = wide_bar || c == 0xFF5C;
      bool wide = c == 0x2014 || c == 0x2013 || c == 0xFF0D || c == 0xFF1A || c == 0x2500;  // — – － ： ─
      dash = dash || c == '-' || (wide && c != 0xFF1A);
      wide_delimiter = wide_delimiter || wide;
      delimiter = delimiter && (bar(c) || c == '-' || c == ':' || IsSpace(c) || wide);
    }
    if (table_reported_) return true;
    if (rows_ == 1 && delimiter && dash && wide_delimiter) {
      std::string fixed;
      for (const Cp& cp : cps) {
        char32_t c = cp.c;
        if (c == 0xFF5C) c = '|';
        if (c == 0x2014 || c == 0x2013 || c == 0xFF0D || c == 0x2500) c = '-';
        if (c == 0xFF1A) c = ':';
        if (c == 0x3000 || c == 0xA0) c = ' ';
        AppendUtf8(fixed, c);
      }
      Error(line_no, col, Message(msg::kTableDelimiterFullWidth, fixed));
      table_reported_ = true;
      return true;
    }
    if (wide_bar) {
      Error(line_no, col, Message(msg::kTableFullWidthBar));
      table_reported_ = true;
    }
    return true;
  }

  // Characters that are never text: the first on each line is reported.
  void Characters(const std::vector<Cp>& cps, int line_no) {
    for (size_t i = 0; i < cps.size(); ++i) {
      char32_t c = cps[i].c;
      if (c == '\t' || c == '\n' || c == '\r') continue;
      if (c == 0x0B) {
        Error(line_no, i, Message(msg::kBodyWordLineBreak));
      } else if (c == 0x0C) {
        Error(line_no, i, Message(msg::kBodyPageBreak));
      } else if (c == 0xFFFC) {
        Error(line_no, i, Message(msg::kBodyObjectReplacement));
      } else if (c == 0xFFFD) {
        Error(line_no, i, Message(msg::kBodyReplacementChar));
      } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029) {
        char name[16];
        std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(c));
        Error(line_no, i, Message(msg::kBodyControlChar, name));
      } else {
        continue;
      }
      return;
    }
  }

  // Positions inside `code spans`, where anything may be written.
  static void CodeSpans(const std::vector<Cp>& cps, std::vector<bool>* out) {
    std::vector<bool>& in = *out;
    in.assign(cps.size(), false);
    bool open = false;
    for (size_t i = 0; i < cps.size(); ++i) {
      if (cps[i].c == '`') {
        open = !open;
        in[i] = true;
      } else {
        in[i] = open;
      }
    }
    if (open) std::fill(in.begin(), in.end(), false);  // an unpaired backtick is text
  }

  // {{〈 value … 〉}}, ｛｛< … >｝｝, {{ < … > }}, {{% … %}}: published as typed.
  void Shortcodes(const std::vector<Cp>& cps, const std::vector<bool>& in_code, int line_no) {
    for (size_t i = 0; i + 2 < cps.size(); ++i) {
      if (in_code[i] || !IsBrace(cps[i].c) || !IsBrace(cps[i + 1].c)) continue;
      size_t j = i + 2;
      while (j < cps.size() && IsSpace(cps[j].c)) ++j;
      if (j >= cps.size()) return;
      char32_t open = cps[j].c;
      if (!IsAngleOpen(open) && open != '%') continue;
      if (open == '<' && j == i + 2 && cps[i].c == '{' && cps[i + 1].c == '{') {
        i = j;  // a real shortcode: the expander reads it
        continue;
      }
      // The closing: an angle (or '%'), spaces, two braces.
      size_t close = cps.size(), end = cps.size();
      for (size_t k = j + 1; k < cps.size(); ++k) {
        if (!IsAngleClose(cps[k].c) && cps[k].c != '%') continue;
        size_t m = k + 1;
        while (m < cps.size() && IsSpace(cps[m].c)) ++m;
        if (m + 1 < cps.size() && IsCloseBrace(cps[m].c) && IsCloseBrace(cps[m + 1].c)) {
          close = k;
          end = m + 2;
          break;
        }
      }
      std::string written = Utf8(cps, i, j + 1);
      std::string inner = close < cps.size() ? ShortcodeInner(cps, j + 1, close) : "…";
      Error(line_no, i, Message(msg::kShortcodeLookalike, written, "{{< " + inner + " >}}"));
      i = end - 1;
    }
  }

  // [文字]（目标）, 【文字】(目标), [文字] (目标), ！[图](a.png): not links as written.
  void Links(const std::vector<Cp>& cps, const std::vector<bool>& in_code, int line_no) {
    for (size_t i = 0; i < cps.size(); ++i) {
      if (in_code[i] || !IsLabelOpen(cps[i].c)) continue;
      size_t j = i + 1;
      while (j < cps.size() && !IsLabelClose(cps[j].c) && !IsLabelOpen(cps[j].c)) ++j;
      if (j >= cps.size() || !IsLabelClose(cps[j].c)) continue;
      size_t k = j + 1;
      while (k < cps.size() && IsSpace(cps[k].c)) ++k;
      if (k >= cps.size() || !IsParenOpen(cps[k].c)) continue;
      size_t m = k + 1;
      while (m < cps.size() && !IsParenClose(cps[m].c)) ++m;
      if (m >= cps.size()) continue;
      const bool ascii =
          cps[i].c == '[' && cps[j].c == ']' && k == j + 1 && cps[k].c == '(' && cps[m].c == ')';
      // A real link is passed over without copying its label and target,
      // unless a "！" before it was meant as an image's "!".
      if (ascii && !(i > 0 && cps[i - 1].c == 0xFF01)) {
        i = m;
        continue;
      }
      std::string label = Utf8(cps, i + 1, j);
      std::string target = Trim(ShortcodeInner(cps, k + 1, m));
      if (ascii) {
        if (HasImageExtension(target)) {
          Error(line_no, i - 1, Message(msg::kFullWidthImageBang, "![" + label + "](" + target + ")"));
        }
        i = m;
        continue;
      }
      if (!LooksLikeLinkTarget(target)) continue;
      std::string written = Utf8(cps, i, m + 1);
      std::string prefix = i > 0 && (cps[i - 1].c == '!' || cps[i - 1].c == 0xFF01) ? "!" : "";
      Error(line_no, i, Message(msg::kFullWidthLink, written, prefix + "[" + label + "](" + target + ")"));
      i = m;
    }
  }

  const SourceFile& file_;
  Diagnostics* diags_;
  std::vector<Cp> cps_;        // the current line's code points (reused)
  std::vector<bool> in_code_;  // and which of them are in code spans
  bool ok_ = true;
  int rows_ = 0;                 // table rows just before this line
  bool table_reported_ = false;  // the current table has had its error
};

}  // namespace

bool CheckBodyText(const SourceFile& file, std::string_view body, int body_first_line, Diagnostics* diags) {
  BodyChecker check(file, diags);
  bool in_fence = false;
  int line_no = body_first_line;
  for (size_t pos = 0; pos < body.size(); ++line_no) {
    size_t nl = body.find('\n', pos);
    size_t end = nl == std::string_view::npos ? body.size() : nl;
    std::string_view line = body.substr(pos, end - pos);
    pos = nl == std::string_view::npos ? body.size() : nl + 1;
    bool fence = IsFence(line);
    check.Line(line, line_no, in_fence || fence);
    if (fence) in_fence = !in_fence;
  }
  return check.ok();
}

}  // namespace fazhi
