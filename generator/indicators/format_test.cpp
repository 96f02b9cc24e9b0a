#include "indicators/format.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace fazhi {
namespace {

Observation Obs(std::string id, int year, std::string text, std::string unit,
                Qualifier q = Qualifier::kExact) {
  Observation o;
  o.indicator = std::move(id);
  o.year = year;
  o.value_text = text;
  o.value = std::stod(text);
  o.unit = std::move(unit);
  o.qualifier = q;
  return o;
}

IndicatorDef Def(std::string id, std::string unit, Direction d, IndicatorKind k = IndicatorKind::kCount) {
  IndicatorDef def;
  def.id = std::move(id);
  def.unit = std::move(unit);
  def.direction = d;
  def.kind = k;
  return def;
}

IndicatorSet Set(std::vector<IndicatorDef> defs, std::vector<Observation> obs) {
  IndicatorSet s;
  s.defs = std::move(defs);
  std::sort(s.defs.begin(), s.defs.end(),
            [](const IndicatorDef& a, const IndicatorDef& b) { return a.id < b.id; });
  s.observations = std::move(obs);
  return s;
}

}  // namespace

TEST_CASE("indicators_format: values read as the source states them") {
  using Q = Qualifier;
  CHECK(FormatValue(Obs("a", 2024, "368", "件"), IndicatorKind::kCount) == "368件");
  CHECK(FormatValue(Obs("a", 2024, "80.16", "%"), IndicatorKind::kRate) == "80.16%");
  CHECK(FormatValue(Obs("a", 2024, "90", "%", Q::kAtLeast), IndicatorKind::kRate) == "90%以上");
  CHECK(FormatValue(Obs("a", 2024, "4000", "次", Q::kMore), IndicatorKind::kCount) == "4000多次");
  CHECK(FormatValue(Obs("a", 2024, "4000", "次", Q::kOver), IndicatorKind::kCount) == "4000余次");
  CHECK(FormatValue(Obs("a", 2024, "4000", "次", Q::kAbout), IndicatorKind::kCount) == "约4000次");
  CHECK(FormatValue(Obs("a", 2024, "4000", "次", Q::kNearly), IndicatorKind::kCount) == "近4000次");
  CHECK(FormatValue(Obs("a", 2024, "4000", "次", Q::kExceeds), IndicatorKind::kCount) == "超4000次");
  CHECK(FormatValue(Obs("a", 2024, "120", "%"), IndicatorKind::kChange) == "120%");
  CHECK(FormatValue(Obs("a", 2024, "-5.5", "%"), IndicatorKind::kChange) == "-5.5%");
  CHECK(FormatNumber(-0.001, 1) == "0.0");
}

TEST_CASE("indicators_format: a rise is judged by direction, not by sign") {
  IndicatorDef up = Def("up", "件", Direction::kUp);
  IndicatorDef down = Def("down", "件", Direction::kDown);
  IndicatorDef neutral = Def("neutral", "件", Direction::kNeutral);
  IndicatorDef target = Def("target", "%", Direction::kTarget, IndicatorKind::kRate);
  target.target = 100;
  CHECK(ClassifyChange(up, 10, 12) == ChangeClass::kBetter);
  CHECK(ClassifyChange(down, 10, 12) == ChangeClass::kWorse);
  CHECK(ClassifyChange(down, 12, 10) == ChangeClass::kBetter);
  CHECK(ClassifyChange(neutral, 10, 12) == ChangeClass::kNeutral);
  CHECK(ClassifyChange(target, 98, 100) == ChangeClass::kBetter);
  CHECK(ClassifyChange(target, 100, 98) == ChangeClass::kWorse);
  CHECK(ClassifyChange(up, 10, 10) == ChangeClass::kNeutral);
}

TEST_CASE("indicators_format: change against the previous year") {
  IndicatorDef lawsuits = Def("lawsuits-lost", "件", Direction::kDown);
  IndicatorDef rate = Def("closure-rate", "%", Direction::kUp, IndicatorKind::kRate);
  IndicatorSet set =
      Set({lawsuits, rate}, {Obs("closure-rate", 2023, "82.5", "%"), Obs("closure-rate", 2024, "80.16", "%"),
                             Obs("lawsuits-lost", 2023, "10", "件"), Obs("lawsuits-lost", 2024, "12", "件")});
  Change c = ChangeFor(set, lawsuits, 2024);
  CHECK(c.cls == ChangeClass::kWorse);
  CHECK(c.text == "+2件(+20.0%)");
  CHECK(c.basis == "较2023年");
  CHECK(c.arrow == "↑");
  CHECK(c.verdict == "需关注");
  CHECK(c.css == "worse");
  Change r = ChangeFor(set, rate, 2024);
  CHECK(r.cls == ChangeClass::kWorse);
  CHECK(r.text == "-2.34个百分点");
  CHECK(r.arrow == "↓");
  CHECK(ChangeFor(set, rate, 2023).cls == ChangeClass::kNone);
}

TEST_CASE("indicators_format: a stated 同比 stands in for a missing previous year") {
  IndicatorDef cases = Def("admin-review-cases", "件", Direction::kNeutral);
  IndicatorDef yoy = Def("admin-review-cases-yoy", "%", Direction::kNeutral, IndicatorKind::kChange);
  yoy.change_of = "admin-review-cases";
  IndicatorSet set = Set({cases, yoy}, {Obs("admin-review-cases", 2024, "368", "件"),
                                        Obs("admin-review-cases-yoy", 2024, "120", "%")});
  Change c = ChangeFor(set, cases, 2024);
  CHECK(c.cls == ChangeClass::kNeutral);
  CHECK(c.text == "+120%");
  CHECK(c.basis == "同比(原文)");
  CHECK(c.arrow == "↑");
  CHECK(c.verdict == "不评价");
  CHECK(c.css == "neutral");
}

TEST_CASE("indicators_format: qualified values make the change approximate") {
  IndicatorDef paperless = Def("paperless", "%", Direction::kUp, IndicatorKind::kRate);
  IndicatorSet set = Set({paperless}, {Obs("paperless", 2023, "85", "%"),
                                       Obs("paperless", 2024, "90", "%", Qualifier::kAtLeast)});
  Change c = ChangeFor(set, paperless, 2024);
  CHECK(c.approximate);
  CHECK(c.text == "约+5个百分点");
  CHECK(c.cls == ChangeClass::kBetter);
}

}  // namespace fazhi
