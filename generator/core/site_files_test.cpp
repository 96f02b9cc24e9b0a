#include "core/site_files.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace fazhi {
namespace {

SiteFiles::Bytes B(const std::string& s) { return std::make_shared<const std::string>(s); }

std::string Text(const SiteFiles& files, std::string_view path) {
  const SiteFiles::Bytes* b = files.Find(path);
  return b ? **b : "(none)";
}

std::vector<std::pair<std::string, std::string>> All(const SiteFiles& files) {
  std::vector<std::pair<std::string, std::string>> out;
  files.ForEach(
      [&](const std::string& path, const SiteFiles::Bytes& bytes) { out.emplace_back(path, *bytes); });
  return out;
}

}  // namespace

TEST_CASE("site files: a snapshot keeps its files when the one derived from it changes") {
  SiteFiles::Map whole;
  whole["b/index.html"] = B("b1");
  whole["index.html"] = B("home1");
  SiteFiles first(std::move(whole));
  SiteFiles next = first;
  next.Set("index.html", B("home2"));
  next.Set("a/index.html", B("a1"));
  CHECK(Text(first, "index.html") == "home1");
  CHECK(Text(first, "a/index.html") == "(none)");
  CHECK(first.size() == 2);
  CHECK(Text(next, "index.html") == "home2");
  CHECK(Text(next, "b/index.html") == "b1");
  CHECK(next.size() == 3);
  CHECK(next.Contains("a/index.html"));
  CHECK_FALSE(next.Contains("a/"));
  // In path order, a replaced file once, with its new bytes.
  CHECK(All(next) == std::vector<std::pair<std::string, std::string>>{
                         {"a/index.html", "a1"}, {"b/index.html", "b1"}, {"index.html", "home2"}});
}

TEST_CASE("site files: many edits fold into the base and every snapshot stays as it was") {
  SiteFiles::Map whole;
  for (int i = 0; i < 1000; ++i) whole["p" + std::to_string(1000 + i)] = B("v0");
  SiteFiles files(std::move(whole));
  std::vector<SiteFiles> kept;
  // 400 edits: each replaces two files and adds one, past several folds
  // (the layer holds at most max(64, size / 8) files).
  for (int e = 1; e <= 400; ++e) {
    files.Set("p" + std::to_string(1000 + e % 1000), B("v" + std::to_string(e)));
    files.Set("p1999", B("last" + std::to_string(e)));
    files.Set("q" + std::to_string(1000 + e), B("new"));
    if (e % 100 == 0) kept.push_back(files);
  }
  CHECK(files.size() == 1400);
  CHECK(Text(files, "p1400") == "v400");
  CHECK(Text(files, "p1999") == "last400");
  CHECK(Text(files, "p1401") == "v0");
  CHECK(Text(files, "q1400") == "new");
  CHECK(kept[0].size() == 1100);
  CHECK(Text(kept[0], "p1100") == "v100");
  CHECK(Text(kept[0], "p1101") == "v0");
  CHECK(Text(kept[0], "p1999") == "last100");
  CHECK(Text(kept[0], "q1101") == "(none)");
  auto all = All(files);
  CHECK(all.size() == 1400);
  CHECK(std::is_sorted(all.begin(), all.end()));
  CHECK(all.front() == std::pair<std::string, std::string>{"p1000", "v0"});
  CHECK(all.back() == std::pair<std::string, std::string>{"q1400", "new"});
}

TEST_CASE("site files: a cleared site is empty, and set again holds only the new files") {
  SiteFiles files(SiteFiles::Map{{"x", B("1")}});
  files.Set("y", B("2"));
  files.Clear();
  CHECK(files.empty());
  CHECK(All(files).empty());
  files.Set("z", B("3"));
  CHECK(files.size() == 1);
  CHECK(All(files) == std::vector<std::pair<std::string, std::string>>{{"z", "3"}});
}

}  // namespace fazhi
