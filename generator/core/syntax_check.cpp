#include "core/syntax_check.h"

#include <cstdio>
#include <vector>

#include "core/front_matter.h"
#include "core/messages.h"
#include "core/utf8.h"

namespace fazhi {
namespace {

constexpr char32_t kIdeographicSpace = 0x3000;
constexpr char32_t kNoBreakSpace = 0x00A0;
constexpr char32_t kFullWidthColon = 0xFF1A;
constexpr char32_t kFullWidthEquals = 0xFF1D;
constexpr char32_t kLeftDoubleQuote = 0x201C;
constexpr char32_t kRightDoubleQuote = 0x201D;
constexpr char32_t kLeftSingleQuote = 0x2018;
constexpr char32_t kRightSingleQuote = 0x2019;

bool IsZeroWidth(char32_t cp) {
  return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
}

// Control characters no editor means to type: YAML rejects them in its own
// words, TOML keeps some inside strings (and so on the page).
bool IsStrayControl(char32_t cp) {
  return (cp < 0x20 && cp != '\t') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029;
}

bool IsChineseQuote(char32_t cp) {
  return cp == kLeftDoubleQuote || cp == kRightDoubleQuote || cp == kLeftSingleQuote ||
         cp == kRightSingleQuote || cp == 0x300C || cp == 0x300D;  // 「」
}

bool IsAsciiKeyChar(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_' ||
         cp == '-';
}

// One line decoded: its code points and the text they came from.
struct Line {
  int number = 0;
  std::u32string cps;
  std::string_view text;  // without the line terminator

  std::string Slice(size_t from, size_t to = std::u32string::npos) const {
    std::string out;
    for (size_t i = from; i < cps.size() && i < to; ++i) AppendUtf8(out, cps[i]);
    return out;
  }
  // The code points from `from`, trimmed of ASCII spaces and a trailing
  // comment: what the checks read of a value, without encoding it to UTF-8
  // and decoding it again (a front matter's lines were checked three times
  // over in that round trip).
  std::u32string_view ValueCps(size_t from) const {
    while (from < cps.size() && (cps[from] == ' ' || cps[from] == '\t')) ++from;
    size_t to = cps.size();
    for (size_t i = from; i + 1 < cps.size(); ++i) {
      if ((cps[i] == ' ' || cps[i] == '\t') && cps[i + 1] == '#') {
        to = i;
        break;
      }
    }
    while (to > from && (cps[to - 1] == ' ' || cps[to - 1] == '\t')) --to;
    return std::u32string_view(cps).substr(from, to - from);
  }
  // The same as text (for messages).
  std::string Value(size_t from) const {
    std::string out;
    for (char32_t cp : ValueCps(from)) AppendUtf8(out, cp);
    return out;
  }
};

std::vector<Line> SplitLines(std::string_view text, SyntaxSpan span) {
  std::vector<Line> lines;
  int number = span.first_line;
  size_t pos = span.begin;
  while (pos < span.end) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos || nl > span.end) nl = span.end;
    Line line;
    line.number = number++;
    line.text = text.substr(pos, nl - pos);
    if (!line.text.empty() && line.text.back() == '\r') line.text.remove_suffix(1);
    line.cps.reserve(line.text.size());  // at most one code point per byte
    for (size_t i = 0; i < line.text.size();) {
      char32_t cp = 0;
      i += DecodeUtf8(line.text, i, &cp);
      line.cps.push_back(cp);
    }
    lines.push_back(std::move(line));
    pos = nl + 1;
  }
  return lines;
}

class Checker {
 public:
  Checker(const SourceFile& f, Diagnostics* diags) : f_(f), diags_(diags) {}

  void Error(const Line& line, size_t index, Message m) {
    diags_->Error(f_.path, line.number, static_cast<int>(index) + 1, std::move(m), f_.text);
    ok_ = false;
  }
  void Warning(const Line& line, size_t index, Message m) {
    diags_->Warning(f_.path, line.number, static_cast<int>(index) + 1, std::move(m), f_.text);
  }

  // Zero-width and control characters, wherever they are. True when found.
  bool Invisible(const Line& line) {
    for (size_t i = 0; i < line.cps.size(); ++i) {
      char32_t cp = line.cps[i];
      if (IsZeroWidth(cp)) {
        Error(line, i, Message(msg::kZeroWidth, CodePointName(cp)));
        return true;
      }
      if (cp == 0x0B) {
        Error(line, i, Message(msg::kWordLineBreak));
        return true;
      }
      if (IsStrayControl(cp)) {
        Error(line, i, Message(msg::kControlChar, CodePointName(cp)));
        return true;
      }
    }
    return false;
  }

  // A warning for U+3000 or U+00A0 at the end of the unquoted value `v`
  // that starts at code point `from` of `line` (the reader drops them).
  void TrailingSpace(const Line& line, size_t from, std::u32string_view v) {
    if (v.empty() || v.front() == '"' || v.front() == '\'' || v.front() == '[' || v.front() == '{' ||
        v.front() == '|' || v.front() == '>') {
      return;
    }
    size_t end = v.size(), first = std::u32string_view::npos;
    while (end > 0 && (v[end - 1] == kIdeographicSpace || v[end - 1] == kNoBreakSpace || v[end - 1] == ' ' ||
                       v[end - 1] == '\t')) {
      --end;
      if (v[end] == kIdeographicSpace || v[end] == kNoBreakSpace) first = end;
    }
    if (first == std::u32string_view::npos || end == 0) return;
    Warning(line, from + first,
            Message(msg::kTrailingInvisibleSpace,
                    Message(v[first] == kIdeographicSpace ? msg::kTrailingIdeographicSpace
                                                          : msg::kTrailingNoBreakSpace)));
  }

  bool ok() const { return ok_; }

 private:
  const SourceFile& f_;
  Diagnostics* diags_;
  bool ok_ = true;
};

// A block scalar indicator: "|", ">", "|-", ">+", "|2" …
bool IsBlockScalarStart(std::u32string_view v) {
  if (v.empty() || (v[0] != '|' && v[0] != '>')) return false;
  for (char32_t c : v.substr(1)) {
    if (c != '-' && c != '+' && (c < '1' || c > '9')) return false;
  }
  return true;
}

// The text between a leading and a trailing Chinese double quote, or false.
bool WrappedInChineseQuotes(std::u32string_view v, std::string* inner) {
  if (v.size() < 2) return false;
  bool open = v.front() == kLeftDoubleQuote || v.front() == kRightDoubleQuote;
  bool close = v.back() == kRightDoubleQuote || v.back() == kLeftDoubleQuote;
  if (!open || !close) return false;
  inner->clear();
  for (size_t i = 1; i + 1 < v.size(); ++i) {
    if (v[i] == kLeftDoubleQuote || v[i] == kRightDoubleQuote) return false;  // “甲”与“乙”: text
    AppendUtf8(*inner, v[i]);
  }
  return true;
}

std::u32string Decode(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    i += DecodeUtf8(s, i, &cp);
    out.push_back(cp);
  }
  return out;
}

}  // namespace

std::string CodePointName(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

bool CheckYamlChars(const SourceFile& file, SyntaxSpan span, Diagnostics* diags) {
  Checker check(file, diags);
  std::vector<Line> lines = SplitLines(file.text, span);
  bool in_block = false;       // inside a "|" or ">" block scalar
  size_t block_indent = 0;     // the indentation of its key
  size_t key_indent = 0;       // the indentation of the last key line
  bool key_has_value = false;  // whether that key's value began on its line
  bool have_key = false;
  for (const Line& line : lines) {
    if (check.Invisible(line)) continue;
    const std::u32string& s = line.cps;
    size_t indent = 0;
    while (indent < s.size() && s[indent] == ' ') ++indent;
    if (in_block) {
      if (indent == s.size() || indent > block_indent) continue;  // the block's own text
      in_block = false;
    }
    // Indentation: only ASCII spaces.
    size_t i = indent;
    if (i < s.size() && (s[i] == '\t' || s[i] == kIdeographicSpace || s[i] == kNoBreakSpace)) {
      if (s[i] == '\t') {
        check.Error(line, i, Message(msg::kTabIndent));
      } else {
        check.Error(
            line, i,
            Message(s[i] == kIdeographicSpace ? msg::kIdeographicSpaceIndent : msg::kNoBreakSpaceIndent));
      }
      continue;
    }
    if (i == s.size() || s[i] == '#') continue;
    // A list item typed with a full-width or long dash reads as text.
    if ((s[i] == 0xFF0D || s[i] == 0x2014 || s[i] == 0x2013) && i + 1 < s.size() &&
        (s[i + 1] == ' ' || s[i + 1] == kIdeographicSpace)) {
      check.Error(line, i, Message(msg::kFullWidthDash, line.Slice(i, i + 1)));
      continue;
    }
    if (s[i] == '-' && (i + 1 == s.size() || s[i + 1] == ' ')) {
      // A list item's text is free, but "- problem：…" was meant as a key.
      size_t j = i + 1;
      while (j < s.size() && s[j] == ' ') ++j;
      size_t k = j;
      while (k < s.size() && IsAsciiKeyChar(s[k])) ++k;
      if (k > j && k < s.size() && s[k] == kFullWidthColon) {
        check.Error(line, k, Message(msg::kFullWidthColon));
      } else if (k > j && k < s.size() && s[k] == ':') {
        have_key = true;  // an item that is a map: its keys line up with this one
        key_indent = j;
        key_has_value = !line.ValueCps(k + 1).empty();
        size_t v = k + 1;
        while (v < s.size() && s[v] == ' ') ++v;
        check.TrailingSpace(line, v, line.ValueCps(k + 1));
      } else if (j < s.size()) {
        check.TrailingSpace(line, j, line.ValueCps(j));
      }
      continue;
    }
    // A line indented under a key whose value began on the key's line
    // continues that value; the parser judges it.
    if (have_key && key_has_value && indent > key_indent) continue;
    if (s[i] == '"' || s[i] == '\'' || s[i] == '[' || s[i] == '{' || s[i] == '?') continue;

    // The key: up to the first ':' or '：'.
    size_t k = i;
    bool key_ascii = true;
    bool key_spaced = false;
    while (k < s.size() && s[k] != ':' && s[k] != kFullWidthColon) {
      if (s[k] == ' ' && k + 1 < s.size() && s[k + 1] == '#') break;  // a comment: no colon on this line
      key_ascii = key_ascii && IsAsciiKeyChar(s[k]);
      key_spaced = key_spaced || s[k] == ' ';
      ++k;
    }
    if (k == s.size() || (s[k] != ':' && s[k] != kFullWidthColon)) continue;  // no colon: the parser says so
    auto key = [&] { return line.Slice(i, k); };                              // for messages only
    if (s[k] == kFullWidthColon) {
      if (k > i && !key_spaced && k - i <= 30) check.Error(line, k, Message(msg::kFullWidthColon));
      continue;
    }
    size_t after = k + 1;
    if (after < s.size() && s[after] != ' ' && s[after] != '\t') {
      if (s[after] == kIdeographicSpace) {
        check.Error(line, after, Message(msg::kIdeographicSpace));
      } else if (s[after] == kNoBreakSpace) {
        check.Error(line, after, Message(msg::kNoBreakSpace));
      } else if (key_ascii && k > i) {
        check.Error(line, k, Message(msg::kNoSpaceAfterColon, key(), line.Value(after)));
      }
      continue;
    }
    have_key = true;
    key_indent = indent;
    const std::u32string_view v = line.ValueCps(after);
    key_has_value = !v.empty();
    if (IsBlockScalarStart(v)) {
      in_block = true;
      block_indent = indent;
      key_has_value = false;
      continue;
    }
    size_t value_col = after;
    while (value_col < s.size() && (s[value_col] == ' ' || s[value_col] == '\t')) ++value_col;
    if (v.empty()) continue;
    check.TrailingSpace(line, value_col, v);
    if (v.front() == 0xFF3B || v.front() == 0x3010) {  // ［ 【: a list typed with an IME
      check.Error(line, value_col,
                  Message(msg::kFullWidthBracket, line.Slice(value_col, value_col + 1), "["));
      continue;
    }
    if (v.front() == '!' || v.front() == '&' || v.front() == '*' || v.front() == '%' || v.front() == '@' ||
        v.front() == '`') {
      // YAML reads these as a tag, an anchor or an alias, or refuses them.
      check.Error(
          line, value_col,
          Message(msg::kYamlBadStart, line.Slice(value_col, value_col + 1), key(), line.Value(after)));
      continue;
    }
    if (v.front() == kLeftDoubleQuote || v.front() == kRightDoubleQuote) {
      std::string inner;
      bool wrapped = WrappedInChineseQuotes(v, &inner);
      const std::string value = line.Value(after);
      // With ": " or " #" inside, the quotes were meant to protect the value.
      if (value.find(": ") != std::string::npos || value.find(" #") != std::string::npos) {
        if (!wrapped) inner = value;
        check.Error(line, value_col, Message(msg::kChineseQuotesValue, key(), inner));
      } else if (wrapped) {
        check.Warning(line, value_col, Message(msg::kChineseQuotesKept, key(), inner));
      }
    }
  }
  return check.ok();
}

bool CheckTomlChars(const SourceFile& file, SyntaxSpan span, Diagnostics* diags) {
  Checker check(file, diags);
  std::vector<Line> lines = SplitLines(file.text, span);
  bool in_multiline = false;  // inside a """ or ''' string
  for (const Line& line : lines) {
    if (check.Invisible(line)) continue;
    const std::u32string& s = line.cps;
    size_t i = 0;
    // Multi-line strings: their lines are text.
    auto count_triples = [&] {
      int n = 0;
      for (size_t j = 0; j + 2 < s.size(); ++j) {
        if ((s[j] == '"' || s[j] == '\'') && s[j + 1] == s[j] && s[j + 2] == s[j]) {
          ++n;
          j += 2;
        }
      }
      return n;
    };
    if (in_multiline) {
      if (count_triples() % 2 == 1) in_multiline = false;
      continue;
    }
    if (count_triples() % 2 == 1) {
      in_multiline = true;
      continue;
    }
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    if (i == s.size() || s[i] == '#') continue;
    bool header = s[i] == '[' || s[i] == 0xFF3B || s[i] == 0x3010;
    bool in_value = false;    // after the '=' of a key line
    int depth = 0;            // of '[' inside a value
    bool had_string = false;  // a quoted value already ended on this line
    std::string key;
    bool reported = false;
    for (size_t j = i; j < s.size() && !reported; ++j) {
      char32_t cp = s[j];
      if (cp == '#') break;  // a comment
      if (cp == '"' || cp == '\'') {
        // Skip the string; a backslash escapes in basic strings only.
        for (++j; j < s.size() && s[j] != cp; ++j) {
          if (cp == '"' && s[j] == '\\') ++j;
        }
        had_string = had_string || (in_value && depth == 0);
        continue;
      }
      if (cp == kIdeographicSpace) {
        check.Error(line, j, Message(msg::kIdeographicSpace));
        reported = true;
      } else if (cp == kNoBreakSpace) {
        check.Error(line, j, Message(msg::kNoBreakSpace));
        reported = true;
      } else if (cp == 0xFF3B || cp == 0xFF3D || cp == 0x3010 || cp == 0x3011) {  // ［］【】
        bool open = cp == 0xFF3B || cp == 0x3010;
        check.Error(line, j, Message(msg::kFullWidthBracket, line.Slice(j, j + 1), open ? "[" : "]"));
        reported = true;
      } else if (header) {
        continue;
      } else if (!in_value) {
        if (cp == '=') {
          in_value = true;
          key = line.Slice(i, j);
          while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.pop_back();
        } else if (cp == kFullWidthEquals) {
          check.Error(line, j, Message(msg::kFullWidthEquals));
          reported = true;
        } else if (cp == ':' || cp == kFullWidthColon) {
          std::string k = line.Slice(i, j);
          while (!k.empty() && k.back() == ' ') k.pop_back();
          check.Error(line, j, Message(msg::kTomlColon, line.Slice(j, j + 1), k));
          reported = true;
        }
      } else if (depth == 0 && (cp == ' ' || cp == '\t')) {
        continue;
      } else if (IsChineseQuote(cp)) {
        std::string inner = line.Value(j + 1);
        std::u32string in = Decode(inner);
        if (!in.empty() && IsChineseQuote(in.back())) inner = line.Slice(j + 1, j + in.size());
        check.Error(line, j, Message(msg::kTomlChineseQuotes, line.Slice(j, j + 1), key, inner));
        reported = true;
      } else if (cp == '[') {
        ++depth;
      } else if (cp == ']') {
        --depth;
      } else if (depth > 0 && (cp == 0xFF0C || cp == 0x3001)) {  // ， 、
        check.Error(line, j, Message(msg::kFullWidthComma, line.Slice(j, j + 1)));
        reported = true;
      } else if (depth == 0 && cp > 0x7F && had_string) {
        // `title = "某区" 司法局`: text after the closing quote.
        check.Error(line, j, Message(msg::kTomlTextAfterValue));
        reported = true;
      } else if (depth == 0 && cp > 0x7F) {
        // Text without quotes: `title = 某区司法局`.
        check.Error(line, j, Message(msg::kTomlNeedsQuotes, key, line.Value(j)));
        reported = true;
      } else if (depth == 0) {
        // A number, date, boolean or inline table: toml++ judges it.
        while (j + 1 < s.size() && s[j + 1] != '#' && s[j + 1] != '"' && s[j + 1] != '\'' &&
               s[j + 1] != kIdeographicSpace && s[j + 1] != kNoBreakSpace) {
          ++j;
        }
      }
    }
  }
  return check.ok();
}

}  // namespace fazhi

namespace fazhi {
namespace {

const Line* LineAt(const std::vector<Line>& lines, int number) {
  for (const Line& l : lines) {
    if (l.number == number) return &l;
  }
  return nullptr;
}

size_t FirstNonSpace(const Line& l) {
  size_t i = 0;
  while (i < l.cps.size() && (l.cps[i] == ' ' || l.cps[i] == '\t')) ++i;
  return i;
}

// The key and the value of a "key: value" line, split at its first ": ".
bool SplitKeyValue(const Line& l, std::string* key, std::string* value, size_t* value_index) {
  size_t i = FirstNonSpace(l);
  if (i + 1 < l.cps.size() && l.cps[i] == '-' && l.cps[i + 1] == ' ') i = FirstNonSpace(l) + 2;
  for (size_t k = i; k < l.cps.size(); ++k) {
    if (l.cps[k] == ':' && (k + 1 == l.cps.size() || l.cps[k + 1] == ' ' || l.cps[k + 1] == '\t')) {
      *key = l.Slice(i, k);
      *value = l.Value(k + 1);
      size_t v = k + 1;
      while (v < l.cps.size() && (l.cps[v] == ' ' || l.cps[v] == '\t')) ++v;
      *value_index = v;
      return true;
    }
  }
  return false;
}

// A YAML line whose value opens a quote it does not close on the same line:
// the parser reads on into the following lines and fails far below.
bool UnclosedQuote(const Line& l, size_t* at) {
  std::string key, value;
  size_t v = 0;
  if (!SplitKeyValue(l, &key, &value, &v)) {
    v = FirstNonSpace(l);
    if (v + 1 < l.cps.size() && l.cps[v] == '-' && l.cps[v + 1] == ' ') v += 2;
  }
  if (v >= l.cps.size() || (l.cps[v] != '"' && l.cps[v] != '\'')) return false;
  char32_t q = l.cps[v];
  for (size_t i = v + 1; i < l.cps.size(); ++i) {
    if (q == '"' && l.cps[i] == '\\') {
      ++i;
    } else if (l.cps[i] == q) {
      if (q == '\'' && i + 1 < l.cps.size() && l.cps[i + 1] == '\'') {
        ++i;  // '' is a quote inside single quotes
      } else {
        return false;
      }
    }
  }
  *at = v;
  return true;
}

bool Has(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

}  // namespace

void ReportYamlFailure(const SourceFile& file, SyntaxSpan span, const YamlFailure& f, Diagnostics* diags) {
  std::vector<Line> lines = SplitLines(file.text, span);
  auto report = [&](int line, int col, Message m) {
    diags->Error(file.path, line, col, std::move(m), file.text);
  };
  // A quote left open on a line at or before the failure is the cause,
  // wherever the parser gave up.
  for (const Line& l : lines) {
    if (l.number > f.line) break;
    size_t at = 0;
    if (UnclosedQuote(l, &at)) {
      report(l.number, static_cast<int>(at) + 1,
             Message(msg::kYamlUnclosedQuote,
                     Message(l.cps[at] == '"' ? msg::kDoubleQuote : msg::kSingleQuote)));
      return;
    }
  }
  const Line* here = LineAt(lines, f.line);
  size_t col_index = f.col > 0 ? static_cast<size_t>(f.col - 1) : 0;
  char32_t c = here && col_index < here->cps.size() ? here->cps[col_index] : 0;
  std::string key, value;
  size_t value_index = 0;
  bool key_line = here && SplitKeyValue(*here, &key, &value, &value_index);
  // Indented under a line whose value it then seems to continue.
  auto indented = [&] { return here && FirstNonSpace(*here) > 0 && here->cps[0] == ' '; };

  const std::string& p = f.problem;
  if (Has(p, "could not find expected ':'")) {
    bool simple_key = Has(f.context, "simple key");
    int line = simple_key ? f.context_line : f.line;
    if (!ReportMissingColon(file, span, line, diags)) {
      report(line, simple_key ? f.context_col : f.col, Message(msg::kYamlMissingColon));
    }
  } else if (Has(p, "mapping values are not allowed")) {
    if (indented()) {
      report(f.line, static_cast<int>(FirstNonSpace(*here)) + 1, Message(msg::kYamlIndented));
    } else if (key_line) {
      report(f.line, f.col, Message(msg::kYamlColonInValue, key, value));
    } else {
      report(f.line, f.col, Message(msg::kYamlBadLine));
    }
  } else if (Has(f.context, "quoted scalar") && Has(p, "end of stream")) {
    const Line* open = LineAt(lines, f.context_line);
    bool dq = open && f.context_col >= 1 && static_cast<size_t>(f.context_col - 1) < open->cps.size() &&
              open->cps[static_cast<size_t>(f.context_col - 1)] == '"';
    report(f.context_line, f.context_col,
           Message(msg::kYamlUnclosedQuote, Message(dq ? msg::kDoubleQuote : msg::kSingleQuote)));
  } else if (Has(f.context, "alias") || Has(f.context, "anchor")) {
    report(f.context_line, f.context_col, Message(msg::kFmAlias));
  } else if (Has(p, "tab character")) {
    report(f.line, f.col, Message(msg::kTabIndent));
  } else if (Has(p, "cannot start any token")) {
    if (c == '\t') {
      report(f.line, f.col, Message(msg::kTabIndent));
    } else {
      std::string ch;
      AppendUtf8(ch, c);
      report(f.line, f.col, Message(msg::kYamlBadStart, ch, key, value));
    }
  } else if (Has(p, "expected ',' or ']'")) {
    report(f.context_line, f.context_col, Message(msg::kYamlUnclosedList));
  } else if (Has(p, "expected ',' or '}'")) {
    report(f.context_line, f.context_col, Message(msg::kYamlUnclosedMap));
  } else if (Has(p, "did not find expected key")) {
    size_t b = col_index;
    while (b > 0 && here && (here->cps[b - 1] == ' ' || here->cps[b - 1] == '\t')) --b;
    if (here && b > 0 && b <= here->cps.size() && (here->cps[b - 1] == '"' || here->cps[b - 1] == '\'')) {
      report(f.line, f.col, Message(msg::kYamlTextAfterQuote));
    } else if (c == '-') {
      report(f.line, f.col, Message(msg::kYamlListItemHere));
    } else if (indented()) {
      report(f.line, static_cast<int>(FirstNonSpace(*here)) + 1, Message(msg::kYamlIndented));
    } else {
      report(f.line, f.col, Message(msg::kYamlBadLine));
    }
  } else if (Has(p, "block sequence entries are not allowed")) {
    report(f.line, f.col, Message(msg::kYamlListItemHere));
  } else if (Has(p, "expected '-' indicator")) {
    report(f.line, f.col, Message(msg::kYamlListIndent));
  } else if (Has(p, "unknown escape character")) {
    report(f.line, f.col, Message(msg::kBadEscape));
  } else {
    std::string what = p;
    if (!f.context.empty()) what += " (" + f.context + ")";
    report(f.line, f.col, Message(msg::kYamlOther, what));
  }
}

void ReportTomlFailure(const SourceFile& file, SyntaxSpan span, std::string_view d, int line, int col,
                       Diagnostics* diags) {
  std::vector<Line> lines = SplitLines(file.text, span);
  auto report = [&](int l, size_t index, Message m) {
    diags->Error(file.path, l, static_cast<int>(index) + 1, std::move(m), file.text);
  };
  const Line* here = LineAt(lines, line);
  size_t at = col > 0 ? static_cast<size_t>(col - 1) : 0;
  // The key and value of a "key = value" line.
  std::string key, value;
  size_t value_index = at;
  if (here) {
    for (size_t i = 0; i < here->cps.size(); ++i) {
      if (here->cps[i] == '=') {
        key = here->Slice(FirstNonSpace(*here), i);
        while (!key.empty() && key.back() == ' ') key.pop_back();
        value = here->Value(i + 1);
        value_index = i + 1;
        while (value_index < here->cps.size() && here->cps[value_index] == ' ') ++value_index;
        break;
      }
    }
  }
  char32_t before = here && at > 0 && at - 1 < here->cps.size() ? here->cps[at - 1] : 0;

  if (std::string iso = AsIsoDate(value); !iso.empty() && iso != value) {
    // as_of = 2025年6月30日: toml++ reads a number and stumbles on 年.
    report(line, value_index, Message(msg::kMustBeDateAs, key, value, iso));
  } else if ((Has(d, "parsing string") || Has(d, "parsing literal string")) &&
             (Has(d, "control characters") || Has(d, "end-of-file"))) {
    // Unclosed: point at the quote that opened the string.
    size_t q = value_index;
    if (here) {
      for (size_t i = value_index; i < here->cps.size(); ++i) {
        if (here->cps[i] == '"' || here->cps[i] == '\'') {
          q = i;
          break;
        }
      }
    }
    report(line, q, Message(msg::kTomlUnclosedString));
  } else if (Has(d, "cannot redefine existing")) {
    size_t b = d.rfind('\''), a = b == std::string_view::npos ? b : d.rfind('\'', b - 1);
    std::string name = a == std::string_view::npos ? key : std::string(d.substr(a + 1, b - a - 1));
    report(line, here ? FirstNonSpace(*here) : 0, Message(msg::kTomlDuplicateKey, name));
  } else if (Has(d, "parsing date") || Has(d, "parsing time") || Has(d, "expected month") ||
             Has(d, "expected day")) {
    report(line, value_index, Message(msg::kTomlBadDate));
  } else if (Has(d, "expected a comment or whitespace")) {
    bool digits = before >= '0' && before <= '9';
    report(line, at,
           Message(digits && Has(d, "saw ','") ? msg::kTomlNumberSeparator : msg::kTomlTextAfterValue));
  } else if (Has(d, "header") && Has(d, "expected ']'")) {
    report(line, here ? FirstNonSpace(*here) : 0, Message(msg::kTomlUnclosedBracket));
  } else if (Has(d, "parsing array") && (Has(d, "closing ']'") || Has(d, "end-of-file"))) {
    // The '[' that opened the array: on this line or one above.
    for (int l = line; l >= span.first_line; --l) {
      const Line* x = LineAt(lines, l);
      if (!x) continue;
      for (size_t i = 0; i < x->cps.size(); ++i) {
        if (x->cps[i] == '=') {
          size_t j = i + 1;
          while (j < x->cps.size() && x->cps[j] == ' ') ++j;
          if (j < x->cps.size() && x->cps[j] == '[') {
            report(l, j, Message(msg::kTomlUnclosedBracket));
            return;
          }
        }
      }
    }
    report(line, at, Message(msg::kTomlUnclosedBracket));
  } else if (Has(d, "escape sequence")) {
    report(line, at, Message(msg::kBadEscape));
  } else if (Has(d, "expected '='")) {
    bool spaced = before == ' ' && here && at < here->cps.size() && here->cps[at] != '\n';
    report(line, at, Message(spaced ? msg::kTomlKeySpace : msg::kTomlMissingEquals));
  } else if (Has(d, "could not determine value type")) {
    report(line, value_index, Message(msg::kTomlNeedsQuotes, key, value));
  } else if (Has(d, "expected keys, tables, whitespace or comments")) {
    report(line, at, Message(msg::kTomlBadLine));
  } else {
    report(line, at, Message(msg::kTomlOther, std::string(d)));
  }
}

bool ReportMissingColon(const SourceFile& file, SyntaxSpan span, int line_number, Diagnostics* diags) {
  std::vector<Line> lines = SplitLines(file.text, span);
  const Line* l = LineAt(lines, line_number);
  if (!l) return false;
  const std::u32string& s = l->cps;
  size_t i = FirstNonSpace(*l);
  if (i + 1 < s.size() && s[i] == '-' && s[i + 1] == ' ') return false;
  for (char32_t cp : s) {
    if (cp == ':' || cp == kFullWidthColon) return false;
  }
  // The key: the first word ("title 甲", "title　甲"), or the ASCII word
  // before the value when no space is between ("title甲").
  size_t k = i;
  while (k < s.size() && s[k] != ' ' && s[k] != '\t' && s[k] != kIdeographicSpace) ++k;
  if (k == s.size()) {
    size_t a = i;
    while (a < s.size() && IsAsciiKeyChar(s[a])) ++a;
    if (a == i) return false;  // "甲乙丙": a value, not a key
    k = a;
  }
  if (k == i) return false;
  size_t v = k;
  while (v < s.size() && (s[v] == ' ' || s[v] == '\t' || s[v] == kIdeographicSpace)) ++v;
  std::string value = l->Value(v);
  diags->Error(file.path, line_number, static_cast<int>(k) + 1,
               Message(msg::kYamlMissingColonAfterKey, l->Slice(i, k), value.empty() ? "…" : value),
               file.text);
  return true;
}

std::string TrimInvisibleEnd(std::string s) {
  for (;;) {
    if (s.ends_with(" ") || s.ends_with("\t")) {
      s.pop_back();
    } else if (s.ends_with("\u3000")) {
      s.resize(s.size() - 3);
    } else if (s.ends_with("\u00a0")) {
      s.resize(s.size() - 2);
    } else {
      return s;
    }
  }
}

}  // namespace fazhi
