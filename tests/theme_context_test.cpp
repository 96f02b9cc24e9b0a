// LayoutRenderer resolves names with its own context (no split per lookup);
// it must render exactly what kainjow's default context renders, dotted
// names, fallbacks to outer scopes and odd names included.
#include <doctest/doctest.h>

#include <kainjow/mustache.hpp>

#include "core/config.h"
#include "theme/theme.h"

namespace fazhi {

TEST_CASE("theme: LayoutRenderer renders like kainjow's own context") {
  const std::string tmpl =
      "{{title}}|{{page.title}}|{{page.meta.date}}|{{missing.x}}|{{page.}}|{{page..title}}|{{.x}}|"
      "{{#page}}{{title}}/{{site.name}}/{{meta.date}}{{/page}}|"
      "{{#items}}[{{name}}:{{page.title}}:{{.}}]{{/items}}|{{#tags}}{{.}},{{/tags}}|"
      "{{^page.none}}none{{/page.none}}|{{{page.html}}}";
  std::map<std::string, std::string> files = {{"themes/t/layouts/page.mustache", tmpl}};
  SourceTree tree = SourceTree::FromFiles(files);
  Config config;
  config.theme = "t";
  Theme theme;
  Diagnostics diags;
  REQUIRE(Theme::Load(tree, config, {"page"}, &theme, &diags));

  kainjow::mustache::data meta;
  meta.set("date", "2025-01-15");
  kainjow::mustache::data page;
  page.set("title", "报告 <2024>");
  page.set("meta", meta);
  page.set("html", "<p>正文</p>");
  kainjow::mustache::data site;
  site.set("name", "示例站");
  kainjow::mustache::data items{kainjow::mustache::data::type::list};
  items.push_back(kainjow::mustache::data("name", "甲"));
  items.push_back(kainjow::mustache::data("name", "乙"));
  kainjow::mustache::data tags{kainjow::mustache::data::type::list};
  tags.push_back("法治");
  tags.push_back("复议");
  kainjow::mustache::data view;
  view.set("title", "站点标题");
  view.set("page", page);
  view.set("site", site);
  view.set("items", items);
  view.set("tags", tags);

  kainjow::mustache::mustache reference(tmpl);
  const std::string expected = reference.render(view);
  LayoutRenderer renderer(theme);
  std::string out, error;
  REQUIRE(renderer.Render("page", &view, &out, &error));
  CHECK(out == expected);
  CHECK(out.find("站点标题|报告 &lt;2024&gt;|2025-01-15||") == 0);
}

}  // namespace fazhi
