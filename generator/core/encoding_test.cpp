#include "core/encoding.h"

#include <doctest/doctest.h>

namespace fazhi {

TEST_CASE("encoding: GB18030 text from Chinese Excel is detected and decoded") {
  std::string gbk;
  REQUIRE(Utf8ToGb18030("指标,年份,数值\n行政复议,2024,368\n", &gbk));
  CHECK(gbk != "指标,年份,数值\n行政复议,2024,368\n");
  CHECK(DetectEncoding(gbk) == TextEncoding::kGb18030);
  std::string out;
  Message err;
  TextEncoding e;
  REQUIRE(DecodeToUtf8(gbk, &out, &e, &err));
  CHECK(out == "指标,年份,数值\n行政复议,2024,368\n");
}

TEST_CASE("encoding: UTF-8 BOM is dropped, plain UTF-8 kept") {
  std::string out;
  Message err;
  TextEncoding e;
  REQUIRE(
      DecodeToUtf8("\xEF\xBB\xBF"
                   "办结率",
                   &out, &e, &err));
  CHECK(e == TextEncoding::kUtf8Bom);
  CHECK(out == "办结率");
  REQUIRE(DecodeToUtf8("成功率", &out, &e, &err));
  CHECK(e == TextEncoding::kUtf8);
}

TEST_CASE("encoding: binary data is rejected with a reason") {
  std::string out;
  Message err;
  TextEncoding e;
  CHECK_FALSE(DecodeToUtf8(std::string("PK\x03\x04\x00\xff\x80", 7), &out, &e, &err));
  CHECK(err.Render() ==
        "认不出文字编码（不是 UTF-8、UTF-16 或 GB18030）：请在 Excel 或 WPS 里另存为“CSV UTF-8”");
  CHECK(err.Render(Lang::kEn) == "unknown text encoding (not UTF-8, UTF-16 or GB18030)");
}

}  // namespace fazhi
