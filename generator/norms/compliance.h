// Compliance checks a district's site is inspected for, run by `fazhi check`
// and by every build:
//  - an annual report (法治政府建设年度报告) states its year and publication
//    date, is published by 1 April of the following year (else flagged; on
//    time earns an 按时公开 mark), and covers the five required items, found
//    by its headings or mapped in front matter (`items: {accountability: "…"}`);
//  - no 空白栏目: a section with no published page is not published (the
//    model leaves it out); when that is because its pages are drafts, a
//    warning says so, so that a missing column never goes unexplained.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/site_model.h"
#include "core/source_tree.h"

namespace fazhi {

/// (ReportCompliance, the result, lives in core/site_model.h: report pages show it.)
/// The five items every 法治政府建设年度报告 must cover, in order.
struct RequiredItem {
  const char* key;   ///< front matter key under `items:`
  const char* name;  ///< 主要举措和成效, ...
};
const std::vector<RequiredItem>& RequiredReportItems();

/// Checks one report page (kind "report"). `file_text` is the source file,
/// quoted in messages. A late report, a report without a publication date
/// and a missing item are warnings; a bad `items:` mapping is an error.
ReportCompliance CheckReport(const Page& page, std::string_view file_text, Diagnostics* diags);

/// Warns, once per section folder under content/ that has Markdown files
/// but no published page, that it is left out because its pages are drafts
/// (at its _index.md, else at its first draft). Folders with nothing but an
/// _index.md (a new site's sections) are left out without a word.
void ExplainUnopenedSections(const Site& site, const SourceTree& tree, Diagnostics* diags);

}  // namespace fazhi
