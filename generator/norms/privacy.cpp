#include "norms/privacy.h"

#include <algorithm>
#include <cstdint>

#include "core/encoding.h"
#include "core/front_matter.h"
#include "core/parallel.h"
#include "core/utf8.h"
#include "norms/digits.h"
#include "norms/messages.h"

namespace fazhi {
namespace {

struct Finding {
  enum class Kind { kId, kIdByKeyword, kMobile, kAddress } kind;
  size_t byte;               // where the number starts in the text
  std::string_view keyword;  // kIdByKeyword: the word before it
  size_t digits = 0;         // kIdByKeyword: how many digits
};

bool IsMobile(std::string_view d) { return d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9'; }

// The digits of an allow-list entry ("138-0013-8000", "+86 138…").
std::string DigitsOf(std::string_view s) {
  std::string out;
  DigitScanner::Scan(s, DigitSyntax::kData, [&](const std::vector<DigitRun>& runs, bool) {
    for (const DigitRun& r : runs) out += r.digits;
  });
  // "+86 138…" and "0086 138…" allow the same number as "138…".
  if (out.size() == 13 && out.compare(0, 2, "86") == 0) out.erase(0, 2);
  if (out.size() == 15 && out.compare(0, 4, "0086") == 0) out.erase(0, 4);
  return out;
}

bool Allowed(const std::string& digits, const std::vector<std::string>& allow_digits) {
  for (const std::string& a : allow_digits) {
    if (a == digits) return true;
  }
  return false;
}

// The mobile number that `digits` spells (11 digits, or with 86 / 0086), or "".
std::string MobileOf(const std::string& digits) {
  std::string number;
  if (digits.size() == 11) number = digits;
  if (digits.size() == 13 && digits.compare(0, 2, "86") == 0) number = digits.substr(2);
  if (digits.size() == 15 && digits.compare(0, 4, "0086") == 0) number = digits.substr(4);
  return IsMobile(number) ? number : "";
}

// Words that say the number after them is an ID number: then it counts
// whatever its check digit (a typo or a made-up check digit still exposes
// the person's region and birth date).
constexpr std::string_view kIdKeywords[] = {"身份证",   "身份證",     "证件号",     "證件號",  "身份号码",
                                            "身份號碼", "公民身份号", "居民身份号", "证件号码"};
constexpr size_t kKeywordReach = 120;  // bytes before the number: about 40 CJK characters

std::string_view IdKeywordBefore(std::string_view text, size_t byte) {
  size_t from = byte > kKeywordReach ? byte - kKeywordReach : 0;
  std::string_view before = text.substr(from, byte - from);
  std::string_view found;
  size_t at = 0;
  for (std::string_view k : kIdKeywords) {
    size_t p = before.rfind(k);
    if (p != std::string_view::npos && (found.empty() || p >= at)) found = k, at = p;
  }
  return found;
}

// Home addresses: a unit-level marker (12室, 3栋, 2单元, 501房) that follows
// a house number (18号) or another unit-level marker on the same line within
// 20 characters' worth of bytes (CJK characters take 3 bytes each). Fed the
// digit runs the number scan found, in order, so it costs nothing per byte.
class AddressFinder {
 public:
  AddressFinder(std::string_view text, std::vector<Finding>* out) : text_(text), out_(out) {}

  void Add(const DigitRun& r) {
    if (r.byte < next_ || r.ends_x) return;  // already seen (pieces of a group overlap)
    next_ = r.byte + 1;
    bool house = text_.substr(r.end, 3) == "号";
    size_t len = house ? 3 : MarkerAt(r.end);
    if (len == 0) return;
    bool near =
        chain_start_ != std::string_view::npos && r.byte <= chain_end_ + kNear &&
        text_.substr(chain_end_, r.byte - std::min(r.byte, chain_end_)).find('\n') == std::string_view::npos;
    if (!near) {
      chain_start_ = r.byte;
      warned_ = false;
    } else if (!house && !warned_) {
      out_->push_back({Finding::Kind::kAddress, chain_start_, {}, 0});
      warned_ = true;
    }
    chain_end_ = r.end + len;
  }

 private:
  static constexpr size_t kNear = 60;
  size_t MarkerAt(size_t i) const {
    for (std::string_view m : {"室", "房", "栋", "幢", "单元"}) {
      if (text_.substr(i, m.size()) == m) return m.size();
    }
    return 0;
  }

  std::string_view text_;
  std::vector<Finding>* out_;
  size_t next_ = 0;
  size_t chain_start_ = std::string_view::npos;  // first number of the current chain
  size_t chain_end_ = 0;                         // byte just after its last marker
  bool warned_ = false;
};

// What the digits of a candidate number (starting at `byte`) are, if anything.
bool Match(std::string_view text, const std::string& digits, bool ends_x, size_t byte,
           const PrivacyOptions& opts, const std::vector<std::string>& allow, Finding* f) {
  size_t nd = digits.size();
  std::string id = ends_x ? (nd == 17 ? digits + "X" : "") : (nd == 18 ? digits : "");
  if (!id.empty() && IsPlausibleIdNumber(id, opts.as_of)) {
    *f = {Finding::Kind::kId, byte, {}, 0};
    return true;
  }
  // A first-generation ID number has 15 digits and no check character.
  if (!id.empty() || (!ends_x && nd == 15)) {
    std::string_view k = IdKeywordBefore(text, byte);
    if (!k.empty()) {
      *f = {Finding::Kind::kIdByKeyword, byte, k, id.empty() ? nd : 18};
      return true;
    }
  }
  if (ends_x) return false;
  std::string mobile = MobileOf(digits);
  if (mobile.empty() || Allowed(mobile, allow)) return false;
  *f = {Finding::Kind::kMobile, byte, {}, 0};
  return true;
}

// ID and mobile numbers: numbers made of whole runs of a group (so never a
// part of a longer number), not splitting a decimal (99.87).
void FindNumbers(std::string_view text, DigitSyntax syntax, const PrivacyOptions& opts,
                 const std::vector<std::string>& allow, std::vector<Finding>* out,
                 std::vector<Finding>* addresses) {
  size_t next_byte = 0;  // findings do not overlap
  AddressFinder address(text, addresses);
  DigitScanner::Scan(text, syntax, [&](const std::vector<DigitRun>& runs, bool last) {
    size_t n = runs.size();
    for (const DigitRun& r : runs) address.Add(r);
    // Two runs joined by a single '.' that joins nothing else are one
    // decimal number; three or more (138.1234.5678) are a dotted grouping.
    std::vector<char> decimal_with_next(n, 0);
    for (size_t k = 1; k < n; ++k) {
      if (!runs[k].decimal_before) continue;
      bool chain = (k >= 2 && runs[k - 1].decimal_before) || (k + 1 < n && runs[k + 1].decimal_before);
      if (!chain) decimal_with_next[k - 1] = 1;
    }
    size_t limit = last ? n : n - std::min(n, DigitScanner::kOverlap);
    for (size_t s = 0; s < limit; ++s) {
      if (runs[s].byte < next_byte || runs[s].too_long) continue;
      if (s > 0 && decimal_with_next[s - 1]) continue;
      std::string digits;
      bool found = false;
      Finding best{};
      size_t best_end = 0;
      for (size_t e = s; e < n; ++e) {
        if (runs[e].too_long || (e > s && decimal_with_next[e - 1])) break;
        digits += runs[e].digits;
        if (digits.size() > 18) break;
        Finding f{};
        if (!decimal_with_next[e] && Match(text, digits, runs[e].ends_x, runs[s].byte, opts, allow, &f)) {
          best = f;  // the longest number from this run wins (an ID over a mobile in it)
          best_end = runs[e].end;
          found = true;
        }
        if (runs[e].ends_x) break;
      }
      if (found) {
        out->push_back(best);
        next_byte = best_end;
      }
    }
  });
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
  std::vector<Finding> found, addresses;
  FindNumbers(text, DigitSyntaxOf(path), opts, allow, &found, &addresses);
  found.insert(found.end(), addresses.begin(), addresses.end());
  std::stable_sort(found.begin(), found.end(),
                   [](const Finding& a, const Finding& b) { return a.byte < b.byte; });
  // Lines and columns in one sweep: a file of many findings stays linear.
  int line = 1;
  size_t line_start = 0, pos = 0;
  for (const Finding& f : found) {
    for (; pos < f.byte; ++pos) {
      if (text[pos] == '\n') ++line, line_start = pos + 1;
    }
    int col = static_cast<int>(Utf8Length(text.substr(line_start, f.byte - line_start))) + 1;
    switch (f.kind) {
      case Finding::Kind::kId:
        diags->Error(path, line, col, Message(msg::kPrivacyIdNumber), text);
        break;
      case Finding::Kind::kIdByKeyword:
        diags->Error(path, line, col, Message(msg::kPrivacyIdByKeyword, f.keyword, f.digits), text);
        break;
      case Finding::Kind::kMobile:
        diags->Error(path, line, col, Message(msg::kPrivacyMobile), text);
        break;
      case Finding::Kind::kAddress:
        diags->Warning(path, line, col, Message(msg::kPrivacyAddress), text);
        break;
    }
  }
}

bool IsPrivacyScanned(std::string_view path) {
  return path == "site.toml" || path.starts_with("content/") || path.starts_with("data/") ||
         path.starts_with("layouts/") || path.starts_with("static/") || path.starts_with("themes/");
}

bool IsOpaqueBinary(std::string_view path, std::string_view bytes) {
  std::string ext;
  size_t dot = path.rfind('.');
  if (dot != std::string_view::npos && path.find('/', dot) == std::string_view::npos) {
    for (char c : path.substr(dot + 1)) ext += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  auto is = [&](std::initializer_list<std::string_view> exts) {
    for (std::string_view e : exts) {
      if (ext == e) return true;
    }
    return false;
  };
  using namespace std::string_view_literals;
  if (is({"png"})) return starts("\x89PNG\r\n\x1a\n"sv);
  if (is({"jpg", "jpeg", "jfif"})) return starts("\xff\xd8\xff"sv);
  if (is({"gif"})) return starts("GIF87a"sv) || starts("GIF89a"sv);
  if (is({"webp", "wav", "avi"})) return starts("RIFF"sv);
  if (is({"pdf"})) return starts("%PDF-"sv);
  if (is({"zip", "docx", "xlsx", "pptx", "odt", "ods", "odp", "epub", "jar", "ofd"})) {
    return starts("PK\x03\x04"sv) || starts("PK\x05\x06"sv);
  }
  if (is({"doc", "xls", "ppt", "wps", "et", "dps"})) return starts("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"sv);
  if (is({"gz", "tgz"})) return starts("\x1f\x8b"sv);
  if (is({"bz2"})) return starts("BZh"sv);
  if (is({"xz"}))
    return starts(
        "\xfd"
        "7zXZ\0"sv);
  if (is({"7z"})) return starts("7z\xbc\xaf\x27\x1c"sv);
  if (is({"rar"})) return starts("Rar!"sv);
  if (is({"woff"})) return starts("wOFF"sv);
  if (is({"woff2"})) return starts("wOF2"sv);
  if (is({"ttf", "otf", "ttc"})) {
    return starts("\0\x01\0\0"sv) || starts("OTTO"sv) || starts("ttcf"sv) || starts("true"sv);
  }
  if (is({"ico", "cur"})) return starts("\0\0\x01\0"sv) || starts("\0\0\x02\0"sv);
  if (is({"mp4", "m4a", "m4v", "mov", "avif", "heic", "3gp"})) {
    return bytes.size() >= 8 && bytes.substr(4, 4) == "ftyp";
  }
  if (is({"mp3"}))
    return starts("ID3"sv) || starts("\xff\xfb"sv) || starts("\xff\xf3"sv) || starts("\xff\xf2"sv);
  if (is({"ogg", "oga", "ogv", "opus"})) return starts("OggS"sv);
  if (is({"flac"})) return starts("fLaC"sv);
  if (is({"webm", "mkv"})) return starts("\x1a\x45\xdf\xa3"sv);
  if (is({"tif", "tiff"})) return starts("II*\0"sv) || starts("MM\0*"sv);
  if (is({"bmp"})) return starts("BM"sv) && bytes.size() >= 26;
  if (is({"wasm"})) return starts("\0asm"sv);
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
    // Images, PDFs, Office files, archives, fonts and media (by name and
    // content both) cannot be read here and are left out.
    if (IsOpaqueBinary(path, text)) return;
    // A file in no encoding fazhi knows is scanned as bytes: ASCII digits
    // read the same in any of them.
    if (!path.ends_with(".md") && DetectEncoding(text) != TextEncoding::kUtf8 &&
        DecodeToUtf8(text, &decoded, &enc, &error)) {
      text = decoded;
    }
    CheckPrivacyText(path, text, opts, &found[i]);
  });
  Diagnostics local(SIZE_MAX);  // the caller's cap decides what is kept
  for (const Diagnostics& d : found) local.Merge(d);
  diags->Merge(local);
  return !local.has_errors();
}

}  // namespace fazhi
