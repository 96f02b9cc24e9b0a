#include "site/build_model.h"

#include <doctest/doctest.h>

namespace fazhi {

namespace {

Page MakePage(std::string path, std::string section, std::string url, bool is_index = false) {
  Page p;
  p.source_path = std::move(path);
  p.section = std::move(section);
  p.url = std::move(url);
  p.is_index = is_index;
  p.kind = is_index ? "section" : "page";
  p.title = p.source_path;
  return p;
}

std::vector<std::string> Paths(const Site& site) {
  std::vector<std::string> out;
  for (const Page& p : site.pages) out.push_back(p.source_path);
  return out;
}

}  // namespace

TEST_CASE("model: pages in path order whatever order they come in, unopened sections left out") {
  std::vector<Page> pages;
  pages.push_back(MakePage("content/news/_index.md", "news", "/news/", true));
  pages.push_back(MakePage("content/news/a.md", "news", "/news/a/"));
  pages.push_back(MakePage("content/news/b.md", "news", "/news/b/"));
  pages.push_back(MakePage("content/rules/_index.md", "rules", "/rules/", true));  // no pages yet
  pages.push_back(MakePage("content/z.md", "", "/z/"));
  const std::vector<std::string> expected = {"content/news/_index.md", "content/news/a.md",
                                             "content/news/b.md", "content/z.md"};
  std::vector<Page> reversed(pages.rbegin(), pages.rend());
  for (std::vector<Page>* given : {&pages, &reversed}) {
    Site site;
    Diagnostics diags;
    REQUIRE(BuildModel(Config{}, *given, &site, &diags));
    CHECK(Paths(site) == expected);
    REQUIRE(site.unopened.size() == 1);
    CHECK(site.unopened[0].url == "/rules/");
    REQUIRE(site.sections.size() == 1);
    CHECK(site.sections[0].index_page == 0);
    CHECK(site.sections[0].pages == std::vector<int>{1, 2});
  }
}

}  // namespace fazhi
