#include "units/tracker.h"

#include <doctest/doctest.h>

#include "indicators/units_csv.h"

namespace fazhi {
namespace {

const char kUnits[] =
    "slug,name,short_names,type,report_from,report_until,note\n"
    "qzf,滨河区人民政府,区政府,区政府,,,\n"
    "sfj,滨河区司法局,区司法局,区直部门,,,\n"
    "czj,滨河区财政局,,区直部门,,,\n"
    "gaj,滨河区公安分局,,区直部门,,,\n"
    "xjz,滨河区新设局,,区直部门,2025,,\n"
    "hbj,滨河区环保局,,区直部门,,2023,\n"
    "jd1,示例街道办事处,,镇街,,,\n";

Page Report(const std::string& unit, int year, const std::string& published, int items_found) {
  Page p;
  p.kind = "report";
  p.url = "/reports/" + unit + "-" + std::to_string(year) + "/";
  p.title = std::to_string(year) + "年报告";
  p.report.year = year;
  p.report.unit = unit;
  p.report.published = published;
  ReportCompliance& c = p.report.compliance;
  c.deadline = std::to_string(year + 1) + "-04-01";
  c.published = published;
  c.on_time = !published.empty() && published <= c.deadline;
  c.late = !published.empty() && !c.on_time;
  const char* names[] = {"主要举措和成效", "存在的不足和原因", "党政主要负责人履行第一责任人职责情况",
                         "下一年度主要安排", "其他需要报告的情况"};
  for (int i = 0; i < 5; ++i) {
    ReportItemStatus s;
    s.name = names[i];
    if (i < items_found) s.heading_id = "h" + std::to_string(i);
    c.items.push_back(s);
  }
  return p;
}

}  // namespace

TEST_CASE("units_tracker: on time, late, undated, missing, pending, not required, 示例 left out") {
  Diagnostics diags;
  UnitRegistry reg;
  REQUIRE(ParseUnitRegistry("data/units.csv", kUnits, &reg, &diags));
  std::vector<Page> pages = {Report("qzf", 2024, "2025-03-28", 5), Report("sfj", 2024, "2025-04-15", 3),
                             Report("czj", 2024, "", 5), Report("jd1", 2024, "2025-03-01", 5),
                             Report("sfj", 2023, "2024-03-20", 5)};
  std::set<std::pair<std::string, int>> shufa = {{"sfj", 2024}, {"jd1", 2024}};
  Tracker t = BuildTracker(reg, 2024, pages, shufa, "2025-06-30");
  REQUIRE(t.rows.size() == 7);
  CHECK(t.deadline == "2025-04-01");
  CHECK(t.rows[0].state == TrackState::kOnTime);
  CHECK(t.rows[1].state == TrackState::kLate);
  CHECK(t.rows[2].state == TrackState::kUndated);
  CHECK(t.rows[3].state == TrackState::kMissing);      // gaj: must report, nothing on the site
  CHECK(t.rows[4].state == TrackState::kNotRequired);  // xjz: reports from 2025
  CHECK(t.rows[5].state == TrackState::kNotRequired);  // hbj: reported until 2023
  CHECK(t.rows[6].state == TrackState::kOnTime);       // the 示例 unit, shown
  CHECK(TrackerText(t) ==
        "2024年度法治政府建设年度报告公开情况（截止日期 2025-04-01）\n"
        "  滨河区人民政府                    区政府    按时公开                2025-03-28  要求事项 5/5  "
        "述法 无\n"
        "  滨河区司法局                      区直部门  逾期公开                2025-04-15  要求事项 "
        "3/5（缺下一年度主要安排、"
        "其他需要报告的情况）  述法 有\n"
        "  滨河区财政局                      区直部门  已公开，未载明公开日期  -           要求事项 5/5  "
        "述法 无\n"
        "  滨河区公安分局                    区直部门  未公开                  -           -  述法 无\n"
        "  滨河区新设局                      区直部门  未列入本年度名录        -           -  述法 无\n"
        "  滨河区环保局                      区直部门  未列入本年度名录        -           -  述法 无\n"
        "  示例街道办事处（示例）            镇街      按时公开                2025-03-01  要求事项 5/5  "
        "述法 有\n"
        "  区政府      应报 1，已公开 1（按时 1，逾期 0，未载明日期 0），未公开 0，未到截止日期 0，述法 0\n"
        "  区直部门    应报 3，已公开 2（按时 0，逾期 1，未载明日期 1），未公开 1，未到截止日期 0，述法 1\n"
        "  合计        应报 4，已公开 3（按时 1，逾期 1，未载明日期 1），未公开 1，未到截止日期 0，述法 1\n");
  // Before the deadline a unit without a report is pending, not missing.
  Tracker early = BuildTracker(reg, 2024, pages, shufa, "2025-02-01");
  CHECK(early.rows[3].state == TrackState::kPending);
  CHECK(early.total.pending == 1);
  CHECK(early.total.missing == 0);
  // The years: every year from the first report to the last.
  CHECK(TrackerYears(pages) == std::vector<int>{2023, 2024});
}

TEST_CASE("units_tracker: downloads state facts only") {
  Diagnostics diags;
  UnitRegistry reg;
  REQUIRE(ParseUnitRegistry("data/units.csv", kUnits, &reg, &diags));
  std::vector<Page> pages = {Report("qzf", 2024, "2025-03-28", 2)};
  Tracker t = BuildTracker(reg, 2024, pages, {}, "2025-06-30");
  std::string csv = TrackerCsv(t, "https://fz.example.gov.cn/");
  CHECK(csv.substr(0, 3) == "\xEF\xBB\xBF");
  CHECK(csv.substr(3, csv.find("\r\n", 3) + 2 - 3) ==
        "year,unit,name,type,sample,state,status,published,deadline,report_url,shufa\r\n");
  CHECK(csv.find("2024,qzf,滨河区人民政府,区政府,false,on_time,按时公开,2025-03-28,2025-04-01,"
                 "https://fz.example.gov.cn/reports/qzf-2024/,false\r\n") != std::string::npos);
  CHECK(csv.find("2024,jd1,示例街道办事处,镇街,true,missing,未公开,,2025-04-01,,false\r\n") !=
        std::string::npos);
  // The editor's item check (2/5 here) is not in the download.
  CHECK(csv.find("要求事项") == std::string::npos);
  std::string json = TrackerJson(t, "");
  CHECK(json.find("\"total\": {\n    \"type\": \"\",\n    \"required\": 4,\n    \"published\": 1,") !=
        std::string::npos);
}

}  // namespace fazhi
