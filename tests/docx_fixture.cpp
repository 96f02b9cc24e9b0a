#include "docx_fixture.h"

#include <zip.h>

#include <doctest/doctest.h>

namespace fazhi::testing {
namespace {

std::string XmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& entries) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &ze);
  REQUIRE(src != nullptr);
  zip_source_keep(src);
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
  REQUIRE(za != nullptr);
  for (const auto& [name, bytes] : entries) {
    zip_source_t* s = zip_source_buffer(za, bytes.data(), bytes.size(), 0);
    REQUIRE(s != nullptr);
    REQUIRE(zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8) >= 0);
  }
  REQUIRE(zip_close(za) == 0);
  REQUIRE(zip_source_open(src) == 0);
  REQUIRE(zip_source_seek(src, 0, SEEK_END) == 0);
  zip_int64_t size = zip_source_tell(src);
  REQUIRE(zip_source_seek(src, 0, SEEK_SET) == 0);
  std::string out(static_cast<size_t>(size), '\0');
  REQUIRE(zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size)) == size);
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&ze);
  return out;
}

std::string DocumentXml(const std::vector<std::string>& paragraphs) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
  for (const std::string& p : paragraphs) {
    // Split between code points, roughly in the middle.
    size_t mid = p.size() / 2;
    while (mid < p.size() && (static_cast<unsigned char>(p[mid]) & 0xC0) == 0x80) ++mid;
    xml +=
        "<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr><w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr><w:t>" +
        XmlEscape(p.substr(0, mid)) + "</w:t></w:r><w:r><w:t xml:space=\"preserve\">" +
        XmlEscape(p.substr(mid)) + "</w:t></w:r></w:p>";
  }
  xml += "<w:sectPr/></w:body></w:document>";
  return xml;
}

std::string MakeDocx(const std::string& document_xml) {
  const std::string types =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
  return MakeZip({{"[Content_Types].xml", types}, {"word/document.xml", document_xml}});
}

std::string MakeDocxFromParagraphs(const std::vector<std::string>& paragraphs) {
  return MakeDocx(DocumentXml(paragraphs));
}

}  // namespace fazhi::testing
