// Issue 13, "name the character and the fix": front matter and site.toml as
// an editor types them with a Chinese IME or pastes them from Word. Each
// mistake is a whole site built once; the test asserts the exact Chinese
// message, at the line and column of the mistake itself (not where the
// parser gave up), with the source line and the caret.
#include <doctest/doctest.h>

#include <string>

#include "site_fixture.h"

namespace fazhi::testing {
namespace {

const char* const kHome = "-- content/_index.md --\n---\ntitle: 首页\n---\n";

// The report of a site whose only other page is content/a.md with `page`.
std::string ErrorsOf(std::string_view page) {
  FixtureResult r =
      BuildFixture(std::string(kMinimalSite) + kHome + "-- content/a.md --\n" + std::string(page));
  CHECK_FALSE(r.ok);
  return r.errors;
}

// The report of the minimal site with its site.toml replaced by `toml`.
std::string ErrorsOfConfig(std::string_view toml) {
  std::string site = std::string(kMinimalSite) + kHome;
  Replace(&site, "title = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = 2025-06-30\n", toml);
  FixtureResult r = BuildFixture(site);
  CHECK_FALSE(r.ok);
  return r.errors;
}

}  // namespace

TEST_CASE("front matter mistakes: an unclosed quote is reported where it opened, not at the closing ---") {
  // The case: a quote opened at 2:8 was reported at 9:1.
  CHECK(ErrorsOf("---\ntitle: \"行政复议\ndate: 2025-01-01\ntags: [甲]\n---\n正文\n") ==
        "content/a.md:2:8: 引号没有闭合：这里开始的双引号“\"”到文件头结束都没有配对的结束引号\n"
        "  title: \"行政复议\n"
        "         ^\n");
  // Mismatched: opened with " and closed with '.
  CHECK(ErrorsOf("---\ntitle: \"行政复议'\ndate: 2025-01-01\n---\n正文\n") ==
        "content/a.md:2:8: 引号没有闭合：这里开始的双引号“\"”到文件头结束都没有配对的结束引号\n"
        "  title: \"行政复议'\n"
        "         ^\n");
  // A single quote, further down.
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\nsource: '某局\nyear: 2024\n---\n正文\n") ==
        "content/a.md:4:9: 引号没有闭合：这里开始的单引号“'”到文件头结束都没有配对的结束引号\n"
        "  source: '某局\n"
        "          ^\n");
}

TEST_CASE("front matter mistakes: a full-width colon is named at its column") {
  CHECK(ErrorsOf("---\ntitle：甲\ndate: 2025-01-01\n---\n正文\n") ==
        "content/a.md:2:6: 这里用了全角冒号“：”，请改为半角冒号“:”并在其后加一个空格\n"
        "  title：甲\n"
        "       ^\n");
  // An ASCII colon without its space.
  CHECK(ErrorsOf("---\ntitle:甲\ndate: 2025-01-01\n---\n正文\n") ==
        "content/a.md:2:6: 冒号“:”后面要加一个空格，写成“title: 甲”\n"
        "  title:甲\n"
        "       ^\n");
}

TEST_CASE("front matter mistakes: fences typed as －－－, and a file without its opening ---") {
  CHECK(ErrorsOf("－－－\ntitle: 甲\ndate: 2025-01-01\n－－－\n正文\n") ==
        "content/a.md:1:1: 文件头的分隔线要写成三个半角减号“---”，这里是“－－－”\n"
        "  －－－\n"
        "  ^\n");
  CHECK(ErrorsOf("title: 甲\ndate: 2025-01-01\n---\n正文\n") ==
        "content/a.md:1:1: "
        "文件头缺少开头的“---”行：文件要以一行“---”开始，接着写 title、date 等，再以一行“---”结束\n"
        "  title: 甲\n"
        "  ^\n");
  // No front matter at all: one message, not "missing title" and "missing date".
  CHECK(ErrorsOf("正文\n") ==
        "content/a.md:1:1: 这个页面没有文件头：文件要以一行“---”开始，写明 title（标题）和 date（发布日期），"
        "再以一行“---”结束\n"
        "  正文\n"
        "  ^\n");
}

TEST_CASE("front matter mistakes: tab, ideographic space and Word's no-break space") {
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\n\tsource: 某局\n---\n正文\n") ==
        "content/a.md:4:1: 不能用Tab缩进，请用两个空格\n"
        "  \tsource: 某局\n"
        "  ^\n");
  CHECK(ErrorsOf("---\ntitle:\u3000甲\ndate: 2025-01-01\n---\n正文\n") ==
        "content/a.md:2:7: 这里有一个全角空格（U+3000），请改为半角空格或删除它\n"
        "  title:\u3000甲\n"
        "        ^\n");
  CHECK(ErrorsOf("---\n\u3000title: 甲\ndate: 2025-01-01\n---\n正文\n") ==
        "content/a.md:2:1: 行首有一个全角空格（U+3000）：键要从行首写起，缩进只能用半角空格，请删除它\n"
        "  \u3000title: 甲\n"
        "  ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate:\u00a02025-01-01\n---\n正文\n") ==
        "content/a.md:3:6: 这里有一个不换行空格（U+00A0，多由 Word "
        "或网页复制带入），请改为普通的半角空格或删除它\n"
        "  date:\u00a02025-01-01\n"
        "       ^\n");
  // Two ASCII spaces too many: aligned with the line above, said so.
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\n  source: 某局\n---\n正文\n") ==
        "content/a.md:4:3: 这一行前面多了空格：键要从行首写起，与上一行对齐\n"
        "    source: 某局\n"
        "    ^\n");
}

TEST_CASE("front matter mistakes: Word's curly quotes around a value are a warning, kept as text") {
  FixtureResult r = BuildFixture(std::string(kMinimalSite) + kHome +
                                 "-- content/a.md --\n---\ntitle: “行政复议”\ndate: 2025-01-01\n---\n正文\n");
  REQUIRE(r.ok);
  CHECK(r.errors ==
        "content/a.md:2:8: 警告：值的两端是中文引号“”，它们会原样显示在页面上；如果是想给值加引号，"
        "请改用半角双引号：title: \"行政复议\"\n"
        "  title: “行政复议”\n"
        "         ^\n");
  CHECK(Contains(r.File("a/index.html"), "PAGE “行政复议” |"));
}

TEST_CASE("front matter mistakes: a colon inside a value asks for quotes, at the colon") {
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\nsource: 来源: 某局网站\n---\n正文\n") ==
        "content/a.md:4:11: 值里有“: ”（冒号加空格），会被当成又一个键：请给这个值加引号，写成 source: "
        "\"来源: 某局网站\"\n"
        "  source: 来源: 某局网站\n"
        "              ^\n");
}

TEST_CASE("front matter mistakes: an unclosed list bracket, and a date written 2025年3月1日") {
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\ntags: [甲, 乙\n---\n正文\n") ==
        "content/a.md:4:7: 方括号“[”没有闭合：列表写成 [甲, 乙]，用半角逗号分隔，以“]”结束\n"
        "  tags: [甲, 乙\n"
        "        ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025年3月1日\n---\n正文\n") ==
        "content/a.md:3:7: “date”的日期要写成 YYYY-MM-DD：请把“2025年3月1日”改为 2025-03-01\n"
        "  date: 2025年3月1日\n"
        "        ^\n");
}

TEST_CASE("front matter mistakes: an unknown key gets the key meant, also for a Chinese key") {
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\n来源: 某局\n---\n正文\n") ==
        "content/a.md:4:1: 不认识的文件头键“来源”，是不是要写“source”？\n"
        "  来源: 某局\n"
        "  ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\nsoruce: 某局\n---\n正文\n") ==
        "content/a.md:4:1: 不认识的文件头键“soruce”，是不是要写“source”？\n"
        "  soruce: 某局\n"
        "  ^\n");
}

TEST_CASE("front matter mistakes: TOML front matter (+++) with a full-width equals sign") {
  CHECK(ErrorsOf("+++\ntitle ＝ \"甲\"\ndate = 2025-01-01\n+++\n正文\n") ==
        "content/a.md:2:7: 这里用了全角等号“＝”，请改为半角等号“=”\n"
        "  title ＝ \"甲\"\n"
        "        ^\n");
}

TEST_CASE("site.toml mistakes: colons, Chinese quotes, unquoted text, an unclosed quote, a date in Chinese") {
  CHECK(ErrorsOfConfig("title = \"测试站\"\nsponsor：\"某区司法局\"\nas_of = 2025-06-30\n") ==
        "site.toml:2:8: site.toml 用等号“=”连接键和值，这里用了冒号“：”：请改为 sponsor = …\n"
        "  sponsor：\"某区司法局\"\n"
        "         ^\n");
  CHECK(ErrorsOfConfig("title = \"测试站\"\nsponsor = “某区司法局”\nas_of = 2025-06-30\n") ==
        "site.toml:2:11: 这里用了中文引号““”，文字要放在半角双引号里：sponsor = \"某区司法局\"\n"
        "  sponsor = “某区司法局”\n"
        "            ^\n");
  CHECK(ErrorsOfConfig("title = \"测试站\"\nsponsor = 某区司法局\nas_of = 2025-06-30\n") ==
        "site.toml:2:11: 文字要放在半角双引号里：sponsor = \"某区司法局\"\n"
        "  sponsor = 某区司法局\n"
        "            ^\n");
  CHECK(ErrorsOfConfig("title = \"测试站\"\nsponsor = \"某区司法局\nas_of = 2025-06-30\n") ==
        "site.toml:2:11: 引号没有闭合：这里开始的文字到行尾都没有结束的引号\n"
        "  sponsor = \"某区司法局\n"
        "            ^\n");
  CHECK(ErrorsOfConfig("title = \"测试站\"\nsponser = \"某区司法局\"\nas_of = 2025-06-30\n") ==
        "site.toml:2:1: site.toml 里没有“sponser”这个设置，是不是要写“sponsor”？\n"
        "  sponser = \"某区司法局\"\n"
        "  ^\n");
  // toml++ stops at 年 ("expected digit"); the editor reads the date to write.
  CHECK(ErrorsOfConfig("title = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = 2025年6月30日\n") ==
        "site.toml:3:9: “as_of”的日期要写成 YYYY-MM-DD：请把“2025年6月30日”改为 2025-06-30\n"
        "  as_of = 2025年6月30日\n"
        "          ^\n");
}

}  // namespace fazhi::testing
