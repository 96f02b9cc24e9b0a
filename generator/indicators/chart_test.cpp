#include "indicators/chart.h"

#include "indicators/format.h"

#include <doctest/doctest.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

namespace fazhi {
namespace {

// Parses `svg` with libxml2 and counts the nodes an XPath selects (-1 when
// the SVG is not well-formed XML).
int Count(const std::string& svg, const char* xpath) {
  xmlDocPtr doc = xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "chart.svg", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) return -1;
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  xmlXPathRegisterNs(ctx, BAD_CAST "s", BAD_CAST "http://www.w3.org/2000/svg");
  xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST xpath, ctx);
  int n = r && r->nodesetval ? r->nodesetval->nodeNr : 0;
  xmlXPathFreeObject(r);
  xmlXPathFreeContext(ctx);
  xmlFreeDoc(doc);
  return n;
}

}  // namespace

TEST_CASE("indicators_chart: a single point is one labelled bar that says it is the only year") {
  ChartSpec spec{"trend-cases", "行政复议收案数(按年度)", "2024年 368件。", false};
  std::string svg = TrendChartSvg(spec, {{"2024", 368, "368件", false}});
  CHECK(Count(svg, "/s:svg[@role='img'][@aria-labelledby='trend-cases-title trend-cases-desc']") == 1);
  CHECK(Count(svg, "/s:svg/s:title[@id='trend-cases-title']") == 1);
  CHECK(Count(svg, "/s:svg/s:desc[@id='trend-cases-desc'][.='2024年 368件。']") == 1);
  CHECK(Count(svg, "//s:rect[@class='fz-bar']") == 1);
  CHECK(Count(svg, "//s:text[.='368件']") == 1);
  CHECK(Count(svg, "//s:text[.='仅有2024年数据']") == 1);
  CHECK(Count(svg, "//s:text[.='2024年']") == 1);
  CHECK(svg == TrendChartSvg(spec, {{"2024", 368, "368件", false}}));  // deterministic
}

TEST_CASE("indicators_chart: an indicator draws a trend only from two comparable periods, never a change") {
  IndicatorSet set;
  IndicatorDef cases;
  cases.id = "cases";
  cases.title = "办理行政复议案件";
  cases.unit = "件";
  IndicatorDef yoy = cases;
  yoy.id = "cases-yoy";
  yoy.unit = "%";
  yoy.kind = IndicatorKind::kChange;
  set.defs = {cases, yoy};
  auto obs = [](std::string id, int year, double v, Scope scope) {
    Observation o;
    o.indicator = std::move(id);
    o.year = year;
    o.value = v;
    o.value_text = FormatNumber(v, 0);
    o.unit = "件";
    o.scope = scope;
    return o;
  };
  set.observations = {obs("cases", 2024, 368, Scope::kAnnual)};
  CHECK(IndicatorTrendSvg(set, cases) == "");
  CHECK(IndicatorSparklineSvg(set, cases) == "");
  // A cumulative figure of an earlier year is not a point of the annual trend.
  set.observations = {obs("cases", 2023, 900, Scope::kCumulative), obs("cases", 2024, 368, Scope::kAnnual)};
  CHECK_FALSE(HasTrend(set, cases));
  set.observations = {obs("cases", 2023, 167, Scope::kAnnual), obs("cases", 2024, 368, Scope::kAnnual),
                      obs("cases-yoy", 2023, 10, Scope::kAnnual),
                      obs("cases-yoy", 2024, 120, Scope::kAnnual)};
  CHECK(HasTrend(set, cases));
  CHECK(Count(IndicatorTrendSvg(set, cases), "//s:rect[@class='fz-bar']") == 2);
  CHECK(Count(IndicatorSparklineSvg(set, cases), "/s:svg") == 1);
  CHECK_FALSE(HasTrend(set, yoy));
  CHECK(IndicatorTrendSvg(set, yoy) == "");
}

TEST_CASE("indicators_chart: several years draw bars or a line, derived values hatched") {
  ChartSpec counts{"c", "t", "d", false};
  std::string bars = TrendChartSvg(counts, {{"2023", 167, "167件", true}, {"2024", 368, "368件", false}});
  CHECK(Count(bars, "//s:rect[@class='fz-bar']") == 2);
  CHECK(Count(bars, "//s:rect[@class='fz-bar'][@fill='url(#c-hatch)']") == 1);
  CHECK(Count(bars, "//s:pattern[@id='c-hatch']") == 1);
  CHECK(Count(bars, "//s:text[.='斜线:计算值;实心:原文数值']") == 1);
  CHECK(Count(bars, "//s:text[contains(., '仅有')]") == 0);
  ChartSpec rates{"r", "t", "d", true};
  std::string line = TrendChartSvg(rates, {{"2023", 82.5, "82.5%", false}, {"2024", 80.16, "80.16%", false}});
  CHECK(Count(line, "//s:polyline[@class='fz-line']") == 1);
  CHECK(Count(line, "//s:circle[@class='fz-point']") == 2);
  CHECK(Count(line, "//s:text[.='100%']") == 1);
}

TEST_CASE("indicators_chart: gauge, breakdown and sparkline are well-formed and labelled") {
  ChartSpec g{"g", "办结率", "2024年 80.16%", true};
  std::string gauge = RateGaugeSvg(g, {"2024", 80.16, "80.16%", false}, 100.0);
  CHECK(Count(gauge, "//s:text[.='2024年 80.16%']") == 1);
  CHECK(Count(gauge, "//s:line[@class='fz-target']") == 1);
  CHECK(Count(gauge, "//s:text[.='目标 100%']") == 1);
  CHECK(gauge.find("width=\"371.9\"") != std::string::npos);  // 80.16% of 464

  ChartSpec b{"b", "按镇街", "d", false};
  std::string br = BreakdownChartSvg(b, {{"太平镇", 20, "20件", false}, {"<江埔>", 10, "10件", false}});
  CHECK(Count(br, "//s:rect[@class='fz-bar']") == 2);
  CHECK(Count(br, "//s:text[.='<江埔>']") == 1);  // escaped, still well-formed

  ChartSpec s{"s", "趋势", "d", false};
  std::string one = SparklineSvg(s, {{"2024", 368, "368件", false}});
  CHECK(Count(one, "//s:circle") == 1);
  CHECK(Count(one, "//s:text[.='仅2024年']") == 1);
  std::string two = SparklineSvg(s, {{"2023", 1, "1件", false}, {"2024", 2, "2件", false}});
  CHECK(Count(two, "//s:polyline[@points='4.0,16.0 116.0,4.0']") == 1);
}

}  // namespace fazhi
