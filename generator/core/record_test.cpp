#include "core/record.h"

#include <doctest/doctest.h>

#include "core/manifest.h"

namespace fazhi {

TEST_CASE("record: Sha256Hex and FormatFileSize") {
  // FIPS 180-2 test vectors.
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(FormatFileSize(0) == "0 字节");
  CHECK(FormatFileSize(1023) == "1023 字节");
  CHECK(FormatFileSize(1024) == "1.0 KB");
  CHECK(FormatFileSize(36045) == "35.2 KB");
  CHECK(FormatFileSize(1468006) == "1.4 MB");
}

TEST_CASE("record: front matter fields, 落款 lines and attachments resolved beside the page") {
  SourceTree tree = SourceTree::FromFiles({
      {"content/reports/2025.md",
       "---\n"
       "title: 报告\n"
       "index_no: 11440000TEST00000X/2026-00012\n"
       "issuer: 测试区司法局\n"
       "topic: 综合政务\n"
       "doc_no: 测司〔2026〕3号\n"
       "written: 2026-03-18\n"
       "signature: [测试区司法局, '', 2026年3月18日]\n"
       "attachments:\n"
       "  - file: 原件/2025.PDF\n"
       "    title: 原件\n"
       "  - 2025.ofd\n"
       "---\n"},
      {"content/reports/原件/2025.PDF", "%PDF"},
      {"content/reports/2025.ofd", "abc"},
  });
  const SourceFile& f = *tree.Find("content/reports/2025.md");
  FrontMatter fm;
  Diagnostics diags;
  REQUIRE(ParseFrontMatter(f, &fm, &diags));
  RecordMeta m;
  ReadRecordMeta(f, fm.root, &m, &diags);
  REQUIRE(ResolveAttachments(tree, f, &m, &diags));
  CHECK(diags.Format() == "");
  CHECK(m.HasCatalogue());
  CHECK(m.index_no == "11440000TEST00000X/2026-00012");
  CHECK(m.doc_no == "测司〔2026〕3号");
  CHECK(m.written == "2026-03-18");
  CHECK(m.signature == std::vector<std::string>{"测试区司法局", "2026年3月18日"});
  REQUIRE(m.attachments.size() == 2);
  CHECK(m.attachments[0].source == "content/reports/原件/2025.PDF");
  CHECK(m.attachments[0].name == "2025.PDF");
  CHECK(m.attachments[0].title == "原件");
  CHECK(m.attachments[0].format == "PDF");
  CHECK(m.attachments[0].size == 4);
  CHECK(m.attachments[1].title == "2025.ofd");  // the file name when no title is given
  CHECK(m.attachments[1].format == "OFD");
  CHECK(m.attachments[1].sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK_FALSE(RecordMeta{}.HasCatalogue());
}

}  // namespace fazhi
