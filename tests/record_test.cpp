// End-to-end: the official record (issue 14). Public pages carry only what
// the publisher states: editor notes and compliance findings go to `check`
// and `serve`, never into the built site.
#include <doctest/doctest.h>

#include <string>

#include "site_fixture.h"

namespace fazhi::testing {
namespace {

const char* kReportSite = R"(-- site.toml --
title = "测试区法治政府"
sponsor = "某区司法局"
as_of = 2025-06-30
-- content/_index.md --
---
title: 首页
---
-- content/reports/_index.md --
---
title: 年度报告
---
-- content/reports/2024.md --
---
title: 2024年法治政府建设年度报告
date: 2025-03-20
year: 2024
review:
  - 第五项“其他需要报告的情况”原文没有，待与办公室核实。
  - 6.8%与368件、80.16%推不出。
---
## 一、主要举措和成效
办理行政复议案件368件。
## 二、存在的不足和原因
不足。
## 三、下一年度主要安排
安排。
-- content/about.md --
---
title: 关于本站
date: 2025-01-02
review: 联系电话待办公室确认
---
本站说明。
)";

FixtureResult Build(const std::string& site) {
  return BuildFixture(site, {.default_theme = true, .build = {}});
}

}  // namespace

TEST_CASE("record: editor notes and compliance findings go to check, never into the built site") {
  FixtureResult r = Build(kReportSite);
  REQUIRE_MESSAGE(r.ok, r.errors);
  CHECK(Contains(r.errors,
                 "content/reports/2024.md:6:5: "
                 "编辑备注（不公开）：第五项“其他需要报告的情况”原文没有，待与办公室核实。\n"
                 "    - 第五项“其他需要报告的情况”原文没有，待与办公室核实。\n"));
  CHECK(Contains(r.errors, "content/reports/2024.md:7:5: 编辑备注（不公开）：6.8%与368件、80.16%推不出。\n"));
  CHECK(Contains(r.errors, "content/about.md:4:9: 编辑备注（不公开）：联系电话待办公室确认\n"));
  CHECK(Contains(r.errors, "warning: report states no publication date"));
  CHECK(Contains(r.errors, "warning: report lacks the required item 其他需要报告的情况"));
  for (const auto& [path, bytes] : r.files) {
    INFO(path);
    for (const char* internal : {"推不出", "待与办公室核实", "联系电话待办公室确认", "公开要求核对", "未见",
                                 "其他需要报告的情况", "逾期", "review"}) {
      INFO(internal);
      CHECK_FALSE(Contains(bytes, internal));
    }
    CHECK(path.rfind("_review", 0) != 0);
  }
  // The report page states its facts: year, publisher, what the original says about its date.
  const std::string& report = r.File("reports/2024/index.html");
  CHECK(Contains(report, "<div><dt>报告年度</dt><dd>2024年</dd></div>"));
  CHECK(Contains(report, "<dt>原文公开日期</dt><dd>原文未载明</dd>"));
}

TEST_CASE("record: 'review' must be text") {
  std::string site = kReportSite;
  Replace(&site, "review: 联系电话待办公室确认", "review:\n  - {a: b}");
  FixtureResult r = Build(site);
  CHECK_FALSE(r.ok);
  CHECK(Contains(r.errors,
                 "content/about.md:5:5: review（编辑备注）应为一段文字或文字列表\n"
                 "    - {a: b}\n"
                 "      ^\n"));
}

}  // namespace fazhi::testing
