#include "profiles/rectification_indicators.h"

#include <algorithm>
#include <functional>
#include <set>
#include <tuple>

#include "profiles/messages.h"

namespace fazhi {
namespace {

std::string Int(int n) { return std::to_string(n); }

// completed ÷ items × 100 as decimal text: whole when exact, else one decimal
// (rounded half up), computed in integers so every platform prints the same.
std::string ShareText(int completed, int items) {
  long num = 100L * completed;
  if (num % items == 0) return std::to_string(num / items);
  long tenths = (2000L * completed + items) / (2L * items);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

const Page* PageAt(const std::vector<Page>& pages, std::string_view source_path) {
  for (const Page& p : pages) {
    if (p.source_path == source_path) return &p;
  }
  return nullptr;
}

// Observations are sourced like CSV rows, relative to content/.
std::string ContentRelative(std::string_view source_path) {
  constexpr std::string_view kContent = "content/";
  if (source_path.substr(0, kContent.size()) == kContent) source_path.remove_prefix(kContent.size());
  return std::string(source_path);
}

IndicatorDef Def(std::string_view id, std::string title, std::string unit, IndicatorKind kind,
                 Direction direction, std::string method, int weight,
                 const RectificationIndicatorOptions& opts) {
  IndicatorDef d;
  d.id = std::string(id);
  d.title = std::move(title);
  d.category = opts.category;
  d.unit = std::move(unit);
  d.kind = kind;
  d.direction = direction;
  d.method = std::move(method);
  d.weight = weight;
  d.generated = true;
  for (std::string_view other : {kRectificationItemsId, kRectificationShareId, kRectificationOverdueId}) {
    if (other != id) d.related.emplace_back(other);
  }
  return d;
}

}  // namespace

GeneratedIndicators RectificationIndicators(const std::vector<Profile>& profiles,
                                            const std::vector<Page>& pages,
                                            const RectificationIndicatorOptions& opts) {
  GeneratedIndicators out;
  std::set<int, std::greater<>> years;  // newest first, like the profiles index
  // 示例 profiles illustrate the format: their items never become figures
  // outside their own page.
  for (const Profile& p : profiles) {
    if (!p.rectification.empty() && !p.sample) years.insert(p.year);
  }
  if (years.empty()) return out;

  out.defs.push_back(Def(kRectificationItemsId, "整改事项数", "项", IndicatorKind::kCount,
                         Direction::kNeutral,
                         "当年述法档案中记录的整改事项条数之和（已完成 + 整改中 + "
                         "未开始）。一条记录可能汇总多个问题，以档案所列依据为准。",
                         90, opts));
  IndicatorDef share = Def(kRectificationShareId, "整改完成率", "%", IndicatorKind::kRate, Direction::kUp,
                           "已完成事项 ÷ 全部事项 × 100，按整改事项条数计算。", 91, opts);
  share.numerator = "状态为已完成的整改事项数";
  share.denominator = "当年述法档案中的整改事项数";
  out.defs.push_back(std::move(share));
  out.defs.push_back(Def(kRectificationOverdueId, "逾期未完成整改事项数", "项", IndicatorKind::kCount,
                         Direction::kDown,
                         "时限早于本站数据截止日期（" + opts.as_of +
                             "）且状态不是已完成的整改事项条数。未写明时限的事项不计为逾期。",
                         92, opts));

  // The pages the values come from: each profile with items, then its unit.
  std::vector<IndicatorLink> links, units;
  std::set<std::string> unit_seen;

  for (int year : years) {
    std::vector<const Profile*> used;
    for (const Profile& p : profiles) {
      if (p.year == year && !p.rectification.empty() && !p.sample) used.push_back(&p);
    }
    RectificationSummary s = SummarizeRectification(profiles, year, /*include_samples=*/false);
    int dated = 0;
    for (const Profile* p : used) {
      for (const RectificationItem& it : p->rectification) dated += it.deadline.empty() ? 0 : 1;
    }
    std::string source;
    if (used.size() == 1) {
      source = ContentRelative(used.front()->source_path);
    } else if (PageAt(pages, "content/profiles/_index.md")) {
      source = "profiles/_index.md";
    }
    auto obs = [&](std::string_view id, int value, std::string value_text, std::string unit,
                   std::string formula) {
      Observation o;
      o.indicator = std::string(id);
      o.year = year;
      o.value = value;
      o.value_text = std::move(value_text);
      o.unit = std::move(unit);
      o.basis = Basis::kComputed;
      o.formula = std::move(formula);
      o.source = source;
      return o;
    };
    out.observations.push_back(obs(kRectificationItemsId, s.items, Int(s.items), "项",
                                   Int(s.completed) + " + " + Int(s.in_progress) + " + " +
                                       Int(s.not_started) + "（已完成 + 整改中 + 未开始）"));
    Observation o = obs(kRectificationShareId, 0, ShareText(s.completed, s.items), "%",
                        Int(s.completed) + " ÷ " + Int(s.items) + " × 100");
    o.value = 100.0 * s.completed / s.items;
    out.observations.push_back(std::move(o));
    out.observations.push_back(obs(
        kRectificationOverdueId, s.overdue, Int(s.overdue), "项",
        "时限早于" + opts.as_of + "且未完成的事项（" + Int(s.items) + "项中" + Int(dated) + "项写明时限）"));

    for (const Profile* p : used) {
      const Page* page = PageAt(pages, p->source_path);
      links.push_back({page ? page->title : p->unit + Int(p->year) + "年度述法", page ? page->url : "",
                       Int(year) + "年 · " + Int(static_cast<int>(p->rectification.size())) + "项"});
      if (unit_seen.insert(p->unit_slug).second) {
        units.push_back({p->unit, UnitPageUrl(p->unit_slug), "单位页"});
      }
    }
  }
  std::sort(out.observations.begin(), out.observations.end(), [](const Observation& a, const Observation& b) {
    return std::tie(a.indicator, a.year) < std::tie(b.indicator, b.year);
  });
  links.insert(links.end(), units.begin(), units.end());
  // Dated like the newest profile page the values come from, so the item
  // carries its 发布日期 and 信息来源 like every other page.
  std::string date;
  for (const Profile& p : profiles) {
    const Page* page = p.rectification.empty() || p.sample ? nullptr : PageAt(pages, p.source_path);
    if (page && page->date > date) date = page->date;
  }
  for (IndicatorDef& d : out.defs) {
    d.derived_from = links;
    d.date = date;
    d.source = opts.source;
  }
  return out;
}

bool AddRectificationIndicators(const ProfilesData& profiles, const std::vector<Page>& pages,
                                const Config& config, const SourceTree& tree, IndicatorSet* set,
                                Diagnostics* diags) {
  if (set->defs.empty()) return true;  // no dashboard on this site
  RectificationIndicatorOptions opts{config.profiles.rectification_category, config.as_of, config.sponsor};
  GeneratedIndicators g = RectificationIndicators(profiles.profiles, pages, opts);
  if (g.defs.empty()) return true;
  size_t before = diags->error_count();
  for (const IndicatorDef& d : g.defs) {
    std::string path = "content/indicators/" + d.id + ".md";
    if (set->Find(d.id) || set->draft_ids.count(d.id) > 0) {
      const SourceFile* f = tree.Find(path);
      diags->Error(path, 1, 1, Message(msg::kRectificationIdTaken, d.id),
                   f ? std::string_view(f->text) : std::string_view());
    }
  }
  if (!set->Category(opts.category)) {
    // At the key that names the category, else at the categories it is missing from.
    auto [line, col] = config.PositionOf("profiles.rectification_category");
    if (line == 0) std::tie(line, col) = config.PositionOf("indicators");
    const SourceFile* toml = tree.Find("site.toml");
    diags->Error("site.toml", line, col, Message(msg::kRectificationCategory, opts.category),
                 toml ? std::string_view(toml->text) : std::string_view());
  }
  if (diags->error_count() != before) return false;
  Message error;
  if (!set->AddGenerated(std::move(g.defs), std::move(g.observations), &error)) {
    diags->Error("site.toml", 0, 0, std::move(error));
    return false;
  }
  return true;
}

}  // namespace fazhi
