#include "core/front_matter.h"

#include <doctest/doctest.h>

namespace fazhi {
namespace {

FrontMatter Parse(const std::string& text, Diagnostics* diags, bool* ok = nullptr) {
  SourceFile f{"content/x.md", text};
  FrontMatter fm;
  bool r = ParseFrontMatter(f, &fm, diags);
  if (ok) *ok = r;
  return fm;
}

}  // namespace

TEST_CASE("front_matter: YAML scalars keep their source text and position") {
  Diagnostics d;
  FrontMatter fm = Parse("---\ntitle: no\nzip: 01234\nratio: 1.10\nq: 'yes'\n---\nbody\n", &d);
  REQUIRE_FALSE(d.has_errors());
  CHECK(fm.format == FrontMatter::Format::kYaml);
  CHECK(fm.root.Get("title")->scalar == "no");
  CHECK(fm.root.Get("zip")->scalar == "01234");
  CHECK(fm.root.Get("ratio")->scalar == "1.10");
  CHECK(fm.root.Get("q")->quoted);
  CHECK(fm.root.Get("zip")->line == 3);
  CHECK(fm.root.Get("zip")->col == 6);
  CHECK(fm.body_first_line == 7);
  CHECK(std::string_view("---\ntitle: no\nzip: 01234\nratio: 1.10\nq: 'yes'\n---\nbody\n")
            .substr(fm.body_offset) == "body\n");
}

TEST_CASE("front_matter: numbers are decimal only, booleans only true/false") {
  Diagnostics d;
  SourceFile f{"content/x.md", "---\nweight: 010\nflag: on\n---\n"};
  FrontMatter fm;
  REQUIRE(ParseFrontMatter(f, &fm, &d));
  long w = 0;
  bool b = false;
  CHECK_FALSE(FmInt(f, fm.root, "weight", &w, &d));
  CHECK_FALSE(FmBool(f, fm.root, "flag", &b, &d));
  CHECK(d.Format() ==
        "content/x.md:2:9: “weight”必须是整数，这里是“010”\n"
        "  weight: 010\n"
        "          ^\n"
        "content/x.md:3:7: “flag”只能是 true 或 false，这里是“on”\n"
        "  flag: on\n"
        "        ^\n");
}

TEST_CASE("front_matter: nested maps and lists, duplicate keys inside them") {
  Diagnostics d;
  FrontMatter fm = Parse("---\nitems:\n  a: 1\n  a: 2\nlist:\n  - x\n  - y\n---\n", &d);
  CHECK(d.Format() ==
        "content/x.md:4:3: 键“a”重复了：第3行已经写过一次，请删去其中一个\n"
        "    a: 2\n"
        "    ^\n");
}

TEST_CASE("front_matter: nesting 100,000 deep is an error at the 65th level, not a crash") {
  // Limits (docs/security.md): the YAML tree is built recursively, so its
  // depth is capped at 64; toml++ stops deep TOML itself.
  const int n = 100000;
  Diagnostics yaml;
  bool ok = true;
  Parse("---\nx: " + std::string(n, '[') + std::string(n, ']') + "\n---\n", &yaml, &ok);
  CHECK_FALSE(ok);
  REQUIRE(yaml.items().size() == 1);
  CHECK(yaml.items()[0].line == 2);
  CHECK(yaml.items()[0].col == 4 + 64);  // the 65th '[' (the map around it is level 0)
  CHECK(yaml.items()[0].message.Render() == "文件头嵌套的层次太多");
  Diagnostics mapping;
  std::string deep = "---\n";
  for (int i = 0; i < 200; ++i) deep += std::string(i * 2, ' ') + "k:\n";
  Parse(deep + "---\n", &mapping, &ok);
  CHECK_FALSE(ok);
  CHECK(mapping.Format().starts_with("content/x.md:67:131: 文件头嵌套的层次太多\n"));  // the 65th nested map
  Diagnostics toml;
  Parse("+++\nx = " + std::string(n, '[') + std::string(n, ']') + "\n+++\n", &toml, &ok);
  CHECK_FALSE(ok);
  REQUIRE(toml.items().size() == 1);
  CHECK(toml.items()[0].line == 2);
}

TEST_CASE("front_matter: TOML dates and document order") {
  Diagnostics d;
  FrontMatter fm = Parse("+++\ntitle = \"甲\"\ndate = 2025-03-31\nalpha = 1\n+++\n", &d);
  REQUIRE_FALSE(d.has_errors());
  REQUIRE(fm.root.fields.size() == 3);
  CHECK(fm.root.fields[0].key == "title");
  CHECK(fm.root.fields[2].key == "alpha");
  CHECK(fm.root.Get("date")->scalar == "2025-03-31");
  CHECK(fm.root.Get("date")->line == 3);
}

TEST_CASE("front_matter: TOML errors carry the file's line") {
  Diagnostics d;
  bool ok = true;
  Parse("+++\ntitle = \"甲\"\ntitle = \"乙\"\n+++\n", &d, &ok);
  CHECK_FALSE(ok);
  CHECK(d.Format() ==
        "content/x.md:3:1: 键“title”重复了：同一个表里只能写一次\n"
        "  title = \"乙\"\n"
        "  ^\n");
}

TEST_CASE("front_matter: a file without front matter is all body") {
  Diagnostics d;
  FrontMatter fm = Parse("# 标题\n", &d);
  CHECK(fm.format == FrontMatter::Format::kNone);
  CHECK(fm.body_offset == 0);
  CHECK(fm.root.fields.empty());
}

TEST_CASE("front_matter: calendar dates are validated") {
  CHECK(IsValidDate("2024-02-29"));
  CHECK_FALSE(IsValidDate("2023-02-29"));
  CHECK_FALSE(IsValidDate("2024-04-31"));
  CHECK_FALSE(IsValidDate("2024-4-1"));
}

}  // namespace fazhi
