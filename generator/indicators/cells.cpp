#include "indicators/cells.h"

#include "core/utf8.h"

namespace fazhi {
namespace {

bool IsBlank(char32_t cp) { return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0; }

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

std::string HalfWidthCell(std::string_view cell) {
  std::string out;
  size_t blanks_from = 0;  // where trailing blanks start in `out`
  for (size_t pos = 0; pos < cell.size();) {
    char32_t cp = 0;
    size_t next = pos + DecodeUtf8(cell, pos, &cp);
    std::string_view bytes = cell.substr(pos, next - pos);
    pos = next;
    if (IsBlank(cp)) {
      if (!out.empty()) out.append(bytes);  // leading blanks are dropped
      continue;
    }
    if (cp >= 0xFF10 && cp <= 0xFF19) {
      out += static_cast<char>('0' + (cp - 0xFF10));
    } else if (cp == 0xFF05) {
      out += '%';
    } else if (cp == 0xFF0B) {
      out += '+';
    } else if (cp == 0xFF0D || cp == 0x2212) {
      out += '-';
    } else if (cp == 0xFF0C) {
      out += ',';
    } else if (cp == 0xFF0E) {
      out += '.';
    } else {
      out.append(bytes);
    }
    blanks_from = out.size();
  }
  out.resize(blanks_from);
  return out;
}

int ParseYearCell(std::string_view cell) {
  std::string y = HalfWidthCell(cell);
  for (std::string_view suffix : {"年度", "年"}) {
    if (std::string_view(y).ends_with(suffix)) {
      y.resize(y.size() - suffix.size());
      break;
    }
  }
  if (y.size() != 4 || !AllDigits(y)) return 0;
  return std::stoi(y);
}

bool LooksLikeSplitThousands(std::string_view value, std::string_view next, std::string* joined) {
  std::string v = HalfWidthCell(value), n = HalfWidthCell(next);
  std::string_view digits = v;
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
  if (digits.size() < 1 || digits.size() > 3 || !AllDigits(digits)) return false;
  std::string_view rest = n;
  size_t dot = rest.find('.');
  std::string_view whole = rest.substr(0, dot);
  if (whole.size() != 3 || !AllDigits(whole)) return false;
  if (dot != std::string_view::npos && !AllDigits(rest.substr(dot + 1))) return false;
  *joined = v + n;
  return true;
}

}  // namespace fazhi
