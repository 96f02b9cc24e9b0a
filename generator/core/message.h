// Messages an editor reads: Chinese first, English with `--lang en`. Each
// message is a MessageText constant holding both languages, declared in the
// `messages.h` of the folder that reports it (core/messages.h,
// indicators/messages.h, …), plus the arguments of one occurrence. The
// language is chosen when a message is printed, not when it is made, so
// every stage reports the same values whatever the reader's language.
//
// Placeholders are {0} … {9}; both texts must use the same ones, which the
// compiler checks. Any other brace is literal, so "{{< value … >}}" needs no
// escaping.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace fazhi {

enum class Lang { kZh, kEn };

/// "zh" or "en" → the language; false for anything else.
bool ParseLang(std::string_view name, Lang* lang);

namespace message_detail {
// Bit i set when {i} occurs in `s`.
consteval unsigned Placeholders(const char* s) {
  unsigned bits = 0;
  for (; *s; ++s) {
    if (s[0] == '{' && s[1] >= '0' && s[1] <= '9' && s[2] == '}') bits |= 1u << (s[1] - '0');
  }
  return bits;
}
}  // namespace message_detail

/// The two texts of one message. Only constants of static storage may be
/// made (the constructor is consteval), so a Message can point at them.
struct MessageText {
  const char* zh;
  const char* en;
  consteval MessageText(const char* zh_text, const char* en_text) : zh(zh_text), en(en_text) {
    if (message_detail::Placeholders(zh_text) != message_detail::Placeholders(en_text)) {
      throw "the Chinese and English texts of a message use different placeholders";
    }
  }
};

/// One occurrence of a message: its text and arguments. Arguments are
/// strings, numbers or other messages (rendered in the same language).
class Message {
 public:
  Message() = default;

  template <typename... Args>
  explicit Message(const MessageText& text, Args&&... args) : text_(&text) {
    args_.reserve(sizeof...(Args));
    (args_.push_back(Arg(std::forward<Args>(args))), ...);
  }

  /// Text that is the same in every language: a file name, a quoted line, an
  /// error from a library fazhi cannot translate.
  static Message Verbatim(std::string text);

  /// Names listed in the reader's language: "甲、乙、丙" or "甲, 乙, 丙".
  static Message List(std::vector<std::string> items);

  /// The message in `lang`, arguments substituted.
  std::string Render(Lang lang = Lang::kZh) const;

  bool empty() const { return text_ == nullptr && !list_ && verbatim_.empty(); }

 private:
  static Message Arg(const Message& m) { return m; }
  static Message Arg(Message&& m) { return std::move(m); }
  static Message Arg(std::string s) { return Verbatim(std::move(s)); }
  static Message Arg(std::string_view s) { return Verbatim(std::string(s)); }
  static Message Arg(const char* s) { return Verbatim(s); }
  template <typename N>
  requires std::is_arithmetic_v<N>
  static Message Arg(N n) { return Verbatim(std::to_string(n)); }

  const MessageText* text_ = nullptr;
  bool list_ = false;
  std::string verbatim_;
  std::vector<Message> args_;
};

}  // namespace fazhi
