#include "search/tokenize.h"

#include <algorithm>

namespace fazhi {

std::vector<std::string> SearchTokens(std::string_view text) {
  std::vector<std::string> out;
  ForEachIndexToken(text, SearchUnigrams::kLone, [&](const SearchToken& t) { out.emplace_back(t.text); });
  return out;
}

namespace {

// Appends the character a SearchCharId names.
void AppendChar(std::string& out, uint32_t id) {
  if (id < 0x800000) {
    AppendUtf8(out, static_cast<char32_t>(id));
    return;
  }
  out += static_cast<char>(id & 0xFF);
  out += static_cast<char>((id >> 8) & 0xFF);
  out += static_cast<char>((id >> 16) & 0xFF);
}

}  // namespace

std::string SearchTermText(uint64_t key) {
  std::string out;
  switch (key >> 62) {
    case 3:
      AppendChar(out, static_cast<uint32_t>((key >> 24) & 0xFFFFFF));
      AppendChar(out, static_cast<uint32_t>(key & 0xFFFFFF));
      break;
    case 2:
      AppendChar(out, static_cast<uint32_t>(key & 0xFFFFFF));
      break;
    case 1: {
      size_t len = (key >> 56) & 7;
      for (size_t i = 0; i < len; ++i) out += static_cast<char>((key >> (8 * (6 - i))) & 0xFF);
      break;
    }
    default:
      break;
  }
  return out;
}

std::string SearchTitleTerm(std::string_view title) {
  using search_detail::IsDigit;
  using search_detail::IsHan;
  std::string out;
  out.reserve(1 + std::min(title.size(), 4 * kSearchTitleTermChars));
  out += '=';
  size_t chars = 0;
  char32_t prev = 0;  // the character before, folded
  for (size_t i = 0; i < title.size();) {
    char32_t cp;
    const size_t len = DecodeUtf8(title, i, &cp);
    const bool han = IsHan(cp);  // (folding leaves it alone)
    if (!han) cp = FoldSearchChar(cp);
    // What the tokenizer indexes: Chinese characters, letters and digits,
    // and a decimal point between two digits ("80.16", not "80" and "16").
    bool keep = han || search_detail::IsWordChar(cp);
    if (cp == '.' && IsDigit(prev) && i + len < title.size()) {
      char32_t next;
      DecodeUtf8(title, i + len, &next);
      keep = IsDigit(FoldSearchChar(next));
    }
    prev = cp;
    if (keep) {
      if (++chars > kSearchTitleTermChars) return "";
      if (han) {
        out.append(title.data() + i, len);  // a valid sequence: its own encoding
      } else {
        out += static_cast<char>(cp);  // ASCII, as folded
      }
    }
    i += len;
  }
  return chars > 0 ? out : "";
}

}  // namespace fazhi
