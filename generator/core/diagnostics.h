// Errors as values: every problem fazhi finds in config, content, data or
// templates becomes a Diagnostic with a path relative to the site root and a
// 1-based line and column, printed as "path:line:col: message" plus the
// source line and a caret.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/message.h"

namespace fazhi {

/// kNote: something only the editor should read — an analyst's note kept
/// beside the content (front matter `review:`), printed by `check` and shown
/// on `serve`'s /_review/ page, never published.
enum class Severity { kError, kWarning, kNote };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string path;  ///< relative to the site root, '/' separated
  int line = 0;      ///< 1-based; 0 when the problem has no position
  int col = 0;       ///< 1-based, counted in Unicode code points
  Message message;
  std::string source_line;  ///< the offending line, without its newline
};

/// The line `line` (1-based) of `text`, without the line terminator.
std::string_view LineOf(std::string_view text, int line);

/// 1-based line and column (in code points) of byte `offset` in `text`.
void OffsetToLineCol(std::string_view text, size_t offset, int* line, int* col);

/// `s` as it may be printed to a terminal or a CI log: line breaks, ESC
/// (ANSI sequences), other control characters, bidi controls and invalid
/// bytes become visible escapes ("\n", "\x1b", "\u202e", "\xff"), so text
/// from a site can neither split a message nor rewrite the screen.
std::string VisibleText(std::string_view s);

/// "path:line:col: message" then the source line and a caret under `col`.
/// Wide (CJK) characters take two cells so the caret lines up in a terminal.
/// Path, message and line pass through VisibleText (the line keeps its tabs).
std::string FormatDiagnostic(const Diagnostic& d, Lang lang = Lang::kZh);

/// Diagnostics of each severity a terminal is shown: the rest are counted.
inline constexpr size_t kShownDiagnostics = 50;

/// Collects the diagnostics of one stage. Thread-safe, so parallel stages
/// (rendering) can report into one collector. Keeps at most `cap` of each
/// severity; the rest are counted and summarised.
class Diagnostics {
 public:
  explicit Diagnostics(size_t cap = kShownDiagnostics) : cap_(cap) {}
  Diagnostics(const Diagnostics& other);
  Diagnostics& operator=(const Diagnostics& other);

  /// An error at `line:col` of `path`; `text` is the whole file, used to quote
  /// the source line (pass "" when there is none).
  void Error(std::string path, int line, int col, Message message, std::string_view text = {});
  void Warning(std::string path, int line, int col, Message message, std::string_view text = {});
  void Note(std::string path, int line, int col, Message message, std::string_view text = {});
  void Add(Diagnostic d);
  void Merge(const Diagnostics& other);

  bool has_errors() const;
  size_t error_count() const;  ///< including those beyond the cap
  size_t warning_count() const;
  size_t note_count() const;
  std::vector<Diagnostic> items() const;

  /// The kept diagnostics formatted in the order found, at most `limit` of
  /// each severity, then a line counting each severity's rest ("……另有 N
  /// 个警告未列出"), so that no warning goes unmentioned.
  std::string Format(Lang lang = Lang::kZh, size_t limit = SIZE_MAX) const;

 private:
  bool Full(Severity s) const;  ///< the cap for `s` is reached: no more are kept

  mutable std::mutex mu_;
  size_t cap_;
  size_t errors_ = 0;
  size_t warnings_ = 0;
  size_t notes_ = 0;
  std::vector<Diagnostic> items_;
};

}  // namespace fazhi
