// RenderMarkdown from several threads at once must give exactly what it gives
// on one thread. cmark-gfm keeps a process-wide table of the extensions'
// special inline characters; when parses raced on it, autolinks and
// strikethrough were silently lost (../shared/LIBRARIES.md §2); the lock around
// cmark_parser_finish in markdown/markdown.cpp prevents that. This test
// renders pages full of those constructs on 4 threads and compares.
#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "markdown/markdown.h"

namespace fazhi {
namespace {

std::string ThreadTestPage(int i) {
  std::string s = "## 第" + std::to_string(i) + "节\n\n";
  for (int k = 0; k < 40; ++k) {
    s += "段落 ~~删除" + std::to_string(k) + "~~ 见 www.example" + std::to_string(k) +
         ".org 与 https://a.example/" + std::to_string(i) + " 以及 x" + std::to_string(k) +
         "@example.com。\n";
    if (k % 10 == 0) s += "\n| 列 | 值 |\n|---|---:|\n| a\\|b | " + std::to_string(k) + " |\n\n";
  }
  return s;
}

std::string Render(const std::string& md) {
  MarkdownResult r;
  std::vector<MarkdownProblem> problems;
  RenderMarkdown(md, MarkdownOptions{}, nullptr, &r, &problems);
  return r.html;
}

}  // namespace

TEST_CASE("markdown: parallel rendering gives the single-thread output") {
  constexpr int kPages = 200;
  std::vector<std::string> pages, expected;
  for (int i = 0; i < kPages; ++i) {
    pages.push_back(ThreadTestPage(i));
    expected.push_back(Render(pages.back()));
  }
  // The constructs under test are really there.
  CHECK(expected[7].find("<del>删除3</del>") != std::string::npos);
  CHECK(expected[7].find("<a href=\"http://www.example3.org\">www.example3.org</a>") != std::string::npos);
  CHECK(expected[7].find("<a href=\"mailto:x3@example.com\">x3@example.com</a>") != std::string::npos);
  CHECK(expected[7].find("<td>a|b</td>") != std::string::npos);

  std::vector<int> wrong(4, 0);
  std::vector<std::thread> pool;
  for (int t = 0; t < 4; ++t) {
    pool.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round) {
        for (int i = t; i < kPages; i += 2) wrong[t] += Render(pages[i]) != expected[i];
      }
    });
  }
  for (auto& th : pool) th.join();
  CHECK(wrong == std::vector<int>{0, 0, 0, 0});
}

}  // namespace fazhi
