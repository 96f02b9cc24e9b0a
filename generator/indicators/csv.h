// RFC 4180 CSV as web editors save it from Excel: quoted fields, doubled
// quotes, CRLF or LF, newlines inside quotes, UTF-8 with or without BOM or
// GB18030 from Chinese Excel. Every field keeps its line:col so later stages
// can point at the exact cell.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/encoding.h"
#include "core/source_tree.h"

namespace fazhi {

struct CsvField {
  std::string text;       ///< unquoted, "" unescaped
  int line = 0, col = 0;  ///< 1-based start of the field (its quote, if quoted)
  bool quoted = false;
};

struct CsvRow {
  int line = 0;  ///< line where the row starts
  std::vector<CsvField> fields;
};

struct CsvTable {
  std::string path;  ///< relative to the site root
  std::string text;  ///< the decoded UTF-8 text (positions refer to it)
  TextEncoding encoding = TextEncoding::kUtf8;
  std::vector<CsvRow> rows;  ///< rows whose fields are all empty are dropped
};

/// Decodes `file` (UTF-8 ±BOM, UTF-16, GB18030) and parses it. Syntax errors
/// (unterminated quote, stray quote, text after a closing quote) are reported
/// at their position; parsing goes on with the next line. Returns false on error.
bool ParseCsvFile(const SourceFile& file, CsvTable* out, Diagnostics* diags);

/// Parses already-decoded UTF-8 `text`; `path` is used in messages.
bool ParseCsvText(std::string path, std::string text, CsvTable* out, Diagnostics* diags);

/// `field` quoted for CSV output when it needs it (comma, quote, CR/LF, or
/// leading/trailing space).
std::string CsvEscape(std::string_view field);

/// One CSV line (ending in CRLF, as RFC 4180 says) from `fields`.
std::string CsvLine(const std::vector<std::string>& fields);

}  // namespace fazhi
