// What a template is rendered with: an object of named values, each a
// string, a list, a boolean or another object. It has the part of
// kainjow::mustache::data's interface that fazhi's views use, and the same
// meaning for Mustache (a list renders a section once per item, false and an
// empty list skip it, "" is true), so view code reads as it did.
//
// Why not kainjow's data: each object is a std::unordered_map, so a page's
// view of some 150 fields cost a node allocation, a rehash now and then and
// three hashings of the key per field (set() looks the key up, inserts a
// copied pair, and the value was copied once more on the way in), then as
// many frees: building and freeing views was 15 % of a build's instructions
// (callgrind, 2,000 bench pages). Here an object is a vector of fields,
// appended in order and found by a backwards scan (a later set() of the
// same name wins, as it replaced the earlier one in kainjow's map).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

class View {
 public:
  enum class type : unsigned char { object, string, list, bool_true, bool_false };

  // Implicit, as kainjow's: set("name", "text"), View{View::type::list}.
  // (Defined below, where Field is complete.)
  View();                    // an empty object
  View(type t);              // NOLINT(google-explicit-constructor)
  View(std::string s);       // NOLINT(google-explicit-constructor)
  View(const char* s);       // NOLINT(google-explicit-constructor)
  View(std::string_view s);  // NOLINT(google-explicit-constructor)
  /// An object with one field, as kainjow's data(name, value).
  View(std::string name, View value);
  /// A string value that refers to `s` instead of copying it. `s` must stay
  /// alive and unchanged while this view, or a view it is copied or moved
  /// into, can be rendered: meant for a page's own fields (its body, title,
  /// summary), which outlive the render of any view built from them. Copying
  /// a page's body into its view, and every list item's title and summary
  /// into each list that shows it, was about 2 % of a build's time samples
  /// (perf), though only 0.2 % of its instructions: memory traffic.
  static View Borrow(const std::string& s);
  static View Borrow(const std::string&& s) = delete;  // a temporary would dangle

  /// Sets field `name` of an object (nothing for other types).
  void set(std::string name, View value);
  /// Field `name` of an object, or null (also for other types).
  const View* get(std::string_view name) const;
  /// Appends to a list (nothing for other types).
  void push_back(View item);

  bool is_object() const { return type_ == type::object; }
  bool is_string() const { return type_ == type::string; }
  bool is_list() const { return type_ == type::list; }
  bool is_true() const { return type_ == type::bool_true; }
  bool is_false() const { return type_ == type::bool_false; }
  bool is_bool() const { return is_true() || is_false(); }
  bool is_empty_list() const { return is_list() && items_.empty(); }
  bool is_non_empty_list() const { return is_list() && !items_.empty(); }
  bool is_empty_object() const { return is_object() && fields_.empty(); }

  const std::string& string_value() const { return borrowed_ ? *borrowed_ : str_; }
  const std::vector<View>& list_value() const { return items_; }
  /// An object's fields in the order they were set (a name set twice
  /// appears twice; the later one is the field's value).
  struct Field;
  const std::vector<Field>& fields() const { return fields_; }

 private:
  type type_ = type::object;
  std::string str_;
  const std::string* borrowed_ = nullptr;  ///< the value instead of str_ (Borrow)
  std::vector<View> items_;
  std::vector<Field> fields_;
};

struct View::Field {
  // Built in place by set(): a page's views take about 550 set() calls, and
  // a Field made first and then moved into the vector cost a second move of
  // its name and value and the destruction of the moved-from pair.
  Field(std::string&& n, View&& v) : name(std::move(n)), value(std::move(v)) {}
  std::string name;
  View value;
};

inline View::View() = default;
inline View::View(type t) : type_(t) {}
inline View::View(std::string s) : type_(type::string), str_(std::move(s)) {}
inline View::View(const char* s) : View(std::string(s)) {}
inline View::View(std::string_view s) : View(std::string(s)) {}
inline View::View(std::string name, View value) { set(std::move(name), std::move(value)); }
inline View View::Borrow(const std::string& s) {
  View v(type::string);
  v.borrowed_ = &s;
  return v;
}

inline void View::set(std::string name, View value) {
  if (!is_object()) return;
  if (fields_.empty()) fields_.reserve(8);  // most objects have 3-10 fields: fewer regrowths
  fields_.emplace_back(std::move(name), std::move(value));
}

inline const View* View::get(std::string_view name) const {
  if (!is_object()) return nullptr;
  for (auto it = fields_.rbegin(); it != fields_.rend(); ++it) {
    if (it->name == name) return &it->value;
  }
  return nullptr;
}

inline void View::push_back(View item) {
  if (is_list()) items_.push_back(std::move(item));
}

}  // namespace fazhi
