// The example site of many units (examples/district, issue 15): it builds,
// every real report page summarises a published report without claiming
// what the report lacks, the 示例 reports show the on-time mark (late is for the editor),
// and the indicator values keep the source's wording.
#include <stdlib.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

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

namespace fazhi {
namespace {

// One row of a tracker CSV: "year,slug,name,type,sample,state,…".
bool HasRow(const std::string& csv, const std::string& row) { return testing::Contains(csv, "\n" + row); }

TEST_CASE("example district: the trackers count from the registry, 示例 units shown but never counted") {
  ExampleBuild b;
  REQUIRE_MESSAGE(b.rc == 0, b.stderr_text);
  for (int year : {2021, 2022, 2023, 2024}) {
    CHECK_MESSAGE(fs::exists(b.out / "tracker" / std::to_string(year) / "index.html"), year);
  }
  // 2024: seven real units must report and all have a report here; only 广州市人民政府 states its date.
  nlohmann::json t = nlohmann::json::parse(b.Read("data/tracker/2024.json"));
  CHECK(t["total"]["required"] == 7);
  CHECK(t["total"]["published"] == 7);
  CHECK(t["total"]["on_time"] == 1);
  CHECK(t["total"]["undated"] == 6);
  CHECK(t["total"]["late"] == 0);
  CHECK(t["total"]["missing"] == 0);
  std::string csv = b.Read("data/tracker/2024.csv");
  CHECK(HasRow(csv,
               "2024,guangzhou,广州市人民政府,市政府,false,on_time,按时公开,2025-01-22,2025-04-01,"
               "/reports/guangzhou-2024/,false\r\n"));
  CHECK(HasRow(csv,
               "2024,shili-bm,示例市直部门甲,市直部门,true,late,逾期公开,2025-04-15,2025-04-01,"
               "/reports/shili-bm-2024/,false\r\n"));
  CHECK(HasRow(csv, "2024,shili-qu,示例区人民政府,区政府,true,missing,未公开,,2025-04-01,,false\r\n"));
  // 2023: 广州市人民政府 on time, 白云区 without a date, the 示例 unit on time; units tracked from 2024 not
  // required.
  std::string csv23 = b.Read("data/tracker/2023.csv");
  CHECK(HasRow(csv23, "2023,guangzhou,广州市人民政府,市政府,false,on_time,按时公开,2024-01-23,2024-04-01,"));
  CHECK(HasRow(csv23, "2023,conghua,广州市从化区人民政府,区政府,false,not_required,"));
  CHECK(HasRow(csv23, "2023,shili-bm,示例市直部门甲,市直部门,true,on_time,"));
  nlohmann::json t23 = nlohmann::json::parse(b.Read("data/tracker/2023.json"));
  CHECK(t23["total"]["required"] == 2);
  CHECK(t23["total"]["published"] == 2);
  // `fazhi check` prints the same table for the editor.
  std::ostringstream o, e;
  CHECK(RunCli({"check", RepoRoot() + "/examples/district"}, o, e) == 0);
  CHECK(Contains(o.str() + e.str(), "示例区人民政府"));
}

TEST_CASE("example district: unit pages across years, figures across units and years, embed output") {
  ExampleBuild b;
  REQUIRE_MESSAGE(b.rc == 0, b.stderr_text);
  std::string baiyun = b.Read("units/baiyun/index.html");
  for (const char* y :
       {"reports/baiyun-2021/", "reports/baiyun-2022/", "reports/baiyun-2023/", "reports/baiyun-2024/"}) {
    CHECK_MESSAGE(Contains(baiyun, y), y);
  }
  CHECK(Contains(baiyun, "1600多人次"));
  // Across units: the newest year's values, largest first, with their qualifiers.
  CHECK(Contains(b.Read("indicators/law-exam-participants/index.html"),
                 "<desc id=\"units-law-exam-participants-desc\">广州市荔湾区人民政府 20000余名；"
                 "广州市花都区人民政府 19594名；广州市从化区人民政府 19000名</desc>"));
  // Across years: a unit's line from two comparable years; a change from values stated with 多 is 约.
  std::string study = b.Read("indicators/leader-law-study/index.html");
  CHECK(Contains(study,
                 "<desc id=\"unit-baiyun-leader-law-study-desc\">2021年度 1600多人次；2022年度 "
                 "2000多人次</desc>"));
  CHECK(Contains(study, "较2021年度约增长25.0%（计算）"));
  CHECK(Contains(b.Read("indicators/city-rule-of-law-agenda/index.html"), "较2022年度下降20.3%（计算）"));
  // The open data name the reporting unit of every value.
  CHECK(Contains(b.Read("data/indicators.csv"), ",baiyun,广州市白云区人民政府,"));

  // --embed: each page's body as a fragment and a JSON feed for the city portal's CMS.
  std::string tmpl = (fs::temp_directory_path() / "fazhi-example-embed-XXXXXX").string();
  REQUIRE(mkdtemp(tmpl.data()) != nullptr);
  fs::path out = fs::path(tmpl) / "public";
  std::ostringstream o, e;
  REQUIRE(RunCli({"build", RepoRoot() + "/examples/district", "--output", out.string(), "--embed"}, o, e) ==
          0);
  std::ifstream feed_in(out / "embed/feed.json");
  nlohmann::json feed = nlohmann::json::parse(feed_in);
  bool found = false;
  for (const auto& item : feed["items"]) {
    if (item["url"] == "/reports/baiyun-2024/") {
      found = true;
      CHECK(item["fragment"] == "embed/reports/baiyun-2024/index.html");
      CHECK(item["title"] == "白云区2024年度法治政府建设报告（摘要）");
    }
  }
  CHECK(found);
  std::ifstream frag_in(out / "embed/reports/baiyun-2024/index.html");
  std::stringstream frag;
  frag << frag_in.rdbuf();
  CHECK(Contains(frag.str(), "<h1>白云区2024年度法治政府建设报告（摘要）</h1>"));
  CHECK_FALSE(Contains(frag.str(), "<html"));
  std::error_code ec;
  fs::remove_all(tmpl, ec);
}

// The search index names each publisher's series of reports (its previous
// and next links), so that a query naming the publisher lists its reports
// newest first (search.js; the district query set has 广州市人民政府).
TEST_CASE("example district: the search index knows which reports are one publisher's series") {
  ExampleBuild b;
  REQUIRE_MESSAGE(b.rc == 0, b.stderr_text);
  const nlohmann::json manifest = nlohmann::json::parse(b.Read("search/manifest.json"));
  const size_t reports = manifest["kinds"][0][1];
  const size_t group = manifest["kinds"][0][2];
  // The reports' URLs in page order: their metadata groups, one after another.
  std::vector<std::string> urls;
  for (size_t g = 0; g * group < reports; ++g) {
    for (const auto& meta : nlohmann::json::parse(b.Read("search/p/0-" + std::to_string(g) + ".json")))
      urls.push_back(meta[0]);
  }
  REQUIRE(urls.size() == reports);
  REQUIRE(manifest["series"].size() == reports);
  std::map<std::string, int> series;  // URL → its series
  for (size_t d = 0; d < reports; ++d) series[urls[d]] = manifest["series"][d];
  // Newest first: 2024 before 2023 before 2022 in the series of 广州市人民政府.
  const auto at = [&](const std::string& url) {
    return std::find(urls.begin(), urls.end(), url) - urls.begin();
  };
  CHECK(at("reports/guangzhou-2024/") < at("reports/guangzhou-2023/"));
  CHECK(at("reports/guangzhou-2023/") < at("reports/guangzhou-2022/"));
  CHECK(series["reports/guangzhou-2024/"] >= 0);
  CHECK(series["reports/guangzhou-2023/"] == series["reports/guangzhou-2024/"]);
  CHECK(series["reports/guangzhou-2022/"] == series["reports/guangzhou-2024/"]);
  // 广州市人民政府办公厅 publishes its own series.
  CHECK(series["reports/gzbgt-2024/"] >= 0);
  CHECK(series["reports/gzbgt-2022/"] == series["reports/gzbgt-2024/"]);
  CHECK(series["reports/gzbgt-2024/"] != series["reports/guangzhou-2024/"]);
  CHECK(series["reports/baiyun-2021/"] == series["reports/baiyun-2024/"]);
  // A publisher with one report on the site has no series.
  CHECK(series["reports/conghua-2024/"] == -1);
  CHECK(series["reports/gzsfj-2024/"] == -1);
}

}  // namespace
}  // namespace fazhi
