#include "norms/external_resources.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "core/bytes.h"
#include "core/parallel.h"
#include "core/utf8.h"
#include "core/web.h"
#include "norms/messages.h"

namespace fazhi {

namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }

std::string LowerStr(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int HexValue(char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }
bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
// What CommonMark lets a backslash escape: ASCII punctuation (std::ispunct
// would follow the locale).
bool IsAsciiPunct(char c) { return c > 0x20 && c < 0x7F && !IsAsciiAlnum(c); }

// The length of the scheme `u` starts with ("https" of "https://…"), 0 when
// it starts with none: letters, digits, '+', '-' and '.', then a ':'.
size_t SchemeLength(std::string_view u) {
  size_t k = 0;
  while (k < u.size() && (IsAsciiAlnum(u[k]) || u[k] == '+' || u[k] == '-' || u[k] == '.')) ++k;
  return k < u.size() && u[k] == ':' ? k : 0;
}

// A code point as HTML and CSS read one: none, a surrogate or one past
// Unicode becomes U+FFFD.
void AppendCodePoint(std::string* out, uint32_t cp) {
  if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  AppendUtf8(*out, static_cast<char32_t>(cp));
}

// An attribute value with its character references decoded, as the browser
// reads it before it parses the URL: numeric ones (&#104; &#x2F;, the ';'
// optional) and the named ones that can spell a URL's colon and slashes or
// hide a space (&colon; &sol; &bsol; &Tab; &NewLine; …). Other names stay as
// written: none of them is a letter, a colon, a slash or a space.
__attribute__((noinline)) std::string DecodeCharRefs(std::string_view s) {
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp;", "&"},      {"colon;", ":"},     {"sol;", "/"},    {"bsol;", "\\"}, {"Tab;", "\t"},
      {"NewLine;", "\n"}, {"nbsp;", "\u00a0"}, {"period;", "."}, {"quot;", "\""}, {"apos;", "'"},
      {"lt;", "<"},       {"gt;", ">"},        {"commat;", "@"}, {"num;", "#"},   {"quest;", "?"}};
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    if (i + 2 < s.size() && s[i + 1] == '#') {
      const bool hex = s[i + 2] == 'x' || s[i + 2] == 'X';
      size_t j = i + (hex ? 3 : 2);
      uint32_t cp = 0;
      const size_t digits_at = j;
      while (j < s.size() && (hex ? IsHex(s[j]) : (s[j] >= '0' && s[j] <= '9'))) {
        cp = std::min<uint32_t>(cp * (hex ? 16 : 10) + static_cast<uint32_t>(HexValue(s[j])), 0x110000);
        ++j;
      }
      if (j > digits_at) {
        if (j < s.size() && s[j] == ';') ++j;
        AppendCodePoint(&out, cp);
        i = j;
        continue;
      }
    }
    bool named = false;
    for (const auto& [name, text] : kNamed) {
      if (s.substr(i + 1, name.size()) == name) {
        out += text;
        i += 1 + name.size();
        named = true;
        break;
      }
    }
    if (!named) out += s[i++];
  }
  return out;
}

// The text of a CSS url() or string with its escapes decoded: "\2f " is '/',
// "\:" is ':', a backslash before a line break joins the lines.
__attribute__((noinline)) std::string DecodeCssEscapes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out += s[i++];
      continue;
    }
    ++i;
    if (IsHex(s[i])) {
      uint32_t cp = 0;
      size_t j = i;
      while (j < s.size() && j - i < 6 && IsHex(s[j])) cp = cp * 16 + static_cast<uint32_t>(HexValue(s[j++]));
      if (j < s.size() && IsSpace(s[j])) ++j;  // the one space that ends the escape
      AppendCodePoint(&out, cp);
      i = j;
    } else if (s[i] == '\n' || s[i] == '\f') {
      ++i;
    } else if (s[i] == '\r') {
      i += i + 1 < s.size() && s[i + 1] == '\n' ? 2 : 1;
    } else {
      out += s[i++];
    }
  }
  return out;
}

// A Markdown link destination as cmark-gfm writes it into the page: a
// backslash before ASCII punctuation taken away, character references
// decoded, and any backslash left percent-encoded (%5C: no longer a slash).
__attribute__((noinline)) std::string MarkdownDestination(std::string_view s) {
  std::string unescaped;
  unescaped.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && IsAsciiPunct(s[i + 1])) {
      unescaped += s[++i] == '\\' ? std::string_view("%5C") : s.substr(i, 1);
    } else {
      unescaped += c == '\\' ? std::string_view("%5C") : std::string_view(&s[i], 1);
    }
  }
  std::string out = DecodeCharRefs(unescaped);
  for (size_t k = 0; (k = out.find('\\', k)) != std::string::npos;) out.replace(k, 1, "%5C");
  return out;
}

// The URL a browser fetches for `url` (decoded from its markup) when that
// names a host, "" when it loads from the page's own host or nothing at all.
// The steps of the URL standard (WHATWG) that decide whether a host comes:
// spaces and control characters at either end are dropped, tabs and line
// breaks anywhere; '\' reads as '/' (the web's schemes); two slashes start a
// host, and so does "http:" or "https:" followed by any: the page's own
// scheme then needs two, another scheme none, and neither is known here.
// The result is written "scheme://host/…" or "//host/…", as UrlHost reads it.
__attribute__((noinline)) std::string ForeignUrl(std::string_view url) {
  while (!url.empty() && static_cast<unsigned char>(url.front()) <= 0x20) url.remove_prefix(1);
  while (!url.empty() && static_cast<unsigned char>(url.back()) <= 0x20) url.remove_suffix(1);
  std::string u;
  u.reserve(url.size());
  for (char c : url) {
    if (c != '\t' && c != '\n' && c != '\r') u += c == '\\' ? '/' : c;
  }
  std::string scheme;
  size_t rest = 0;
  if (u.compare(0, 2, "//") != 0) {
    const size_t colon = SchemeLength(u);
    if (colon == 0) return "";
    scheme = LowerStr(std::string_view(u).substr(0, colon));
    if (scheme != "http" && scheme != "https") return "";
    rest = colon + 1;
  }
  while (rest < u.size() && u[rest] == '/') ++rest;
  if (rest >= u.size() || u[rest] == '?' || u[rest] == '#') return "";  // no host: the page's own URL
  return (scheme.empty() ? "//" : scheme + "://") + u.substr(rest);
}

// True when `v` loads from the page's own host and says so plainly: nothing
// to decode or drop, no two slashes, no scheme (most values: "/css/a.css",
// "{{base_url}}img/a.png"). Lets the scan skip ForeignUrl's copies for them.
bool PlainLocal(std::string_view v) {
  if (v.empty()) return true;
  if (static_cast<unsigned char>(v[0]) <= 0x20) return false;
  for (char c : v) {
    if (c == '&' || c == '\\' || c == '\t' || c == '\n' || c == '\r') return false;
  }
  if (v[0] == '/') return v.size() < 2 || v[1] != '/';
  return SchemeLength(v) == 0;
}

// The URL an HTML attribute value fetches from another host (ForeignUrl of
// it decoded), or "".
std::string FetchedUrl(std::string_view value) {
  return PlainLocal(value) ? std::string() : ForeignUrl(DecodeCharRefs(value));
}

struct Attr {
  std::string name;  // lowercase
  std::string_view value;
  size_t value_offset;
};

// What may follow '<' in a tag name (ASCII letters and digits, '-', ':'),
// and what ends an attribute's name: tables, as ParseTag runs for every tag
// of every page.
constexpr std::array<bool, 256> kTagNameChar = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':';
  }
  return t;
}();
constexpr std::array<bool, 256> kAttrNameEnd = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {' ', '\t', '\n', '\r', '\f', '=', '>', '/'}) t[c] = true;
  return t;
}();

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsNamed(std::string_view raw, std::string_view lower) {
  if (raw.size() != lower.size()) return false;
  for (size_t k = 0; k < raw.size(); ++k) {
    if (Lower(raw[k]) != lower[k]) return false;
  }
  return true;
}

// The attributes that load or send something from any tag: `style` (CSS),
// `background` (an image, on body, table and its cells, still honoured by
// browsers, and in HTML pasted from Word) and `ping` (<a>, <area>: a request
// to each URL listed when the link is followed, the way trackers count
// clicks).
inline bool IsAnyTagAttr(std::string_view raw) {
  switch (raw.size()) {
    case 4:
      return IsNamed(raw, "ping");
    case 5:
      return IsNamed(raw, "style");
    case 10:
      return IsNamed(raw, "background");
    default:
      return false;
  }
}

// The attributes that load something, by tag, in the order they are
// reported; `srcset` lists several URLs. Besides these, <link> loads by href
// when its rel says so, <style> and <script> by their content, and any tag by
// IsAnyTagAttr's attributes.
struct LoadingAttr {
  std::string_view tag, attr;
  const MessageText* what;
  bool srcset = false;
};
constexpr LoadingAttr kLoadingAttrs[] = {
    {"script", "src", &msg::kResScript},         {"img", "src", &msg::kResImage},
    {"img", "srcset", &msg::kResImage, true},    {"source", "src", &msg::kResMediaSource},
    {"source", "srcset", &msg::kResImage, true}, {"iframe", "src", &msg::kResIframe},
    {"frame", "src", &msg::kResIframe},          {"embed", "src", &msg::kResEmbedded},
    {"object", "data", &msg::kResEmbedded},      {"video", "src", &msg::kResMedia},
    {"video", "poster", &msg::kResImage},        {"audio", "src", &msg::kResMedia},
    {"audio", "poster", &msg::kResImage},        {"track", "src", &msg::kResTrack},
    {"input", "src", &msg::kResImage},           {"image", "href", &msg::kResImage},
    {"image", "xlink:href", &msg::kResImage},    {"use", "href", &msg::kResImage},
    {"use", "xlink:href", &msg::kResImage},
};

// By length and first letter, whether a tag may be one of kLoadingAttrs',
// link or style: most of a page's tags (p, a, li, td, div, span) are ruled
// out by one look-up. (A name of 8 letters or more would not compile.)
constexpr std::array<std::array<bool, 256>, 8> kLoadingTagStart = [] {
  std::array<std::array<bool, 256>, 8> t{};
  auto add = [&t](std::string_view name) { t[name.size()][static_cast<unsigned char>(name[0])] = true; };
  add("link");
  add("style");
  for (const LoadingAttr& l : kLoadingAttrs) add(l.tag);
  return t;
}();

bool MayStartLoadingTag(std::string_view tag) {
  return !tag.empty() && tag.size() < kLoadingTagStart.size() &&
         kLoadingTagStart[tag.size()][static_cast<unsigned char>(tag[0])];
}

// The first entry of `tag` in kLoadingAttrs (a tag's entries are adjacent),
// or SIZE_MAX.
size_t LoadingEntry(std::string_view tag) {
  if (!MayStartLoadingTag(tag)) return SIZE_MAX;
  for (size_t k = 0; k < std::size(kLoadingAttrs); ++k) {
    if (kLoadingAttrs[k].tag == tag) return k;
  }
  return SIZE_MAX;
}

// Whether a tag can load something other than through a style attribute.
bool MayLoad(std::string_view tag) {
  return MayStartLoadingTag(tag) && (tag == "link" || tag == "style" || LoadingEntry(tag) != SIZE_MAX);
}

constexpr std::array<bool, 256> kBetweenAttrs = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {' ', '\t', '\n', '\r', '\f', '/'}) t[c] = true;
  return t;
}();

// Index of the first byte at or after `i` that may end an attribute's name:
// below '!' (whitespace and other controls), '=', '>' or '/'; s.size() if none.
// Eight bytes at a time: most names are longer than one byte and shorter than eight.
size_t FindNameStop(std::string_view s, size_t i) {
  const size_t n = s.size();
  for (; i + 8 <= n; i += 8) {
    const uint64_t w = bytes::Load(s.data() + i);
    const uint64_t m =
        bytes::Below(w, 0x21) | bytes::Equal(w, '=') | bytes::Equal(w, '>') | bytes::Equal(w, '/');
    if (m != 0) {
      if constexpr (bytes::kLittleEndian) return i + bytes::First(m);
      break;  // the bytes one at a time, below
    }
  }
  for (; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x21 || c == '=' || c == '>' || c == '/') return i;
  }
  return n;
}

// Ends a tag that cannot load whose attributes are all written plainly
// (`name`, `name="value"` or `name='value'`, apart by whitespace or '/'),
// each name's end found eight bytes at a time and each value's by memchr:
// sets `end` past its '>' and returns true.
// Returns false, having decided nothing, for anything else (a style
// attribute, spaces around '=', an unquoted value, Mustache, a control
// byte, no '>'): ParseTag's loop then reads the tag. On a plain tag both
// read the same attributes and stop at the same '>', and most of a page's
// tags (p, a, li, td, div and span with a class or an href) are plain.
// `i` is just past the tag's name.
bool EndPlainTag(std::string_view s, size_t i, size_t* end) {
  const size_t n = s.size();
  for (;;) {
    while (i < n && kBetweenAttrs[static_cast<unsigned char>(s[i])]) ++i;
    if (i >= n || s[i] == '{' || s[i] == '=') return false;
    if (s[i] == '>') {
      *end = i + 1;
      return true;
    }
    const size_t name_at = i;
    i = FindNameStop(s, i);
    if (i >= n || IsAnyTagAttr(s.substr(name_at, i - name_at))) return false;
    const char c = s[i];
    if (c == '=') {
      const char q = i + 1 < n ? s[i + 1] : '\0';
      if (q != '"' && q != '\'') return false;
      const void* close = std::memchr(s.data() + i + 2, q, n - i - 2);
      if (close == nullptr) return false;
      i = static_cast<size_t>(static_cast<const char*>(close) - s.data()) + 1;
    } else if (IsSpace(c)) {
      while (i < n && IsSpace(s[i])) ++i;
      if (i < n && s[i] == '=') return false;
    } else if (c != '>' && c != '/') {
      return false;  // a control byte ParseTag would read as part of the name
    }
  }
}

// Parses the tag that starts at `lt` ('<'): its lowercase name into `name`
// (left empty for a tag that cannot load, whose name no caller needs),
// its attributes into `attrs` (cleared first; the caller reuses it, so a
// page's tags cost no allocations), and sets `end` past '>'. Returns
// MayLoad(name); a tag that cannot load keeps only its `style` attribute:
// the attributes of most of a page's tags (p, a, li, td) are walked, not
// copied.
bool ParseTag(std::string_view s, size_t lt, std::string* name, size_t* end, std::vector<Attr>* out) {
  std::vector<Attr>& attrs = *out;
  attrs.clear();
  size_t i = lt + 1;
  const size_t name_at = i;
  while (i < s.size() && kTagNameChar[static_cast<unsigned char>(s[i])]) ++i;
  // Most tags (p, a, li, td, div, span) are ruled out by their length and
  // first letter: their name is not copied, and stays empty.
  const size_t len = i - name_at;
  bool all = false;
  name->clear();
  if (len > 0 && len < kLoadingTagStart.size() &&
      kLoadingTagStart[len][static_cast<unsigned char>(Lower(s[name_at]))]) {
    name->assign(s.data() + name_at, len);
    for (char& c : *name) c = Lower(c);
    all = MayLoad(*name);
  }
  if (!all && EndPlainTag(s, i, end)) return false;
  while (i < s.size() && s[i] != '>') {
    if (IsSpace(s[i]) || s[i] == '/') {
      ++i;
      continue;
    }
    // Mustache tags inside a tag ({{#x}}checked{{/x}}) are skipped whole.
    if (s[i] == '{' && s.compare(i, 2, "{{") == 0) {
      size_t close = s.find("}}", i);
      i = close == std::string_view::npos ? s.size() : close + 2;
      continue;
    }
    const size_t name_at = i;
    while (i < s.size() && !kAttrNameEnd[static_cast<unsigned char>(s[i])]) ++i;
    const std::string_view raw = s.substr(name_at, i - name_at);
    std::string_view value;
    size_t value_offset;
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i < s.size() && s[i] == '=') {
      ++i;
      while (i < s.size() && IsSpace(s[i])) ++i;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        char q = s[i++];
        size_t close = s.find(q, i);
        if (close == std::string_view::npos) close = s.size();
        value = s.substr(i, close - i);
        value_offset = i;
        i = close + 1;
      } else {
        size_t start = i;
        while (i < s.size() && !IsSpace(s[i]) && s[i] != '>') ++i;
        value = s.substr(start, i - start);
        value_offset = start;
      }
    } else {
      value_offset = i;
    }
    if (raw.empty()) {
      ++i;
      continue;
    }
    if (!all && !IsAnyTagAttr(raw)) continue;
    Attr a;
    a.name.reserve(raw.size());
    for (char c : raw) a.name += Lower(c);
    a.value = value;
    a.value_offset = value_offset;
    attrs.push_back(std::move(a));
  }
  *end = i < s.size() ? i + 1 : s.size();
  return all;
}

void ScanCss(std::string_view s, size_t base, std::vector<ExternalRef>* out) {
  size_t i = 0;
  while (i < s.size()) {
    if (s.compare(i, 2, "/*") == 0) {
      size_t close = s.find("*/", i + 2);
      i = close == std::string_view::npos ? s.size() : close + 2;
      continue;
    }
    bool is_url = i + 4 <= s.size() && LowerStr(s.substr(i, 4)) == "url(";
    bool is_import = i + 7 <= s.size() && LowerStr(s.substr(i, 7)) == "@import";
    if (!is_url && !is_import) {
      ++i;
      continue;
    }
    size_t j = i + (is_url ? 4 : 7);
    while (j < s.size() && IsSpace(s[j])) ++j;
    if (is_import && j + 4 <= s.size() && LowerStr(s.substr(j, 4)) == "url(") {
      i = j;  // handled as url() on the next turn, reported as an import
      is_url = true;
      j += 4;
      while (j < s.size() && IsSpace(s[j])) ++j;
    }
    size_t start, stop;
    if (j < s.size() && (s[j] == '"' || s[j] == '\'')) {
      char q = s[j];
      start = j + 1;
      stop = s.find(q, start);
    } else if (is_url) {
      start = j;
      stop = s.find(')', start);
    } else {
      i = j;
      continue;
    }
    if (stop == std::string_view::npos) stop = s.size();
    if (std::string url = ForeignUrl(DecodeCssEscapes(s.substr(start, stop - start))); !url.empty()) {
      out->push_back({base + start, std::move(url), is_import ? &msg::kResCssImport : &msg::kResCssUrl});
    }
    i = stop;
  }
}

// What a <link> of relation `rel` fetches, or null: a file (stylesheet,
// preload, icon, manifest, …) or an early connection to its host
// (preconnect, dns-prefetch, prerender), which tells that host of every
// visitor as a file would.
const MessageText* RelFetches(std::string_view rel) {
  std::string r = " " + LowerStr(rel) + " ";
  for (char& c : r) {
    if (IsSpace(c)) c = ' ';
  }
  for (const char* k : {" stylesheet ", " preload ", " modulepreload ", " icon ", " apple-touch-icon ",
                        " manifest ", " prefetch ", " import "}) {
    if (r.find(k) != std::string::npos) return &msg::kResLink;
  }
  for (const char* k : {" preconnect ", " dns-prefetch ", " prerender "}) {
    if (r.find(k) != std::string::npos) return &msg::kResConnect;
  }
  return nullptr;
}

// The URL of attribute `a`, when it fetches from another host. Out of line,
// as the two below and the decoders: with them inlined, ScanHtml grew past
// what GCC inlines ParseTag and LoadingEntry into, which cost 3 % more
// instructions per page (callgrind, fazhi_bench_resource_scan).
__attribute__((noinline)) void CheckUrl(const Attr& a, const MessageText* what,
                                        std::vector<ExternalRef>* out) {
  if (std::string url = FetchedUrl(a.value); !url.empty())
    out->push_back({a.value_offset, std::move(url), what});
}

// Each URL of a list at its place in the value; with character references
// in it, at the value's start (the decoded text is shorter). A srcset's
// candidates are apart by commas, each URL with a descriptor after it ("2x");
// ping's URLs are apart by spaces.
enum class UrlList { kSrcset, kSpaces };
__attribute__((noinline)) void CheckUrlList(const Attr& a, UrlList list, const MessageText* what,
                                            std::vector<ExternalRef>* out) {
  std::string decoded;
  std::string_view value = a.value;
  if (value.find('&') != std::string_view::npos) value = decoded = DecodeCharRefs(value);
  const bool exact = value.size() == a.value.size();
  size_t k = 0;
  while (k < value.size()) {
    while (k < value.size() && (IsSpace(value[k]) || value[k] == ',')) ++k;
    size_t st = k;
    while (k < value.size() && !IsSpace(value[k]) && value[k] != ',') ++k;
    const std::string_view candidate = value.substr(st, k - st);
    if (std::string url = PlainLocal(candidate) ? std::string() : ForeignUrl(candidate); !url.empty())
      out->push_back({a.value_offset + (exact ? st : 0), std::move(url), what});
    if (list == UrlList::kSrcset) {
      while (k < value.size() && value[k] != ',') ++k;
    }
  }
}

// The CSS of a style attribute; read after its character references when it
// has any, and then each URL found at the value's start.
__attribute__((noinline)) void CheckStyle(const Attr& a, std::vector<ExternalRef>* out) {
  if (a.value.find('&') == std::string_view::npos) {
    ScanCss(a.value, a.value_offset, out);
    return;
  }
  std::vector<ExternalRef> found;
  ScanCss(DecodeCharRefs(a.value), 0, &found);
  for (ExternalRef& r : found) {
    r.offset = a.value_offset;
    out->push_back(std::move(r));
  }
}

void ScanHtml(std::string_view s, std::vector<ExternalRef>* out) {
  size_t i = 0;
  std::string tag;
  std::vector<Attr> attrs;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    if (i + 1 < s.size() && s[i + 1] == '!' && s.compare(i, 4, "<!--") == 0) {
      size_t close = s.find("-->", i);
      i = close == std::string_view::npos ? s.size() : close + 3;
      continue;
    }
    if (i + 1 >= s.size() || !IsAsciiLetter(s[i + 1])) {
      ++i;
      continue;
    }
    size_t end;
    const bool loads = ParseTag(s, i, &tag, &end, &attrs);
    auto get = [&](std::string_view n) -> const Attr* {
      for (const auto& a : attrs) {
        if (a.name == n) return &a;
      }
      return nullptr;
    };
    auto check = [&](std::string_view attr, const MessageText* what) {
      if (const Attr* a = get(attr)) CheckUrl(*a, what, out);
    };
    auto check_srcset = [&](std::string_view attr, const MessageText* what) {
      if (const Attr* a = get(attr)) CheckUrlList(*a, UrlList::kSrcset, what, out);
    };
    const std::string_view t = tag;
    if (t == "link") {
      const Attr* rel = get("rel");
      if (const MessageText* what = rel ? RelFetches(rel->value) : nullptr) check("href", what);
    } else if (loads) {
      for (size_t k = LoadingEntry(t); k < std::size(kLoadingAttrs) && kLoadingAttrs[k].tag == t; ++k) {
        const LoadingAttr& l = kLoadingAttrs[k];
        if (l.srcset)
          check_srcset(l.attr, l.what);
        else
          check(l.attr, l.what);
      }
    }
    if (!attrs.empty()) {  // (most tags keep none: p, a, li, td without these)
      if (const Attr* st = get("style")) CheckStyle(*st, out);
      if (const Attr* bg = get("background")) CheckUrl(*bg, &msg::kResImage, out);
      if (const Attr* ping = get("ping")) CheckUrlList(*ping, UrlList::kSpaces, &msg::kResPing, out);
    }
    if (t == "style" || t == "script") {
      std::string close = "</" + tag;
      size_t j = end;
      while (j < s.size() && !(s[j] == '<' && LowerStr(s.substr(j, close.size())) == close)) ++j;
      if (t == "style") ScanCss(s.substr(end, j - end), end, out);
      i = j;
      continue;
    }
    i = end;
  }
}

// `s` with fenced code blocks and inline code spans blanked out (offsets kept):
// an example of a <script> tag in a code block loads nothing.
std::string BlankCode(std::string_view s) {
  std::string out(s);
  size_t i = 0;
  size_t tick = out.find('`');  // the next backtick at or after i, once i has passed the last one found
  bool at_line_start = true;
  while (i < out.size()) {
    if (at_line_start) {
      size_t k = i;
      while (k < out.size() && out[k] == ' ' && k - i < 3) ++k;
      if (out.compare(k, 3, "```") == 0 || out.compare(k, 3, "~~~") == 0) {
        std::string fence = out.substr(k, 3);
        size_t line_end = out.find('\n', k);
        size_t close = line_end == std::string::npos ? std::string::npos : out.find("\n" + fence, line_end);
        size_t stop = close == std::string::npos ? out.size() : out.find('\n', close + 1 + 3);
        if (stop == std::string::npos) stop = out.size();
        for (size_t j = i; j < stop; ++j) {
          if (out[j] != '\n') out[j] = ' ';
        }
        i = stop;
        continue;
      }
    }
    if (out[i] == '`') {
      size_t close = out.find('`', i + 1);
      size_t nl = out.find("\n\n", i);
      if (close != std::string::npos && (nl == std::string::npos || close < nl)) {
        for (size_t j = i; j <= close; ++j) {
          if (out[j] != '\n') out[j] = ' ';
        }
        i = close + 1;
        at_line_start = false;
        continue;
      }
    }
    if (out[i] == '\n') {
      at_line_start = true;
      ++i;
      continue;
    }
    // Until the next backtick or line break nothing here changes: a page's
    // text is passed over by memchr, not byte by byte.
    at_line_start = false;
    if (tick != std::string::npos && tick <= i) tick = out.find('`', i + 1);
    const size_t nl = out.find('\n', i + 1);
    i = std::min(std::min(tick, nl), out.size());
  }
  return out;
}

void ScanMarkdown(std::string_view text, std::vector<ExternalRef>* out) {
  // Raw HTML (when the site lets it through) and images: ![alt](url "title").
  std::string blanked = BlankCode(text);
  std::string_view s = blanked;
  ScanHtml(s, out);
  size_t i = 0;
  while ((i = s.find("![", i)) != std::string_view::npos) {
    size_t close = s.find("](", i + 2);
    size_t nl = s.find('\n', i);
    if (close == std::string_view::npos || (nl != std::string_view::npos && close > nl)) {
      i += 2;
      continue;
    }
    size_t st = close + 2;
    while (st < s.size() && (s[st] == ' ' || s[st] == '<')) ++st;
    size_t en = st;
    while (en < s.size() && !IsSpace(s[en]) && s[en] != ')' && s[en] != '>') ++en;
    if (std::string url = ForeignUrl(MarkdownDestination(s.substr(st, en - st))); !url.empty())
      out->push_back({st, std::move(url), &msg::kResImage});
    i = en;
  }
}

bool HostMatches(std::string_view host, std::string_view pattern) {
  std::string p = LowerStr(pattern);
  if (p.rfind("*.", 0) == 0) {
    std::string_view suffix = std::string_view(p).substr(1);  // ".example.com"
    return host.size() > suffix.size() && host.substr(host.size() - suffix.size()) == suffix;
  }
  return host == p;
}

void Report(const std::string& path, std::string_view text, const ExternalRef& r, std::string_view host,
            Diagnostics* diags) {
  int line, col;
  OffsetToLineCol(text, r.offset, &line, &col);
  // A ping and an early connection load no file: their fix is to remove them.
  const MessageText& message = r.what == &msg::kResPing      ? msg::kExternalPing
                               : r.what == &msg::kResConnect ? msg::kExternalConnect
                                                             : msg::kExternalResource;
  diags->Error(path, line, col, Message(message, Message(*r.what), host), text);
}

bool ScanText(const std::string& path, std::string_view text, ResourceLang lang, const Config& config,
              Diagnostics* diags) {
  std::string own = UrlHost(config.base_url);
  bool ok = true;
  for (const auto& r : FindResourceRefs(text, lang)) {
    if (IsAllowedResource(r.url, own, config.allow_hosts)) continue;
    Report(path, text, r, UrlHost(r.url), diags);
    ok = false;
  }
  return ok;
}

bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

}  // namespace

std::vector<ExternalRef> FindResourceRefs(std::string_view text, ResourceLang lang) {
  std::vector<ExternalRef> out;
  switch (lang) {
    case ResourceLang::kHtml:
      ScanHtml(text, &out);
      break;
    case ResourceLang::kCss:
      ScanCss(text, 0, &out);
      break;
    case ResourceLang::kMarkdown:
      ScanMarkdown(text, &out);
      break;
  }
  return out;
}

bool IsAllowedResource(std::string_view url, std::string_view own_host,
                       const std::vector<std::string>& allow_hosts) {
  const std::string fetched = ForeignUrl(url);
  if (fetched.empty()) return true;
  std::string host = UrlHost(fetched);
  if (!own_host.empty() && host == own_host) return true;
  for (const auto& a : allow_hosts) {
    if (HostMatches(host, a)) return true;
  }
  return false;
}

bool CheckExternalResources(const SourceTree& tree, const Config& config, Diagnostics* diags, int jobs) {
  std::string theme = "themes/" + config.theme + "/";
  std::vector<std::pair<const SourceFile*, ResourceLang>> files;
  for (const auto& [path, f] : tree.files()) {
    bool in_theme = path.rfind(theme, 0) == 0;
    bool site_level = path.rfind("layouts/", 0) == 0 || path.rfind("static/", 0) == 0;
    if (in_theme || site_level) {
      if (EndsWith(path, ".mustache") || EndsWith(path, ".html") || EndsWith(path, ".htm") ||
          EndsWith(path, ".svg")) {
        files.push_back({&f, ResourceLang::kHtml});
      } else if (EndsWith(path, ".css")) {
        files.push_back({&f, ResourceLang::kCss});
      }
    } else if (path.rfind("content/", 0) == 0 && EndsWith(path, ".md")) {
      files.push_back({&f, ResourceLang::kMarkdown});
    }
  }
  // Scanned in parallel, each file into its own collector, merged in path
  // order: the report is a serial scan's.
  std::vector<Diagnostics> found;
  found.reserve(files.size());
  for (size_t i = 0; i < files.size(); ++i) found.emplace_back(SIZE_MAX);
  std::vector<char> file_ok(files.size());
  ParallelFor(files.size(), jobs, [&](size_t i) {
    file_ok[i] = ScanText(files[i].first->path, files[i].first->text, files[i].second, config, &found[i]);
  });
  bool ok = true;
  for (size_t i = 0; i < files.size(); ++i) {
    diags->Merge(found[i]);
    ok = file_ok[i] && ok;
  }
  return ok;
}

bool CheckMarkdownResources(const SourceFile& page, const Config& config, Diagnostics* diags) {
  return ScanText(page.path, page.text, ResourceLang::kMarkdown, config, diags);
}

bool CheckRenderedHtml(std::string_view output_path, std::string_view html, const Config& config,
                       Diagnostics* diags) {
  return ScanText(std::string(output_path), html, ResourceLang::kHtml, config, diags);
}

}  // namespace fazhi
