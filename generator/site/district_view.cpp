#include "site/district_view.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "indicators/format.h"
#include "indicators/view.h"
#include "theme/render.h"
#include "theme/template_view.h"

namespace fazhi {
namespace {

const char kTrackerUrl[] = "/tracker/";
const char kUnitsUrl[] = "/units/";
const char kTrackerTitle[] = "法治政府建设年度报告公开情况";

std::string TrackerYearUrl(int year) { return std::string(kTrackerUrl) + std::to_string(year) + "/"; }
std::string UnitUrl(const std::string& slug) { return std::string(kUnitsUrl) + slug + "/"; }
std::string DownloadPath(int year, const char* ext) {
  return "data/tracker/" + std::to_string(year) + "." + ext;
}
std::string OutputOf(const std::string& url) { return url.substr(1) + "index.html"; }

View Counts(const TrackCount& c) {
  View v;
  v.set("type", c.type.empty() ? "未分类" : c.type);
  v.set("required", std::to_string(c.required));
  v.set("published", std::to_string(c.published));
  v.set("on_time", std::to_string(c.on_time));
  v.set("late", std::to_string(c.late));
  v.set("undated", std::to_string(c.undated));
  v.set("missing", std::to_string(c.missing));
  v.set("pending", std::to_string(c.pending));
  v.set("shufa", std::to_string(c.shufa));
  return v;
}

class Renderer {
 public:
  Renderer(const Site& site, const UnitRegistry& units, const std::vector<Tracker>& trackers,
           const ProfilesData& profiles, const IndicatorSet& indicators, const Theme& theme, OutputSink* sink,
           Diagnostics* diags)
      : site_(site),
        units_(units),
        trackers_(trackers),
        profiles_(profiles),
        indicators_(indicators),
        theme_(theme),
        sink_(sink),
        diags_(diags),
        urls_(site.config.base_url),
        chrome_(ChromeView(site, theme, urls_)),
        layouts_(theme, &chrome_) {
    Index();
  }

  void All() {
    TrackerIndex();
    for (const Tracker& t : trackers_) TrackerPage(t);
    UnitsIndex();
    for (const Unit& u : units_.units()) UnitPage(u);
  }

 private:
  // A unit page needs its tracker rows, profiles and figures. Looking them
  // up by scanning every row, profile, page and value per unit made a
  // province-sized site quadratic (10 districts took 19x the CPU of one);
  // these maps are built once, in the order the scans would have found them.
  void Index() {
    for (auto it = trackers_.rbegin(); it != trackers_.rend(); ++it) {
      for (const TrackRow& r : it->rows) rows_by_unit_[r.unit].push_back({it->year, &r});
    }
    for (const Page& page : site_.pages) pages_by_source_[page.source_path].push_back(&page);
    for (const Profile& p : profiles_.profiles) profiles_by_unit_[p.unit_slug].push_back(&p);
    for (const Observation& o : indicators_.observations) {
      if (o.breakdown.empty() && !o.reporter.empty()) values_by_unit_[o.reporter][o.indicator].push_back(&o);
    }
  }

  template <typename Map>
  static const typename Map::mapped_type& Find(const Map& m, const typename Map::key_type& key) {
    static const typename Map::mapped_type kNone;
    auto it = m.find(key);
    return it == m.end() ? kNone : it->second;
  }

  View Row(const TrackRow& r) const {
    View v;
    v.set("name", r.unit->name);
    v.set("url", urls_.Rel(UnitUrl(r.unit->slug)));
    v.set("type", r.unit->type);
    v.set("sample", Flag(r.unit->sample));
    v.set("state", TrackStateKey(r.state));
    v.set("status", TrackStateText(r.state));
    v.set("published", r.published.empty() ? "" : ChineseDate(r.published));
    v.set("has_published", Flag(!r.published.empty()));
    v.set("has_report", Flag(!r.report_url.empty()));
    v.set("report_url", r.report_url.empty() ? "" : urls_.Rel(r.report_url));
    v.set("report_title", r.report_title);
    v.set("shufa", Flag(r.shufa));
    v.set("required", Flag(r.state != TrackState::kNotRequired));
    return v;
  }

  View TrackerView(const Tracker& t) const {
    View v;
    v.set("year", std::to_string(t.year));
    v.set("url", urls_.Rel(TrackerYearUrl(t.year)));
    v.set("deadline", ChineseDate(t.deadline));
    View rows{View::type::list};
    for (const TrackRow& r : t.rows) rows.push_back(Row(r));
    v.set("rows", rows);
    View types{View::type::list};
    for (const TrackCount& c : t.by_type) types.push_back(Counts(c));
    v.set("by_type", types);
    v.set("total", Counts(t.total));
    v.set("has_samples",
          Flag(std::any_of(t.rows.begin(), t.rows.end(), [](const TrackRow& r) { return r.unit->sample; })));
    v.set("csv_url", urls_.Rel("/" + DownloadPath(t.year, "csv")));
    v.set("json_url", urls_.Rel("/" + DownloadPath(t.year, "json")));
    return v;
  }

  void TrackerIndex() {
    View v = BaseView(site_, urls_, kTrackerUrl, kTrackerTitle);
    SetBreadcrumbs(&v, urls_, {{kTrackerTitle, kTrackerUrl}});
    View t;
    t.set("title", kTrackerTitle);
    t.set("is_index", Flag(true));
    View years{View::type::list};
    for (auto it = trackers_.rbegin(); it != trackers_.rend(); ++it) years.push_back(TrackerView(*it));
    t.set("years", years);
    t.set("has_years", Flag(!trackers_.empty()));
    v.set("tracker", t);
    Put("tracker", v, kTrackerUrl);
  }

  void TrackerPage(const Tracker& tr) {
    std::string url = TrackerYearUrl(tr.year);
    std::string title = std::to_string(tr.year) + "年度" + kTrackerTitle;
    View v = BaseView(site_, urls_, url, title);
    SetBreadcrumbs(&v, urls_, {{kTrackerTitle, kTrackerUrl}, {title, url}});
    View t = TrackerView(tr);
    t.set("title", title);
    t.set("is_index", Flag(false));
    v.set("tracker", t);
    Put("tracker", v, url);
    sink_->Put(DownloadPath(tr.year, "csv"), TrackerCsv(tr, site_.config.base_url));
    sink_->Put(DownloadPath(tr.year, "json"), TrackerJson(tr, site_.config.base_url));
  }

  void UnitsIndex() {
    const char* title = "单位";
    View v = BaseView(site_, urls_, kUnitsUrl, title);
    SetBreadcrumbs(&v, urls_, {{title, kUnitsUrl}});
    View l;
    l.set("title", title);
    // Grouped by type, in registry order.
    std::vector<std::string> types;
    std::map<std::string, View> units;
    for (const Unit& u : units_.units()) {
      if (!units.count(u.type)) {
        types.push_back(u.type);
        units.emplace(u.type, View{View::type::list});
      }
      View x;
      x.set("name", u.name);
      x.set("url", urls_.Rel(UnitUrl(u.slug)));
      x.set("sample", Flag(u.sample));
      units[u.type].push_back(x);
    }
    View groups{View::type::list};
    for (const std::string& t : types) {
      View g;
      g.set("type", t.empty() ? "未分类" : t);
      g.set("units", units[t]);
      groups.push_back(g);
    }
    l.set("groups", groups);
    v.set("units", l);
    Put("units", v, kUnitsUrl);
  }

  void UnitPage(const Unit& u) {
    std::string url = UnitUrl(u.slug);
    View v = BaseView(site_, urls_, url, u.name);
    SetBreadcrumbs(&v, urls_, {{"单位", kUnitsUrl}, {u.name, url}});
    View x;
    x.set("name", u.name);
    x.set("type", u.type);
    x.set("sample", Flag(u.sample));
    std::string shorts;
    for (const std::string& s : u.short_names) shorts += (shorts.empty() ? "" : "、") + s;
    x.set("short_names", shorts);
    x.set("has_short_names", Flag(!shorts.empty()));
    x.set("note", u.note);
    x.set("has_note", Flag(!u.note.empty()));
    std::string span;
    if (u.report_from) span += std::to_string(u.report_from) + "年度起";
    if (u.report_until) span += (span.empty() ? "" : "，") + std::to_string(u.report_until) + "年度止";
    x.set("span", span);
    x.set("has_span", Flag(!span.empty()));

    // The unit's row of every year's tracker, newest first.
    View years{View::type::list};
    for (const auto& [year, r] : Find(rows_by_unit_, &u)) {
      View row = Row(*r);
      row.set("year", std::to_string(year));
      row.set("tracker_url", urls_.Rel(TrackerYearUrl(year)));
      years.push_back(row);
    }
    x.set("years", years);
    x.set("has_years", Flag(!years.is_empty_list()));

    View profiles{View::type::list};
    for (const Profile* p : Find(profiles_by_unit_, u.slug)) {
      for (const Page* page : Find(pages_by_source_, p->source_path)) {
        View pv;
        pv.set("year", std::to_string(p->year));
        pv.set("title", page->title);
        pv.set("url", urls_.Rel(page->url));
        pv.set("form", p->form);
        pv.set("sample", Flag(p->sample));
        profiles.push_back(pv);
      }
    }
    x.set("profiles", profiles);
    x.set("has_profiles", Flag(!profiles.is_empty_list()));

    // The figures its reports state, by indicator, oldest year first, and
    // each indicator's trend where it has two comparable periods (drawn here
    // for every unit; an indicator's page draws them only up to twelve
    // units).
    View figures{View::type::list};
    View trends{View::type::list};
    const auto& by_indicator = Find(values_by_unit_, u.slug);
    for (const IndicatorDef& d : indicators_.defs) {
      if (by_indicator.empty()) break;
      std::vector<const Observation*> series = Find(by_indicator, d.id);
      std::stable_sort(series.begin(), series.end(),
                       [](const Observation* a, const Observation* b) { return a->year < b->year; });
      if (const UnitTrend trend = UnitTrendOf(d, u.slug, u.name, series); !trend.chart.empty()) {
        View t;
        t.set("name", d.title);
        t.set("url", urls_.Rel("/indicators/" + d.id + "/"));
        t.set("chart", trend.chart);
        t.set("change", trend.change);
        t.set("has_change", Flag(!trend.change.empty()));
        trends.push_back(t);
      }
      for (const Observation* o : series) {
        View f;
        f.set("name", d.title);
        f.set("url", urls_.Rel("/indicators/" + d.id + "/"));
        f.set("year", std::to_string(o->year));
        f.set("period", PeriodLabel(*o));
        f.set("value", FormatStated(*o, d.kind));
        f.set("computed", Flag(o->basis == Basis::kComputed));
        figures.push_back(f);
      }
    }
    x.set("figures", figures);
    x.set("has_figures", Flag(!figures.is_empty_list()));
    x.set("trends", trends);
    v.set("unit", x);
    Put("district_unit", v, url);
  }

  void Put(const std::string& layout, const View& v, const std::string& url) {
    RenderToSink(&layouts_, theme_, layout, v, OutputOf(url), sink_, diags_);
  }

  const Site& site_;
  const UnitRegistry& units_;
  const std::vector<Tracker>& trackers_;
  const ProfilesData& profiles_;
  const IndicatorSet& indicators_;
  const Theme& theme_;
  OutputSink* sink_;
  Diagnostics* diags_;
  Urls urls_;
  View chrome_;  // before layouts_, which reads it
  LayoutRenderer layouts_;
  std::unordered_map<const Unit*, std::vector<std::pair<int, const TrackRow*>>> rows_by_unit_;
  std::unordered_map<std::string, std::vector<const Page*>> pages_by_source_;
  std::unordered_map<std::string, std::vector<const Profile*>> profiles_by_unit_;
  std::unordered_map<std::string, std::unordered_map<std::string, std::vector<const Observation*>>>
      values_by_unit_;
};

}  // namespace

const std::vector<std::string>& DistrictLayouts() {
  static const std::vector<std::string> l = {"tracker", "units", "district_unit"};
  return l;
}

std::vector<Tracker> BuildTrackers(const Site& site, const UnitRegistry& units,
                                   const ProfilesData& profiles) {
  std::vector<Tracker> out;
  if (!units.present()) return out;
  std::set<std::pair<std::string, int>> shufa;
  for (const Profile& p : profiles.profiles) shufa.insert({p.unit_slug, p.year});
  for (int year : TrackerYears(site.pages)) {
    out.push_back(BuildTracker(units, year, site.pages, shufa, site.config.as_of));
  }
  return out;
}

bool RenderDistrict(const Site& site, const UnitRegistry& units, const std::vector<Tracker>& trackers,
                    const ProfilesData& profiles, const IndicatorSet& indicators, const Theme& theme,
                    OutputSink* sink, Diagnostics* diags) {
  if (!units.present()) return true;
  size_t before = diags->error_count();
  Renderer(site, units, trackers, profiles, indicators, theme, sink, diags).All();
  return diags->error_count() == before;
}

SitemapGroup DistrictSitemapGroup(const UnitRegistry& units, const std::vector<Tracker>& trackers) {
  SitemapGroup g;
  if (!units.present()) return g;
  g.title = kTrackerTitle;
  g.url = kTrackerUrl;
  for (auto it = trackers.rbegin(); it != trackers.rend(); ++it) {
    g.items.push_back({std::to_string(it->year) + "年度", TrackerYearUrl(it->year),
                       "（应报 " + std::to_string(it->total.required) + "，已公开 " +
                           std::to_string(it->total.published) + "）"});
  }
  g.items.push_back({"单位", kUnitsUrl, "（" + std::to_string(units.units().size()) + "个）"});
  return g;
}

}  // namespace fazhi
