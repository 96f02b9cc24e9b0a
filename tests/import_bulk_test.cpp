// End-to-end tests of `fazhi import DIR` / `fazhi import a.txt b.txt`: each
// report assigned to its unit from data/units.csv, the summary table, what is
// written and what is not, and --force.
#include <stdlib.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli.h"
#include "temp_dir.h"

namespace fazhi {
namespace {

using testing::TempDir;

namespace fs = std::filesystem;

void Write(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
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

const char* kUnits =
    "slug,name,short_names,type,report_from,report_until,note\n"
    "baiyun,广州市白云区人民政府,白云区人民政府|白云区政府,区政府,2022,,\n"
    "baiyun-sfj,广州市白云区司法局,白云区司法局,区直部门,2022,,\n"
    "liwan-sfj,广州市荔湾区司法局,荔湾区司法局,区直部门,2022,,\n";

std::string Report(const std::string& title, const std::string& signature) {
  return title +
         "\n一、主要举措和成效\n全年办理行政复议案件120件。\n二、存在的不足和原因\n基层力量不足。\n"
         "三、下一年度安排\n继续推进。\n" +
         signature;
}

// A folder as a district office receives it: one report named by its title,
// one only by its 落款 (in a subfolder), one from a unit not in the registry,
// one whose opening names two units.
void Inbox(const fs::path& dir) {
  Write(dir / "a.txt",
        Report("广州市白云区司法局2023年法治政府建设年度报告", "广州市白云区司法局\n2024年3月15日\n"));
  Write(dir / "2024/b.txt", Report("2024年法治政府建设年度报告", "广州市白云区人民政府\n2025年3月28日\n"));
  Write(dir / "c.txt", Report("广州市海珠区司法局2024年法治政府建设年度报告", ""));
  Write(dir / "d.txt", Report("白云区司法局、荔湾区司法局2024年法治政府建设年度报告", ""));
  Write(dir / ".DS_Store", "\x00\x01");
  Write(dir / "~$a.docx", "lock");
}

TEST_CASE("bulk import: a folder of reports, each assigned to its unit, with a summary table") {
  TempDir dir;
  fs::path site = dir.path() / "site";
  Write(site / "data/units.csv", kUnits);
  Inbox(dir.path() / "inbox");
  Run r = Import({(dir.path() / "inbox").string(), "--site", site.string(), "--date", "2025-04-01"});
  CHECK(r.rc == 1);  // two files need review
  CHECK(r.out ==
        "文件        单位                  年度  状态\n"
        "2024/b.txt  广州市白云区人民政府  2024  已识别（落款）\n"
        "a.txt       广州市白云区司法局    2023  已识别（标题）\n"
        "c.txt       —                     2024  需核对：标题、落款、来源和开头都没有单位名录中的名称；请在 "
        "data/units.csv 补上该单位的全称或简称后重新导入\n"
        "d.txt       —                     2024  需核对：开头中有多个单位：广州市白云区司法局、"
        "广州市荔湾区司法局；请核对是哪个单位的报告\n"
        "共 4 个文件：2 份已识别并写入 content/reports/<单位>-<年度>.md（指标草稿在 data/indicators/ 和 "
        "content/indicators/），2 份需核对（未写入）\n");
  CHECK(r.err == "");

  // One report per recognised file, named by unit and year, with the
  // registry's full name as publisher; nothing for the others.
  std::vector<std::string> written;
  for (const auto& e : fs::recursive_directory_iterator(site)) {
    if (e.is_regular_file()) written.push_back(e.path().lexically_relative(site).generic_string());
  }
  std::sort(written.begin(), written.end());
  CHECK(written == std::vector<std::string>{
                       "content/indicators/import-baiyun-2024-01.md",
                       "content/indicators/import-baiyun-sfj-2023-01.md", "content/reports/baiyun-2024.md",
                       "content/reports/baiyun-2024.txt", "content/reports/baiyun-sfj-2023.md",
                       "content/reports/baiyun-sfj-2023.txt", "data/indicators/baiyun-2024-import.csv",
                       "data/indicators/baiyun-sfj-2023-import.csv", "data/units.csv"});
  std::string gov = Read(site / "content/reports/baiyun-2024.md");
  CHECK(gov.find("title: \"2024年法治政府建设年度报告\"\ndate: 2025-03-28\nsource: \"广州市白云区人民政府\"\n"
                 "year: 2024\npublisher: \"广州市白云区人民政府\"\npublished: 2025-03-28\n"
                 "signature:\n  - \"广州市白云区人民政府\"\n  - \"2025年3月28日\"\n"
                 "attachments:\n  - file: \"baiyun-2024.txt\"\n"
                 "    title: \"2024年法治政府建设年度报告（导入时的原文件）\"\ndraft: true\n") !=
        std::string::npos);
  // Each report's file is kept beside it, byte for byte.
  CHECK(Read(site / "content/reports/baiyun-2024.txt") ==
        Report("2024年法治政府建设年度报告", "广州市白云区人民政府\n2025年3月28日\n"));
  std::string csv = Read(site / "data/indicators/baiyun-sfj-2023-import.csv");
  CHECK(csv.find(
            "import-baiyun-sfj-2023-01,2023,120,件,,,,原文,,reports/baiyun-sfj-2023.md#一主要举措和成效,") !=
        std::string::npos);
}

TEST_CASE("bulk import: nothing is overwritten without --force, with it, everything is") {
  TempDir dir;
  fs::path site = dir.path() / "site";
  Write(site / "data/units.csv", kUnits);
  Write(dir.path() / "a.txt",
        Report("广州市白云区司法局2023年法治政府建设年度报告", "广州市白云区司法局\n2024年3月15日\n"));
  Write(dir.path() / "b.txt", Report("2024年法治政府建设年度报告", "广州市白云区人民政府\n2025年3月28日\n"));
  Write(site / "content/reports/baiyun-sfj-2023.md", "editor's version\n");
  std::vector<std::string> args = {(dir.path() / "a.txt").string(),
                                   (dir.path() / "b.txt").string(),
                                   "--site",
                                   site.string(),
                                   "--date",
                                   "2025-04-01"};
  Run r = Import(args);
  CHECK(r.rc == 1);
  CHECK(r.err ==
        "fazhi import：1 个文件已经存在，什么都没有写入（要覆盖请加 --force）：\n"
        "  content/reports/baiyun-sfj-2023.md\n");
  CHECK(Read(site / "content/reports/baiyun-sfj-2023.md") == "editor's version\n");
  CHECK_FALSE(fs::exists(site / "content/reports/baiyun-2024.md"));  // not even the files that are new

  args.push_back("--force");
  Run forced = Import(args);
  CHECK(forced.rc == 0);
  CHECK(forced.err == "");
  CHECK(forced.out.substr(forced.out.rfind("共")) ==
        "共 2 个文件：2 份已识别并写入 content/reports/<单位>-<年度>.md（指标草稿在 data/indicators/ 和 "
        "content/indicators/），0 份需核对（未写入）\n");
  CHECK(Read(site / "content/reports/baiyun-sfj-2023.md").find("## 一、主要举措和成效\n") !=
        std::string::npos);
  CHECK(fs::exists(site / "content/reports/baiyun-2024.md"));
  for (const auto& e : fs::recursive_directory_iterator(site)) {
    CHECK_MESSAGE(e.path().string().find(".tmp-") == std::string::npos, e.path());
  }
}

TEST_CASE("bulk import: the same unit and year twice, a year not stated, an unreadable file") {
  TempDir dir;
  fs::path site = dir.path() / "site";
  // Chinese headers, a BOM and GBK-free UTF-8 as Excel saves it.
  Write(site / "data/units.csv",
        "\xEF\xBB\xBF标识,全称,简称,类型,起报年度,止报年度,备注\n"
        "baiyun-sfj,广州市白云区司法局,白云区司法局,区直部门,2022,,\n");
  fs::path in = dir.path() / "in";
  Write(in / "1.txt", Report("广州市白云区司法局2023年法治政府建设年度报告", ""));
  Write(in / "2.txt", Report("白云区司法局2023年法治政府建设年度报告（修订）", ""));
  Write(in / "3.txt", Report("白云区司法局法治政府建设年度报告", ""));
  Write(in / "4.pdf", "%PDF-1.7\n");
  Run r = Import({in.string(), "--site", site.string(), "--date", "2025-04-01"});
  CHECK(r.rc == 1);
  std::istringstream lines(r.out);
  std::vector<std::string> got;
  for (std::string line; std::getline(lines, line);) got.push_back(line);
  REQUIRE(got.size() == 6);
  CHECK(got[1] == "1.txt  广州市白云区司法局  2023  已识别（标题）");
  CHECK(got[2] ==
        "2.txt  广州市白云区司法局  2023  需核对：与 1.txt "
        "同为广州市白云区司法局2023年度的报告；请核对是否重复");
  CHECK(got[3] == "3.txt  广州市白云区司法局  —     需核对：正文没有写明报告年度；请单独导入并加 --year");
  CHECK(got[4].rfind("4.pdf  —                   —     需核对：无法导入：", 0) == 0);
  CHECK(got[5].rfind("共 4 个文件：1 份已识别", 0) == 0);
}

TEST_CASE("bulk import: without a unit registry there is nothing to assign reports to") {
  TempDir dir;
  Write(dir.path() / "in/a.txt", Report("广州市白云区司法局2023年法治政府建设年度报告", ""));
  Run r = Import({(dir.path() / "in").string(), "--site", (dir.path() / "site").string()});
  CHECK(r.rc == 1);
  CHECK(r.err ==
        "fazhi import：批量导入按单位名录分配报告，但 data/units.csv 不存在；请先建立单位名录（见 "
        "docs/import.md）\n");
  CHECK_FALSE(fs::exists(dir.path() / "site/content"));

  Write(dir.path() / "site/data/units.csv", kUnits);
  fs::create_directories(dir.path() / "empty");
  Run e = Import({(dir.path() / "empty").string(), "--site", (dir.path() / "site").string()});
  CHECK(e.rc == 1);
  CHECK(e.err ==
        "fazhi import：" + (dir.path() / "empty").string() + " 中没有可导入的文件（.txt、.docx 等）\n");
}

TEST_CASE("bulk import: the example site's registry recognises its publishers' real titles") {
  // Titles as the 广州 portals publish them: the city government, a city
  // department whose name contains the city's, and a district government
  // whose name contains "广州市". Each must be its own unit, not the city.
  TempDir dir;
  fs::path site = dir.path() / "site";
  Write(site / "data/units.csv", Read(fs::path(FAZHI_SOURCE_DIR) / "examples/district/data/units.csv"));
  fs::path in = dir.path() / "in";
  Write(in / "1.txt", Report("广州市人民政府关于2023年度法治政府建设情况的报告", ""));
  Write(in / "2.txt", Report("广州市人民政府办公厅2024年法治政府建设年度报告", ""));
  Write(in / "3.txt", Report("广州市司法局关于2024年度法治政府建设情况的报告", ""));
  Write(in / "4.txt", Report("广州市花都区人民政府关于2024年度法治政府建设情况的报告", ""));
  Run r = Import({in.string(), "--site", site.string(), "--date", "2025-04-01"});
  CHECK(r.rc == 0);
  CHECK(r.out.substr(0, r.out.find("共")) ==
        "文件   单位                  年度  状态\n"
        "1.txt  广州市人民政府        2023  已识别（标题）\n"
        "2.txt  广州市人民政府办公厅  2024  已识别（标题）\n"
        "3.txt  广州市司法局          2024  已识别（标题）\n"
        "4.txt  广州市花都区人民政府  2024  已识别（标题）\n");
  for (const char* page : {"guangzhou-2023", "gzbgt-2024", "gzsfj-2024", "huadu-2024"}) {
    CHECK_MESSAGE(fs::exists(site / "content/reports" / (std::string(page) + ".md")), page);
  }
}

}  // namespace
}  // namespace fazhi
