#include "core/diagnostics.h"

#include <cstdio>

#include "core/messages.h"
#include "core/utf8.h"

namespace fazhi {

std::string_view LineOf(std::string_view text, int line) {
  if (line < 1) return {};
  size_t start = 0;
  for (int i = 1; i < line; ++i) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  std::string_view out = text.substr(start, end - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

void OffsetToLineCol(std::string_view text, size_t offset, int* line, int* col) {
  if (offset > text.size()) offset = text.size();
  int l = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++l;
      line_start = i + 1;
    }
  }
  *line = l;
  *col = static_cast<int>(Utf8Length(text.substr(line_start, offset - line_start))) + 1;
}

namespace {

// How the code point `cp` (or the invalid byte `byte`, when `invalid`) is
// shown in a terminal or a CI log: "" when as itself; otherwise an escape.
// Characters that could rewrite what the reader sees are escaped: line
// breaks (a value with a newline would split a message and forge a line of
// its own), ESC (ANSI sequences: colours, cursor moves, cleared screens),
// other C0 and C1 controls, and the bidi controls that reorder a line.
std::string EscapeOf(char32_t cp, bool invalid, unsigned char byte, bool keep_tab) {
  char buf[16];
  if (invalid) {
    std::snprintf(buf, sizeof buf, "\\x%02x", byte);
    return buf;
  }
  switch (cp) {
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return keep_tab ? "" : "\\t";
    default:
      break;
  }
  bool bidi = cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
              (cp >= 0x2066 && cp <= 0x2069);
  if (cp < 0x20 || cp == 0x7F) {
    std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
    return buf;
  }
  if ((cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || bidi) {
    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
    return buf;
  }
  return "";
}

void AppendVisible(std::string* out, std::string_view s, bool keep_tab) {
  for (size_t pos = 0; pos < s.size();) {
    char32_t cp = 0;
    size_t n = DecodeUtf8(s, pos, &cp);
    bool invalid = cp == 0xFFFD && n == 1;
    std::string esc = EscapeOf(cp, invalid, static_cast<unsigned char>(s[pos]), keep_tab);
    if (esc.empty()) {
      out->append(s.substr(pos, n));
    } else {
      out->append(esc);
    }
    pos += n;
  }
}

}  // namespace

std::string VisibleText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendVisible(&out, s, false);
  return out;
}

std::string FormatDiagnostic(const Diagnostic& d, Lang lang) {
  std::string out = VisibleText(d.path);
  if (d.line > 0) {
    out += ':' + std::to_string(d.line);
    if (d.col > 0) out += ':' + std::to_string(d.col);
  }
  out += ": ";
  if (d.severity == Severity::kWarning) out += Message(msg::kWarningPrefix).Render(lang);
  if (d.severity == Severity::kNote) out += Message(msg::kNotePrefix).Render(lang);
  AppendVisible(&out, d.message.Render(lang), false);
  out += '\n';
  if (d.line > 0 && !d.source_line.empty()) {
    out += "  ";
    AppendVisible(&out, d.source_line, true);
    out += "\n  ";
    // Pad with the same whitespace/width as the characters before the column.
    std::string_view s = d.source_line;
    size_t pos = 0;
    for (int c = 1; c < d.col && pos < s.size(); ++c) {
      char32_t cp = 0;
      size_t n = DecodeUtf8(s, pos, &cp);
      bool invalid = cp == 0xFFFD && n == 1;
      std::string esc = EscapeOf(cp, invalid, static_cast<unsigned char>(s[pos]), true);
      if (cp == '\t') {
        out += '\t';
      } else if (!esc.empty()) {
        out.append(esc.size(), ' ');
      } else {
        out.append(static_cast<size_t>(DisplayWidth(cp)), ' ');
      }
      pos += n;
    }
    out += "^\n";
  }
  return out;
}

Diagnostics::Diagnostics(const Diagnostics& other) {
  std::lock_guard<std::mutex> lock(other.mu_);
  cap_ = other.cap_;
  errors_ = other.errors_;
  warnings_ = other.warnings_;
  notes_ = other.notes_;
  items_ = other.items_;
}

Diagnostics& Diagnostics::operator=(const Diagnostics& other) {
  if (this == &other) return *this;
  Diagnostics copy(other);
  std::lock_guard<std::mutex> lock(mu_);
  cap_ = copy.cap_;
  errors_ = copy.errors_;
  warnings_ = copy.warnings_;
  notes_ = copy.notes_;
  items_ = std::move(copy.items_);
  return *this;
}

void Diagnostics::Error(std::string path, int line, int col, Message message, std::string_view text) {
  // Past the cap only the count matters: finding the line is a walk through
  // the file, which for 20,000 errors in one file would be quadratic.
  Add(Diagnostic{Severity::kError, std::move(path), line, col, std::move(message),
                 Full(Severity::kError) ? std::string() : std::string(LineOf(text, line))});
}

void Diagnostics::Warning(std::string path, int line, int col, Message message, std::string_view text) {
  Add(Diagnostic{Severity::kWarning, std::move(path), line, col, std::move(message),
                 Full(Severity::kWarning) ? std::string() : std::string(LineOf(text, line))});
}

bool Diagnostics::Full(Severity s) const {
  std::lock_guard<std::mutex> lock(mu_);
  return (s == Severity::kError ? errors_ : s == Severity::kWarning ? warnings_ : notes_) >= cap_;
}

void Diagnostics::Note(std::string path, int line, int col, Message message, std::string_view text) {
  Add(Diagnostic{Severity::kNote, std::move(path), line, col, std::move(message),
                 Full(Severity::kNote) ? std::string() : std::string(LineOf(text, line))});
}

void Diagnostics::Add(Diagnostic d) {
  std::lock_guard<std::mutex> lock(mu_);
  if (d.severity == Severity::kError) {
    if (errors_++ >= cap_) return;
  } else if (d.severity == Severity::kWarning) {
    if (warnings_++ >= cap_) return;
  } else {
    if (notes_++ >= cap_) return;
  }
  items_.push_back(std::move(d));
}

void Diagnostics::Merge(const Diagnostics& other) {
  for (auto& d : other.items()) Add(d);
  // What the other collector's cap dropped still counts here.
  std::lock_guard<std::mutex> lock(other.mu_);
  size_t kept[3] = {};
  for (auto& d : other.items_) ++kept[static_cast<int>(d.severity)];
  std::lock_guard<std::mutex> lock2(mu_);
  errors_ += other.errors_ - kept[static_cast<int>(Severity::kError)];
  warnings_ += other.warnings_ - kept[static_cast<int>(Severity::kWarning)];
  notes_ += other.notes_ - kept[static_cast<int>(Severity::kNote)];
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

size_t Diagnostics::error_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return errors_;
}

size_t Diagnostics::warning_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return warnings_;
}

size_t Diagnostics::note_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return notes_;
}

std::vector<Diagnostic> Diagnostics::items() const {
  std::lock_guard<std::mutex> lock(mu_);
  return items_;
}

std::string Diagnostics::Format(Lang lang, size_t limit) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string out;
  size_t shown[3] = {};
  for (auto& d : items_) {
    size_t& n = shown[static_cast<int>(d.severity)];
    if (n == limit) continue;
    ++n;
    out += FormatDiagnostic(d, lang);
  }
  auto rest = [&](Severity s, size_t count, const MessageText& text) {
    const size_t n = shown[static_cast<int>(s)];
    if (count > n) out += Message(text, count - n).Render(lang) + '\n';
  };
  rest(Severity::kError, errors_, msg::kMoreErrors);
  rest(Severity::kWarning, warnings_, msg::kMoreWarnings);
  rest(Severity::kNote, notes_, msg::kMoreNotes);
  return out;
}

}  // namespace fazhi
