#include "theme/view.h"

#include <doctest/doctest.h>

namespace fazhi {

TEST_CASE("view: an object's later value of a name wins, as kainjow's set replaced it") {
  View v;
  CHECK(v.is_object());
  CHECK(v.is_empty_object());
  v.set("title", "第一");
  v.set("flag", View::type::bool_true);
  v.set("title", "第二");
  REQUIRE(v.get("title") != nullptr);
  CHECK(v.get("title")->string_value() == "第二");
  CHECK(v.get("flag")->is_true());
  CHECK(v.get("missing") == nullptr);
  CHECK(v.get("") == nullptr);
  // Both values are kept in order; the later is the field's.
  REQUIRE(v.fields().size() == 3);
  CHECK(v.fields()[0].value.string_value() == "第一");
}

TEST_CASE("view: lists, strings and booleans take no fields, objects and strings no items") {
  View list{View::type::list};
  CHECK(list.is_empty_list());
  list.push_back(View("name", "甲"));
  list.push_back("乙");
  CHECK(list.is_non_empty_list());
  REQUIRE(list.list_value().size() == 2);
  CHECK(list.list_value()[0].get("name")->string_value() == "甲");
  CHECK(list.list_value()[1].string_value() == "乙");
  list.set("x", "ignored");
  CHECK(list.get("x") == nullptr);

  View text("正文");
  CHECK(text.is_string());
  text.set("x", "ignored");
  text.push_back("ignored");
  CHECK(text.get("x") == nullptr);
  CHECK(text.list_value().empty());

  View object;
  object.push_back("ignored");
  CHECK(object.list_value().empty());
  CHECK(View(View::type::bool_false).is_false());
  CHECK(View(View::type::bool_false).is_bool());
  CHECK_FALSE(View("").is_false());  // "" renders a section, as in kainjow
}

TEST_CASE("view: a borrowed string is read from its owner, through copies and moves, and renders as a copy") {
  std::string body = "<p>正文</p>";
  View page;
  page.set("content", View::Borrow(body));
  View copy = page;
  View moved = std::move(copy);
  REQUIRE(moved.get("content") != nullptr);
  CHECK(moved.get("content")->is_string());
  CHECK(&moved.get("content")->string_value() == &body);  // not copied
  // Only the owner holds the text: a change to it shows in every view.
  body = "<p>改</p>";
  CHECK(page.get("content")->string_value() == "<p>改</p>");
  CHECK(moved.get("content")->string_value() == "<p>改</p>");

  const std::string empty;
  CHECK_FALSE(View::Borrow(empty).is_false());  // "" renders a section, as an owned ""
  CHECK(View::Borrow(empty).is_string());
}

}  // namespace fazhi
