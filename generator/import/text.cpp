#include "import/text.h"

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
  if (!src) {
    zip_error_fini(&ze);
    *error = Message(msg::kDocxUnreadable);
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
