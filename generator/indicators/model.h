// Indicators as data: definitions (content/indicators/<id>.md front matter),
// observations (data/indicators/*.csv rows) and their validation. Everything
// the dashboard, charts, open-data files and the `value` shortcode show comes
// from an IndicatorSet built and checked here.
#pragma once

#include <array>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/config.h"  // IndicatorCategory, DefaultIndicatorCategories
#include "core/diagnostics.h"
#include "core/front_matter.h"
#include "core/source_tree.h"
#include "indicators/csv.h"
#include "units/registry.h"

namespace fazhi {

enum class IndicatorKind { kCount, kRate, kAmount, kBoolean, kChange };
enum class Direction { kUp, kDown, kNeutral, kTarget };
/// How the source states a value: exactly, or 以上/多/余/约/近/超.
enum class Qualifier { kExact, kAtLeast, kMore, kOver, kAbout, kNearly, kExceeds };
enum class Basis { kOriginal, kComputed };  ///< 原文 (as published) or 计算 (derived)
/// The time a value covers, as its source sentence says: the year's flow
/// (年度, "2024年办理…368件"), a total since some start (累计, "累计成功化解
/// 1537宗"), a stock on a date (截至, "截至目前，…25个"), or a sentence that
/// leaves it open (未载明). Values of different scopes are never compared
/// or charted together.
enum class Scope { kAnnual, kCumulative, kPointInTime, kUnstated };

const char* KindName(IndicatorKind k);   ///< "count", "rate", ...
const char* DirectionName(Direction d);  ///< "up", "down", ...
const char* QualifierText(Qualifier q);  ///< "", "以上", "多", ...
const char* BasisText(Basis b);          ///< "原文" or "计算"
const char* ScopeText(Scope s);          ///< "年度", "累计", "截至" or "未载明"

/// A page an indicator links to (e.g. the 述法 profiles a derived value is
/// computed from): a site URL without the base prefix.
struct IndicatorLink {
  std::string title;
  std::string url;   ///< "/profiles/2024-sfj/"
  std::string note;  ///< e.g. "2024年 · 2项"
};

struct IndicatorDef {
  std::string id;        ///< file name without .md
  std::string path;      ///< "content/indicators/<id>.md"
  std::string title;     ///< 名称
  std::string category;  ///< a category slug
  std::string unit;      ///< 件, 宗, %, ...
  IndicatorKind kind = IndicatorKind::kCount;
  Direction direction = Direction::kNeutral;
  bool has_target = false;
  std::string target_text;  ///< as written ("100")
  double target = 0;
  std::string method;  ///< 口径/计算方法
  std::string numerator, denominator;
  std::string responsible;           ///< 责任单位
  std::string change_of;             ///< kind change: the indicator whose 同比 this states
  std::vector<std::string> aliases;  ///< names prose uses (for `fazhi check`)
  std::vector<std::string> related;  ///< related indicator ids
  int weight = 0;                    ///< order within its category (then id)
  int change_of_line = 0, change_of_col = 0;
  std::vector<std::array<int, 2>> related_pos;
  /// Set for indicators the build computes from other site data (see
  /// IndicatorSet::AddGenerated); such a definition has no page and no path.
  bool generated = false;
  std::vector<IndicatorLink> derived_from;  ///< the pages its values come from
  std::string date;    ///< generated only: 发布日期 (newest page it is computed from)
  std::string source;  ///< generated only: 信息来源
};

/// Reads a definition from the front matter `root` (a map) of `file`.
/// `id` is the file name without ".md". Reports missing or malformed fields
/// and unknown categories. Returns false on error.
bool ParseIndicatorDef(const SourceFile& file, const FmNode& root, std::string id,
                       const std::vector<IndicatorCategory>& categories, IndicatorDef* out,
                       Diagnostics* diags);

/// The front matter keys ParseIndicatorDef reads.
const std::vector<std::string_view>& IndicatorDefKeys();

enum class Column {
  kIndicator,
  kYear,
  kValue,
  kUnit,
  kQualifier,
  kBreakdown,
  kBasis,
  kFormula,
  kSource,
  kNote,
  kScope,
  kSince,
  kUntil,
  kQuote,
  kReportingUnit
};
constexpr int kColumnCount = 15;
/// English header name of a column ("indicator"); the Chinese alias is ColumnAlias.
const char* ColumnName(Column c);
const char* ColumnAlias(Column c);  ///< "指标"

/// One value of one indicator. Its key is (indicator, year, breakdown) —
/// see Key(); a further dimension (a reporting unit) belongs in the key, the
/// time scope does not: one indicator has one value per year and group, and
/// the scope says what kind of value it is.
struct Observation {
  std::string indicator;
  int year = 0;  ///< the reporting year: the year of the report that states it
  /// What time the value covers; since/until only as the source gives them.
  Scope scope = Scope::kAnnual;
  std::string since;       ///< 累计: start, "2019", "2019-03" or "2019-03-01"; "" = not stated
  std::string until;       ///< 截至: date in the same forms; "" = 截至目前 (no date stated)
  std::string value_text;  ///< exact decimal text as stated ("80.16"); 是/否 for boolean
  double value = 0;
  std::string unit;  ///< the definition's unit when the cell is empty
  Qualifier qualifier = Qualifier::kExact;
  std::string breakdown;  ///< "" for the whole area; else 镇街/部门
  /// The reporting unit whose report states the value (its slug in
  /// data/units.csv); "" for the site's own figures.
  std::string reporter;
  Basis basis = Basis::kOriginal;
  std::string formula;  ///< for 计算: "a / b * 100" with numbers or id@year
  std::string source;   ///< "reports/2024.md#anchor" or a URL
  std::string quote;    ///< 原文: the source sentence, verbatim
  std::string note;
  std::string path;                                    ///< the CSV file ("" for generated values)
  int line = 0;                                        ///< row line
  std::array<std::array<int, 2>, kColumnCount> pos{};  ///< line, col per column

  /// The identity of the value: no two observations share it.
  auto Key() const { return std::tie(indicator, year, reporter, breakdown); }
  /// Same scope (and the same start for 累计): a change or a trend between
  /// the two values means something.
  bool ComparableWith(const Observation& o) const;
};

/// Everything the indicator pages show, validated.
struct IndicatorSet {
  std::vector<IndicatorCategory> categories;
  std::vector<IndicatorDef> defs;                ///< sorted by id
  std::vector<Observation> observations;         ///< sorted by indicator, year, breakdown
  std::map<std::string, std::string> csv_texts;  ///< decoded CSV texts, for messages
  /// Ids whose definition is a draft left out of this build: their rows are
  /// skipped like the draft itself (e.g. stubs written by `fazhi import`).
  std::set<std::string, std::less<>> draft_ids;
  /// The district's unit registry when the site has one (reporting units).
  const UnitRegistry* units = nullptr;
  /// Ids whose definition has errors (reported): their rows are skipped and
  /// references to them not reported again, so the other errors of the run
  /// can be read without the echoes of these.
  std::set<std::string, std::less<>> failed_ids;
  /// False when the build found errors in the definitions, the data or the
  /// pages: an id or a value missing here may be one of those, reported
  /// already, so the value shortcode does not report it again.
  bool complete = true;
  /// Get's index, (indicator, year, reporter, breakdown) → position in
  /// `observations`: a scan per lookup made the prose and formula checks
  /// quadratic (a province's 60,000 values). Reindex() after changing the
  /// observations; a stale index (size differs) is ignored.
  std::map<std::tuple<std::string, int, std::string, std::string>, size_t> index;
  void Reindex();

  const IndicatorDef* Find(std::string_view id) const;
  const IndicatorCategory* Category(std::string_view slug) const;
  const Observation* Get(std::string_view id, int year, std::string_view breakdown = "",
                         std::string_view reporter = "") const;
  /// Observations of `id` without breakdown or reporting unit, oldest first.
  std::vector<const Observation*> Series(std::string_view id) const;
  /// The newest observation of `id` without breakdown and the older ones
  /// comparable with it, oldest first: what a trend may draw.
  std::vector<const Observation*> ComparableSeries(std::string_view id) const;
  /// Observations of `id` in `year` with a breakdown, largest first (then by name).
  std::vector<const Observation*> Breakdown(std::string_view id, int year) const;
  /// Values of `id` in `year` stated by reporting units (no breakdown),
  /// largest first, then by slug: the comparison across units.
  std::vector<const Observation*> ByUnit(std::string_view id, int year) const;
  /// Definitions of a category, by weight then id.
  std::vector<const IndicatorDef*> InCategory(std::string_view slug) const;
  /// Every year with at least one observation, ascending.
  std::vector<int> Years() const;
  /// The indicator (kind change) that states the 同比 of `id`, or nullptr.
  const IndicatorDef* ChangeIndicatorOf(std::string_view id) const;

  /// Adds indicators computed by the build (marked `generated`) with their
  /// observations, keeping both lists sorted. Fails without changing the set,
  /// with a message in `error`, when an id is already defined, a category is
  /// unknown or an observation names an id not in `defs`.
  bool AddGenerated(std::vector<IndicatorDef> defs, std::vector<Observation> observations, Message* error);

  /// The message for an id no definition has: "did you mean" when `typed`
  /// is a definition's title or alias (an editor pasting the name from a
  /// report) or is within a typo of an id; else the plain "unknown".
  Message UnknownIndicator(std::string_view typed) const;
};

/// Builds and validates the set: `defs` are already parsed (`def_files` are
/// their files, for quoting lines); `csv_files` are the data/indicators/*.csv
/// files. Reports every problem (unknown indicator,
/// duplicate, non-numeric value, rate outside 0–100, unit mismatch, missing
/// columns, derived value off its formula, bad references) and returns false
/// on error.
bool BuildIndicatorSet(std::vector<IndicatorCategory> categories, std::vector<IndicatorDef> defs,
                       const std::vector<const SourceFile*>& def_files,
                       const std::vector<const SourceFile*>& csv_files, IndicatorSet* out, Diagnostics* diags,
                       std::set<std::string, std::less<>> draft_ids = {},
                       std::set<std::string, std::less<>> failed_ids = {},
                       const UnitRegistry* units = nullptr);

/// Number of decimals in a decimal text ("80.16" → 2).
int DecimalsOf(std::string_view decimal_text);

/// Evaluates a formula (+ - * / × ÷, parentheses, numbers, `id@year`
/// references resolved in `set`). On failure returns false with a message and
/// the 0-based code-point offset of the problem.
bool EvaluateFormula(std::string_view formula, const IndicatorSet& set, double* value, Message* error,
                     size_t* error_offset);

}  // namespace fazhi
