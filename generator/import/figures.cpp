#include "import/figures.h"

#include <algorithm>
#include <cstdint>

namespace fazhi {
namespace {

using U = std::u32string;
using UV = std::u32string_view;

bool IsDigit(char32_t c) { return (c >= '0' && c <= '9') || (c >= U'０' && c <= U'９'); }
char DigitChar(char32_t c) { return static_cast<char>(c >= U'０' ? '0' + (c - U'０') : c); }
bool IsAsciiLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= U'ａ' && c <= U'ｚ') ||
         (c >= U'Ａ' && c <= U'Ｚ');
}
bool IsPlus(char32_t c) { return c == '+' || c == U'＋'; }
bool IsSentenceEnd(char32_t c) { return UV(U"。！？；;!?").find(c) != UV::npos; }
bool IsClauseEnd(char32_t c) { return IsSentenceEnd(c) || UV(U"，,：:").find(c) != UV::npos; }
bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000; }
bool StartsWith(UV s, size_t i, UV p) { return s.size() >= i + p.size() && s.substr(i, p.size()) == p; }
bool EndsWith(UV s, UV p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

// Longest first, so 件次 wins over 件 and 个百分点 over 个.
constexpr UV kUnits[] = {
    U"个百分点", U"个工作日", U"平方公里", U"个月", U"百分点", U"平方米", U"工作日", U"件次", U"人次",
    U"户次",     U"家次",     U"批次",     U"场次", U"车次",   U"台次",   U"架次",   U"篇次", U"课时",
    U"学时",     U"小时",     U"部门",     U"公里", U"千米",   U"%",      U"％",     U"‰",    U"人",
    U"名",       U"件",       U"宗",       U"次",   U"份",     U"个",     U"家",     U"户",   U"场",
    U"批",       U"项",       U"条",       U"篇",   U"期",     U"起",     U"部",     U"所",   U"处",
    U"座",       U"张",       U"本",       U"册",   U"套",     U"台",     U"辆",     U"天",   U"例",
    U"位",       U"支",       U"类",       U"组",   U"轮",     U"卷",     U"单",     U"节",   U"堂",
    U"元",       U"倍",       U"亩",       U"吨"};

size_t UnitAt(UV s, size_t i) {
  for (UV u : kUnits) {
    if (StartsWith(s, i, u)) return u.size();
  }
  return 0;
}

// Positions inside quotes, 《》 titles or 〔〕/[]/【】 document numbers: numbers
// there are names ("1310", “1+8”), titles or document numbers, not facts.
std::vector<bool> QuotedPositions(UV s) {
  std::vector<bool> in(s.size(), false);
  int depth = 0;
  bool ascii_quote = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (UV(U"“‘「『《〈〔【[").find(c) != UV::npos) {
      ++depth;
    } else if (UV(U"”’」』》〉〕】]").find(c) != UV::npos) {
      if (depth > 0) --depth;
    } else if (c == '"') {
      ascii_quote = !ascii_quote;
    }
    in[i] = depth > 0 || ascii_quote;
  }
  return in;
}

struct Qualifier {
  UV text;
  const char* csv;
};
constexpr Qualifier kBefore[] = {{U"超过", "超"},     {U"将近", "近"},     {U"接近", "近"}, {U"大约", "约"},
                                 {U"不少于", "以上"}, {U"不低于", "以上"}, {U"逾", "超"},   {U"超", "超"},
                                 {U"近", "近"},       {U"约", "约"}};

std::string TrimName(U name) {
  static const UV kLead[] = {U"截至目前", U"截至年底", U"共有", U"共计", U"合计", U"累计", U"其中", U"全年",
                             U"实现",     U"共",       U"和",   U"及",   U"与",   U"、",   U"并"};
  static const UV kTrail[] = {U"首次达到", U"均达到", U"均为", U"达到", U"累计", U"共计", U"分别为",
                              U"分别",     U"已达",   U"达",   U"为",   U"共",   U"计",   U"的"};
  bool changed = true;
  while (changed) {
    changed = false;
    while (!name.empty() && (IsSpace(name.front()) || name.front() == U'“')) name.erase(0, 1);
    while (!name.empty() && IsSpace(name.back())) name.pop_back();
    for (UV p : kLead) {
      if (name.size() >= p.size() && StartsWith(name, 0, p)) {
        name.erase(0, p.size());
        changed = true;
      }
    }
    for (UV p : kTrail) {
      if (name.size() >= p.size() && EndsWith(name, p)) {
        name.resize(name.size() - p.size());
        changed = true;
      }
    }
    // "二是提供…": the item marker is not part of the name.
    if (name.size() > 2 && name[1] == U'是' && UV(U"一二三四五六七八九十").find(name[0]) != UV::npos) {
      name.erase(0, 2);
      changed = true;
    }
    // "首次达到3个" before "100%": drop the count of the figure itself.
    size_t k = name.size();
    if (k >= 2 && name[k - 1] == U'个' && IsDigit(name[k - 2])) {
      while (k > 1 && IsDigit(name[k - 2])) --k;
      name.resize(k - 1);
      changed = true;
    }
  }
  if (name.size() > 30) name = name.substr(name.size() - 30);
  return ToU8(name);
}

}  // namespace

std::vector<ImportedFigure> FindFiguresInText(std::string_view paragraph, std::string_view section) {
  std::vector<ImportedFigure> out;
  U s = ToU32(paragraph);
  std::vector<bool> quoted = QuotedPositions(s);
  // Where the sentence and the clause around each position start, and where
  // the sentence ends: found once, so a paragraph of one endless sentence
  // with thousands of figures is read in linear time.
  const size_t n = s.size();
  std::vector<uint32_t> sentence_start(n + 1, 0), clause_start(n + 1, 0), sentence_end(n + 1, 0);
  for (size_t i = 1; i <= n; ++i) {
    sentence_start[i] = IsSentenceEnd(s[i - 1]) ? static_cast<uint32_t>(i) : sentence_start[i - 1];
    clause_start[i] = IsClauseEnd(s[i - 1]) ? static_cast<uint32_t>(i) : clause_start[i - 1];
  }
  sentence_end[n] = static_cast<uint32_t>(n);
  for (size_t i = n; i-- > 0;)
    sentence_end[i] = IsSentenceEnd(s[i]) ? static_cast<uint32_t>(i) : sentence_end[i + 1];
  size_t prev_end = 0;       // end of the previous figure in this paragraph
  size_t prev_sentence = 0;  // its sentence start
  std::string base_name;     // name of the last figure not named after another
  for (size_t i = 0; i < s.size(); ++i) {
    if (!IsDigit(s[i])) continue;
    if (i > 0 && (IsDigit(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == U'．')) continue;
    // The number: digits, thousands separators, one decimal point.
    size_t j = i;
    std::string value;
    bool decimal = false;
    while (j < s.size()) {
      if (IsDigit(s[j])) {
        value += DigitChar(s[j++]);
      } else if (s[j] == ',' && !decimal && j + 3 < s.size() && IsDigit(s[j + 1]) && IsDigit(s[j + 2]) &&
                 IsDigit(s[j + 3]) && (j + 4 >= s.size() || !IsDigit(s[j + 4]))) {
        ++j;  // 1,537
      } else if ((s[j] == '.' || s[j] == U'．') && !decimal && j + 1 < s.size() && IsDigit(s[j + 1])) {
        decimal = true;
        value += '.';
        ++j;
      } else {
        break;
      }
    }
    size_t num_end = j;
    auto skip = [&] { i = num_end - 1; };
    // Names and codes: 5G, V2.0, 1+3+5+N, 3+X, numbers in quotes or 《》.
    if (quoted[i]) {
      skip();
      continue;
    }
    if (i > 0 && (IsAsciiLetter(s[i - 1]) || IsPlus(s[i - 1]))) {
      skip();
      continue;
    }
    if (num_end < s.size() && (IsAsciiLetter(s[num_end]) || IsPlus(s[num_end]))) {
      skip();
      continue;
    }
    // Ordinals and ranks: 第6次, 排名第3, 前10名.
    size_t b = i;
    while (b > 0 && IsSpace(s[b - 1])) --b;
    if (b > 0 && (s[b - 1] == U'第' || s[b - 1] == U'前')) {
      skip();
      continue;
    }
    // Years (2024年, 2021-2025) and dates (2025-01-20, 2025.1.20).
    if (num_end < s.size() &&
        (s[num_end] == '-' || s[num_end] == '/' || s[num_end] == U'—' || s[num_end] == U'–' ||
         s[num_end] == U'～' || s[num_end] == '~') &&
        num_end + 1 < s.size() && IsDigit(s[num_end + 1])) {
      skip();
      continue;
    }
    // After the number: magnitude, 余/多, the unit, then 以上/左右/余.
    size_t k = num_end;
    while (k < s.size() && IsSpace(s[k])) ++k;
    std::u32string magnitude;
    for (UV m : {UV(U"千万"), UV(U"百万"), UV(U"万"), UV(U"亿")}) {
      if (StartsWith(s, k, m)) {
        magnitude = m;
        k += m.size();
        break;
      }
    }
    std::string qualifier;
    if (k < s.size() && (s[k] == U'余' || s[k] == U'多')) {
      qualifier = s[k] == U'余' ? "余" : "多";
      ++k;
    }
    size_t ulen = UnitAt(s, k);
    if (ulen == 0) {
      skip();
      continue;
    }
    U unit = magnitude + U(UV(s).substr(k, ulen));
    if (unit == U"％") unit = U"%";
    size_t end = k + ulen;
    // "3个100%": the 3 counts the figures that follow, it is not one itself.
    if (unit == U"个" && end < s.size() && IsDigit(s[end])) {
      size_t e = end;
      while (e < s.size() && (IsDigit(s[e]) || s[e] == '.')) ++e;
      if (e < s.size() && (s[e] == '%' || s[e] == U'％')) {
        skip();
        continue;
      }
    }
    if (StartsWith(s, end, U"以上")) {
      qualifier = "以上";
      end += 2;
    } else if (StartsWith(s, end, U"左右")) {
      qualifier = "约";
      end += 2;
    } else if (qualifier.empty() && end < s.size() && s[end] == U'余') {
      qualifier = "余";
      ++end;
    }
    // Before the number: 近, 约, 超, 超过, 逾, 不低于 ….
    size_t start = i;
    for (const Qualifier& q : kBefore) {
      if (start >= q.text.size() && UV(s).substr(start - q.text.size(), q.text.size()) == q.text) {
        if (qualifier.empty()) qualifier = q.csv;
        start -= q.text.size();
        break;
      }
    }
    // The sentence and the clause the figure sits in.
    size_t sent_start = sentence_start[i];
    size_t sent_end = sentence_end[std::min(end, n)];
    if (sent_end < s.size()) ++sent_end;
    size_t clause = clause_start[start];
    bool same_sentence = !out.empty() && prev_sentence == sent_start;
    if (same_sentence && prev_end > clause && prev_end <= start) clause = prev_end;

    // A name is at most 30 characters (TrimName); the words before it in a
    // clause of thousands need not be copied for every figure.
    size_t name_from = std::max(clause, start - std::min<size_t>(start, 120));
    U prefix = U(UV(s).substr(name_from, start - name_from));
    // "4名区委常委、42名区直部门…": after a list separator the words before
    // belong to the previous figure.
    bool listed = same_sentence && clause == prev_end &&
                  (EndsWith(TrimU32(prefix), U"、") || EndsWith(TrimU32(prefix), U"和") ||
                   EndsWith(TrimU32(prefix), U"及"));
    if (listed) prefix.clear();
    std::string name = TrimName(prefix);
    U trimmed = ToU32(name);
    bool derived = false;
    if (same_sentence && StartsWith(trimmed, 0, U"占")) {
      name = base_name + "占比";
      derived = true;
    } else if (same_sentence && trimmed.size() <= 4 &&
               (EndsWith(trimmed, U"率") || trimmed.find(U"增长") != U::npos ||
                trimmed.find(U"下降") != U::npos || trimmed.find(U"同比") != U::npos)) {
      name = base_name + name;
      derived = true;
    } else if (trimmed.size() <= 6) {
      // "共有4名区委常委": the noun after the unit names it.
      size_t e = end;
      while (e < s.size() && e - end < 12 && !IsClauseEnd(s[e]) && s[e] != U'、' && !IsDigit(s[e]) &&
             s[e] != U'“') {
        ++e;
      }
      name += ToU8(UV(s).substr(end, e - end));
    }
    if (name.empty() && same_sentence) name = base_name;  // "…1537宗，累计1,537宗"
    if (name.empty()) name = "未命名";
    if (!derived) base_name = name;

    ImportedFigure f;
    f.value = value;
    f.unit = ToU8(unit);
    f.qualifier = qualifier;
    f.name = name;
    if (sent_end - sent_start > kMaxSentenceChars) {
      // The part of an overlong sentence around the figure: a window of
      // kMaxSentenceChars, the figure near its middle.
      size_t room = kMaxSentenceChars > end - start ? kMaxSentenceChars - (end - start) : 0;
      size_t from = std::max(sent_start, start - std::min(start, room / 2));
      size_t to = std::max(end, std::min(sent_end, from + kMaxSentenceChars));
      from = std::min(start, std::max(sent_start, to > kMaxSentenceChars ? to - kMaxSentenceChars : 0));
      f.sentence = (from > sent_start ? "…" : "") + ToU8(TrimU32(UV(s).substr(from, to - from))) +
                   (to < sent_end ? "…" : "");
    } else {
      f.sentence = ToU8(TrimU32(UV(s).substr(sent_start, sent_end - sent_start)));
    }
    f.section = std::string(section);
    out.push_back(std::move(f));
    prev_end = end;
    prev_sentence = sent_start;
    i = end - 1;
  }
  return out;
}

std::vector<ImportedFigure> FindFigures(const StructuredReport& report, size_t* dropped) {
  std::vector<ImportedFigure> out;
  if (dropped) *dropped = 0;
  std::vector<std::string> stack;  // heading labels by level
  auto path = [&] {
    std::string p;
    for (const std::string& l : stack) {
      if (l.empty()) continue;
      p += (p.empty() ? "" : " > ") + l;
    }
    return p;
  };
  int heading = -1;
  for (size_t bi = 0; bi < report.blocks.size(); ++bi) {
    const ImportBlock& b = report.blocks[bi];
    if (b.kind == ImportBlockKind::kHeading) {
      heading = static_cast<int>(bi);
      size_t depth = static_cast<size_t>(std::max(b.level - 1, 1));
      stack.resize(depth);
      stack[depth - 1] = HeadingLabel(b);
    }
    for (ImportedFigure& f : FindFiguresInText(b.text, path())) {
      if (out.size() >= kMaxImportFigures) {
        if (dropped) ++*dropped;
        continue;
      }
      f.line = b.line;
      f.heading = heading;
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace fazhi
