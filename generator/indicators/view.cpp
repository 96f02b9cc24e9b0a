#include "indicators/view.h"

#include <algorithm>
#include <climits>
#include <functional>
#include <map>
#include <memory>
#include <set>

#include "core/messages.h"
#include "core/parallel.h"
#include "indicators/chart.h"
#include "indicators/format.h"
#include "indicators/open_data.h"
#include "theme/render.h"
#include "theme/template_view.h"

namespace fazhi {
namespace {

void SetOptionalNote(View* v, const std::string& note) {
  v->set("note", note);
  v->set("has_note", Flag(!note.empty()));
}

const char* DirectionLabel(Direction d) {
  switch (d) {
    case Direction::kUp:
      return "数值越高越好";
    case Direction::kDown:
      return "数值越低越好";
    case Direction::kNeutral:
      return "不以高低评价好坏";
    case Direction::kTarget:
      return "以达到目标值为好";
  }
  return "";
}

const char* KindLabel(IndicatorKind k) {
  switch (k) {
    case IndicatorKind::kCount:
      return "计数";
    case IndicatorKind::kRate:
      return "比率";
    case IndicatorKind::kAmount:
      return "数量";
    case IndicatorKind::kBoolean:
      return "是/否";
    case IndicatorKind::kChange:
      return "同比变化";
  }
  return "";
}

struct Ctx {
  const Site& site;
  const IndicatorSet& set;
  Urls urls;
  /// Indicator id → pages (reports, 述法 profiles, …) whose text links to it.
  std::map<std::string, std::vector<const Page*>, std::less<>> cited_by;
  const Page* Def(const IndicatorDef& d) const {
    for (const Page& p : site.pages) {
      if (p.source_path == d.path) return &p;
    }
    return nullptr;
  }
  const Page* PageOf(std::string_view source_path) const {
    for (const Page& p : site.pages) {
      if (p.source_path == source_path) return &p;
    }
    return nullptr;
  }
};

std::string IndicatorUrl(std::string_view id) { return "/indicators/" + std::string(id) + "/"; }

// Finds the pages that cite an indicator: the `value` shortcode (or a
// hand-written link) leaves a link to /indicators/<id>/ in their body, which
// the page bodies stage recorded in Page::cites.
void CollectCitations(Ctx* ctx) {
  for (const Page& p : ctx->site.pages) {
    for (const std::string& id : p.cites) {
      if (ctx->set.Find(id)) ctx->cited_by[id].push_back(&p);
    }
  }
}
std::string CategoryUrl(std::string_view slug) { return "/indicators/categories/" + std::string(slug) + "/"; }
std::string YearUrl(int year) { return "/indicators/" + std::to_string(year) + "/"; }

View ChangeView(const Change& c) {
  View v;
  v.set("has", Flag(c.cls != ChangeClass::kNone));
  v.set("text", c.text);
  v.set("basis", c.basis);
  v.set("has_basis", Flag(!c.basis.empty()));
  v.set("arrow", c.arrow);
  v.set("verdict", c.verdict);
  v.set("css", c.css);
  return v;
}

// Where a source points: a URL as is, or the site URL (without base
// prefix) of a report section, with the section's name in `label`. "" when
// the page is unknown.
std::string SourceTarget(const Ctx& ctx, const std::string& source, std::string* label) {
  if (source.rfind("http", 0) == 0) {
    *label = "原文链接";
    return source;
  }
  size_t hash = source.find('#');
  std::string anchor = hash == std::string::npos ? "" : source.substr(hash + 1);
  const Page* p = ctx.PageOf("content/" + source.substr(0, hash));
  if (!p) return "";
  *label = p->title;
  for (const TocEntry& t : p->toc) {
    if (t.id == anchor) *label += " › " + t.text;
  }
  return p->url + (anchor.empty() ? "" : "#" + anchor);
}

// A source for the downloads: the document's title and published address,
// the section, and the section's page on this site (absolute when the base
// URL names a host, so the file stands alone).
SourceRef ResolveSource(const Ctx& ctx, std::string_view source) {
  SourceRef r;
  if (source.rfind("http", 0) == 0) {
    r.url = std::string(source);
    return r;
  }
  size_t hash = source.find('#');
  std::string anchor = hash == std::string_view::npos ? "" : std::string(source.substr(hash + 1));
  const Page* p = ctx.PageOf("content/" + std::string(source.substr(0, hash)));
  if (!p) return r;
  r.title = p->title;
  for (const TocEntry& t : p->toc) {
    if (t.id == anchor) r.section = t.text;
  }
  r.page_url = ctx.urls.Abs(p->url + (anchor.empty() ? "" : "#" + anchor));
  r.url = p->report.original_url.empty() ? r.page_url : p->report.original_url;
  return r;
}

// The source of an observation as a link: a report section or a URL.
void SourceLink(const Ctx& ctx, const Observation& o, View* v) {
  std::string label, target = o.source.empty() ? "" : SourceTarget(ctx, o.source, &label);
  v->set("has_source", Flag(!target.empty()));
  v->set("source_url", ctx.urls.Rel(target));
  v->set("source_label", label);
}

// What the source leaves open about a value's period, and its sentence.
void ScopeFields(const Observation& o, View* v) {
  std::string note = ScopeNote(o);
  v->set("scope_note", note);
  v->set("has_scope_note", Flag(!note.empty()));
  v->set("quote", o.quote);
  v->set("has_quote", Flag(!o.quote.empty()));
}

// The headline of a card and of an indicator page: the latest value as the
// source states it, its year and basis, and the change judged by direction.
void LatestValue(const Ctx& ctx, const IndicatorDef& d, const Observation& o, View* v) {
  v->set("value", FormatStated(o, d.kind));
  v->set("year", std::to_string(o.year));
  v->set("period", PeriodLabel(o));
  ScopeFields(o, v);
  v->set("is_change", Flag(d.kind == IndicatorKind::kChange));
  v->set("basis", BasisText(o.basis));
  v->set("is_computed", Flag(o.basis == Basis::kComputed));
  v->set("change", ChangeView(ChangeFor(ctx.set, d, o.year)));
}

View Card(const Ctx& ctx, const IndicatorDef& d) {
  View c;
  c.set("id", d.id);
  c.set("title", d.title);
  c.set("url", ctx.urls.Rel(IndicatorUrl(d.id)));
  auto series = ctx.set.Series(d.id);
  c.set("has_value", Flag(!series.empty()));
  if (!series.empty()) LatestValue(ctx, d, *series.back(), &c);
  std::string spark = IndicatorSparklineSvg(ctx.set, d);
  c.set("has_spark", Flag(!spark.empty()));
  c.set("spark", spark);
  return c;
}

View CategoryNav(const Ctx& ctx, std::string_view current) {
  View nav{View::type::list};
  for (const IndicatorCategory& cat : ctx.set.categories) {
    size_t n = ctx.set.InCategory(cat.slug).size();
    if (n == 0) continue;  // no empty columns (空白栏目)
    View item;
    item.set("name", cat.name);
    item.set("url", ctx.urls.Rel(CategoryUrl(cat.slug)));
    item.set("count", std::to_string(n));
    item.set("current", Flag(cat.slug == current));
    nav.push_back(item);
  }
  return nav;
}

View YearNav(const Ctx& ctx, int current) {
  View nav{View::type::list};
  for (int y : ctx.set.Years()) {
    View item;
    item.set("year", std::to_string(y));
    item.set("url", ctx.urls.Rel(YearUrl(y)));
    item.set("current", Flag(y == current));
    nav.push_back(item);
  }
  return nav;
}

View Downloads(const Ctx& ctx) {
  View d;
  d.set("csv", ctx.urls.Rel("/data/indicators.csv"));
  d.set("json", ctx.urls.Rel("/data/indicators.json"));
  d.set("package", ctx.urls.Rel("/data/datapackage.json"));
  return d;
}

// Dashboard and category pages share one layout: groups of cards.
View Dashboard(const Ctx& ctx, const Page* index, std::string_view only_category) {
  View ind;
  ind.set("is_dashboard", Flag(only_category.empty()));
  ind.set("is_category", Flag(!only_category.empty()));
  ind.set("is_year", Flag(false));
  std::string intro = index && only_category.empty() ? index->html : "";
  ind.set("has_intro", Flag(!intro.empty()));  // kainjow treats "" as true
  ind.set("intro", intro);
  View groups{View::type::list};
  size_t total = 0;
  for (const IndicatorCategory& cat : ctx.set.categories) {
    if (!only_category.empty() && cat.slug != only_category) continue;
    auto defs = ctx.set.InCategory(cat.slug);
    if (defs.empty()) continue;
    View g;
    g.set("slug", cat.slug);
    g.set("name", cat.name);
    g.set("url", ctx.urls.Rel(CategoryUrl(cat.slug)));
    g.set("count", std::to_string(defs.size()));
    View cards{View::type::list};
    for (const IndicatorDef* d : defs) cards.push_back(Card(ctx, *d));
    g.set("cards", cards);
    groups.push_back(g);
    total += defs.size();
  }
  ind.set("groups", groups);
  ind.set("count", std::to_string(total));
  // Said once for the page, not "no prior year" on every card.
  std::vector<int> years = ctx.set.Years();
  ind.set("single_year", Flag(years.size() == 1));
  ind.set("only_year", years.size() == 1 ? std::to_string(years[0]) : "");
  ind.set("categories", CategoryNav(ctx, only_category));
  ind.set("all_url", ctx.urls.Rel("/indicators/"));
  ind.set("years", YearNav(ctx, 0));
  ind.set("downloads", Downloads(ctx));
  return ind;
}

View YearPage(const Ctx& ctx, int year) {
  View ind;
  ind.set("is_dashboard", Flag(false));
  ind.set("is_category", Flag(false));
  ind.set("is_year", Flag(true));
  ind.set("year", std::to_string(year));
  View groups{View::type::list};
  for (const IndicatorCategory& cat : ctx.set.categories) {
    View rows{View::type::list};
    for (const IndicatorDef* d : ctx.set.InCategory(cat.slug)) {
      const Observation* o = ctx.set.Get(d->id, year);
      if (!o) continue;
      View r;
      r.set("title", d->title);
      r.set("url", ctx.urls.Rel(IndicatorUrl(d->id)));
      r.set("value", FormatStated(*o, d->kind));
      ScopeFields(*o, &r);
      r.set("basis", BasisText(o->basis));
      r.set("change", ChangeView(ChangeFor(ctx.set, *d, year)));
      SourceLink(ctx, *o, &r);
      rows.push_back(r);
    }
    if (rows.is_empty_list()) continue;
    View g;
    g.set("name", cat.name);
    g.set("url", ctx.urls.Rel(CategoryUrl(cat.slug)));
    g.set("rows", rows);
    groups.push_back(g);
  }
  ind.set("year_groups", groups);
  ind.set("categories", CategoryNav(ctx, ""));
  ind.set("all_url", ctx.urls.Rel("/indicators/"));
  ind.set("years", YearNav(ctx, year));
  ind.set("downloads", Downloads(ctx));
  return ind;
}

// A change between two comparable values of one unit, marked 计算: percent
// for levels, percentage points for rates. "" when `prev` is 0. A value
// stated with 多, 余, 以上 … makes the change 约 (as ChangeFor does).
std::string UnitChange(const IndicatorDef& d, const Observation& prev, const Observation& cur) {
  const std::string about =
      prev.qualifier != Qualifier::kExact || cur.qualifier != Qualifier::kExact ? "约" : "";
  if (d.unit == "%" || d.kind == IndicatorKind::kRate) {
    double pts = cur.value - prev.value;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", pts < 0 ? -pts : pts);
    return "较" + PeriodLabel(prev) + about +
           (pts > 0   ? "提高"
            : pts < 0 ? "降低"
                      : "持平") +
           (pts == 0 ? "" : std::string(buf) + "个百分点") + "（计算）";
  }
  if (prev.value == 0) return "";
  double pct = (cur.value - prev.value) / prev.value * 100.0;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f%%", pct < 0 ? -pct : pct);
  return "较" + PeriodLabel(prev) + about +
         (pct > 0   ? "增长"
          : pct < 0 ? "下降"
                    : "持平") +
         (pct == 0 ? "" : std::string(buf)) + "（计算）";
}

// Units whose years an indicator page draws a chart each for; past this
// many, one table of units by year (UnitYearTable).
constexpr size_t kUnitChartsUpTo = 12;

// Whether the indicator's values are levels a trend and a change apply to
// (not a change itself, not a yes/no).
bool IsLevel(const IndicatorDef& d) {
  return d.kind != IndicatorKind::kChange && d.kind != IndicatorKind::kBoolean;
}

// What a unit's trend draws and its change compares: its periods comparable
// with its last one (`all` oldest first), when there are two or more and the
// values are levels; else none.
std::vector<const Observation*> TrendPeriods(const IndicatorDef& d,
                                             const std::vector<const Observation*>& all) {
  std::vector<const Observation*> periods;
  if (all.empty() || !IsLevel(d)) return periods;
  for (const Observation* o : all) {
    if (o->ComparableWith(*all.back())) periods.push_back(o);
  }
  if (periods.size() < 2) periods.clear();
  return periods;
}

// The change between a unit's last two trend periods, as UnitChange words
// it; "" when it has none.
std::string LastUnitChange(const IndicatorDef& d, const std::vector<const Observation*>& periods) {
  return periods.empty() ? "" : UnitChange(d, *periods[periods.size() - 2], *periods.back());
}

// Each unit's values (by_reporter: by slug, each by year) as one table: a
// row a unit, a column a year, a cell each value as stated (its scope's
// words with it; 计算 marked), then the change between its last two
// comparable periods.
void UnitYearTable(const Ctx& ctx, const IndicatorDef& d,
                   const std::map<std::string, std::vector<const Observation*>>& by_reporter,
                   const std::function<std::string(const std::string&)>& name_of, View* u) {
  std::set<int> years;
  for (const auto& [slug, all] : by_reporter) {
    for (const Observation* o : all) years.insert(o->year);
  }
  View heads{View::type::list};
  for (int y : years) heads.push_back(View("label", std::to_string(y) + "年度"));
  u->set("table_years", heads);
  u->set("has_changes", Flag(IsLevel(d)));
  // In the registry's order (data/units.csv: the district's own), units it
  // lacks after them by slug.
  std::vector<std::pair<int, const std::string*>> order;
  for (const auto& [slug, all] : by_reporter) {
    const Unit* unit = ctx.set.units ? ctx.set.units->BySlug(slug) : nullptr;
    if (!all.empty()) order.emplace_back(unit ? unit->line : INT_MAX, &slug);
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  View rows{View::type::list};
  for (const auto& [line, slug_of] : order) {
    const std::string& slug = *slug_of;
    const std::vector<const Observation*>& all = by_reporter.at(slug);
    View r;
    r.set("name", name_of(slug));
    r.set("url", ctx.urls.Rel("/units/" + slug + "/"));
    View cells{View::type::list};
    size_t k = 0;
    for (int y : years) {
      std::string text;
      for (; k < all.size() && all[k]->year == y; ++k) {
        if (!text.empty()) text += "；";
        text += FormatStated(*all[k], d.kind);
        if (all[k]->basis == Basis::kComputed) text += "（计算）";
      }
      View c;
      c.set("label", std::to_string(y) + "年度");
      c.set("text", text.empty() ? "—" : text);
      cells.push_back(c);
    }
    r.set("cells", cells);
    const std::string change = LastUnitChange(d, TrendPeriods(d, all));
    r.set("change", change.empty() ? "—" : change);
    rows.push_back(r);
  }
  u->set("table_rows", rows);
}

// Values stated by the district's reporting units (the reporting_unit
// column): the newest year compared across units — a sorted bar chart of
// the values comparable with the largest, every value in the table — and
// each unit's years, with a line only from two comparable periods.
void UnitComparison(const Ctx& ctx, const IndicatorDef& d, View* v) {
  // Each unit's values, by unit slug, in one pass: asking the set per unit
  // scanned every value once per unit (quadratic in a province-sized site).
  std::map<std::string, std::vector<const Observation*>> by_reporter;
  for (const Observation& o : ctx.set.observations) {
    if (o.indicator != d.id || o.reporter.empty()) continue;
    std::vector<const Observation*>& values = by_reporter[o.reporter];
    if (o.breakdown.empty()) values.push_back(&o);
  }
  v->set("has_units", Flag(!by_reporter.empty()));
  if (by_reporter.empty()) return;
  auto name_of = [&](const std::string& slug) {
    const Unit* u = ctx.set.units ? ctx.set.units->BySlug(slug) : nullptr;
    return u ? u->name : slug;
  };
  const bool level = IsLevel(d);
  int year = 0;
  for (const Observation& o : ctx.set.observations) {
    if (o.indicator == d.id && !o.reporter.empty() && o.breakdown.empty()) year = std::max(year, o.year);
  }
  std::vector<const Observation*> values = ctx.set.ByUnit(d.id, year);
  View u;
  u.set("year", std::to_string(year));
  View rows{View::type::list};
  std::vector<ChartPoint> points;
  bool left_out = false;
  for (const Observation* o : values) {
    View r;
    r.set("name", name_of(o->reporter));
    r.set("url", ctx.urls.Rel("/units/" + o->reporter + "/"));
    r.set("value", FormatStated(*o, d.kind));
    r.set("basis", BasisText(o->basis));
    SourceLink(ctx, *o, &r);
    rows.push_back(r);
    if (level && o->ComparableWith(*values.front())) {
      points.push_back(
          {name_of(o->reporter), o->value, FormatStated(*o, d.kind), o->basis == Basis::kComputed});
    } else {
      left_out = true;
    }
  }
  u.set("rows", rows);
  std::string chart;
  if (points.size() >= 2) {
    ChartSpec spec;
    spec.id = "units-" + d.id;
    spec.title = d.title + "（" + std::to_string(year) + "年度报告，各单位）";
    for (const ChartPoint& p : points)
      spec.desc += (spec.desc.empty() ? "" : "；") + p.label + " " + p.value_label;
    spec.percent = d.kind == IndicatorKind::kRate;
    chart = BreakdownChartSvg(spec, points);
  }
  u.set("chart", chart);
  u.set("has_chart", Flag(!chart.empty()));
  u.set("left_out", Flag(left_out && !chart.empty()));

  for (auto& [slug, all] : by_reporter) {
    std::stable_sort(all.begin(), all.end(),
                     [](const Observation* a, const Observation* b) { return a->year < b->year; });
  }
  // Past kUnitChartsUpTo units, each unit's years are a row of one table
  // instead of a chart and a table each: a district's 60 units made the page
  // 196,993 bytes, 165,709 of them these (a city's 1,200 units, 3.8 MB), and
  // a table of units by year is what a reader compares them in.
  u.set("many_units", Flag(by_reporter.size() > kUnitChartsUpTo));
  if (by_reporter.size() > kUnitChartsUpTo) {
    UnitYearTable(ctx, d, by_reporter, name_of, &u);
    v->set("units", u);
    return;
  }
  View series{View::type::list};
  for (auto& [slug, all] : by_reporter) {
    if (all.empty()) continue;
    View s;
    s.set("name", name_of(slug));
    s.set("url", ctx.urls.Rel("/units/" + slug + "/"));
    View srows{View::type::list};
    for (const Observation* o : all) {
      View r;
      r.set("period", PeriodLabel(*o));
      r.set("value", FormatStated(*o, d.kind));
      r.set("basis", BasisText(o->basis));
      srows.push_back(r);
    }
    s.set("rows", srows);
    const UnitTrend trend = UnitTrendOf(d, slug, name_of(slug), all);
    s.set("trend", trend.chart);
    s.set("has_trend", Flag(!trend.chart.empty()));
    s.set("change", trend.change);
    s.set("has_change", Flag(!trend.change.empty()));
    series.push_back(s);
  }
  u.set("series", series);
  v->set("units", u);
}

View IndicatorPage(const Ctx& ctx, const IndicatorDef& d) {
  const Page* page = ctx.Def(d);
  const IndicatorCategory* cat = ctx.set.Category(d.category);
  View v;
  v.set("id", d.id);
  v.set("title", d.title);
  v.set("category", cat ? cat->name : d.category);
  v.set("category_url", ctx.urls.Rel(CategoryUrl(d.category)));
  v.set("unit", d.unit);
  v.set("kind", KindLabel(d.kind));
  v.set("direction", DirectionLabel(d.direction));
  v.set("has_target", Flag(d.has_target));
  v.set("target", d.target_text + (d.unit == "%" ? "%" : d.unit));
  v.set("method", d.method);
  v.set("has_method", Flag(!d.method.empty()));
  v.set("numerator", d.numerator);
  v.set("denominator", d.denominator);
  v.set("has_fraction", Flag(!d.numerator.empty() || !d.denominator.empty()));
  v.set("responsible", d.responsible);
  v.set("has_responsible", Flag(!d.responsible.empty()));
  v.set("content", page ? page->html : "");
  v.set("has_content", Flag(page && !page->html.empty()));
  const std::string& date = page ? page->date : d.date;
  std::string updated = page ? (page->updated.empty() ? page->date : page->updated) : d.date;
  v.set("updated", updated);
  v.set("updated_cn", ChineseDate(updated));
  v.set("has_updated", Flag(!updated.empty()));
  // 发布日期 and 信息来源, shown on every item (item_meta partial).
  v.set("date", date);
  v.set("date_cn", ChineseDate(date));
  v.set("source", page ? page->source : d.source);

  auto series = ctx.set.Series(d.id);
  v.set("has_value", Flag(!series.empty()));
  View rows{View::type::list}, notes{View::type::list};
  for (const Observation* o : series) {
    View r;
    r.set("year", std::to_string(o->year));
    r.set("period", PeriodLabel(*o));
    r.set("year_url", ctx.urls.Rel(YearUrl(o->year)));
    r.set("value", FormatStated(*o, d.kind));
    ScopeFields(*o, &r);
    r.set("basis", BasisText(o->basis));
    r.set("is_computed", Flag(o->basis == Basis::kComputed));
    r.set("formula", o->formula);
    r.set("has_formula", Flag(!o->formula.empty()));
    r.set("note", o->note);
    SourceLink(ctx, *o, &r);
    rows.push_back(r);
    if (!o->note.empty()) {
      View n;
      n.set("year", std::to_string(o->year));
      n.set("text", o->note);
      notes.push_back(n);
    }
  }
  v.set("rows", rows);
  v.set("notes", notes);
  v.set("has_notes", Flag(!notes.is_empty_list()));
  if (!series.empty()) {
    const Observation& last = *series.back();
    LatestValue(ctx, d, last, &v);
    std::string gauge = IndicatorGaugeSvg(ctx.set, d, last.year);
    v.set("has_gauge", Flag(!gauge.empty()));
    v.set("gauge", gauge);
    std::string breakdown = IndicatorBreakdownSvg(ctx.set, d, last.year);
    v.set("breakdown", breakdown);
    View parts{View::type::list};
    for (const Observation* o : ctx.set.Breakdown(d.id, last.year)) {
      View r;
      r.set("name", o->breakdown);
      r.set("value", FormatStated(*o, d.kind));
      r.set("basis", BasisText(o->basis));
      parts.push_back(r);
    }
    v.set("breakdown_rows", parts);
    v.set("has_breakdown", Flag(!breakdown.empty()));
  }
  std::string trend = IndicatorTrendSvg(ctx.set, d);
  v.set("has_trend", Flag(!trend.empty()));
  v.set("trend", trend);
  UnitComparison(ctx, d, &v);

  View related{View::type::list};
  std::vector<const IndicatorDef*> rel;
  for (const std::string& id : d.related) {
    if (const IndicatorDef* r = ctx.set.Find(id)) rel.push_back(r);
  }
  for (const IndicatorDef* r : ctx.set.InCategory(d.category)) {
    if (r->id != d.id && std::find(rel.begin(), rel.end(), r) == rel.end()) rel.push_back(r);
  }
  if (const IndicatorDef* g = ctx.set.ChangeIndicatorOf(d.id)) {
    if (std::find(rel.begin(), rel.end(), g) == rel.end()) rel.insert(rel.begin(), g);
  }
  for (const IndicatorDef* r : rel) related.push_back(Card(ctx, *r));
  v.set("related", related);
  v.set("has_related", Flag(!rel.empty()));
  View cited{View::type::list};
  auto it = ctx.cited_by.find(d.id);
  if (it != ctx.cited_by.end()) {
    for (const Page* p : it->second) {
      View c;
      c.set("title", p->title);
      c.set("url", ctx.urls.Rel(p->url));
      cited.push_back(c);
    }
  }
  v.set("has_cited_by", Flag(!cited.is_empty_list()));
  v.set("cited_by", cited);

  View from{View::type::list};
  for (const IndicatorLink& l : d.derived_from) {
    View f;
    f.set("title", l.title);
    f.set("url", ctx.urls.Rel(l.url));
    SetOptionalNote(&f, l.note);
    from.push_back(f);
  }
  v.set("derived_from", from);
  v.set("has_derived_from", Flag(!from.is_empty_list()));

  View dl;
  dl.set("csv", ctx.urls.Rel("/" + IndicatorCsvPath(d.id)));
  dl.set("json", ctx.urls.Rel("/" + IndicatorJsonPath(d.id)));
  v.set("downloads", dl);
  return v;
}

}  // namespace

UnitTrend UnitTrendOf(const IndicatorDef& d, const std::string& slug, const std::string& unit_name,
                      const std::vector<const Observation*>& all) {
  UnitTrend out;
  const std::vector<const Observation*> comparable = TrendPeriods(d, all);
  if (comparable.empty()) return out;
  std::vector<ChartPoint> pts;
  ChartSpec spec;
  spec.id = "unit-" + slug + "-" + d.id;
  spec.title = unit_name + " · " + d.title;
  for (const Observation* o : comparable) {
    pts.push_back(
        {std::to_string(o->year), o->value, FormatStated(*o, d.kind), o->basis == Basis::kComputed});
    spec.desc += (spec.desc.empty() ? "" : "；") + PeriodLabel(*o) + " " + FormatStated(*o, d.kind);
  }
  spec.percent = d.kind == IndicatorKind::kRate;
  out.chart = TrendChartSvg(spec, pts);
  out.change = LastUnitChange(d, comparable);
  return out;
}

bool RenderIndicators(const Site& site, const IndicatorSet& set, const Theme& theme, int jobs,
                      OutputSink* sink, Diagnostics* diags) {
  if (set.defs.empty()) return true;
  size_t before = diags->error_count();
  Ctx ctx{site, set, Urls(site.config.base_url), {}};
  CollectCitations(&ctx);
  const Page* index = ctx.PageOf("content/indicators/_index.md");
  const std::string section_title = index && !index->title.empty() ? index->title : "指标";
  using Crumbs = std::vector<std::pair<std::string, std::string>>;

  // One task per page; views are built inside the task so they build in parallel too.
  struct Task {
    std::string layout, url, title;
    Crumbs crumbs;
    std::function<View()> body;
  };
  std::vector<Task> tasks;
  tasks.push_back({"indicators", "/indicators/", section_title, {{section_title, "/indicators/"}}, [&] {
                     View d = Dashboard(ctx, index, "");
                     d.set("title", section_title);
                     return d;
                   }});
  for (const IndicatorCategory& cat : set.categories) {
    if (set.InCategory(cat.slug).empty()) continue;
    tasks.push_back({"indicators",
                     CategoryUrl(cat.slug),
                     cat.name + " · " + section_title,
                     {{section_title, "/indicators/"}, {cat.name, CategoryUrl(cat.slug)}},
                     [&, slug = cat.slug, name = cat.name] {
                       View d = Dashboard(ctx, index, slug);
                       d.set("title", name);
                       return d;
                     }});
  }
  for (int year : set.Years()) {
    std::string title = std::to_string(year) + "年度指标";
    tasks.push_back({"indicators",
                     YearUrl(year),
                     title,
                     {{section_title, "/indicators/"}, {title, YearUrl(year)}},
                     [&, year, title] {
                       View d = YearPage(ctx, year);
                       d.set("title", title);
                       return d;
                     }});
  }
  for (const IndicatorDef& d : set.defs) {
    const IndicatorCategory* cat = set.Category(d.category);
    std::string cat_name = cat ? cat->name : d.category;
    tasks.push_back({"indicator",
                     IndicatorUrl(d.id),
                     d.title,
                     {{section_title, "/indicators/"},
                      {cat_name, CategoryUrl(d.category)},
                      {d.title, IndicatorUrl(d.id)}},
                     [&ctx, &d] { return IndicatorPage(ctx, d); }});
  }

  // Each worker owns a LayoutRenderer (kainjow templates are not thread-safe).
  const View chrome = ChromeView(site, theme, ctx.urls);
  std::vector<std::unique_ptr<LayoutRenderer>> renderers;
  for (size_t w = 0; w < ThreadCount(tasks.size(), jobs); ++w) {
    renderers.push_back(std::make_unique<LayoutRenderer>(theme, &chrome));
  }
  ParallelForBatches(tasks.size(), jobs, sink, [&](size_t worker, size_t i, OutputSink* out) {
    const Task& t = tasks[i];
    View v = BaseView(site, ctx.urls, t.url, t.title);
    SetBreadcrumbs(&v, ctx.urls, t.crumbs);
    v.set(t.layout == "indicator" ? "indicator" : "indicators", t.body());
    View page;
    page.set("title", t.title);
    v.set("page", page);
    RenderToSink(renderers[worker].get(), theme, t.layout, v, t.url.substr(1) + "index.html", out, diags);
  });

  OpenDataMeta meta{site.config.title, site.config.sponsor, ctx.urls.prefix(), site.config.as_of,
                    [&ctx](std::string_view source) { return ResolveSource(ctx, source); }};
  for (auto& [path, bytes] : OpenDataFiles(set, meta)) {
    if (!sink->Put(path, std::move(bytes))) return false;  // a failing sink reports why
  }
  return diags->error_count() == before;
}

SitemapGroup IndicatorsSitemapGroup(const Site& site, const IndicatorSet& set) {
  SitemapGroup g;
  if (set.defs.empty()) return g;
  const Page* index = nullptr;
  for (const Page& p : site.pages) {
    if (p.source_path == "content/indicators/_index.md") index = &p;
  }
  g.title = index && !index->title.empty() ? index->title : "指标";
  g.url = "/indicators/";
  g.note = "共 " + std::to_string(set.defs.size()) + " 项指标";
  for (const IndicatorCategory& cat : set.categories) {
    const size_t n = set.InCategory(cat.slug).size();
    if (n > 0) g.items.push_back({cat.name, CategoryUrl(cat.slug), "（" + std::to_string(n) + "项）"});
  }
  for (int year : set.Years()) {
    size_t n = 0;
    for (const Observation& o : set.observations) n += o.year == year ? 1 : 0;
    g.items.push_back(
        {std::to_string(year) + "年度指标", YearUrl(year), "（" + std::to_string(n) + "条数据）"});
  }
  return g;
}

}  // namespace fazhi
