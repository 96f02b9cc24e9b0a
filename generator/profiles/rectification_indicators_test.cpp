#include "profiles/rectification_indicators.h"

#include <doctest/doctest.h>

namespace fazhi {
namespace {

// A profile parsed from front matter, so `overdue` is what ParseProfile
// computes against `as_of`.
Profile ParseOne(const std::string& path, const std::string& front, const std::string& as_of) {
  ProfileRules rules;
  rules.as_of = as_of;
  rules.other_keys = {"title", "date"};
  SourceFile f{path, "---\n" + front + "---\n## 晒成绩\n"};
  Diagnostics diags;
  FrontMatter fm;
  REQUIRE(ParseFrontMatter(f, &fm, &diags));
  Profile p;
  bool ok = ParseProfile(f, fm, rules, &p, &diags);
  INFO(diags.Format());
  REQUIRE(ok);
  return p;
}

std::string Head(const std::string& unit, const std::string& slug, int year, bool sample) {
  return "title: t\ndate: 2025-01-20\nunit: " + unit + "\nunit_slug: " + slug +
         "\nunit_type: 区直部门\npost: " + unit + "主要负责人\nyear: " + std::to_string(year) +
         "\nform: 专题述法\n" + (sample ? "sample: true\n" : "");
}

std::string Item(const std::string& status, const std::string& deadline) {
  return "  - problem: 问题\n    status: " + status + "\n" +
         (deadline.empty() ? "" : "    deadline: " + deadline + "\n") +
         (status == "已完成" ? "    completed: 未注明\n" : "");
}

// 2024: two real profiles (4 items: 2 done, 1 in progress overdue on
// 2025-06-30, 1 not started, due later) and one sample that must not count;
// 2023: only a sample profile; 2022: a real profile without items.
std::vector<Profile> Profiles(const std::string& as_of) {
  return {
      ParseOne("content/profiles/2024-a.md",
               Head("甲局", "jia", 2024, false) + "rectification:\n" + Item("已完成", "2025-03-31") +
                   Item("整改中", "2025-05-31") + Item("未开始", "2025-12-31"),
               as_of),
      ParseOne("content/profiles/2024-b.md",
               Head("乙局", "yi", 2024, false) + "rectification:\n" + Item("已完成", ""), as_of),
      ParseOne("content/profiles/2024-s.md",
               Head("丙局", "bing", 2024, true) + "rectification:\n" + Item("未开始", "2025-01-31"), as_of),
      ParseOne("content/profiles/2023-s.md",
               Head("丙局", "bing", 2023, true) + "rectification:\n" + Item("已完成", "") +
                   Item("整改中", "2024-06-30") + Item("整改中", ""),
               as_of),
      ParseOne("content/profiles/2022-a.md", Head("甲局", "jia", 2022, false), as_of),
  };
}

std::vector<Page> Pages() {
  std::vector<Page> pages;
  int day = 1;
  for (const char* slug : {"2024-a", "2024-b", "2024-s", "2023-s", "2022-a"}) {
    Page p;
    p.date = "2025-03-0" + std::to_string(day++);
    p.source_path = std::string("content/profiles/") + slug + ".md";
    p.url = std::string("/profiles/") + slug + "/";
    p.title = std::string("档案") + slug;
    pages.push_back(p);
  }
  return pages;
}

const Observation* Obs(const GeneratedIndicators& g, std::string_view id, int year) {
  for (const Observation& o : g.observations) {
    if (o.indicator == id && o.year == year) return &o;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("rectification_indicators: counts, share and overdue per year, 示例 profiles never count") {
  GeneratedIndicators g =
      RectificationIndicators(Profiles("2025-06-30"), Pages(), {"leadership", "2025-06-30", "某区司法局"});
  REQUIRE(g.defs.size() == 3);
  CHECK(g.defs[0].id == "rectification-items");
  CHECK(g.defs[1].id == "rectification-completed-share");
  CHECK(g.defs[2].id == "rectification-overdue");
  // Dated like the newest page counted (2024-b, 03-02; the 示例 pages 2024-s
  // and 2023-s and 2022-a without items are newer); sourced to the sponsor.
  CHECK(g.defs[0].date == "2025-03-02");
  CHECK(g.defs[0].source == "某区司法局");
  for (const IndicatorDef& d : g.defs) {
    CHECK(d.category == "leadership");
    CHECK(d.generated);
  }
  CHECK(g.defs[1].kind == IndicatorKind::kRate);
  CHECK(g.defs[2].method ==
        "时限早于本站数据截止日期（2025-06-30）且状态不是已完成的整改事项条数。未写明时限的事项不计为逾期。");
  // One year with real items, three observations; 2022 has none, 2023 only a 示例 profile.
  CHECK(g.observations.size() == 3);
  CHECK(Obs(g, kRectificationItemsId, 2022) == nullptr);

  // 2024 counts the two real profiles only: 4 items, 2 done, 1 overdue.
  const Observation* items = Obs(g, kRectificationItemsId, 2024);
  REQUIRE(items);
  CHECK(items->value_text == "4");
  CHECK(items->value == 4);
  CHECK(items->unit == "项");
  CHECK(items->basis == Basis::kComputed);
  CHECK(items->formula == "2 + 1 + 1（已完成 + 整改中 + 未开始）");
  CHECK(items->note.empty());
  CHECK(items->source.empty());  // two profiles and no profiles/_index.md page
  const Observation* share = Obs(g, kRectificationShareId, 2024);
  REQUIRE(share);
  CHECK(share->value_text == "50");
  CHECK(share->unit == "%");
  CHECK(share->formula == "2 ÷ 4 × 100");
  const Observation* overdue = Obs(g, kRectificationOverdueId, 2024);
  REQUIRE(overdue);
  CHECK(overdue->value_text == "1");
  CHECK(overdue->formula == "时限早于2025-06-30且未完成的事项（4项中3项写明时限）");

  // 2023 has only a 示例 profile: no value at all, not a value marked 示例.
  CHECK(Obs(g, kRectificationShareId, 2023) == nullptr);
  CHECK(Obs(g, kRectificationItemsId, 2023) == nullptr);

  // The definitions link to the profiles counted (newest first), then their units.
  const std::vector<IndicatorLink>& from = g.defs[0].derived_from;
  REQUIRE(from.size() == 4);
  CHECK(from[0].url == "/profiles/2024-a/");
  CHECK(from[0].title == "档案2024-a");
  CHECK(from[0].note == "2024年 · 3项");
  CHECK(from[1].url == "/profiles/2024-b/");
  CHECK(from[2].url == "/units/jia/");
  CHECK(from[2].title == "甲局");
  CHECK(from[3].url == "/units/yi/");
}

TEST_CASE("rectification_indicators: overdue follows as_of") {
  // On 2025-01-01 nothing is due yet.
  GeneratedIndicators early =
      RectificationIndicators(Profiles("2025-01-01"), Pages(), {"leadership", "2025-01-01", "某区司法局"});
  CHECK(Obs(early, kRectificationOverdueId, 2024)->value_text == "0");
  CHECK(Obs(early, kRectificationOverdueId, 2023) == nullptr);  // only a 示例 profile
  // On 2026-01-01 the 整改中 and the 未开始 item of 2024 are both overdue.
  GeneratedIndicators late =
      RectificationIndicators(Profiles("2026-01-01"), Pages(), {"leadership", "2026-01-01", "某区司法局"});
  CHECK(Obs(late, kRectificationOverdueId, 2024)->value_text == "2");
  CHECK(Obs(late, kRectificationItemsId, 2024)->value_text == "4");
}

TEST_CASE("rectification_indicators: the share rounds to one decimal, whole values stay whole") {
  std::string as_of = "2025-06-30";
  auto share_of = [&](const std::string& items) {
    std::vector<Profile> ps = {ParseOne(
        "content/profiles/x.md", Head("甲局", "jia", 2024, false) + "rectification:\n" + items, as_of)};
    GeneratedIndicators g = RectificationIndicators(ps, {}, {"leadership", as_of, "某区司法局"});
    return Obs(g, kRectificationShareId, 2024)->value_text;
  };
  CHECK(share_of(Item("已完成", "") + Item("已完成", "") + Item("整改中", "")) == "66.7");
  CHECK(share_of(Item("已完成", "")) == "100");
  CHECK(share_of(Item("未开始", "")) == "0");
  CHECK(share_of(Item("已完成", "") + Item("整改中", "") + Item("整改中", "") + Item("整改中", "") +
                 Item("整改中", "") + Item("整改中", "") + Item("整改中", "") + Item("整改中", "")) ==
        "12.5");
}

TEST_CASE("rectification_indicators: no items, no indicators") {
  std::vector<Profile> ps = {
      ParseOne("content/profiles/2022-a.md", Head("甲局", "jia", 2022, false), "2025-06-30")};
  GeneratedIndicators g = RectificationIndicators(ps, {}, {"leadership", "2025-06-30", "某区司法局"});
  CHECK(g.defs.empty());
  CHECK(g.observations.empty());
}

TEST_CASE("rectification_indicators: added to the indicator set, sorted and checked") {
  Config config;
  config.as_of = "2025-06-30";
  ProfilesData data;
  data.profiles = Profiles("2025-06-30");
  IndicatorSet set;
  set.categories = DefaultIndicatorCategories();
  IndicatorDef other;
  other.id = "zz-last";
  other.category = "leadership";
  set.defs.push_back(other);

  SUBCASE("added") {
    Diagnostics diags;
    REQUIRE(AddRectificationIndicators(data, Pages(), config, SourceTree(), &set, &diags));
    REQUIRE(set.defs.size() == 4);
    CHECK(set.defs[0].id == "rectification-completed-share");
    CHECK(set.defs[3].id == "zz-last");
    CHECK(set.Series(kRectificationItemsId).size() == 1);
    CHECK(set.Get(kRectificationItemsId, 2023) == nullptr);  // only a 示例 profile
  }
  SUBCASE("a definition page with the same id is an error at that page") {
    set.defs.insert(set.defs.begin(), IndicatorDef{});
    set.defs.front().id = "rectification-items";
    SourceTree tree =
        SourceTree::FromFiles({{"content/indicators/rectification-items.md", "---\ntitle: x\n---\n"}});
    Diagnostics diags;
    CHECK_FALSE(AddRectificationIndicators(data, Pages(), config, tree, &set, &diags));
    CHECK(diags.Format() ==
          "content/indicators/rectification-items.md:1:1: "
          "指标编号“rectification-items”由述法档案的整改事项自动计算，请给这个文件改名\n"
          "  ---\n"
          "  ^\n");
    CHECK(set.defs.size() == 2);
  }
  SUBCASE("the category must exist") {
    config.profiles.rectification_category = "nowhere";
    Diagnostics diags;
    CHECK_FALSE(AddRectificationIndicators(data, Pages(), config, SourceTree(), &set, &diags));
    CHECK(diags.Format() ==
          "site.toml: 整改指标需要指标类别“nowhere”：请把它加进 [indicators] categories，或者设置 [profiles] "
          "rectification_category\n");
  }
  SUBCASE("a site without a dashboard gets none") {
    set.defs.clear();
    Diagnostics diags;
    CHECK(AddRectificationIndicators(data, Pages(), config, SourceTree(), &set, &diags));
    CHECK(set.defs.empty());
  }
}

}  // namespace fazhi
