#include "profiles/view.h"

#include <algorithm>
#include <map>
#include <set>

#include "indicators/format.h"
#include "profiles/messages.h"
#include "profiles/rectification_indicators.h"
#include "theme/render.h"
#include "theme/template_view.h"

namespace fazhi {
namespace {

// Sets `key` and `has_<key>`, so templates can show 未公开 for what is absent.
void SetOptional(View* v, const std::string& key, const std::string& value) {
  v->set(key, value);
  v->set("has_" + key, Flag(!value.empty()));
}

std::string YearUrl(int year) { return "/profiles/" + std::to_string(year) + "/"; }
std::string TypeUrl(const std::string& type) { return "/profiles/types/" + type + "/"; }
std::string OutputOf(const std::string& url) { return url.substr(1) + "index.html"; }

const char kIndexUrl[] = "/profiles/";
const char kUnitsUrl[] = "/units/";

std::string StatusClass(const std::string& status) {
  if (status == kStatusDone) return "done";
  if (status == "整改中") return "doing";
  return "todo";
}

// Shared state of one render: the site, the data and the page of each profile.
class Renderer {
 public:
  Renderer(const Site& site, const ProfilesData& data, const IndicatorSet& indicators, const Theme& theme,
           OutputSink* sink, Diagnostics* diags)
      : site_(site),
        data_(data),
        indicators_(indicators),
        theme_(theme),
        sink_(sink),
        diags_(diags),
        urls_(site.config.base_url),
        chrome_(ChromeView(site, theme, urls_)),
        layouts_(theme, &chrome_) {
    for (const Page& p : site.pages) {
      page_by_path_[p.source_path] = &p;
      if (p.source_path == "content/profiles/_index.md") index_ = &p;
    }
    title_ = index_ && !index_->title.empty() ? index_->title : "一把手述法";
  }

  void All(bool unit_pages) {
    Listing(kIndexUrl, title_, 0, "", {{title_, kIndexUrl}});
    for (int y : Years()) {
      std::string t = std::to_string(y) + "年度" + title_;
      Listing(YearUrl(y), t, y, "", {{title_, kIndexUrl}, {t, YearUrl(y)}});
    }
    for (const std::string& type : site_.config.profiles.unit_types) {
      std::string t = type + " · " + title_;
      Listing(TypeUrl(type), t, 0, type, {{title_, kIndexUrl}, {t, TypeUrl(type)}});
    }
    for (const Profile& p : data_.profiles) ProfilePage(p);
    if (!unit_pages) return;
    UnitsIndex();
    for (const auto& [slug, list] : Units()) UnitPage(list);
  }

 private:
  const Page& PageOf(const Profile& p) const { return *page_by_path_.at(p.source_path); }

  std::vector<int> Years() const {
    std::set<int, std::greater<>> years;
    for (const Profile& p : data_.profiles) years.insert(p.year);
    for (const Cohort& c : data_.cohorts) years.insert(c.year);
    return {years.begin(), years.end()};
  }

  // Profiles of each unit slug, newest first (data_.profiles is sorted so).
  std::map<std::string, std::vector<const Profile*>> Units() const {
    std::map<std::string, std::vector<const Profile*>> out;
    for (const Profile& p : data_.profiles) out[p.unit_slug].push_back(&p);
    return out;
  }

  // The indicators `ids` name, each with its latest value, in the given order.
  View Indicators(const std::vector<std::string>& ids) const {
    View list{View::type::list};
    for (const std::string& id : ids) {
      const IndicatorDef* d = indicators_.Find(id);
      if (!d) continue;
      View v;
      v.set("name", d->title);
      v.set("url", urls_.Rel("/indicators/" + d->id + "/"));
      std::vector<const Observation*> series = indicators_.Series(id);
      std::string value = series.empty() ? "" : FormatStated(*series.back(), d->kind);
      SetOptional(&v, "value", value);
      v.set("year", series.empty() ? "" : std::to_string(series.back()->year));
      v.set("period", series.empty() ? "" : PeriodLabel(*series.back()));
      list.push_back(v);
    }
    return list;
  }

  // Totals of the items of `ps`, 示例 profiles left out: their items are
  // shown on their own page only.
  View Summary(const std::vector<Profile>& ps) const {
    return Summary(SummarizeRectification(ps, /*year=*/0, /*include_samples=*/false));
  }

  View Summary(const RectificationSummary& s) const {
    View v;
    v.set("items", std::to_string(s.items));
    v.set("completed", std::to_string(s.completed));
    v.set("in_progress", std::to_string(s.in_progress));
    v.set("not_started", std::to_string(s.not_started));
    v.set("overdue", std::to_string(s.overdue));
    v.set("share", s.ShareCompleted());
    v.set("has_items", Flag(s.items > 0));
    v.set("has_overdue", Flag(s.overdue > 0));
    // The dashboard's rectification indicators (by year).
    View links{View::type::list};
    for (std::string_view id : {kRectificationItemsId, kRectificationShareId, kRectificationOverdueId}) {
      const IndicatorDef* d = indicators_.Find(id);
      if (!d || !d->generated) continue;
      View l;
      l.set("name", d->title);
      l.set("url", urls_.Rel("/indicators/" + d->id + "/"));
      l.set("sep", links.is_empty_list() ? "" : "、");
      links.push_back(l);
    }
    v.set("has_indicators", Flag(s.items > 0 && !links.is_empty_list()));
    v.set("indicators", links);
    return v;
  }

  // "2 份", and the 示例 ones apart: they are not published 述法 and never
  // part of a count.
  static void Counts(int real, int samples, View* v) {
    v->set("count", std::to_string(real));
    v->set("sample_count", std::to_string(samples));
    v->set("has_samples", Flag(samples > 0));
  }

  View Item(const Profile& p) const {
    const Page& page = PageOf(p);
    View v;
    v.set("title", page.title);
    v.set("url", urls_.Rel(page.url));
    v.set("unit", p.unit);
    v.set("unit_url", urls_.Rel(UnitPageUrl(p.unit_slug)));
    v.set("unit_type", p.unit_type);
    v.set("post", p.post);
    v.set("year", std::to_string(p.year));
    SetOptional(&v, "form", p.form);
    SetOptional(&v, "occasion", p.occasion);
    v.set("sample", Flag(p.sample));
    // A 示例 profile's items are figures of its own page only, never of a list.
    RectificationSummary s = p.sample ? RectificationSummary{} : SummarizeRectification({p});
    v.set("rectification", Summary(s));
    return v;
  }

  View Rectification(const RectificationItem& it, const Profile& p) const {
    View v;
    v.set("problem", it.problem);
    SetOptional(&v, "measure", it.measure);
    SetOptional(&v, "owner", it.owner);
    SetOptional(&v, "basis", it.basis);
    SetOptional(&v, "deadline", it.deadline);
    v.set("deadline_cn", ChineseDate(it.deadline));
    SetOptional(&v, "completed", it.completed);
    v.set("completed_cn", ChineseDate(it.completed));
    v.set("completed_unstated", Flag(it.completed_unstated));
    v.set("status", it.status);
    v.set("status_class", StatusClass(it.status));
    v.set("overdue", Flag(it.overdue));
    const Page& page = PageOf(p);
    v.set("profile_title", page.title);
    v.set("profile_url", urls_.Rel(page.url));
    v.set("year", std::to_string(p.year));
    return v;
  }

  View CohortView(const Cohort& c, const std::string& type) const {
    View v;
    v.set("year", std::to_string(c.year));
    v.set("form", c.form);
    SetOptional(&v, "occasion", c.occasion);
    SetOptional(&v, "source", c.source);
    SetOptional(&v, "note", c.note);
    View groups{View::type::list};
    int total = 0;
    for (const CohortGroup& g : c.groups) {
      if (!type.empty() && g.unit_type != type) continue;
      View gv;
      gv.set("name", g.unit_type.empty() ? g.label : g.unit_type);
      gv.set("count", std::to_string(g.count));
      if (!g.unit_type.empty()) gv.set("type_url", urls_.Rel(TypeUrl(g.unit_type)));
      gv.set("has_type_url", Flag(!g.unit_type.empty()));
      std::string indicator_url = g.indicator.empty() ? "" : urls_.Rel("/indicators/" + g.indicator + "/");
      SetOptional(&gv, "indicator_url", indicator_url);
      groups.push_back(gv);
      total += g.count;
    }
    v.set("groups", groups);
    v.set("total", std::to_string(total));
    v.set("is_empty", Flag(total == 0 && !type.empty()));
    return v;
  }

  View Filters(const std::string& current_url) const {
    View f;
    View years{View::type::list};
    for (int y : Years()) {
      View yv;
      yv.set("label", std::to_string(y) + "年");
      yv.set("url", urls_.Rel(YearUrl(y)));
      yv.set("current", Flag(YearUrl(y) == current_url));
      years.push_back(yv);
    }
    View types{View::type::list};
    for (const std::string& t : site_.config.profiles.unit_types) {
      View tv;
      tv.set("label", t);
      tv.set("url", urls_.Rel(TypeUrl(t)));
      tv.set("current", Flag(TypeUrl(t) == current_url));
      types.push_back(tv);
    }
    f.set("years", years);
    f.set("types", types);
    f.set("all_url", urls_.Rel(kIndexUrl));
    f.set("all_current", Flag(current_url == kIndexUrl));
    f.set("units_url", urls_.Rel(kUnitsUrl));
    return f;
  }

  // /profiles/, /profiles/<year>/ and /profiles/types/<type>/: one layout,
  // filtered by year or type (0 / "" for none).
  void Listing(const std::string& url, const std::string& title, int year, const std::string& type,
               const std::vector<std::pair<std::string, std::string>>& crumbs) {
    View v = BaseView(site_, urls_, url, title);
    SetBreadcrumbs(&v, urls_, crumbs);
    if (index_) v.set("page", PageFields(site_, *index_, urls_));
    View l;
    l.set("title", title);
    std::string intro = index_ && year == 0 && type.empty() ? index_->html : "";
    SetOptional(&l, "content", intro);
    l.set("filters", Filters(url));
    std::vector<Profile> shown;
    View years{View::type::list};
    for (int y : Years()) {
      if (year != 0 && y != year) continue;
      View yv;
      yv.set("year", std::to_string(y));
      yv.set("url", urls_.Rel(YearUrl(y)));
      View cohorts{View::type::list};
      for (const Cohort& c : data_.cohorts) {
        if (c.year != y) continue;
        View cv = CohortView(c, type);
        if (!type.empty() && cv.get("groups")->list_value().empty()) continue;
        cohorts.push_back(cv);
      }
      yv.set("has_cohorts", Flag(!cohorts.is_empty_list()));
      yv.set("cohorts", cohorts);
      View types{View::type::list};
      int count = 0, samples = 0;
      for (const std::string& t : site_.config.profiles.unit_types) {
        if (!type.empty() && t != type) continue;
        View items{View::type::list};
        int real = 0, sample = 0;
        for (const Profile& p : data_.profiles) {
          if (p.year != y || p.unit_type != t) continue;
          items.push_back(Item(p));
          shown.push_back(p);
          (p.sample ? sample : real) += 1;
        }
        if (items.is_empty_list()) continue;
        View tv;
        tv.set("unit_type", t);
        tv.set("url", urls_.Rel(TypeUrl(t)));
        Counts(real, sample, &tv);
        count += real;
        samples += sample;
        tv.set("profiles", items);
        types.push_back(tv);
      }
      yv.set("types", types);
      Counts(count, samples, &yv);
      yv.set("has_profiles", Flag(count + samples > 0));
      years.push_back(yv);
    }
    l.set("years", years);
    l.set("has_years", Flag(!years.is_empty_list()));
    l.set("summary", Summary(shown));
    l.set("is_units", Flag(false));
    v.set("listing", l);
    Put("profiles", v, url);
  }

  void ProfilePage(const Profile& p) {
    const Page& page = PageOf(p);
    View v = BaseView(site_, urls_, page.url, page.title);
    SetBreadcrumbs(
        &v, urls_,
        {{title_, kIndexUrl}, {std::to_string(p.year) + "年", YearUrl(p.year)}, {page.title, page.url}});
    v.set("page", PageFields(site_, page, urls_));
    View pv = Item(p);
    // Its own page is the one place a 示例 profile's items are counted.
    pv.set("rectification", Summary(SummarizeRectification({p})));
    pv.set("year_url", urls_.Rel(YearUrl(p.year)));
    pv.set("type_url", urls_.Rel(TypeUrl(p.unit_type)));
    SetOptional(&pv, "name", p.name);
    pv.set("name_source", p.name_source);
    SetOptional(&pv, "held", p.held);
    pv.set("held_cn", ChineseDate(p.held));

    View sections{View::type::list};
    std::string missing;
    for (const ProfileSection& s : p.sections) {
      View sv;
      sv.set("name", s.name);
      sv.set("present", Flag(s.line > 0));
      std::string anchor;
      for (const TocEntry& e : page.toc) {
        if (s.line > 0 && e.text == s.heading) anchor = e.id;
      }
      SetOptional(&sv, "anchor", anchor);
      sections.push_back(sv);
      if (s.line == 0) missing += (missing.empty() ? "" : "、") + s.name;
    }
    pv.set("sections", sections);
    SetOptional(&pv, "missing_sections", missing);

    View duties{View::type::list};
    for (const DutyItem& d : p.duties) {
      View dv;
      dv.set("item", d.item);
      dv.set("evidence", d.evidence);
      dv.set("reported", Flag(!d.evidence.empty()));
      SetOptional(&dv, "source", d.source);
      duties.push_back(dv);
    }
    pv.set("duties", duties);

    const Evaluation& e = p.evaluation;
    View ev;
    SetOptional(&ev, "comment", e.comment);
    SetOptional(&ev, "rating", e.rating);
    SetOptional(&ev, "by", e.by);
    ev.set("source", e.source);
    pv.set("evaluation", ev);
    pv.set("has_evaluation", Flag(e.present()));

    View items{View::type::list};
    for (const RectificationItem& it : p.rectification) items.push_back(Rectification(it, p));
    pv.set("items", items);
    pv.set("has_items", Flag(!p.rectification.empty()));

    View links{View::type::list};
    for (const ProfileLink& l : p.links) {
      View lv;
      lv.set("title", l.title);
      lv.set("url", l.url);
      lv.set("kind", l.kind == "media" ? "媒体报道" : "来源");
      links.push_back(lv);
    }
    pv.set("links", links);
    pv.set("has_links", Flag(!p.links.empty()));
    View cited = Indicators(p.indicators);
    pv.set("has_indicators", Flag(!cited.is_empty_list()));
    pv.set("indicators", cited);

    // The same unit's other years close the loop from 找差距 to 整改.
    View others{View::type::list};
    for (const Profile& o : data_.profiles) {
      if (o.unit_slug == p.unit_slug && &o != &p) others.push_back(Item(o));
    }
    pv.set("other_years", others);
    pv.set("has_other_years", Flag(!others.is_empty_list()));
    v.set("profile", pv);
    Put("profile", v, page.url);
  }

  void UnitsIndex() {
    std::string title = "单位";
    View v = BaseView(site_, urls_, kUnitsUrl, title);
    SetBreadcrumbs(&v, urls_, {{title_, kIndexUrl}, {title, kUnitsUrl}});
    View l;
    l.set("title", title);
    l.set("content", "");
    l.set("has_content", Flag(false));
    l.set("filters", Filters(kUnitsUrl));
    View units{View::type::list};
    for (const auto& [slug, list] : Units()) {
      View u;
      u.set("name", list.front()->unit);
      u.set("url", urls_.Rel(UnitPageUrl(slug)));
      u.set("unit_type", list.front()->unit_type);
      std::vector<Profile> ps;
      int samples = 0;
      for (const Profile* p : list) {
        ps.push_back(*p);
        samples += p->sample ? 1 : 0;
      }
      Counts(static_cast<int>(list.size()) - samples, samples, &u);
      u.set("only_samples", Flag(samples == static_cast<int>(list.size())));
      u.set("rectification", Summary(ps));
      units.push_back(u);
    }
    l.set("units", units);
    l.set("is_units", Flag(true));
    l.set("has_years", Flag(false));
    l.set("summary", Summary(data_.profiles));
    v.set("listing", l);
    Put("profiles", v, kUnitsUrl);
  }

  void UnitPage(const std::vector<const Profile*>& list) {
    const Profile& first = *list.front();
    std::string url = UnitPageUrl(first.unit_slug);
    View v = BaseView(site_, urls_, url, first.unit);
    SetBreadcrumbs(&v, urls_, {{title_, kIndexUrl}, {"单位", kUnitsUrl}, {first.unit, url}});
    View u;
    u.set("name", first.unit);
    u.set("unit_type", first.unit_type);
    u.set("type_url", urls_.Rel(TypeUrl(first.unit_type)));
    View profiles{View::type::list};
    View open{View::type::list}, closed{View::type::list};
    std::vector<Profile> ps;
    bool real = false;
    for (const Profile* p : list) {
      profiles.push_back(Item(*p));
      ps.push_back(*p);
      real = real || !p->sample;
      if (p->sample) continue;  // its items stay on its own page
      for (const RectificationItem& it : p->rectification) {
        (it.status == kStatusDone ? closed : open).push_back(Rectification(it, *p));
      }
    }
    u.set("only_samples", Flag(!real));
    u.set("profiles", profiles);
    auto table = [](const View& items) {
      View t;
      t.set("items", items);
      t.set("show_profile", Flag(true));
      return t;
    };
    u.set("open", table(open));
    u.set("has_open", Flag(!open.is_empty_list()));
    u.set("closed", table(closed));
    u.set("has_closed", Flag(!closed.is_empty_list()));
    u.set("summary", Summary(ps));
    // Its indicators: those its profiles cite and those it is responsible for.
    std::vector<std::string> ids;
    for (const Profile* p : list) ids.insert(ids.end(), p->indicators.begin(), p->indicators.end());
    for (const IndicatorDef& d : indicators_.defs) {
      if (!d.responsible.empty() && d.responsible == first.unit) ids.push_back(d.id);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    View cited = Indicators(ids);
    u.set("has_indicators", Flag(!cited.is_empty_list()));
    u.set("indicators", cited);
    v.set("unit", u);
    Put("unit", v, url);
  }

  void Put(const std::string& layout, const View& v, const std::string& url) {
    RenderToSink(&layouts_, theme_, layout, v, OutputOf(url), sink_, diags_);
  }

  const Site& site_;
  const ProfilesData& data_;
  const IndicatorSet& indicators_;
  const Theme& theme_;
  OutputSink* sink_;
  Diagnostics* diags_;
  Urls urls_;
  View chrome_;  // before layouts_, which reads it
  LayoutRenderer layouts_;
  std::map<std::string, const Page*> page_by_path_;
  const Page* index_ = nullptr;
  std::string title_;
};

}  // namespace

const std::vector<std::string>& ProfileLayouts() {
  static const std::vector<std::string> l = {"profiles", "profile", "unit"};
  return l;
}

bool RenderProfiles(const Site& site, const ProfilesData& data, const IndicatorSet& indicators,
                    const Theme& theme, OutputSink* sink, Diagnostics* diags, bool unit_pages) {
  if (!data.present()) return true;
  size_t before = diags->error_count();
  for (const std::string& layout : ProfileLayouts()) {
    if (!theme.Has(layout)) {
      diags->Error("themes/" + site.config.theme + "/layouts/" + layout + ".mustache", 0, 0,
                   Message(msg::kProfileLayoutMissing));
    }
  }
  if (diags->error_count() != before) return false;
  Renderer(site, data, indicators, theme, sink, diags).All(unit_pages);
  return diags->error_count() == before;
}

SitemapGroup ProfilesSitemapGroup(const Site& site, const ProfilesData& data) {
  SitemapGroup g;
  if (!data.present()) return g;
  const Page* index = nullptr;
  for (const Page& p : site.pages) {
    if (p.source_path == "content/profiles/_index.md") index = &p;
  }
  g.title = index && !index->title.empty() ? index->title : "一把手述法";
  g.url = kIndexUrl;
  g.note = "共 " + std::to_string(data.profiles.size()) + " 份";
  std::map<int, size_t, std::greater<>> years;
  for (const Profile& p : data.profiles) ++years[p.year];
  for (const Cohort& c : data.cohorts) years.emplace(c.year, 0);
  for (const auto& [year, n] : years) {
    g.items.push_back(
        {std::to_string(year) + "年度" + g.title, YearUrl(year), "（" + std::to_string(n) + "份）"});
  }
  for (const std::string& type : site.config.profiles.unit_types) {
    size_t n = 0;
    for (const Profile& p : data.profiles) n += p.unit_type == type ? 1 : 0;
    g.items.push_back({type + " · " + g.title, TypeUrl(type), "（" + std::to_string(n) + "份）"});
  }
  std::set<std::string> units;
  for (const Profile& p : data.profiles) units.insert(p.unit_slug);
  g.items.push_back({"单位", kUnitsUrl, "（" + std::to_string(units.size()) + "个）"});
  return g;
}

}  // namespace fazhi
