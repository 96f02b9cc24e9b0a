// RenderMarkdown from several threads at once must give exactly what it gives
// on one thread. cmark-gfm keeps a process-wide table of the extensions'
// special inline characters; when parses raced on it, autolinks and
// strikethrough were silently lost (../shared/LIBRARIES.md §2); the lock around
// cmark_parser_finish in markdown/markdown.cpp prevents that. This test
// renders pages full of those constructs on 4 threads and compares.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "markdown/markdown.h"
#include "site_fixture.h"

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

// `n` test pages, and what each renders to on this thread.
struct Pages {
  std::vector<std::string> markdown, html;
};
Pages RenderedPages(int n) {
  Pages p;
  for (int i = 0; i < n; ++i) {
    p.markdown.push_back(ThreadTestPage(i));
    p.html.push_back(Render(p.markdown.back()));
  }
  return p;
}

// Renders `pages` on 4 threads, 3 rounds, each thread every other page;
// returns how many renders differed from `expected`, by thread.
std::vector<int> WrongOnThreads(const std::vector<std::string>& pages,
                                const std::vector<std::string>& expected) {
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> pool;
  for (int t = 0; t < 4; ++t) {
    pool.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round) {
        for (size_t i = static_cast<size_t>(t); i < pages.size(); i += 2)
          wrong[t] += Render(pages[i]) != expected[i];
      }
    });
  }
  for (auto& th : pool) th.join();
  return wrong;
}

}  // namespace

TEST_CASE("markdown: parallel rendering gives the single-thread output") {
  const Pages p = RenderedPages(200);
  const std::vector<std::string>& expected = p.html;
  // The constructs under test are really there.
  CHECK(expected[7].find("<del>删除3</del>") != std::string::npos);
  CHECK(expected[7].find("<a href=\"http://www.example3.org\">www.example3.org</a>") != std::string::npos);
  CHECK(expected[7].find("<a href=\"mailto:x3@example.com\">x3@example.com</a>") != std::string::npos);
  CHECK(expected[7].find("<td>a|b</td>") != std::string::npos);

  CHECK(WrongOnThreads(p.markdown, expected) == std::vector<int>{0, 0, 0, 0});
}

// Where the library keeps its table of special characters itself (a
// cmark-gfm whose calls fazhi cannot replace, or FAZHI_MARKDOWN_LOCK=1),
// parses take turns under the lock and still give the single-thread output.
// Which way a process parses is settled by its first parse, so the test runs
// itself again in a child process with the variable set.
TEST_CASE("markdown: with FAZHI_MARKDOWN_LOCK=1 parses take turns and keep their output") {
  const char* lock = std::getenv("FAZHI_MARKDOWN_LOCK");
  if (lock == nullptr || std::string(lock) != "1") {
    // (Read here: inside popen's shell /proc/self/exe is the shell.)
    const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    int status = -1;
    const std::string out = testing::CommandOutput(
        "FAZHI_MARKDOWN_LOCK=1 '" + self + "' '--test-case=markdown: with FAZHI_MARKDOWN_LOCK=1*' 2>&1",
        &status);
    CHECK_MESSAGE(status == 0, out);
    // The child ran this test, and it passed.
    CHECK_MESSAGE(out.find("test cases: 1 | 1 passed | 0 failed") != std::string::npos, out);
    return;
  }
  CHECK_FALSE(MarkdownFinishesInParallel());
  const Pages p = RenderedPages(120);
  CHECK(p.html[7].find("<del>删除3</del>") != std::string::npos);
  CHECK(p.html[7].find("<a href=\"http://www.example3.org\">www.example3.org</a>") != std::string::npos);
  CHECK(WrongOnThreads(p.markdown, p.html) == std::vector<int>{0, 0, 0, 0});
}

}  // namespace fazhi
