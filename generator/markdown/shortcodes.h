// Shortcodes in Markdown prose: {{< name arg1 arg2 >}}. Feature modules
// register handlers (e.g. `value` from the indicators module); the content
// stage expands them before Markdown parsing and reports problems at the
// shortcode's position in the source file.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/source_tree.h"

namespace fazhi {

struct Shortcode {
  std::string name;
  std::vector<std::string> args;
  int line = 0;  ///< 1-based line in the file
  int col = 0;   ///< 1-based column (code points) in the file
};

/// Produces the Markdown that replaces a shortcode, or returns false with a
/// message in `error`.
using ShortcodeHandler = std::function<bool(const Shortcode& sc, std::string* replacement, Message* error)>;
using ShortcodeHandlers = std::map<std::string, ShortcodeHandler, std::less<>>;

/// Expands every shortcode in `body` (which starts at line `body_first_line`
/// of `file`). Fenced code blocks are left alone. Unknown names, unclosed
/// shortcodes and handler failures are reported; the shortcode is then left
/// out of the output.
std::string ExpandShortcodes(const SourceFile& file, std::string_view body, int body_first_line,
                             const ShortcodeHandlers& handlers, Diagnostics* diags);

}  // namespace fazhi
