#include "search/tokenize.h"

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
  std::vector<char32_t> cps;
  for (size_t i = 0; i < title.size();) {
    char32_t cp;
    i += DecodeUtf8(title, i, &cp);
    cps.push_back(search_detail::IsHan(cp) ? cp : FoldSearchChar(cp));
  }
  std::string out = "=";
  size_t chars = 0;
  for (size_t i = 0; i < cps.size(); ++i) {
    const char32_t cp = cps[i];
    // What the tokenizer indexes: Chinese characters, letters and digits,
    // and a decimal point between two digits ("80.16", not "80" and "16").
    const bool point = cp == '.' && i > 0 && i + 1 < cps.size() && search_detail::IsDigit(cps[i - 1]) &&
                       search_detail::IsDigit(cps[i + 1]);
    if (!search_detail::IsHan(cp) && !search_detail::IsWordChar(cp) && !point) continue;
    if (++chars > kSearchTitleTermChars) return "";
    AppendUtf8(out, cp);
  }
  return chars > 0 ? out : "";
}

}  // namespace fazhi
