// Compliance checks a district's site is inspected for, run by `fazhi check`
// and by every build:
//  - an annual report (法治政府建设年度报告) states its year and publication
//    date, is published by 1 April of the following year (else flagged; on
//    time earns an 按时公开 mark), and covers the five required items, found
//    by its headings or mapped in front matter (`items: {accountability: "…"}`);
//  - no 空白栏目: a section folder with an _index.md but no pages fails the build.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "site_model.h"
#include "source_tree.h"

namespace fazhi {

/// The five items every 法治政府建设年度报告 must cover, in order.
struct RequiredItem {
  const char* key;   ///< front matter key under `items:`
  const char* name;  ///< 主要举措和成效, ...
};
const std::vector<RequiredItem>& RequiredReportItems();

struct ReportItemStatus {
  std::string key;
  std::string name;
  std::string heading_id;    ///< anchor of the heading that covers it; "" when missing
  std::string heading_text;
  bool mapped = false;       ///< found through the front matter mapping
};

struct ReportCompliance {
  std::string deadline;   ///< YYYY-04-01 of the year after the report's year
  std::string published;  ///< as stated; "" when the report states none
  bool on_time = false;   ///< published on or before the deadline
  bool late = false;      ///< published after the deadline
  std::vector<ReportItemStatus> items;  ///< the five, in order
  bool complete() const;  ///< every item found
};

/// Checks one report page (kind "report"). `file_text` is the source file,
/// quoted in messages. A late report, a report without a publication date
/// and a missing item are warnings; a bad `items:` mapping is an error.
ReportCompliance CheckReport(const Page& page, std::string_view file_text, Diagnostics* diags);

/// Reports every section with an _index.md and no pages (空白栏目) as an
/// error at line 1 of its _index.md.
void CheckEmptySections(const Site& site, const SourceTree& tree, Diagnostics* diags);

}  // namespace fazhi
