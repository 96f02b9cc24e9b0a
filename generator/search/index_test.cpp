#include "search/index.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace fazhi {
namespace {

TEST_CASE("search_index: HtmlToText drops tags, scripts and SVG, decodes entities") {
  CHECK(HtmlToText("<p>行政复议<strong>368</strong>件</p><p>A&amp;B&#x4E00;&#20108;</p>") ==
        "行政复议368件 A&B一二");
  CHECK(HtmlToText("<svg><title>图</title><text>99</text></svg><script>var a='<p>';</script>正文") == "正文");
  CHECK(HtmlToText("a<!-- x <p> -->b  \n c<br>d") == "ab c d");
  CHECK(HtmlToText("&bogus; &#xZZ; &") == "&bogus; &#xZZ; &");
}

TEST_CASE("search_index: SplitHtmlByHeadings cuts at headings with ids") {
  auto s = SplitHtmlByHeadings(
      "<p>导语</p><h2 id=\"一推进\">一、推进</h2><p>甲</p><h3><a id=\"a&amp;b\"></a>（一）把握</h3><p>乙</p>"
      "<h4 id=\"deep\">深</h4><p>丙</p><h2>无锚</h2><p>丁</p>");
  REQUIRE(s.size() == 3);
  CHECK(s[0].id == "");
  CHECK(s[0].text == "导语");
  CHECK(s[1].id == "一推进");
  CHECK(s[1].title == "一、推进");
  CHECK(s[1].text == "甲");
  CHECK(s[2].id == "a&b");
  CHECK(s[2].title == "（一）把握");
  CHECK(s[2].text == "乙 深 丙 无锚 丁");
}

TEST_CASE("search_index: index format, title boost and stats") {
  SearchIndexStats st;
  std::string idx =
      BuildSearchIndex({{"a/", "复议", "页面", "复议 复议 1537"}, {"b/", "调解", "指标", "复议"}}, &st);
  CHECK(idx ==
        "{\"avglen\":3,\"docs\":[[\"a/\",\"复议\",\"页面\",\"复议 复议 "
        "1537\",4],[\"b/\",\"调解\",\"指标\",\"复议\",2]],"
        "\"terms\":{\"1537\":[0,1],\"复议\":[0,5,1,1],\"调解\":[1,3]},\"v\":1}");
  CHECK(st.docs == 2);
  CHECK(st.terms == 3);
  CHECK(st.postings == 4);
  CHECK(st.bytes == idx.size());
}

// Runs the client's search() from search.js on an index built here.
std::vector<std::string> ClientSearch(const std::string& index, const std::string& query) {
  namespace fs = std::filesystem;
  fs::path js = fs::path(FAZHI_SOURCE_DIR) / "themes/default/static/js/search.js";
  fs::path f = fs::temp_directory_path() / ("fazhi_index_" + std::to_string(::getpid()) + ".json");
  std::ofstream(f) << index;
  std::string cmd =
      "node -e \"const t=require(process.argv[1]);const fs=require('fs');"
      "const i=JSON.parse(fs.readFileSync(process.argv[2],'utf8'));"
      "process.stdout.write(JSON.stringify(t.search(i,process.argv[3]).map(r=>r.url)))\" '" +
      js.string() + "' '" + f.string() + "' '" + query + "'";
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while (p && (n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  if (p) pclose(p);
  fs::remove(f);
  return nlohmann::json::parse(out.empty() ? "[]" : out).get<std::vector<std::string>>();
}

TEST_CASE("search_index: client ranking puts title and whole-query matches first") {
  if (std::system("node --version >/dev/null 2>&1") != 0) {
    MESSAGE("node is not installed: skipping the client ranking test");
    return;
  }
  std::vector<SearchDoc> docs = {
      {"about/", "关于本站", "页面", "本站公开行政执法和复议工作信息。"},
      {"reports/2024/#四", "（四）健全争议化解机制", "报告章节",
       "办理行政复议案件368件，同比增长120%；矛盾纠纷化解1537宗，人民调解成功率99.87%。"},
      {"indicators/admin-review-cases/", "行政复议收案数", "指标", "2024年 368件 行政复议"},
      {"indicators/disputes-resolved/", "矛盾纠纷化解数", "指标", "2024年 1537宗"},
      {"profiles/sfj-2024/", "区司法局主要负责人述法（示例）", "述法", "专题述法 晒成绩"},
  };
  std::string idx = BuildSearchIndex(docs, nullptr);
  // "about/" holds 行政 and 复议 but not 政复: documents with every token win outright.
  CHECK(ClientSearch(idx, "行政复议") ==
        std::vector<std::string>{"indicators/admin-review-cases/", "reports/2024/#四"});
  // No document holds every token: the partial matches are shown.
  CHECK(ClientSearch(idx, "行政 不存在").size() == 3);
  CHECK(ClientSearch(idx, "复议").at(0) == "indicators/admin-review-cases/");
  CHECK(ClientSearch(idx, "述法").at(0) == "profiles/sfj-2024/");
  CHECK(ClientSearch(idx, "1537").at(0) == "indicators/disputes-resolved/");
  CHECK(ClientSearch(idx, "１５３７").at(0) == "indicators/disputes-resolved/");
  CHECK(ClientSearch(idx, "调解") == std::vector<std::string>{"reports/2024/#四"});
  // A lone character is found inside bigrams.
  CHECK(ClientSearch(idx, "宗").size() == 2);
  CHECK(ClientSearch(idx, "不存在的词").empty());
}

}  // namespace
}  // namespace fazhi
