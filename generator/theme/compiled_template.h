// A layout compiled once for rendering on any thread, with kainjow's output
// byte for byte. kainjow stays the grammar's authority: every layout is
// parsed and validated by it when the theme loads, and only then compiled
// here; a layout holding what only kainjow renders (a partial tag left after
// inlining) is not compiled, and kainjow renders it.
//
// Why not kainjow's renderer: it walked each text run, space and tag through
// a std::function, copied every line twice (line buffer, then the stream),
// escaped into a new string per value and split dotted names at every
// lookup: 16 % of a build's instructions went to it (callgrind, 2,000-page
// bench site). This renders from a flat list of nodes straight into the
// output and is const, so one copy serves every thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "theme/view.h"

namespace fazhi {

class CompiledTemplate {
 public:
  /// Compiles `text`, which kainjow parsed without error. Null when the
  /// text holds a partial tag (kainjow looks those up in the view).
  static std::unique_ptr<CompiledTemplate> Compile(const std::string& text);

  /// Appends the layout rendered with `view` to `out`. Names resolve as
  /// LayoutRenderer's context resolves them: the innermost section's value
  /// first, then the enclosing ones, `view`, and `base` (may be null)
  /// beneath it; "a.b" walks a, then b, at each of these in turn.
  void Render(const View* base, const View& view, std::string* out) const;

  /// Whether rendering may read a value named `name` (as a whole name or a
  /// segment of a dotted one); true too when it shows a value by "." (an
  /// item itself), which may be anything.
  bool MayRead(std::string_view name) const;

 private:
  enum class Op : unsigned char { kText, kNewline, kEscaped, kRaw, kSection, kInverted };
  struct Node {
    Op op;
    bool self = false;              ///< the name is "." (the innermost value)
    size_t end = 0;                 ///< sections: the index just past their nodes
    std::string text;               ///< text and newlines
    std::vector<std::string> path;  ///< the name's segments ("a.b": a, b)
  };
  struct State;

  void RenderRange(size_t begin, size_t end, State* s) const;
  void Section(const Node& n, size_t at, const View* value, State* s) const;
  static const View* Lookup(const Node& n, const State& s);

  std::vector<Node> nodes_;
};

/// Appends `s` to `out` as `{{name}}` shows it: & < > " ' as &amp; &lt; &gt;
/// &quot; &apos; (kainjow's html_escape), copied in runs.
void AppendHtmlEscaped(std::string* out, const std::string& s);

}  // namespace fazhi
