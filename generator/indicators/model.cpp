#include "indicators/model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <tuple>

#include "core/suggest.h"
#include "core/utf8.h"
#include "indicators/cells.h"
#include "indicators/messages.h"
#include "units/messages.h"

namespace fazhi {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

const FmNode* Field(const FmNode& map, std::string_view key) {
  for (const FmField& f : map.fields) {
    if (f.key == key) return &f.value;
  }
  return nullptr;
}

// Strict decimal: optional '-', digits, optional '.' digits.
bool IsDecimal(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (digits == 0) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    size_t frac = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++frac;
    if (frac == 0) return false;
  }
  return i == s.size();
}

// Accepts Excel's thousands separators ("1,537") and drops them.
bool NormalizeNumber(std::string_view in, std::string* out) {
  std::string s;
  size_t comma = in.find(',');
  if (comma != std::string_view::npos) {
    // Groups of exactly three digits after each comma, before any '.'.
    size_t dot = in.find('.');
    std::string_view ip = in.substr(0, dot);
    size_t first = ip.find(',');
    size_t lead = first - ((!ip.empty() && (ip[0] == '-' || ip[0] == '+')) ? 1 : 0);
    if (lead < 1 || lead > 3) return false;
    for (size_t i = first; i < ip.size(); i += 4) {
      if (ip[i] != ',' || i + 4 > ip.size()) return false;
    }
    for (char c : in) {
      if (c != ',') s += c;
    }
  } else {
    s = std::string(in);
  }
  if (!IsDecimal(s)) return false;
  if (s[0] == '+') s.erase(0, 1);
  *out = s;
  return true;
}

struct QualifierName {
  Qualifier q;
  const char* text;
};
constexpr QualifierName kQualifiers[] = {
    {Qualifier::kExact, ""},     {Qualifier::kAtLeast, "以上"}, {Qualifier::kMore, "多"},
    {Qualifier::kOver, "余"},    {Qualifier::kAbout, "约"},     {Qualifier::kNearly, "近"},
    {Qualifier::kExceeds, "超"},
};

// Why a value cell is not a number, when it is a number with its
// qualifier or unit typed into the same cell, as in the report's prose
// ("368件以上", "约368件"): each goes in its own column. "1.2万" is not one
// of them (万 is a multiplier, not a unit).
Message ValueNotNumber(const std::string& value, std::string_view halfwidth, const IndicatorDef* def) {
  std::string_view v = halfwidth;
  std::string qualifier;
  for (std::string_view q : {"约", "近", "超过", "超"}) {  // written before the number
    if (v.starts_with(q)) {
      qualifier = std::string(q == "超过" ? "超" : q);
      v.remove_prefix(q.size());
      break;
    }
  }
  if (qualifier.empty()) {
    for (std::string_view q : {"以上", "多", "余"}) {  // written after it (and after the unit)
      if (v.ends_with(q)) {
        qualifier = std::string(q);
        v.remove_suffix(q.size());
        break;
      }
    }
  }
  std::string unit;
  size_t end = v.find_last_of("0123456789");
  if (end != std::string_view::npos && end + 1 < v.size()) {
    unit = std::string(v.substr(end + 1));
    v = v.substr(0, end + 1);
  }
  std::string number;
  if (!NormalizeNumber(v, &number) || (qualifier.empty() && unit.empty())) {
    return Message(msg::kCsvNotNumber, value);
  }
  const bool wan = unit.starts_with("万"), yi = unit.starts_with("亿");
  if ((wan || yi) && !(def && unit == def->unit)) {
    // 1.2万 → 12000: the decimal point moves, the digits stay exact.
    std::string sign = number[0] == '-' ? "-" : "";
    std::string digits = number.substr(sign.size());
    size_t dot = digits.find('.');
    size_t frac = dot == std::string::npos ? 0 : digits.size() - dot - 1;
    if (dot != std::string::npos) digits.erase(dot, 1);
    const size_t shift = wan ? 4 : 8;
    if (frac <= shift) {
      digits.append(shift - frac, '0');
    } else {
      digits.insert(digits.size() - (frac - shift), ".");
    }
    size_t point = std::min(digits.find('.'), digits.size());
    size_t lead = 0;
    while (lead + 1 < point && digits[lead] == '0') ++lead;  // keep one digit before the point
    digits = sign + digits.substr(lead);
    return Message(msg::kCsvValueMultiplier, value, unit.substr(0, 3), digits);
  }
  if (!qualifier.empty()) return Message(msg::kCsvValueWithQualifier, value, qualifier, number);
  return Message(msg::kCsvValueWithUnit, value, unit, number, def ? def->unit : std::string("—"));
}

struct ColumnNames {
  Column c;
  const char* name;
  const char* alias;
};
constexpr ColumnNames kColumns[kColumnCount] = {
    {Column::kIndicator, "indicator", "指标"},
    {Column::kYear, "year", "年份"},
    {Column::kValue, "value", "数值"},
    {Column::kUnit, "unit", "单位"},
    {Column::kQualifier, "qualifier", "限定"},
    {Column::kBreakdown, "breakdown", "分组"},
    {Column::kBasis, "basis", "依据"},
    {Column::kFormula, "formula", "公式"},
    {Column::kSource, "source", "来源"},
    {Column::kNote, "note", "备注"},
    {Column::kScope, "scope", "期间"},
    {Column::kSince, "since", "起始"},
    {Column::kUntil, "until", "截至日期"},
    {Column::kQuote, "quote", "原文"},
    {Column::kReportingUnit, "reporting_unit", "报告单位"},
};

struct ScopeName {
  Scope s;
  const char* text;
  const char* english;
};
constexpr ScopeName kScopes[] = {{Scope::kAnnual, "年度", "annual"},
                                 {Scope::kCumulative, "累计", "cumulative"},
                                 {Scope::kPointInTime, "截至", "point"},
                                 {Scope::kUnstated, "未载明", "unstated"}};

// "2019", "2019-03" or "2019-03-01" (checked against the calendar).
bool IsPeriodDate(std::string_view s) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    }
    return true;
  };
  if (s.size() == 4) return digits(0, 4);
  if (s.size() == 7) {
    if (!digits(0, 4) || s[4] != '-' || !digits(5, 2)) return false;
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    return month >= 1 && month <= 12;
  }
  return IsValidDate(s);
}

// True when `number` occurs in `text` as a whole number: not inside a longer
// one ("100" is not in "1000" or "2.100"). Thousands separators in the text
// ("1,537") are ignored.
bool ContainsNumber(std::string_view text, std::string_view number) {
  std::string plain;
  for (size_t i = 0; i < text.size(); ++i) {
    bool separator = text[i] == ',' && i > 0 && i + 1 < text.size() && text[i - 1] >= '0' &&
                     text[i - 1] <= '9' && text[i + 1] >= '0' && text[i + 1] <= '9';
    if (!separator) plain += text[i];
  }
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t at = plain.find(number); at != std::string::npos; at = plain.find(number, at + 1)) {
    size_t end = at + number.size();
    bool before =
        at > 0 && (digit(plain[at - 1]) || (plain[at - 1] == '.' && at > 1 && digit(plain[at - 2])));
    bool after =
        end < plain.size() &&
        (digit(plain[end]) || (plain[end] == '.' && end + 1 < plain.size() && digit(plain[end + 1])));
    if (!before && !after) return true;
  }
  return false;
}
constexpr Column kRequired[] = {Column::kIndicator, Column::kYear, Column::kValue};

std::string FormatFixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// ---- Formula evaluation: a tiny recursive-descent parser over code points.
// Nesting ('(' and unary '-') is capped at kMaxFormulaDepth, so a formula of
// 30,000 '(' is an error at its position rather than a stack overflow.
constexpr int kMaxFormulaDepth = 100;

class FormulaParser {
 public:
  FormulaParser(std::string_view s, const IndicatorSet& set) : s_(s), set_(set) {}

  bool Run(double* v) {
    if (!Expr(v)) return false;
    SkipSpace();
    if (pos_ < s_.size()) return Fail(Message(msg::kFormulaUnexpected, std::string(Rest())));
    return true;
  }
  const Message& error() const { return error_; }
  size_t error_offset() const { return error_offset_; }

 private:
  bool Fail(Message m) {
    if (error_.empty()) {
      error_ = std::move(m);
      error_offset_ = Utf8Length(s_.substr(0, pos_));
    }
    return false;
  }
  std::string_view Rest() const {
    size_t end = pos_;
    while (end < s_.size() && s_[end] != ' ') ++end;
    return s_.substr(pos_, end - pos_);
  }
  void SkipSpace() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;
  }
  bool Eat(std::string_view tok) {
    SkipSpace();
    if (s_.substr(pos_, tok.size()) == tok) {
      pos_ += tok.size();
      return true;
    }
    return false;
  }
  bool Expr(double* v) {
    if (!Term(v)) return false;
    while (true) {
      double r;
      if (Eat("+")) {
        if (!Term(&r)) return false;
        *v += r;
      } else if (Eat("-")) {
        if (!Term(&r)) return false;
        *v -= r;
      } else {
        return true;
      }
    }
  }
  bool Term(double* v) {
    if (!Factor(v)) return false;
    while (true) {
      double r;
      if (Eat("*") || Eat("×")) {
        if (!Factor(&r)) return false;
        *v *= r;
      } else if (Eat("/") || Eat("÷")) {
        size_t at = pos_;
        if (!Factor(&r)) return false;
        if (r == 0) {
          pos_ = at;
          return Fail(Message(msg::kFormulaDivisionByZero));
        }
        *v /= r;
      } else {
        return true;
      }
    }
  }
  // Every nesting ('(' or a unary '-') passes through here.
  bool Nested(double* v, bool paren) {
    if (depth_ == kMaxFormulaDepth) return Fail(Message(msg::kFormulaTooDeep, kMaxFormulaDepth));
    ++depth_;
    pos_ += 1;  // past '(' or '-'
    bool ok = paren ? Expr(v) : Factor(v);
    --depth_;
    if (!ok) return false;
    if (paren && !Eat(")")) return Fail(Message(msg::kFormulaExpectedCloseParen));
    if (!paren) *v = -*v;
    return true;
  }
  bool Factor(double* v) {
    SkipSpace();
    if (pos_ < s_.size() && (s_[pos_] == '(' || s_[pos_] == '-')) return Nested(v, s_[pos_] == '(');
    size_t start = pos_;
    if (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') {
      while (pos_ < s_.size() && ((s_[pos_] >= '0' && s_[pos_] <= '9') || s_[pos_] == '.')) ++pos_;
      std::string num(s_.substr(start, pos_ - start));
      if (!IsDecimal(num)) {
        pos_ = start;
        return Fail(Message(msg::kFormulaNotANumber, num));
      }
      *v = std::strtod(num.c_str(), nullptr);
      return true;
    }
    auto ident = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
             c == '_';
    };
    while (pos_ < s_.size() && ident(s_[pos_])) ++pos_;
    std::string id(s_.substr(start, pos_ - start));
    if (id.empty() || pos_ >= s_.size() || s_[pos_] != '@') {
      pos_ = start;
      if (pos_ >= s_.size()) return Fail(Message(msg::kFormulaExpectedOperandAtEnd));
      return Fail(Message(msg::kFormulaExpectedOperand, std::string(Rest())));
    }
    ++pos_;
    size_t ys = pos_;
    while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
    std::string year(s_.substr(ys, pos_ - ys));
    if (year.size() != 4) {
      pos_ = start;
      return Fail(Message(msg::kFormulaExpectedOperand, std::string(Rest())));
    }
    if (!set_.Find(id)) {
      pos_ = start;
      return Fail(Message(msg::kFormulaUnknownIndicator, id));
    }
    const Observation* o = set_.Get(id, std::atoi(year.c_str()));
    if (!o) {
      pos_ = start;
      return Fail(Message(msg::kFormulaNoObservation, id, year));
    }
    *v = o->value;
    return true;
  }

  std::string_view s_;
  const IndicatorSet& set_;
  size_t pos_ = 0;
  int depth_ = 0;
  Message error_;
  size_t error_offset_ = 0;
};

// Reads a scalar string field of a definition; reports non-scalars.
bool ReadText(const SourceFile& f, const FmNode& root, std::string_view key, std::string* out,
              Diagnostics* diags, const FmNode** node = nullptr) {
  const FmNode* n = Field(root, key);
  if (node) *node = n;
  if (!n || n->kind == FmNode::Kind::kNull) return true;
  if (!n->is_scalar()) {
    diags->Error(f.path, n->line, n->col, Message(msg::kIndicatorMustBeText, key), f.text);
    return false;
  }
  *out = std::string(Trim(n->scalar));
  return true;
}

bool ReadList(const SourceFile& f, const FmNode& root, std::string_view key, std::vector<std::string>* out,
              std::vector<std::array<int, 2>>* pos, Diagnostics* diags) {
  const FmNode* n = Field(root, key);
  if (!n || n->kind == FmNode::Kind::kNull) return true;
  auto add = [&](const FmNode& item) {
    if (!item.is_scalar()) {
      diags->Error(f.path, item.line, item.col, Message(msg::kIndicatorMustBeTextList, key), f.text);
      return false;
    }
    out->emplace_back(Trim(item.scalar));
    if (pos) pos->push_back({item.line, item.col});
    return true;
  };
  if (n->is_scalar()) return add(*n);
  if (!n->is_list()) return add(*n);
  bool ok = true;
  for (const FmNode& item : n->items) ok = add(item) && ok;
  return ok;
}

}  // namespace

const char* KindName(IndicatorKind k) {
  switch (k) {
    case IndicatorKind::kCount:
      return "count";
    case IndicatorKind::kRate:
      return "rate";
    case IndicatorKind::kAmount:
      return "amount";
    case IndicatorKind::kBoolean:
      return "boolean";
    case IndicatorKind::kChange:
      return "change";
  }
  return "count";
}

const char* DirectionName(Direction d) {
  switch (d) {
    case Direction::kUp:
      return "up";
    case Direction::kDown:
      return "down";
    case Direction::kNeutral:
      return "neutral";
    case Direction::kTarget:
      return "target";
  }
  return "neutral";
}

const char* QualifierText(Qualifier q) {
  for (const QualifierName& n : kQualifiers) {
    if (n.q == q) return n.text;
  }
  return "";
}

const char* BasisText(Basis b) { return b == Basis::kComputed ? "计算" : "原文"; }

const char* ScopeText(Scope s) {
  for (const ScopeName& n : kScopes) {
    if (n.s == s) return n.text;
  }
  return "年度";
}

bool Observation::ComparableWith(const Observation& o) const {
  return scope == o.scope && (scope != Scope::kCumulative || since == o.since);
}

const char* ColumnName(Column c) { return kColumns[static_cast<int>(c)].name; }
const char* ColumnAlias(Column c) { return kColumns[static_cast<int>(c)].alias; }

const std::vector<std::string_view>& IndicatorDefKeys() {
  static const std::vector<std::string_view> kKeys = {
      "title",     "category",    "unit",        "kind",      "direction", "target",  "method",
      "numerator", "denominator", "responsible", "change_of", "aliases",   "related", "weight"};
  return kKeys;
}

bool ParseIndicatorDef(const SourceFile& file, const FmNode& root, std::string id,
                       const std::vector<IndicatorCategory>& categories, IndicatorDef* out,
                       Diagnostics* diags) {
  *out = IndicatorDef{};
  out->id = std::move(id);
  out->path = file.path;
  bool ok = true;
  auto error = [&](int line, int col, Message m) {
    diags->Error(file.path, line, col, std::move(m), file.text);
    ok = false;
  };
  const FmNode *cat_n, *unit_n, *kind_n, *dir_n, *target_n, *change_n;
  std::string kind, direction;
  long weight = 0;
  ok = ReadText(file, root, "title", &out->title, diags) && ok;
  ok = ReadText(file, root, "category", &out->category, diags, &cat_n) && ok;
  ok = ReadText(file, root, "unit", &out->unit, diags, &unit_n) && ok;
  ok = ReadText(file, root, "kind", &kind, diags, &kind_n) && ok;
  ok = ReadText(file, root, "direction", &direction, diags, &dir_n) && ok;
  ok = ReadText(file, root, "target", &out->target_text, diags, &target_n) && ok;
  ok = ReadText(file, root, "method", &out->method, diags) && ok;
  ok = ReadText(file, root, "numerator", &out->numerator, diags) && ok;
  ok = ReadText(file, root, "denominator", &out->denominator, diags) && ok;
  ok = ReadText(file, root, "responsible", &out->responsible, diags) && ok;
  ok = ReadText(file, root, "change_of", &out->change_of, diags, &change_n) && ok;
  ok = FmInt(file, root, "weight", &weight, diags) && ok;
  ok = ReadList(file, root, "aliases", &out->aliases, nullptr, diags) && ok;
  ok = ReadList(file, root, "related", &out->related, &out->related_pos, diags) && ok;
  if (!ok) return false;

  struct Required {
    const char* key;
    const std::string* value;
    const MessageText& what;
  };
  for (const Required& r : {Required{"title", &out->title, msg::kIndicatorTitleWhat},
                            Required{"category", &out->category, msg::kIndicatorCategoryWhat},
                            Required{"unit", &out->unit, msg::kIndicatorUnitWhat}}) {
    if (r.value->empty()) error(1, 1, Message(msg::kIndicatorNeeds, r.key, Message(r.what)));
  }
  if (!out->category.empty()) {
    // The slug or the category's Chinese name: editors know the name.
    bool known = false;
    std::vector<std::string_view> slugs;
    std::vector<std::string> listed;
    for (const IndicatorCategory& c : categories) {
      if (c.name == out->category) out->category = c.slug;
      known = known || c.slug == out->category;
      slugs.push_back(c.slug);
      slugs.push_back(c.name);  // "行政权力监督" → 行政权力制约监督
      listed.push_back(c.slug + "（" + c.name + "）");
    }
    if (!known) {
      if (std::string near = NearestName(out->category, slugs); !near.empty()) {
        error(cat_n->line, cat_n->col, Message(msg::kUnknownCategoryDidYouMean, out->category, near));
      } else {
        error(cat_n->line, cat_n->col, Message(msg::kUnknownCategory, out->category, Message::List(listed)));
      }
    }
  }
  if (!kind.empty()) {
    static const std::pair<const char*, IndicatorKind> kKinds[] = {{"count", IndicatorKind::kCount},
                                                                   {"rate", IndicatorKind::kRate},
                                                                   {"amount", IndicatorKind::kAmount},
                                                                   {"boolean", IndicatorKind::kBoolean},
                                                                   {"change", IndicatorKind::kChange}};
    bool found = false;
    for (auto& [name, k] : kKinds) {
      if (kind == name) out->kind = k, found = true;
    }
    if (!found) {
      std::string near = NearestName(kind, {"count", "rate", "amount", "boolean", "change"});
      error(
          kind_n->line, kind_n->col,
          near.empty() ? Message(msg::kUnknownKind, kind) : Message(msg::kUnknownKindDidYouMean, kind, near));
    }
  }
  if (!direction.empty()) {
    static const std::pair<const char*, Direction> kDirs[] = {{"up", Direction::kUp},
                                                              {"down", Direction::kDown},
                                                              {"neutral", Direction::kNeutral},
                                                              {"target", Direction::kTarget}};
    bool found = false;
    for (auto& [name, d] : kDirs) {
      if (direction == name) out->direction = d, found = true;
    }
    if (!found) {
      std::string near = NearestName(direction, {"up", "down", "neutral", "target"});
      error(dir_n->line, dir_n->col,
            near.empty() ? Message(msg::kUnknownDirection, direction)
                         : Message(msg::kUnknownDirectionDidYouMean, direction, near));
    }
  }
  if (!out->target_text.empty()) {
    std::string norm;
    if (!NormalizeNumber(out->target_text, &norm)) {
      error(target_n->line, target_n->col, Message(msg::kTargetNotNumber, out->target_text));
    } else {
      out->has_target = true;
      out->target = std::strtod(norm.c_str(), nullptr);
    }
  } else if (out->direction == Direction::kTarget) {
    error(dir_n->line, dir_n->col, Message(msg::kTargetNeeded));
  }
  if ((out->kind == IndicatorKind::kRate || out->kind == IndicatorKind::kChange) && !out->unit.empty() &&
      out->unit != "%") {
    error(unit_n->line, unit_n->col,
          Message(msg::kRateUnit,
                  Message(out->kind == IndicatorKind::kRate ? msg::kKindRate : msg::kKindChange), out->unit));
  }
  out->weight = static_cast<int>(weight);
  if (change_n) {
    out->change_of_line = change_n->line;
    out->change_of_col = change_n->col;
    if (out->kind != IndicatorKind::kChange) {
      error(change_n->line, change_n->col, Message(msg::kChangeOfNeedsKind));
    }
  }
  return ok;
}

// ---- IndicatorSet lookups.

const IndicatorDef* IndicatorSet::Find(std::string_view id) const {
  auto it = std::lower_bound(defs.begin(), defs.end(), id,
                             [](const IndicatorDef& d, std::string_view k) { return d.id < k; });
  return it != defs.end() && it->id == id ? &*it : nullptr;
}

const IndicatorCategory* IndicatorSet::Category(std::string_view slug) const {
  for (const IndicatorCategory& c : categories) {
    if (c.slug == slug) return &c;
  }
  return nullptr;
}

void IndicatorSet::Reindex() {
  index.clear();
  for (size_t i = 0; i < observations.size(); ++i) {
    const Observation& o = observations[i];
    index.emplace(std::make_tuple(o.indicator, o.year, o.reporter, o.breakdown), i);  // keeps the first
  }
}

const Observation* IndicatorSet::Get(std::string_view id, int year, std::string_view breakdown,
                                     std::string_view reporter) const {
  if (index.size() == observations.size() && !observations.empty()) {
    // std::string keys: libstdc++ under clang does not compare a tuple of
    // string_views with a tuple of strings (gcc does).
    auto it =
        index.find(std::make_tuple(std::string(id), year, std::string(reporter), std::string(breakdown)));
    return it == index.end() ? nullptr : &observations[it->second];
  }
  for (const Observation& o : observations) {
    if (o.indicator == id && o.year == year && o.breakdown == breakdown && o.reporter == reporter) return &o;
  }
  return nullptr;
}

std::vector<const Observation*> IndicatorSet::Series(std::string_view id) const {
  std::vector<const Observation*> out;
  for (const Observation& o : observations) {
    if (o.indicator == id && o.breakdown.empty() && o.reporter.empty()) out.push_back(&o);
  }
  return out;
}

std::vector<const Observation*> IndicatorSet::ComparableSeries(std::string_view id) const {
  std::vector<const Observation*> all = Series(id), out;
  if (all.empty()) return out;
  for (const Observation* o : all) {
    if (o->ComparableWith(*all.back())) out.push_back(o);
  }
  return out;
}

std::vector<const Observation*> IndicatorSet::Breakdown(std::string_view id, int year) const {
  std::vector<const Observation*> out;
  for (const Observation& o : observations) {
    if (o.indicator == id && o.year == year && !o.breakdown.empty() && o.reporter.empty()) out.push_back(&o);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Observation* a, const Observation* b) { return a->value > b->value; });
  return out;
}

std::vector<const Observation*> IndicatorSet::ByUnit(std::string_view id, int year) const {
  std::vector<const Observation*> out;
  for (const Observation& o : observations) {
    if (o.indicator == id && o.year == year && o.breakdown.empty() && !o.reporter.empty()) out.push_back(&o);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Observation* a, const Observation* b) { return a->value > b->value; });
  return out;
}

std::vector<const IndicatorDef*> IndicatorSet::InCategory(std::string_view slug) const {
  std::vector<const IndicatorDef*> out;
  for (const IndicatorDef& d : defs) {
    if (d.category == slug) out.push_back(&d);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const IndicatorDef* a, const IndicatorDef* b) { return a->weight < b->weight; });
  return out;
}

std::vector<int> IndicatorSet::Years() const {
  std::vector<int> out;
  for (const Observation& o : observations) out.push_back(o.year);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

const IndicatorDef* IndicatorSet::ChangeIndicatorOf(std::string_view id) const {
  for (const IndicatorDef& d : defs) {
    if (d.kind == IndicatorKind::kChange && d.change_of == id) return &d;
  }
  return nullptr;
}

int DecimalsOf(std::string_view t) {
  size_t dot = t.find('.');
  return dot == std::string_view::npos ? 0 : static_cast<int>(t.size() - dot - 1);
}

bool EvaluateFormula(std::string_view formula, const IndicatorSet& set, double* value, Message* error,
                     size_t* error_offset) {
  FormulaParser p(formula, set);
  if (p.Run(value)) return true;
  *error = p.error();
  *error_offset = p.error_offset();
  return false;
}

// ---- Loading observations.
namespace {

class ObservationLoader {
 public:
  ObservationLoader(IndicatorSet* set, Diagnostics* diags) : set_(set), diags_(diags) {}

  bool Load(const CsvTable& t) {
    t_ = &t;
    ok_ = true;
    if (t.rows.empty()) return ok_;
    std::array<int, kColumnCount> index;
    index.fill(-1);
    if (!ReadHeader(t.rows[0], &index)) return false;
    for (size_t r = 1; r < t.rows.size(); ++r) LoadRow(t.rows[r], index);
    return ok_;
  }

  std::map<std::tuple<std::string, int, std::string, std::string>, std::string>& seen() { return seen_; }

 private:
  void Error(int line, int col, Message m) {
    diags_->Error(t_->path, line, col, std::move(m), t_->text);
    ok_ = false;
  }

  // A header of one cell that another separator splits into known column
  // names: Excel's "Unicode text" (tabs), a European-locale Excel (';'), or
  // a CSV typed with an IME (，；). Said once, instead of one unknown column.
  bool WrongSeparator(const CsvRow& header) {
    if (header.fields.size() != 1) return false;
    const CsvField& f = header.fields[0];
    for (std::string_view sep : {"\t", ";", "；", "，"}) {
      size_t known = 0, parts = 0;
      for (size_t from = 0; from <= f.text.size();) {
        size_t at = std::min(f.text.find(sep, from), f.text.size());
        std::string name = Lower(Trim(f.text.substr(from, at - from)));
        ++parts;
        for (const auto& c : kColumns) known += name == c.name || name == c.alias;
        from = at + sep.size();
      }
      if (parts < 2 || known < 2) continue;
      if (sep == "\t" || sep == ";") {
        Error(f.line, f.col, Message(msg::kCsvSeparatorExcel, sep == ";" ? "分号“;”" : "制表符（Tab）"));
      } else {
        Error(f.line, f.col, Message(msg::kCsvSeparatorFullWidth, std::string(sep)));
      }
      return true;
    }
    return false;
  }

  bool ReadHeader(const CsvRow& header, std::array<int, kColumnCount>* index) {
    if (WrongSeparator(header)) return false;
    for (size_t i = 0; i < header.fields.size(); ++i) {
      const CsvField& f = header.fields[i];
      std::string name = Lower(Trim(f.text));
      int found = -1;
      for (int c = 0; c < kColumnCount; ++c) {
        if (name == kColumns[c].name || name == kColumns[c].alias) found = c;
      }
      if (found < 0) {
        std::vector<std::string_view> names;
        std::vector<std::string> listed;
        for (const auto& c : kColumns) {
          names.push_back(c.name);
          names.push_back(c.alias);
          listed.push_back(std::string(c.name) + "（" + c.alias + "）");
        }
        std::string typed(Trim(f.text));
        if (std::string near = NearestName(typed, names); !near.empty()) {
          Error(f.line, f.col, Message(msg::kCsvUnknownColumnDidYouMean, typed, near));
        } else {
          Error(f.line, f.col, Message(msg::kCsvUnknownColumn, typed, Message::List(listed)));
        }
      } else if ((*index)[found] >= 0) {
        Error(f.line, f.col, Message(msg::kCsvDuplicateColumn, Trim(f.text)));
      } else {
        (*index)[found] = static_cast<int>(i);
      }
    }
    for (Column c : kRequired) {
      if ((*index)[static_cast<int>(c)] < 0) {
        Error(header.line, 1, Message(msg::kCsvMissingColumn, ColumnName(c), ColumnAlias(c)));
      }
    }
    return ok_;
  }

  void ErrorAt(const Observation& o, Column c, Message msg) {
    auto at = o.pos[static_cast<int>(c)];
    diags_->Error(t_->path, at[0], at[1], std::move(msg), t_->text);
    ok_ = false;
  }

  // scope, since and until: the time the value covers.
  void ReadScope(const std::array<std::string, kColumnCount>& cell, Observation* o) {
    const std::string& scope = cell[static_cast<int>(Column::kScope)];
    bool known = scope.empty();
    for (const ScopeName& n : kScopes) {
      if (scope == n.text || Lower(scope) == n.english) o->scope = n.s, known = true;
    }
    if (!known) return ErrorAt(*o, Column::kScope, Message(msg::kUnknownScope, scope));
    o->since = cell[static_cast<int>(Column::kSince)];
    o->until = cell[static_cast<int>(Column::kUntil)];
    for (auto [column, value, wanted, text] :
         {std::tuple{Column::kSince, &o->since, Scope::kCumulative, &msg::kSinceNeedsCumulative},
          std::tuple{Column::kUntil, &o->until, Scope::kPointInTime, &msg::kUntilNeedsPointInTime}}) {
      if (value->empty()) continue;
      if (o->scope != wanted) {
        ErrorAt(*o, column, Message(*text, *value, ScopeText(o->scope)));
      } else if (!IsPeriodDate(*value)) {
        ErrorAt(*o, column, Message(msg::kBadPeriodDate, *value));
      }
    }
  }

  // reporting_unit (报告单位): a slug or any name of data/units.csv → the slug.
  void ReadReporter(const std::string& ref, Observation* o) {
    if (ref.empty()) return;
    const UnitRegistry* units = set_->units;
    if (!units || !units->present()) {
      return ErrorAt(*o, Column::kReportingUnit, Message(msg::kReportingUnitWithoutRegistry, ref));
    }
    const Unit* u = units->Find(ref);
    if (!u) return ErrorAt(*o, Column::kReportingUnit, units->UnknownUnit(ref));
    o->reporter = u->slug;
  }

  // The source sentence must state the value, and its 累计/截至 must not be
  // lost by a row left at the default scope.
  void CheckQuote(const Observation& o, const IndicatorDef* def, const std::string& scope_cell) {
    if (o.quote.empty()) return;
    bool numeric = def && def->kind != IndicatorKind::kBoolean;
    if (numeric && o.basis == Basis::kOriginal && !ContainsNumber(o.quote, o.value_text)) {
      ErrorAt(o, Column::kQuote, Message(msg::kQuoteLacksValue, o.quote, o.value_text));
    }
    if (!scope_cell.empty()) return;  // an explicit 年度 is the editor's reading
    for (const char* word : {"累计", "截至", "截止"}) {
      if (o.quote.find(word) == std::string::npos) continue;
      auto at = o.pos[static_cast<int>(Column::kQuote)];
      const char* scope = std::string_view(word) == "累计" ? "累计" : "截至";
      diags_->Warning(t_->path, at[0], at[1], Message(msg::kQuoteSaysScope, word, scope), t_->text);
      break;
    }
  }

  void LoadRow(const CsvRow& row, const std::array<int, kColumnCount>& index) {
    size_t width = 0;
    for (int i : index) width = std::max(width, static_cast<size_t>(i + 1));
    if (row.fields.size() > width) {
      // An unquoted 1,420 is two cells: say so at the value, not at the end of the row.
      int v = index[static_cast<int>(Column::kValue)];
      std::string joined;
      if (row.fields.size() == width + 1 && v >= 0 &&
          LooksLikeSplitThousands(row.fields[v].text, row.fields[v + 1].text, &joined)) {
        const CsvField& f = row.fields[v];
        diags_->Error(t_->path, f.line, f.col,
                      Message(msg::kValueSplitThousands, f.text + "," + row.fields[v + 1].text, joined),
                      t_->text);
        return;
      }
      const CsvField& extra = row.fields[width];
      Error(extra.line, extra.col, Message(msg::kCsvTooManyFields, row.fields.size(), width));
      return;
    }
    Observation o;
    o.path = t_->path;
    o.line = row.line;
    std::array<std::string, kColumnCount> cell;
    for (int c = 0; c < kColumnCount; ++c) {
      int i = index[c];
      if (i >= 0 && static_cast<size_t>(i) < row.fields.size()) {
        const CsvField& f = row.fields[i];
        cell[c] = std::string(Trim(f.text));
        // Positions point at the content, after an opening quote.
        o.pos[c] = {f.line, f.col + (f.quoted ? 1 : 0)};
      } else {
        // An absent trailing cell points at the end of the row's last field.
        const CsvField& last = row.fields.back();
        o.pos[c] = {last.line, last.col + static_cast<int>(Utf8Length(last.text))};
      }
    }
    auto at = [&](Column c) { return o.pos[static_cast<int>(c)]; };
    auto err = [&](Column c, Message m) { Error(at(c)[0], at(c)[1], std::move(m)); };
    size_t errors_before = diags_->error_count();

    o.indicator = cell[static_cast<int>(Column::kIndicator)];
    const IndicatorDef* def = set_->Find(o.indicator);
    if (!def && set_->draft_ids.count(o.indicator)) return;   // published with its definition
    if (!def && set_->failed_ids.count(o.indicator)) return;  // its definition's errors are reported
    if (o.indicator.empty()) {
      err(Column::kIndicator, Message(msg::kCsvMissingId));
    } else if (!def) {
      err(Column::kIndicator, set_->UnknownIndicator(o.indicator));
    }

    // 2024, ２０２４, 2024年 and 2024年度 are the same year.
    o.year = ParseYearCell(cell[static_cast<int>(Column::kYear)]);
    if (o.year == 0) {
      err(Column::kYear, Message(msg::kCsvBadYear, cell[static_cast<int>(Column::kYear)]));
    }

    std::string qual = cell[static_cast<int>(Column::kQualifier)];
    bool qual_ok = false;
    for (const QualifierName& q : kQualifiers) {
      if (qual == q.text) o.qualifier = q.q, qual_ok = true;
    }
    if (!qual_ok) {
      err(Column::kQualifier, Message(msg::kCsvUnknownQualifier, qual));
    }

    o.unit = cell[static_cast<int>(Column::kUnit)];
    if (def) {
      if (o.unit.empty()) {
        o.unit = def->unit;
      } else if (o.unit != def->unit) {
        err(Column::kUnit, Message(msg::kCsvUnitDiffers, o.unit, def->id, def->unit));
      }
    }

    std::string value = cell[static_cast<int>(Column::kValue)];
    if (def && def->kind == IndicatorKind::kBoolean) {
      std::string v = Lower(value);
      if (v == "是" || v == "yes" || v == "true" || v == "1") {
        o.value_text = "是", o.value = 1;
      } else if (v == "否" || v == "no" || v == "false" || v == "0") {
        o.value_text = "否", o.value = 0;
      } else {
        err(Column::kValue, Message(msg::kCsvNotYesNo, value));
      }
    } else if (value.empty()) {
      err(Column::kValue, Message(msg::kCsvMissingValue));
    } else {
      std::string v = HalfWidthCell(value);  // ３６８, ８０．１６％ typed with an IME
      // Excel's percent format writes "80.16%".
      if (v.size() > 1 && v.back() == '%' && def && def->unit == "%") v.pop_back();
      if (!NormalizeNumber(v, &o.value_text)) {
        err(Column::kValue, ValueNotNumber(value, v, def));
      } else {
        o.value = std::strtod(o.value_text.c_str(), nullptr);
        if (def && def->kind == IndicatorKind::kRate && (o.value < 0 || o.value > 100)) {
          err(Column::kValue, Message(msg::kCsvRateRange, o.value_text));
        }
      }
    }

    std::string basis = cell[static_cast<int>(Column::kBasis)];
    if (basis == "计算" || Lower(basis) == "computed") {
      o.basis = Basis::kComputed;
    } else if (!basis.empty() && basis != "原文" && Lower(basis) != "published") {
      err(Column::kBasis, Message(msg::kCsvUnknownBasis, basis));
    }
    o.formula = cell[static_cast<int>(Column::kFormula)];
    if (o.basis == Basis::kComputed && o.formula.empty()) {
      err(Column::kFormula, Message(msg::kCsvNeedsFormula));
    }
    o.breakdown = cell[static_cast<int>(Column::kBreakdown)];
    ReadReporter(cell[static_cast<int>(Column::kReportingUnit)], &o);
    o.source = cell[static_cast<int>(Column::kSource)];
    o.note = cell[static_cast<int>(Column::kNote)];
    ReadScope(cell, &o);
    o.quote = cell[static_cast<int>(Column::kQuote)];
    if (diags_->error_count() == errors_before) CheckQuote(o, def, cell[static_cast<int>(Column::kScope)]);

    if (diags_->error_count() != errors_before) return;
    auto key = std::make_tuple(o.indicator, o.year, o.reporter, o.breakdown);
    std::string where = o.path + ":" + std::to_string(o.line);
    auto [it, inserted] = seen_.emplace(key, where);
    if (!inserted) {
      const Unit* unit = o.reporter.empty() || !set_->units ? nullptr : set_->units->BySlug(o.reporter);
      const std::string reporter = unit ? unit->name : o.reporter;
      Message m = o.reporter.empty()
                      ? (o.breakdown.empty() ? Message(msg::kCsvDuplicate, o.indicator, o.year, it->second)
                                             : Message(msg::kCsvDuplicateBreakdown, o.indicator, o.year,
                                                       o.breakdown, it->second))
                      : (o.breakdown.empty()
                             ? Message(msg::kCsvDuplicateUnit, o.indicator, o.year, reporter, it->second)
                             : Message(msg::kCsvDuplicateUnitBreakdown, o.indicator, o.year, reporter,
                                       o.breakdown, it->second));
      Error(o.line, at(Column::kIndicator)[1], std::move(m));
      return;
    }
    set_->observations.push_back(std::move(o));
  }

  IndicatorSet* set_;
  Diagnostics* diags_;
  const CsvTable* t_ = nullptr;
  bool ok_ = true;
  std::map<std::tuple<std::string, int, std::string, std::string>, std::string> seen_;
};

void CheckDefinitionLinks(IndicatorSet* set, const std::vector<const SourceFile*>& def_files,
                          Diagnostics* diags) {
  for (const IndicatorDef& d : set->defs) {
    std::string_view text;
    for (const SourceFile* f : def_files) {
      if (f->path == d.path) text = f->text;
    }
    if (!d.change_of.empty() && !set->Find(d.change_of) && !set->failed_ids.count(d.change_of)) {
      diags->Error(d.path, d.change_of_line, d.change_of_col, Message(msg::kChangeOfUnknown, d.change_of),
                   text);
    }
    for (size_t i = 0; i < d.related.size(); ++i) {
      if (!set->Find(d.related[i]) && !set->failed_ids.count(d.related[i])) {
        diags->Error(d.path, d.related_pos[i][0], d.related_pos[i][1],
                     Message(msg::kRelatedUnknown, d.related[i]), text);
      }
    }
  }
}

void CheckFormulas(const IndicatorSet& set, const std::map<std::string, std::string>& texts,
                   Diagnostics* diags) {
  for (const Observation& o : set.observations) {
    if (o.formula.empty()) continue;
    const std::string& text = texts.at(o.path);
    auto fpos = o.pos[static_cast<int>(Column::kFormula)];
    double computed = 0;
    Message why;
    size_t off = 0;
    if (!EvaluateFormula(o.formula, set, &computed, &why, &off)) {
      int col = fpos[1] + static_cast<int>(off);
      diags->Error(o.path, fpos[0], col, Message(msg::kFormulaError, std::move(why)), text);
      continue;
    }
    if (o.basis != Basis::kComputed) continue;
    int d = DecimalsOf(o.value_text);
    double tolerance = 0.5 * std::pow(10.0, -d) + 1e-9;
    if (std::fabs(computed - o.value) > tolerance) {
      auto vpos = o.pos[static_cast<int>(Column::kValue)];
      diags->Error(o.path, vpos[0], vpos[1],
                   Message(msg::kFormulaMismatch, o.value_text, o.formula, FormatFixed(computed, d + 2)),
                   text);
    }
  }
}

}  // namespace

bool IndicatorSet::AddGenerated(std::vector<IndicatorDef> add, std::vector<Observation> obs, Message* error) {
  for (size_t i = 0; i < add.size(); ++i) {
    const IndicatorDef& d = add[i];
    bool twice = std::any_of(add.begin(), add.begin() + static_cast<long>(i),
                             [&](const IndicatorDef& e) { return e.id == d.id; });
    if (twice) {
      *error = Message(msg::kGeneratedTwice, d.id);
      return false;
    }
    if (Find(d.id) || draft_ids.count(d.id) > 0) {
      *error = Message(msg::kGeneratedDefined, d.id);
      return false;
    }
    if (!Category(d.category)) {
      *error = Message(msg::kGeneratedCategory, d.id, d.category);
      return false;
    }
  }
  for (const Observation& o : obs) {
    bool known =
        std::any_of(add.begin(), add.end(), [&](const IndicatorDef& d) { return d.id == o.indicator; });
    if (!known) {
      *error = Message(msg::kGeneratedOrphan, o.indicator);
      return false;
    }
  }
  for (IndicatorDef& d : add) {
    d.generated = true;
    defs.push_back(std::move(d));
  }
  std::sort(defs.begin(), defs.end(),
            [](const IndicatorDef& a, const IndicatorDef& b) { return a.id < b.id; });
  for (Observation& o : obs) observations.push_back(std::move(o));
  std::stable_sort(observations.begin(), observations.end(),
                   [](const Observation& a, const Observation& b) { return a.Key() < b.Key(); });
  Reindex();
  return true;
}

Message IndicatorSet::UnknownIndicator(std::string_view typed) const {
  for (const IndicatorDef& d : defs) {
    bool named = d.title == typed || std::find(d.aliases.begin(), d.aliases.end(), typed) != d.aliases.end();
    if (named) return Message(msg::kIndicatorIsTitle, typed, d.id);
  }
  std::vector<std::string_view> ids, titles;
  for (const IndicatorDef& d : defs) {
    ids.push_back(d.id);
    titles.push_back(d.title);
  }
  std::string near = NearestName(typed, ids);
  if (near.empty()) {
    // A title with a typo: "行政复议收案量" for 行政复议收案数.
    std::string title = NearestName(typed, titles);
    for (const IndicatorDef& d : defs) {
      if (!title.empty() && d.title == title) near = d.id;
    }
  }
  if (!near.empty()) return Message(msg::kUnknownIndicatorDidYouMean, typed, near);
  return Message(msg::kUnknownIndicator, typed);
}

bool BuildIndicatorSet(std::vector<IndicatorCategory> categories, std::vector<IndicatorDef> defs,
                       const std::vector<const SourceFile*>& def_files,
                       const std::vector<const SourceFile*>& csv_files, IndicatorSet* out, Diagnostics* diags,
                       std::set<std::string, std::less<>> draft_ids,
                       std::set<std::string, std::less<>> failed_ids, const UnitRegistry* units) {
  *out = IndicatorSet{};
  out->draft_ids = std::move(draft_ids);
  out->failed_ids = std::move(failed_ids);
  out->units = units;
  out->categories = std::move(categories);
  out->defs = std::move(defs);
  std::sort(out->defs.begin(), out->defs.end(),
            [](const IndicatorDef& a, const IndicatorDef& b) { return a.id < b.id; });
  size_t before = diags->error_count();
  CheckDefinitionLinks(out, def_files, diags);

  ObservationLoader loader(out, diags);
  std::map<std::string, std::string> texts;
  for (const SourceFile* f : csv_files) {
    CsvTable t;
    if (!ParseCsvFile(*f, &t, diags)) continue;
    loader.Load(t);
    texts[t.path] = t.text;
  }
  std::sort(out->observations.begin(), out->observations.end(),
            [](const Observation& a, const Observation& b) { return a.Key() < b.Key(); });
  out->Reindex();
  if (diags->error_count() == before) CheckFormulas(*out, texts, diags);
  out->csv_texts = std::move(texts);
  return diags->error_count() == before;
}

}  // namespace fazhi
