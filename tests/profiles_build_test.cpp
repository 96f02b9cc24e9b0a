// End-to-end: small sites with 述法 profiles built in memory with the
// default theme; assertions on the index counts, a profile page, a unit page,
// the overdue computation and the privacy gate.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/source_tree.h"
#include "site_fixture.h"

namespace fazhi::testing {
namespace {

// The site as a txtar archive; `as_of` stands in for "today".
std::string ProfileSite(const std::string& as_of) {
  return "-- site.toml --\ntitle = \"测试站\"\nsponsor = \"测试单位\"\nas_of = " + as_of + "\n" +
         R"(-- content/_index.md --
---
title: 首页
---
首页
-- content/profiles/_index.md --
---
title: 一把手述法
cohorts:
  - year: 2024
    form: 专题述法
    occasion: 区委全面依法治区委员会会议
    groups:
      - {unit_type: 区委常委, count: 4}
      - {unit_type: 区直部门, count: 42}
      - {unit_type: 镇街, count: 16}
  - year: 2024
    form: 公开述法
    groups:
      - {label: 党政机关主要负责人, count: 8}
---
述法栏目。
-- content/profiles/2024-a.md --
---
title: 甲局主要负责人2024年度述法
date: 2025-01-20
unit: 甲局
unit_slug: jia
unit_type: 区直部门
post: 甲局主要负责人
year: 2024
form: 专题述法
duties:
  - item: 重大问题亲自过问
    evidence: 定期研究法治建设重大问题
rectification:
  - problem: 问题一
    status: 整改中
    deadline: 2025-03-31
  - problem: 问题二
    status: 已完成
    completed: 未注明
    deadline: 2025-02-28
  - problem: 问题三
    status: 未开始
    deadline: 2025-12-31
---
## 晒成绩

成绩。

## 找差距

差距。
-- content/profiles/2023-a.md --
---
title: 甲局主要负责人2023年度述法
date: 2024-01-20
unit: 甲局
unit_slug: jia
unit_type: 区直部门
post: 甲局主要负责人
year: 2023
form: 书面述法
---
## 晒成绩

成绩。
-- content/profiles/2024-b.md --
---
title: 乙镇党委主要负责人2024年度述法
date: 2025-01-20
unit: 乙镇
unit_type: 镇街
post: 乙镇党委主要负责人
year: 2024
form: 专题述法
rectification:
  - problem: 问题四
    status: 已完成
    completed: 未注明
---
## 拓思路

思路。
-- content/profiles/2024-c.md --
---
title: 丙局主要负责人2024年度述法（示例）
date: 2025-01-20
sample: true
unit: 丙局
unit_slug: bing
unit_type: 区直部门
post: 丙局主要负责人
year: 2024
rectification:
  - problem: 问题五
    status: 整改中
    deadline: 2025-01-31
---
## 晒成绩

示例。
)";
}

FixtureResult Build(const std::string& txtar) {
  FixtureOptions opts;
  opts.default_theme = true;
  opts.build.jobs = 1;
  return BuildFixture(txtar, opts);
}

bool Has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = hay.find(needle); pos != std::string::npos; pos = hay.find(needle, pos + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("profiles build: the index shows cohort counts and profiles by year and type") {
  FixtureResult b = Build(ProfileSite("2025-06-30"));
  REQUIRE(b.errors == "");
  REQUIRE(b.ok);
  std::string index = b.File("profiles/index.html");
  // Cohorts come from _index.md, not from counting profile files.
  CHECK(Has(index,
            "<strong>专题述法</strong> · 区委全面依法治区委员会会议：共 <span "
            "class=\"cohort-total\">62</span> 人"));
  CHECK(Has(index, "区委常委</a> <span class=\"cohort-count\">4</span> 人"));
  CHECK(Has(index, "区直部门</a> <span class=\"cohort-count\">42</span> 人"));
  CHECK(Has(index, "镇街</a> <span class=\"cohort-count\">16</span> 人"));
  CHECK(Has(index, "党政机关主要负责人 <span class=\"cohort-count\">8</span> 人"));
  // The 示例 profile is listed with its badge but never counted.
  CHECK(Has(index, "本站收录的述法档案（2 份；另有示例 1 份，仅演示格式，不计入）"));  // 2024
  CHECK(Has(index, "本站收录的述法档案（1 份）"));                                     // 2023
  CHECK(Has(index, "区直部门</a>（1 份；示例 1 份）"));
  CHECK(Has(index, "丙局主要负责人2024年度述法（示例）</a> <span class=\"badge badge-sample\">示例</span>"));
  // Its overdue 问题五 is in no total.
  CHECK(Has(index,
            "整改事项 4 项：已完成 2 项（50%），整改中 1 项，未开始 1 项，逾期 1 项（截至 2025-06-30）。"));
  CHECK_FALSE(Has(index, "含示例"));
  CHECK(Has(b.File("profiles/types/镇街/index.html"),
            "整改事项 1 项：已完成 1 项（100%），整改中 0 项，未开始 0 项，逾期 0 项（截至 2025-06-30）。"));

  // Filters without JavaScript: one page per year and per unit type.
  std::string y2023 = b.File("profiles/2023/index.html");
  CHECK(Has(y2023, "甲局主要负责人2023年度述法"));
  CHECK_FALSE(Has(y2023, "甲局主要负责人2024年度述法"));
  CHECK_FALSE(Has(y2023, "cohort-total"));  // no cohort published for 2023
  std::string town = b.File("profiles/types/镇街/index.html");
  CHECK(Has(town, "乙镇党委主要负责人2024年度述法"));
  CHECK_FALSE(Has(town, "甲局"));
  CHECK(Has(town, "<span class=\"cohort-total\">16</span>"));
  CHECK_FALSE(Has(town, "党政机关主要负责人"));
  CHECK(Has(town, "<a href=\"/profiles/types/镇街/\" aria-current=\"page\">镇街</a>"));
}

TEST_CASE("profiles build: a profile page shows its parts, duties and rectification") {
  FixtureResult b = Build(ProfileSite("2025-06-30"));
  REQUIRE(b.ok);
  std::string p = b.File("profiles/2024-a/index.html");
  CHECK(Has(p, "<h1>甲局主要负责人2024年度述法</h1>"));
  CHECK_FALSE(Has(p, "badge-sample"));
  // A 示例 profile shows its own items on its own page, with the badge; a form
  // it does not state reads 未载明.
  std::string s = b.File("profiles/2024-c/index.html");
  CHECK(Has(s, "<span class=\"badge badge-sample\">示例</span> 本档案用于演示述法档案的格式"));
  CHECK(Has(s, "共 1 项：已完成 0 项，整改中 1 项，未开始 0 项，逾期 1 项（截至 2025-06-30）"));
  CHECK(Has(s, "<dt>述法形式</dt><dd><span class=\"na\">未载明</span></dd>"));
  CHECK(Has(s, "<p class=\"report-kicker\" data-search-ignore>区直部门 · 2024年度</p>"));
  // Sections: present ones link to their heading, absent ones say so.
  CHECK(
      Has(p, "<li><a href=\"#晒成绩\">晒成绩</a></li><li>亮家底 <span class=\"na\">（未公开）</span></li>"));
  // The 四个亲自 always show; unreported ones say 未报告.
  CHECK(Has(p,
            "<tr><th scope=\"row\">重大问题亲自过问</th><td "
            "data-label=\"履职情况\">定期研究法治建设重大问题</td></tr>"));
  CHECK(Count(p, "<span class=\"na\">未报告</span>") == 3);
  CHECK(Has(p, "未公开。本站只刊登官方已公开的点评和测评结果，不作推算。"));
  CHECK(Has(p, "共 3 项：已完成 1 项，整改中 1 项，未开始 1 项，逾期 1 项（截至 2025-06-30）"));
  // The other year of the same unit closes the loop.
  CHECK(Has(p, "甲局主要负责人2023年度述法"));
  // The core did not render profile pages with the plain page layout.
  CHECK(Count(p, "<h1>") == 1);
}

TEST_CASE("profiles build: overdue follows the configured as-of date") {
  auto overdue_rows = [](const std::string& html) {
    return Count(html, "<strong class=\"overdue\">已逾期</strong>");
  };
  FixtureResult before = Build(ProfileSite("2025-06-30"));
  REQUIRE(before.ok);
  std::string p = before.File("profiles/2024-a/index.html");
  CHECK(overdue_rows(p) == 1);
  size_t row = p.find("<td data-label=\"问题\">问题一</td>");
  REQUIRE(row != std::string::npos);
  CHECK(p.find("已逾期", row) < p.find("<td data-label=\"问题\">问题二</td>"));

  FixtureResult later = Build(ProfileSite("2026-01-01"));
  REQUIRE(later.ok);
  CHECK(overdue_rows(later.File("profiles/2024-a/index.html")) == 2);  // 问题三 is due 2025-12-31
  FixtureResult earlier = Build(ProfileSite("2025-03-31"));
  REQUIRE(earlier.ok);
  CHECK(overdue_rows(earlier.File("profiles/2024-a/index.html")) == 0);  // due today is not late
}

TEST_CASE("profiles build: a unit page lists its years and open and closed items") {
  FixtureResult b = Build(ProfileSite("2025-06-30"));
  REQUIRE(b.ok);
  std::string u = b.File("units/jia/index.html");
  CHECK(Has(u, "<h1>甲局</h1>"));
  size_t y2024 = u.find("甲局主要负责人2024年度述法");
  size_t y2023 = u.find("甲局主要负责人2023年度述法");
  CHECK(y2024 < y2023);  // newest first
  CHECK(y2023 != std::string::npos);
  size_t open = u.find("未完成的整改事项");
  size_t closed = u.find("已完成的整改事项");
  REQUIRE(open < closed);
  CHECK(u.find("<td data-label=\"问题\">问题一<br>") > open);
  CHECK(u.find("<td data-label=\"问题\">问题一<br>") < closed);
  CHECK(u.find("<td data-label=\"问题\">问题三<br>") < closed);
  CHECK(u.find("<td data-label=\"问题\">问题二<br>") > closed);
  // A unit without a slug gets its name as the URL segment.
  CHECK(Has(b.File("units/乙镇/index.html"), "<h1>乙镇</h1>"));
  std::string units = b.File("units/index.html");
  CHECK(Has(units,
            "<a href=\"/units/jia/\">甲局</a></th><td data-label=\"类型\">区直部门</td><td "
            "data-label=\"档案\">2 份</td>"));
  CHECK(Has(units,
            "<a href=\"/units/bing/\">丙局</a></th><td data-label=\"类型\">区直部门</td><td "
            "data-label=\"档案\">0 份（另有示例 1 份）</td>"
            "<td data-label=\"整改事项\"><span class=\"na\">—</span></td>"));
  // A unit with only a 示例 profile: no "无" items, and none of the sample's.
  std::string bing = b.File("units/bing/index.html");
  CHECK(Has(bing, "本站尚未收录该单位公开发布的述法档案。"));
  CHECK_FALSE(Has(bing, "问题五"));
  CHECK_FALSE(Has(bing, "无。"));
}

TEST_CASE("profiles build: a profile error fails the build with its position") {
  std::string site = ProfileSite("2025-06-30");
  site.replace(site.rfind("unit_type: 镇街"), std::string("unit_type: 镇街").size(), "unit_type: 村居");
  FixtureResult b = Build(site);
  CHECK_FALSE(b.ok);
  CHECK(b.errors ==
        "content/profiles/2024-b.md:5:12: “unit_type”不能是“村居”：请写 区委常委、区直部门、镇街 "
        "中的一个（可在 site.toml 的 [profiles] unit_types 里增改）\n"
        "  unit_type: 村居\n"
        "             ^\n");
  CHECK(b.files.empty());

  // The profiles index is strict too: a misspelt key is not silently ignored.
  site = ProfileSite("2025-06-30");
  site.replace(site.find("cohorts:"), std::string("cohorts:").size(), "cohort:");
  CHECK(Build(site).errors ==
        "content/profiles/_index.md:3:1: 不认识的文件头键“cohort”，是不是要写“cohorts”？\n"
        "  cohort:\n"
        "  ^\n");
}

TEST_CASE("profiles build: a 述法 held before its year began is an error at held") {
  std::string site = ProfileSite("2025-06-30");
  site.replace(site.find("post: 甲局主要负责人\n"), 0, "held: 2023-12-20\n");
  FixtureResult b = Build(site);
  CHECK_FALSE(b.ok);
  CHECK(b.errors ==
        "content/profiles/2024-a.md:7:7: 述法日期 2023-12-20 在述法年度 2024 "
        "年开始之前：述法讲的是这一年的履职情况，不会在这一年之前举行。请核对 held（述法日期）和 "
        "year（述法年度）\n"
        "  held: 2023-12-20\n"
        "        ^\n");
  // Held during the year or after it (as 述法 on a year usually is) is fine.
  site = ProfileSite("2025-06-30");
  site.replace(site.find("post: 甲局主要负责人\n"), 0, "held: 2025-01-15\n");
  CHECK(Build(site).ok);
}

TEST_CASE("profiles build: the privacy gate stops an ID number anywhere in content") {
  // The archive ends with 2024-c.md, so this line is appended to it.
  FixtureResult b = Build(ProfileSite("2025-06-30") + "\n联系人：乙，身份证号11010519491231002X。\n");
  CHECK_FALSE(b.ok);
  CHECK(b.errors ==
        "content/profiles/2024-c.md:19:11: 个人信息：这像是身份证号（18位，校验位和出生日期有效）；请删除\n"
        "  联系人：乙，身份证号11010519491231002X。\n"
        "                      ^\n");
  CHECK(b.files.empty());

  // An allow-listed office number passes; an unlisted mobile does not.
  std::string site =
      ProfileSite("2025-06-30") +
      "-- content/about.md --\n---\ntitle: 关于\ndate: 2025-01-01\n---\n值班电话 13800138000\n";
  site.replace(site.find("-- content/_index.md --"), 0, "[privacy]\nallow = [\"138-0013-8000\"]\n");
  FixtureResult ok = Build(site);
  CHECK(ok.errors == "");
  FixtureResult bad = Build(site + "手机 13800138001\n");
  CHECK(Has(bad.errors, "content/about.md:6:4: 个人信息：这像是手机号码"));
}

TEST_CASE("profiles build: cohorts and profiles are bound to the indicators") {
  const std::string indicators = R"(-- content/indicators/shufa-dept.md --
---
title: 区直部门专题述法人数
date: 2025-01-01
category: leadership
unit: 名
kind: count
direction: neutral
---
-- data/indicators/a.csv --
indicator,year,value,unit,qualifier,basis,formula,source,note
shufa-dept,2024,42,名,,原文,,,
)";
  std::string site = ProfileSite("2025-06-30");
  site.replace(site.find("{unit_type: 区直部门, count: 42}"),
               std::string("{unit_type: 区直部门, count: 42}").size(),
               "{unit_type: 区直部门, count: 42, indicator: shufa-dept}");
  site.replace(site.find("form: 书面述法\n"), std::string("form: 书面述法\n").size(),
               "form: 书面述法\nindicators: [shufa-dept]\n");
  FixtureResult ok = Build(site + indicators);
  REQUIRE(ok.errors == "");
  // The count links to its indicator; the profile and its unit list the value.
  CHECK(Has(ok.File("profiles/index.html"),
            "<a href=\"/indicators/shufa-dept/\" title=\"查看指标\"><span class=\"cohort-count\">42</span> "
            "人</a>"));
  const std::string li =
      "<li><a href=\"/indicators/shufa-dept/\">区直部门专题述法人数</a>：42名（2024年度）</li>";
  CHECK(Has(ok.File("profiles/2023-a/index.html"), li));
  CHECK(Has(ok.File("units/jia/index.html"), li));

  // One fact, one number: a cohort that disagrees with its indicator fails.
  std::string wrong = site;
  wrong.replace(wrong.find("count: 42, indicator"), std::string("count: 42").size(), "count: 41");
  wrong.replace(wrong.find("indicators: [shufa-dept]"), std::string("indicators: [shufa-dept]").size(),
                "indicators: [shufa-depts]");
  FixtureResult bad = Build(wrong + indicators);
  CHECK_FALSE(bad.ok);
  CHECK(bad.errors ==
        "content/profiles/2023-a.md:10:14: 没有“shufa-depts”这个指标，是不是要写“shufa-dept”？\n"
        "  indicators: [shufa-depts]\n"
        "               ^\n"
        "content/profiles/_index.md:9:9: 批次人数 41 和指标“shufa-dept”的数值不一致（2024 年：42）\n"
        "        - {unit_type: 区直部门, count: 41, indicator: shufa-dept}\n"
        "          ^\n");
}

TEST_CASE("profiles build: demo profile pages match the golden files (UPDATE_GOLDEN=1 rewrites them)") {
  namespace fs = std::filesystem;
  SourceTree tree;
  Diagnostics diags;
  REQUIRE(SourceTree::Read(RepoRoot(), &tree, &diags));
  MemorySink sink;
  REQUIRE(BuildToSink(tree, BuildOptions{}, &sink, &diags, nullptr));
  // Only the demo report's two compliance warnings (the seed states no
  // publication date and has no 其他需要报告的情况 part); nothing else.
  CHECK(diags.error_count() == 0);
  CHECK(diags.warning_count() == 2);
  CHECK(diags.Format().find("报告没有写公开日期") != std::string::npos);
  fs::path golden = fs::path(RepoRoot()) / "tests/golden/demo";
  const bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
  for (const char* page : {"profiles/index.html", "profiles/2024-sfj/index.html", "units/sfj/index.html"}) {
    CAPTURE(page);
    const std::string* actual = sink.Find(page);
    REQUIRE(actual != nullptr);
    if (update) {
      fs::create_directories((golden / page).parent_path());
      std::ofstream(golden / page, std::ios::binary) << *actual;
    }
    std::ifstream in(golden / page, std::ios::binary);
    std::stringstream expected;
    expected << in.rdbuf();
    CHECK(*actual == expected.str());
  }
  // The demo presents no invented personal facts: every profile is marked
  // 示例 and no evaluation is shown.
  const std::string& profile = *sink.Find("profiles/2024-sfj/index.html");
  CHECK(Has(profile, "<span class=\"badge badge-sample\">示例</span> 本档案用于演示述法档案的格式"));
  CHECK(Has(profile, "未公开。本站只刊登官方已公开的点评和测评结果，不作推算。"));
}

}  // namespace fazhi::testing
