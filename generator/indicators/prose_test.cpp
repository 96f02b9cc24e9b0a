#include "indicators/prose.h"

#include <doctest/doctest.h>

#include "core/site_model.h"
#include "core/source_tree.h"
#include "indicators/stage.h"

namespace fazhi {
namespace {

IndicatorDef Def(std::string id, std::string title, std::string unit, std::vector<std::string> aliases,
                 IndicatorKind kind = IndicatorKind::kCount) {
  IndicatorDef d;
  d.id = std::move(id);
  d.title = std::move(title);
  d.unit = std::move(unit);
  d.aliases = std::move(aliases);
  d.kind = kind;
  return d;
}

Observation Obs(std::string id, std::string text, std::string unit, int line,
                Qualifier q = Qualifier::kExact) {
  Observation o;
  o.indicator = std::move(id);
  o.year = 2024;
  o.value_text = text;
  o.value = std::stod(text);
  o.unit = std::move(unit);
  o.qualifier = q;
  o.path = "data/indicators/2024.csv";
  o.line = line;
  return o;
}

IndicatorSet Set() {
  IndicatorSet s;
  s.defs = {Def("admin-review-cases", "行政复议收案数", "件", {"行政复议案件"}),
            Def("admin-review-closure-rate", "行政复议办结率", "%", {"办结率"}, IndicatorKind::kRate),
            Def("inspections", "行政检查", "件", {}),
            Def("legal-consultations", "法律咨询", "次", {}),
            Def("penalties", "行政处罚", "件", {}),
            Def("standing-committee", "区委常委述法人数", "名", {"区委常委"})};
  s.observations = {Obs("admin-review-cases", "368", "件", 2),
                    Obs("admin-review-closure-rate", "80.16", "%", 3),
                    Obs("inspections", "546", "件", 4),
                    Obs("legal-consultations", "4000", "次", 5, Qualifier::kMore),
                    Obs("penalties", "573", "件", 6),
                    Obs("standing-committee", "4", "名", 7)};
  return s;
}

}  // namespace

TEST_CASE("indicators_prose: value shortcode renders a linked value as the source says it") {
  IndicatorSet set = Set();
  std::string md;
  Message err;
  REQUIRE(ExpandValueShortcode(set, {"value", {"legal-consultations", "2024"}, 3, 5},
                               "/indicators/legal-consultations/", &md, &err));
  CHECK(md == "[4000多次](/indicators/legal-consultations/ \"法律咨询,2024年\")");
  REQUIRE(
      ExpandValueShortcode(set, {"value", {"admin-review-closure-rate", "2024"}, 3, 5}, "/x/", &md, &err));
  CHECK(md == "[80.16%](/x/ \"行政复议办结率,2024年\")");
  set.defs[4].title = "行政\"处罚\"";  // a quote in the title stays inside the link title
  REQUIRE(ExpandValueShortcode(set, {"value", {"penalties", "2024"}, 3, 5}, "/p/", &md, &err));
  CHECK(md == "[573件](/p/ \"行政\\\"处罚\\\",2024年\")");
}

TEST_CASE("indicators_prose: a missing indicator or year is an error at the shortcode") {
  IndicatorSet set = Set();
  ShortcodeHandlers handlers;
  handlers["value"] =
      ValueShortcodeHandler(set, [](std::string_view id) { return "/indicators/" + std::string(id) + "/"; });
  SourceFile f{"content/reports/2024.md",
               "---\ntitle: t\n---\n办理{{< value admin-review-cases 2024 >}}，"
               "{{< value admin-review-case 2024 >}}；\n"
               "上年{{< value admin-review-cases 2023 >}}，{{< value penalties >}}\n"};
  Diagnostics diags;
  std::string out = ExpandShortcodes(f, f.text.substr(17), 4, handlers, &diags);
  CHECK(out.substr(0, 80).find("办理[368件](/indicators/admin-review-cases/ \"行政复议收案数,2024年\")") ==
        0);
  CHECK(diags.Format() ==
        "content/reports/2024.md:4:41: 没有“admin-review-case”这个指标，是不是要写“admin-review-cases”？\n"
        "  办理{{< value admin-review-cases 2024 >}}，{{< value admin-review-case 2024 >}}；\n"
        "                                             ^\n"
        "content/reports/2024.md:5:3: 指标“admin-review-cases”没有 2023 年的数值（已有：2024）\n"
        "  上年{{< value admin-review-cases 2023 >}}，{{< value penalties >}}\n"
        "      ^\n"
        "content/reports/2024.md:5:41: value 短代码要写指标编号和年份：{{< value 指标编号 年份 >}}\n"
        "  上年{{< value admin-review-cases 2023 >}}，{{< value penalties >}}\n"
        "                                             ^\n");
}

TEST_CASE("indicators_prose: prose that contradicts the data is a warning at the figure") {
  IndicatorSet set = Set();
  SourceFile f{"content/reports/2024.md",
               "---\ntitle: t\n---\n"
               "办理行政复议案件370件，同比增长120%，办结率80.16%；\n"
               "共有4名区委常委、42名区直部门主要负责同志进行专题述法。\n"
               "办理行政处罚573件、行政检查564件、行政强制0件。提供法律咨询4000多次。\n"
               "代码 `行政处罚1件` 与 {{< value penalties 2024 >}} 不检查。\n"};
  Diagnostics diags;
  int n = CheckProseNumbers(f, f.text.substr(17), 4, 2024, set, &diags);
  CHECK(n == 2);
  CHECK(diags.Format() ==
        "content/reports/2024.md:4:9: 警告：正文写的是 370件（行政复议收案数），但数据是 368件（2024年，"
        "data/indicators/2024.csv:2）\n"
        "  办理行政复议案件370件，同比增长120%，办结率80.16%；\n"
        "                  ^\n"
        "content/reports/2024.md:6:16: 警告：正文写的是 564件（行政检查），但数据是 546件（2024年，"
        "data/indicators/2024.csv:4）\n"
        "  办理行政处罚573件、行政检查564件、行政强制0件。提供法律咨询4000多次。\n"
        "                             ^\n");
  CHECK_FALSE(diags.has_errors());
}

}  // namespace fazhi

namespace fazhi {

TEST_CASE("indicators_prose: a figure is paired with a name only within its clause") {
  IndicatorSet set = Set();
  auto warnings = [&](const std::string& prose) {
    SourceFile f{"content/reports/2024.md", "---\ntitle: t\n---\n" + prose + "\n"};
    Diagnostics diags;
    return CheckProseNumbers(f, f.text.substr(17), 4, 2024, set, &diags);
  };
  CHECK(warnings("办理行政检查564件。") == 1);
  CHECK(warnings("办理行政检查 564件。") == 1);
  // Each clause mark ends the name's clause before the figure.
  for (const std::string mark : {"。", "；", "，", "！", "？", "：", ";", ",", "!", "?", "\n"}) {
    CAPTURE(mark);
    CHECK(warnings("办理行政检查" + mark + "564件。") == 0);
  }
  // A thousands separator is not a clause mark: 1,564 is one figure.
  CHECK(warnings("办理行政检查1,564件。") == 1);
  // A year without values for the report's year: nothing to contradict.
  SourceFile f{"content/reports/2023.md", "---\ntitle: t\n---\n办理行政检查564件。\n"};
  Diagnostics diags;
  CHECK(CheckProseNumbers(f, f.text.substr(17), 4, 2023, set, &diags) == 0);
}

TEST_CASE("indicators_prose: a site's reports are checked on several threads, warnings in page order") {
  IndicatorSet set = Set();
  std::map<std::string, std::string> files;
  std::vector<Page> pages;
  for (int i = 0; i < 40; ++i) {
    char name[64];
    snprintf(name, sizeof name, "content/reports/u%02d.md", i);
    // Every third report states a figure that differs from the data.
    files[name] = std::string("---\ntitle: t\n---\n办理行政检查") + (i % 3 == 0 ? "564" : "546") + "件。\n";
    Page p;
    p.source_path = name;
    p.kind = i == 7 ? "page" : "report";  // not a report: not checked
    p.report.year = i == 10 ? 0 : 2024;   // no year: not checked
    pages.push_back(p);
  }
  pages.push_back(Page{});  // a page whose file is not in the tree
  pages.back().source_path = "content/reports/gone.md";
  pages.back().kind = "report";
  pages.back().report.year = 2024;
  const SourceTree tree = SourceTree::FromFiles(files);
  for (Page& p : pages) {
    if (const SourceFile* f = tree.Find(p.source_path)) {
      p.body = std::string_view(f->text).substr(17);
      p.body_first_line = 4;
    }
  }
  std::string expected;
  for (int i = 0; i < 40; i += 3) {
    if (i == 7 || i == 10) continue;
    char name[64];
    snprintf(name, sizeof name, "content/reports/u%02d.md", i);
    expected +=
        std::string(name) +
        ":4:7: 警告：正文写的是 564件（行政检查），但数据是 546件（2024年，data/indicators/2024.csv:4）\n"
        "  办理行政检查564件。\n"
        "              ^\n";
  }
  for (int jobs : {1, 2, 4}) {
    CAPTURE(jobs);
    Diagnostics diags(SIZE_MAX);
    CheckReportFigures(tree, pages, set, &diags, jobs);
    CHECK(diags.Format() == expected);
  }
}

TEST_CASE("indicators_prose: values the build derives are not checked against report prose") {
  IndicatorSet set = Set();
  SourceFile f{"content/reports/2024.md", "---\ntitle: t\n---\n办理行政检查564件。\n"};
  {
    Diagnostics diags;
    CHECK(CheckProseNumbers(f, f.text.substr(17), 4, 2024, set, &diags) == 1);
  }
  set.defs[2].generated = true;  // 行政检查
  Diagnostics diags;
  CHECK(CheckProseNumbers(f, f.text.substr(17), 4, 2024, set, &diags) == 0);
  CHECK(diags.Format().empty());
}

}  // namespace fazhi

namespace fazhi {

TEST_CASE("indicators_prose: a 累计 or 截至 value cited without the word is a warning at the shortcode") {
  IndicatorSet set = Set();
  for (Observation& o : set.observations) {
    if (o.indicator == "legal-consultations") o.scope = Scope::kCumulative;
    if (o.indicator == "penalties") o.scope = Scope::kPointInTime;
  }
  SourceFile f{
      "content/reports/2024.md",
      "---\ntitle: t\n---\n"
      "累计审查合同，提供法律咨询{{< value legal-consultations 2024 >}}。\n"
      "提供法律咨询{{< value legal-consultations 2024 >}}；办理行政处罚{{< value penalties 2024 >}}。\n"
      "截至目前，办理行政处罚{{< value penalties 2024 >}}，\n行政检查{{< value inspections 2024 >}}。\n"};
  std::string_view body = std::string_view(f.text).substr(f.text.find("累计"));
  Diagnostics diags;
  CHECK(CheckValueScopes(f, body, 4, set, &diags) == 2);
  CHECK(diags.Format() ==
        "content/reports/2024.md:5:7: "
        "警告：“法律咨询”的数值是累计4000多次，但本句没有“累计”：请照原文写明，否则读者会当作当年的数\n"
        "  提供法律咨询{{< value legal-consultations 2024 >}}；办理行政处罚{{< value penalties 2024 >}}。\n"
        "              ^\n"
        "content/reports/2024.md:5:52: "
        "警告：“行政处罚”的数值是截至目前573件，但本句没有“截至”：请照原文写明，否则读者会当作当年的数\n"
        "  提供法律咨询{{< value legal-consultations 2024 >}}；办理行政处罚{{< value penalties 2024 >}}。\n"
        "                                                                  ^\n");
}

}  // namespace fazhi
