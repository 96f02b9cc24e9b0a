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

TEST_CASE(
    "front matter mistakes: a key without its colon is named, with the colon's place and the line to write") {
  CHECK(ErrorsOf("---\ntitle 甲\ndate: 2025-01-01\n---\n正文\n") ==
        "content/a.md:2:6: “title”后面缺少冒号：写成“title: 甲”，冒号用半角“:”，后面加一个空格\n"
        "  title 甲\n"
        "       ^\n");
  CHECK(ErrorsOf("---\ntitle\n---\n正文\n") ==
        "content/a.md:2:6: “title”后面缺少冒号：写成“title: …”，冒号用半角“:”，后面加一个空格\n"
        "  title\n"
        "       ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\nsource: x\ndate 2025-01-01\n---\n正文\n") ==
        "content/a.md:5:5: “date”后面缺少冒号：写成“date: 2025-01-01”，冒号用半角“:”，后面加一个空格\n"
        "  date 2025-01-01\n"
        "      ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\n甲乙丙\n---\n正文\n") ==
        "content/a.md:4:1: 这一行缺少冒号：文件头的每一行写成“键: 值”，冒号用半角“:”，后面加一个空格\n"
        "  甲乙丙\n"
        "  ^\n");
}

TEST_CASE(
    "front matter mistakes: quotes, braces, backslashes, * and list items where YAML does not take them") {
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\nsource: \"甲\" 乙\n---\n正文\n") ==
        "content/a.md:4:13: 引号后面还有文字：整个值都要放在引号里面\n"
        "  source: \"甲\" 乙\n"
        "               ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\nsource: {甲\n---\n正文\n") ==
        "content/a.md:4:9: 花括号“{”没有闭合：请以“}”结束，或者把整个值放在引号里\n"
        "  source: {甲\n"
        "          ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\nsource: \"甲\\d\"\n---\n正文\n") ==
        "content/a.md:4:11: 双引号里的反斜杠“\\”要写成“\\\\”，或者改用单引号\n"
        "  source: \"甲\\d\"\n"
        "             ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\nsource: *甲\n---\n正文\n") ==
        "content/a.md:4:9: 值不能以“*”开头：请给这个值加半角引号，写成 source: \"*甲\"\n"
        "  source: *甲\n"
        "          ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\ntags: [*甲]\n---\n正文\n") ==
        "content/a.md:4:8: 值不能以“*”开头（YAML 会当成引用）：请给这个值加半角引号\n"
        "  tags: [*甲]\n"
        "         ^\n");
  CHECK(
      ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\nsource: 某局\n- 甲\n---\n正文\n") ==
      "content/a.md:5:1: 这里不能写列表项“- ”：列表项要写在一个只有键的行之下，例如“tags:”下一行写“  - 甲”\n"
      "  - 甲\n"
      "  ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\ntags:\n  - 甲\n  乙: 1\n---\n正文\n") ==
        "content/a.md:6:3: 这一行和上面的列表项没有对齐：同一项里的键要与“- ”后面的第一个键对齐\n"
        "    乙: 1\n"
        "    ^\n");
}

TEST_CASE("front matter mistakes: what libyaml says that fazhi cannot name is shown framed in Chinese") {
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\ntags: [!a!b 甲]\n---\n正文\n") ==
        "content/a.md:4:8: 文件头的格式有误（YAML 解析器报告：found undefined tag handle (while parsing a "
        "node)）\n"
        "  tags: [!a!b 甲]\n"
        "         ^\n");
}

TEST_CASE("front matter mistakes: invisible characters from Word and web pages are named with their code") {
  CHECK(
      ErrorsOf("---\n\u00a0title: 甲\ndate: 2025-01-01\n---\n正文\n") ==
      "content/a.md:2:1: 行首有一个不换行空格（U+00A0，多由 Word 或网页复制带入）：键要从行首写起，请删除它\n"
      "  \u00a0title: 甲\n"
      "  ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\nsource: 某局\u200b\n---\n正文\n") ==
        "content/a.md:4:11: 这里有一个看不见的零宽字符（U+200B），请删除它\n"
        "  source: 某局\u200b\n"
        "              ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\nsource: 某局\x01"
                 "\n---\n正文\n") ==
        "content/a.md:4:11: 这里有一个看不见的控制字符（U+0001），请删除它\n"
        "  source: 某局\\x01\n"
        "              ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\nsource: 某局\x0b"
                 "乙\n---\n正文\n") ==
        "content/a.md:4:11: 这里有一个 Word 的手动换行符（U+000B），请删除它，需要换行就真正换一行\n"
        "  source: 某局\\x0b乙\n"
        "              ^\n");
}

TEST_CASE(
    "front matter mistakes: Chinese quotes around a value with a colon, full-width brackets, dashes and "
    "commas") {
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\nsource: “来源: 某局”\n---\n正文\n") ==
        "content/a.md:4:9: 这个值用了中文引号“”，文件头只认半角引号：请改为 source: \"来源: 某局\"\n"
        "  source: “来源: 某局”\n"
        "          ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\ntags: ［甲, 乙］\n---\n正文\n") ==
        "content/a.md:4:7: 这里用了全角括号“［”，请改为半角方括号“[”\n"
        "  tags: ［甲, 乙］\n"
        "        ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\ntags:\n  － 甲\n---\n正文\n") ==
        "content/a.md:5:3: 列表项用了“－”，请改为半角减号“-”，后面加一个空格\n"
        "    － 甲\n"
        "    ^\n");
  CHECK(ErrorsOf("+++\ntitle = \"甲\"\ndate = 2025-01-01\ntags = [\"甲\"，\"乙\"]\n+++\n正文\n") ==
        "content/a.md:4:12: 这里用了全角逗号“，”，列表里请用半角逗号“,”\n"
        "  tags = [\"甲\"，\"乙\"]\n"
        "              ^\n");
  CHECK(ErrorsOf("+++\ntitle = \"甲\"\ndate = 2025-01-01\n＋＋＋\n正文\n") ==
        "content/a.md:4:1: TOML 文件头的分隔线要写成三个半角加号“+++”，这里是“＋＋＋”\n"
        "  ＋＋＋\n"
        "  ^\n");
}

TEST_CASE("front matter mistakes: a second document, a list as a key, and values of the wrong shape") {
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\n--- 乙\n---\n正文\n") ==
        "content/a.md:4:1: 文件头里又出现了一行“---”或“...”：文件头只能有一段\n"
        "  --- 乙\n"
        "  ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\n[甲]: 1\n---\n正文\n") ==
        "content/a.md:4:1: 文件头的键只能是普通文字\n"
        "  [甲]: 1\n"
        "  ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\nsource: [甲]\n---\n正文\n") ==
        "content/a.md:4:9: “source”只能写一个值，这里写成了列表\n"
        "  source: [甲]\n"
        "          ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\nsource: {a: 1}\n---\n正文\n") ==
        "content/a.md:4:9: “source”只能写一个值，这里写成了一组“键: 值”\n"
        "  source: {a: 1}\n"
        "          ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 昨天\n---\n正文\n") ==
        "content/a.md:3:7: “date”必须是日期，写成 YYYY-MM-DD（例如 2025-03-31），这里是“昨天”\n"
        "  date: 昨天\n"
        "        ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate:\n---\n正文\n") ==
        "content/a.md:3:6: “date”（发布日期）不能为空：写成 YYYY-MM-DD，例如 2025-03-31\n"
        "  date:\n"
        "       ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\ntags: {a: 1}\n---\n正文\n") ==
        "content/a.md:4:7: “tags”必须是列表，例如 [甲, 乙]\n"
        "  tags: {a: 1}\n"
        "        ^\n");
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\ntags: [[甲]]\n---\n正文\n") ==
        "content/a.md:4:8: “tags”列表里的每一项都只能是单个值\n"
        "  tags: [[甲]]\n"
        "         ^\n");
  CHECK(ErrorsOf("---\ntitle: ''\ndate: 2025-01-01\n---\n正文\n") ==
        "content/a.md:2:8: “title”（标题）不能为空\n"
        "  title: ''\n"
        "         ^\n");
}

TEST_CASE(
    "site.toml mistakes: dates, numbers, text after a value, brackets, equals signs, keys and escapes") {
  CHECK(ErrorsOfConfig("title = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = 2025-13-45\n") ==
        "site.toml:3:9: 日期不对：要写成 YYYY-MM-DD 的真实日期，例如 2025-03-31\n"
        "  as_of = 2025-13-45\n"
        "          ^\n");
  CHECK(ErrorsOfConfig(
            "title = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = 2025-06-30\nsearch_max = 1,000\n") ==
        "site.toml:4:15: 数字里不能有千位分隔符“,”：请删去逗号\n"
        "  search_max = 1,000\n"
        "                ^\n");
  CHECK(ErrorsOfConfig(
            "title = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = 2025-06-30\nbase_url = \"/x\" 甲\n") ==
        "site.toml:4:17: 值后面还有多余的文字：文字要整个放在双引号里，注释要以“#”开头\n"
        "  base_url = \"/x\" 甲\n"
        "                  ^\n");
  CHECK(ErrorsOfConfig("title = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = 2025-06-30\n[menu\n") ==
        "site.toml:4:1: 方括号“[”没有配对的“]”\n"
        "  [menu\n"
        "  ^\n");
  CHECK(ErrorsOfConfig("title = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = 2025-06-30\nfoo\n") ==
        "site.toml:4:4: 这一行缺少等号：site.toml 的每一行写成 键 = 值\n"
        "  foo\n"
        "     ^\n");
  CHECK(ErrorsOfConfig(
            "title = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = 2025-06-30\nsite code = \"x\"\n") ==
        "site.toml:4:6: 键名里不能有空格：键写成一个词，例如 site_code\n"
        "  site code = \"x\"\n"
        "       ^\n");
  CHECK(ErrorsOfConfig(
            "title = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = 2025-06-30\nbase_url = \"a\\q\"\n") ==
        "site.toml:4:15: 双引号里的反斜杠“\\”要写成“\\\\”，或者改用单引号\n"
        "  base_url = \"a\\q\"\n"
        "                ^\n");
  CHECK(ErrorsOfConfig("title = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = 2025-06-30\n= 1\n") ==
        "site.toml:4:1: 这一行的格式不对：site.toml 的每一行写成 键 = 值，或者 [表名]\n"
        "  = 1\n"
        "  ^\n");
}

TEST_CASE("site.toml mistakes: values and tables of the wrong shape") {
  CHECK(ErrorsOfConfig("title = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = 2025-06-30\nbase_url = 1\n") ==
        "site.toml:4:12: “base_url”的值是文字，要放在半角双引号里\n"
        "  base_url = 1\n"
        "             ^\n");
  CHECK(
      ErrorsOfConfig("title = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = 2025-06-30\nfooter = \"x\"\n") ==
      "site.toml:4:10: “footer”必须是一个表，写成 [footer]\n"
      "  footer = \"x\"\n"
      "           ^\n");
  CHECK(ErrorsOfConfig("title = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = 2025-06-30\nmenu = [1]\n") ==
        "site.toml:4:9: 每个菜单项都要写成一个 [[menu]] 表，包含 name 和 url\n"
        "  menu = [1]\n"
        "          ^\n");
  CHECK(ErrorsOfConfig(
            "title = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = 2025-06-30\n[[menu]]\nname = \"甲\"\n") ==
        "site.toml:4:1: 菜单项要同时写 name（名称）和 url（链接）\n"
        "  [[menu]]\n"
        "  ^\n");
  CHECK(ErrorsOfConfig("title = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = "
                       "2025-06-30\n[indicators]\ncategories = \"x\"\n") ==
        "site.toml:5:14: “categories”要写成一组 [[indicators.categories]] 表\n"
        "  categories = \"x\"\n"
        "               ^\n");
  CHECK(ErrorsOfConfig("title = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = "
                       "2025-06-30\n[indicators]\ncategories = [1]\n") ==
        "site.toml:5:15: 每个指标类别都要写成一个表，包含 slug 和 name\n"
        "  categories = [1]\n"
        "                ^\n");
  CHECK(ErrorsOfConfig("title = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = "
                       "2025-06-30\n[[indicators.categories]]\nslug = \"x\"\n") ==
        "site.toml:4:1: 指标类别要同时写 slug（网址名）和 name（名称）\n"
        "  [[indicators.categories]]\n"
        "  ^\n");
  CHECK(ErrorsOfConfig("title = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = "
                       "2025-06-30\n[profiles]\nrectification_category = \"oversigt\"\n") ==
        "site.toml:5:26: 没有“oversigt”这个指标类别，是不是要写“oversight”？\n"
        "  rectification_category = \"oversigt\"\n"
        "                           ^\n");
  CHECK(ErrorsOfConfig(
            "title = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = 2025-06-30\n[privacy]\nallow = \"x\"\n") ==
        "site.toml:5:9: “allow”必须是文字列表，例如 [\"甲\", \"乙\"]\n"
        "  allow = \"x\"\n"
        "          ^\n");
  CHECK(ErrorsOfConfig(
            "title = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = 2025-06-30\n[privacy]\nallow = [1]\n") ==
        "site.toml:5:10: “allow”列表里的每一项都要放在半角双引号里\n"
        "  allow = [1]\n"
        "           ^\n");
}

TEST_CASE("front matter mistakes: U+3000 or U+00A0 at the end of a value is a warning, and left out") {
  // Invisible on the page, but "某区司法局\u3000" would be another publisher
  // than "某区司法局", and the head title would carry it.
  FixtureResult r = BuildFixture(std::string(kMinimalSite) + kHome +
                                 "-- content/a.md --\n---\ntitle: 行政复议\u3000\ndate: 2025-01-01\n"
                                 "tags:\n  - 甲\u00a0\n---\n正文\n");
  REQUIRE(r.ok);
  CHECK(r.errors ==
        "content/a.md:2:12: 警告：值的末尾有一个看不见的全角空格（U+3000）：fazhi "
        "已把它去掉，请在文件里也删除它\n"
        "  title: 行政复议\u3000\n"
        "                 ^\n"
        "content/a.md:5:6: 警告：值的末尾有一个看不见的不换行空格（U+00A0）：fazhi "
        "已把它去掉，请在文件里也删除它\n"
        "    - 甲\u00a0\n"
        "        ^\n");
  CHECK(Contains(r.File("a/index.html"), "<title>行政复议 "));
  CHECK(Contains(r.File("a/index.html"), "PAGE 行政复议 |"));
  // In quotes it was written on purpose: kept, no warning.
  FixtureResult q =
      BuildFixture(std::string(kMinimalSite) + kHome +
                   "-- content/a.md --\n---\ntitle: \"行政复议\u3000\"\ndate: 2025-01-01\n---\n正文\n");
  REQUIRE(q.ok);
  CHECK(q.errors == "");
  CHECK(Contains(q.File("a/index.html"), "PAGE 行政复议\u3000 |"));
}

TEST_CASE("front matter mistakes: front matter that is one text or a list, not key lines") {
  CHECK(ErrorsOf("---\n\"甲\"\n---\n正文\n") ==
        "content/a.md:2:1: 文件头要写成一行一个“键: 值”\n"
        "  \"甲\"\n"
        "  ^\n");
  CHECK(ErrorsOf("---\n- 甲\n---\n正文\n") ==
        "content/a.md:2:1: 文件头要写成一行一个“键: 值”\n"
        "  - 甲\n"
        "  ^\n");
}

TEST_CASE("front matter mistakes: a slug of .., a report year out of range, two pages at one address") {
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\nslug: ..\n---\n正文\n") ==
        "content/a.md:4:7: slug “..” 只能是网址中的一段名称：不能含有 /、\\、?、# 或控制字符，也不能是 . 或 "
        "..\n"
        "  slug: ..\n"
        "        ^\n");
  FixtureResult r =
      BuildFixture(std::string(kMinimalSite) + kHome +
                   "-- content/reports/2024.md --\n---\ntitle: 报告\ndate: 2025-01-01\nyear: 1800\n---\n");
  CHECK_FALSE(r.ok);
  CHECK(r.errors ==
        "content/reports/2024.md:4:7: “year”必须是年份，例如 2024\n"
        "  year: 1800\n"
        "        ^\n");
  FixtureResult d = BuildFixture(std::string(kMinimalSite) + kHome +
                                 "-- content/a.md --\n---\ntitle: 甲\ndate: 2025-01-01\n---\n" +
                                 "-- content/b.md --\n---\ntitle: 乙\ndate: 2025-01-01\nslug: a\n---\n");
  CHECK_FALSE(d.ok);
  CHECK(d.errors ==
        "content/b.md:1:1: 页面地址 /a/ 已被 content/a.md 占用：请改文件名或 slug\n"
        "  ---\n"
        "  ^\n");
}

TEST_CASE(
    "front matter mistakes: text after a list's closing bracket, and a TOML number fazhi has no words for") {
  CHECK(ErrorsOf("---\ntitle: 甲\ndate: 2025-01-01\ntags: [甲]乙\n---\n正文\n") ==
        "content/a.md:4:10: 这一行的格式不对：文件头的每一行写成“键: 值”\n"
        "  tags: [甲]乙\n"
        "            ^\n");
  // toml++'s own words, framed in Chinese, at the place it names.
  CHECK(ErrorsOfConfig("title = \"测试站\"\nsponsor = \"某区司法局\"\nas_of = 2025-06-30\npaginate = 0x\n") ==
        "site.toml:4:14: TOML 格式有误（解析器报告：Error while parsing hexadecimal integer: expected digit, "
        "saw "
        "'\\n'）\n"
        "  paginate = 0x\n"
        "               ^\n");
}

}  // namespace fazhi::testing
