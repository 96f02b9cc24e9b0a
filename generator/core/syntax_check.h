// The characters that break front matter and site.toml, found before the
// text reaches libyaml or toml++. An editor types with a Chinese IME and
// pastes from Word: a full-width colon “：” or equals sign “＝”, an
// ideographic space (U+3000), a no-break space (U+00A0), a tab, Word's
// curly quotes, a zero-width space or Word's U+000B line break, where the
// syntax wants ASCII. The parsers either fail far from the cause, in their
// own words, or read the text as something else; these checks name the
// character and the fix at its own line and column.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/source_tree.h"

namespace fazhi {

/// A run of lines of `file` holding YAML or TOML: bytes [begin, end), the
/// first of them on line `first_line`.
struct SyntaxSpan {
  size_t begin = 0;
  size_t end = 0;
  int first_line = 1;
};

/// Checks the YAML front matter in `span`. Errors for characters that break
/// its syntax; a warning for a value wrapped in Chinese quotes (kept as text,
/// so they would show on the page) and for an unquoted value ending in
/// U+3000 or U+00A0 (the reader drops them, see TrimInvisibleEnd). False when an error was reported: then
/// the parser is not run, so its own report cannot repeat or mislead.
bool CheckYamlChars(const SourceFile& file, SyntaxSpan span, Diagnostics* diags);

/// The same for TOML (site.toml and "+++" front matter).
bool CheckTomlChars(const SourceFile& file, SyntaxSpan span, Diagnostics* diags);

/// A failure of libyaml's parser, positions already in file lines and
/// columns (1-based).
struct YamlFailure {
  std::string problem;  ///< libyaml's text, e.g. "could not find expected ':'"
  int line = 0, col = 0;
  std::string context;  ///< e.g. "while scanning a quoted scalar"; may be empty
  int context_line = 0, context_col = 0;
};

/// Reports `failure` of the YAML in `span` in an editor's terms, at the
/// place to fix: an unclosed quote where it opened, a missing colon on the
/// key's line, a colon inside a value with the quoted value to write.
/// What it cannot name is reported with libyaml's own text.
void ReportYamlFailure(const SourceFile& file, SyntaxSpan span, const YamlFailure& failure,
                       Diagnostics* diags);

/// Reports the line `line` of the YAML in `span` when it is a key without its
/// colon ("title 甲"): at the place the colon belongs, naming the key and the
/// line to write. False (nothing reported) when the line has a colon or no
/// key can be told from its value.
bool ReportMissingColon(const SourceFile& file, SyntaxSpan span, int line, Diagnostics* diags);

/// The same for a toml++ parse error (`description`, at file `line`:`col`).
void ReportTomlFailure(const SourceFile& file, SyntaxSpan span, std::string_view description, int line,
                       int col, Diagnostics* diags);

/// `s` without the ideographic (U+3000) and no-break (U+00A0) spaces, and the
/// ASCII blanks among them, at its end: an unquoted value never means them
/// (invisible on the page, they make "某区司法局　" another publisher).
std::string TrimInvisibleEnd(std::string s);

/// "U+200B" for an invisible or confusable code point.
std::string CodePointName(char32_t cp);

}  // namespace fazhi
