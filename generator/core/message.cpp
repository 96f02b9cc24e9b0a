#include "core/message.h"

namespace fazhi {

bool ParseLang(std::string_view name, Lang* lang) {
  if (name == "zh" || name == "zh-CN") {
    *lang = Lang::kZh;
  } else if (name == "en") {
    *lang = Lang::kEn;
  } else {
    return false;
  }
  return true;
}

Message Message::Verbatim(std::string text) {
  Message m;
  m.verbatim_ = std::move(text);
  return m;
}

Message Message::List(std::vector<std::string> items) {
  Message m;
  m.list_ = true;
  for (std::string& item : items) m.args_.push_back(Verbatim(std::move(item)));
  return m;
}

std::string Message::Render(Lang lang) const {
  if (list_) {
    std::string out;
    for (size_t i = 0; i < args_.size(); ++i) {
      if (i > 0) out += lang == Lang::kEn ? ", " : "、";
      out += args_[i].verbatim_;
    }
    return out;
  }
  if (text_ == nullptr) return verbatim_;
  std::string_view t = lang == Lang::kEn ? text_->en : text_->zh;
  std::string out;
  out.reserve(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{' && i + 2 < t.size() && t[i + 1] >= '0' && t[i + 1] <= '9' && t[i + 2] == '}') {
      size_t n = static_cast<size_t>(t[i + 1] - '0');
      if (n < args_.size()) out += args_[n].Render(lang);
      i += 2;
    } else {
      out += t[i];
    }
  }
  return out;
}

}  // namespace fazhi
