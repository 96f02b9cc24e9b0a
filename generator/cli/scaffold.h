// The files `fazhi new` writes: a new site that builds at once without an
// error or a warning, an annual report, an indicator and a 述法 profile,
// each with comments in Chinese that say what every line is for. Pure text;
// new_command.cpp writes it, never over an existing file.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace fazhi {

struct ScaffoldFile {
  std::string path;  ///< relative to the site folder
  std::string text;
};

/// site.toml, a .gitignore for the build's output, the home page, 关于本站 and each section's _index.md with
/// its Chinese title (年度报告, 指标, 述法), for `sponsor` (主办单位) on `date`.
std::vector<ScaffoldFile> SiteScaffold(const std::string& sponsor, const std::string& date);

/// An annual report for `year` by `publisher`, a draft with the five
/// required items as headings.
std::string ReportScaffold(const std::string& year, const std::string& publisher, const std::string& date);

/// An indicator definition `id` (content/indicators/<id>.md), a draft.
/// `categories` are the slugs and names of site.toml, listed in a comment.
std::string IndicatorScaffold(const std::string& id, const std::string& date,
                              const std::vector<std::pair<std::string, std::string>>& categories);

/// A 述法 profile of unit `unit_slug` for `year`, a draft. `unit_types`,
/// `forms` and `sections` are those of site.toml: listed in comments, and
/// one heading per section.
std::string ProfileScaffold(const std::string& unit_slug, const std::string& year, const std::string& date,
                            const std::string& unit, const std::vector<std::string>& unit_types,
                            const std::vector<std::string>& forms, const std::vector<std::string>& sections);

}  // namespace fazhi
