#include "import_text.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "encoding.h"
#include "utf8.h"

namespace fazhi {
namespace {

// A report's document.xml is a few hundred KiB; anything beyond this is not a
// report (or is a ZIP bomb).
constexpr uint64_t kMaxDocumentXml = 64u << 20;

constexpr const char* kWordNs[] = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",  // Word, WPS
    "http://purl.oclc.org/ooxml/wordprocessingml/main",              // Strict OOXML
};
constexpr const char* kMarkupCompatNs =
    "http://schemas.openxmlformats.org/markup-compatibility/2006";

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

// Appends the text of `node`'s subtree to `lines`, starting a new line at
// every w:p. Nested paragraphs (text boxes) get lines of their own. `current`
// is the line being filled (npos outside any paragraph).
void CollectText(const xmlNode* node, std::vector<std::string>* lines, size_t current) {
  for (const xmlNode* n = node; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    // mc:Fallback repeats what mc:Choice holds (text boxes for old readers).
    if (IsNs(n, kMarkupCompatNs) &&
        std::string_view(reinterpret_cast<const char*>(n->name)) == "Fallback") {
      continue;
    }
    if (IsWord(n, "p")) {
      lines->emplace_back();
      size_t mine = lines->size() - 1;
      CollectText(n->children, lines, mine);
      continue;
    }
    if (IsWord(n, "t")) {
      xmlChar* content = xmlNodeGetContent(n);
      if (content) {
        if (current < lines->size()) (*lines)[current] += reinterpret_cast<const char*>(content);
        xmlFree(content);
      }
      continue;
    }
    if (IsWord(n, "tab")) {
      if (current < lines->size()) (*lines)[current] += '\t';
      continue;
    }
    if (IsWord(n, "br") || IsWord(n, "cr")) {
      if (current < lines->size()) (*lines)[current] += '\n';
      continue;
    }
    // Deleted runs, field instructions and paragraph properties carry no text.
    if (IsWord(n, "del") || IsWord(n, "instrText") || IsWord(n, "delText") || IsWord(n, "pPr") ||
        IsWord(n, "rPr")) {
      continue;
    }
    CollectText(n->children, lines, current);
  }
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

bool ReadZipEntry(zip_t* za, const char* name, std::string* out, std::string* error) {
  zip_int64_t idx = zip_name_locate(za, name, 0);
  if (idx < 0) {
    *error = std::string("the .docx has no ") + name + " (is it a Word document?)";
    return false;
  }
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(za, static_cast<zip_uint64_t>(idx), 0, &st) != 0 ||
      !(st.valid & ZIP_STAT_SIZE) || st.size > kMaxDocumentXml) {
    *error = std::string("the .docx entry ") + name + " is unreadable or too large";
    return false;
  }
  std::unique_ptr<zip_file_t, ZipFileCloser> f(
      zip_fopen_index(za, static_cast<zip_uint64_t>(idx), 0));
  if (!f) {
    *error = "the .docx file is damaged or truncated (cannot open " + std::string(name) + ")";
    return false;
  }
  out->assign(static_cast<size_t>(st.size), '\0');
  zip_uint64_t done = 0;
  while (done < st.size) {
    zip_int64_t n = zip_fread(f.get(), out->data() + done, st.size - done);
    if (n <= 0) {
      *error = "the .docx file is damaged or truncated (cannot read " + std::string(name) + ")";
      return false;
    }
    done += static_cast<zip_uint64_t>(n);
  }
  return true;
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

bool ExtractDocxText(std::string_view bytes, std::string* text, std::string* error) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
  if (!src) {
    zip_error_fini(&ze);
    *error = "cannot read the .docx file";
    return false;
  }
  std::unique_ptr<zip_t, ZipCloser> za(zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze));
  zip_error_fini(&ze);
  if (!za) {
    zip_source_free(src);
    *error = "the .docx file is damaged or truncated (its ZIP directory cannot be read)";
    return false;
  }
  std::string xml;
  if (!ReadZipEntry(za.get(), "word/document.xml", &xml, error)) return false;

  xmlInitParser();
  // No network, no entity expansion (XXE), no messages on stderr.
  std::unique_ptr<xmlDoc, XmlDocFree> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "document.xml", nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) {
    *error = "the .docx file is damaged (word/document.xml is not well-formed XML)";
    return false;
  }
  std::vector<std::string> lines;
  CollectText(xmlDocGetRootElement(doc.get()), &lines, std::string::npos);
  text->clear();
  for (const std::string& l : lines) {
    *text += l;
    *text += '\n';
  }
  return true;
}

bool ReadImportText(std::string_view bytes, ImportedText* out, std::string* error) {
  if (IsBlank(bytes)) {
    *error = "the file is empty";
    return false;
  }
  std::string decoded;
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
    if (!ExtractDocxText(bytes, &decoded, error)) return false;
    out->format = "Word document (.docx)";
  } else if (bytes.substr(0, 4) == std::string_view("\xD0\xCF\x11\xE0", 4)) {
    *error = "this is an old Word .doc (or another OLE) file; save it as .docx and import that";
    return false;
  } else if (bytes.substr(0, 5) == "%PDF-") {
    *error = "PDF is not supported; copy the text into a .txt file or use the .docx";
    return false;
  } else {
    TextEncoding enc = TextEncoding::kUnknown;
    bool utf16 = bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
    if (!utf16 && LooksBinary(bytes)) {
      *error = "the file is binary, not text or .docx";
      return false;
    }
    std::string why;
    if (!DecodeToUtf8(bytes, &decoded, &enc, &why)) {
      *error = "unknown text encoding: the file is neither UTF-8, UTF-16 nor GB18030/GBK";
      return false;
    }
    out->format = std::string(EncodingName(enc)) + " text";
  }
  out->text = NormalizeImportText(decoded);
  if (IsBlank(out->text)) {
    *error = "the file has no text";
    return false;
  }
  if (!LooksLikeChineseText(out->text)) {
    *error = "the text is not Chinese prose (wrong encoding or not a report)";
    return false;
  }
  return true;
}

}  // namespace fazhi
