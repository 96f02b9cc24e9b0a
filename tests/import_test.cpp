// End-to-end tests of `fazhi import`: the seed report and the fixtures in
// tests/fixtures/import/ as UTF-8, GBK and .docx, bad input, overwriting, and
// a build of the imported report after review.
#include <stdlib.h>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "cli/cli.h"
#include "cli/import_command.h"
#include "core/encoding.h"
#include "core/manifest.h"
#include "core/record.h"
#include "docx_fixture.h"
#include "import/figures.h"
#include "import/structure.h"
#include "import/text.h"
#include "import/write.h"
#include "site_fixture.h"
#include "temp_dir.h"

namespace fazhi {
namespace {

using testing::TempDir;

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

std::string Fixture(const std::string& name) {
  return ReadFile(fs::path(FAZHI_SOURCE_DIR) / "tests/fixtures/import" / name);
}

fs::path SeedPath() {
  const char* name = "000_8e2bfd6529608b47.txt";
  for (const fs::path& dir : {fs::path(FAZHI_SEED_DIR), fs::path(FAZHI_SOURCE_DIR) / "../../shared/seeds"}) {
    if (fs::exists(dir / name)) return dir / name;
  }
  FAIL("seed report not found under " << FAZHI_SEED_DIR);
  return {};
}

struct Run {
  int rc = -1;
  std::string out, err;
};

Run Import(std::vector<std::string> args) {
  Run r;
  std::ostringstream out, err;
  args.insert(args.begin(), "import");
  r.rc = RunCli(args, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

// The Markdown after the front matter.
std::string Body(const std::string& md) {
  size_t end = md.find("\n---\n", 4);
  REQUIRE(end != std::string::npos);
  return md.substr(end + 5);
}

std::string FrontMatter(const std::string& md) {
  size_t end = md.find("\n---\n", 4);
  REQUIRE(end != std::string::npos);
  return md.substr(0, end + 5);
}

// Heading lines of the body.
std::string Headings(const std::string& md) {
  std::istringstream in(Body(md));
  std::string line, out;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '#') out += line + "\n";
  }
  return out;
}

// Splits one CSV record (quoted fields, "" escapes; no newlines inside).
std::vector<std::string> CsvRecord(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

std::vector<std::vector<std::string>> CsvRows(const std::string& csv) {
  REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  std::istringstream in(csv.substr(3));
  std::string line;
  std::getline(in, line);
  CHECK(line == "indicator,year,value,unit,qualifier,scope,breakdown,basis,formula,source,quote,note");
  std::vector<std::vector<std::string>> rows;
  while (std::getline(in, line)) {
    rows.push_back(CsvRecord(line));
    CHECK(rows.back().size() == 12);
  }
  return rows;
}

// "368件 80.16% 4000次多 …": value, unit and qualifier of every row.
std::string FigureList(const std::vector<std::vector<std::string>>& rows) {
  std::string s;
  for (const auto& r : rows) s += (s.empty() ? "" : " ") + r[2] + r[3] + r[4];
  return s;
}

TEST_CASE("import: the seed report gives its three parts, (一)–(四) and its figures") {
  TempDir site;
  Run r = Import({SeedPath().string(), "--site", site.path().string(), "--date", "2025-03-01", "--publisher",
                  "广州市从化区司法局"});
  REQUIRE(r.rc == 0);
  CHECK(r.err ==
        "警告：文中没有标题；暂用“广州市从化区司法局2024年法治政府建设年度报告”（请核对，或用 --title "
        "指定）\n");
  CHECK(r.out.find("已写入 content/reports/2024.md\n已写入 content/reports/2024.txt\n"
                   "已写入 data/indicators/2024-import.csv\n已写入 content/indicators/import-2024-01.md\n") ==
        0);
  CHECK(r.out.find("已导入 000_8e2bfd6529608b47.txt（UTF-8 文本）：7 个标题，28 个段落，34 个数字\n") !=
        std::string::npos);
  CHECK(r.out.find(
            "  第一责任人职责：一、推进法治政府建设的主要举措和成效 > "
            "(一)把握正确政治方向,法治政府建设更加扎实有力 二是压实法治建设第一责任人职责（并在其中）\n") !=
        std::string::npos);
  // The same run in English.
  TempDir again;
  Run en = Import({SeedPath().string(), "--site", again.path().string(), "--date", "2025-03-01",
                   "--publisher", "广州市从化区司法局", "--lang", "en"});
  REQUIRE(en.rc == 0);
  CHECK(en.err ==
        "warning: the text has no title; using \"广州市从化区司法局2024年法治政府建设年度报告\" "
        "(check it, or pass --title)\n");
  CHECK(en.out.find(
            "imported 000_8e2bfd6529608b47.txt (UTF-8 text): 7 headings, 28 paragraphs, 34 figures\n") !=
        std::string::npos);
  CHECK(en.out.find("二是压实法治建设第一责任人职责 (folded in)\n") != std::string::npos);
  // The last line points at the guide that exists (the README lost that section).
  REQUIRE(r.out.size() > 1);
  CHECK(r.out.substr(r.out.rfind('\n', r.out.size() - 2) + 1) ==
        "下一步：对照原文核对上面写入的文件（方法见 docs/import.md），然后运行 fazhi build\n");

  std::string md = ReadFile(site.path() / "content/reports/2024.md");
  CHECK(FrontMatter(md) ==
        "---\n"
        "# Imported by `fazhi import` from 000_8e2bfd6529608b47.txt. Check the headings and the text against "
        "the original,\n"
        "# then delete \"draft: true\" to publish.\n"
        "title: \"广州市从化区司法局2024年法治政府建设年度报告\"\n"
        "date: 2025-03-01\n"
        "source: \"广州市从化区司法局\"\n"
        "year: 2024\n"
        "publisher: \"广州市从化区司法局\"\n"
        "attachments:\n"
        "  - file: \"2024.txt\"\n"
        "    title: \"广州市从化区司法局2024年法治政府建设年度报告（导入时的原文件）\"\n"
        "draft: true\n"
        "---\n");
  // The seed text is kept beside the page as its original.
  CHECK(ReadFile(site.path() / "content/reports/2024.txt") == ReadFile(SeedPath()));
  CHECK(Headings(md) ==
        "## 一、推进法治政府建设的主要举措和成效\n"
        "### (一)把握正确政治方向,法治政府建设更加扎实有力\n"
        "### (二)全面落实依法行政,政府依法履职更加规范有序\n"
        "### (三)深化执法体制改革,行政执法工作更加公正严明\n"
        "### (四)健全争议化解机制,社会公平正义更加有效彰显\n"
        "## 二、2024年度推进法治政府建设存在的不足和原因\n"
        "## 三、下一年度推进法治政府建设的主要安排\n");
  CHECK(md.find("返回顶部") == std::string::npos);
  CHECK(Body(md).find("\n\n二是压实法治建设第一责任人职责。局主要负责人") != std::string::npos);

  auto rows = CsvRows(ReadFile(site.path() / "data/indicators/2024-import.csv"));
  CHECK(FigureList(rows) ==
        "4名 42名 16名 8名 4轮 14项 5个 100% 6个 23份 30件次 100% 347件次 244件次 39件次 387份 "
        "4000次多 397件次 1863次 48宗 20个 25个 573件 546件 0件 90%以上 88宗 1537宗 99.87% 368件 "
        "120% 80.16% 18件 6.8%");
  for (const auto& row : rows) {
    CHECK(row[1] == "2024");
    CHECK(row[7] == "原文");
    CHECK(fs::exists(site.path() / ("content/indicators/" + row[0] + ".md")));
    // Years, the named deployments "1310"/"1312", "3个100%" and “1+8” never come out
    // (the exact list above also rules out 1+3+5+N, 第六次, 连续6年).
    for (const char* bad : {"2021", "2023", "2024", "2025", "1310", "1312", "131", "1", "3"}) {
      CHECK_MESSAGE(row[2] != bad, row[2] << " from: " << row[10]);
    }
  }
  const auto& fuyi = rows[29];
  CHECK(fuyi[0] == "import-2024-30");
  CHECK(fuyi[5] == "");  // annual: the sentence says neither 累计 nor 截至
  CHECK(fuyi[9] == "reports/2024.md#四健全争议化解机制社会公平正义更加有效彰显");
  CHECK(fuyi[10] == "认真落实新修订行政复议法,实施简繁分流,办理行政复议案件368件,同比增长120%,办结率80.16%;");
  // The scope the sentence states comes with the figure: 累计 347件次, 截至目前 25个.
  CHECK(rows[12][2] + rows[12][3] == "347件次");
  CHECK(rows[12][5] == "累计");
  CHECK(rows[21][2] + rows[21][3] == "25个");
  CHECK(rows[21][5] == "截至");
  std::string stub = ReadFile(site.path() / "content/indicators/import-2024-30.md");
  CHECK(stub.find("title: \"办理行政复议案件\"\ncategory: \"oversight\"\nunit: \"件\"\nkind: count\n") !=
        std::string::npos);
}

// Each fixture in three encodings: the same report, the same figures.
struct Variation {
  const char* file;
  const char* headings;
  const char* front_matter_tail;  // from "title:" on; @EXT@ is the kept original's extension
  const char* figures;
};

const Variation kVariations[] = {
    {"portal_lines.txt",
     "## 一、党政主要负责人履行推进法治建设第一责任人职责情况\n"
     "## 二、推进法治政府建设的主要举措和成效\n"
     "### （一）加强行政复议工作\n"
     "### （二）优化多元解纷机制\n"
     "## 三、存在的不足和原因\n"
     "## 四、2025年工作安排\n",
     // The portal's 发布时间 is the publication date; the 落款's date stays in the 落款.
     "title: \"示例区司法局2024年法治政府建设年度报告\"\ndate: 2025-03-28\nsource: \"示例区司法局\"\n"
     "year: 2024\npublisher: \"示例区司法局\"\npublished: 2025-03-28\n"
     "signature:\n  - \"示例区司法局\"\n  - \"2025年3月20日\"\n"
     "attachments:\n  - file: \"2024.@EXT@\"\n    title: "
     "\"示例区司法局2024年法治政府建设年度报告（导入时的原文件）\"\n"
     "draft: true\n---\n",
     "4名 42名 16名 368件 120% 80.16% 18件 6.8% 1537宗 99.87% 88宗"},
    {"one_line.txt",
     "## 一、主要举措和成效\n"
     "### (一)加强党的领导\n"
     "### (二)加强行政复议工作\n"
     "## 二、存在的不足和原因\n"
     "## 三、下一年度主要安排\n",
     "title: \"示例区司法局关于2024年法治政府建设情况的报告\"\ndate: 2025-03-20\nsource: \"示例区司法局\"\n"
     "year: 2024\npublisher: \"示例区司法局\"\npublished: 2025-03-20\n"
     "signature:\n  - \"示例区司法局\"\n  - \"2025年3月20日\"\n"
     "attachments:\n  - file: \"2024.@EXT@\"\n"
     "    title: \"示例区司法局关于2024年法治政府建设情况的报告（导入时的原文件）\"\ndraft: true\n---\n",
     "4名 42名 4000次多 368件 120% 80.16%"},
    {"levels.txt",
     "## 一、主要举措和成效\n"
     "### （一）依法行政制度建设\n"
     "#### 1\\.规范性文件管理\n"
     "##### （1）审查工作\n"
     "##### （2）备案工作\n"
     "#### 2、法律顾问工作\n"
     "### （二）行政执法\n"
     "## 二、存在的不足和原因\n"
     "## 三、下一年度主要安排\n",
     "title: \"示例区2024年法治政府建设年度报告\"\ndate: 2025-06-30\nyear: 2024\n"
     "attachments:\n  - file: \"2024.@EXT@\"\n    title: "
     "\"示例区2024年法治政府建设年度报告（导入时的原文件）\"\n"
     "draft: true\n---\n",
     "23份 30件次 100% 347件次 25个 573件 546件 90%以上"},
};

enum class Form { kUtf8, kGbk, kDocx };

std::string Encode(const std::string& utf8, Form form) {
  if (form == Form::kUtf8) return utf8;
  if (form == Form::kGbk) {
    std::string gbk;
    REQUIRE(Utf8ToGb18030(utf8, &gbk));
    REQUIRE(gbk != utf8);
    return gbk;
  }
  std::vector<std::string> paragraphs;
  std::istringstream in(utf8);
  std::string line;
  while (std::getline(in, line)) paragraphs.push_back(line);
  return testing::MakeDocxFromParagraphs(paragraphs);
}

TEST_CASE("import: each variation as UTF-8, GBK and .docx") {
  for (const Variation& v : kVariations) {
    for (Form form : {Form::kUtf8, Form::kGbk, Form::kDocx}) {
      const char* form_name = form == Form::kUtf8 ? "UTF-8" : form == Form::kGbk ? "GBK" : "docx";
      CAPTURE(v.file);
      CAPTURE(form_name);
      TempDir dir;
      fs::path input = dir.path() / (std::string(v.file) + (form == Form::kDocx ? ".docx" : ""));
      WriteFile(input, Encode(Fixture(v.file), form));
      fs::path site = dir.path() / "site";
      Run r = Import({input.string(), "--site", site.string(), "--date", "2025-06-30"});
      REQUIRE_MESSAGE(r.rc == 0, r.err);
      std::string md = ReadFile(site / "content/reports/2024.md");
      CHECK(Headings(md) == v.headings);
      std::string fm = FrontMatter(md);
      std::string tail = v.front_matter_tail;
      tail.replace(tail.find("@EXT@"), 5, form == Form::kDocx ? "docx" : "txt");
      CHECK(fm.substr(fm.find("title:")) == tail);
      CHECK(FigureList(CsvRows(ReadFile(site / "data/indicators/2024-import.csv"))) == v.figures);
      std::string format = form == Form::kUtf8  ? "（UTF-8 文本）"
                           : form == Form::kGbk ? "（GB18030 文本）"
                                                : "（Word 文档（.docx））";
      CHECK(r.out.find(format) != std::string::npos);
    }
  }
}

TEST_CASE("import: portal furniture and the signature never reach the page") {
  TempDir dir;
  WriteFile(dir.path() / "r.txt", Fixture("portal_lines.txt"));
  Run r = Import(
      {(dir.path() / "r.txt").string(), "--site", (dir.path() / "s").string(), "--date", "2025-06-30"});
  REQUIRE(r.rc == 0);
  std::string body = Body(ReadFile(dir.path() / "s/content/reports/2024.md"));
  for (const char* clutter : {"门户网站", "无障碍", "字号", "首页", "发布时间", "来源", "浏览次数", "1024",
                              "打印本页", "关闭窗口", "返回顶部", "2025年3月20日", "2025-03-28"}) {
    CHECK_MESSAGE(body.find(clutter) == std::string::npos, clutter);
  }
  CHECK(body.find("\n\n特此报告。\n") != std::string::npos);
  CHECK(r.out.find("  已去掉网页上的杂项：19 处\n") != std::string::npos);
  CHECK(r.out.find("  公开日期：2025-03-28\n") != std::string::npos);  // the portal's 发布时间
  CHECK(r.out.find("  第一责任人职责：一、党政主要负责人履行推进法治建设第一责任人职责情况\n") !=
        std::string::npos);
}

TEST_CASE("import: a text without structure imports as paragraphs with a warning") {
  TempDir dir;
  WriteFile(dir.path() / "u.txt", Fixture("unstructured.txt"));
  Run r = Import(
      {(dir.path() / "u.txt").string(), "--site", (dir.path() / "s").string(), "--date", "2025-06-30"});
  REQUIRE(r.rc == 0);
  CHECK(r.err == "警告：没有找到标题（一、 （一） 1. （1））：全文按段落导入\n");
  std::string md = ReadFile(dir.path() / "s/content/reports/2024.md");
  CHECK(Body(md) ==
        "\n全年办理行政复议案件368件，办结率80.16%。成功化解矛盾纠纷1537宗，成功率99.87%。\n"
        "\n下一步将持续推进法治政府建设。\n");
  CHECK(md.find("title: \"示例区司法局2024年法治工作情况\"\n") != std::string::npos);
}

TEST_CASE("import: bad input is a clear error, exit 1, and nothing is written") {
  TempDir dir;
  fs::path site = dir.path() / "site";
  auto check = [&](const std::string& name, const std::string& bytes, const std::string& message) {
    fs::path p = dir.path() / name;
    WriteFile(p, bytes);
    Run r = Import({p.string(), "--site", site.string(), "--date", "2025-06-30"});
    CHECK(r.rc == 1);
    CHECK(r.err == "fazhi import：" + p.string() + "：" + message + "\n");
    CHECK(r.out == "");
    CHECK_FALSE(fs::exists(site));
  };
  check("empty.txt", "", "文件是空的");
  check("blank.txt", "\n\n   \n", "文件是空的");
  check("binary.bin", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), "这是二进制文件，不是文本或 .docx");
  check("unknown.txt", "\x81\x20\x81\x20\xFF\xFE\xFD",
        "认不出文字编码：既不是 UTF-8、UTF-16，也不是 GB18030/GBK");
  std::string docx = testing::MakeDocxFromParagraphs({"一、主要举措和成效", "办理行政复议案件368件。"});
  check("truncated.docx", docx.substr(0, docx.size() - 30),
        "这个 .docx 文件已损坏或不完整（读不出它的 ZIP 目录）");
  check("noyear.txt", "工作概况\n办理行政复议案件368件。\n", "文中没有写明报告年度；请加 --year");

  Run missing = Import({(dir.path() / "missing.txt").string(), "--site", site.string()});
  CHECK(missing.rc == 1);
  CHECK(missing.err == "fazhi import：" + (dir.path() / "missing.txt").string() + "：打不开这个文件\n");
  Run en = Import({(dir.path() / "missing.txt").string(), "--site", site.string(), "--lang=en"});
  CHECK(en.err == "fazhi import: " + (dir.path() / "missing.txt").string() + ": cannot open the file\n");
}

TEST_CASE("import: --year supplies a year the text does not state") {
  TempDir dir;
  WriteFile(dir.path() / "n.txt", "工作概况\n办理行政复议案件368件。\n");
  Run r = Import({(dir.path() / "n.txt").string(), "--site", (dir.path() / "s").string(), "--year", "2024",
                  "--date", "2025-06-30", "--title", "示例区2024年法治政府建设年度报告", "--publisher",
                  "示例区司法局"});
  REQUIRE(r.rc == 0);
  CHECK(r.err == "警告：没有找到标题（一、 （一） 1. （1））：全文按段落导入\n");
  CHECK(FrontMatter(ReadFile(dir.path() / "s/content/reports/2024.md"))
            .find("title: \"示例区2024年法治政府建设年度报告\"\ndate: 2025-06-30\nsource: "
                  "\"示例区司法局\"\nyear: 2024\n") != std::string::npos);
}

TEST_CASE("import: existing files are never overwritten without --force") {
  TempDir dir;
  fs::path input = dir.path() / "r.txt";
  WriteFile(input, Fixture("one_line.txt"));
  fs::path site = dir.path() / "site";
  WriteFile(site / "content/reports/2024.md", "editor's version\n");
  WriteFile(site / "content/indicators/import-2024-02.md", "editor's stub\n");
  Run r = Import({input.string(), "--site", site.string(), "--date", "2025-06-30"});
  CHECK(r.rc == 1);
  CHECK(r.err ==
        "fazhi import：已有 2 个文件存在，什么也没写（要覆盖请加 --force）：\n"
        "  content/reports/2024.md\n"
        "  content/indicators/import-2024-02.md\n");
  CHECK(ReadFile(site / "content/reports/2024.md") == "editor's version\n");
  CHECK_FALSE(fs::exists(site / "data/indicators/2024-import.csv"));

  Run forced = Import({input.string(), "--site", site.string(), "--date", "2025-06-30", "--force"});
  CHECK(forced.rc == 0);
  CHECK(Headings(ReadFile(site / "content/reports/2024.md")).find("## 一、主要举措和成效\n") == 0);
  for (const auto& e : fs::recursive_directory_iterator(site)) {
    CHECK_MESSAGE(e.path().string().find(".tmp-") == std::string::npos, e.path());
  }
}

TEST_CASE("import: usage errors exit 2") {
  auto usage = [](std::vector<std::string> args, const std::string& first_line) {
    Run r = Import(std::move(args));
    CHECK(r.rc == 2);
    CHECK(r.err.substr(0, r.err.find('\n')) == first_line);
    CHECK(r.err.find("用法：fazhi import <文件>") != std::string::npos);
  };
  usage({}, "fazhi import：导入哪个文件？请给出要导入的报告");
  usage({"a.txt", "b.txt", "--title", "T"},
        "fazhi import：--title 只用于导入单个文件；批量导入时标题和单位取自各文件的正文与单位名录");
  usage({"a.txt", "--bogus"}, "fazhi import：没有 --bogus 这个选项");
  usage({"a.txt", "--date", "2025/03/01"}, "fazhi import：--date 要写成 YYYY-MM-DD，这里是“2025/03/01”");
  usage({"a.txt", "--year", "24"}, "fazhi import：--year 要写年份，例如 2024，这里是“24”");
  usage({"a.txt", "--site"}, "fazhi import：选项 --site 后面要写一个值");
  Run help = Import({"--help"});
  CHECK(help.rc == 0);
  CHECK(help.out.find("用法：fazhi import <文件>") == 0);
  Run en = Import({"--help", "--lang", "en"});
  CHECK(en.out.find("usage: fazhi import <file>") == 0);
}

// Review = what docs/import.md asks the editor to do; here: accept the drafts.
std::string Reviewed(std::string text) {
  size_t at = text.find("draft: true\n");
  REQUIRE(at != std::string::npos);
  return text.erase(at, std::string("draft: true\n").size());
}

TEST_CASE("import: fazhi build accepts the imported seed report, CSV and stubs after review") {
  TempDir dir;
  Run r = Import({SeedPath().string(), "--site", dir.path().string(), "--date", "2025-03-01", "--publisher",
                  "广州市从化区司法局"});
  REQUIRE(r.rc == 0);
  // Review as docs/import.md describes, reduced to accepting every draft.
  std::string txtar =
      "-- site.toml --\ntitle = \"测试站\"\nsponsor = \"广州市从化区司法局\"\nas_of = 2025-06-30\n";
  size_t stubs = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir.path())) {
    if (!e.is_regular_file()) continue;
    std::string rel = fs::relative(e.path(), dir.path()).generic_string();
    std::string text = ReadFile(e.path());
    if (rel.size() > 3 && rel.substr(rel.size() - 3) == ".md") text = Reviewed(text);
    if (rel.rfind("content/indicators/", 0) == 0) ++stubs;
    txtar += "-- " + rel + " --\n" + text;
  }
  CHECK(stubs == 34);
  testing::FixtureOptions opts;
  opts.default_theme = true;
  testing::FixtureResult built = testing::BuildFixture(txtar, opts);
  REQUIRE_MESSAGE(built.ok, built.errors);
  const std::string& page = built.File("reports/2024/index.html");
  CHECK(page.find(">一、推进法治政府建设的主要举措和成效</h2>") != std::string::npos);
  CHECK(page.find(">(四)健全争议化解机制,社会公平正义更加有效彰显</h3>") != std::string::npos);
  CHECK(page.find("办理行政复议案件368件,同比增长120%,办结率80.16%") != std::string::npos);
  // The CSV's source links point at real anchors of the page.
  CHECK(page.find("id=\"四健全争议化解机制社会公平正义更加有效彰显\"") != std::string::npos);
  // With the indicators stage in the build, the CSV and the stubs were validated
  // above (ids, units, categories, source links) and each stub has its page.
  if (built.Has("indicators/index.html")) CHECK(built.Has("indicators/import-2024-30/index.html"));

  // As imported, the drafts are left out of the report pages instead of being published.
  std::string drafts = testing::kMinimalSite;
  drafts += "-- content/reports/2024.md --\n" + ReadFile(dir.path() / "content/reports/2024.md");
  drafts += "-- content/reports/2024.txt --\n" + ReadFile(dir.path() / "content/reports/2024.txt");
  testing::FixtureResult unreviewed = testing::BuildFixture(drafts);
  REQUIRE_MESSAGE(unreviewed.ok, unreviewed.errors);
  CHECK_FALSE(unreviewed.Has("reports/2024/index.html"));
  CHECK_FALSE(unreviewed.Has("reports/2024.txt"));  // nor its original
}

// The 信息公开 record of an imported portal page, end to end: the fixtures
// follow real portal pages' shapes (see generator/import/structure_test.cpp
// for the pages) with a made-up unit, 临江市滨河区.

// Everything the build made of an imported site after review (draft: true deleted).
testing::FixtureResult BuildReviewed(const fs::path& site) {
  std::string txtar =
      "-- site.toml --\ntitle = \"测试站\"\nsponsor = \"临江市滨河区司法局\"\nas_of = 2025-06-30\n";
  for (const auto& e : fs::recursive_directory_iterator(site)) {
    if (!e.is_regular_file()) continue;
    std::string rel = fs::relative(e.path(), site).generic_string();
    if (rel.rfind("content/reports/", 0) != 0) continue;  // the report and its original; not the figures
    std::string text = ReadFile(e.path());
    if (rel.size() > 3 && rel.substr(rel.size() - 3) == ".md") text = Reviewed(text);
    txtar += "-- " + rel + " --\n" + text;
  }
  testing::FixtureOptions opts;
  opts.default_theme = true;
  return testing::BuildFixture(txtar, opts);
}

// The text between `from` and the next `to` in `html`, or "".
std::string Between(const std::string& html, const std::string& from, const std::string& to) {
  size_t a = html.find(from);
  if (a == std::string::npos) return "";
  size_t b = html.find(to, a);
  return b == std::string::npos ? "" : html.substr(a, b + to.size() - a);
}

TEST_CASE("import: a portal page saved as HTML fills the 信息公开 fields and the 落款, and keeps the page") {
  TempDir dir;
  fs::path input = dir.path() / "临江市滨河区司法局2024年法治政府建设年度报告.html";
  std::string html = Fixture("portal_page.html");
  WriteFile(input, html);
  fs::path site = dir.path() / "site";
  Run r = Import({input.string(), "--site", site.string(), "--date", "2025-06-30"});
  REQUIRE_MESSAGE(r.rc == 0, r.err);
  std::string md = ReadFile(site / "content/reports/2024.md");
  CHECK(FrontMatter(md) ==
        "---\n"
        "# Imported by `fazhi import` from 临江市滨河区司法局2024年法治政府建设年度报告.html. Check the "
        "headings "
        "and the text against the original,\n"
        "# then delete \"draft: true\" to publish.\n"
        "title: \"临江市滨河区司法局2024年法治政府建设年度报告\"\n"
        "date: 2025-03-26\n"
        "source: \"临江市滨河区司法局\"\n"
        "year: 2024\n"
        "publisher: \"临江市滨河区司法局\"\n"
        "published: 2025-03-26\n"
        "index_no: \"11441234MB2X00000T/2025-00031\"\n"
        "issuer: \"临江市滨河区司法局\"\n"
        "topic: \"综合政务\"\n"
        "written: 2025-03-21\n"
        "signature:\n"
        "  - \"临江市滨河区司法局\"\n"
        "  - \"2025年3月21日\"\n"
        "# 导入的网页已放在本页旁边（2024.html），但它从其他网站加载脚本，不能公开：\n"
        "# 请改为附上本单位发布的 PDF 或 Word 原件（见 docs/content.md）。\n"
        "# attachments:\n"
        "#  - file: \"2024.html\"\n"
        "#    title: \"临江市滨河区司法局2024年法治政府建设年度报告（导入时的原文件）\"\n"
        "draft: true\n"
        "---\n");
  // The text verbatim, from its first sentence to 特此报告; no menu, script or footer.
  std::string body = Body(md);
  CHECK(body.rfind("\n2024年，滨河区司法局在区委、区政府领导下推进法治政府建设，现将有关情况报告如下：\n",
                   0) == 0);
  CHECK(body.find("\n一是法治领域影响力有待提升。\n\n二是综合行政执法机制有待健全。\n") != std::string::npos);
  CHECK(body.ends_with("\n特此报告。\n"));
  for (const char* furniture :
       {"首页", "走进滨河", "索引号", "浏览次数", "示例脚本", "相关链接", "主办单位", "2025年3月21日"}) {
    CHECK_MESSAGE(body.find(furniture) == std::string::npos, furniture);
  }
  CHECK(ReadFile(site / "content/reports/2024.html") == html);  // byte for byte
  CHECK(r.out.find("\n已导入 临江市滨河区司法局2024年法治政府建设年度报告.html（网页（HTML，UTF-8））：") !=
        std::string::npos);
  CHECK(r.out.find("已写入 content/reports/2024.html\n") != std::string::npos);
  CHECK(r.out.find(
            "\n  信息公开目录：索引号 11441234MB2X00000T/2025-00031，发布机构 临江市滨河区司法局，主题分类 "
            "综合政务，成文日期 2025-03-21，信息来源 临江市滨河区司法局\n  落款：临江市滨河区司法局 "
            "2025年3月21日\n") != std::string::npos);

  testing::FixtureResult built = BuildReviewed(site);
  REQUIRE_MESSAGE(built.ok, built.errors);
  const std::string& page = built.File("reports/2024/index.html");
  std::string table = Between(page, "<table class=\"gk-meta\"", "</table>");
  CHECK(table.find("<th scope=\"row\" data-search-keep>索引号</th><td "
                   "data-search-keep>11441234MB2X00000T/2025-00031</td>") != std::string::npos);
  CHECK(table.find("<th scope=\"row\">主题分类</th><td>综合政务</td>") != std::string::npos);
  CHECK(table.find("<th scope=\"row\">发布机构</th><td>临江市滨河区司法局</td>") != std::string::npos);
  CHECK(table.find("<time datetime=\"2025-03-21\">2025年3月21日</time>") != std::string::npos);
  CHECK(table.find("<th scope=\"row\">文号</th><td></td>") !=
        std::string::npos);  // the portal shows none: not kept
  CHECK(table.find("<time datetime=\"2025-03-26\">2025年3月26日</time>") != std::string::npos);
  CHECK(table.find("<th scope=\"row\">信息来源</th><td colspan=\"3\">临江市滨河区司法局</td>") !=
        std::string::npos);
  CHECK(page.find("<p class=\"signature\">临江市滨河区司法局<br>2025年3月21日</p>") != std::string::npos);
  CHECK(page.find("class=\"attachments\"") == std::string::npos);
  CHECK_FALSE(built.Has("reports/2024.html"));  // the saved page is not published
}

TEST_CASE(
    "import: a portal page copied as text is kept as the attachment, which the build lists with its "
    "SHA-256") {
  TempDir dir;
  fs::path input = dir.path() / "报告.txt";
  std::string text = Fixture("portal_catalogue.txt");
  WriteFile(input, text);
  fs::path site = dir.path() / "site";
  Run r = Import({input.string(), "--site", site.string(), "--date", "2025-06-30"});
  REQUIRE_MESSAGE(r.rc == 0, r.err);
  std::string md = ReadFile(site / "content/reports/2024.md");
  CHECK(FrontMatter(md) ==
        "---\n"
        "# Imported by `fazhi import` from 报告.txt. Check the headings and the text against the original,\n"
        "# then delete \"draft: true\" to publish.\n"
        "title: \"临江市滨河区司法局2024年法治政府建设年度报告\"\n"
        "date: 2025-03-26\n"
        "source: \"临江市滨河区司法局\"\n"
        "year: 2024\n"
        "publisher: \"临江市滨河区司法局\"\n"
        "published: 2025-03-26\n"
        "index_no: \"11441234MB2X00000T/2025-00031\"\n"
        "issuer: \"临江市滨河区司法局\"\n"
        "topic: \"综合政务\"\n"
        "doc_no: \"滨司〔2025〕7号\"\n"
        "written: 2025-03-21\n"
        "signature:\n"
        "  - \"临江市滨河区司法局\"\n"
        "  - \"2025年3月21日\"\n"
        "attachments:\n"
        "  - file: \"2024.txt\"\n"
        "    title: \"临江市滨河区司法局2024年法治政府建设年度报告（导入时的原文件）\"\n"
        "draft: true\n"
        "---\n");
  CHECK(ReadFile(site / "content/reports/2024.txt") == text);

  testing::FixtureResult built = BuildReviewed(site);
  REQUIRE_MESSAGE(built.ok, built.errors);
  const std::string& page = built.File("reports/2024/index.html");
  std::string table = Between(page, "<table class=\"gk-meta\"", "</table>");
  CHECK(table.find("<th scope=\"row\" data-search-keep>文号</th><td data-search-keep>滨司〔2025〕7号</td>") !=
        std::string::npos);
  CHECK(table.find("<th scope=\"row\" data-search-keep>索引号</th><td "
                   "data-search-keep>11441234MB2X00000T/2025-00031</td>") != std::string::npos);
  CHECK(page.find("<p class=\"signature\">临江市滨河区司法局<br>2025年3月21日</p>") != std::string::npos);
  CHECK(page.find("<li><a href=\"/reports/2024.txt\" "
                  "download>临江市滨河区司法局2024年法治政府建设年度报告（导入时的原文件）</a> "
                  "<span class=\"att-facts\">（TXT，" +
                  FormatFileSize(text.size()) + "）</span><br><span class=\"att-hash\">SHA-256：<code>" +
                  Sha256Hex(text) + "</code></span></li>") != std::string::npos);
  REQUIRE(built.Has("reports/2024.txt"));
  CHECK(built.File("reports/2024.txt") == text);
}

TEST_CASE("import: a portal page yields its real publication date, source and title") {
  TempDir dir;
  fs::path input = dir.path() / "copied.txt";
  WriteFile(input, Fixture("portal_header.txt"));
  fs::path site = dir.path() / "site";
  Run r = Import({input.string(), "--site", site.string(), "--date", "2025-06-30"});
  REQUIRE_MESSAGE(r.rc == 0, r.err);
  std::string fm = FrontMatter(ReadFile(site / "content/reports/2024.md"));
  // The title without "临江市滨河区人民政府门户网站 - " and "_滨河区政府网", the
  // 发布时间 the portal shows (not --date, not the 落款's earlier date), its 信息来源.
  CHECK(fm.substr(fm.find("title:")) ==
        "title: \"临江市滨河区2024年度法治政府建设情况报告\"\n"
        "date: 2025-03-28\n"
        "source: \"临江市滨河区人民政府办公室\"\n"
        "year: 2024\n"
        "publisher: \"临江市滨河区人民政府\"\n"
        "published: 2025-03-28\n"
        "signature:\n"
        "  - \"临江市滨河区人民政府\"\n"
        "  - \"二〇二五年三月二十日\"\n"
        "attachments:\n"
        "  - file: \"2024.txt\"\n"
        "    title: \"临江市滨河区2024年度法治政府建设情况报告（导入时的原文件）\"\n"
        "draft: true\n"
        "---\n");
  CHECK(r.out.find("  公开日期：2025-03-28\n") != std::string::npos);

  // Built after review: the title, the portal's date as the report's own, its 信息来源, the 落款
  // and the original. The page shows no 信息公开 table: the portal shows no 索引号, 文号 ….
  testing::FixtureResult built = BuildReviewed(site);
  REQUIRE_MESSAGE(built.ok, built.errors);
  const std::string& page = built.File("reports/2024/index.html");
  CHECK(page.find("<h1>临江市滨河区2024年度法治政府建设情况报告</h1>") != std::string::npos);
  CHECK(page.find("<dt>原文公开日期</dt><dd><time datetime=\"2025-03-28\">2025年3月28日</time>") !=
        std::string::npos);
  CHECK(page.find("<span>信息来源：临江市滨河区人民政府办公室</span>") != std::string::npos);
  CHECK(page.find("class=\"gk-meta\"") == std::string::npos);
  CHECK(page.find("<p class=\"signature\">临江市滨河区人民政府<br>二〇二五年三月二十日</p>") !=
        std::string::npos);
  CHECK(page.find("<li><a href=\"/reports/2024.txt\" download>") != std::string::npos);
}

TEST_CASE("import: the kept original is never overwritten without --force either") {
  TempDir dir;
  fs::path input = dir.path() / "r.txt";
  WriteFile(input, Fixture("portal_catalogue.txt"));
  fs::path site = dir.path() / "site";
  WriteFile(site / "content/reports/2024.txt", "the editor's own file\n");
  Run r = Import({input.string(), "--site", site.string(), "--date", "2025-06-30"});
  CHECK(r.rc == 1);
  CHECK(r.err ==
        "fazhi import：已有 1 个文件存在，什么也没写（要覆盖请加 --force）：\n  content/reports/2024.txt\n");
  CHECK(ReadFile(site / "content/reports/2024.txt") == "the editor's own file\n");
  CHECK_FALSE(fs::exists(site / "content/reports/2024.md"));
  Run forced = Import({input.string(), "--site", site.string(), "--date", "2025-06-30", "--force"});
  CHECK(forced.rc == 0);
  CHECK(ReadFile(site / "content/reports/2024.txt") == Fixture("portal_catalogue.txt"));
}

}  // namespace
}  // namespace fazhi

namespace fazhi {
namespace {

// Robustness: damaged inputs must give an error or a result, never a crash
// (run under the sanitizer build to catch memory errors).
TEST_CASE("import: truncated and corrupted .docx at many offsets never crash") {
  std::string docx = testing::MakeDocxFromParagraphs(
      {"一、主要举措和成效", "（一）行政复议", "办理行政复议案件368件，同比增长120%，办结率80.16%。"});
  int errors = 0;
  for (size_t len = 0; len < docx.size(); len += 7) {
    ImportedText t;
    Message error;
    if (!ReadImportText(docx.substr(0, len), &t, &error)) ++errors;
    CHECK_MESSAGE(ReadImportText(docx.substr(0, len), &t, &error) == error.empty(), len);
  }
  CHECK(errors == static_cast<int>((docx.size() + 6) / 7));  // every truncation is an error
  std::mt19937 rng(7);
  for (int i = 0; i < 300; ++i) {
    std::string bad = docx;
    for (int k = 0; k < 3; ++k) bad[rng() % bad.size()] = static_cast<char>(rng());
    ImportedText t;
    Message error;
    if (ReadImportText(bad, &t, &error)) {
      StructuredReport r = StructureReport(t.text);
      FindFigures(r);
    } else {
      CHECK_FALSE(error.empty());
    }
  }
}

TEST_CASE("import: mutated report texts never crash the structurer or the figure finder") {
  std::string seed = ReadFile(SeedPath());
  std::u32string text = ToU32(seed);
  const std::u32string alphabet =
      U"一二三四五是、（）()1234567890.．。，,；;：:“”《》〔〕%％件次名余多以上近约超第年月日+N \n";
  std::mt19937 rng(11);
  for (int i = 0; i < 200; ++i) {
    std::u32string t = text;
    for (int k = 0; k < 40; ++k) {
      size_t at = rng() % t.size();
      switch (rng() % 3) {
        case 0:
          t[at] = alphabet[rng() % alphabet.size()];
          break;
        case 1:
          t.erase(at, 1 + rng() % 5);
          break;
        default:
          t.insert(at, 1, alphabet[rng() % alphabet.size()]);
          break;
      }
      if (t.empty()) t = U"一";
    }
    if (i % 50 == 0) t = t.substr(0, rng() % t.size());  // cut anywhere
    StructuredReport r = StructureReport(ToU8(t));
    std::vector<ImportedFigure> f = FindFigures(r);
    for (const ImportedFigure& x : f) {
      CHECK_FALSE(x.value.empty());
      CHECK_FALSE(x.unit.empty());
    }
    ImportWriteOptions o;
    o.year = 2024;
    o.date = "2025-03-01";
    o.title = "t";
    CHECK_FALSE(RenderImport(r, f, o).empty());
  }
}

}  // namespace
}  // namespace fazhi
