// The search tokenizer, shared by the index builder and (as a line-by-line
// port in themes/default/static/js/search.js) the client at query time:
// Chinese runs become character bigrams (a lone character stays a unigram),
// ASCII words and numbers ("1537", "80.16") become lowercase words, and
// full-width forms fold to half-width first. Both ports must give identical
// tokens; search/tokenize_test.cpp runs the JS port under node to check.
//
// The index side (ForEachIndexToken) also emits a unigram for a character
// that touches a number or a Latin word ("2024年度" gives 年, "第3条规定"
// gives 第 and 条), so that a query such as 2024年, 12月 or 第3条, whose lone
// character is a unigram, finds the text that runs on after it; and it hands
// each token over as a 64-bit key, so that counting tokens builds no strings.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/bytes.h"
#include "core/utf8.h"

namespace fazhi {

/// Folds one code point for matching: full-width ASCII (U+FF01–U+FF5E) to
/// ASCII, the ideographic space to a space, A–Z to a–z. One code point in,
/// one out, so folded text keeps the positions of the original.
inline char32_t FoldSearchChar(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
  if (cp == 0x3000) cp = ' ';
  if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
  return cp;
}

/// Query tokens of `text` in order, with repeats: bigrams of each Chinese
/// run, a unigram for a run of one character, words.
std::vector<std::string> SearchTokens(std::string_view text);

/// A token as the index counts it. `key` identifies it: a Chinese bigram
/// (tag 3: two SearchCharIds), a Chinese unigram (tag 2: one), an ASCII word
/// of up to 7 bytes (tag 1: length and bytes); 0 for a longer word, which
/// `text` (its folded bytes, valid during the callback only) identifies.
struct SearchToken {
  uint64_t key;
  std::string_view text;
  /// A unigram of a character its bigrams already hold (SearchUnigrams::kEdges):
  /// an extra key for it, not another token of the text's length.
  bool edge = false;
};

/// Which Chinese characters become unigrams besides their bigrams.
enum class SearchUnigrams {
  kLone,   ///< a run of one character only (queries: SearchTokens)
  kEdges,  ///< also the first and last character of a run that touches a word (the index)
  kAll,    ///< every character (SearchIndex::Options::all_unigrams)
};

/// The text of a token key (not 0).
std::string SearchTermText(uint64_t key);

/// Code points a title may have for SearchTitleTerm to give it a term.
inline constexpr size_t kSearchTitleTermChars = 64;

/// The term of a page's whole title: '=' and the title's characters that
/// the tokenizer indexes (Chinese characters, letters and digits folded by
/// FoldSearchChar, a decimal point between two digits), without spaces,
/// punctuation and symbols; "" when that leaves nothing or more than
/// kSearchTitleTermChars. A query that is a page's title, typed with or
/// without its quotes, brackets and spaces, as the client folds it
/// (titleTerm in search.js), finds the page by this term and ranks it
/// first. No token starts with '=', so the term is no word of any text.
std::string SearchTitleTerm(std::string_view title);

/// The term every page of a kind holds: '@' and the kind's label
/// ("@年度报告"). No token starts with '@', so it is no word of any text; the
/// client asks for it when a query is only a kind's label (kindTerm in
/// search.js).
inline std::string SearchKindTerm(std::string_view label) { return "@" + std::string(label); }

/// How a key names a character: a three-byte one (U+0800-U+FFFF, most
/// Chinese) by its UTF-8 bytes, the first in the low byte (so at least
/// 0x800000, as a continuation byte is the high one); any other by its code
/// point (below 0x110000). A run of Chinese text then gives its keys
/// straight from its bytes, without decoding them.
inline uint32_t SearchCharId(char32_t cp) {
  if (cp < 0x800 || cp > 0xFFFF) return cp;
  return (0xE0u | (cp >> 12)) | ((0x80u | ((cp >> 6) & 0x3F)) << 8) | ((0x80u | (cp & 0x3F)) << 16);
}

/// Key of one folded ASCII word, 0 when longer than 7 bytes.
inline uint64_t SearchWordKey(std::string_view word) {
  if (word.size() > 7) return 0;
  uint64_t k = (uint64_t{1} << 62) | (static_cast<uint64_t>(word.size()) << 56);
  for (size_t i = 0; i < word.size(); ++i)
    k |= static_cast<uint64_t>(static_cast<unsigned char>(word[i])) << (8 * (6 - i));
  return k;
}

namespace search_detail {

// IsCjk (core/utf8.h), inlined.
inline bool IsHan(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x2FA1F);
}

inline bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool IsWordChar(char32_t c) { return IsDigit(c) || (c >= 'a' && c <= 'z'); }

}  // namespace search_detail

/// Calls `f(const SearchToken&)` for each index token of `text`: the
/// bigrams of each Chinese run, the unigrams `unigrams` asks for, each word.
/// With kLone the tokens are SearchTokens', in order. Returns how many edge
/// unigrams it gave. (The index's hot loop: written for speed on Chinese text.)
template <typename F>
size_t ForEachIndexToken(std::string_view text, SearchUnigrams unigrams, F&& f) {
  using search_detail::IsDigit;
  using search_detail::IsHan;
  using search_detail::IsWordChar;
  const size_t n = text.size();
  const char* const data = text.data();
  size_t pos = 0;
  const bool all_unigrams = unigrams == SearchUnigrams::kAll;
  const bool edges = unigrams == SearchUnigrams::kEdges;
  // The current run of Chinese characters: its length, where it starts, and
  // its last character (a SearchCharId).
  size_t run = 0;
  uint32_t prev = 0;
  size_t prev_pos = 0, prev_len = 0, first_pos = 0;
  size_t word_end = SIZE_MAX;  // just past the last word
  size_t edge_count = 0;
  auto unigram = [&](uint32_t c, size_t at, size_t len, bool edge) __attribute__((always_inline)) {
    f(SearchToken{(uint64_t{2} << 62) | c, std::string_view(data + at, len), edge});
  };
  // Adds the Chinese character `c` (a SearchCharId, at `at`, `len` bytes) to
  // the current run.
  auto extend = [&](uint32_t c, size_t at, size_t len) __attribute__((always_inline)) {
    if (run > 0) {
      if (all_unigrams) unigram(prev, prev_pos, prev_len, false);
      f(SearchToken{(uint64_t{3} << 62) | (static_cast<uint64_t>(prev) << 24) | c,
                    std::string_view(data + prev_pos, at + len - prev_pos)});
    } else {
      first_pos = at;
    }
    prev = c;
    prev_pos = at;
    prev_len = len;
    ++run;
  };
  // Ends the current run; `before_word`: a word starts right after it.
  // (Inlined, as `unigram`: a call would take the addresses of the caller's
  // counters, which `f` then keeps in memory instead of registers.)
  auto end_run = [&](bool before_word) __attribute__((always_inline)) {
    if (run == 1 || (run > 0 && all_unigrams)) {
      unigram(prev, prev_pos, prev_len, false);
    } else if (run > 1 && edges) {
      if (first_pos == word_end) {  // it began where a word ended
        char32_t c;
        const size_t len = DecodeUtf8(text, first_pos, &c);
        unigram(SearchCharId(c), first_pos, len, true);
        ++edge_count;
      }
      if (before_word) {
        unigram(prev, prev_pos, prev_len, true);
        ++edge_count;
      }
    }
    run = 0;
  };
  std::string word;
  while (pos < n) {
    char32_t cp;
    size_t len;
    // The common case first: a Chinese character (U+3400–U+9FFF: three
    // bytes led by E3–E9).
    const unsigned char c0 = static_cast<unsigned char>(data[pos]);
    if (c0 >= 0xE3 && c0 <= 0xE9 && pos + 2 < n &&
        (static_cast<unsigned char>(data[pos + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(data[pos + 2]) & 0xC0) == 0x80) {
      cp = (static_cast<char32_t>(c0 & 0x0F) << 12) | (static_cast<char32_t>(data[pos + 1] & 0x3F) << 6) |
           static_cast<char32_t>(data[pos + 2] & 0x3F);
      len = 3;
    } else {
      len = DecodeUtf8(text, pos, &cp);
    }
    if (IsHan(cp)) {  // folding leaves Chinese characters alone
      extend(SearchCharId(cp), pos, len);
      pos += len;
      // The rest of a run of Chinese characters in loops of their own: in
      // the loop above the code point lives in memory (the general decoder
      // takes its address), and a Chinese page is mostly such runs. First two
      // characters a step while both lead with E4-E9 (U+4000-U+9FFF, Han but
      // for U+4DC0-U+4DFF, led by E4 B7), their ids cut from one load; then
      // one three-byte character a step.
      while (pos + 8 <= n && bytes::TwoThreeByteChars(data + pos, 0xE4, 0xE9)) {
        const uint64_t w = bytes::Load(data + pos);
        if ((w & 0xFFFF) == 0xB7E4) break;
        extend(static_cast<uint32_t>(w & 0xFFFFFF), pos, 3);
        pos += 3;
        if (((w >> 24) & 0xFFFF) == 0xB7E4) break;
        extend(static_cast<uint32_t>((w >> 24) & 0xFFFFFF), pos, 3);
        pos += 3;
      }
      while (pos + 2 < n) {
        const unsigned c0 = static_cast<unsigned char>(data[pos]) - 0xE3u;
        const unsigned c1 = static_cast<unsigned char>(data[pos + 1]);
        const unsigned c2 = static_cast<unsigned char>(data[pos + 2]);
        if (c0 > 0xE9u - 0xE3u || (c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) break;
        const char32_t c = ((c0 + 3) << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F);
        if (c < 0x3400 || (c > 0x4DBF && c < 0x4E00)) break;  // IsHan, for U+3000-U+9FFF
        extend((c0 + 0xE3u) | (c1 << 8) | (c2 << 16), pos, 3);
        pos += 3;
      }
      continue;
    }
    cp = FoldSearchChar(cp);
    const bool starts_word = IsWordChar(cp);
    if (run > 0) end_run(starts_word);
    if (!starts_word) {
      pos += len;
      continue;
    }
    // A word or number: ASCII letters and digits (full-width ones folded),
    // a decimal point inside a number ("80.16"), thousands separators
    // dropped ("1,537" is 1537).
    word.clear();
    char32_t before = 0;
    while (pos < n) {
      len = DecodeUtf8(text, pos, &cp);
      cp = FoldSearchChar(cp);
      if (IsWordChar(cp)) {
        word += static_cast<char>(cp);
        before = cp;
        pos += len;
        continue;
      }
      if ((cp == '.' || cp == ',') && IsDigit(before)) {
        char32_t d[4] = {0, 0, 0, 0};
        size_t p = pos + len;
        int got = 0;
        for (; got < 4 && p < n; ++got) {
          char32_t c;
          p += DecodeUtf8(text, p, &c);
          d[got] = FoldSearchChar(c);
        }
        if (cp == '.' && got >= 1 && IsDigit(d[0])) {
          word += '.';
          before = '.';
          pos += len;
          continue;
        }
        if (cp == ',' && got >= 3 && IsDigit(d[0]) && IsDigit(d[1]) && IsDigit(d[2]) &&
            (got < 4 || !IsDigit(d[3]))) {
          pos += len;
          continue;
        }
      }
      break;
    }
    f(SearchToken{SearchWordKey(word), word});
    word_end = pos;
  }
  end_run(false);
  return edge_count;
}

}  // namespace fazhi
