#include "indicators/cells.h"

#include <doctest/doctest.h>

namespace fazhi {

TEST_CASE("cells: full-width digits, ％ and separators read as ASCII, blanks trimmed") {
  CHECK(HalfWidthCell("３６８") == "368");
  CHECK(HalfWidthCell("８０．１６％") == "80.16%");
  CHECK(HalfWidthCell("１，４２０") == "1,420");
  CHECK(HalfWidthCell("－５") == "-5");
  CHECK(HalfWidthCell("\u3000368\u00a0 ") == "368");
  CHECK(HalfWidthCell("行政 复议") == "行政 复议");  // inner blanks and text stay
  CHECK(HalfWidthCell("") == "");
}

TEST_CASE("cells: a year cell as editors write it") {
  CHECK(ParseYearCell("2024") == 2024);
  CHECK(ParseYearCell("２０２４") == 2024);
  CHECK(ParseYearCell("2024年") == 2024);
  CHECK(ParseYearCell("2024年度") == 2024);
  CHECK(ParseYearCell(" 2024年度\u3000") == 2024);
  CHECK(ParseYearCell("24") == 0);
  CHECK(ParseYearCell("2024年上半年") == 0);
  CHECK(ParseYearCell("二〇二四") == 0);
}

TEST_CASE("cells: an unquoted 1,420 split into two cells") {
  std::string joined;
  CHECK(LooksLikeSplitThousands("1", "420", &joined));
  CHECK(joined == "1420");
  CHECK(LooksLikeSplitThousands("12", "345.5", &joined));
  CHECK(joined == "12345.5");
  CHECK_FALSE(LooksLikeSplitThousands("1", "42", &joined));
  CHECK_FALSE(LooksLikeSplitThousands("1420", "件", &joined));
  CHECK_FALSE(LooksLikeSplitThousands("1234", "567", &joined));
}

}  // namespace fazhi
