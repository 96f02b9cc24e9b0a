#include "profiles/model.h"

#include <doctest/doctest.h>

namespace fazhi {
namespace {

ProfileRules Rules() {
  ProfileRules r;
  r.as_of = "2025-03-31";
  r.other_keys = {"title", "date", "source"};
  return r;
}

struct Parsed {
  bool ok = false;
  Profile profile;
  std::string errors;
};

Parsed Parse(const std::string& text, const ProfileRules& rules = Rules()) {
  SourceFile f{"content/profiles/p.md", text};
  Diagnostics diags;
  FrontMatter fm;
  Parsed out;
  REQUIRE(ParseFrontMatter(f, &fm, &diags));
  out.ok = ParseProfile(f, fm, rules, &out.profile, &diags);
  out.errors = diags.Format();
  return out;
}

const char kHead[] =
    "---\n"
    "title: 区司法局主要负责人2024年度述法\n"
    "date: 2025-01-20\n"
    "unit: 区司法局\n"
    "unit_type: 区直部门\n"
    "post: 区司法局主要负责人\n"
    "year: 2024\n"
    "form: 专题述法\n";

}  // namespace

TEST_CASE("profiles_model: a complete profile") {
  Parsed p = Parse(std::string(kHead) +
                   "occasion: 区委全面依法治区委员会会议\n"
                   "held: 2024-12-20\n"
                   "sample: true\n"
                   "unit_slug: sfj\n"
                   "duties:\n"
                   "  - item: 重大问题亲自过问\n"
                   "    evidence: 定期召开局党组会研究解决法治建设重大问题\n"
                   "  - item: 出庭应诉\n"
                   "rectification:\n"
                   "  - problem: 甲\n"
                   "    status: 整改中\n"
                   "    deadline: 2025-03-30\n"
                   "  - problem: 乙\n"
                   "    status: 已完成\n"
                   "    deadline: 2025-01-31\n"
                   "    completed: 2025-01-15\n"
                   "  - problem: 丙\n"
                   "    status: 未开始\n"
                   "    deadline: 2025-03-31\n"
                   "  - problem: 丁\n"
                   "    status: 整改中\n"
                   "links:\n"
                   "  - title: 年度报告\n"
                   "    url: http://example.gov.cn/a.html\n"
                   "---\n"
                   "## 晒成绩\n\n文字\n\n```\n## 找差距\n```\n\n## 三、找差距\n");
  CHECK(p.errors == "");
  REQUIRE(p.ok);
  const Profile& pr = p.profile;
  CHECK(pr.unit == "区司法局");
  CHECK(pr.unit_slug == "sfj");
  CHECK(pr.year == 2024);
  CHECK(pr.sample);
  CHECK(pr.held == "2024-12-20");
  // The 四个亲自 come first, in order, then extra items.
  REQUIRE(pr.duties.size() == 5);
  CHECK(pr.duties[0].item == "重要工作亲自部署");
  CHECK(pr.duties[0].evidence == "");
  CHECK(pr.duties[1].evidence == "定期召开局党组会研究解决法治建设重大问题");
  CHECK(pr.duties[4].item == "出庭应诉");
  // Overdue: deadline before as-of (2025-03-31) and not 已完成.
  REQUIRE(pr.rectification.size() == 4);
  CHECK(pr.rectification[0].overdue);
  CHECK_FALSE(pr.rectification[1].overdue);  // done
  CHECK_FALSE(pr.rectification[2].overdue);  // due today
  CHECK_FALSE(pr.rectification[3].overdue);  // no deadline published
  CHECK(pr.links[0].kind == "source");
  // Sections: headings in the body, not inside fenced code.
  REQUIRE(pr.sections.size() == 4);
  CHECK(pr.sections[0].line == 34);  // the body starts on line 34
  CHECK(pr.sections[1].line == 0);   // 亮家底 absent
  CHECK(pr.sections[2].heading == "三、找差距");
  CHECK(pr.sections[2].line == 42);

  RectificationSummary s = SummarizeRectification({pr});
  CHECK(s.items == 4);
  CHECK(s.completed == 1);
  CHECK(s.in_progress == 2);
  CHECK(s.not_started == 1);
  CHECK(s.overdue == 1);
  CHECK(s.ShareCompleted() == "25%");
  CHECK(SummarizeRectification({pr}, 2023).items == 0);
  CHECK(SummarizeRectification({pr}, 2024, /*include_samples=*/false).items == 0);  // pr is 示例
}

TEST_CASE("profiles_model: missing required fields, each at 1:1, the form is optional") {
  Parsed p = Parse("---\ntitle: x\ndate: 2025-01-20\nunit: 区司法局\n---\n");
  CHECK_FALSE(p.ok);
  CHECK(p.errors ==
        "content/profiles/p.md:1:1: 缺少必填的文件头键“unit_type”（单位类型）\n"
        "  ---\n"
        "  ^\n"
        "content/profiles/p.md:1:1: 缺少必填的文件头键“post”（职务）\n"
        "  ---\n"
        "  ^\n"
        "content/profiles/p.md:1:1: 缺少必填的文件头键“year”（述法年度）\n"
        "  ---\n"
        "  ^\n");
}

TEST_CASE("profiles_model: an unknown unit type names the configured list") {
  std::string text = kHead;
  text.replace(text.find("区直部门"), std::string("区直部门").size(), "区直单位");
  Parsed p = Parse(text + "---\n");
  CHECK(p.errors ==
        "content/profiles/p.md:5:12: “unit_type”不能是“区直单位”：请写 区委常委、区直部门、镇街 "
        "中的一个（可在 site.toml 的 [profiles] unit_types 里增改）\n"
        "  unit_type: 区直单位\n"
        "             ^\n");
  // The list is configurable.
  ProfileRules rules = Rules();
  rules.vocab.unit_types.push_back("区直单位");
  CHECK(Parse(text + "---\n", rules).errors == "");
}

TEST_CASE("profiles_model: a rectification status not in the list") {
  Parsed p = Parse(std::string(kHead) +
                   "rectification:\n"
                   "  - problem: 执法案卷评查发现的问题\n"
                   "    status: 进行中\n"
                   "---\n");
  CHECK(p.errors ==
        "content/profiles/p.md:11:13: “status”不能是“进行中”，是不是要写“整改中”？\n"
        "      status: 进行中\n"
        "              ^\n");
}

TEST_CASE("profiles_model: bad dates and incomplete rectification items") {
  Parsed p = Parse(std::string(kHead) +
                   "held: 2024-13-01\n"
                   "rectification:\n"
                   "  - measure: 培训\n"
                   "    deadline: 2025-02-30\n"
                   "  - problem: 甲\n"
                   "    status: 整改中\n"
                   "    completed: 2025-01-01\n"
                   "---\n");
  CHECK(p.errors ==
        "content/profiles/p.md:9:7: “held”的日期“2024-13-01”在日历上不存在\n"
        "  held: 2024-13-01\n"
        "        ^\n"
        "content/profiles/p.md:11:5: 整改事项缺少必填的键“problem”（问题）\n"
        "    - measure: 培训\n"
        "      ^\n"
        "content/profiles/p.md:11:5: 整改事项缺少必填的键“status”（状态）\n"
        "    - measure: 培训\n"
        "      ^\n"
        "content/profiles/p.md:12:15: “deadline”的日期“2025-02-30”在日历上不存在\n"
        "      deadline: 2025-02-30\n"
        "                ^\n"
        "content/profiles/p.md:15:16: 写了完成日期“completed”，但状态是“整改中”而不是“已完成”\n"
        "      completed: 2025-01-01\n"
        "                 ^\n");
}

TEST_CASE("profiles_model: names and evaluations only with their official source") {
  Parsed p = Parse(std::string(kHead) +
                   "name: 某某\n"
                   "evaluation:\n"
                   "  rating: 优秀\n"
                   "---\n");
  CHECK(p.errors ==
        "content/profiles/p.md:9:7: 写了姓名“name”就要写“name_source”：姓名只能连同公开它的官方页面一起发布\n"
        "  name: 某某\n"
        "        ^\n"
        "content/profiles/p.md:11:3: 点评要写“source”（出处）：只有正式公开过的点评或民主测评才能展示\n"
        "    rating: 优秀\n"
        "    ^\n");
  CHECK(Parse(std::string(kHead) + "evaluation:\n  rating: 优秀\n  source: http://x.gov.cn/\n---\n").errors ==
        "");
}

TEST_CASE("profiles_model: unknown keys, at any level") {
  Parsed p = Parse(std::string(kHead) +
                   "score: 95\n"
                   "duties:\n"
                   "  - item: 重要工作亲自部署\n"
                   "    proof: x\n"
                   "---\n");
  CHECK(
      p.errors ==
      "content/profiles/p.md:9:1: "
      "不认识的文件头键“score”（可用的键：title、date、source、unit、unit_slug、unit_type、post、name、name_"
      "source、year、held、form、occasion、sample、duties、evaluation、rectification、links、indicators）\n"
      "  score: 95\n"
      "  ^\n"
      "content/profiles/p.md:12:5: 不认识的文件头键“proof”（可用的键：item、evidence、source）\n"
      "      proof: x\n"
      "      ^\n");
}

TEST_CASE("profiles_model: cohorts from the profiles index") {
  SourceFile f{"content/profiles/_index.md",
               "---\n"
               "title: 述法\n"
               "cohorts:\n"
               "  - year: 2024\n"
               "    form: 专题述法\n"
               "    groups:\n"
               "      - {unit_type: 区委常委, count: 4}\n"
               "      - {unit_type: 区直部门, count: 42}\n"
               "      - {unit_type: 镇街, count: 16}\n"
               "  - year: 2024\n"
               "    form: 公开述法\n"
               "    groups:\n"
               "      - {label: 党政机关主要负责人, count: 8}\n"
               "  - year: 2024\n"
               "    form: 现场述法\n"
               "    groups:\n"
               "      - {unit_type: 村居, count: 3}\n"
               "      - {count: -1}\n"
               "---\n"};
  FrontMatter fm;
  Diagnostics diags;
  REQUIRE(ParseFrontMatter(f, &fm, &diags));
  std::vector<Cohort> cohorts;
  CHECK_FALSE(ParseCohorts(f, fm, Rules(), &cohorts, &diags));
  REQUIRE(cohorts.size() == 3);
  CHECK(cohorts[0].total() == 62);
  CHECK(cohorts[1].total() == 8);
  CHECK(cohorts[1].groups[0].label == "党政机关主要负责人");
  CHECK(diags.Format() ==
        "content/profiles/_index.md:17:21: “unit_type”不能是“村居”：请写 区委常委、区直部门、镇街 "
        "中的一个（可在 site.toml 的 [profiles] unit_types 里增改）\n"
        "        - {unit_type: 村居, count: 3}\n"
        "                      ^\n"
        "content/profiles/_index.md:18:9: 批次分组要写“unit_type”或“label”\n"
        "        - {count: -1}\n"
        "          ^\n"
        "content/profiles/_index.md:18:17: “count”不能是负数\n"
        "        - {count: -1}\n"
        "                  ^\n");
}

TEST_CASE("profiles_model: one unit keeps one slug") {
  SourceTree tree;
  std::vector<Profile> ps(3);
  ps[0].source_path = "content/profiles/a.md";
  ps[0].unit = "区司法局";
  ps[0].unit_slug = "sfj";
  ps[1].source_path = "content/profiles/b.md";
  ps[1].unit = "区司法局";
  ps[1].unit_slug = "sj";
  ps[1].unit_line = 4;
  ps[1].unit_col = 12;
  ps[2].source_path = "content/profiles/c.md";
  ps[2].unit = "区财政局";
  ps[2].unit_slug = "sfj";
  ps[2].unit_line = 5;
  ps[2].unit_col = 12;
  Diagnostics diags;
  CHECK_FALSE(CheckUnits(ps, tree, &diags));
  CHECK(diags.Format() ==
        "content/profiles/b.md:4:12: 单位“区司法局”在 content/profiles/a.md 里的 slug 是“sfj”，这里却是“sj”\n"
        "content/profiles/c.md:5:12: slug“sfj”已被 content/profiles/a.md 里的单位“区司法局”使用\n");
  CHECK(UnitSlug("区 司法局/办", "") == "区-司法局-办");
}

TEST_CASE("profiles_model: share completed") {
  RectificationSummary s;
  CHECK(s.ShareCompleted() == "");
  s.items = 3;
  s.completed = 1;
  CHECK(s.ShareCompleted() == "33.3%");
  s.completed = 3;
  CHECK(s.ShareCompleted() == "100%");
}

}  // namespace fazhi

namespace fazhi {

TEST_CASE("profiles_model: cited indicators keep their positions") {
  Parsed p = Parse(std::string(kHead) + "indicators: [admin-review-cases, disputes-resolved]\n---\n");
  CHECK(p.errors == "");
  REQUIRE(p.profile.indicators.size() == 2);
  CHECK(p.profile.indicators[1] == "disputes-resolved");
  REQUIRE(p.profile.indicator_pos.size() == 2);
  CHECK(p.profile.indicator_pos[0] == std::pair<int, int>{9, 14});
  CHECK(p.profile.indicator_pos[1] == std::pair<int, int>{9, 34});
}

}  // namespace fazhi

namespace fazhi {

TEST_CASE("profiles_model: section names are configurable") {
  std::vector<ProfileSection> s = FindSections("# 述法报告\n\n## 一、履职情况\n\n文字\n\n### 存在问题\n", 5,
                                               {"履职情况", "存在问题", "改进举措"});
  REQUIRE(s.size() == 3);
  CHECK(s[0].heading == "一、履职情况");
  CHECK(s[0].line == 7);
  CHECK(s[1].heading == "存在问题");
  CHECK(s[1].line == 11);
  CHECK(s[2].line == 0);
}

}  // namespace fazhi
