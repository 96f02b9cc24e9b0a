#include "search/page.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "core/bytes.h"
#include "core/utf8.h"

namespace fazhi {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// What a tag means to the extractor.
enum TagFlags : uint8_t {
  kBlock = 1,   ///< ends a line of text
  kCell = 2,    ///< td, th: a space
  kVoid = 4,    ///< has no end tag
  kSkip = 8,    ///< content is never text to search: code, drawings, menus, controls
  kImage = 16,  ///< img: its alt is text
};

uint8_t FlagsOf(std::string_view t) {
  auto is = [&](const char* name) { return t == name; };
  switch (t.size()) {
    case 1:
      return t[0] == 'p' ? kBlock : 0;
    case 2:
      if (t[0] == 'h' && t[1] >= '1' && t[1] <= '6') return kBlock;
      if (is("td") || is("th")) return kCell;
      if (is("li") || is("ul") || is("ol") || is("tr") || is("dt") || is("dd") || is("dl")) return kBlock;
      if (is("br") || is("hr")) return kBlock | kVoid;
      return 0;
    case 3:
      if (is("div") || is("pre")) return kBlock;
      if (is("svg") || is("nav")) return kSkip;
      if (is("img")) return kVoid | kImage;
      if (is("wbr") || is("col")) return kVoid;
      return 0;
    case 4:
      if (is("main")) return kBlock;
      if (is("meta") || is("link") || is("area")) return kVoid;
      return 0;
    case 5:
      if (is("table") || is("thead") || is("tbody") || is("aside")) return kBlock;
      if (is("style")) return kSkip;
      if (is("input") || is("embed") || is("track")) return kVoid;
      return 0;
    case 6:
      if (is("figure") || is("header") || is("footer")) return kBlock;
      if (is("script") || is("button") || is("select")) return kSkip;
      if (is("source")) return kVoid;
      return 0;
    case 7:
      if (is("section") || is("article") || is("caption") || is("details") || is("summary")) return kBlock;
      return 0;
    case 8:
      if (is("template") || is("noscript") || is("textarea")) return kSkip;
      return 0;
    case 10:
      if (is("blockquote") || is("figcaption")) return kBlock;
      return 0;
    default:
      return 0;
  }
}

// Decodes the entity at `pos` ('&'); returns the bytes consumed (0 if none).
size_t DecodeEntity(std::string_view s, size_t pos, std::string* out) {
  size_t semi = s.find(';', pos);
  if (semi == std::string_view::npos || semi - pos > 10) return 0;
  std::string_view name = s.substr(pos + 1, semi - pos - 1);
  static const std::pair<const char*, const char*> kNamed[] = {{"amp", "&"},   {"lt", "<"},   {"gt", ">"},
                                                               {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
  for (const auto& [n, v] : kNamed) {
    if (name == n) {
      *out += v;
      return semi - pos + 1;
    }
  }
  if (name.size() >= 2 && name[0] == '#') {
    char32_t cp = 0;
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    for (char c : digits) {
      int v;
      if (c >= '0' && c <= '9')
        v = c - '0';
      else if (hex && c >= 'a' && c <= 'f')
        v = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F')
        v = c - 'A' + 10;
      else
        return 0;
      cp = cp * (hex ? 16 : 10) + v;
      if (cp > 0x10FFFF) return 0;
    }
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;  // not a character: left as written
    AppendUtf8(*out, cp);
    return semi - pos + 1;
  }
  return 0;
}

// Plain text with HTML's whitespace rules: runs collapse to one space, block
// ends become '\n', and a line break between two Chinese characters (a soft
// break in the Markdown source) disappears, as it does on screen.
class Text {
 public:
  explicit Text(std::string* out) : out_(out) {}

  void Append(std::string_view chunk) {
    const size_t n = chunk.size();
    size_t i = 0;
    while (i < n) {
      size_t w = SpaceAt(chunk, i);
      if (w) {
        space_ = true;
        newline_ = newline_ || chunk[i] == '\n' || chunk[i] == '\r';
        i += w;
        continue;
      }
      // A run up to the next whitespace: eight bytes at a time while none of
      // them can start one (most of a page is Chinese text without spaces),
      // else a character at a time (a Chinese character is one step, not
      // three). A step of eight may end inside a character: its continuation
      // bytes then take a step each, as no whitespace starts with one.
      size_t start = i;
      while (i < n) {
        if (i + 8 <= n && !MaySpace(bytes::Load(chunk.data() + i))) {
          i += 8;
          continue;
        }
        unsigned char c = static_cast<unsigned char>(chunk[i]);
        if (c < 0x80) {
          if (kAsciiSpace[c]) break;
          ++i;
        } else if (c >= 0xE0 && c != 0xE3) {
          i += c >= 0xF0 ? 4 : 3;
        } else if (SpaceAt(chunk, i)) {
          break;
        } else {
          i += c >= 0xE0 ? 3 : (c >= 0xC0 ? 2 : 1);
        }
      }
      if (i > n) i = n;  // a sequence cut short at the end
      std::string_view run = chunk.substr(start, i - start);
      if (space_ && !out_->empty() && out_->back() != '\n' && !(newline_ && last_cjk_ && FirstIsCjk(run))) {
        *out_ += ' ';
      }
      space_ = newline_ = false;
      out_->append(run);
      last_cjk_ = LastIsCjk(run);
    }
  }
  void Space() { space_ = true; }
  void Break() {
    if (!out_->empty() && out_->back() != '\n') *out_ += '\n';
    space_ = newline_ = last_cjk_ = false;
  }

 private:
  // Bytes of the whitespace character at `i` (NBSP and the ideographic space
  // count), 0 if none.
  static size_t SpaceAt(std::string_view s, size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') return 1;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
    if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80) {
      return 3;
    }
    return 0;
  }
  // Whether any of eight bytes could start whitespace: a byte below 0x21
  // (controls too, to keep the test short), or a lead byte of NBSP (C2) or
  // of the ideographic space (E3).
  static bool MaySpace(uint64_t w) {
    return (bytes::Below(w, 0x21) | bytes::Equal(w, 0xC2) | bytes::Equal(w, 0xE3)) != 0;
  }
  static bool FirstIsCjk(std::string_view run) {
    char32_t cp;
    DecodeUtf8(run, 0, &cp);
    return IsCjk(cp);
  }
  static bool LastIsCjk(std::string_view run) {
    size_t k = run.size() - 1;
    while (k > 0 && run.size() - k < 4 && (static_cast<unsigned char>(run[k]) & 0xC0) == 0x80) --k;
    char32_t cp;
    DecodeUtf8(run, k, &cp);
    return IsCjk(cp);
  }

  static constexpr auto kAsciiSpace = [] {
    std::array<bool, 128> t{};
    for (unsigned char c : {' ', '\n', '\t', '\r', '\f'}) t[c] = true;
    return t;
  }();

  std::string* out_;
  bool space_ = false, newline_ = false, last_cjk_ = false;
};

struct Tag {
  char buf[16];
  std::string_view name;  ///< lowercase (cut at 15 characters)
  uint8_t flags = 0;
  bool closing = false;
  std::string_view attrs;
  size_t end = 0;  ///< just past '>'
};

// A tag name's characters, lowercased; 0 for any other byte.
constexpr auto kNameChar = [] {
  std::array<char, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = static_cast<char>(c + ('a' - 'A'));
  for (int c = '0'; c <= '9'; ++c) t[c] = static_cast<char>(c);
  return t;
}();

// Index of the first '>', '"' or '\'' at or after `i` in `h`, or h.size():
// eight bytes at a time (attribute values are long: URLs, ids, classes).
size_t FindTagStop(std::string_view h, size_t i) {
  const size_t n = h.size();
  for (; i + 8 <= n; i += 8) {
    const uint64_t w = bytes::Load(h.data() + i);
    const uint64_t m = bytes::Equal(w, '>') | bytes::Equal(w, '"') | bytes::Equal(w, '\'');
    if (m != 0) {
      if constexpr (bytes::kLittleEndian) return i + bytes::First(m);
      break;  // the bytes one at a time, below
    }
  }
  for (; i < n; ++i) {
    const char c = h[i];
    if (c == '>' || c == '"' || c == '\'') return i;
  }
  return n;
}

// Parses the tag at `pos` ('<'); false when it is not one (a literal '<').
bool ParseTag(std::string_view h, size_t pos, Tag* t) {
  const size_t n = h.size();
  size_t i = pos + 1;
  t->closing = i < n && h[i] == '/';
  if (t->closing) ++i;
  size_t start = i;
  size_t len = 0;
  for (char c; i < n && (c = kNameChar[static_cast<unsigned char>(h[i])]) != 0; ++i) {
    if (len < sizeof t->buf) t->buf[len++] = c;
  }
  if (i == start) return false;
  t->name = std::string_view(t->buf, len);
  t->flags = FlagsOf(t->name);
  size_t attrs = i;
  // The first '>' outside quotes.
  for (;;) {
    i = FindTagStop(h, i);
    if (i >= n) return false;
    const char c = h[i];
    if (c == '>') break;
    const void* close = memchr(h.data() + i + 1, c, n - i - 1);
    if (close == nullptr) return false;
    i = static_cast<size_t>(static_cast<const char*>(close) - h.data()) + 1;
  }
  t->attrs = h.substr(attrs, i - attrs);
  t->end = i + 1;
  return true;
}

// Value of attribute `name` in `attrs` (double-quoted, entities decoded), or "".
std::string Attr(std::string_view attrs, std::string_view name) {
  for (size_t at = 0; (at = attrs.find(name, at)) != std::string_view::npos; at += name.size()) {
    if (at == 0 || !IsSpace(attrs[at - 1])) continue;
    size_t eq = at + name.size();
    if (eq + 1 >= attrs.size() || attrs[eq] != '=' || attrs[eq + 1] != '"') continue;
    size_t q = attrs.find('"', eq + 2);
    if (q == std::string_view::npos) return "";
    std::string_view enc = attrs.substr(eq + 2, q - eq - 2);
    std::string val;
    for (size_t k = 0; k < enc.size();) {
      size_t n = enc[k] == '&' ? DecodeEntity(enc, k, &val) : 0;
      if (n == 0)
        val += enc[k++];
      else
        k += n;
    }
    return val;
  }
  return "";
}

// What a tag's data- attributes ask of the extractor.
enum class Mark {
  kNone,
  kIgnore,    ///< data-search-ignore: chrome the theme marks (发布日期, tags, fact boxes)
  kFootnote,  ///< data-footnote-ref, data-footnote-backref: a note's number and its way back (↩)
  kKeep,      ///< data-search-keep: inside ignored chrome, text of the page's record (索引号, 文号)
};

Mark MarkOf(std::string_view attrs) {
  static constexpr std::string_view kData = "data-";
  for (size_t at = 0; (at = attrs.find(kData, at)) != std::string_view::npos; at += kData.size()) {
    if (at == 0 || !IsSpace(attrs[at - 1])) continue;
    const std::string_view rest = attrs.substr(at + kData.size());
    auto named = [&](std::string_view name) {
      if (rest.substr(0, name.size()) != name) return false;
      const size_t after = name.size();
      return after == rest.size() || rest[after] == '=' || IsSpace(rest[after]) || rest[after] == '/';
    };
    if (named("search-ignore")) return Mark::kIgnore;
    if (named("footnote-ref") || named("footnote-backref")) return Mark::kFootnote;
    if (named("search-keep")) return Mark::kKeep;
  }
  return Mark::kNone;
}

// Index just past the element opened by `open` (its matching end tag, same
// name, nesting counted), or the end of `h`. With `keep`, each element inside
// marked data-search-keep is handed to keep(its content) and skipped whole.
template <typename Keep>
size_t SkipElement(std::string_view h, const Tag& open, Keep&& keep) {
  int depth = 1;
  size_t i = open.end;
  Tag t;
  while ((i = h.find('<', i)) != std::string_view::npos) {
    if (!ParseTag(h, i, &t)) {
      ++i;
      continue;
    }
    if constexpr (!std::is_null_pointer_v<std::decay_t<Keep>>) {
      if (!t.closing && !(t.flags & kVoid) && !t.attrs.empty() && MarkOf(t.attrs) == Mark::kKeep) {
        const size_t end = SkipElement(h, t, nullptr);
        const size_t inner_end = h.rfind('<', end - 1);
        if (inner_end != std::string_view::npos && inner_end > t.end)
          keep(h.substr(t.end, inner_end - t.end));
        i = end;
        continue;
      }
    }
    if (t.name == open.name) {
      depth += t.closing ? -1 : ((t.flags & kVoid) ? 0 : 1);
      if (depth == 0) return t.end;
    }
    i = t.end;
  }
  return h.size();
}

size_t SkipElement(std::string_view h, const Tag& open) { return SkipElement(h, open, nullptr); }

class Extractor {
 public:
  Extractor(std::string_view html, SearchPage* page) : h_(html), page_(page) {
    page_->sections.emplace_back();
    section_text_ = Text(&page_->sections.back().text);
  }

  void Run() {
    size_t i = 0;
    Tag t;
    while (i < h_.size()) {
      // The next '<' or '&' (memchr: most of a page is text between tags).
      const char* lt_at = static_cast<const char*>(memchr(h_.data() + i, '<', h_.size() - i));
      size_t lt = lt_at ? static_cast<size_t>(lt_at - h_.data()) : h_.size();
      if (const void* amp = memchr(h_.data() + i, '&', lt - i))
        lt = static_cast<const char*>(amp) - h_.data();
      if (lt > i) Chars(h_.substr(i, lt - i));
      if (lt == h_.size()) break;
      i = lt;
      if (h_[i] == '&') {
        std::string decoded;
        size_t n = DecodeEntity(h_, i, &decoded);
        Chars(n ? std::string_view(decoded) : h_.substr(i, 1));
        i += n ? n : 1;
        continue;
      }
      if (i + 1 < h_.size() && h_[i + 1] == '!' && h_.compare(i, 4, "<!--") == 0) {
        size_t end = h_.find("-->", i + 4);
        i = end == std::string_view::npos ? h_.size() : end + 3;
        continue;
      }
      if (!ParseTag(h_, i, &t)) {
        if (i + 1 < h_.size() && (h_[i + 1] == '!' || h_[i + 1] == '?')) {
          size_t gt = h_.find('>', i);
          i = gt == std::string_view::npos ? h_.size() : gt + 1;
        } else {
          Chars(h_.substr(i, 1));
          ++i;
        }
        continue;
      }
      i = t.end;
      if (t.closing) {
        Close(t);
      } else if (const Mark mark = t.attrs.empty() ? Mark::kNone : MarkOf(t.attrs);
                 (t.flags & kSkip) || mark == Mark::kIgnore) {
        if (!(t.flags & kVoid)) i = mark == Mark::kIgnore ? SkipIgnored(t) : SkipElement(h_, t);
        Section().Space();
      } else if (mark == Mark::kFootnote) {
        // Left out without a space: a note's number is not part of the
        // figure it follows (368[^1]件 is 368件, not 3681件), and its ↩
        // is a link, not text of the note.
        if (!(t.flags & kVoid)) i = SkipElement(h_, t);
      } else {
        Open(t);
      }
    }
    EndCapture();
    // The record goes last: a result whose match is in the title alone
    // shows the page's first sentence, which must not be an 索引号.
    if (!record_.empty()) {
      SearchSection r;
      r.id = record_id_;
      r.text = record_ + "\n";
      r.record = true;
      page_->sections.push_back(std::move(r));
    }
  }

 private:
  enum class Capture { kNone, kTitle, kHeading, kLead };

  Text& Section() { return section_text_; }

  // Past the element `open`, which the theme marked data-search-ignore,
  // keeping the text of what inside it is marked data-search-keep for the
  // page's record (SearchSection::record), anchored at `open`'s id.
  size_t SkipIgnored(const Tag& open) {
    return SkipElement(h_, open, [&](std::string_view inner) { Keep(inner, open); });
  }

  // Adds the text of `html` to the record, on one line.
  void Keep(std::string_view html, const Tag& within) {
    SearchPage part;
    Extractor(html, &part).Run();
    std::string text;
    for (const SearchSection& s : part.sections) text += s.text;
    for (char& c : text) {
      if (c == '\n') c = ' ';
    }
    const size_t first = text.find_first_not_of(' ');
    if (first == std::string::npos) return;
    text = text.substr(first, text.find_last_not_of(' ') - first + 1);
    if (record_.empty()) record_id_ = Attr(within.attrs, "id");
    if (!record_.empty()) record_ += ' ';
    record_ += text;
  }

  void Chars(std::string_view s) {
    if (para_start_) {
      for (char c : s) {
        if (!IsSpace(c)) {
          para_start_ = false;
          break;
        }
      }
    }
    if (capture_ != Capture::kNone) capture_text_.Append(s);
    if (capture_ != Capture::kTitle && capture_ != Capture::kHeading) section_text_.Append(s);
  }

  void Open(const Tag& t) {
    std::string_view n = t.name;
    if (capture_ == Capture::kHeading && heading_id_.empty()) heading_id_ = Attr(t.attrs, "id");
    if (capture_ == Capture::kNone && n.size() == 2 && n[0] == 'h' && n[1] >= '1' && n[1] <= '6') {
      section_text_.Break();
      if (n[1] == '1' && !have_title_) {
        StartCapture(Capture::kTitle, n);
      } else {
        StartCapture(n[1] == '2' || n[1] == '3' ? Capture::kHeading : Capture::kLead, n);
        heading_id_ = Attr(t.attrs, "id");
      }
      return;
    }
    if (capture_ == Capture::kNone && para_start_ && (n == "strong" || n == "b")) {
      StartCapture(Capture::kLead, n);
      para_start_ = false;
      return;
    }
    para_start_ = n == "p";
    if (t.flags & kImage) {
      // The text of an image for a reader who cannot see it (a chart's
      // figures, a photographed notice's title) is the page's text for one
      // who searches: a word apart from the text around it.
      if (const std::string alt = Attr(t.attrs, "alt"); !alt.empty()) {
        Section().Space();
        if (capture_ != Capture::kNone) capture_text_.Space();
        Chars(alt);
        Section().Space();
        if (capture_ != Capture::kNone) capture_text_.Space();
      }
      return;
    }
    if (t.flags & kCell) {
      Section().Space();
      if (capture_ != Capture::kNone) capture_text_.Space();
    } else if (t.flags & kBlock) {
      Section().Break();
      if (capture_ != Capture::kNone) capture_text_.Space();
    }
  }

  void Close(const Tag& t) {
    if (capture_ != Capture::kNone && t.name == capture_tag_) {
      EndCapture();
      if (t.flags & kBlock) section_text_.Break();
      return;
    }
    if (t.flags & kCell) {
      Section().Space();
    } else if (t.flags & kBlock) {
      Section().Break();
      if (capture_ != Capture::kNone) capture_text_.Space();
    }
    para_start_ = false;
  }

  void StartCapture(Capture c, std::string_view tag) {
    capture_ = c;
    capture_tag_ = tag;
    captured_.clear();
    capture_text_ = Text(&captured_);
  }

  void EndCapture() {
    Capture c = capture_;
    capture_ = Capture::kNone;
    capture_tag_.clear();
    while (!captured_.empty() && captured_.back() == '\n') captured_.pop_back();
    switch (c) {
      case Capture::kNone:
        return;
      case Capture::kTitle:
        page_->title = captured_;
        have_title_ = true;
        return;
      case Capture::kHeading:
        if (!heading_id_.empty()) {
          SearchSection s;
          s.id = heading_id_;
          s.heading = captured_;
          page_->sections.push_back(std::move(s));
          section_text_ = Text(&page_->sections.back().text);
          return;
        }
        // An unanchored h2/h3 titles its paragraphs, as a lead-in does.
        section_text_.Append(captured_);
        section_text_.Break();
        [[fallthrough]];
      case Capture::kLead: {
        std::string& leads = page_->sections.back().leads;
        if (!captured_.empty()) {
          leads += captured_;
          leads += '\n';
        }
        return;
      }
    }
  }

  std::string_view h_;
  SearchPage* page_;
  Text section_text_{nullptr};  ///< the current section's text
  Capture capture_ = Capture::kNone;
  std::string capture_tag_;
  std::string captured_;
  Text capture_text_{&captured_};
  std::string heading_id_;
  bool have_title_ = false;
  bool para_start_ = false;
  std::string record_;     ///< text kept from ignored chrome (data-search-keep), ' '-separated
  std::string record_id_;  ///< the id of the chrome it was first kept from
};

}  // namespace

bool ExtractSearchPage(std::string_view html, SearchPage* out) {
  *out = SearchPage();
  size_t m = html.find("<main");
  while (m != std::string_view::npos && m + 5 < html.size() && html[m + 5] != '>' && !IsSpace(html[m + 5])) {
    m = html.find("<main", m + 5);
  }
  size_t me = html.rfind("</main>");
  if (m == std::string_view::npos || me == std::string_view::npos || me < m) return false;
  size_t open_end = html.find('>', m);
  if (open_end == std::string_view::npos || open_end > me) return false;
  Extractor(html.substr(open_end + 1, me - open_end - 1), out).Run();
  out->html_bytes = html.size();
  return true;
}

std::string HtmlToText(std::string_view html) {
  SearchPage page;
  Extractor(html, &page).Run();
  std::string out;
  if (!page.title.empty()) out = page.title + "\n";
  for (const SearchSection& s : page.sections) {
    if (!s.heading.empty()) out += s.heading + "\n";
    out += s.text;
  }
  return out;
}

}  // namespace fazhi
