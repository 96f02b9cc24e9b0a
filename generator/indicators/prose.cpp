#include "indicators/prose.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <span>
#include <vector>

#include "core/utf8.h"
#include "indicators/cells.h"
#include "indicators/format.h"
#include "indicators/messages.h"

namespace fazhi {
namespace {

std::string EscapeMarkdown(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '[' || c == ']' || c == '\\' || c == '*' || c == '_' || c == '`' || c == '<') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

bool ExpandValueShortcode(const IndicatorSet& set, const Shortcode& sc, const std::string& indicator_url,
                          std::string* markdown, Message* error) {
  if (sc.args.size() < 2 || sc.args.size() > 3) {
    *error = Message(msg::kValueArgs);
    return false;
  }
  const std::string& id = sc.args[0];
  const IndicatorDef* def = set.Find(id);
  // With errors in the definitions or data (reported already), an id or a
  // value missing here may be one of them: nothing more to report, and the
  // build fails anyway.
  if (!def && !set.complete) return true;
  if (!def) {
    *error = set.UnknownIndicator(id);
    return false;
  }
  // Typed as an editor types a year cell: ２０２４, 2024年, 2024年度 (indicators/cells.h).
  const int year = ParseYearCell(sc.args[1]);
  if (year == 0) {
    *error = Message(msg::kValueBadYear, sc.args[1]);
    return false;
  }
  std::string breakdown = sc.args.size() == 3 ? HalfWidthCell(sc.args[2]) : "";
  const Observation* o = set.Get(id, year, breakdown);
  if (!o && !set.complete) return true;
  if (!o) {
    std::vector<std::string> years;
    for (const Observation* s : set.Series(id)) years.push_back(std::to_string(s->year));
    if (years.empty()) {
      *error = Message(msg::kValueNone, id);
    } else if (breakdown.empty()) {
      *error = Message(msg::kValueMissing, id, year, Message::List(years));
    } else {
      // The groups the editor could have meant: that year's, else the years.
      std::vector<std::string> groups;
      for (const Observation* b : set.Breakdown(id, year)) groups.push_back(b->breakdown);
      *error = Message(msg::kValueMissingBreakdown, id, year, breakdown,
                       Message::List(groups.empty() ? years : groups));
    }
    return false;
  }
  std::string title = def->title + "," + std::to_string(year) + "年" +
                      (breakdown.empty() ? "" : "," + breakdown) +
                      (o->basis == Basis::kComputed ? ",计算值" : "");
  std::string quoted_title;
  for (char c : title) {
    if (c == '"' || c == '\\') quoted_title += '\\';
    quoted_title += c;
  }
  *markdown =
      "[" + EscapeMarkdown(FormatValue(*o, def->kind)) + "](" + indicator_url + " \"" + quoted_title + "\")";
  return true;
}

ShortcodeHandler ValueShortcodeHandler(const IndicatorSet& set,
                                       std::function<std::string(std::string_view)> url_of) {
  return [&set, url_of](const Shortcode& sc, std::string* replacement, Message* error) {
    std::string url = sc.args.empty() ? "" : url_of(sc.args[0]);
    return ExpandValueShortcode(set, sc, url, replacement, error);
  };
}

// ---- Contradiction finder.
namespace {

struct Figure {
  size_t begin, end;  ///< byte range of number + qualifier + unit in the clause text
  std::string number;
  std::string unit;
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Clause boundaries: Chinese and ASCII sentence and comma punctuation.
bool IsBoundary(std::string_view s, size_t i, size_t* len) {
  // Every mark starts with one of these bytes (。 with E3, the full-width
  // ones with EF): most bytes of a body are turned away here, before the
  // eleven comparisons.
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c != 0xE3 && c != 0xEF && c != ';' && c != ',' && c != '!' && c != '?' && c != '\n') return false;
  static const std::string_view kMarks[] = {"。", "；", "，", "！", "？", "：", ";", ",", "!", "?", "\n"};
  for (std::string_view m : kMarks) {
    if (s.substr(i, m.size()) == m) {
      // "1,537" is a number, not a boundary.
      if (m == "," && i > 0 && i + 1 < s.size() && IsDigit(s[i - 1]) && IsDigit(s[i + 1])) return false;
      *len = m.size();
      return true;
    }
  }
  return false;
}

// Figures "368件", "4000多次", "80.16%", "90%以上" whose unit is `unit`.
std::vector<Figure> FiguresWithUnit(std::string_view clause, const std::string& unit) {
  std::vector<Figure> out;
  for (size_t i = 0; i < clause.size();) {
    if (!IsDigit(clause[i]) || (i > 0 && (IsDigit(clause[i - 1]) || clause[i - 1] == '.'))) {
      ++i;
      continue;
    }
    size_t j = i;
    std::string num;
    while (j < clause.size() && (IsDigit(clause[j]) || clause[j] == '.' ||
                                 (clause[j] == ',' && j + 1 < clause.size() && IsDigit(clause[j + 1])))) {
      if (clause[j] != ',') num += clause[j];
      ++j;
    }
    size_t k = j;
    for (std::string_view q : {"多", "余"}) {
      if (clause.substr(k, q.size()) == q) k += q.size();
    }
    std::string_view rest = clause.substr(k);
    bool match = rest.substr(0, unit.size()) == unit || (unit == "%" && rest.substr(0, 3) == "％");
    if (match) {
      size_t ulen = rest.substr(0, unit.size()) == unit ? unit.size() : 3;
      // "件次" is not "件": the unit must not continue into a longer unit.
      std::string_view after = rest.substr(ulen);
      bool longer = unit == "件" && after.substr(0, 3) == "次";
      if (!longer) out.push_back({i, k + ulen, num, unit});
    }
    i = j;
  }
  return out;
}

// `body` with shortcodes, inline code and fenced code blanked out (same
// byte length, so offsets still map to the file).
std::string MaskedBody(std::string_view body) {
  std::string s(body);
  for (size_t p = 0; (p = s.find("{{<", p)) != std::string::npos;) {
    size_t e = s.find(">}}", p);
    e = e == std::string::npos ? s.size() : e + 3;
    std::fill(s.begin() + p, s.begin() + e, ' ');
    p = e;
  }
  bool fence = false;
  size_t line_start = 0;
  while (line_start < s.size()) {
    size_t nl = s.find('\n', line_start);
    size_t end = nl == std::string::npos ? s.size() : nl;
    std::string_view line(s.data() + line_start, end - line_start);
    bool is_fence =
        line.substr(line.find_first_not_of(' ') == std::string_view::npos ? 0 : line.find_first_not_of(' '))
            .substr(0, 3) == "```";
    if (is_fence || fence) std::fill(s.begin() + line_start, s.begin() + end, ' ');
    if (is_fence) fence = !fence;
    line_start = end + 1;
  }
  for (size_t p = 0; (p = s.find('`', p)) != std::string::npos;) {
    size_t e = s.find('`', p + 1);
    if (e == std::string::npos) break;
    std::fill(s.begin() + p, s.begin() + e + 1, ' ');
    p = e + 1;
  }
  return s;
}

}  // namespace

int CheckProseNumbers(const SourceFile& file, std::string_view body, int body_first_line, int year,
                      const IndicatorSet& set, Diagnostics* diags) {
  // The indicators with a value this year and the names prose calls them
  // by, looked up once per body instead of once per clause; with none, a
  // report has nothing to contradict.
  struct Checked {
    const IndicatorDef* def;
    const Observation* o;
    std::span<const std::string> names;  ///< its aliases, else its title
  };
  std::vector<Checked> checked;
  for (const IndicatorDef& def : set.defs) {
    // Values the build derives (e.g. from 述法 profiles) are not what a report states.
    if (def.kind == IndicatorKind::kBoolean || def.generated) continue;
    const Observation* o = set.Get(def.id, year);
    if (!o) continue;
    checked.push_back({&def, o,
                       def.aliases.empty() ? std::span<const std::string>(&def.title, 1)
                                           : std::span<const std::string>(def.aliases)});
  }
  if (checked.empty()) return 0;
  std::string text = MaskedBody(body);
  // Offset of the body in the file, for positions.
  size_t body_offset = 0;
  for (int l = 1; l < body_first_line; ++l) {
    size_t nl = file.text.find('\n', body_offset);
    if (nl == std::string::npos) break;
    body_offset = nl + 1;
  }
  const size_t kMaxGap = 4;  // code points between a name and its figure
  int warnings = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = start, blen = 0;
    while (end < text.size() && !IsBoundary(text, end, &blen)) ++end;
    std::string_view clause(text.data() + start, end - start);
    // A figure starts with an ASCII digit (FiguresWithUnit): a clause without
    // one has nothing to compare, whatever names it holds.
    if (std::none_of(clause.begin(), clause.end(), IsDigit)) {
      start = end + blen;
      continue;
    }
    for (const Checked& c : checked) {
      const IndicatorDef& def = *c.def;
      const Observation* o = c.o;
      std::vector<Figure> figures;
      std::vector<size_t> reported;  // one warning per figure, whichever alias found it
      for (const std::string& name : c.names) {
        for (size_t at = clause.find(name); !name.empty() && at != std::string_view::npos;
             at = clause.find(name, at + name.size())) {
          if (figures.empty()) figures = FiguresWithUnit(clause, o->unit);
          // The nearest figure before or after the name ("4名区委常委",
          // "行政检查546件"); on a tie the earlier one.
          const Figure* best = nullptr;
          size_t best_gap = kMaxGap + 1;
          for (const Figure& f : figures) {
            size_t gap;
            if (f.begin >= at + name.size()) {
              gap = Utf8Length(clause.substr(at + name.size(), f.begin - at - name.size()));
            } else if (f.end <= at) {
              gap = Utf8Length(clause.substr(f.end, at - f.end));
            } else {
              continue;
            }
            if (gap < best_gap) best = &f, best_gap = gap;
          }
          if (!best || std::find(reported.begin(), reported.end(), best->begin) != reported.end()) {
            continue;
          }
          double stated = std::strtod(best->number.c_str(), nullptr);
          if (std::fabs(stated - o->value) < 1e-9) continue;
          int line, col;
          OffsetToLineCol(file.text, body_offset + start + best->begin, &line, &col);
          std::string said(clause.substr(best->begin, best->end - best->begin));
          diags->Warning(file.path, line, col,
                         Message(msg::kProseDiffers, said, def.title, FormatValue(*o, def.kind), year,
                                 o->path + ":" + std::to_string(o->line)),
                         file.text);
          reported.push_back(best->begin);
          ++warnings;
        }
      }
    }
    start = end + blen;
  }
  return warnings;
}

namespace {

// Byte range of the sentence around [from, to) in `text`: from after the
// previous 。；！？ or blank line to the next one.
std::pair<size_t, size_t> SentenceAround(std::string_view text, size_t from, size_t to) {
  static const std::string_view kEnds[] = {"。", "；", "！", "？", "\n\n"};
  size_t begin = 0, end = text.size();
  for (std::string_view m : kEnds) {
    size_t b = text.rfind(m, from);
    if (b != std::string_view::npos && b + m.size() <= from) begin = std::max(begin, b + m.size());
    size_t e = text.find(m, to);
    if (e != std::string_view::npos) end = std::min(end, e);
  }
  return {begin, end};
}

}  // namespace

int CheckValueScopes(const SourceFile& file, std::string_view body, int body_first_line,
                     const IndicatorSet& set, Diagnostics* diags) {
  size_t body_offset = 0;
  for (int l = 1; l < body_first_line; ++l) {
    size_t nl = file.text.find('\n', body_offset);
    if (nl == std::string::npos) break;
    body_offset = nl + 1;
  }
  int warnings = 0;
  for (size_t p = 0; (p = body.find("{{<", p)) != std::string_view::npos;) {
    size_t e = body.find(">}}", p);
    if (e == std::string_view::npos) break;
    std::vector<std::string> words;
    std::string_view inner = body.substr(p + 3, e - p - 3);
    for (size_t i = 0; i < inner.size();) {
      size_t j = inner.find_first_of(" \t\n", i);
      if (j == std::string_view::npos) j = inner.size();
      if (j > i) words.emplace_back(inner.substr(i, j - i));
      i = j + 1;
    }
    size_t at = p;
    p = e + 3;
    const int year = words.size() < 3 ? 0 : ParseYearCell(words[2]);
    if (words.size() < 3 || words[0] != "value" || year == 0) continue;
    const IndicatorDef* def = set.Find(words[1]);
    const Observation* o =
        def ? set.Get(words[1], year, words.size() > 3 ? HalfWidthCell(words[3]) : "") : nullptr;
    if (!o) continue;  // the shortcode itself reports it
    std::vector<std::string_view> needed;
    if (o->scope == Scope::kCumulative) needed = {"累计"};
    if (o->scope == Scope::kPointInTime) needed = {"截至", "截止"};
    if (needed.empty()) continue;
    auto [begin, end] = SentenceAround(body, at, p);
    std::string_view sentence = body.substr(begin, end - begin);
    bool said = std::any_of(needed.begin(), needed.end(),
                            [&](std::string_view w) { return sentence.find(w) != std::string_view::npos; });
    if (said) continue;
    int line, col;
    OffsetToLineCol(file.text, body_offset + at, &line, &col);
    diags->Warning(file.path, line, col,
                   Message(msg::kValueLosesScope, def->title, FormatStated(*o, def->kind), needed[0]),
                   file.text);
    ++warnings;
  }
  return warnings;
}

}  // namespace fazhi
