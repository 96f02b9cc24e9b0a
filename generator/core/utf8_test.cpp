#include "core/utf8.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace fazhi {
namespace {

// What FindInvalidUtf8 must answer: the first position where DecodeUtf8
// decodes nothing but a one-byte U+FFFD.
size_t FirstInvalidByDecoding(std::string_view s) {
  for (size_t pos = 0; pos < s.size();) {
    char32_t cp;
    const size_t n = DecodeUtf8(s, pos, &cp);
    if (cp == 0xFFFD && n == 1) return pos;
    pos += n;
  }
  return std::string_view::npos;
}

}  // namespace

TEST_CASE(
    "utf8: DecodeUtf8's inline path decodes as the full decoder on every sequence of up to three bytes") {
  // Each sequence at the end of the text (a sequence cut short) and followed
  // by more, at a position past the start.
  size_t checked = 0, fast = 0, wrong = 0;
  std::string first_wrong;
  auto check = [&](const std::string& seq) {
    for (const std::string& s : {"a" + seq, "a" + seq + "法"}) {
      char32_t got = 0, want = 0;
      const size_t n = DecodeUtf8(s, 1, &got), m = utf8_detail::DecodeAny(s, 1, &want);
      if ((n != m || got != want) && wrong++ == 0) first_wrong = s;
      fast += n == 3 && static_cast<unsigned char>(s[1]) >= 0xE1 && static_cast<unsigned char>(s[1]) <= 0xEC;
      ++checked;
    }
  };
  for (int a = 0; a < 256; ++a) {
    check(std::string(1, static_cast<char>(a)));
    for (int b = 0; b < 256; ++b) {
      check({static_cast<char>(a), static_cast<char>(b)});
      if (a < 0xE0 || a > 0xF4) continue;
      for (int c = 0; c < 256; ++c) check({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
    }
  }
  CHECK_MESSAGE(wrong == 0, "first disagreement on " << first_wrong.size() << " bytes");
  CHECK(checked > 2000000);
  CHECK(fast == 12 * 64 * 64 * 2);  // every sequence the inline path decodes, twice
  char32_t cp;
  CHECK(DecodeUtf8("法", 0, &cp) == 3);
  CHECK(cp == U'法');
  CHECK(DecodeUtf8("\xE6\xB3", 0, &cp) == 1);  // cut short
  CHECK(cp == 0xFFFD);
}

TEST_CASE("utf8: FindInvalidUtf8 agrees with DecodeUtf8 on every sequence of up to three bytes") {
  // Each sequence alone, after ASCII (the eight-byte fast path ends just
  // before it), after one and two Chinese characters and before three (the
  // two-characters-at-a-time path ends at it, or takes it in), and followed
  // by more text, so that a sequence cut short at the end and one followed
  // by a wrong byte are both seen.
  const std::string before = "fazhi 12";  // eight ASCII bytes
  size_t checked = 0, invalid = 0, wrong = 0;
  std::string first_wrong;
  auto check = [&](const std::string& seq) {
    for (const std::string& s : {seq, before + seq, seq + "法治", before + seq + "a", "法" + seq + "治法治",
                                 "法治" + seq + "法治法"}) {
      const size_t want = FirstInvalidByDecoding(s);
      if (FindInvalidUtf8(s) != want && wrong++ == 0) first_wrong = s;
      invalid += want != std::string_view::npos;
      ++checked;
    }
  };
  for (int a = 0; a < 256; ++a) {
    check(std::string(1, static_cast<char>(a)));
    for (int b = 0; b < 256; ++b) {
      check({static_cast<char>(a), static_cast<char>(b)});
      if (a < 0xE0 || a > 0xF4) continue;  // only lead bytes of longer forms need a third
      for (int c = 0; c < 256; c += (c < 0x70 || c > 0xC8) ? 0x1F : 1) {
        check({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
      }
    }
  }
  CHECK_MESSAGE(wrong == 0, "first disagreement on " << first_wrong.size() << " bytes");
  CHECK(checked > 1000000);
  CHECK(invalid > checked / 2);
}

TEST_CASE("utf8: FindInvalidUtf8 on four-byte forms, their limits and what lies past them") {
  uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1103515245u + 12345u; };
  for (int lead = 0xF0; lead <= 0xF7; ++lead) {
    for (int k = 0; k < 20000; ++k) {
      std::string s = "行政复议";
      s += static_cast<char>(lead);
      for (int j = 0; j < 3; ++j) s += static_cast<char>(0x70 + (next() >> 16) % 0x60);
      if (k % 3 == 0) s += "x";
      CHECK(FindInvalidUtf8(s) == FirstInvalidByDecoding(s));
    }
  }
  // A long run of Chinese with one byte changed, at every position.
  const std::string text = "法治政府建设年度报告：行政复议案件办理情况，ｑ１２３，涉企行政执法监督。";
  for (size_t at = 0; at < text.size(); ++at) {
    for (unsigned char b : {0x41, 0x80, 0xBF, 0xC0, 0xE0, 0xED, 0xF4, 0xFF}) {
      std::string s = text;
      s[at] = static_cast<char>(b);
      CHECK(FindInvalidUtf8(s) == FirstInvalidByDecoding(s));
      CHECK(FindInvalidUtf8(s.substr(0, at + 1)) == FirstInvalidByDecoding(s.substr(0, at + 1)));
    }
  }
  // The limits themselves, and the positions reported.
  CHECK(FindInvalidUtf8("\xF0\x90\x80\x80") == std::string_view::npos);  // U+10000
  CHECK(FindInvalidUtf8("\xF4\x8F\xBF\xBF") == std::string_view::npos);  // U+10FFFF
  CHECK(FindInvalidUtf8("ab\xF4\x90\x80\x80") == 2);                     // beyond U+10FFFF
  CHECK(FindInvalidUtf8("abcdefghij\xED\xA0\x80") == 10);                // a surrogate
  CHECK(FindInvalidUtf8("\xEF\xBF\xBD") == std::string_view::npos);      // a literal U+FFFD
  CHECK(FindInvalidUtf8("abcdefgh\xE6\xB3\x95\xE6\xB2") == 11);          // 法 then a cut 治
  CHECK(FindInvalidUtf8(std::string(64, 'a') + "\xC0\xAF") == 64);       // an overlong '/'
}

}  // namespace fazhi
