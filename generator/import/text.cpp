#include "import/text.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <tuple>
#include <vector>

#include "core/encoding.h"
#include "core/utf8.h"
#include "import/messages.h"
#include "import/structure.h"

namespace fazhi {
namespace {

// A report's document.xml is a few hundred KiB; anything beyond this is not a
// report (or is a ZIP bomb). It is read as a stream, so its size bounds the
// time, not the memory.
constexpr uint64_t kMaxDocumentXml = 64u << 20;
// numbering.xml and styles.xml are read whole (a tree of nodes, tens of
// bytes each per byte of XML); real ones are tens of KiB.
constexpr uint64_t kMaxSidePartXml = 4u << 20;

constexpr const char* kWordNs[] = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",  // Word, WPS
    "http://purl.oclc.org/ooxml/wordprocessingml/main",              // Strict OOXML
};
constexpr const char* kMarkupCompatNs = "http://schemas.openxmlformats.org/markup-compatibility/2006";

bool IsNs(const xmlNode* n, const char* href) {
  return n->ns && n->ns->href && std::string_view(reinterpret_cast<const char*>(n->ns->href)) == href;
}

bool IsWord(const xmlNode* n, std::string_view local) {
  if (n->type != XML_ELEMENT_NODE) return false;
  if (std::string_view(reinterpret_cast<const char*>(n->name)) != local) return false;
  for (const char* ns : kWordNs) {
    if (IsNs(n, ns)) return true;
  }
  return false;
}

std::string WordAttr(const xmlNode* n, const char* name) {
  if (!n) return "";
  for (const char* ns : kWordNs) {
    xmlChar* v =
        xmlGetNsProp(n, reinterpret_cast<const xmlChar*>(name), reinterpret_cast<const xmlChar*>(ns));
    if (v) {
      std::string s(reinterpret_cast<const char*>(v));
      xmlFree(v);
      return s;
    }
  }
  return "";
}

const xmlNode* WordChild(const xmlNode* n, std::string_view local) {
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next) {
    if (IsWord(c, local)) return c;
  }
  return nullptr;
}

int ToInt(const std::string& s, int fallback) {
  if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) return fallback;
  return std::stoi(s);
}

// A counter in a numbering format: 一 for chineseCounting, 1 for decimal, …
std::string FormatCounter(int n, const std::string& fmt) {
  static const char* kCn[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (fmt == "bullet" || fmt == "none") return "";
  if (fmt.rfind("chinese", 0) == 0 || fmt == "japaneseCounting" || fmt == "taiwaneseCounting" ||
      fmt == "ideographDigital" || fmt == "japaneseDigitalTenThousand") {
    if (n >= 1 && n <= 99) {
      std::string s;
      if (n >= 20) s += kCn[n / 10];
      if (n >= 10) s += "十";
      if (n % 10 || n < 10) s += kCn[n % 10];
      return s;
    }
  } else if (fmt == "decimalFullWidth" || fmt == "decimalFullWidth2") {
    std::string s;
    for (char c : std::to_string(n)) {
      AppendUtf8(s, U'０' + static_cast<char32_t>(c - '0'));
    }
    return s;
  } else if (fmt == "decimalZero") {
    return (n < 10 ? "0" : "") + std::to_string(n);
  } else if ((fmt == "upperLetter" || fmt == "lowerLetter") && n >= 1 && n <= 26) {
    return std::string(1, static_cast<char>((fmt == "upperLetter" ? 'A' : 'a') + n - 1));
  }
  return std::to_string(n);
}

// Word's automatic numbering (numbering.xml, styles.xml): "一、" and "（一）"
// that Word draws in front of a paragraph but does not store in its text.
class WordNumbering {
 public:
  void LoadNumbering(const xmlNode* root) {
    for (const xmlNode* n = root ? root->children : nullptr; n; n = n->next) {
      if (IsWord(n, "abstractNum")) {
        Levels& levels = abstract_[WordAttr(n, "abstractNumId")];
        for (const xmlNode* l = n->children; l; l = l->next) {
          if (!IsWord(l, "lvl")) continue;
          int i = ToInt(WordAttr(l, "ilvl"), -1);
          if (i < 0 || i >= kLevels) continue;
          levels[i].start = ToInt(WordAttr(WordChild(l, "start"), "val"), 1);
          if (const xmlNode* f = WordChild(l, "numFmt")) levels[i].fmt = WordAttr(f, "val");
          if (const xmlNode* t = WordChild(l, "lvlText")) levels[i].text = WordAttr(t, "val");
        }
      } else if (IsWord(n, "num")) {
        num_to_abstract_[WordAttr(n, "numId")] = WordAttr(WordChild(n, "abstractNumId"), "val");
      }
    }
  }

  void LoadStyles(const xmlNode* root) {
    for (const xmlNode* n = root ? root->children : nullptr; n; n = n->next) {
      if (!IsWord(n, "style")) continue;
      const xmlNode* num = WordChild(WordChild(n, "pPr"), "numPr");
      if (!num) continue;
      style_num_[WordAttr(n, "styleId")] = {WordAttr(WordChild(num, "numId"), "val"),
                                            ToInt(WordAttr(WordChild(num, "ilvl"), "val"), 0)};
    }
  }

  // The number Word shows in front of the paragraph whose w:pPr is `ppr`, or "".
  std::string Prefix(const xmlNode* ppr) {
    if (!ppr) return "";
    std::string num_id;
    int level = 0;
    if (const xmlNode* style = WordChild(ppr, "pStyle")) {
      auto it = style_num_.find(WordAttr(style, "val"));
      if (it != style_num_.end()) std::tie(num_id, level) = it->second;
    }
    if (const xmlNode* num = WordChild(ppr, "numPr")) {
      if (const xmlNode* id = WordChild(num, "numId")) num_id = WordAttr(id, "val");
      if (const xmlNode* l = WordChild(num, "ilvl")) level = ToInt(WordAttr(l, "val"), 0);
    }
    if (num_id.empty() || num_id == "0" || level < 0 || level >= kLevels) return "";
    auto a = abstract_.find(num_to_abstract_[num_id]);
    if (a == abstract_.end()) return "";
    const Levels& levels = a->second;
    std::array<int, kLevels>& count = counters_[num_id];
    count[level] = count[level] == 0 ? levels[level].start : count[level] + 1;
    for (int d = level + 1; d < kLevels; ++d) count[d] = 0;
    if (levels[level].fmt == "bullet" || levels[level].fmt == "none") return "";
    std::string out;
    const std::string& text = levels[level].text;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
        int k = text[i + 1] - '1';
        int value = count[k] == 0 ? levels[k].start : count[k];
        out += FormatCounter(value, levels[k].fmt);
        ++i;
      } else {
        out += text[i];
      }
    }
    return out;
  }

 private:
  static constexpr int kLevels = 9;
  struct Level {
    int start = 1;
    std::string fmt = "decimal";
    std::string text;
  };
  using Levels = std::array<Level, kLevels>;
  std::map<std::string, Levels> abstract_;
  std::map<std::string, std::string> num_to_abstract_;
  std::map<std::string, std::pair<std::string, int>> style_num_;
  std::map<std::string, std::array<int, kLevels>> counters_;
};

struct ReaderFree {
  void operator()(xmlTextReader* r) const { xmlFreeTextReader(r); }
};

bool IsWordName(xmlTextReader* r, std::string_view local) {
  const xmlChar* name = xmlTextReaderConstLocalName(r);
  const xmlChar* ns = xmlTextReaderConstNamespaceUri(r);
  if (!name || !ns || std::string_view(reinterpret_cast<const char*>(name)) != local) return false;
  for (const char* w : kWordNs) {
    if (std::string_view(reinterpret_cast<const char*>(ns)) == w) return true;
  }
  return false;
}

// Reads word/document.xml as a stream (no tree of the whole document: 63 MiB
// of empty paragraphs once took 1.98 GB) into one line per w:p; w:tab becomes
// a tab and w:br a line break. Nested paragraphs (text boxes) get lines of
// their own. Deleted text, field codes and mc:Fallback (a copy of mc:Choice)
// are skipped. Stops with an error beyond kMaxImportParagraphs paragraphs or
// kMaxImportTextBytes of text.
bool ReadDocumentText(const std::string& xml, WordNumbering* numbering, std::vector<std::string>* lines,
                      Message* error) {
  std::unique_ptr<xmlTextReader, ReaderFree> r(
      xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), "document.xml", nullptr,
                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!r) {
    *error = Message(msg::kDocxBadXml);
    return false;
  }
  struct Open {
    size_t line;
    int depth;
  };
  std::vector<Open> paragraphs;  // the w:p elements we are in
  size_t text_bytes = 0;
  auto current = [&]() -> std::string* {
    return paragraphs.empty() ? nullptr : &(*lines)[paragraphs.back().line];
  };
  auto add = [&](std::string_view s) {
    if (std::string* line = current()) {
      line->append(s);
      text_bytes += s.size();
    }
  };
  // Each turn handles the node the reader is on, then moves on: into its
  // children (Read) or, for the elements whose content is dealt with here or
  // not wanted, past them (Next, which lands on the following node).
  int ret = xmlTextReaderRead(r.get());
  while (ret == 1) {
    int type = xmlTextReaderNodeType(r.get());
    int depth = xmlTextReaderDepth(r.get());
    bool skip = false;
    if (type == XML_READER_TYPE_END_ELEMENT) {
      if (!paragraphs.empty() && paragraphs.back().depth == depth && IsWordName(r.get(), "p")) {
        paragraphs.pop_back();
      }
    } else if (type == XML_READER_TYPE_ELEMENT) {
      bool empty = xmlTextReaderIsEmptyElement(r.get()) == 1;
      const xmlChar* ns = xmlTextReaderConstNamespaceUri(r.get());
      const xmlChar* local = xmlTextReaderConstLocalName(r.get());
      if (ns && local && std::string_view(reinterpret_cast<const char*>(ns)) == kMarkupCompatNs &&
          std::string_view(reinterpret_cast<const char*>(local)) == "Fallback") {
        skip = true;
      } else if (IsWordName(r.get(), "p")) {
        if (lines->size() >= kMaxImportParagraphs) {
          *error = Message(msg::kImportTooManyParagraphs, kMaxImportParagraphs);
          return false;
        }
        lines->emplace_back();
        if (!empty) paragraphs.push_back({lines->size() - 1, depth});
      } else if (IsWordName(r.get(), "pPr")) {
        if (!paragraphs.empty() && paragraphs.back().depth == depth - 1 && !empty) {
          std::string prefix = numbering->Prefix(xmlTextReaderExpand(r.get()));
          current()->insert(0, prefix);
          text_bytes += prefix.size();
        }
        skip = true;
      } else if (IsWordName(r.get(), "t")) {
        if (!empty) {
          xmlChar* content = xmlTextReaderReadString(r.get());
          if (content) {
            add(reinterpret_cast<const char*>(content));
            xmlFree(content);
          }
        }
        skip = true;
      } else if (IsWordName(r.get(), "tab")) {
        add("\t");
      } else if (IsWordName(r.get(), "br") || IsWordName(r.get(), "cr")) {
        add("\n");
      } else if (IsWordName(r.get(), "del") || IsWordName(r.get(), "instrText") ||
                 IsWordName(r.get(), "delText") || IsWordName(r.get(), "rPr")) {
        skip = true;
      }
      if (text_bytes > kMaxImportTextBytes) {
        *error = Message(msg::kImportTooMuchText, kMaxImportTextBytes >> 20);
        return false;
      }
    }
    ret = skip ? xmlTextReaderNext(r.get()) : xmlTextReaderRead(r.get());
  }
  if (ret != 0) {
    *error = Message(msg::kDocxBadXml);
    return false;
  }
  return true;
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};
struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

bool ReadZipEntry(zip_t* za, const char* name, std::string* out, Message* error,
                  uint64_t max_size = kMaxDocumentXml) {
  zip_int64_t idx = zip_name_locate(za, name, 0);
  if (idx < 0) {
    *error = Message(msg::kDocxMissingEntry, name);
    return false;
  }
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(za, static_cast<zip_uint64_t>(idx), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
      st.size > max_size) {
    *error = Message(msg::kDocxEntryTooLarge, name);
    return false;
  }
  std::unique_ptr<zip_file_t, ZipFileCloser> f(zip_fopen_index(za, static_cast<zip_uint64_t>(idx), 0));
  if (!f) {
    *error = Message(msg::kDocxCannotOpen, name);
    return false;
  }
  out->assign(static_cast<size_t>(st.size), '\0');
  zip_uint64_t done = 0;
  while (done < st.size) {
    zip_int64_t n = zip_fread(f.get(), out->data() + done, st.size - done);
    if (n <= 0) {
      *error = Message(msg::kDocxCannotRead, name);
      return false;
    }
    done += static_cast<zip_uint64_t>(n);
  }
  return true;
}

// No network, no entity expansion (XXE), no messages on stderr.
xmlDoc* ParseXml(const std::string& xml) {
  return xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "part.xml", nullptr,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

bool LooksBinary(std::string_view bytes) {
  if (bytes.find('\0') != std::string_view::npos) return true;
  size_t controls = 0;
  for (unsigned char c : bytes) {
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  }
  return controls * 100 > bytes.size();  // more than 1% control bytes
}

// A report is Chinese prose: at least a third of its visible characters are
// CJK. This catches bytes that happen to decode as GB18030 but are not text.
bool LooksLikeChineseText(std::string_view utf8) {
  size_t cjk = 0, visible = 0;
  for (size_t i = 0; i < utf8.size();) {
    char32_t cp;
    i += DecodeUtf8(utf8, i, &cp);
    if (cp <= 0x20 || cp == 0x3000) continue;
    ++visible;
    if (IsCjk(cp)) ++cjk;
  }
  return visible > 0 && cjk * 3 >= visible;
}

bool IsBlank(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    i += DecodeUtf8(s, i, &cp);
    if (cp > 0x20 && cp != 0x3000 && cp != 0xA0 && cp != 0xFEFF) return false;
  }
  return true;
}

}  // namespace

std::string NormalizeImportText(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size();) {
    char32_t cp;
    size_t len = DecodeUtf8(in, i, &cp);
    if (cp == '\r') {
      out += '\n';
      if (i + 1 < in.size() && in[i + 1] == '\n') ++len;
    } else if (cp == 0x2028 || cp == 0x2029 || cp == 0x0B || cp == 0x0C || cp == 0x85) {
      out += '\n';
    } else if (cp == 0xA0 || cp == 0x2002 || cp == 0x2003 || cp == 0x2009 || cp == 0x202F) {
      out += ' ';
    } else if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF || cp == 0x00AD) {
      // zero-width characters and soft hyphens carry nothing
    } else {
      out.append(in.substr(i, len));
    }
    i += len;
  }
  return out;
}

bool ExtractDocxText(std::string_view bytes, std::string* text, Message* error) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
  if (!src) {  // only when memory runs out: said as for any archive that cannot be opened
    zip_error_fini(&ze);
    *error = Message(msg::kDocxNoZip);
    return false;
  }
  std::unique_ptr<zip_t, ZipCloser> za(zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze));
  zip_error_fini(&ze);
  if (!za) {
    zip_source_free(src);
    *error = Message(msg::kDocxNoZip);
    return false;
  }
  std::string xml;
  if (!ReadZipEntry(za.get(), "word/document.xml", &xml, error)) return false;

  xmlInitParser();
  // Automatic numbering is optional: a document without it, or with parts
  // that cannot be read, still imports (without the numbers).
  WordNumbering numbering;
  std::string part;
  Message ignored;
  if (zip_name_locate(za.get(), "word/numbering.xml", 0) >= 0 &&
      ReadZipEntry(za.get(), "word/numbering.xml", &part, &ignored, kMaxSidePartXml)) {
    std::unique_ptr<xmlDoc, XmlDocFree> n(ParseXml(part));
    if (n) numbering.LoadNumbering(xmlDocGetRootElement(n.get()));
    if (zip_name_locate(za.get(), "word/styles.xml", 0) >= 0 &&
        ReadZipEntry(za.get(), "word/styles.xml", &part, &ignored, kMaxSidePartXml)) {
      std::unique_ptr<xmlDoc, XmlDocFree> st(ParseXml(part));
      if (st) numbering.LoadStyles(xmlDocGetRootElement(st.get()));
    }
  }
  std::vector<std::string> lines;
  if (!ReadDocumentText(xml, &numbering, &lines, error)) return false;
  text->clear();
  for (const std::string& l : lines) {
    *text += l;
    *text += '\n';
  }
  return true;
}

namespace {

// Web pages saved from a portal.

std::string_view NodeName(const xmlNode* n) {
  return n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}

bool NameIn(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (name == n) return true;
  }
  return false;
}

// Never text of the page: scripts, styles, form controls, embedded things.
bool IsSkipped(std::string_view name) {
  return NameIn(name, {"head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
                       "canvas", "select", "option", "button", "input", "textarea", "map", "audio", "video"});
}

bool IsBlockElement(std::string_view name) {
  return NameIn(name,
                {"p",      "div",        "h1",      "h2",         "h3",      "h4",     "h5",      "h6",
                 "li",     "ul",         "ol",      "dl",         "dt",      "dd",     "table",   "tbody",
                 "thead",  "tfoot",      "tr",      "section",    "article", "header", "footer",  "nav",
                 "aside",  "main",       "form",    "blockquote", "pre",     "center", "address", "hr",
                 "figure", "figcaption", "caption", "fieldset",   "legend",  "body",   "html"});
}

// Characters of `s` that are not white space (UTF-8 lead bytes).
size_t VisibleChars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 && c != ' ' && c != '\t' && c != '\n' && c != '\r';
  return n;
}

// Finds the article: the element whose own paragraphs (text, <p>, inline
// elements, a <div> holding no other block) hold the most text outside links.
// Menus are links and sit in <li>, so they never win.
class ContentFinder {
 public:
  const xmlNode* Find(const xmlNode* root) {
    Measure(root, 0);
    return best_score_ >= 200 ? best_ : nullptr;
  }

 private:
  struct Info {
    size_t text = 0;  // visible characters outside links
    bool has_block = false;
  };

  Info Measure(const xmlNode* n, int depth) {
    Info info;
    size_t score = 0;
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        size_t t = c->content ? VisibleChars(reinterpret_cast<const char*>(c->content)) : 0;
        info.text += t;
        score += t;
        continue;
      }
      if (c->type != XML_ELEMENT_NODE || IsSkipped(NodeName(c)) || depth > 200) continue;
      std::string_view name = NodeName(c);
      Info ci = Measure(c, depth + 1);
      if (name == "a") ci.text = 0;
      info.text += ci.text;
      bool block = IsBlockElement(name);
      info.has_block = info.has_block || block || ci.has_block;
      if (!block || name == "p" ||
          (!ci.has_block && NameIn(name, {"div", "section", "center", "blockquote"}))) {
        score += ci.text;
      }
    }
    if (score > best_score_) {
      best_score_ = score;
      best_ = n;
    }
    return info;
  }

  const xmlNode* best_ = nullptr;
  size_t best_score_ = 0;
};

// The page as lines: those before the article, the article's, the rest.
class HtmlLines {
 public:
  explicit HtmlLines(const xmlNode* content) : content_(content) {}

  void Walk(const xmlNode* n, int depth = 0) {
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        if (c->content) AppendText(reinterpret_cast<const char*>(c->content));
        continue;
      }
      if (c->type != XML_ELEMENT_NODE || depth > 200) continue;
      std::string_view name = NodeName(c);
      if (IsSkipped(name)) continue;
      if (c == content_) {
        Flush();
        target_ = &inside;
        Walk(c, depth + 1);
        Flush();
        target_ = &after;
      } else if (name == "br") {
        Flush();
      } else if (name == "td" || name == "th") {
        Space();  // cells of a row stay on one line: "索引号： 1144… 分类： 综合政务"
        Walk(c, depth + 1);
        Space();
      } else if (IsBlockElement(name)) {
        Flush();
        Walk(c, depth + 1);
        Flush();
      } else {
        Walk(c, depth + 1);
      }
    }
  }

  void Finish() { Flush(); }

  std::vector<std::string> before, inside, after;

 private:
  void Space() {
    if (!line_.empty() && line_.back() != ' ') line_ += ' ';
  }

  // HTML white space collapses to one space; U+3000 and NBSP are text.
  void AppendText(std::string_view s) {
    for (char c : s) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        Space();
      } else {
        line_ += c;
      }
    }
  }

  // Ends the line, without the spaces and NBSPs (&nbsp; indents) around it.
  void Flush() {
    size_t a = 0, b = line_.size();
    for (;;) {
      if (a < b && line_[a] == ' ') {
        ++a;
      } else if (b - a >= 2 && line_.compare(a, 2, "\xC2\xA0") == 0) {
        a += 2;
      } else {
        break;
      }
    }
    for (;;) {
      if (b > a && line_[b - 1] == ' ') {
        --b;
      } else if (b - a >= 2 && line_.compare(b - 2, 2, "\xC2\xA0") == 0) {
        b -= 2;
      } else {
        break;
      }
    }
    if (b > a) target_->push_back(line_.substr(a, b - a));
    line_.clear();
  }

  const xmlNode* content_;
  std::vector<std::string>* target_ = &before;
  std::string line_;
};

struct HtmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

const xmlNode* FindElement(const xmlNode* n, std::string_view name, int depth = 0) {
  for (const xmlNode* c = n ? n->children : nullptr; c && depth < 200; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (NodeName(c) == name) return c;
    if (const xmlNode* f = FindElement(c, name, depth + 1)) return f;
  }
  return nullptr;
}

// A line that starts the item above the article: a portal field or the title.
bool StartsItem(const std::string& line, const std::string& title) {
  if (IsPortalFieldLine(line)) return true;
  if (title.size() >= 12 && line.find(title) != std::string::npos) return true;
  return line.size() <= 210 && line.find("报告") != std::string::npos &&
         line.find("年") != std::string::npos && line.find("。") == std::string::npos;
}

bool LooksLikeHtml(std::string_view text, std::string_view ext) {
  if (ext == "html" || ext == "htm" || ext == "shtml" || ext == "xhtml") return true;
  size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  if (i >= text.size() || text[i] != '<') return false;
  std::string head;
  for (char c : text.substr(i, 4096)) head += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return head.find("<html") != std::string::npos || head.rfind("<!doctype html", 0) == 0;
}

}  // namespace

bool ExtractHtmlText(std::string_view html, std::string* text, std::string* title, Message* error) {
  xmlInitParser();
  // The bytes are UTF-8 already (decoded by the caller): the page's own
  // <meta charset> is ignored, it names the encoding the portal served.
  std::unique_ptr<xmlDoc, HtmlDocFree> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                         HTML_PARSE_IGNORE_ENC));
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (!root) {
    *error = Message(msg::kHtmlUnreadable);
    return false;
  }
  title->clear();
  if (const xmlNode* t = FindElement(reinterpret_cast<const xmlNode*>(doc.get()), "title")) {
    xmlChar* s = xmlNodeGetContent(t);
    if (s) {
      std::string collapsed(reinterpret_cast<const char*>(s));
      xmlFree(s);
      for (char& c : collapsed) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      }
      size_t a = collapsed.find_first_not_of(' '), b = collapsed.find_last_not_of(' ');
      if (a != std::string::npos) *title = collapsed.substr(a, b - a + 1);
    }
  }
  const xmlNode* content = ContentFinder().Find(root);
  HtmlLines lines(content);
  lines.Walk(reinterpret_cast<const xmlNode*>(doc.get()));
  lines.Finish();
  std::vector<std::string> out;
  if (content) {
    // Above the article: its portal fields and title, not the menus above them.
    std::string stripped = StripPortalName(*title);
    size_t from = lines.before.size() > 40 ? lines.before.size() - 40 : 0;
    for (size_t i = from; i < lines.before.size(); ++i) {
      if (StartsItem(lines.before[i], stripped)) {
        out.assign(lines.before.begin() + static_cast<std::ptrdiff_t>(i), lines.before.end());
        break;
      }
    }
    out.insert(out.end(), lines.inside.begin(), lines.inside.end());
  } else {
    out = lines.before;
  }
  text->clear();
  for (const std::string& l : out) {
    *text += l;
    *text += '\n';
  }
  return true;
}

bool ReadImportText(std::string_view bytes, ImportedText* out, Message* error, std::string_view name) {
  if (bytes.size() > kMaxImportBytes) {
    *error = Message(msg::kImportTooLarge, kMaxImportBytes >> 20);
    return false;
  }
  if (IsBlank(bytes)) {
    *error = Message(msg::kImportEmpty);
    return false;
  }
  std::string ext;
  if (size_t dot = name.rfind('.'); dot != std::string_view::npos) {
    for (char c : name.substr(dot + 1)) ext += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  bool zip = bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
  if ((ext == "docx" || ext == "docm" || ext == "dotx") && !zip) {
    // Ten random bytes decode as GB18030 "text" with CJK in it: the name
    // says what the file should be, and it is not.
    *error = Message(msg::kImportDocxNotZip);
    return false;
  }
  std::string decoded;
  if (zip) {
    if (!ExtractDocxText(bytes, &decoded, error)) return false;
    out->format = Message(msg::kFormatDocx);
    out->kind = "docx";
  } else if (bytes.substr(0, 4) == std::string_view("\xD0\xCF\x11\xE0", 4)) {
    *error = Message(msg::kImportOldDoc);
    return false;
  } else if (bytes.substr(0, 5) == "%PDF-") {
    *error = Message(msg::kImportPdf);
    return false;
  } else {
    TextEncoding enc = TextEncoding::kUnknown;
    bool utf16 = bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
    if (!utf16 && LooksBinary(bytes)) {
      *error = Message(msg::kImportBinary);
      return false;
    }
    if (!DecodeToUtf8(bytes, &decoded, &enc, nullptr)) {
      *error = Message(msg::kImportEncoding);
      return false;
    }
    out->format = Message(msg::kFormatText, EncodingName(enc));
    out->kind = "txt";
    if (LooksLikeHtml(decoded, ext)) {
      // Its tree takes several times the page's size: a portal page is far smaller.
      if (decoded.size() > kMaxImportHtmlBytes) {
        *error = Message(msg::kImportTooLarge, kMaxImportHtmlBytes >> 20);
        return false;
      }
      std::string page = std::move(decoded);
      if (!ExtractHtmlText(page, &decoded, &out->title, error)) return false;
      out->format = Message(msg::kFormatHtml, EncodingName(enc));
      out->kind = "html";
    }
  }
  if (decoded.size() > kMaxImportTextBytes) {
    *error = Message(msg::kImportTooMuchText, kMaxImportTextBytes >> 20);
    return false;
  }
  out->text = NormalizeImportText(decoded);
  size_t lines = 0;
  for (char c : out->text) lines += c == '\n';
  if (lines > kMaxImportParagraphs) {
    *error = Message(msg::kImportTooManyParagraphs, kMaxImportParagraphs);
    return false;
  }
  if (IsBlank(out->text)) {
    *error = Message(msg::kImportNoText);
    return false;
  }
  if (!LooksLikeChineseText(out->text)) {
    *error = Message(msg::kImportNotChinese);
    return false;
  }
  return true;
}

}  // namespace fazhi
