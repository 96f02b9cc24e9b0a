#include "search/tokenize.h"

#include "search/index.h"

#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "site_fixture.h"

namespace fazhi {
namespace {

using V = std::vector<std::string>;

// Strings both ports must tokenize identically: CJK runs of each length,
// numbers with decimals and separators, full-width forms, mixed scripts,
// punctuation, a character outside the BMP and an invalid byte sequence.
const std::vector<std::string> kShared = {
    "",
    "行政复议",
    "复议",
    "法",
    "述法",
    "调解 1537",
    "矛盾纠纷化解1537宗，成功率99.87%",
    "办结率80.16%。",
    "行政复议368件，同比增长120%",
    "１５３７宗",
    "ＡＢＣ　法治",
    "ICP备案号：粤ICP备12345678号",
    "1,537 and 1,5370 and 12,34",
    "v2.0 3.X 1+3+5+N",
    "(一)把握正确政治方向,法治政府建设更加扎实有力。",
    "《中华人民共和国行政复议法》2024-01-01施行",
    "𠀀𠀁 丽 〇",
    "a.b 1. .5 80.16.3",
    "English Words, MiXeD case!",
    "\xe6\xb3\x95\xff\xe6\xb2\xbb",
    // Where a run of three-byte Chinese characters ends: at U+3000 punctuation
    // (、), at U+4DC0 (a hexagram, not Han) after U+4DBF (Han), at a character
    // outside the BMP, at a sequence cut short at the end.
    "法治、政府㐀䶿䷀治理𠀀法治\xe6\xb3",
    // Titles: spaces of every kind, and a title just within and just beyond
    // the length that has a term.
    " 关于\xc2\xa0本站\t\r\n ",
    "　",
    "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二"
    "三四",
    "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二"
    "三四五",
    // Titles with punctuation, which their terms leave out but for a
    // decimal point between digits.
    "审查“三资”合同",
    "关于《行政复议法》的解读（2024年版）",
    "办结率80.16%、纠错率12.5.",
    "……——·《》",
};

TEST_CASE("search_tokenize: a title's term is the characters it indexes, folded, when short enough") {
  CHECK(SearchTitleTerm("行政复议直接纠错") == "=行政复议直接纠错");
  CHECK(SearchTitleTerm(" 关于\xc2\xa0本站\t\r\n ") == "=关于本站");
  CHECK(SearchTitleTerm("ＡＢＣ　报告") == "=abc报告");
  // Punctuation and symbols are left out, so that a title is found typed
  // without its quotes and brackets; a decimal point between digits stays.
  CHECK(SearchTitleTerm("审查“三资”合同") == "=审查三资合同");
  CHECK(SearchTitleTerm("关于《行政复议法》的解读（2024年版）") == "=关于行政复议法的解读2024年版");
  CHECK(SearchTitleTerm("办结率80.16%、纠错率12.5.") == "=办结率80.16纠错率12.5");
  CHECK(SearchTitleTerm("1,537件") == "=1537件");
  CHECK(SearchTitleTerm("……——·《》") == "");
  CHECK(SearchTitleTerm("") == "");
  CHECK(SearchTitleTerm(" 　\t") == "");
  std::string longest(kSearchTitleTermChars, 'a');
  CHECK(SearchTitleTerm(longest) == "=" + longest);
  CHECK(SearchTitleTerm(longest + "a") == "");
  CHECK(SearchTitleTerm(longest + " ") == "=" + longest);
}

TEST_CASE("search_tokenize: CJK runs become bigrams, a lone character a unigram") {
  CHECK(SearchTokens("行政复议") == V{"行政", "政复", "复议"});
  CHECK(SearchTokens("复议") == V{"复议"});
  CHECK(SearchTokens("法") == V{"法"});
  CHECK(SearchTokens("368件，同比") == V{"368", "件", "同比"});
}

TEST_CASE("search_tokenize: numbers and words") {
  CHECK(SearchTokens("矛盾纠纷化解1537宗，成功率99.87%") ==
        V{"矛盾", "盾纠", "纠纷", "纷化", "化解", "1537", "宗", "成功", "功率", "99.87"});
  CHECK(SearchTokens("1,537 件") == V{"1537", "件"});
  CHECK(SearchTokens("12,34 1,5370") == V{"12", "34", "1", "5370"});
  CHECK(SearchTokens("80.16.3 a.b 1.") == V{"80.16.3", "a", "b", "1"});
  CHECK(SearchTokens("MiXeD Case") == V{"mixed", "case"});
}

// The tokens the index counts for `text`, an edge unigram marked with "*".
V IndexTokens(std::string_view text, SearchUnigrams unigrams) {
  V out;
  ForEachIndexToken(text, unigrams,
                    [&](const SearchToken& t) { out.push_back(std::string(t.text) + (t.edge ? "*" : "")); });
  return out;
}

TEST_CASE("search_tokenize: the index also keeps a character that touches a number or a Latin word") {
  const SearchUnigrams edges = SearchUnigrams::kEdges;
  // A query for 2024年 or 第3条 has a lone character, which is a unigram.
  CHECK(SearchTokens("2024年") == V{"2024", "年"});
  CHECK(SearchTokens("第3条") == V{"第", "3", "条"});
  // The text runs on after it: the index keeps the unigram besides the bigrams.
  CHECK(IndexTokens("2024年度报告", edges) == V{"2024", "年度", "度报", "报告", "年*"});
  CHECK(IndexTokens("依据第3条规定", edges) == V{"依据", "据第", "第*", "3", "条规", "规定", "条*"});
  CHECK(IndexTokens("截至12月底", edges) == V{"截至", "至*", "12", "月底", "月*"});
  CHECK(IndexTokens("5G基站", edges) == V{"5g", "基站", "基*"});
  CHECK(IndexTokens("２０２４年度", edges) == V{"2024", "年度", "年*"});  // folded digits are a number
  // A lone character is its own unigram, once; punctuation or a space is no touch.
  CHECK(IndexTokens("2024年", edges) == V{"2024", "年"});
  CHECK(IndexTokens("368件，同比", edges) == V{"368", "件", "同比"});
  CHECK(IndexTokens("，年度。", edges) == V{"年度"});
  CHECK(IndexTokens("2024 年度", edges) == V{"2024", "年度"});
  // Queries keep SearchTokens' tokens; every unigram (kAll) as before.
  CHECK(IndexTokens("2024年度报告", SearchUnigrams::kLone) == SearchTokens("2024年度报告"));
  CHECK(SearchTokens("2024年度报告") == V{"2024", "年度", "度报", "报告"});
  CHECK(IndexTokens("2024年度", SearchUnigrams::kAll) == V{"2024", "年", "年度", "度"});
  CHECK(IndexTokens("法治政府、㐀䶿䷀", SearchUnigrams::kAll) ==
        V{"法", "法治", "治", "治政", "政", "政府", "府", "㐀", "㐀䶿", "䶿"});
  CHECK(IndexTokens("行政复议𠀀法治\xe6\xb3", edges) == V{"行政", "政复", "复议", "议𠀀", "𠀀法", "法治"});
}

TEST_CASE("search_tokenize: a key names a three-byte character by its bytes, any other by its code point") {
  CHECK(SearchCharId(U'法') == 0x95B3E6u);  // E6 B3 95
  CHECK(SearchCharId(U'㐀') == 0x8090E3u);  // E3 90 80
  CHECK(SearchCharId(U'𠀀') == 0x20000u);
  CHECK(SearchCharId(U'é') == 0xE9u);
  std::string text;
  ForEachIndexToken("法治𠀀", SearchUnigrams::kEdges,
                    [&](const SearchToken& t) { text += SearchTermText(t.key) + "|"; });
  CHECK(text == "法治|治𠀀|");
}

// Runs of Chinese text are read two characters a step where it can be
// done: every string of up to seven characters from an alphabet that stops
// a run (、 U+3001, ䷀ U+4DC0) or continues it in the other loops (㐀 U+3400,
// led by E3; 𠀀, four bytes) gives the tokens a character at a time gives:
// a bigram for each pair of neighbouring Han characters, a lone one alone,
// and for each text one key, which names it.
TEST_CASE("search_tokenize: runs read two characters a step end where a character at a time ends them") {
  const std::vector<std::pair<std::string, bool>> alphabet = {
      {"法", true}, {"中", true}, {"䷀", false}, {"㐀", true}, {"、", false}, {"𠀀", true}, {"䶿", true}};
  std::vector<size_t> digits;
  size_t cases = 0, wrong = 0;
  std::string first_wrong;
  std::map<std::string, uint64_t> key_of;
  for (size_t len = 0; len <= 7; ++len) {
    digits.assign(len, 0);
    for (;;) {
      std::string text;
      V expected;
      size_t run = 0;
      auto end_run = [&](const std::string& last) {
        if (run == 1) expected.push_back(last);
        run = 0;
      };
      std::string last;
      for (size_t d : digits) {
        const auto& [ch, han] = alphabet[d];
        text += ch;
        if (!han) {
          end_run(last);
          continue;
        }
        if (run > 0) expected.push_back(last + ch);
        last = ch;
        ++run;
      }
      end_run(last);
      V got;
      bool keys_match = true;  // each key names the characters of its text
      ForEachIndexToken(text, SearchUnigrams::kEdges, [&](const SearchToken& t) {
        got.push_back(std::string(t.text));
        keys_match = keys_match && SearchTermText(t.key) == t.text;
        // One key per text, whichever loop read it: else a term would be
        // counted under two ids.
        keys_match = keys_match && key_of.emplace(got.back(), t.key).first->second == t.key;
      });
      if (got != expected || !keys_match) {
        ++wrong;
        if (first_wrong.empty()) first_wrong = text;
      }
      ++cases;
      size_t k = 0;
      while (k < len && ++digits[k] == alphabet.size()) digits[k++] = 0;
      if (k == len) break;
    }
  }
  CHECK(cases == 960800);      // 7^0 + 7^1 + ... + 7^7
  CHECK(key_of.size() == 30);  // 5 Han characters: 25 bigrams and 5 unigrams
  INFO("first wrong: " << first_wrong);
  CHECK(wrong == 0);
}

TEST_CASE("search_tokenize: full-width forms fold to half-width") {
  CHECK(SearchTokens("１５３７宗") == V{"1537", "宗"});
  CHECK(SearchTokens("ＩＣＰ　备案") == V{"icp", "备案"});
  CHECK(FoldSearchChar(U'Ａ') == U'a');
  CHECK(FoldSearchChar(U'，') == U',');
  CHECK(FoldSearchChar(U'法') == U'法');
}

TEST_CASE("search_tokenize: the JS port in search.js gives identical tokens, title terms and term hashes") {
  namespace fs = std::filesystem;
  if (std::system("node --version >/dev/null 2>&1") != 0) {
    MESSAGE("node is not installed: skipping the C++/JS tokenizer comparison");
    return;
  }
  fs::path js = fs::path(FAZHI_SOURCE_DIR) / "themes/default/static/js/search.js";
  REQUIRE(fs::exists(js));
  fs::path in = fs::temp_directory_path() / ("fazhi_tokens_" + std::to_string(::getpid()) + ".json");
  {
    // Invalid bytes cannot travel through JSON; JS sees U+FFFD where C++ decodes one.
    nlohmann::json cases = nlohmann::json::array();
    for (const auto& s : kShared) {
      cases.push_back(nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    std::ofstream(in) << cases.dump();
  }
  std::string cmd =
      "node -e \"const t=require(process.argv[1]);const fs=require('fs');"
      "const c=JSON.parse(fs.readFileSync(process.argv[2],'utf8')).map(JSON.parse);"
      "process.stdout.write(JSON.stringify(c.map(s=>[t.tokenize(s).map(x=>[x,t.termHash(x)]),"
      "t.titleTerm(s)])))\" '" +
      js.string() + "' '" + in.string() + "'";
  int rc = -1;
  std::string out = testing::CommandOutput(cmd, &rc);
  fs::remove(in);
  REQUIRE(rc == 0);
  auto js_tokens = nlohmann::json::parse(out);
  REQUIRE(js_tokens.size() == kShared.size());
  for (size_t i = 0; i < kShared.size(); ++i) {
    INFO("case " << i << ": " << kShared[i]);
    V tokens;
    for (const auto& pair : js_tokens[i][0]) {
      std::string token = pair[0];
      tokens.push_back(token);
      // The bucket a term falls in: the same hash on both sides.
      CHECK(pair[1].get<uint32_t>() == SearchTermHash(token));
    }
    CHECK(tokens == SearchTokens(kShared[i]));
    // The term of the string as a page's title (titles are text the build
    // wrote: valid UTF-8, which alone travels as it is).
    if (FindInvalidUtf8(kShared[i]) == std::string::npos) {
      CHECK(js_tokens[i][1].get<std::string>() == SearchTitleTerm(kShared[i]));
    }
  }
}

}  // namespace
}  // namespace fazhi
