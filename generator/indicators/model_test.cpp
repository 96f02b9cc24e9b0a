#include "indicators/model.h"

#include <doctest/doctest.h>

#include <utility>

namespace fazhi {
namespace {

// A definition file "---\nkey: value\n...\n---\nbody" and its front matter
// tree, with the positions a front-matter parser would give.
struct DefFixture {
  SourceFile file;
  FmNode root;
};

DefFixture MakeDef(const std::string& id, const std::vector<std::pair<std::string, std::string>>& kv) {
  DefFixture d;
  d.file.path = "content/indicators/" + id + ".md";
  d.file.text = "---\n";
  d.root.kind = FmNode::Kind::kMap;
  int line = 2;
  for (auto& [k, v] : kv) {
    d.file.text += k + ": " + v + "\n";
    FmField f;
    f.key = k;
    f.line = line;
    f.col = 1;
    f.value.line = line;
    f.value.col = static_cast<int>(k.size()) + 3;
    if (!v.empty() && v[0] == '[') {
      f.value.kind = FmNode::Kind::kList;
      std::string inner = v.substr(1, v.size() - 2);
      size_t start = 0;
      while (start <= inner.size()) {
        size_t comma = inner.find(',', start);
        if (comma == std::string::npos) comma = inner.size();
        FmNode item;
        item.kind = FmNode::Kind::kScalar;
        item.scalar = inner.substr(start, comma - start);
        while (!item.scalar.empty() && item.scalar[0] == ' ') item.scalar.erase(0, 1);
        item.line = line;
        item.col = f.value.col + 1 + static_cast<int>(start);
        f.value.items.push_back(item);
        start = comma + 1;
      }
    } else {
      f.value.kind = FmNode::Kind::kScalar;
      f.value.scalar = v;
    }
    d.root.fields.push_back(f);
    ++line;
  }
  d.file.text += "---\n正文。\n";
  return d;
}

struct Site {
  std::vector<DefFixture> defs;
  std::vector<SourceFile> csvs;
};

bool Build(const Site& site, IndicatorSet* set, Diagnostics* diags) {
  auto cats = DefaultIndicatorCategories();
  std::vector<IndicatorDef> defs;
  std::vector<const SourceFile*> def_files, csv_files;
  for (const DefFixture& d : site.defs) {
    IndicatorDef def;
    std::string id = d.file.path.substr(19, d.file.path.size() - 22);
    if (ParseIndicatorDef(d.file, d.root, id, cats, &def, diags)) defs.push_back(def);
    def_files.push_back(&d.file);
  }
  for (const SourceFile& f : site.csvs) csv_files.push_back(&f);
  return BuildIndicatorSet(cats, defs, def_files, csv_files, set, diags);
}

Site Demo(std::string csv) {
  Site s;
  s.defs.push_back(
      MakeDef("admin-review-cases",
              {{"title", "行政复议收案数"}, {"category", "oversight"}, {"unit", "件"}, {"kind", "count"}}));
  s.defs.push_back(MakeDef("admin-review-closure-rate", {{"title", "行政复议办结率"},
                                                         {"category", "oversight"},
                                                         {"unit", "%"},
                                                         {"kind", "rate"},
                                                         {"direction", "up"}}));
  s.defs.push_back(MakeDef("paperless-rate", {{"title", "无纸化办案率"},
                                              {"category", "enforcement"},
                                              {"unit", "%"},
                                              {"kind", "rate"},
                                              {"direction", "up"}}));
  s.defs.push_back(
      MakeDef("legal-consultations", {{"title", "法律咨询"}, {"category", "functions"}, {"unit", "次"}}));
  s.csvs.push_back(SourceFile{"data/indicators/2024.csv", std::move(csv)});
  return s;
}

}  // namespace

TEST_CASE("indicators_model: a definition's fields are read from front matter") {
  DefFixture d = MakeDef("review-rate", {{"title", "审查率"},
                                         {"category", "rules"},
                                         {"unit", "%"},
                                         {"kind", "rate"},
                                         {"direction", "target"},
                                         {"target", "100"},
                                         {"method", "审查数 ÷ 出台数"},
                                         {"aliases", "[审查率, 合法性审查率]"},
                                         {"weight", "3"}});
  Diagnostics diags;
  IndicatorDef def;
  REQUIRE(ParseIndicatorDef(d.file, d.root, "review-rate", DefaultIndicatorCategories(), &def, &diags));
  CHECK(diags.Format() == "");
  CHECK(def.id == "review-rate");
  CHECK(def.title == "审查率");
  CHECK(def.kind == IndicatorKind::kRate);
  CHECK(def.direction == Direction::kTarget);
  CHECK(def.has_target);
  CHECK(def.target == 100);
  CHECK(def.aliases == std::vector<std::string>{"审查率", "合法性审查率"});
  CHECK(def.weight == 3);
}

TEST_CASE("indicators_model: a category is given by its slug or its Chinese name") {
  for (const char* given : {"oversight", "行政权力制约监督"}) {
    DefFixture d = MakeDef("x", {{"title", "收案数"}, {"category", given}, {"unit", "件"}});
    Diagnostics diags;
    IndicatorDef def;
    REQUIRE_MESSAGE(ParseIndicatorDef(d.file, d.root, "x", DefaultIndicatorCategories(), &def, &diags),
                    diags.Format());
    CHECK(def.category == "oversight");
  }
}

TEST_CASE("indicators_model: bad definitions report their field positions") {
  DefFixture d =
      MakeDef("x", {{"category", "courts"}, {"unit", "件"}, {"kind", "ratio"}, {"direction", "sideways"}});
  Diagnostics diags;
  IndicatorDef def;
  CHECK_FALSE(ParseIndicatorDef(d.file, d.root, "x", DefaultIndicatorCategories(), &def, &diags));
  CHECK(diags.Format() ==
        "content/indicators/x.md:1:1: 指标定义缺少“title”（指标名称）\n"
        "  ---\n"
        "  ^\n"
        "content/indicators/x.md:2:11: "
        "没有“courts”这个指标类别（可用的类别：leadership（党的领导与第一责任人）、functions（政府职能依法全"
        "面履行）、rules（依法行政制度体系）、decisions（重大行政决策）、enforcement（行政执法）、oversight（"
        "行政权力制约监督）、disputes（社会矛盾纠纷化解）、capacity（工作人员法治能力）、digital（数字法治政"
        "府）、emergency（突发事件应对））\n"
        "  category: courts\n"
        "            ^\n"
        "content/indicators/x.md:4:7: 没有“ratio”这种指标类型：请写 "
        "count（数量）、rate（比率）、amount（金额）、boolean（是否）或 change（增减幅度）\n"
        "  kind: ratio\n"
        "        ^\n"
        "content/indicators/x.md:5:12: 没有“sideways”这种方向：请写 "
        "up（越高越好）、down（越低越好）、neutral（中性）或 target（以目标值为准）\n"
        "  direction: sideways\n"
        "             ^\n");

  DefFixture r = MakeDef("r", {{"title", "办结率"},
                               {"category", "oversight"},
                               {"unit", "件"},
                               {"kind", "rate"},
                               {"direction", "target"}});
  Diagnostics d2;
  CHECK_FALSE(ParseIndicatorDef(r.file, r.root, "r", DefaultIndicatorCategories(), &def, &d2));
  CHECK(d2.Format() ==
        "content/indicators/r.md:6:12: 方向为 target 时要写“target”（目标值）\n"
        "  direction: target\n"
        "             ^\n"
        "content/indicators/r.md:4:7: 比率（rate）指标的单位只能是“%”，这里是“件”\n"
        "  unit: 件\n"
        "        ^\n");
}

TEST_CASE("indicators_model: categories are configurable") {
  DefFixture d = MakeDef("x", {{"title", "t"}, {"category", "courts"}, {"unit", "件"}});
  Diagnostics diags;
  IndicatorDef def;
  CHECK(ParseIndicatorDef(d.file, d.root, "x", {{"courts", "审判"}}, &def, &diags));
  CHECK(diags.Format() == "");
}

TEST_CASE("indicators_model: observations with Chinese headers, qualifiers and breakdowns") {
  Site s = Demo(
      "指标,年份,数值,单位,限定,分组,依据,公式,来源,备注\r\n"
      "admin-review-cases,2024,368,件,,,原文,,reports/2024.md#四,新法施行\r\n"
      "admin-review-closure-rate,2024年,80.16%,%,,,,,,\r\n"
      "paperless-rate,2024,90,,以上,,原文,,,\r\n"
      "legal-consultations,2024,\"4,000\",次,多,,,,,\r\n"
      "admin-review-cases,2024,20,,,太平镇,,,,\r\n"
      "admin-review-cases,2023,167,,,,计算,368 / 2.2,,由同比增长120%反推\r\n");
  IndicatorSet set;
  Diagnostics diags;
  REQUIRE(Build(s, &set, &diags));
  CHECK(diags.Format() == "");
  const Observation* o = set.Get("admin-review-cases", 2024);
  REQUIRE(o);
  CHECK(o->value_text == "368");
  CHECK(o->unit == "件");
  CHECK(o->source == "reports/2024.md#四");
  CHECK(o->note == "新法施行");
  CHECK(o->line == 2);
  const Observation* rate = set.Get("admin-review-closure-rate", 2024);
  REQUIRE(rate);
  CHECK(rate->value_text == "80.16");
  CHECK(rate->value == doctest::Approx(80.16));
  CHECK(set.Get("paperless-rate", 2024)->qualifier == Qualifier::kAtLeast);
  CHECK(set.Get("paperless-rate", 2024)->unit == "%");  // from the definition
  CHECK(set.Get("legal-consultations", 2024)->value_text == "4000");
  CHECK(set.Get("legal-consultations", 2024)->qualifier == Qualifier::kMore);
  auto series = set.Series("admin-review-cases");
  REQUIRE(series.size() == 2);
  CHECK(series[0]->year == 2023);
  CHECK(series[0]->basis == Basis::kComputed);
  CHECK(series[1]->year == 2024);
  auto parts = set.Breakdown("admin-review-cases", 2024);
  REQUIRE(parts.size() == 1);
  CHECK(parts[0]->breakdown == "太平镇");
  CHECK(set.Years() == std::vector<int>{2023, 2024});
}

TEST_CASE("indicators_model: every bad cell is reported with its exact message") {
  Site s = Demo(
      "indicator,year,value,unit,qualifier,breakdown,basis,formula\n"
      "admin-review-cases,2024,368,件,,,,\n"
      "admin-review-case,2024,368,件,,,,\n"
      "admin-review-cases,2024,370,,,,,\n"
      "admin-review-cases,24,三百,宗,大约,,,\n"
      "admin-review-closure-rate,2024,180.2,,,,,\n"
      "paperless-rate,2024,90,,,,计算,\n"
      "paperless-rate,2023,90,,,,推算,,extra\n"
      "paperless-rate,2022,90,,,,,\n");
  IndicatorSet set;
  Diagnostics diags;
  CHECK_FALSE(Build(s, &set, &diags));
  CHECK(diags.Format() ==
        "data/indicators/2024.csv:3:1: 没有“admin-review-case”这个指标，是不是要写“admin-review-cases”？\n"
        "  admin-review-case,2024,368,件,,,,\n"
        "  ^\n"
        "data/indicators/2024.csv:4:1: 指标“admin-review-cases”的 2024 年数值重复了（第一次在 "
        "data/indicators/2024.csv:2）\n"
        "  admin-review-cases,2024,370,,,,,\n"
        "  ^\n"
        "data/indicators/2024.csv:5:20: 年份“24”不是四位数的年份\n"
        "  admin-review-cases,24,三百,宗,大约,,,\n"
        "                     ^\n"
        "data/indicators/2024.csv:5:28: 没有“大约”这个限定词：请写 以上、多、余、约、近 或 超，或者不填\n"
        "  admin-review-cases,24,三百,宗,大约,,,\n"
        "                                ^\n"
        "data/indicators/2024.csv:5:26: 单位“宗”和指标“admin-review-cases”定义的单位“件”不一致\n"
        "  admin-review-cases,24,三百,宗,大约,,,\n"
        "                             ^\n"
        "data/indicators/2024.csv:5:23: 数值“三百”不是数字\n"
        "  admin-review-cases,24,三百,宗,大约,,,\n"
        "                        ^\n"
        "data/indicators/2024.csv:6:32: 比率“180.2”不在 0 到 100 之间\n"
        "  admin-review-closure-rate,2024,180.2,,,,,\n"
        "                                 ^\n"
        "data/indicators/2024.csv:7:30: 依据是“计算”的数值要写出公式（formula 列）\n"
        "  paperless-rate,2024,90,,,,计算,\n"
        "                                 ^\n"
        "data/indicators/2024.csv:8:31: 这一行有 9 个格子，比表头的 8 "
        "列多：多出的格子要删掉，或者在表头补上列名\n"
        "  paperless-rate,2023,90,,,,推算,,extra\n"
        "                                  ^\n");
}

TEST_CASE("indicators_model: missing and unknown columns are reported at the header line") {
  Site s = Demo("指标,年份,单位,口径\n行政复议,2024,件,x\n");
  IndicatorSet set;
  Diagnostics diags;
  CHECK_FALSE(Build(s, &set, &diags));
  CHECK(diags.Format() ==
        "data/indicators/2024.csv:1:10: "
        "不认识的列名“口径”（可用的列名：indicator（指标）、year（年份）、value（数值）、unit（单位）、qualif"
        "ier（限定）、breakdown（分组）、basis（依据）、formula（公式）、source（来源）、note（备注）、scope"
        "（期间）、since（起始）、until（截至日期）、quote（原文）、reporting_unit（报告单位））\n"
        "  指标,年份,单位,口径\n"
        "                 ^\n"
        "data/indicators/2024.csv:1:1: 缺少“value”列（也可以写作“数值”）\n"
        "  指标,年份,单位,口径\n"
        "  ^\n");
}

TEST_CASE("indicators_model: derived values are checked against their formula") {
  Site ok = Demo(
      "indicator,year,value,basis,formula\n"
      "admin-review-cases,2024,368,原文,\n"
      "admin-review-cases,2023,167,计算,\"admin-review-cases@2024 / (1 + 120 / 100)\"\n"
      "admin-review-closure-rate,2024,80.16,原文,\n");
  IndicatorSet set;
  Diagnostics diags;
  CHECK(Build(ok, &set, &diags));
  CHECK(diags.Format() == "");

  Site bad = Demo(
      "indicator,year,value,basis,formula\n"
      "admin-review-cases,2024,368,原文,\n"
      "admin-review-closure-rate,2024,6.8,计算,18 / (admin-review-cases@2024 * 0.8016) * 100\n"
      "paperless-rate,2024,50,计算,\"1 / admin-review-cases@2022\"\n"
      "legal-consultations,2024,1,计算,2 ^ 3\n");
  Diagnostics d2;
  CHECK_FALSE(Build(bad, &set, &d2));
  CHECK(d2.Format() ==
        "data/indicators/2024.csv:3:32: 数值 6.8 和它的公式 18 / (admin-review-cases@2024 * 0.8016) * 100 = "
        "6.102 对不上（超出了四舍五入的误差）\n"
        "  admin-review-closure-rate,2024,6.8,计算,18 / (admin-review-cases@2024 * 0.8016) * 100\n"
        "                                 ^\n"
        "data/indicators/2024.csv:5:33: 公式：多出了“^”\n"
        "  legal-consultations,2024,1,计算,2 ^ 3\n"
        "                                    ^\n"
        "data/indicators/2024.csv:4:32: 公式：“admin-review-cases@2022”没有数据\n"
        "  paperless-rate,2024,50,计算,\"1 / admin-review-cases@2022\"\n"
        "                                   ^\n");
}

TEST_CASE("indicators_model: a formula nested 30,000 deep is an error at the 101st level, not a crash") {
  // Issue 18, failure 1: the recursive parser overflowed the stack (exit 139).
  std::string deep = std::string(30000, '(') + "1" + std::string(30000, ')');
  std::string minus = std::string(30000, '-') + "1";
  std::string ok100 =
      std::string(100, '(') + "2" + std::string(100, ')') + " + " + std::string(99, '-') + "3";
  Site s = Demo(
      "indicator,year,value,basis,formula\n"
      "legal-consultations,2024,1,计算," +
      deep +
      "\n"
      "paperless-rate,2024,50,计算," +
      minus +
      "\n"
      "admin-review-cases,2024,-1,计算," +
      ok100 + "\n");
  IndicatorSet set;
  Diagnostics d;
  CHECK_FALSE(Build(s, &set, &d));
  std::vector<Diagnostic> items = d.items();
  REQUIRE(items.size() == 2);
  // The column is the 101st '(' / '-' (the formula starts at column 31 / 27).
  CHECK(items[0].line == 2);
  CHECK(items[0].col == 31 + 100);
  CHECK(items[0].message.Render() == "公式：括号或负号嵌套超过100层；请把公式拆开，分几行计算");
  CHECK(items[0].message.Render(Lang::kEn) ==
        "formula: parentheses or minus signs nested more than 100 deep; split the formula into several rows");
  CHECK(items[1].line == 3);
  CHECK(items[1].col == 27 + 100);
  // 100 levels are fine, and evaluate: 2 + (-1)^99 * 3 = -1.
  double v = 0;
  Message why;
  size_t off = 0;
  IndicatorSet empty;
  CHECK(EvaluateFormula(ok100, empty, &v, &why, &off));
  CHECK(v == -1);
}

TEST_CASE("indicators_model: a GB18030 CSV from Chinese Excel loads like UTF-8") {
  std::string gbk;
  REQUIRE(Utf8ToGb18030("指标,年份,数值,限定\r\nlegal-consultations,2024,4000,多\r\n", &gbk));
  Site s = Demo(gbk);
  IndicatorSet set;
  Diagnostics diags;
  REQUIRE(Build(s, &set, &diags));
  const Observation* o = set.Get("legal-consultations", 2024);
  REQUIRE(o);
  CHECK(o->qualifier == Qualifier::kMore);
  CHECK(o->value_text == "4000");
}

TEST_CASE("indicators_model: change_of and related must name known indicators") {
  Site s = Demo("indicator,year,value\n");
  s.defs.push_back(MakeDef("cases-yoy", {{"title", "同比"},
                                         {"category", "oversight"},
                                         {"unit", "%"},
                                         {"kind", "change"},
                                         {"change_of", "admin-review"},
                                         {"related", "[admin-review-cases, nope]"}}));
  IndicatorSet set;
  Diagnostics diags;
  CHECK_FALSE(Build(s, &set, &diags));
  CHECK(diags.Format() ==
        "content/indicators/cases-yoy.md:6:12: “change_of”指向的指标“admin-review”不存在\n"
        "  change_of: admin-review\n"
        "             ^\n"
        "content/indicators/cases-yoy.md:7:30: “related”指向的指标“nope”不存在\n"
        "  related: [admin-review-cases, nope]\n"
        "                               ^\n");
}

}  // namespace fazhi

namespace fazhi {

TEST_CASE(
    "indicators_model: every prefix and a byte-flipped copy of a CSV give positioned errors, never a crash") {
  const std::string csv =
      "指标,年份,数值,单位,限定,依据,公式,来源,备注\r\n"
      "admin-review-cases,2024,368,件,,原文,,reports/2024.md#四,\"新法\r\n施行\"\r\n"
      "admin-review-closure-rate,2024,80.16,%,,计算,\"(1 + admin-review-cases@2024) / 4.6\",,\r\n";
  for (size_t n = 0; n <= csv.size(); ++n) {
    for (int flip = 0; flip < 2; ++flip) {
      std::string text = csv.substr(0, n);
      if (flip && n > 0) text[n - 1] = static_cast<char>(text[n - 1] ^ 0x22);
      Site s = Demo(text);
      IndicatorSet set;
      Diagnostics diags;
      Build(s, &set, &diags);
      for (const Diagnostic& d : diags.items()) {
        CHECK_MESSAGE(d.line > 0, d.message.Render());
        CHECK_MESSAGE(d.col > 0, d.message.Render());
      }
    }
  }
}

TEST_CASE("indicators_model: generated indicators join the set sorted, or not at all") {
  IndicatorSet set;
  set.categories = DefaultIndicatorCategories();
  IndicatorDef m;
  m.id = "m";
  m.category = "leadership";
  set.defs = {m};
  auto def = [](std::string id, std::string category) {
    IndicatorDef d;
    d.id = std::move(id);
    d.category = std::move(category);
    return d;
  };
  auto obs = [](std::string id, int year) {
    Observation o;
    o.indicator = std::move(id);
    o.year = year;
    return o;
  };
  Message error;
  CHECK_FALSE(set.AddGenerated({def("m", "leadership")}, {}, &error));
  CHECK(error.Render() == "指标“m”由构建自动计算，content/indicators/m.md 不能再定义它：请删除或改名");
  CHECK(error.Render(Lang::kEn) ==
        "indicator id 'm' is computed by the build; content/indicators/m.md must not define it too");
  CHECK_FALSE(set.AddGenerated({def("a", "leadership"), def("a", "leadership")}, {}, &error));
  CHECK(error.Render() == "指标编号“a”被生成了两次");
  CHECK_FALSE(set.AddGenerated({def("a", "nowhere")}, {}, &error));
  CHECK(error.Render() == "指标“a”：没有“nowhere”这个类别");
  CHECK_FALSE(set.AddGenerated({def("a", "leadership")}, {obs("b", 2024)}, &error));
  CHECK(error.Render() == "指标“b”的数值没有对应的自动生成的定义");
  CHECK(set.defs.size() == 1);

  REQUIRE(set.AddGenerated({def("z", "leadership"), def("a", "leadership")},
                           {obs("z", 2024), obs("a", 2024), obs("a", 2023)}, &error));
  REQUIRE(set.defs.size() == 3);
  CHECK(set.defs[0].id == "a");
  CHECK(set.defs[0].generated);
  CHECK(set.defs[1].id == "m");
  CHECK_FALSE(set.defs[1].generated);
  CHECK(set.observations[0].year == 2023);
  CHECK(set.observations[2].indicator == "z");
}

}  // namespace fazhi

namespace fazhi {

TEST_CASE("indicators_model: each observation states its time scope, its start or date and its sentence") {
  Site s = Demo(
      "indicator,year,value,unit,qualifier,scope,since,until,quote\r\n"
      "admin-review-cases,2024,368,件,,,,,\"办理行政复议案件368件,同比增长120%\"\r\n"
      "legal-consultations,2024,4000,次,多,累计,,,\"累计审查“三资”合同387份,提供法律咨询4000多次\"\r\n"
      "legal-consultations,2023,3000,次,多,cumulative,2019,,\r\n"
      "paperless-rate,2024,90,%,以上,截至,,,\"截至目前,无纸化办案率达到90%以上\"\r\n"
      "paperless-rate,2023,80,%,,截至,,2023-12-31,\r\n"
      "admin-review-closure-rate,2024,80.16,%,,未载明,,,\r\n");
  IndicatorSet set;
  Diagnostics diags;
  REQUIRE(Build(s, &set, &diags));
  CHECK(diags.Format() == "");
  CHECK(set.Get("admin-review-cases", 2024)->scope == Scope::kAnnual);
  CHECK(set.Get("admin-review-cases", 2024)->quote == "办理行政复议案件368件,同比增长120%");
  CHECK(set.Get("legal-consultations", 2024)->scope == Scope::kCumulative);
  CHECK(set.Get("legal-consultations", 2023)->since == "2019");
  CHECK(set.Get("paperless-rate", 2024)->scope == Scope::kPointInTime);
  CHECK(set.Get("paperless-rate", 2024)->until == "");
  CHECK(set.Get("paperless-rate", 2023)->until == "2023-12-31");
  CHECK(set.Get("admin-review-closure-rate", 2024)->scope == Scope::kUnstated);
  // A cumulative total since an unstated start is not comparable with one since 2019.
  CHECK_FALSE(set.Get("legal-consultations", 2024)->ComparableWith(*set.Get("legal-consultations", 2023)));
  CHECK(set.ComparableSeries("legal-consultations").size() == 1);
  CHECK(set.Get("paperless-rate", 2024)->ComparableWith(*set.Get("paperless-rate", 2023)));
  CHECK(set.ComparableSeries("paperless-rate").size() == 2);
}

TEST_CASE("indicators_model: a bad scope, a start or date on the wrong scope, and a bad date are errors") {
  Site s = Demo(
      "指标,年份,数值,期间,起始,截至日期\r\n"
      "admin-review-cases,2024,368,全年,,\r\n"
      "legal-consultations,2024,4000,年度,2019,\r\n"
      "paperless-rate,2024,90,累计,,2024-12-31\r\n"
      "admin-review-closure-rate,2024,80,截至,,2024-13\r\n");
  IndicatorSet set;
  Diagnostics diags;
  CHECK_FALSE(Build(s, &set, &diags));
  CHECK(diags.Format() ==
        "data/indicators/2024.csv:2:29: 未知的期间“全年”：请写 年度、累计、截至 或 未载明（留空即年度）\n"
        "  admin-review-cases,2024,368,全年,,\n"
        "                              ^\n"
        "data/indicators/2024.csv:3:34: 起始时间“2019”只用于期间为“累计”的数值；本行期间为“年度”\n"
        "  legal-consultations,2024,4000,年度,2019,\n"
        "                                     ^\n"
        "data/indicators/2024.csv:4:28: 截至日期“2024-12-31”只用于期间为“截至”的数值；本行期间为“累计”\n"
        "  paperless-rate,2024,90,累计,,2024-12-31\n"
        "                               ^\n"
        "data/indicators/2024.csv:5:39: “2024-13”不是日期：请写 2019、2019-03 或 2019-03-01\n"
        "  admin-review-closure-rate,2024,80,截至,,2024-13\n"
        "                                          ^\n");
}

TEST_CASE("indicators_model: the source sentence must state the value, a lost 累计 or 截至 is a warning") {
  Site s = Demo(
      "indicator,year,value,unit,qualifier,scope,quote\r\n"
      "admin-review-cases,2024,370,件,,,\"办理行政复议案件368件,同比增长120%\"\r\n"
      "legal-consultations,2024,4000,次,多,,\"累计审查“三资”合同387份,提供法律咨询4000多次\"\r\n"
      "paperless-rate,2024,90,%,以上,,\"截至目前,无纸化办案率达到90%以上\"\r\n"
      "admin-review-closure-rate,2024,100,%,,,\"参考率、通过率和优秀率首次达到3个100%\"\r\n");
  IndicatorSet set;
  Diagnostics diags;
  CHECK_FALSE(Build(s, &set, &diags));
  CHECK(diags.Format() ==
        "data/indicators/2024.csv:2:34: 原文“办理行政复议案件368件,同比增长120%”中没有数值 "
        "370：请核对数值或原文\n"
        "  admin-review-cases,2024,370,件,,,\"办理行政复议案件368件,同比增长120%\"\n"
        "                                    ^\n"
        "data/indicators/2024.csv:3:37: 警告：原文含“累计”，但本行期间为年度：请在期间列写 "
        "累计，原文未说明时写 未载明\n"
        "  legal-consultations,2024,4000,次,多,,\"累计审查“三资”合同387份,提供法律咨询4000多次\"\n"
        "                                        ^\n"
        "data/indicators/2024.csv:4:31: 警告：原文含“截至”，但本行期间为年度：请在期间列写 "
        "截至，原文未说明时写 未载明\n"
        "  paperless-rate,2024,90,%,以上,,\"截至目前,无纸化办案率达到90%以上\"\n"
        "                                  ^\n");
}

TEST_CASE("indicators_model: the value must stand alone in the sentence, thousands separators aside") {
  Site s = Demo(
      "indicator,year,value,quote\r\n"
      "admin-review-cases,2024,10,\"达到3个100%\"\r\n"
      "legal-consultations,2024,1537,\"成功化解1,537宗\"\r\n"
      "admin-review-closure-rate,2024,80.1,\"办结率80.16%\"\r\n"
      "paperless-rate,2024,100,\"达到3个100%\"\r\n");
  IndicatorSet set;
  Diagnostics diags;
  CHECK_FALSE(Build(s, &set, &diags));
  std::string out = diags.Format();
  CHECK(out.find("没有数值 10：") != std::string::npos);
  CHECK(out.find("没有数值 80.1：") != std::string::npos);
  CHECK(out.find("1537") == std::string::npos);
  CHECK(out.find("没有数值 100：") == std::string::npos);
  CHECK(diags.error_count() == 2);
}

}  // namespace fazhi
