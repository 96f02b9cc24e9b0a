// The indicators stage of the build: definitions from the pages under
// content/indicators/, observations from data/indicators/*.csv, validated
// into an IndicatorSet; the `value` shortcode for prose; the checks that bind
// report prose and sources to the data.
#pragma once

#include <vector>

#include "core/config.h"
#include "core/diagnostics.h"
#include "core/site_model.h"
#include "core/source_tree.h"
#include "indicators/model.h"
#include "markdown/shortcodes.h"

namespace fazhi {

/// True when the site has indicator definitions or data (the theme then
/// needs the indicators and indicator layouts).
bool HasIndicators(const SourceTree& tree);

/// Reads every definition page (marking it kind "indicator", so the core
/// renderer leaves it to RenderIndicators) and every CSV, and validates
/// them together, including that each source names an existing page.
/// Returns false on error; the data of the definitions that loaded is read
/// and checked even then (all errors in one run). A source naming one of
/// `unloaded` (pages that failed to load, sorted) is not reported again.
/// `units`: the district's registry, for the reporting_unit column (nullptr
/// or empty: the column must stay empty).
bool LoadIndicators(const SourceTree& tree, const Config& config, std::vector<Page>* pages, IndicatorSet* set,
                    Diagnostics* diags, const std::vector<std::string>* unloaded = nullptr,
                    const UnitRegistry* units = nullptr);

/// Registers `value`. `set` must outlive the handlers.
void AddIndicatorShortcodes(const IndicatorSet& set, const Config& config, ShortcodeHandlers* handlers);

/// Warnings where a report's prose (pages with a report year) contradicts
/// the data for that year. Call before bodies are rendered. `jobs`: threads
/// (0 = hardware concurrency).
void CheckReportFigures(const SourceTree& tree, const std::vector<Page>& pages, const IndicatorSet& set,
                        Diagnostics* diags, int jobs = 0);

/// Warnings where a page other than a plain page cites a 累计 or 截至 value
/// in a sentence that does not say so (see CheckValueScopes).
void CheckValueScopesInPages(const SourceTree& tree, const std::vector<Page>& pages, const IndicatorSet& set,
                             Diagnostics* diags);

/// The pages ("content/reports/2024.md") an observation's source points at
/// with an anchor: CheckSourceAnchors reads their headings.
std::vector<std::string> SourceAnchorPages(const IndicatorSet& set);

/// After Markdown: each source "reports/2024.md#anchor" must name a heading
/// of that page. Returns false on error.
bool CheckSourceAnchors(const std::vector<Page>& pages, const IndicatorSet& set, Diagnostics* diags);

}  // namespace fazhi
