#include "indicators/csv.h"

#include <doctest/doctest.h>

namespace fazhi {

TEST_CASE("indicators_csv: quoted fields, doubled quotes, CRLF and embedded newlines") {
  Diagnostics diags;
  CsvTable t;
  REQUIRE(ParseCsvText("data/a.csv",
                       "指标,数值,备注\r\n"
                       "admin-review-cases,368,\"同比增长120%,\"\"新法\"\"施行\"\r\n"
                       "x,\"1\r\n2\",\r\n"
                       ",,\r\n"
                       "y,3,last",
                       &t, &diags));
  CHECK(diags.Format() == "");
  REQUIRE(t.rows.size() == 4);  // the all-empty row is dropped
  CHECK(t.rows[1].fields[2].text == "同比增长120%,\"新法\"施行");
  CHECK(t.rows[1].fields[2].quoted);
  CHECK(t.rows[1].fields[2].line == 2);
  CHECK(t.rows[1].fields[2].col == 24);
  CHECK(t.rows[2].fields[1].text == "1\n2");
  CHECK(t.rows[2].line == 3);
  CHECK(t.rows[3].line == 6);  // line numbers count the embedded newline
  CHECK(t.rows[3].fields[2].text == "last");
  CHECK(t.rows[3].fields[2].col == 5);
}

TEST_CASE("indicators_csv: syntax errors carry line:col and parsing goes on") {
  Diagnostics diags;
  CsvTable t;
  CHECK_FALSE(ParseCsvText("data/b.csv",
                           "a,b\n"
                           "x,1\"2\n"
                           "\"y\"z,3\n"
                           "ok,4\n"
                           "\"open,5\n",
                           &t, &diags));
  CHECK(diags.Format() ==
        "data/b.csv:2:4: 没有加引号的格子里有双引号“\"”：请把整个格子放在双引号里，里面的双引号写两遍\n"
        "  x,1\"2\n"
        "     ^\n"
        "data/b.csv:3:4: 结束的双引号后面只能是逗号或换行：整个格子都要放在引号里\n"
        "  \"y\"z,3\n"
        "     ^\n"
        "data/b.csv:5:1: 引号没有闭合：这个格子以双引号“\"”开头，但到文件结束都没有结束的双引号\n"
        "  \"open,5\n"
        "  ^\n");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[1].fields[0].text == "ok");
}

TEST_CASE("indicators_csv: GB18030 from Chinese Excel and UTF-8 BOM decode to the same rows") {
  const std::string utf8 = "指标,年份,数值\r\n行政复议,2024,368\r\n";
  std::string gbk;
  REQUIRE(Utf8ToGb18030(utf8, &gbk));
  for (const std::string& bytes : {gbk, "\xEF\xBB\xBF" + utf8, utf8}) {
    Diagnostics diags;
    CsvTable t;
    REQUIRE(ParseCsvFile(SourceFile{"data/c.csv", bytes}, &t, &diags));
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].fields[0].text == "指标");
    CHECK(t.rows[0].fields[0].col == 1);
    CHECK(t.rows[1].fields[0].text == "行政复议");
    CHECK(t.rows[1].fields[2].col == 11);
  }
  Diagnostics diags;
  CsvTable t;
  ParseCsvFile(SourceFile{"data/c.csv", gbk}, &t, &diags);
  CHECK(t.encoding == TextEncoding::kGb18030);
}

TEST_CASE("indicators_csv: undecodable bytes are an error, not misread text") {
  Diagnostics diags;
  CsvTable t;
  CHECK_FALSE(ParseCsvFile(SourceFile{"data/d.csv", std::string("a,\x00\xff\x80", 5)}, &t, &diags));
  CHECK(diags.Format() ==
        "data/d.csv:1:1: 无法读取这个 CSV 文件：认不出文字编码（不是 UTF-8、UTF-16 或 GB18030）：请在 Excel "
        "或 WPS 里另存为“CSV UTF-8”\n");
}

TEST_CASE("indicators_csv: escaping round-trips through the parser") {
  std::string line = CsvLine({"a,b", "say \"hi\"", "两行\n文本", " pad", "plain"});
  CHECK(line == "\"a,b\",\"say \"\"hi\"\"\",\"两行\n文本\",\" pad\",plain\r\n");
  Diagnostics diags;
  CsvTable t;
  REQUIRE(ParseCsvText("x.csv", line, &t, &diags));
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].fields[1].text == "say \"hi\"");
  CHECK(t.rows[0].fields[2].text == "两行\n文本");
  CHECK(t.rows[0].fields[3].text == " pad");
}

}  // namespace fazhi
