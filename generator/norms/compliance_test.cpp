#include "norms/compliance.h"

#include <doctest/doctest.h>

namespace fazhi {
namespace {

// A report page as content loading leaves it: front matter parsed, TOC filled.
Page MakeReport(const SourceFile& f, int year, std::string published, std::vector<TocEntry> toc) {
  Page p;
  p.source_path = f.path;
  p.kind = "report";
  Diagnostics d;
  REQUIRE(ParseFrontMatter(f, &p.fm, &d));
  p.report.year = year;
  p.report.published = std::move(published);
  p.toc = std::move(toc);
  return p;
}

const std::vector<TocEntry> kSeedToc = {
    {2, "一推进法治政府建设的主要举措和成效", "一、推进法治政府建设的主要举措和成效"},
    {3, "一把握正确政治方向", "（一）把握正确政治方向"},
    {2, "二2024年度推进法治政府建设存在的不足和原因", "二、2024年度推进法治政府建设存在的不足和原因"},
    {2, "三下一年度推进法治政府建设的主要安排", "三、下一年度推进法治政府建设的主要安排"},
};

TEST_CASE("compliance: on-time report with the accountability item mapped into part 一") {
  SourceFile f{"content/reports/2024.md",
               "---\ntitle: 报告\nyear: 2024\npublished: 2025-03-20\nitems:\n"
               "  accountability: 一、推进法治政府建设的主要举措和成效\n"
               "  other: 三、下一年度推进法治政府建设的主要安排\n---\n正文\n"};
  Diagnostics d;
  ReportCompliance rc = CheckReport(MakeReport(f, 2024, "2025-03-20", kSeedToc), f.text, &d);
  CHECK(d.Format() == "");
  CHECK(rc.deadline == "2025-04-01");
  CHECK(rc.on_time);
  CHECK_FALSE(rc.late);
  CHECK(rc.complete);
  CHECK(rc.items[0].heading_id == "一推进法治政府建设的主要举措和成效");
  CHECK_FALSE(rc.items[0].mapped);
  CHECK(rc.items[1].heading_text == "二、2024年度推进法治政府建设存在的不足和原因");
  CHECK(rc.items[2].mapped);
  CHECK(rc.items[2].heading_id == "一推进法治政府建设的主要举措和成效");
  CHECK(rc.items[3].heading_id == "三下一年度推进法治政府建设的主要安排");
}

TEST_CASE("compliance: the deadline day itself is on time, the day after is late") {
  SourceFile f{"content/reports/2024.md", "---\nyear: 2024\npublished: 2025-04-02\n---\n"};
  Diagnostics d;
  CHECK(CheckReport(MakeReport(f, 2024, "2025-04-01", kSeedToc), f.text, &d).on_time);
  Diagnostics d2;
  ReportCompliance rc = CheckReport(MakeReport(f, 2024, "2025-04-02", kSeedToc), f.text, &d2);
  CHECK(rc.late);
  CHECK(
      d2.Format() ==
      "content/reports/2024.md:3:12: 警告：2024年度报告公开于 2025-04-02，晚于期限 2025-04-01（次年4月1日）\n"
      "  published: 2025-04-02\n"
      "             ^\n"
      "content/reports/2024.md:1:1: "
      "警告：报告缺少必备事项“党政主要负责人履行第一责任人职责情况”：没有标题涉及它；如果某一节写的就是它，请"
      "用 items: {accountability: \"标题\"} 对应起来\n"
      "  ---\n"
      "  ^\n"
      "content/reports/2024.md:1:1: "
      "警告：报告缺少必备事项“其他需要报告的情况”：没有标题涉及它；如果某一节写的就是它，请用 items: {other: "
      "\"标题\"} 对应起来\n"
      "  ---\n"
      "  ^\n");
  CHECK_FALSE(d2.has_errors());
  CHECK_FALSE(rc.complete);
}

TEST_CASE("compliance: a report without a publication date gets a warning, not a date") {
  SourceFile f{"content/reports/2024.md", "---\ntitle: 报告\nyear: 2024\n---\n"};
  std::vector<TocEntry> toc = kSeedToc;
  toc.push_back({2, "四其他需要报告的情况", "四、其他需要报告的情况"});
  toc.push_back({2, "五第一责任人", "五、党政主要负责人履行推进法治建设第一责任人职责情况"});
  Diagnostics d;
  ReportCompliance rc = CheckReport(MakeReport(f, 2024, "", toc), f.text, &d);
  CHECK(d.Format() ==
        "content/reports/2024.md:3:7: 警告：报告没有写公开日期：请加上“published: "
        "YYYY-MM-DD”（首次公开的日期），以便核对4月1日的期限（2025-04-01）\n"
        "  year: 2024\n"
        "        ^\n");
  CHECK(rc.published == "");
  CHECK_FALSE(rc.on_time);
  CHECK_FALSE(rc.late);
  CHECK(rc.complete);
}

TEST_CASE("compliance: a page that summarises part of a report does not list items as missing") {
  // An example site's digest covers only the report's opening: its missing
  // headings say nothing about the report itself.
  SourceFile f{"content/reports/a-2024.md", "---\nyear: 2024\nexcerpt: true\n---\n"};
  Page p = MakeReport(f, 2024, "2025-01-22", {{2, "一主要工作成效摘要", "一、主要工作成效（摘要）"}});
  p.report.excerpt = true;
  Diagnostics d;
  ReportCompliance rc = CheckReport(p, f.text, &d);
  CHECK(d.Format() == "");
  CHECK(rc.excerpt);
  CHECK(rc.on_time);  // the date is still checked
  CHECK_FALSE(rc.complete);
  for (const ReportItemStatus& i : rc.items) CHECK(i.heading_id.empty());

  Diagnostics undated;
  p.report.published.clear();
  CHECK(CheckReport(p, f.text, &undated).excerpt);
  CHECK(undated.warning_count() == 1);  // only the missing publication date
}

TEST_CASE("compliance: a bad items mapping is an error at its position") {
  SourceFile f{
      "content/reports/2024.md",
      "---\nyear: 2024\npublished: 2025-03-01\nitems:\n  acountability: 一、\n  other: 不存在的标题\n"
      "  next_year: [a]\n---\n"};
  Diagnostics d;
  CheckReport(MakeReport(f, 2024, "2025-03-01", kSeedToc), f.text, &d);
  CHECK(d.has_errors());
  std::string out = d.Format();
  CHECK(
      out.find("content/reports/2024.md:5:3: 没有“acountability”这个报告事项，是不是要写“accountability”？\n"
               "    acountability: 一、\n"
               "    ^\n") != std::string::npos);
  CHECK(out.find("content/reports/2024.md:6:10: items.other：报告里没有“不存在的标题”这个标题\n"
                 "    other: 不存在的标题\n"
                 "           ^\n") != std::string::npos);
  CHECK(out.find("content/reports/2024.md:7:14: items.next_year 要写一个标题的文字或编号\n") !=
        std::string::npos);
  CHECK(d.Format(Lang::kEn).find("content/reports/2024.md:7:14: items.next_year must be a heading's text or "
                                 "anchor\n") != std::string::npos);
}

TEST_CASE("compliance: a section left out because its pages are drafts says so, a new empty one does not") {
  Site site;
  site.sections.push_back({"news", "新闻", "/news/", -1, {0}});
  site.unopened.push_back({"reports", "/reports/", "年度报告", "content/reports/_index.md"});
  site.unopened.push_back({"notices", "/notices/", "通知公告", "content/notices/_index.md"});
  SourceTree tree = SourceTree::FromFiles({
      {"content/news/a.md", "---\ntitle: a\n---\n"},
      {"content/reports/_index.md", "---\ntitle: 年度报告\n---\n"},
      {"content/reports/2025.md", "---\ntitle: 2025\ndraft: true\n---\n"},
      {"content/notices/_index.md", "---\ntitle: 通知公告\n---\n"},
      {"content/drafts/x.md", "---\ntitle: x\ndraft: true\n---\n"},
  });
  Diagnostics d;
  ExplainUnopenedSections(site, tree, &d);
  CHECK_FALSE(d.has_errors());
  CHECK(d.Format() ==
        "content/drafts/x.md:1:1: 警告：栏目“drafts”（/drafts/）这次不发布：它只有草稿 "
        "content/drafts/x.md（标着 "
        "draft: true），空白栏目不发布，它的菜单项也暂不显示。稿子写完后删去 draft: true "
        "这一行即可发布；发布前可以用 "
        "fazhi serve --drafts 预览草稿\n"
        "  ---\n"
        "  ^\n"
        "content/reports/_index.md:1:1: 警告：栏目“年度报告”（/reports/）这次不发布：它只有草稿 "
        "content/reports/2025.md（标着 draft: true），空白栏目不发布，它的菜单项也暂不显示。稿子写完后删去 "
        "draft: "
        "true 这一行即可发布；发布前可以用 fazhi serve --drafts 预览草稿\n"
        "  ---\n"
        "  ^\n");
}

}  // namespace
}  // namespace fazhi
