// Render threads hand their pages on in batches (BatchSink): each page must
// still be written, indexed for search and checked for resources from other
// hosts, whatever batch it falls in and however many threads render.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "site_fixture.h"

namespace fazhi::testing {
namespace {

// `pages` posts, more than a batch (64) holds; post `odd` (if any) shows an
// image from another host through a reference link, which the check of the
// Markdown source does not follow and the check of the rendered page finds.
std::string Posts(int pages, int odd = -1) {
  std::string site =
      "-- site.toml --\ntitle = \"测试区司法局\"\nsponsor = \"测试区司法局\"\nas_of = 2025-06-30\n"
      "-- content/posts/_index.md --\n---\ntitle: 工作动态\n---\n";
  for (int i = 1; i <= pages; ++i) {
    char name[16], date[16];  // (room for any int: -Wformat-truncation)
    snprintf(name, sizeof name, "p%03d", i);
    snprintf(date, sizeof date, "2024-03-%02d", 1 + i % 28);
    site += std::string("-- content/posts/") + name + ".md --\n---\ntitle: 第" + std::to_string(i) +
            "篇工作动态\ndate: " + date + "\ntags: [示例标签" + std::to_string(i % 5) +
            "]\n---\n## 一、行政复议\n本篇记述第" + std::to_string(i) + "次行政复议案件办理情况。\n";
    if (i == odd) site += "\n![示意图][图]\n\n[图]: https://cdn.example.com/a.png\n";
  }
  return site;
}

TEST_CASE("build: pages handed on in batches are all written, indexed and checked as one by one") {
  FixtureOptions one, three;
  one.default_theme = three.default_theme = true;
  one.build.jobs = 1;
  three.build.jobs = 3;
  const std::string site = Posts(150);
  FixtureResult a = BuildFixture(site, one);
  FixtureResult b = BuildFixture(site, three);
  REQUIRE_MESSAGE(a.ok, a.errors);
  REQUIRE_MESSAGE(b.ok, b.errors);
  for (int i = 1; i <= 150; ++i) {
    char path[40];
    snprintf(path, sizeof path, "posts/p%03d/index.html", i);
    INFO(path);
    CHECK(Contains(a.File(path), "本篇记述第" + std::to_string(i) + "次"));
  }
  // Every post in the index, in the same bytes whichever thread and batch
  // each page took.
  auto manifest = nlohmann::json::parse(a.File("search/manifest.json"));
  CHECK(manifest["docs"] == 150);
  CHECK(a.files == b.files);
}

TEST_CASE("build: the check of rendered pages finds a resource in a page in the middle of a batch") {
  FixtureOptions o;
  o.default_theme = true;
  o.build.jobs = 2;
  FixtureResult r = BuildFixture(Posts(100, 70), o);
  CHECK_FALSE(r.ok);
  CHECK(
      r.errors ==
      "posts/p070/index.html:65:14: 从其他网站加载的图片（cdn.example.com）：网站不能从其他网站加载任何东西，"
      "请把文件复制到 static/，或者把“cdn.example.com”写进 site.toml 的 [security] allow_hosts\n"
      "  <p><img src=\"https://cdn.example.com/a.png\" alt=\"示意图\" /></p>\n"
      "               ^\n");
}

}  // namespace
}  // namespace fazhi::testing
