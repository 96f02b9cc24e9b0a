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
  CHECK(Contains(r.errors, "警告：报告没有写公开日期"));
  CHECK(Contains(r.errors, "警告：报告缺少必备事项“其他需要报告的情况”"));
  for (const auto& [path, bytes] : r.files) {
    const std::string shown = path;  // clang cannot capture a structured binding
    INFO(shown);
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

namespace {

// A report with full 信息公开 metadata, a 落款 and two originals; a plain
// page with a 落款 only; a page with nothing of the record.
const char* kRecordSite = R"(-- site.toml --
title = "测试区法治政府"
sponsor = "测试区司法局"
as_of = 2026-06-30
-- content/_index.md --
---
title: 首页
---
-- content/reports/_index.md --
---
title: 年度报告
---
-- content/reports/2025.md --
---
title: 测试区司法局2025年法治政府建设年度报告
date: 2026-03-25
year: 2025
published: 2026-03-20
index_no: 11440000TEST00000X/2026-00012
issuer: 测试区司法局
topic: 综合政务
doc_no: 测司〔2026〕3号
written: 2026-03-18
signature:
  - 测试区司法局
  - 2026年3月18日
attachments:
  - file: 2025.pdf
    title: 年度报告原件（PDF）
  - 原件/2025.ofd
---
## 一、主要举措和成效
举措。
## 二、存在的不足和原因
不足。
## 三、第一责任人履职情况
履职。
## 四、下一年度主要安排
安排。
## 五、其他需要报告的情况
无。
-- content/reports/2025.pdf --
%PDF-1.4 测试
-- content/reports/原件/2025.ofd --
abc
-- content/notice.md --
---
title: 关于调整办公时间的通知
date: 2026-02-01
signature: [测试区司法局, 2026年1月30日]
---
通知正文。
-- content/about.md --
---
title: 关于本站
date: 2026-01-02
---
本站说明。
)";

}  // namespace

TEST_CASE("record: the 信息公开 metadata table, 落款 and originals of a report") {
  FixtureResult r = Build(kRecordSite);
  REQUIRE_MESSAGE(r.ok, r.errors);
  const std::string& report = r.File("reports/2025/index.html");
  // The catalogue table a portal shows above an item: every stated field.
  // Left out of the search but for the 索引号 and 文号, which a reader may
  // type to find the report (search/page.h, SearchSection::record).
  CHECK(Contains(report, "<table class=\"gk-meta\" id=\"gk-meta\" data-search-ignore>"));
  CHECK(Contains(report,
                 "<th scope=\"row\" data-search-keep>索引号</th><td "
                 "data-search-keep>11440000TEST00000X/2026-00012</td>"));
  CHECK(Contains(report, "<th scope=\"row\">主题分类</th><td>综合政务</td>"));
  CHECK(Contains(report, "<th scope=\"row\">发布机构</th><td>测试区司法局</td>"));
  CHECK(Contains(
      report, "<th scope=\"row\">成文日期</th><td><time datetime=\"2026-03-18\">2026年3月18日</time></td>"));
  CHECK(Contains(report,
                 "<th scope=\"row\">名称</th><td colspan=\"3\">测试区司法局2025年法治政府建设年度报告</td>"));
  CHECK(Contains(report,
                 "<th scope=\"row\" data-search-keep>文号</th><td data-search-keep>测司〔2026〕3号</td>"));
  // 发布日期 is the report's own publication date, with 按时公开 (before 1 April).
  CHECK(Contains(report,
                 "<th scope=\"row\">发布日期</th><td><time datetime=\"2026-03-20\">2026年3月20日</time> "
                 "<span class=\"mark-ontime\""));
  // The day this site put it up is said to be this site's.
  CHECK(Contains(report, "本站发布日期：<time datetime=\"2026-03-25\">2026年3月25日</time>"));
  // The table replaces the facts it holds: 原文公开日期 appears once, as 发布日期.
  CHECK_FALSE(Contains(report, "原文公开日期"));
  // 落款: one line each, right-aligned by the theme.
  CHECK(Contains(report, "<p class=\"signature\">测试区司法局<br>2026年3月18日</p>"));
  // The originals, byte for byte beside the page, listed with format, size and checksum.
  CHECK(r.File("reports/2025.pdf") == "%PDF-1.4 测试\n");
  CHECK(r.File("reports/原件/2025.ofd") == "abc\n");
  CHECK(Contains(report,
                 "<li><a href=\"/reports/2025.pdf\">年度报告原件（PDF）</a> "
                 "<span class=\"att-facts\">（PDF，16 字节）</span>"));
  CHECK(Contains(report,
                 "<li><a href=\"/reports/原件/2025.ofd\">2025.ofd</a> "
                 "<span class=\"att-facts\">（OFD，4 字节）</span>"));
  CHECK(Contains(report, "SHA-256：<code>" +
                             std::string("edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb") +
                             "</code>"));  // sha256("abc\n")

  // A plain page with a 落款 and no catalogue fields: no table, the usual dates.
  const std::string& notice = r.File("notice/index.html");
  CHECK_FALSE(Contains(notice, "gk-meta"));
  CHECK(Contains(notice, "<span>发布日期：<time datetime=\"2026-02-01\">2026年2月1日</time></span>"));
  CHECK(Contains(notice, "<p class=\"signature\">测试区司法局<br>2026年1月30日</p>"));
  // Nothing of the record where the page states none.
  const std::string& about = r.File("about/index.html");
  for (const char* absent : {"gk-meta", "signature", "attachments", "本站发布日期"}) {
    INFO(absent);
    CHECK_FALSE(Contains(about, absent));
  }
}

TEST_CASE("record: a report without metadata says which date is this site's") {
  FixtureResult r = Build(kReportSite);
  REQUIRE_MESSAGE(r.ok, r.errors);
  const std::string& report = r.File("reports/2024/index.html");
  CHECK(Contains(report, "<span>本站发布日期：<time datetime=\"2025-03-20\">2025年3月20日</time></span>"));
  CHECK_FALSE(Contains(report, "gk-meta"));
  CHECK(Contains(r.File("about/index.html"), "<span>发布日期：<time datetime=\"2025-01-02\">"));
}

TEST_CASE("record: a missing, misplaced or unpublishable attachment is an error at its position") {
  std::string site = kRecordSite;
  Replace(&site, "  - 原件/2025.ofd\n",
          "  - 原件/2025.ofd\n"
          "  - 2024.pdf\n"
          "  - ../../site.toml.pdf\n"
          "  - 说明.rtf\n"
          "  - 旧/2025.pdf\n"
          "  - {title: 无文件}\n");
  site += "-- content/reports/说明.rtf --\n说明\n-- content/reports/旧/2025.pdf --\n旧\n";
  FixtureResult r = Build(site);
  CHECK_FALSE(r.ok);
  CHECK(Contains(r.errors,
                 "content/reports/2025.md:18:5: 附件“2024.pdf”不存在：应放在 "
                 "content/reports/2024.pdf（路径相对于本页所在的文件夹）\n"
                 "    - 2024.pdf\n"
                 "      ^\n"));
  CHECK(Contains(r.errors,
                 "content/reports/2025.md:19:5: 附件“../../site.toml.pdf”不在 content/ "
                 "文件夹内：请把原件放在本页旁边，写相对路径\n"));
  CHECK(Contains(r.errors,
                 "content/reports/2025.md:20:5: 附件“说明.rtf”的格式不能作为原件公开：只能是 "
                 "PDF、OFD、Word（.doc、.docx）、WPS（.wps）、Excel（.xls、.xlsx）或文本（.txt）\n"));
  CHECK_FALSE(Contains(r.errors, "旧/2025.pdf"));  // another folder, another published path: fine
  CHECK(Contains(r.errors,
                 "content/reports/2025.md:22:5: attachments（附件）的每一项应为文件名，或写成 "
                 "file（文件名）和 title（标题）两项\n"));
}

}  // namespace fazhi::testing
