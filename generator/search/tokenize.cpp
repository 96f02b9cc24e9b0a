#include "search/tokenize.h"

namespace fazhi {

std::vector<std::string> SearchTokens(std::string_view text) {
  std::vector<std::string> out;
  ForEachIndexToken(text, SearchUnigrams::kLone, [&](const SearchToken& t) { out.emplace_back(t.text); });
  return out;
}

std::string SearchTermText(uint64_t key) {
  std::string out;
  switch (key >> 62) {
    case 3:
      AppendUtf8(out, static_cast<char32_t>((key >> 21) & 0x1FFFFF));
      AppendUtf8(out, static_cast<char32_t>(key & 0x1FFFFF));
      break;
    case 2:
      AppendUtf8(out, static_cast<char32_t>(key & 0x1FFFFF));
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

}  // namespace fazhi
