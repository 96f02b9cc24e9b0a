// `fazhi import` on inputs made to exhaust it (issue 18, failure 2): every
// one ends in bounded time and space, with a clear message where the input
// is no report. The time and memory of the full-size inputs are measured by
// bench/import_limits.sh.
#include <stdlib.h>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli.h"
#include "core/utf8.h"
#include "docx_fixture.h"
#include "import/figures.h"
#include "import/structure.h"
#include "import/text.h"
#include "temp_dir.h"

namespace fazhi {
namespace {

using testing::TempDir;

namespace fs = std::filesystem;

struct Run {
  int rc = -1;
  std::string out, err;
};

Run Import(const fs::path& file, const fs::path& site, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"import", file.string(), "--site", site.string(),
                                   "--date", "2025-03-01",  "--year", "2024"};
  args.insert(args.end(), extra.begin(), extra.end());
  std::ostringstream out, err;
  Run r;
  r.rc = RunCli(args, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

void Write(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

// Every file under `dir`: count and bytes.
std::pair<size_t, uintmax_t> Written(const fs::path& dir) {
  size_t n = 0;
  uintmax_t bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    ++n;
    bytes += e.file_size();
  }
  return {n, bytes};
}

std::string WordDocument(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
         body + "</w:body></w:document>";
}

}  // namespace

TEST_CASE("import limits: a .docx of empty paragraphs stops at 20,000 paragraphs, read as a stream") {
  // The file: 63 MiB of <w:p/> in 97 KB, which peaked at 1.98 GB as a
  // tree. Here 200,000 of them; bench/import_limits.sh runs the 63 MiB one.
  std::string body;
  for (int i = 0; i < 200000; ++i) body += "<w:p/>";
  ImportedText t;
  Message error;
  CHECK_FALSE(ReadImportText(testing::MakeDocx(WordDocument(body)), &t, &error, "a.docx"));
  CHECK(error.Render() == "文档有超过20000个段落，不像是一份年度报告；请检查是否选错了文件");
  // 19,000 are fine (and mostly empty lines).
  body.clear();
  for (int i = 0; i < 19000; ++i) body += "<w:p/>";
  body += "<w:p><w:r><w:t>一、主要举措</w:t></w:r></w:p><w:p><w:r><w:t>办理案件368件。</w:t></w:r></w:p>";
  REQUIRE(ReadImportText(testing::MakeDocx(WordDocument(body)), &t, &error, "a.docx"));
  CHECK(t.text.find("办理案件368件。") != std::string::npos);
}

TEST_CASE("import limits: one paragraph of 20,000 runs keeps each figure's note short") {
  // Issue: 20,000 runs in one paragraph took 80 s and 6.5 GB, every figure
  // carrying the whole paragraph as its sentence.
  std::string body = "<w:p><w:r><w:t>一、主要举措</w:t></w:r></w:p><w:p>";
  for (int i = 0; i < 20000; ++i)
    body += "<w:r><w:t>办理案件" + std::to_string(i % 900 + 10) + "件，</w:t></w:r>";
  body += "</w:p>";
  ImportedText t;
  Message error;
  REQUIRE(ReadImportText(testing::MakeDocx(WordDocument(body)), &t, &error, "a.docx"));
  StructuredReport r = StructureReport(t.text);
  size_t dropped = 0;
  std::vector<ImportedFigure> f = FindFigures(r, &dropped);
  CHECK(f.size() == kMaxImportFigures);
  CHECK(dropped == 20000 - kMaxImportFigures);
  for (const ImportedFigure& x : f) {
    CHECK(Utf8Length(x.sentence) <= kMaxSentenceChars + 2);  // and the two "…"
  }
  // A figure far into the paragraph: its note is the text around it.
  CHECK(f[100].sentence.rfind("…", 0) == 0);
  CHECK(f[100].sentence.ends_with("…"));
  CHECK(f[100].sentence.find("办理案件110件") != std::string::npos);
}

TEST_CASE("import limits: a single-line text writes at most 500 stubs of bounded size") {
  // Issue: a 46 KB single-line text wrote 201 MB in 2,187 files.
  TempDir dir;
  std::string text = "示例区司法局2024年法治政府建设年度报告 一、主要举措 ";
  for (int i = 0; i < 2200; ++i) text += "办理案件" + std::to_string(i % 900 + 10) + "件，";
  Write(dir.path() / "one-line.txt", text);
  Run r = Import(dir.path() / "one-line.txt", dir.path() / "site");
  CHECK(r.rc == 0);
  CHECK(r.err.find("找到的数字超过500个，只写出了前500个") != std::string::npos);
  auto [files, bytes] = Written(dir.path() / "site");
  CHECK(files == 503);  // the report, its original, the CSV, 500 stubs
  CHECK(bytes < 2u << 20);
}

TEST_CASE("import limits: a file named .docx that is not a ZIP is an error, not GB18030 text") {
  TempDir dir;
  Write(dir.path() / "random.docx", std::string("\xb0\xa1\xb0\xa2\xc4\xe3\xba\xc3\xd6\xd0", 10));
  Run r = Import(dir.path() / "random.docx", dir.path() / "site");
  CHECK(r.rc == 1);
  CHECK(r.err == "fazhi import：" + (dir.path() / "random.docx").string() +
                     "：文件名以 .docx 结尾，但内容不是 Word 文档（不是 ZIP 格式）；请用 Word 或 WPS "
                     "打开后另存为 .docx 再导入\n");
  CHECK_FALSE(fs::exists(dir.path() / "site"));
  // The same bytes named .txt are read as the GB18030 text they are.
  ImportedText t;
  Message error;
  CHECK(ReadImportText(std::string("\xb0\xa1\xb0\xa2\xc4\xe3\xba\xc3\xd6\xd0", 10), &t, &error, "a.txt"));
}

TEST_CASE("import limits: a dangling symbolic link at a target is not replaced without --force") {
  TempDir dir;
  Write(dir.path() / "r.txt", "示例区2024年法治政府建设年度报告\n一、主要举措\n办理案件368件。\n");
  fs::create_directories(dir.path() / "site/content/reports");
  fs::create_symlink(dir.path() / "nowhere.md", dir.path() / "site/content/reports/2024.md");
  Run r = Import(dir.path() / "r.txt", dir.path() / "site");
  CHECK(r.rc == 1);
  CHECK(r.err.find("content/reports/2024.md 是一个符号链接（指向 " + (dir.path() / "nowhere.md").string() +
                   "）；导入不会替换它") != std::string::npos);
  CHECK(fs::is_symlink(fs::symlink_status(dir.path() / "site/content/reports/2024.md")));
  CHECK_FALSE(fs::exists(dir.path() / "nowhere.md"));
  // --force replaces the link itself; nothing is written through it.
  r = Import(dir.path() / "r.txt", dir.path() / "site", {"--force"});
  CHECK(r.rc == 0);
  CHECK_FALSE(fs::is_symlink(fs::symlink_status(dir.path() / "site/content/reports/2024.md")));
  CHECK_FALSE(fs::exists(dir.path() / "nowhere.md"));
}

TEST_CASE("import limits: files beyond 64 MiB are refused before they are read") {
  TempDir dir;
  {
    std::ofstream big(dir.path() / "big.txt", std::ios::binary);
    big.seekp((64 << 20) + 1);
    big.put('x');
  }
  Run r = Import(dir.path() / "big.txt", dir.path() / "site");
  CHECK(r.rc == 1);
  CHECK(r.err.find("文件超过64 MiB，不像是一份年度报告") != std::string::npos);
}

}  // namespace fazhi
