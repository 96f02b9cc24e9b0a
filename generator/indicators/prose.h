// Numbers in prose bound to the data: the `{{< value <id> <year> >}}`
// shortcode renders an observation as a linked, formatted value, and the
// contradiction finder warns where prose states a figure beside an
// indicator's name that differs from the data (prose 370件, data 368件).
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/source_tree.h"
#include "indicators/model.h"
#include "markdown/shortcodes.h"

namespace fazhi {

/// Markdown for `{{< value <id> <year> [breakdown] >}}`: the formatted value
/// ("368件", "90%以上") as a link to the indicator page `page_url(id)`.
/// Returns false with a message for a missing indicator or year.
bool ExpandValueShortcode(const IndicatorSet& set, const Shortcode& sc, const std::string& indicator_url,
                          std::string* markdown, Message* error);

/// The handler to register under "value"; `url_of(id)` gives the final URL
/// (base URL applied) of an indicator page.
ShortcodeHandler ValueShortcodeHandler(const IndicatorSet& set,
                                       std::function<std::string(std::string_view)> url_of);

/// Warns at the figure's position where `body` (starting at line
/// `body_first_line` of `file`) states a number with an indicator's unit
/// right beside one of its names (aliases, else its title) that differs from
/// the data for `year`. Shortcodes and code are skipped. Returns the number
/// of warnings.
int CheckProseNumbers(const SourceFile& file, std::string_view body, int body_first_line, int year,
                      const IndicatorSet& set, Diagnostics* diags);

/// Warns at a `value` shortcode whose value is 累计 or 截至 when its sentence
/// does not say so: written without the word, a total since some start or a
/// stock on a date reads as the year's figure. Returns the number of warnings.
int CheckValueScopes(const SourceFile& file, std::string_view body, int body_first_line,
                     const IndicatorSet& set, Diagnostics* diags);

}  // namespace fazhi
