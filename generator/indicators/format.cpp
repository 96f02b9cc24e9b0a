#include "indicators/format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace fazhi {

std::string FormatNumber(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  // "-0.0" reads as a fall that never happened.
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

std::string FormatValue(const Observation& o, IndicatorKind kind) {
  if (kind == IndicatorKind::kBoolean) return o.value_text;
  const std::string& num = o.value_text;
  switch (o.qualifier) {
    case Qualifier::kExact:
      return num + o.unit;
    case Qualifier::kAtLeast:
      return num + o.unit + "以上";
    case Qualifier::kMore:
      return num + "多" + o.unit;
    case Qualifier::kOver:
      return num + "余" + o.unit;
    case Qualifier::kAbout:
      return "约" + num + o.unit;
    case Qualifier::kNearly:
      return "近" + num + o.unit;
    case Qualifier::kExceeds:
      return "超" + num + o.unit;
  }
  return num + o.unit;
}

std::string ChinesePeriodDate(std::string_view date) {
  auto part = [&](size_t pos, size_t len) {
    std::string_view d = date.substr(pos, len);
    while (d.size() > 1 && d[0] == '0') d.remove_prefix(1);
    return std::string(d);
  };
  if (date.size() == 4) return std::string(date) + "年";
  if (date.size() == 7) return part(0, 4) + "年" + part(5, 2) + "月";
  if (date.size() == 10) return part(0, 4) + "年" + part(5, 2) + "月" + part(8, 2) + "日";
  return std::string(date);
}

std::string FormatStated(const Observation& o, IndicatorKind kind) {
  if (kind == IndicatorKind::kChange) {
    Observation magnitude = o;
    std::string verb = "同比增长";
    if (o.value < 0) {
      verb = "同比下降";
      if (!magnitude.value_text.empty() && magnitude.value_text[0] == '-') magnitude.value_text.erase(0, 1);
    } else if (o.value == 0) {
      return "同比持平";
    }
    return verb + FormatValue(magnitude, kind);
  }
  std::string value = FormatValue(o, kind);
  switch (o.scope) {
    case Scope::kAnnual:
    case Scope::kUnstated:
      return value;
    case Scope::kCumulative:
      return (o.since.empty() ? "" : ChinesePeriodDate(o.since) + "以来") + "累计" + value;
    case Scope::kPointInTime:
      return "截至" + (o.until.empty() ? std::string("目前") : ChinesePeriodDate(o.until)) + value;
  }
  return value;
}

std::string PeriodLabel(const Observation& o) {
  return std::to_string(o.year) + (o.scope == Scope::kAnnual ? "年度" : "年度报告");
}

std::string ScopeNote(const Observation& o) {
  switch (o.scope) {
    case Scope::kAnnual:
      return "";
    case Scope::kCumulative:
      return o.since.empty() ? "起始时间原文未载明" : "";
    case Scope::kPointInTime:
      return o.until.empty() ? "原文为“截至目前”，未载明具体日期" : "";
    case Scope::kUnstated:
      return "原文未载明统计期间";
  }
  return "";
}

ChangeClass ClassifyChange(const IndicatorDef& def, double prev, double cur) {
  if (cur == prev) return ChangeClass::kNeutral;
  switch (def.direction) {
    case Direction::kUp:
      return cur > prev ? ChangeClass::kBetter : ChangeClass::kWorse;
    case Direction::kDown:
      return cur < prev ? ChangeClass::kBetter : ChangeClass::kWorse;
    case Direction::kNeutral:
      return ChangeClass::kNeutral;
    case Direction::kTarget: {
      double before = std::fabs(prev - def.target), after = std::fabs(cur - def.target);
      if (after == before) return ChangeClass::kNeutral;
      return after < before ? ChangeClass::kBetter : ChangeClass::kWorse;
    }
  }
  return ChangeClass::kNeutral;
}

const char* ChangeCss(ChangeClass c) {
  switch (c) {
    case ChangeClass::kBetter:
      return "better";
    case ChangeClass::kWorse:
      return "worse";
    case ChangeClass::kNeutral:
      return "neutral";
    case ChangeClass::kNone:
      break;
  }
  return "";
}

namespace {

std::string Signed(double v, int decimals) {
  std::string s = FormatNumber(v, decimals);
  return v > 0 && s.find_first_not_of("0.") != std::string::npos ? "+" + s : s;
}

void Describe(const IndicatorDef& def, double delta, Change* c) {
  c->css = ChangeCss(c->cls);
  c->arrow = delta > 0 ? "↑" : delta < 0 ? "↓" : "→";
  if (delta == 0) {
    c->verdict = "持平";
  } else if (c->cls == ChangeClass::kBetter) {
    c->verdict = "向好";
  } else if (c->cls == ChangeClass::kWorse) {
    c->verdict = "需关注";
  } else {
    c->verdict = "不评价";  // direction neutral: a rise is neither good nor bad
  }
  if (c->approximate) c->text = "约" + c->text;
}

}  // namespace

Change ChangeFor(const IndicatorSet& set, const IndicatorDef& def, int year) {
  Change c;
  const Observation* cur = set.Get(def.id, year);
  if (!cur || def.kind == IndicatorKind::kBoolean || def.kind == IndicatorKind::kChange) return c;
  const Observation* prev = set.Get(def.id, year - 1);
  if (prev && prev->ComparableWith(*cur) && cur->scope != Scope::kUnstated) {
    double delta = cur->value - prev->value;
    int decimals = std::max(DecimalsOf(cur->value_text), DecimalsOf(prev->value_text));
    c.cls = ClassifyChange(def, prev->value, cur->value);
    c.basis = "较" + std::to_string(year - 1) + "年";
    c.approximate = cur->qualifier != Qualifier::kExact || prev->qualifier != Qualifier::kExact;
    if (def.unit == "%") {
      c.text = Signed(delta, decimals) + "个百分点";
    } else {
      c.text = Signed(delta, decimals) + def.unit;
      if (prev->value != 0) c.text += "(" + Signed(delta / prev->value * 100, 1) + "%)";
    }
    Describe(def, delta, &c);
    return c;
  }
  const IndicatorDef* growth = set.ChangeIndicatorOf(def.id);
  const Observation* g = growth ? set.Get(growth->id, year) : nullptr;
  if (!g) return c;
  // A stated 同比 (e.g. +120%): judge it as a move from 100 to 100+g.
  c.cls = ClassifyChange(def, 100, 100 + g->value);
  // Read as the source says it ("同比增长120%"), qualifier included.
  c.text = FormatStated(*g, IndicatorKind::kChange) + "（" + BasisText(g->basis) + "）";
  Describe(def, g->value, &c);
  c.approximate = g->qualifier != Qualifier::kExact;
  return c;
}

}  // namespace fazhi
