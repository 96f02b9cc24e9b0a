// The serve-time Markdown cache: reused only for identical bodies in an
// identical link context, and a cached build gives the same bytes as a
// fresh one.
#include <doctest/doctest.h>

#include "markdown/markdown_cache.h"
#include "site/build.h"
#include "site_fixture.h"
#include "txtar.h"

namespace fazhi::testing {
namespace {

struct Built {
  bool ok;
  std::string errors;
  std::map<std::string, std::string, std::less<>> files;
};

Built Build(const std::string& txtar, MarkdownCache* cache) {
  SourceTree tree = SourceTree::FromFiles(ParseTxtar(txtar));
  BuildOptions opts;
  opts.markdown_cache = cache;
  Diagnostics diags;
  MemorySink sink;
  BuildStats stats;
  bool ok = BuildToSink(tree, opts, &sink, &diags, &stats);
  return {ok, diags.Format(), sink.Take()};
}

std::string Page(const std::string& name, const std::string& body) {
  return "-- content/" + name + ".md --\n---\ntitle: " + name + "\ndate: 2025-01-02\n---\n" + body;
}

}  // namespace

TEST_CASE("markdown cache: unchanged pages are reused, edited ones re-rendered, output identical") {
  MarkdownCache cache;
  std::string site = std::string(kMinimalSite) + Page("a", "见[乙](b.md)。\n") + Page("b", "乙的正文\n");
  Built first = Build(site, &cache);
  REQUIRE_MESSAGE(first.ok, first.errors);
  CHECK(cache.misses() == 2);

  std::string edited = std::string(kMinimalSite) + Page("a", "见[乙](b.md)。\n") + Page("b", "乙的新正文\n");
  Built second = Build(edited, &cache);
  REQUIRE(second.ok);
  CHECK(cache.hits() == 1);
  CHECK(cache.misses() == 1);
  CHECK(second.files == Build(edited, nullptr).files);
  CHECK(second.files.at("b/index.html").find("乙的新正文") != std::string::npos);
}

TEST_CASE("markdown cache: a change of any page's URL invalidates every entry") {
  MarkdownCache cache;
  std::string site = std::string(kMinimalSite) + Page("a", "见[乙](b.md)。\n") + Page("b", "乙\n");
  REQUIRE(Build(site, &cache).ok);
  // b.md is gone: a's body is byte-identical, but its link no longer resolves.
  Built after = Build(std::string(kMinimalSite) + Page("a", "见[乙](b.md)。\n"), &cache);
  CHECK_FALSE(after.ok);
  CHECK(cache.hits() == 0);
  CHECK(after.errors.find("content/a.md:5:6: 链接的页面不存在：“b.md”") == 0);
}

}  // namespace fazhi::testing
