#include "indicators/format.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace fazhi {
namespace {

Observation Obs(std::string id, int year, const std::string& text, std::string unit,
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
  CHECK(c.text == "同比增长120%（原文）");
  CHECK(c.basis == "");
  CHECK(c.arrow == "↑");
  CHECK(c.verdict == "不评价");
  CHECK(c.css == "neutral");
}

TEST_CASE("indicators_format: a value reads with its time scope, a change reads as a change") {
  Observation cases = Obs("a", 2024, "368", "件");
  CHECK(FormatStated(cases, IndicatorKind::kCount) == "368件");
  CHECK(PeriodLabel(cases) == "2024年度");
  CHECK(ScopeNote(cases) == "");
  Observation consult = Obs("a", 2024, "4000", "次", Qualifier::kMore);
  consult.scope = Scope::kCumulative;
  CHECK(FormatStated(consult, IndicatorKind::kCount) == "累计4000多次");
  CHECK(PeriodLabel(consult) == "2024年度报告");
  CHECK(ScopeNote(consult) == "起始时间原文未载明");
  consult.since = "2019-03";
  CHECK(FormatStated(consult, IndicatorKind::kCount) == "2019年3月以来累计4000多次");
  CHECK(ScopeNote(consult) == "");
  Observation paperless = Obs("a", 2024, "90", "%", Qualifier::kAtLeast);
  paperless.scope = Scope::kPointInTime;
  CHECK(FormatStated(paperless, IndicatorKind::kRate) == "截至目前90%以上");
  CHECK(ScopeNote(paperless) == "原文为“截至目前”，未载明具体日期");
  paperless.until = "2024-12-31";
  CHECK(FormatStated(paperless, IndicatorKind::kRate) == "截至2024年12月31日90%以上");
  Observation unstated = Obs("a", 2024, "244", "件次");
  unstated.scope = Scope::kUnstated;
  CHECK(FormatStated(unstated, IndicatorKind::kCount) == "244件次");
  CHECK(ScopeNote(unstated) == "原文未载明统计期间");
  CHECK(FormatStated(Obs("a", 2024, "120", "%"), IndicatorKind::kChange) == "同比增长120%");
  CHECK(FormatStated(Obs("a", 2024, "-5.5", "%"), IndicatorKind::kChange) == "同比下降5.5%");
  CHECK(FormatStated(Obs("a", 2024, "0", "%"), IndicatorKind::kChange) == "同比持平");
  CHECK(FormatStated(Obs("a", 2024, "120", "%", Qualifier::kExceeds), IndicatorKind::kChange) ==
        "同比增长超120%");
}

TEST_CASE("indicators_format: values of different scopes are not compared, a change has no change") {
  IndicatorDef disputes = Def("disputes", "宗", Direction::kNeutral);
  Observation y2023 = Obs("disputes", 2023, "900", "宗");
  Observation y2024 = Obs("disputes", 2024, "1537", "宗");
  y2024.scope = Scope::kCumulative;
  IndicatorSet set = Set({disputes}, {y2023, y2024});
  CHECK(ChangeFor(set, disputes, 2024).cls == ChangeClass::kNone);
  y2023.scope = Scope::kCumulative;
  IndicatorSet same = Set({disputes}, {y2023, y2024});
  CHECK(ChangeFor(same, disputes, 2024).text == "+637宗(+70.8%)");
  IndicatorDef yoy = Def("yoy", "%", Direction::kNeutral, IndicatorKind::kChange);
  IndicatorSet changes = Set({yoy}, {Obs("yoy", 2023, "50", "%"), Obs("yoy", 2024, "120", "%")});
  CHECK(ChangeFor(changes, yoy, 2024).cls == ChangeClass::kNone);
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
