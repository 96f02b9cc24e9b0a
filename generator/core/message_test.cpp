#include "core/message.h"

#include <doctest/doctest.h>

namespace fazhi {
namespace {

constexpr MessageText kTwo{"第{1}行有“{0}”", "'{0}' on line {1}"};
constexpr MessageText kOuter{"无法读取：{0}", "cannot read: {0}"};
constexpr MessageText kBraces{"请写成 {{< value 编号 年份 >}}", "write {{< value id year >}}"};

TEST_CASE("message: arguments go where each language puts them") {
  Message m(kTwo, "：", 3);
  CHECK(m.Render() == "第3行有“：”");
  CHECK(m.Render(Lang::kEn) == "'：' on line 3");
}

TEST_CASE("message: a message as an argument is rendered in the same language") {
  Message m(kOuter, Message(kTwo, std::string("x"), 2));
  CHECK(m.Render(Lang::kZh) == "无法读取：第2行有“x”");
  CHECK(m.Render(Lang::kEn) == "cannot read: 'x' on line 2");
}

TEST_CASE("message: braces that are not {0}…{9} are text, verbatim text is the same in both languages") {
  CHECK(Message(kBraces).Render() == "请写成 {{< value 编号 年份 >}}");
  CHECK(Message::Verbatim("{0}").Render(Lang::kEn) == "{0}");
  CHECK(Message().empty());
}

TEST_CASE("message: a list is joined the way each language joins names") {
  Message m(kOuter, Message::List({"甲", "乙", "丙"}));
  CHECK(m.Render() == "无法读取：甲、乙、丙");
  CHECK(m.Render(Lang::kEn) == "cannot read: 甲, 乙, 丙");
  CHECK_FALSE(Message::List({}).empty());
}

TEST_CASE("message: ParseLang") {
  Lang l = Lang::kZh;
  CHECK(ParseLang("en", &l));
  CHECK(l == Lang::kEn);
  CHECK(ParseLang("zh", &l));
  CHECK(l == Lang::kZh);
  CHECK_FALSE(ParseLang("fr", &l));
}

}  // namespace
}  // namespace fazhi
