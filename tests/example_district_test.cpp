// The example site of many units (examples/district, issue 15): it builds,
// every real report page summarises a published report without claiming
// what the report lacks, the 示例 reports show the on-time mark (late is for the editor),
// and the indicator values keep the source's wording.
#include <stdlib.h>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli.h"
#include "site_fixture.h"

namespace fazhi {
namespace {

namespace fs = std::filesystem;
using testing::Contains;
using testing::RepoRoot;

struct ExampleBuild {
  fs::path out;
  int rc = -1;
  std::string stdout_text, stderr_text;
  ExampleBuild() {
    std::string tmpl = (fs::temp_directory_path() / "fazhi-example-district-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    out = fs::path(tmpl) / "public";
    std::ostringstream o, e;
    rc = RunCli({"build", RepoRoot() + "/examples/district", "--output", out.string()}, o, e);
    stdout_text = o.str();
    stderr_text = e.str();
  }
  ~ExampleBuild() {
    std::error_code ec;
    fs::remove_all(out.parent_path(), ec);
  }
  std::string Read(const std::string& rel) const {
    std::ifstream in(out / rel, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), rel);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
};

const char* const kRealReports[] = {
    "guangzhou-2022", "guangzhou-2023", "guangzhou-2024", "gzbgt-2022",  "gzbgt-2024",
    "gzsfj-2024",     "baiyun-2021",    "baiyun-2022",    "baiyun-2023", "baiyun-2024",
    "conghua-2024",   "liwan-2024",     "huadu-2022",     "huadu-2024",
};

TEST_CASE("example district: builds, with every report page and no claim that a real report lacks an item") {
  ExampleBuild b;
  REQUIRE_MESSAGE(b.rc == 0, b.stderr_text);
  CHECK(b.stderr_text.find("error") == std::string::npos);
  for (const char* r : kRealReports) {
    std::string page = b.Read(std::string("reports/") + r + "/index.html");
    CHECK_MESSAGE(Contains(page, "本页是原文部分内容的摘要"), r);
    CHECK_MESSAGE(!Contains(page, "未见"), r);
    CHECK_MESSAGE(Contains(page, "查看原文"), r);
    // The only real dates are the two the 广州市人民政府 pages of 2023 and 2024 show.
    bool dated = std::string(r) == "guangzhou-2023" || std::string(r) == "guangzhou-2024";
    CHECK_MESSAGE(Contains(page, "class=\"mark-ontime\"") == dated, r);
    CHECK_MESSAGE(!Contains(page, "class=\"mark-late\""), r);
  }
  CHECK(Contains(b.Read("reports/shili-bm-2023/index.html"), "class=\"mark-ontime\""));
  // Late is a finding for the editor (issue 14, publisher mode): the public page states the date only.
  std::string late = b.Read("reports/shili-bm-2024/index.html");
  CHECK_FALSE(Contains(late, "class=\"mark-late\""));
  CHECK(Contains(late, "<time datetime=\"2025-04-15\">2025年4月15日</time>"));
  CHECK(Contains(b.stderr_text, "2024年度报告公开于 2025-04-15，晚于期限 2025-04-01"));
  // Only the 示例 reports run through the item check, and they have all five.
  CHECK(b.stderr_text.find("lacks the required item") == std::string::npos);
}

TEST_CASE("example district: indicator values as the sources state them") {
  ExampleBuild b;
  REQUIRE_MESSAGE(b.rc == 0, b.stderr_text);
  std::string csv = b.Read("data/indicators.csv");
  // The column "stated": the value with its qualifier, as the site shows it.
  for (const char* stated : {",19000名,", ",20000余名,", ",19594名,", ",25000多名,", ",1600多人次,",
                             ",2000多人次,", ",73名,", ",61名,", ",79次,", ",63次,"}) {
    CHECK_MESSAGE(Contains(csv, stated), stated);
  }
  // Conversions from 万 are marked 计算 with their formula, never as original figures.
  CHECK(Contains(csv, ",计算,1.9 × 10000,"));
  CHECK(Contains(csv, ",计算,2 × 10000,"));
  CHECK(Contains(csv, ",计算,2.5 × 10000,"));
  size_t rows = 0;
  for (char c : csv) rows += c == '\n';
  CHECK(rows == 1 + 10);
  for (const char* id :
       {"law-exam-participants", "leader-law-study", "written-shufa-heads", "city-rule-of-law-agenda"}) {
    CHECK_MESSAGE(fs::exists(b.out / "indicators" / id / "index.html"), id);
  }
}

}  // namespace
}  // namespace fazhi
