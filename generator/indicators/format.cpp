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
  if (!cur || def.kind == IndicatorKind::kBoolean) return c;
  if (const Observation* prev = set.Get(def.id, year - 1)) {
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
  c.basis = std::string("同比(") + BasisText(g->basis) + ")";
  // Already says 约/以上; the sign shows the direction of the stated change.
  c.text = (g->value > 0 ? "+" : "") + FormatValue(*g, IndicatorKind::kChange);
  Describe(def, g->value, &c);
  c.approximate = g->qualifier != Qualifier::kExact;
  return c;
}

}  // namespace fazhi
