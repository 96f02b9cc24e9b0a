#include "search/tokenize.h"

#include "core/utf8.h"

namespace fazhi {

char32_t FoldSearchChar(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
  if (cp == 0x3000) cp = ' ';
  if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
  return cp;
}

namespace {

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsWordChar(char32_t c) { return IsDigit(c) || (c >= 'a' && c <= 'z'); }

}  // namespace

std::vector<std::string> SearchTokens(std::string_view text) {
  std::vector<char32_t> cps;
  cps.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    char32_t cp;
    pos += DecodeUtf8(text, pos, &cp);
    cps.push_back(FoldSearchChar(cp));
  }
  std::vector<std::string> out;
  const size_t n = cps.size();
  size_t i = 0;
  while (i < n) {
    char32_t c = cps[i];
    if (IsCjk(c)) {
      size_t j = i;
      while (j < n && IsCjk(cps[j])) ++j;
      if (j - i == 1) {
        std::string t;
        AppendUtf8(t, c);
        out.push_back(std::move(t));
      } else {
        for (size_t k = i; k + 1 < j; ++k) {
          std::string t;
          AppendUtf8(t, cps[k]);
          AppendUtf8(t, cps[k + 1]);
          out.push_back(std::move(t));
        }
      }
      i = j;
    } else if (IsWordChar(c)) {
      std::string t;
      size_t j = i;
      while (j < n) {
        char32_t d = cps[j];
        if (IsWordChar(d)) {
          t += static_cast<char>(d);
          ++j;
        } else if (d == '.' && j > i && IsDigit(cps[j - 1]) && j + 1 < n && IsDigit(cps[j + 1])) {
          t += '.';  // a decimal point inside a number: "80.16"
          ++j;
        } else if (d == ',' && j > i && IsDigit(cps[j - 1]) && j + 3 < n && IsDigit(cps[j + 1]) &&
                   IsDigit(cps[j + 2]) && IsDigit(cps[j + 3]) && (j + 4 >= n || !IsDigit(cps[j + 4]))) {
          ++j;  // a thousands separator: "1,537" is the number 1537
        } else {
          break;
        }
      }
      out.push_back(std::move(t));
      i = j;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace fazhi
