// What `fazhi import` tells the editor, line by line, and its refusals with
// real inputs: damaged .docx files, a file that cannot be read, a folder in
// the way of what it writes, a full disk (issue 13: every message has a test).
#include <doctest/doctest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "docx_fixture.h"
#include "temp_dir.h"

namespace fazhi::testing {
namespace {

namespace fs = std::filesystem;

struct Ran {
  int rc = -1;
  std::string out, err;
};

Ran Import(std::vector<std::string> args) {
  args.insert(args.begin(), "import");
  std::ostringstream out, err;
  Ran r;
  r.rc = RunCli(args, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

void Write(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

const char* kReport =
    "2024年法治政府建设年度报告\n一、主要举措和成效\n办理行政复议案件368件，办结率80.16%。\n"
    "二、存在的不足和原因\n基层力量不足。\n三、下一年度工作安排\n继续推进。\n";

// The offset of the local header of `name` in a ZIP archive made by MakeZip.
size_t LocalHeader(const std::string& zip, const std::string& name) {
  size_t at = zip.find("PK\x03\x04");
  while (at != std::string::npos) {
    uint16_t len = static_cast<uint8_t>(zip[at + 26]) | static_cast<uint8_t>(zip[at + 27]) << 8;
    if (zip.compare(at + 30, len, name) == 0) return at;
    at = zip.find("PK\x03\x04", at + 4);
  }
  FAIL("no local header for " << name);
  return 0;
}

// The central directory entry of `name`.
size_t CentralEntry(const std::string& zip, const std::string& name) {
  for (size_t at = zip.find("PK\x01\x02"); at != std::string::npos; at = zip.find("PK\x01\x02", at + 4)) {
    uint16_t len = static_cast<uint8_t>(zip[at + 28]) | static_cast<uint8_t>(zip[at + 29]) << 8;
    if (zip.compare(at + 46, len, name) == 0) return at;
  }
  FAIL("no central entry for " << name);
  return 0;
}

}  // namespace

TEST_CASE("import messages: the summary names the title, the year, what the text does not state, each part") {
  TempDir dir;
  Write(dir.path() / "r.txt", kReport);
  Ran r = Import(
      {(dir.path() / "r.txt").string(), "--site", (dir.path() / "s").string(), "--date", "2025-03-01"});
  REQUIRE(r.rc == 0);
  CHECK(r.out ==
        "已写入 content/reports/2024.md\n已写入 content/reports/2024.txt\n已写入 "
        "data/indicators/2024-import.csv\n"
        "已写入 content/indicators/import-2024-01.md\n已写入 content/indicators/import-2024-02.md\n"
        "已导入 r.txt（UTF-8 文本）：3 个标题，3 个段落，2 个数字\n"
        "  标题：2024年法治政府建设年度报告\n"
        "  年度：2024\n"
        "  公开日期：文中没有写（date：2025-03-01）\n"
        "  信息公开目录：网页上没有（索引号、发布机构等留空）\n"
        // msg::kImportPartLine: each of the four parts, with the heading it was found at.
        "  主要举措和成效：一、主要举措和成效\n"
        "  不足和原因：二、存在的不足和原因\n"
        "  第一责任人职责：没有找到\n"
        "  下一年度安排：三、下一年度工作安排\n"
        "下一步：对照原文核对上面写入的文件（方法见 docs/import.md），然后运行 fazhi build\n");
  CHECK(r.err == "警告：文中没有写发布单位；请在文件头补上 publisher 和 source（或用 --publisher 指定）\n");
}

TEST_CASE("import messages: fazhi import --help prints the whole usage") {
  Ran r = Import({"--help"});
  CHECK(r.rc == 0);
  CHECK(r.out ==
        "用法：fazhi import <文件> [--site 文件夹] [--year 年份] [--date YYYY-MM-DD]\n"
        "                    [--title 标题] [--publisher 发布单位] [--force]\n"
        "      fazhi import <文件夹或几个文件…> [--site 文件夹] [--year 年份] [--date YYYY-MM-DD] [--force]\n"
        "  <文件>         要导入的报告：UTF-8 或 GB18030/GBK 文本，或者 .docx（Word、WPS）\n"
        "  <文件夹>       一次导入多份报告：按标题、落款和开头几行里的名称，\n"
        "                 从 data/units.csv 找到每份报告的单位\n"
        "  --site 文件夹  写入哪个站点（默认当前文件夹）\n"
        "  --year 年份    报告年度（默认从文中找）\n"
        "  --date 日期    文中没有写公开日期时，文件头的 date（默认这台电脑今天的日期）\n"
        "  --title、--publisher  替换文中的标题、发布单位\n"
        "  --force        覆盖已有的文件\n");
}

TEST_CASE("import messages: a file whose reading fails is not taken for an empty one") {
  // /proc/self/mem opens, but reading its first page fails (EIO): before, the
  // importer lost the error and said 文件是空的.
  TempDir dir;
  Ran r = Import({"/proc/self/mem", "--site", (dir.path() / "s").string(), "--year", "2024"});
  CHECK(r.rc == 1);
  CHECK(r.err == "fazhi import：/proc/self/mem：读不出这个文件：磁盘读写出错（EIO）\n");
  CHECK_FALSE(fs::exists(dir.path() / "s"));
}

TEST_CASE("import messages: damaged .docx files say which part cannot be read, an empty page is no page") {
  TempDir dir;
  auto import = [&](const std::string& name, const std::string& bytes) {
    Write(dir.path() / name, bytes);
    Ran r = Import({(dir.path() / name).string(), "--site", (dir.path() / "s").string(), "--year", "2024"});
    CHECK(r.rc == 1);
    CHECK(r.out == "");
    CHECK_FALSE(fs::exists(dir.path() / "s"));
    return r.err;
  };
  const std::string prefix = "fazhi import：" + dir.path().string() + "/";
  std::vector<std::string> paragraphs = {"2024年法治政府建设年度报告", "一、主要举措和成效"};
  for (int i = 0; i < 200; ++i) paragraphs.push_back("办理行政复议案件" + std::to_string(i) + "件。");
  const std::string docx = MakeDocxFromParagraphs(paragraphs);

  // A zip bomb: word/document.xml unpacks to more than 64 MiB.
  std::string huge = DocumentXml({"一、主要举措"});
  huge.insert(huge.find("<w:sectPr/>"), std::string((64u << 20) + 1, ' '));
  CHECK(import("bomb.docx", MakeDocx(huge)) ==
        prefix + "bomb.docx：这个 .docx 里的 word/document.xml 读不出来或太大\n");

  // The text of word/document.xml damaged in the middle: inflate or the CRC fails.
  std::string damaged = docx;
  size_t local = LocalHeader(damaged, "word/document.xml");
  uint32_t compressed = 0;
  std::memcpy(&compressed, damaged.data() + local + 18, 4);
  uint16_t name_len = 0, extra_len = 0;
  std::memcpy(&name_len, damaged.data() + local + 26, 2);
  std::memcpy(&extra_len, damaged.data() + local + 28, 2);
  size_t data = local + 30 + name_len + extra_len;
  for (size_t i = compressed / 2; i < compressed / 2 + 16; ++i) damaged[data + i] = static_cast<char>(0xFF);
  CHECK(import("damaged.docx", damaged) ==
        prefix + "damaged.docx：这个 .docx 文件已损坏或不完整（读不出 word/document.xml）\n");

  // Encrypted with a password (flag bit 0, in the local and the central header).
  std::string locked = docx;
  locked[LocalHeader(locked, "word/document.xml") + 6] |= 1;
  locked[CentralEntry(locked, "word/document.xml") + 8] |= 1;
  CHECK(import("locked.docx", locked) ==
        prefix + "locked.docx：这个 .docx 文件已损坏或不完整（打不开 word/document.xml）\n");

  // More than 8 MiB of text, as .txt and as .docx: not one report.
  std::string text = "2024年法治政府建设年度报告\n";
  std::vector<std::string> big_paragraphs;
  for (int i = 0; i < 9; ++i) {
    std::string line;
    for (int k = 0; k < 70000; ++k) line += "办理案件。";  // 1 MiB
    text += line + "\n";
    big_paragraphs.push_back(line);
  }
  CHECK(import("big.txt", text) ==
        prefix + "big.txt：文档的文字超过8 MiB，不像是一份年度报告；请检查是否选错了文件\n");
  CHECK(import("big.docx", MakeDocxFromParagraphs(big_paragraphs)) ==
        prefix + "big.docx：文档的文字超过8 MiB，不像是一份年度报告；请检查是否选错了文件\n");

  // A web page saved before it loaded: the doctype and nothing else.
  CHECK(import("page.html", "<!DOCTYPE html>\n") ==
        prefix + "page.html：这个网页文件读不出来（不是 HTML）\n");
}

TEST_CASE("import messages: a folder in the way, a full disk, a link at the target") {
  TempDir dir;
  const fs::path report = dir.path() / "r.txt";
  // Long enough that its page alone does not fit on the small disk below.
  std::string text = kReport;
  for (int i = 0; i < 200; ++i) text += "继续推进法治政府建设，全面提高依法行政水平。";
  Write(report, text + "\n");
  const fs::path site = dir.path() / "s";
  auto import = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {report.string(), "--site", site.string(), "--date", "2025-03-01"};
    args.insert(args.end(), extra.begin(), extra.end());
    return Import(args);
  };

  // content/reports is a file: the folder cannot be made.
  Write(site / "content/reports", "");
  Ran r = import({});
  CHECK(r.rc == 1);
  CHECK(r.err == "fazhi import：无法创建 " + (site / "content/reports").string() +
                     "：路径中有一段不是文件夹（ENOTDIR）\n");
  fs::remove(site / "content/reports");

  // A folder where the page goes: with --force the file cannot take its place.
  fs::create_directories(site / "content/reports/2024.md/images");
  r = import({"--force"});
  CHECK(r.rc == 1);
  CHECK(r.err == "fazhi import：无法写入 content/reports/2024.md：这是一个文件夹（EISDIR）\n");
  fs::remove_all(site);

  // A link at the target is named with where it leads.
  fs::create_directories(site / "content/reports");
  fs::create_symlink(dir.path() / "elsewhere.md", site / "content/reports/2024.md");
  r = import({});
  CHECK(r.rc == 1);
  CHECK(r.err ==
        "fazhi import：已有 1 个文件存在，什么也没写（要覆盖请加 --force）：\n  content/reports/2024.md "
        "是一个符号链接（指向 " +
            (dir.path() / "elsewhere.md").string() + "）；导入不会替换它，请先删除它或加 --force\n");
  r = import({"--lang", "en"});
  CHECK(r.err.find("content/reports/2024.md is a symbolic link") != std::string::npos);
  fs::remove_all(site);

  if (::geteuid() != 0) return;  // mounting a small disk needs root (as in CI)
  fs::create_directories(site);
  REQUIRE(::mount("tmpfs", site.c_str(), "tmpfs", 0, "size=4k") == 0);
  r = import({});
  ::umount2(site.c_str(), MNT_DETACH);
  CHECK(r.rc == 1);
  CHECK(r.err ==
        "fazhi import：无法写入 content/reports/2024.md：磁盘已满（空间或文件数已用完）（ENOSPC）\n");
}

TEST_CASE("import messages: a folder import names the file of each warning") {
  TempDir dir;
  Write(dir.path() / "s/data/units.csv",
        "slug,name,short_names,type,report_from,report_until,note\n"
        "sfj,示例区司法局,,区直部门,2022,,\n");
  std::string text = "示例区司法局2024年法治政府建设年度报告\n一、主要举措\n";
  for (int i = 0; i < 600; ++i) text += "办理案件" + std::to_string(i + 10) + "件。\n";
  Write(dir.path() / "in/sfj.txt", text);
  Ran r =
      Import({(dir.path() / "in").string(), "--site", (dir.path() / "s").string(), "--date", "2025-03-01"});
  CHECK(r.rc == 0);
  // msg::kImportFileWarning: the file, then the warning.
  CHECK(r.err ==
        "警告：sfj."
        "txt：找到的数字超过500个，只写出了前500个；一份年度报告通常不到200个，请检查是否选错了文件\n");
}

}  // namespace fazhi::testing
