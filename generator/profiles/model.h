// Accountability profiles (一把手述法): one profile is one 述法 by one
// principal official in one year, a Markdown page under content/profiles/
// whose front matter carries the typed facts (unit, post, form, duty
// checklist, evaluation, rectification items) and whose body carries the
// 述法 sections as `##` headings. content/profiles/_index.md defines the
// cohorts (how many heads of which unit type gave which 述法), because the
// sources publish counts, not texts. Everything is validated with positions;
// nothing is derived that the source did not publish (no scores, no names).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/diagnostics.h"
#include "core/front_matter.h"
#include "core/site_model.h"
#include "core/source_tree.h"
#include "indicators/model.h"

namespace fazhi {

/// The statuses a rectification item may have, in workflow order.
const std::vector<std::string>& RectificationStatuses();
inline constexpr std::string_view kStatusDone = "已完成";
/// The value of `completed` for an item the source says is done without a date.
inline constexpr std::string_view kCompletedUnstated = "未注明";

/// The 四个亲自 of the 第一责任人 rules (2016, 第四条): every profile shows
/// these, each with its evidence or 未报告.
const std::vector<std::string>& DefaultDutyItems();

/// Vocabulary and "today" for validation.
struct ProfileRules {
  ProfilesConfig vocab;                      ///< unit types, section names, forms
  std::string as_of;                         ///< YYYY-MM-DD; overdue is computed against it
  std::vector<std::string_view> other_keys;  ///< front matter keys the core owns
};

struct DutyItem {
  std::string item;      ///< "重要工作亲自部署"
  std::string evidence;  ///< empty: 未报告
  std::string source;    ///< where the evidence was published
};

struct Evaluation {
  std::string comment;  ///< 点评, as published
  std::string rating;   ///< 民主测评 result, as published (text, never computed)
  std::string by;       ///< who evaluated
  std::string source;   ///< where it was published (required)
  bool present() const { return !comment.empty() || !rating.empty(); }
};

struct RectificationItem {
  std::string problem;    ///< 问题
  std::string measure;    ///< 措施 (may be unpublished)
  std::string owner;      ///< 责任单位
  std::string deadline;   ///< 时限 YYYY-MM-DD, may be empty (not published)
  std::string status;     ///< one of RectificationStatuses()
  std::string completed;  ///< completion date, optional
  /// `completed: 未注明`: 已完成, and the source states no date (none is guessed).
  bool completed_unstated = false;
  std::string basis;     ///< the source that supports the item
  bool overdue = false;  ///< deadline < as_of and not 已完成
};

struct ProfileLink {
  std::string title;
  std::string url;
  std::string kind;  ///< "source" or "media"
};

struct ProfileSection {
  std::string name;     ///< configured name ("晒成绩")
  std::string heading;  ///< the heading's text as written, empty when absent
  int line = 0;         ///< line of the heading, 0 when absent
};

struct Profile {
  std::string source_path;          ///< content/profiles/2024-sfj.md
  std::string unit;                 ///< 单位
  std::string unit_slug;            ///< URL segment of /units/<unit_slug>/
  int unit_line = 0, unit_col = 0;  ///< position of the unit (or unit_slug) value
  std::string unit_type;            ///< one of ProfilesConfig::unit_types
  std::string post;                 ///< 职务, e.g. 区司法局主要负责人
  std::string name;                 ///< only when officially published
  std::string name_source;          ///< the official page that published the name
  int year = 0;
  std::string held;                      ///< 述法日期 YYYY-MM-DD, may be empty
  std::string form;                      ///< one of ProfilesConfig::forms
  std::string occasion;                  ///< e.g. 区委全面依法治区委员会会议
  bool sample = false;                   ///< 示例: illustrates the format, not a published 述法
  std::vector<ProfileSection> sections;  ///< configured sections, in config order
  std::vector<DutyItem> duties;          ///< 四个亲自 first, then extra items
  Evaluation evaluation;
  std::vector<RectificationItem> rectification;
  std::vector<ProfileLink> links;
  /// Indicator ids the profile cites (checked against the indicators, when
  /// the site has them); each with the line and column of its value.
  std::vector<std::string> indicators;
  std::vector<std::pair<int, int>> indicator_pos;
};

/// One group of a cohort: a unit type (validated) or a free label.
struct CohortGroup {
  std::string unit_type;  ///< empty when `label` is used
  std::string label;      ///< e.g. 党政机关主要负责人 when the type split is unknown
  int count = 0;
  std::string indicator;  ///< optional indicator id holding the same count
  int line = 0, col = 0;  ///< position of the group
};

/// How many heads gave one form of 述法 in one year, as the source states it.
struct Cohort {
  int year = 0;
  std::string form;
  std::string occasion;
  std::string source;  ///< text or URL of the source
  std::string note;
  std::vector<CohortGroup> groups;
  std::string path;  ///< the _index.md it came from
  int total() const;
};

/// The front matter keys a profile may use besides the core's.
const std::vector<std::string_view>& ProfileKeys();

/// Reads one profile from its parsed front matter and body. Reports every
/// problem (missing required key, unknown unit type/form/status, bad date,
/// unknown key) at its position. Returns false on error.
bool ParseProfile(const SourceFile& file, const FrontMatter& fm, const ProfileRules& rules, Profile* out,
                  Diagnostics* diags);

/// Reads `cohorts:` from the front matter of content/profiles/_index.md.
bool ParseCohorts(const SourceFile& file, const FrontMatter& fm, const ProfileRules& rules,
                  std::vector<Cohort>* out, Diagnostics* diags);

/// The configured sections found as `##` headings in `body` (fenced code is
/// skipped). A heading matches a section when its text contains the name.
std::vector<ProfileSection> FindSections(std::string_view body, int body_first_line,
                                         const std::vector<std::string>& names);

/// Cross-profile checks: one unit keeps one slug and one slug one unit.
bool CheckUnits(const std::vector<Profile>& profiles, const SourceTree& tree, Diagnostics* diags);

/// The URL segment for a unit: its slug, or its name with '/' and spaces
/// replaced by '-'.
std::string UnitSlug(std::string_view unit, std::string_view explicit_slug);

/// The site URL of a unit's page: "/units/<slug>/".
std::string UnitPageUrl(std::string_view slug);

/// Totals of rectification items (整改), for the index, unit pages and the
/// dashboard indicator.
struct RectificationSummary {
  int items = 0;
  int completed = 0;
  int in_progress = 0;
  int not_started = 0;
  int overdue = 0;
  /// completed / items as "50%" (one decimal when not whole), "" when no items.
  std::string ShareCompleted() const;
};

/// Sums the items of `profiles`; `year` 0 means all years. A dashboard
/// indicator should pass include_samples = false: items of 示例 profiles are
/// illustrations, not data.
RectificationSummary SummarizeRectification(const std::vector<Profile>& profiles, int year = 0,
                                            bool include_samples = true);

/// Everything the profile pages are built from.
struct ProfilesData {
  std::vector<Profile> profiles;  ///< sorted by year (newest first), then path
  std::vector<Cohort> cohorts;    ///< from content/profiles/_index.md
  bool present() const { return !profiles.empty() || !cohorts.empty(); }
};

/// Stage "data" for profiles: reads every page under content/profiles/ (the
/// _index.md for cohorts; LoadContent gave them kind "profile", so the core
/// leaves their rendering to RenderProfiles) and checks units across files.
/// With a unit registry (`units` present), a profile's `unit` is a slug or
/// any name of data/units.csv and becomes the unit's full name and slug.
bool LoadProfiles(const SourceTree& tree, const Config& config, std::vector<Page>* pages, ProfilesData* out,
                  Diagnostics* diags, const UnitRegistry* units = nullptr);

/// Binds profiles to the indicators: every cited indicator must exist, and a
/// cohort group that names an indicator must state the same count as the
/// indicator's value for the cohort's year (one fact, one number).
bool CheckProfileIndicators(const ProfilesData& data, const IndicatorSet& set, const SourceTree& tree,
                            Diagnostics* diags);

}  // namespace fazhi
