#include "norms/privacy.h"

#include <cstdint>

#include "core/encoding.h"
#include "core/front_matter.h"
#include "core/parallel.h"
#include "core/utf8.h"
#include "norms/messages.h"

namespace fazhi {
namespace {

// The scanner works on the bytes of one line: digits are ASCII or full-width
// (０-９ = EF BC 90-99), and the other characters it looks at are ASCII or
// fixed CJK markers, so nothing needs decoding; columns are counted only for
// findings.
class Line {
 public:
  explicit Line(std::string_view text) : s_(text) {}
  size_t size() const { return s_.size(); }

  /// The digit at byte `i` ('0'-'9'), or 0; `len` gets its length in bytes.
  char DigitAt(size_t i, size_t* len = nullptr) const {
    if (i >= s_.size()) return 0;
    unsigned char c = static_cast<unsigned char>(s_[i]);
    if (c >= '0' && c <= '9') {
      if (len) *len = 1;
      return static_cast<char>(c);
    }
    if (c == 0xEF && i + 2 < s_.size() && Byte(i + 1) == 0xBC && Byte(i + 2) >= 0x90 && Byte(i + 2) <= 0x99) {
      if (len) *len = 3;
      return static_cast<char>('0' + Byte(i + 2) - 0x90);
    }
    return 0;
  }
  bool digit(size_t i) const { return DigitAt(i) != 0; }
  bool AnyDigit() const {
    for (size_t i = 0; i < s_.size(); ++i) {
      unsigned char c = Byte(i);
      if ((c >= '0' && c <= '9') || (c == 0xEF && DigitAt(i))) return true;
    }
    return false;
  }

  /// Reads the digit run starting at `i`: its digits and the byte after it.
  size_t Run(size_t i, std::string* digits) const {
    digits->clear();
    size_t len = 0;
    for (char d; (d = DigitAt(i, &len)) != 0; i += len) *digits += d;
    return i;
  }

  /// True when the text at byte `i` starts with `what`.
  bool At(size_t i, std::string_view what) const { return s_.substr(i, what.size()) == what; }
  char Ascii(size_t i) const { return i < s_.size() ? s_[i] : '\0'; }
  bool IsX(size_t i) const { return Ascii(i) == 'X' || Ascii(i) == 'x' || At(i, "Ｘ") || At(i, "ｘ"); }

  /// 1-based column (in code points) of byte `i`.
  int Col(size_t i) const { return static_cast<int>(Utf8Length(s_.substr(0, i))) + 1; }

 private:
  unsigned char Byte(size_t i) const { return static_cast<unsigned char>(s_[i]); }
  std::string_view s_;
};

struct Finding {
  enum class Kind { kId, kMobile, kAddress } kind;
  size_t byte;  // where the number starts
};

bool IsMobile(std::string_view d) { return d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9'; }

std::string DigitsOf(std::string_view s) {
  Line l(s);
  std::string out, run;
  for (size_t i = 0; i < l.size();) {
    if (!l.digit(i)) {
      ++i;
      continue;
    }
    i = l.Run(i, &run);
    out += run;
  }
  // "+86 138…" and "0086 138…" allow the same number as "138…".
  if (out.size() == 13 && out.compare(0, 2, "86") == 0) out.erase(0, 2);
  if (out.size() == 15 && out.compare(0, 4, "0086") == 0) out.erase(0, 4);
  return out;
}

// A digit run that is the whole or fractional part of a decimal number
// (99.87, 13000000000.5) is a figure, not a phone number.
bool IsDecimalPart(const Line& l, size_t b, size_t e) {
  if (l.Ascii(e) == '.' && l.digit(e + 1)) return true;
  if (b >= 2 && l.Ascii(b - 1) == '.' && l.digit(b - 2)) return true;
  return false;
}

bool Allowed(const std::string& digits, const std::vector<std::string>& allow_digits) {
  for (const std::string& a : allow_digits) {
    if (a == digits) return true;
  }
  return false;
}

bool IsSeparator(char c) { return c == ' ' || c == '-'; }

// A unit-level marker of a home address at byte `i`; `len` gets its bytes.
bool IsAddressMarker(const Line& l, size_t i, size_t* len) {
  for (std::string_view m : {"室", "房", "栋", "幢", "单元"}) {
    if (l.At(i, m)) {
      *len = m.size();
      return true;
    }
  }
  return false;
}

void ScanLine(const Line& l, const PrivacyOptions& opts, const std::vector<std::string>& allow,
              std::vector<Finding>* out) {
  if (!l.AnyDigit()) return;  // most lines of prose
  // Numbers: each maximal digit run is judged once.
  std::string run, part;
  for (size_t i = 0; i < l.size();) {
    if (!l.digit(i)) {
      ++i;
      continue;
    }
    size_t e = l.Run(i, &run);
    size_t n = run.size();
    if (n == 17 && l.IsX(e) && !l.digit(e + 1)) {
      if (IsPlausibleIdNumber(run + "X", opts.as_of)) out->push_back({Finding::Kind::kId, i});
    } else if (n == 18) {
      if (IsPlausibleIdNumber(run, opts.as_of)) out->push_back({Finding::Kind::kId, i});
    } else if (!IsDecimalPart(l, i, e)) {
      std::string number;
      if (n == 11) number = run;
      if (n == 13 && run.compare(0, 2, "86") == 0) number = run.substr(2);
      if (n == 15 && run.compare(0, 4, "0086") == 0) number = run.substr(4);
      // 138-1234-5678 or 138 1234 5678.
      if (n == 3 && IsSeparator(l.Ascii(e))) {
        size_t e2 = l.Run(e + 1, &part);
        if (part.size() == 4 && IsSeparator(l.Ascii(e2))) {
          std::string middle = part;
          size_t e3 = l.Run(e2 + 1, &part);
          if (part.size() == 4) {
            number = run + middle + part;
            e = e3;
          }
        }
      }
      if (IsMobile(number) && !Allowed(number, allow)) out->push_back({Finding::Kind::kMobile, i});
    }
    i = e;
  }
  // Home addresses: a unit-level marker (12室, 3栋, 2单元, 501房) that follows
  // a house number (18号) or another unit-level marker within 20 bytes' worth
  // of characters (CJK characters take 3 bytes each).
  const size_t kNear = 60;
  size_t chain_start = std::string::npos;  // first number of the current chain
  size_t chain_end = 0;                    // byte just after its last marker
  bool warned = false;
  for (size_t i = 0; i < l.size();) {
    if (!l.digit(i)) {
      ++i;
      continue;
    }
    size_t e = l.Run(i, &run);
    size_t len = 0;
    bool house = l.At(e, "号");
    bool unit = IsAddressMarker(l, e, &len);
    if (house || unit) {
      if (chain_start == std::string::npos || i > chain_end + kNear) {
        chain_start = i;
        warned = false;
      } else if (unit && !warned) {
        out->push_back({Finding::Kind::kAddress, chain_start});
        warned = true;
      }
      chain_end = e + (house ? std::string_view("号").size() : len);
    }
    i = e;
  }
}

}  // namespace

bool IsPlausibleIdNumber(std::string_view id, std::string_view as_of) {
  if (id.size() != 18) return false;
  for (size_t i = 0; i < 17; ++i) {
    if (id[i] < '0' || id[i] > '9') return false;
  }
  // Region codes (GB/T 2260) start with 1–8.
  if (id[0] < '1' || id[0] > '8') return false;
  std::string birth = std::string(id.substr(6, 4)) + "-" + std::string(id.substr(10, 2)) + "-" +
                      std::string(id.substr(12, 2));
  if (!IsValidDate(birth) || birth < "1900-01-01") return false;
  if (!as_of.empty() && birth > as_of) return false;
  static const int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) sum += (id[i] - '0') * kWeights[i];
  static const char kCheck[] = "10X98765432";
  char last = id[17] == 'x' ? 'X' : id[17];
  return kCheck[sum % 11] == last;
}

void CheckPrivacyText(const std::string& path, std::string_view text, const PrivacyOptions& opts,
                      Diagnostics* diags) {
  std::vector<std::string> allow;
  for (const std::string& a : opts.allow) allow.push_back(DigitsOf(a));
  int line_no = 1;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::vector<Finding> found;
    Line line(text.substr(start, end - start));
    ScanLine(line, opts, allow, &found);
    for (const Finding& f : found) {
      int col = line.Col(f.byte);
      switch (f.kind) {
        case Finding::Kind::kId:
          diags->Error(path, line_no, col, Message(msg::kPersonalId), text);
          break;
        case Finding::Kind::kMobile:
          diags->Error(path, line_no, col, Message(msg::kPersonalMobile), text);
          break;
        case Finding::Kind::kAddress:
          diags->Warning(path, line_no, col, Message(msg::kPersonalAddress), text);
          break;
      }
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
    ++line_no;
  }
}

bool IsPrivacyScanned(std::string_view path) {
  if (path == "site.toml") return true;
  bool in_tree = path.starts_with("content/") || path.starts_with("data/") || path.starts_with("layouts/") ||
                 path.starts_with("themes/");
  if (!in_tree) return false;
  static const char* const kExts[] = {".md",  ".markdown", ".csv",  ".tsv", ".json",     ".toml", ".yaml",
                                      ".yml", ".txt",      ".html", ".htm", ".mustache", ".xml"};
  for (const char* ext : kExts) {
    if (path.ends_with(ext)) return true;
  }
  return false;
}

bool CheckPrivacy(const SourceTree& tree, const PrivacyOptions& opts, Diagnostics* diags, int jobs) {
  std::vector<const SourceFile*> files;
  for (const auto& [path, file] : tree.files()) files.push_back(&file);
  return CheckPrivacyFiles(files, opts, diags, jobs);
}

bool CheckPrivacyFiles(const std::vector<const SourceFile*>& all, const PrivacyOptions& opts,
                       Diagnostics* diags, int jobs) {
  std::vector<const SourceFile*> files;
  for (const SourceFile* f : all) {
    if (IsPrivacyScanned(f->path)) files.push_back(f);
  }
  // Files are scanned in parallel, each into its own collector; merging them
  // in path order gives the report (and the cap) of a serial scan.
  std::vector<Diagnostics> found;
  found.reserve(files.size());
  for (size_t i = 0; i < files.size(); ++i) found.emplace_back(SIZE_MAX);
  ParallelFor(files.size(), jobs, [&](size_t i) {
    const std::string& path = files[i]->path;
    std::string decoded;
    TextEncoding enc;
    Message error;
    std::string_view text = files[i]->text;
    // Data files saved by Chinese Excel arrive as GB18030; scan their text,
    // not their bytes, so columns are right. Undecodable files are the
    // loaders' business (they report the encoding error), and Markdown must
    // be UTF-8 anyway (the content stage says so), so it is not re-checked.
    if (!path.ends_with(".md") && DetectEncoding(text) != TextEncoding::kUtf8) {
      if (!DecodeToUtf8(text, &decoded, &enc, &error)) return;
      text = decoded;
    }
    CheckPrivacyText(path, text, opts, &found[i]);
  });
  Diagnostics local;
  for (const Diagnostics& d : found) local.Merge(d);
  diags->Merge(local);
  return !local.has_errors();
}

}  // namespace fazhi
