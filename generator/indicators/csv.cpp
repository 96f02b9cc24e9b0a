#include "indicators/csv.h"

#include "core/utf8.h"
#include "indicators/messages.h"

namespace fazhi {
namespace {

bool AllEmpty(const CsvRow& row) {
  for (const CsvField& f : row.fields) {
    if (!f.text.empty() || f.quoted) return false;
  }
  return true;
}

// A cursor over the text that tracks line and column (in code points).
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  bool done() const { return pos_ >= s_.size(); }
  char peek() const { return s_[pos_]; }
  bool at_line_end() const { return peek() == '\n' || (peek() == '\r'); }
  int line() const { return line_; }
  int col() const { return col_; }
  /// Consumes one code point and returns its bytes.
  std::string_view Take() {
    char32_t cp;
    size_t n = DecodeUtf8(s_, pos_, &cp);
    std::string_view out = s_.substr(pos_, n);
    pos_ += n;
    if (cp == '\n') {
      ++line_;
      col_ = 1;
    } else {
      ++col_;
    }
    return out;
  }
  /// Consumes a line end (LF, CRLF or a lone CR).
  void TakeLineEnd() {
    if (peek() == '\r') {
      ++pos_;
      if (!done() && peek() == '\n') ++pos_;
      ++line_;
      col_ = 1;
    } else {
      Take();
    }
  }
  void SkipToLineEnd() {
    while (!done() && !at_line_end()) Take();
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
  int line_ = 1, col_ = 1;
};

}  // namespace

bool ParseCsvText(std::string path, std::string text, CsvTable* out, Diagnostics* diags) {
  out->path = std::move(path);
  out->text = std::move(text);
  out->rows.clear();
  const std::string& t = out->text;
  Cursor c(t);
  bool ok = true;
  auto error = [&](int line, int col, Message m) {
    diags->Error(out->path, line, col, std::move(m), t);
    ok = false;
  };
  while (!c.done()) {
    CsvRow row;
    row.line = c.line();
    bool row_ok = true;
    while (true) {
      CsvField f;
      f.line = c.line();
      f.col = c.col();
      if (!c.done() && c.peek() == '"') {
        f.quoted = true;
        c.Take();
        bool closed = false;
        while (!c.done()) {
          if (c.peek() == '"') {
            c.Take();
            if (!c.done() && c.peek() == '"') {
              c.Take();
              f.text += '"';
              continue;
            }
            closed = true;
            break;
          }
          if (c.peek() == '\r') {
            // Keep embedded line breaks as LF whatever the file used.
            c.TakeLineEnd();
            f.text += '\n';
            continue;
          }
          f.text += c.Take();
        }
        if (!closed) {
          error(f.line, f.col, Message(msg::kCsvUnterminated));
          row_ok = false;
          break;
        }
        if (!c.done() && c.peek() != ',' && !c.at_line_end()) {
          error(c.line(), c.col(), Message(msg::kCsvAfterQuote));
          row_ok = false;
          c.SkipToLineEnd();
        }
      } else {
        while (!c.done() && c.peek() != ',' && !c.at_line_end()) {
          if (c.peek() == '"' && row_ok) {
            error(c.line(), c.col(), Message(msg::kCsvQuoteInside));
            row_ok = false;
          }
          f.text += c.Take();
        }
      }
      row.fields.push_back(std::move(f));
      if (!c.done() && c.peek() == ',') {
        c.Take();
        continue;
      }
      break;
    }
    if (!c.done()) c.TakeLineEnd();
    if (row_ok && !AllEmpty(row)) out->rows.push_back(std::move(row));
  }
  return ok;
}

bool ParseCsvFile(const SourceFile& file, CsvTable* out, Diagnostics* diags) {
  std::string text;
  Message why;
  TextEncoding enc = TextEncoding::kUnknown;
  if (!DecodeToUtf8(file.text, &text, &enc, &why)) {
    out->path = file.path;
    out->rows.clear();
    diags->Error(file.path, 1, 1, Message(msg::kCsvCannotRead, std::move(why)));
    return false;
  }
  bool ok = ParseCsvText(file.path, std::move(text), out, diags);
  out->encoding = enc;
  return ok;
}

std::string CsvEscape(std::string_view field) {
  bool needs = field.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!needs) return std::string(field);
  std::string out = "\"";
  for (char ch : field) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
  return out;
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += CsvEscape(fields[i]);
  }
  out += "\r\n";
  return out;
}

}  // namespace fazhi
