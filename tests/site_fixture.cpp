#include "site_fixture.h"

#include <doctest/doctest.h>

#include <cstdio>

#include "txtar.h"

namespace fazhi::testing {

const char* const kMinimalSite = R"(-- site.toml --
title = "测试站"
sponsor = "某区司法局"
as_of = 2025-06-30
-- themes/default/partials/top.mustache --
<html lang="{{lang}}"><title>{{head_title}}</title>
-- themes/default/layouts/home.mustache --
{{> top}}HOME {{#reports}}[{{year}} {{title}} {{url}}]{{/reports}}
-- themes/default/layouts/list.mustache --
{{> top}}LIST {{list.title}} {{#list.items}}[{{title}} {{url}} {{date}}]{{/list.items}} page {{list.pagination.page}}/{{list.pagination.pages}}
-- themes/default/layouts/page.mustache --
{{> top}}PAGE {{page.title}} | {{page.date}} | {{page.source}} | {{{page.content}}}
-- themes/default/layouts/report.mustache --
{{> top}}REPORT {{page.report.year}} {{page.report.publisher}} prev={{page.report.prev.url}} next={{page.report.next.url}} | {{{page.content}}}
-- themes/default/layouts/404.mustache --
{{> top}}NOT FOUND
)";

std::string RepoRoot() { return FAZHI_SOURCE_DIR; }

std::string CommandOutput(const std::string& command, int* status) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (p == nullptr) {
    if (status) *status = -1;
    return out;
  }
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  const int rc = pclose(p);
  if (status) *status = rc;
  return out;
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

void Replace(std::string* s, std::string_view from, std::string_view to) {
  size_t at = s->find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  s->replace(at, from.size(), to);
}

const std::string& FixtureResult::File(std::string_view path) const {
  auto it = files.find(path);
  if (it == files.end()) {
    FAIL("missing output file " << path);
  }
  return it->second;
}

FixtureResult BuildFixture(std::string_view txtar, const FixtureOptions& opts) {
  SourceTree tree = SourceTree::FromFiles(ParseTxtar(txtar));
  Diagnostics diags;
  if (opts.default_theme) tree.AddDirectory(RepoRoot() + "/themes/default", "themes/default/", &diags);
  MemorySink sink;
  BuildStats stats;
  FixtureResult r;
  r.ok = BuildToSink(tree, opts.build, &sink, &diags, &stats);
  r.errors = diags.Format();
  r.files = sink.Take();
  return r;
}

}  // namespace fazhi::testing
