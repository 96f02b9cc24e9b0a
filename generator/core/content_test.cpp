#include "core/content.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "core/config.h"

namespace fazhi {

namespace {

std::vector<std::string> Paths(const std::vector<Page>& pages) {
  std::vector<std::string> out;
  for (const Page& p : pages) out.push_back(p.source_path);
  return out;
}

}  // namespace

TEST_CASE("content: pages kept in path order when a draft, a broken page and a taken URL drop out") {
  SourceTree tree = SourceTree::FromFiles({
      {"content/news/a.md", "---\ntitle: 甲\ndate: 2025-01-01\nslug: same\n---\n正文\n"},
      {"content/news/b.md", "---\ntitle: 乙\ndate: 2025-01-02\ndraft: true\n---\n正文\n"},
      {"content/news/c.md", "---\ntitle: 丙\ndate: 2025-01-03\nslug: same\n---\n正文\n"},
      {"content/news/d.md", "---\ntitle 丁\ndate: 2025-01-04\n---\n正文\n"},
      {"content/news/e.md", "---\ntitle: 戊\ndate: 2025-01-05\n---\n正文\n"},
      {"content/news/f.md", "---\ntitle: 己\ndate: 2025-01-06\n---\n正文\n"},
  });
  Config config;
  Diagnostics diags;
  std::vector<Page> pages;
  std::vector<std::string> unloaded;
  CHECK_FALSE(LoadContent(tree, config, false, &pages, &diags, 2, &unloaded));
  CHECK(Paths(pages) ==
        std::vector<std::string>{"content/news/a.md", "content/news/e.md", "content/news/f.md"});
  CHECK(pages[1].title == "戊");
  CHECK(pages[2].title == "己");
  CHECK(unloaded == std::vector<std::string>{"content/news/d.md"});
  CHECK(diags.error_count() == 2);  // d.md's front matter, c.md's URL
  CHECK(diags.Format().find("content/news/c.md:1:1: 页面地址 /news/same/ 已被 content/news/a.md 占用") !=
        std::string::npos);

  SUBCASE("with drafts, and after pages already loaded") {
    Diagnostics again;
    std::vector<Page> more(1);
    more[0].source_path = "content/x.md";
    LoadContent(tree, config, true, &more, &again, 2, nullptr);
    CHECK(Paths(more) == std::vector<std::string>{"content/x.md", "content/news/a.md", "content/news/b.md",
                                                  "content/news/e.md", "content/news/f.md"});
  }
}

TEST_CASE("content: a page's text bytes count letters, digits and non-ASCII bytes, wherever they fall") {
  // Bodies whose ASCII punctuation and spaces fall at every offset of an
  // eight-byte word: counted eight at a time only where all eight are
  // non-ASCII.
  const std::string pieces[] = {"法治", "政", "a", "1", " ", "|", "**", "\n", "——", "Z9"};
  auto expected = [](std::string_view body) {
    size_t n = 0;
    for (unsigned char c : body)
      n += c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    return n;
  };
  uint32_t seed = 7;
  auto next = [&] { return seed = seed * 1103515245u + 12345u; };
  std::map<std::string, std::string> files;
  std::vector<std::string> bodies;
  for (int f = 0; f < 200; ++f) {
    std::string body;
    const size_t count = next() % 60;
    for (size_t k = 0; k < count; ++k) body += pieces[(next() >> 8) % std::size(pieces)];
    bodies.push_back(body);
    char name[32];
    std::snprintf(name, sizeof name, "content/p%03d.md", f);
    files.emplace(name, "---\ntitle: 页\ndate: 2025-01-01\n---\n" + body);
  }
  SourceTree tree = SourceTree::FromFiles(files);
  Config config;
  Diagnostics diags;
  std::vector<Page> pages;
  std::vector<std::string> unloaded;
  const bool loaded = LoadContent(tree, config, false, &pages, &diags, 1, &unloaded);
  INFO(diags.Format());
  REQUIRE(loaded);
  REQUIRE(pages.size() == bodies.size());
  for (size_t i = 0; i < pages.size(); ++i) {
    CAPTURE(pages[i].source_path);
    CHECK(pages[i].text_bytes == expected(bodies[i]));
  }
}

}  // namespace fazhi
