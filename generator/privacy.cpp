#include "privacy.h"

#include "encoding.h"
#include "front_matter.h"
#include "utf8.h"

namespace fazhi {
namespace {

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

// Full-width digits (０-９) read as ASCII digits; everything else unchanged.
char32_t Normalize(char32_t c) {
  if (c >= 0xFF10 && c <= 0xFF19) return c - 0xFF10 + '0';
  if (c == 0xFF38 || c == 0xFF58) return 'X';  // Ｘ ｘ
  return c;
}

std::string DigitsOf(std::string_view s) {
  std::string out;
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = 0;
    pos += DecodeUtf8(s, pos, &c);
    c = Normalize(c);
    if (IsDigit(c)) out += static_cast<char>(c);
  }
  // "+86 138…" and "0086 138…" allow the same number as "138…".
  if (out.size() == 13 && out.compare(0, 2, "86") == 0) out.erase(0, 2);
  if (out.size() == 15 && out.compare(0, 4, "0086") == 0) out.erase(0, 4);
  return out;
}

bool IsMobile(std::string_view d) {
  return d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9';
}

// One line as code points, with its 1-based column equal to index + 1.
class Line {
 public:
  explicit Line(std::string_view text) {
    size_t pos = 0;
    while (pos < text.size()) {
      char32_t c = 0;
      pos += DecodeUtf8(text, pos, &c);
      cps_.push_back(Normalize(c));
    }
  }
  size_t size() const { return cps_.size(); }
  char32_t at(size_t i) const { return i < cps_.size() ? cps_[i] : 0; }
  bool digit(size_t i) const { return i < cps_.size() && IsDigit(cps_[i]); }
  /// End of the digit run starting at `i`.
  size_t RunEnd(size_t i) const {
    while (digit(i)) ++i;
    return i;
  }
  std::string Ascii(size_t b, size_t e) const {
    std::string s;
    for (size_t i = b; i < e; ++i) s += static_cast<char>(cps_[i]);
    return s;
  }

 private:
  std::vector<char32_t> cps_;
};

struct Finding {
  enum class Kind { kId, kMobile, kAddress } kind;
  size_t col;  // 0-based code point index
};

// A digit run that is the whole or fractional part of a decimal number
// (99.87, 13000000000.5) is a figure, not a phone number.
bool IsDecimalPart(const Line& l, size_t b, size_t e) {
  if (l.at(e) == '.' && l.digit(e + 1)) return true;
  if (b >= 2 && l.at(b - 1) == '.' && l.digit(b - 2)) return true;
  return false;
}

bool Allowed(const std::string& digits, const std::vector<std::string>& allow_digits) {
  for (const std::string& a : allow_digits) {
    if (a == digits) return true;
  }
  return false;
}

bool IsSeparator(char32_t c) { return c == ' ' || c == '-'; }

bool IsAddressMarker(const Line& l, size_t i, size_t* len) {
  char32_t c = l.at(i);
  if (c == U'室' || c == U'房' || c == U'栋' || c == U'幢') {
    *len = 1;
    return true;
  }
  if (c == U'单' && l.at(i + 1) == U'元') {
    *len = 2;
    return true;
  }
  return false;
}

void ScanLine(const Line& l, const PrivacyOptions& opts, const std::vector<std::string>& allow,
              std::vector<Finding>* out) {
  // Numbers: each maximal digit run is judged once.
  for (size_t i = 0; i < l.size();) {
    if (!l.digit(i)) {
      ++i;
      continue;
    }
    size_t e = l.RunEnd(i);
    size_t n = e - i;
    std::string run = l.Ascii(i, e);
    if (n == 17 && (l.at(e) == 'X' || l.at(e) == 'x') && !l.digit(e + 1)) {
      if (IsPlausibleIdNumber(run + "X", opts.as_of)) out->push_back({Finding::Kind::kId, i});
    } else if (n == 18) {
      if (IsPlausibleIdNumber(run, opts.as_of)) out->push_back({Finding::Kind::kId, i});
    } else if (!IsDecimalPart(l, i, e)) {
      std::string number;
      if (n == 11) number = run;
      if (n == 13 && run.compare(0, 2, "86") == 0) number = run.substr(2);
      if (n == 15 && run.compare(0, 4, "0086") == 0) number = run.substr(4);
      // 138-1234-5678 or 138 1234 5678.
      size_t end = e;
      if (n == 3 && IsSeparator(l.at(e)) && l.RunEnd(e + 1) == e + 5 &&
          IsSeparator(l.at(e + 5)) && l.RunEnd(e + 6) == e + 10) {
        number = run + l.Ascii(e + 1, e + 5) + l.Ascii(e + 6, e + 10);
        end = e + 10;
      }
      if (IsMobile(number) && !Allowed(number, allow)) {
        out->push_back({Finding::Kind::kMobile, i});
      }
      e = end;
    }
    i = e;
  }
  // Home addresses: a unit-level marker (12室, 3栋, 2单元, 501房) that follows
  // a house number (18号) or another unit-level marker within 20 characters.
  size_t chain_start = std::string::npos;  // first number of the current chain
  size_t chain_end = 0;                    // index just after its last marker
  int markers = 0;
  bool warned = false;
  for (size_t i = 0; i < l.size();) {
    if (!l.digit(i)) {
      ++i;
      continue;
    }
    size_t e = l.RunEnd(i);
    size_t len = 0;
    bool house = l.at(e) == U'号';
    bool unit = IsAddressMarker(l, e, &len);
    if (house || unit) {
      if (chain_start == std::string::npos || i > chain_end + 20) {
        chain_start = i;
        markers = 0;
        warned = false;
      } else if (unit && !warned && (markers > 0)) {
        out->push_back({Finding::Kind::kAddress, chain_start});
        warned = true;
      }
      ++markers;
      chain_end = e + (house ? 1 : len);
    }
    i = e;
  }
}

const char kIdMessage[] =
    "personal data: this looks like a 身份证号 (18 digits with a valid check digit and birth date); "
    "remove it";
const char kMobileMessage[] =
    "personal data: this looks like a mobile phone number; remove it, or list it under [privacy] "
    "allow in site.toml if it is an officially published office number";
const char kAddressMessage[] =
    "this looks like a home address (号/栋/单元/室); publish only addresses that are officially "
    "public";

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
    ScanLine(Line(text.substr(start, end - start)), opts, allow, &found);
    for (const Finding& f : found) {
      int col = static_cast<int>(f.col) + 1;
      switch (f.kind) {
        case Finding::Kind::kId:
          diags->Error(path, line_no, col, kIdMessage, text);
          break;
        case Finding::Kind::kMobile:
          diags->Error(path, line_no, col, kMobileMessage, text);
          break;
        case Finding::Kind::kAddress:
          diags->Warning(path, line_no, col, kAddressMessage, text);
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
  bool in_tree = path.starts_with("content/") || path.starts_with("data/") ||
                 path.starts_with("layouts/") || path.starts_with("themes/");
  if (!in_tree) return false;
  static const char* const kExts[] = {".md",   ".markdown", ".csv", ".tsv", ".json",
                                      ".toml", ".yaml",     ".yml", ".txt", ".html",
                                      ".htm",  ".mustache", ".xml"};
  for (const char* ext : kExts) {
    if (path.ends_with(ext)) return true;
  }
  return false;
}

bool CheckPrivacy(const SourceTree& tree, const PrivacyOptions& opts, Diagnostics* diags) {
  Diagnostics local;
  for (const auto& [path, file] : tree.files()) {
    if (!IsPrivacyScanned(path)) continue;
    std::string decoded;
    TextEncoding enc;
    std::string error;
    std::string_view text = file.text;
    // Data files saved by Chinese Excel arrive as GB18030; scan their text,
    // not their bytes, so columns are right. Undecodable files are the
    // loaders' business (they report the encoding error).
    if (DetectEncoding(text) != TextEncoding::kUtf8) {
      if (!DecodeToUtf8(text, &decoded, &enc, &error)) continue;
      text = decoded;
    }
    CheckPrivacyText(path, text, opts, &local);
  }
  diags->Merge(local);
  return !local.has_errors();
}

}  // namespace fazhi
