// The privacy gate's reading of a text: the digits a reader of the published
// page would see, however the file spells them. Full-width and other Unicode
// digits count as digits; separators of every kind (spaces including NBSP and
// U+3000, hyphens and dashes, dots, parentheses, zero-width and other
// invisible characters), Markdown and HTML markup, HTML entities,
// percent-encoding and backslash escapes (YAML \x31, TOML/JSON \u0031, CSS
// \31) are read through, so `138 1234 5678`, `13812**345678**`, `&#49;38…`
// and `"\u0031\u0033…"` all give the digits 13812345678.
//
// The result is a sequence of runs (digits written next to each other) in
// groups (runs joined by separators only); the gate then looks for numbers
// made of whole runs (norms/privacy.cpp).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

/// Digits written next to each other (invisible characters and inline markup
/// such as `**` may lie between them: they render as nothing).
struct DigitRun {
  size_t byte = 0;        ///< where its first digit starts in the text
  size_t end = 0;         ///< the byte after its last digit (or X)
  std::string digits;     ///< '0'-'9', at most kMaxDigits of them
  bool too_long = false;  ///< more digits than any number the gate looks for
  bool ends_x = false;    ///< ends in X/x/Ｘ, the check character of an ID number
  /// Joined to the previous run of the group by a single '.' only: the two
  /// are a decimal number (99.87), never parts of one phone number.
  bool decimal_before = false;
};

/// How the file's text becomes a page: which escapes it can hold and whether
/// a single line break renders as a space.
enum class DigitSyntax {
  kMarkup,  ///< Markdown, HTML, templates, plain text: a single line break joins
  kCss,     ///< stylesheets: also CSS escapes (\31 is '1')
  kData,    ///< CSV, JSON, YAML, TOML, scripts: a line break separates numbers
};

/// The syntax of the file at `path`, by its extension.
DigitSyntax DigitSyntaxOf(std::string_view path);

/// Calls `on_group(runs, last)` for each group of runs in `text`, in order.
/// A long group comes in pieces: each piece after the first repeats the last
/// kOverlap runs of the one before, so a number of up to kOverlap runs that
/// starts in a piece's first `runs.size() - kOverlap` runs (or anywhere, when
/// `last`) lies whole in that piece.
class DigitScanner {
 public:
  static constexpr size_t kMaxDigits = 19;
  static constexpr size_t kOverlap = 19;
  /// Visible separators (a space, a dash, one HTML tag…) allowed between two
  /// runs of one group; more, and the runs belong to different groups.
  static constexpr int kMaxGap = 6;

  using GroupFn = std::function<void(const std::vector<DigitRun>& runs, bool last)>;

  static void Scan(std::string_view text, DigitSyntax syntax, const GroupFn& on_group);
};

}  // namespace fazhi
