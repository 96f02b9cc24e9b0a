#include "import/text.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <tuple>

#include "../../tests/docx_fixture.h"
#include "core/encoding.h"

namespace fazhi {
namespace {

std::string ReadError(std::string_view bytes, Lang lang = Lang::kZh) {
  ImportedText t;
  Message error;
  CHECK_FALSE(ReadImportText(bytes, &t, &error));
  return error.Render(lang);
}

TEST_CASE("import_text: UTF-8, BOM and CRLF become one UTF-8 text with \\n") {
  ImportedText t;
  Message error;
  REQUIRE(ReadImportText("\xEF\xBB\xBF一、总体情况\r\n办理案件368件。\r\n", &t, &error));
  CHECK(t.text == "一、总体情况\n办理案件368件。\n");
  CHECK(t.format.Render() == "UTF-8 with BOM 文本");
  CHECK(t.format.Render(Lang::kEn) == "UTF-8 with BOM text");
}

TEST_CASE("import_text: GBK text saved by Notepad is decoded") {
  std::string gbk;
  REQUIRE(Utf8ToGb18030("一、主要举措和成效\n办结率80.16%。\n", &gbk));
  ImportedText t;
  Message error;
  REQUIRE(ReadImportText(gbk, &t, &error));
  CHECK(t.text == "一、主要举措和成效\n办结率80.16%。\n");
  CHECK(t.format.Render() == "GB18030 文本");
}

TEST_CASE("import_text: NBSP and zero-width characters are normalised") {
  CHECK(NormalizeImportText("成效\xC2\xA0一是\xE2\x80\x8B二是\r三是") == "成效 一是二是\n三是");
}

TEST_CASE("import_text: bad input is an error with a reason") {
  CHECK(ReadError("") == "文件是空的");
  CHECK(ReadError(" \n\t\n") == "文件是空的");
  CHECK(ReadError(" \n\t\n", Lang::kEn) == "the file is empty");
  CHECK(ReadError(std::string("\x7F"
                              "ELF\x02\x01\x01\x00\x00\x00",
                              10)) == "这是二进制文件，不是文本或 .docx");
  // 0x81 0x20 is invalid in UTF-8 and in GB18030.
  CHECK(ReadError("\x81\x20\x81\x20\xB0\xA1") == "认不出文字编码：既不是 UTF-8、UTF-16，也不是 GB18030/GBK");
  CHECK(ReadError("This is an English text without any Chinese.") ==
        "这不是中文正文（编码不对，或者不是报告）");
  CHECK(ReadError(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) ==
        "这是旧版 Word 的 .doc（或其他 OLE）文件：请在 Word 或 WPS 里另存为 .docx 再导入");
  CHECK(ReadError("%PDF-1.7\n") == "不支持 PDF：请把文字复制到 .txt 文件里，或者用 .docx");
  CHECK(ReadError("%PDF-1.7\n", Lang::kEn) ==
        "PDF is not supported; copy the text into a .txt file or use the .docx");
}

TEST_CASE("import_text: .docx paragraphs, runs, tabs and breaks") {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
      "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>"
      "<w:p><w:r><w:t>一、主要</w:t></w:r><w:r><w:t>举措和成效</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>办理</w:t></w:r><w:del><w:r><w:delText>删除的</w:delText></w:r></w:del>"
      "<w:r><w:instrText>PAGE</w:instrText><w:t>368件</w:t><w:tab/><w:t>同比</w:t><w:br/><w:t>增长</w:t></"
      "w:r></w:p>"
      "<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p>"
      "</w:txbxContent></mc:Choice><mc:Fallback><w:p><w:r><w:t>文本框</w:t></w:r></w:p></mc:Fallback>"
      "</mc:AlternateContent></w:r></w:p>"
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>表格单元</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
      "</w:body></w:document>";
  std::string text;
  Message error;
  REQUIRE(ExtractDocxText(testing::MakeDocx(xml), &text, &error));
  CHECK(text == "一、主要举措和成效\n办理368件\t同比\n增长\n\n文本框\n表格单元\n");
}

TEST_CASE("import_text: WPS .docx with another namespace prefix reads the same") {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<ns0:document xmlns:ns0=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
      "xmlns:wpsCustomData=\"http://www.wps.cn/officeDocument/2013/wpsCustomData\"><ns0:body>"
      "<ns0:p><ns0:pPr><ns0:pStyle "
      "ns0:val=\"2\"/></ns0:pPr><ns0:r><ns0:t>（一）依法行政</ns0:t></ns0:r></ns0:p>"
      "<ns0:sectPr><wpsCustomData:docInfo/></ns0:sectPr></ns0:body></ns0:document>";
  ImportedText t;
  Message error;
  REQUIRE(ReadImportText(testing::MakeDocx(xml), &t, &error));
  CHECK(t.text == "（一）依法行政\n");
  CHECK(t.format.Render() == "Word 文档（.docx）");
}

TEST_CASE("import_text: Word's automatic numbering (一、 （一） 1.) becomes text") {
  const char* w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
  std::string numbering =
      std::string("<w:numbering ") + w +
      ">"
      "<w:abstractNum w:abstractNumId=\"7\">"
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText "
      "w:val=\"%1、\"/></w:lvl>"
      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText "
      "w:val=\"（%2）\"/></w:lvl>"
      "<w:lvl w:ilvl=\"2\"><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%3.\"/></w:lvl>"
      "<w:lvl w:ilvl=\"3\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/></w:lvl>"
      "</w:abstractNum><w:num w:numId=\"3\"><w:abstractNumId w:val=\"7\"/></w:num></w:numbering>";
  std::string styles = std::string("<w:styles ") + w +
                       "><w:style w:type=\"paragraph\" w:styleId=\"1\">"
                       "<w:pPr><w:numPr><w:numId w:val=\"3\"/></w:numPr></w:pPr></w:style></w:styles>";
  auto p = [](const std::string& ppr, const std::string& text) {
    return "<w:p><w:pPr>" + ppr + "</w:pPr><w:r><w:t>" + text + "</w:t></w:r></w:p>";
  };
  auto num = [](int level) {
    return "<w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"3\"/></w:numPr>";
  };
  std::string doc = std::string("<w:document ") + w + "><w:body>" +
                    p("<w:pStyle w:val=\"1\"/>", "主要举措和成效") + p(num(1), "行政复议") +
                    p(num(2), "规范性文件") + p(num(2), "法律顾问") + p(num(3), "要点") + p(num(1), "调解") +
                    p("", "办理行政复议案件368件。") + p(num(0), "存在的不足和原因") + p(num(1), "影响力") +
                    "<w:sectPr/></w:body></w:document>";
  const std::string types = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
  std::string text;
  Message error;
  REQUIRE(ExtractDocxText(testing::MakeZip({{"[Content_Types].xml", types},
                                            {"word/document.xml", doc},
                                            {"word/numbering.xml", numbering},
                                            {"word/styles.xml", styles}}),
                          &text, &error));
  CHECK(text ==
        "一、主要举措和成效\n（一）行政复议\n1.规范性文件\n2.法律顾问\n要点\n（二）调解\n"
        "办理行政复议案件368件。\n二、存在的不足和原因\n（一）影响力\n");
  // Without numbering.xml the paragraphs come through unnumbered.
  REQUIRE(ExtractDocxText(testing::MakeZip({{"[Content_Types].xml", types}, {"word/document.xml", doc}}),
                          &text, &error));
  CHECK(text.substr(0, text.find('\n')) == "主要举措和成效");
}

TEST_CASE("import_text: damaged .docx files are errors, not crashes") {
  std::string docx = testing::MakeDocxFromParagraphs({"一、主要举措和成效", "办理行政复议案件368件。"});
  CHECK(ReadError(docx.substr(0, docx.size() / 2)) == "这个 .docx 文件已损坏或不完整（读不出它的 ZIP 目录）");
  CHECK(ReadError(docx.substr(0, 30)) == "这个 .docx 文件已损坏或不完整（读不出它的 ZIP 目录）");
  CHECK(ReadError(testing::MakeZip({{"word/other.xml", "<x/>"}})) ==
        "这个 .docx 里没有 word/document.xml（它是 Word 文档吗？）");
  CHECK(ReadError(testing::MakeDocx("<w:document><w:body><w:p>")) ==
        "这个 .docx 文件已损坏（word/document.xml 不是完整的 XML）");
  // A damaged byte inside the compressed document: the CRC check catches it.
  std::string corrupt =
      testing::MakeDocxFromParagraphs(std::vector<std::string>(200, "办理行政复议案件368件。"));
  size_t at = corrupt.find("word/document.xml") + 40;
  corrupt[at] = static_cast<char>(corrupt[at] ^ 0x55);
  ImportedText t;
  Message error;
  CHECK_FALSE(ReadImportText(corrupt, &t, &error));
  CHECK(error.Render().find("已损坏") != std::string::npos);
}

}  // namespace
}  // namespace fazhi

namespace fazhi {
namespace {

std::string HtmlFixture() {
  std::ifstream in(std::string(FAZHI_SOURCE_DIR) + "/tests/fixtures/import/portal_page.html",
                   std::ios::binary);
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The text of tests/fixtures/import/portal_page.html: from the 信息公开 block
// above the article to the 落款; menus, breadcrumb, scripts, related links and
// the footer left out.
constexpr const char* kPortalPageText =
    "索引号： 11441234MB2X00000T/2025-00031 分类： 综合政务\n"
    "发布机构： 临江市滨河区司法局 成文日期： 2025-03-21\n"
    "名称： 临江市滨河区司法局2024年法治政府建设年度报告\n"
    "文号： 发布日期： 2025-03-26\n"
    "主题词：\n"
    "【打印】 【字体：大 中 小】\n"
    "临江市滨河区司法局2024年法治政府建设年度报告\n"
    "发布日期：2025-03-26  来源：临江市滨河区司法局  浏览次数：-\n"
    "2024年，滨河区司法局在区委、区政府领导下推进法治政府建设，现将有关情况报告如下：\n"
    "一、党政主要负责人履行推进法治建设第一责任人职责情况\n"
    "局主要负责人履行第一责任人职责，共有4名区委常委、42名区直部门主要负责同志进行专题述法。\n"
    "二、推进法治政府建设的主要举措和成效\n"
    "（一）加强行政复议工作\n"
    "办理行政复议案件368件，同比增长120%，办结率80.16%；直接纠错18件，占已审结案件的6.8%。\n"
    "三、存在的不足和原因\n"
    "一是法治领域影响力有待提升。二是综合行政执法机制有待健全。\n"
    "四、2025年工作安排\n"
    "一是加强党对法治政府建设的领导。\n"
    "二是持续抓好法治政府建设督察。\n"
    "特此报告。\n"
    "临江市滨河区司法局\n"
    "2025年3月21日\n";

TEST_CASE("import_text: a portal page saved as HTML gives its article with the 信息公开 block above it") {
  std::string utf8 = HtmlFixture(), gbk;
  REQUIRE(Utf8ToGb18030(utf8, &gbk));
  // As the portal served it (GB2312, as its <meta> says), and re-saved as
  // UTF-8 with the old <meta> left in; named .html, or found by its content.
  for (const auto& [bytes, name, format] : {std::tuple{utf8, "page.html", "网页（HTML，UTF-8）"},
                                            std::tuple{gbk, "page.htm", "网页（HTML，GB18030）"},
                                            std::tuple{gbk, "page", "网页（HTML，GB18030）"}}) {
    const std::string shown = name;  // clang cannot capture a structured binding
    CAPTURE(shown);
    ImportedText t;
    Message error;
    REQUIRE(ReadImportText(bytes, &t, &error, name));
    CHECK(t.text == kPortalPageText);
    CHECK(t.title == "临江市滨河区司法局2024年法治政府建设年度报告_临江市滨河区人民政府门户网站");
    CHECK(t.kind == "html");
    CHECK(t.format.Render() == format);
  }
}

TEST_CASE("import_text: a page without an article keeps all its text, bad pages are errors, not crashes") {
  ImportedText t;
  Message error;
  REQUIRE(ReadImportText("<html><body><p>一、成效</p><p>正文。</p></body></html>", &t, &error, "a.html"));
  CHECK(t.text == "一、成效\n正文。\n");
  // 100,000 nested elements: read (what is deeper than the walk goes is left out), no stack overflow.
  std::string deep = "<html><body><p>一、成效</p><p>正文，办理案件368件。</p>";
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "深处的文字</body></html>";
  ImportedText d;
  if (ReadImportText(deep, &d, &error, "deep.html")) CHECK(d.text.find("一、成效\n") != std::string::npos);
  CHECK(ReadError("<html><body><script>var a = 1;</script></body></html>") == "文件里没有文字");
  ImportedText k;
  REQUIRE(ReadImportText("一、成效\n<p>不是网页的文本</p>\n", &k, &error, "a.txt"));
  CHECK(k.kind == "txt");
  // A page beyond the web page limit is refused before its tree is built.
  std::string big = "<html><body><p>一、成效</p>";
  big.resize(kMaxImportHtmlBytes + 1, ' ');
  CHECK(ReadError(big) == "文件超过16 MiB，不像是一份年度报告；请检查是否选错了文件");
}

}  // namespace
}  // namespace fazhi
