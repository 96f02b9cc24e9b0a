// The search tokenizer, shared by the index builder and (as a line-by-line
// port in themes/default/static/js/search.js) the client at query time:
// Chinese runs become character bigrams (a lone character stays a unigram),
// ASCII words and numbers ("1537", "80.16") become lowercase words, and
// full-width forms fold to half-width first. Both ports must give identical
// tokens; search/tokenize_test.cpp runs the JS port under node to check.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

/// Folds one code point for matching: full-width ASCII (U+FF01–U+FF5E) to
/// ASCII, the ideographic space to a space, A–Z to a–z. One code point in,
/// one out, so folded text keeps the positions of the original.
char32_t FoldSearchChar(char32_t cp);

/// Tokens of `text` in order, with repeats (the index counts them).
std::vector<std::string> SearchTokens(std::string_view text);

}  // namespace fazhi
