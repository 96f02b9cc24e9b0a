// End-to-end: small sites with 述法 profiles built in memory with the
// default theme; assertions on the index counts, a profile page, a unit page,
// the overdue computation and the privacy gate.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "build.h"
#include "output.h"
#include "source_tree.h"

namespace fazhi {
namespace {

std::map<std::string, std::string> ProfileSite(const std::string& as_of) {
  return {
      {"site.toml", "title = \"测试站\"\nsponsor = \"测试单位\"\nas_of = " + as_of + "\n"},
      {"content/_index.md", "---\ntitle: 首页\n---\n首页\n"},
      {"content/profiles/_index.md",
       "---\n"
       "title: 一把手述法\n"
       "cohorts:\n"
       "  - year: 2024\n"
       "    form: 专题述法\n"
       "    occasion: 区委全面依法治区委员会会议\n"
       "    groups:\n"
       "      - {unit_type: 区委常委, count: 4}\n"
       "      - {unit_type: 区直部门, count: 42}\n"
       "      - {unit_type: 镇街, count: 16}\n"
       "  - year: 2024\n"
       "    form: 公开述法\n"
       "    groups:\n"
       "      - {label: 党政机关主要负责人, count: 8}\n"
       "---\n"
       "述法栏目。\n"},
      {"content/profiles/2024-a.md",
       "---\n"
       "title: 甲局主要负责人2024年度述法\n"
       "date: 2025-01-20\n"
       "sample: true\n"
       "unit: 甲局\n"
       "unit_slug: jia\n"
       "unit_type: 区直部门\n"
       "post: 甲局主要负责人\n"
       "year: 2024\n"
       "form: 专题述法\n"
       "duties:\n"
       "  - item: 重大问题亲自过问\n"
       "    evidence: 定期研究法治建设重大问题\n"
       "rectification:\n"
       "  - problem: 问题一\n"
       "    status: 整改中\n"
       "    deadline: 2025-03-31\n"
       "  - problem: 问题二\n"
       "    status: 已完成\n"
       "    deadline: 2025-02-28\n"
       "  - problem: 问题三\n"
       "    status: 未开始\n"
       "    deadline: 2025-12-31\n"
       "---\n"
       "## 晒成绩\n\n成绩。\n\n## 找差距\n\n差距。\n"},
      {"content/profiles/2023-a.md",
       "---\n"
       "title: 甲局主要负责人2023年度述法\n"
       "date: 2024-01-20\n"
       "unit: 甲局\n"
       "unit_slug: jia\n"
       "unit_type: 区直部门\n"
       "post: 甲局主要负责人\n"
       "year: 2023\n"
       "form: 书面述法\n"
       "---\n"
       "## 晒成绩\n\n成绩。\n"},
      {"content/profiles/2024-b.md",
       "---\n"
       "title: 乙镇党委主要负责人2024年度述法\n"
       "date: 2025-01-20\n"
       "unit: 乙镇\n"
       "unit_type: 镇街\n"
       "post: 乙镇党委主要负责人\n"
       "year: 2024\n"
       "form: 专题述法\n"
       "---\n"
       "## 拓思路\n\n思路。\n"},
  };
}

struct Built {
  bool ok = false;
  std::string errors;
  MemorySink sink;
  std::string File(const std::string& path) const {
    const std::string* f = sink.Find(path);
    return f ? *f : "(missing " + path + ")";
  }
};

void Build(std::map<std::string, std::string> files, Built* out) {
  SourceTree tree = SourceTree::FromFiles(std::move(files));
  Diagnostics diags;
  REQUIRE(tree.AddDirectory(std::string(FAZHI_SOURCE_DIR) + "/themes/default", "themes/default/",
                            &diags));
  BuildOptions opts;
  opts.jobs = 1;
  out->ok = BuildToSink(tree, opts, &out->sink, &diags, nullptr);
  out->errors = diags.Format();
}

bool Has(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = hay.find(needle); pos != std::string::npos; pos = hay.find(needle, pos + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("profiles build: the index shows cohort counts and profiles by year and type") {
  Built b;
  Build(ProfileSite("2025-06-30"), &b);
  REQUIRE(b.errors == "");
  REQUIRE(b.ok);
  std::string index = b.File("profiles/index.html");
  // Cohorts come from _index.md, not from counting profile files.
  CHECK(Has(index, "<strong>专题述法</strong> · 区委全面依法治区委员会会议：共 <span class=\"cohort-total\">62</span> 人"));
  CHECK(Has(index, "区委常委</a> <span class=\"cohort-count\">4</span> 人"));
  CHECK(Has(index, "区直部门</a> <span class=\"cohort-count\">42</span> 人"));
  CHECK(Has(index, "镇街</a> <span class=\"cohort-count\">16</span> 人"));
  CHECK(Has(index, "党政机关主要负责人 <span class=\"cohort-count\">8</span> 人"));
  CHECK(Has(index, "本站收录的述法档案（2 份）"));  // 2024
  CHECK(Has(index, "本站收录的述法档案（1 份）"));  // 2023
  CHECK(Has(index, "整改事项 3 项：已完成 1 项（33.3%），整改中 1 项，未开始 1 项，逾期 1 项"));

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
  Built b;
  Build(ProfileSite("2025-06-30"), &b);
  REQUIRE(b.ok);
  std::string p = b.File("profiles/2024-a/index.html");
  CHECK(Has(p, "<h1>甲局主要负责人2024年度述法</h1>"));
  CHECK(Has(p, "<span class=\"badge badge-sample\">示例</span> 本档案用于演示述法档案的格式"));
  // Sections: present ones link to their heading, absent ones say so.
  CHECK(Has(p, "<li><a href=\"#晒成绩\">晒成绩</a></li><li>亮家底 <span class=\"na\">（未公开）</span></li>"));
  // The 四个亲自 always show; unreported ones say 未报告.
  CHECK(Has(p, "<tr><th scope=\"row\">重大问题亲自过问</th><td>定期研究法治建设重大问题</td></tr>"));
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
  Built before;
  Build(ProfileSite("2025-06-30"), &before);
  REQUIRE(before.ok);
  std::string p = before.File("profiles/2024-a/index.html");
  CHECK(overdue_rows(p) == 1);
  size_t row = p.find("<td>问题一</td>");
  REQUIRE(row != std::string::npos);
  CHECK(p.find("已逾期", row) < p.find("<td>问题二</td>"));

  Built later;
  Build(ProfileSite("2026-01-01"), &later);
  REQUIRE(later.ok);
  CHECK(overdue_rows(later.File("profiles/2024-a/index.html")) == 2);  // 问题三 is due 2025-12-31
  Built earlier;
  Build(ProfileSite("2025-03-31"), &earlier);
  REQUIRE(earlier.ok);
  CHECK(overdue_rows(earlier.File("profiles/2024-a/index.html")) == 0);  // due today is not late
}

TEST_CASE("profiles build: a unit page lists its years and open and closed items") {
  Built b;
  Build(ProfileSite("2025-06-30"), &b);
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
  CHECK(u.find("<td>问题一<br>") > open);
  CHECK(u.find("<td>问题一<br>") < closed);
  CHECK(u.find("<td>问题三<br>") < closed);
  CHECK(u.find("<td>问题二<br>") > closed);
  // A unit without a slug gets its name as the URL segment.
  CHECK(Has(b.File("units/乙镇/index.html"), "<h1>乙镇</h1>"));
  std::string units = b.File("units/index.html");
  CHECK(Has(units, "<a href=\"/units/jia/\">甲局</a></th><td>区直部门</td><td>2 份</td>"));
}

TEST_CASE("profiles build: a profile error fails the build with its position") {
  auto files = ProfileSite("2025-06-30");
  std::string& p = files["content/profiles/2024-b.md"];
  p.replace(p.find("unit_type: 镇街"), std::string("unit_type: 镇街").size(), "unit_type: 村居");
  Built b;
  Build(files, &b);
  CHECK_FALSE(b.ok);
  CHECK(b.errors ==
        "content/profiles/2024-b.md:5:12: unknown unit_type '村居'; expected one of: 区委常委, "
        "区直部门, 镇街 (set [profiles] unit_types in site.toml)\n"
        "  unit_type: 村居\n"
        "             ^\n");
  CHECK(b.sink.files().empty());
}

TEST_CASE("profiles build: the privacy gate stops an ID number anywhere in content") {
  auto files = ProfileSite("2025-06-30");
  files["content/profiles/2024-b.md"] += "\n联系人：乙，身份证号11010519491231002X。\n";
  Built b;
  Build(files, &b);
  CHECK_FALSE(b.ok);
  CHECK(b.errors ==
        "content/profiles/2024-b.md:14:11: personal data: this looks like a 身份证号 (18 digits "
        "with a valid check digit and birth date); remove it\n"
        "  联系人：乙，身份证号11010519491231002X。\n"
        "                      ^\n");
  CHECK(b.sink.files().empty());

  // An allow-listed office number passes; an unlisted mobile does not.
  files = ProfileSite("2025-06-30");
  files["site.toml"] += "[privacy]\nallow = [\"138-0013-8000\"]\n";
  files["content/about.md"] = "---\ntitle: 关于\ndate: 2025-01-01\n---\n值班电话 13800138000\n";
  Built ok;
  Build(files, &ok);
  CHECK(ok.errors == "");
  files["content/about.md"] += "手机 13800138001\n";
  Built bad;
  Build(files, &bad);
  CHECK(Has(bad.errors, "content/about.md:6:4: personal data: this looks like a mobile phone number"));
}

}  // namespace fazhi
