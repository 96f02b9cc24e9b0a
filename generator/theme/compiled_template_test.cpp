// CompiledTemplate must give kainjow's bytes: every case here is rendered
// by both (kainjow with the view as its own data) and compared, and the cases that carry kainjow's quirks
// (which lines a section removes, which it keeps) also state the bytes.
#include "theme/compiled_template.h"

#include <doctest/doctest.h>

#include <kainjow/mustache.hpp>

#include "core/config.h"
#include "core/source_tree.h"
#include "theme/kainjow_view.h"
#include "theme/theme.h"

namespace fazhi {
namespace {

// A view with every kind of value a section or a name can meet.
View SampleView() {
  View meta;
  meta.set("date", "2025-01-15");
  View page;
  page.set("title", "报告 <2024> & \"复议\" '应诉'");
  page.set("meta", meta);
  page.set("html", "<p>正文</p>");
  page.set("empty", "");
  static const std::string kBorrowed = "借 <用> & \"文\"";
  page.set("borrowed", View::Borrow(kBorrowed));
  View items{View::type::list};
  items.push_back(View("name", "甲&<乙>"));
  items.push_back(View("name", "乙"));
  View tags{View::type::list};
  tags.push_back("法治");
  tags.push_back("复议");
  View view;
  view.set("title", "站点标题");
  view.set("page", page);
  view.set("items", items);
  view.set("tags", tags);
  view.set("none", View{View::type::list});
  view.set("yes", View{View::type::bool_true});
  view.set("no", View{View::type::bool_false});
  view.set("word", "词");
  view.set("", "空名");
  return view;
}

// kainjow's rendering of `tmpl` with `view` (and `base` beneath it, merged
// as LayoutRenderer's context resolves names), and the compiled one.
std::pair<std::string, std::string> Both(const std::string& tmpl, const View& view) {
  kainjow::mustache::mustache reference(tmpl);
  reference.set_custom_escape(HtmlEscape);
  REQUIRE_MESSAGE(reference.is_valid(), tmpl);
  const kainjow::mustache::data data = ToKainjowData(view);
  auto compiled = CompiledTemplate::Compile(tmpl);
  REQUIRE_MESSAGE(compiled != nullptr, tmpl);
  std::string out = "kept|";  // Render appends
  compiled->Render(nullptr, view, &out);
  return {reference.render(data), out.substr(5)};
}

// The default theme, as a site that names it loads it (`tree` holds its files).
void LoadDefaultTheme(SourceTree* tree, Theme* theme) {
  Diagnostics diags;
  tree->AddDirectory(std::string(FAZHI_SOURCE_DIR) + "/themes/default", "themes/default/", &diags);
  Config config;
  config.theme = "default";
  REQUIRE(Theme::Load(*tree, config, {}, theme, &diags));
}

}  // namespace

TEST_CASE("compiled template: kainjow's bytes for names, sections, escapes and delimiters") {
  const View view = SampleView();
  for (const std::string tmpl : {
           "",
           "plain text, no tags",
           "{{title}}|{{page.title}}|{{{page.title}}}|{{& page.title}}|{{{ page.html }}}",
           "{{page.meta.date}}|{{missing.x}}|{{page.}}|{{page..title}}|{{.x}}|{{.}}|{{}}|{{ word "
           "}}|{{word.}}",
           "{{#page}}{{title}}/{{meta.date}}/{{word}}{{/page}}",
           "{{#items}}[{{name}}:{{page.title}}:{{.}}:{{title}}]{{/items}}",
           "{{#tags}}{{.}},{{/tags}}{{^tags}}no tags{{/tags}}",
           "{{#none}}x{{/none}}{{^none}}empty list{{/none}}",
           "{{#yes}}t{{.}}{{word}}{{/yes}}{{^yes}}f{{/yes}}{{#no}}t{{/no}}{{^no}}f{{.}}{{/no}}",
           "{{#word}}<{{.}}>{{/word}}{{#page.empty}}[{{.}}]{{/page.empty}}{{^missing}}m{{/missing}}",
           "{{#page}}{{#meta}}{{date}}{{title}}{{/meta}}{{/page}}",
           "{{#items}}{{#tags}}{{name}}{{.}};{{/tags}}{{/items}}",
           "{{page}}|{{items}}|{{yes}}|{{no}}",
           "{{! a comment }}after|{{!\nmultiline\n}}x",
           "{{=<% %>=}}<% title %>|{{title}}|<%{ page.html }%>|<%& page.html %><%={{ }}=%>|{{title}}",
           "{{=| |=}}|#items||name||/items|",
           "{{ #page }}{{ title }}{{ / page }}",
       }) {
    auto [expected, got] = Both(tmpl, view);
    CHECK_MESSAGE(got == expected, tmpl);
  }
  auto [expected, got] = Both("{{title}}|{{{page.html}}}|{{#items}}{{name}},{{/items}}|{{.x}}|{{}}", view);
  CHECK(got == expected);
  CHECK(got == "站点标题|<p>正文</p>|甲&amp;&lt;乙&gt;,乙,||空名");
}

TEST_CASE("compiled template: kainjow's lines, kept and removed, in every line ending") {
  const View view = SampleView();
  for (const std::string tmpl : {
           "<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n</ul>\n",
           "<ul>\r\n  {{#items}}\r\n  <li>{{name}}</li>\r\n  {{/items}}\r\n</ul>\r\n",
           "a\r  {{#yes}}\r  b\r  {{/yes}}\rc",
           "a\n  {{#no}}\n  b\n  {{/no}}\nc\n",
           "a\n  {{^no}}\n  b\n  {{/no}}\nc\n",
           "a\n  {{#none}}\n  b\n  {{/none}}\nc\n",
           "a\n\t{{#yes}}\t\n{{/yes}}  \nc",
           "a\n{{! comment }}\nb\n",
           "a\n{{=<% %>=}}\n<%title%>\n",
           "{{#items}}{{name}}{{/items}}\n\n  \n",
           "  {{#yes}}  {{/yes}}  ",
           "x{{#yes}}\ny{{/yes}}\nz",
           "{{#items}}\n{{#tags}}\n{{.}}\n{{/tags}}\n{{/items}}\n",
           "line one\nline two without newline",
           "\n\n\r\n\r",
       }) {
    auto [expected, got] = Both(tmpl, view);
    CHECK_MESSAGE(got == expected, tmpl);
  }
  // A section's own lines go (spaces and all); a section not entered keeps
  // its lines, blank, as kainjow does (the default theme's layouts are
  // written around it).
  CHECK(Both("<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n</ul>\n", view).second ==
        "<ul>\n  <li>甲&amp;&lt;乙&gt;</li>\n  <li>乙</li>\n</ul>\n");
  CHECK(Both("a\n  {{#no}}\n  b\n  {{/no}}\nc\n", view).second == "a\n  \nc\n");
  CHECK(Both("a\n{{! comment }}\nb\n", view).second == "a\n\nb\n");
}

TEST_CASE("compiled template: names resolve through the base beneath the view") {
  // The chrome (site, footer, root) lies beneath each page's view: a name
  // the view lacks is looked up there, also inside sections and dotted.
  View site;
  site.set("title", "某区司法局");
  View base;
  base.set("site", site);
  base.set("root", "/sub/");
  base.set("title", "beneath");
  View view = SampleView();
  View merged = base;
  for (const char* key : {"title", "page", "items", "tags", "none", "yes", "no", "word"}) {
    merged.set(key, *view.get(key));
  }
  const std::string tmpl =
      "{{title}}|{{site.title}}|{{#site}}{{title}}/{{page.title}}{{/site}}|"
      "{{#items}}[{{name}}:{{site.title}}:{{root}}]{{/items}}|{{^site.none}}ok{{/site.none}}";
  auto compiled = CompiledTemplate::Compile(tmpl);
  REQUIRE(compiled != nullptr);
  std::string layered, whole;
  compiled->Render(&base, view, &layered);
  compiled->Render(nullptr, merged, &whole);
  CHECK(layered == whole);
  CHECK(layered ==
        "站点标题|某区司法局|某区司法局/报告 &lt;2024&gt; &amp; &quot;复议&quot; &apos;应诉&apos;|"
        "[甲&amp;&lt;乙&gt;:某区司法局:/sub/][乙:某区司法局:/sub/]|ok");
}

TEST_CASE("compiled template: a partial tag is left to kainjow") {
  CHECK(CompiledTemplate::Compile("a {{> header}} b") == nullptr);
  CHECK(CompiledTemplate::Compile("{{=<% %>=}}<%> header%>") == nullptr);
  CHECK(CompiledTemplate::Compile("{{#a}}{{/b}}") == nullptr);  // kainjow's parser rejects it too
  CHECK(CompiledTemplate::Compile("{{#a}}") == nullptr);
  CHECK(CompiledTemplate::Compile("{{a") == nullptr);
  CHECK(CompiledTemplate::Compile("{{a}} {{> }}") == nullptr);
}

TEST_CASE("compiled template: every layout of the default theme is compiled") {
  // A layout that falls back to kainjow renders the same bytes, slower;
  // this says when a theme change makes one do so.
  SourceTree tree;
  Theme theme;
  LoadDefaultTheme(&tree, &theme);
  const std::vector<std::string> names = theme.LayoutNames();
  CHECK(names.size() >= 15);
  for (const std::string& name : names) CHECK_MESSAGE(theme.Compiled(name) != nullptr, name);
}

TEST_CASE("compiled template: which names a layout may read") {
  auto t = CompiledTemplate::Compile(
      "{{#items}}<a href=\"{{url}}\">{{{page.title}}}</a>{{^summary}}无{{/summary}}{{/items}}");
  REQUIRE(t != nullptr);
  CHECK(t->MayRead("items"));
  CHECK(t->MayRead("url"));
  CHECK(t->MayRead("title"));  // a segment of page.title
  CHECK(t->MayRead("summary"));
  CHECK_FALSE(t->MayRead("date"));
  CHECK_FALSE(t->MayRead("href"));                                                  // text, not a name
  CHECK(CompiledTemplate::Compile("{{#tags}}{{.}}{{/tags}}")->MayRead("summary"));  // "." may be anything
  // The default theme's archive shows no summary, so serve's summary edits leave it alone.
  SourceTree tree;
  Theme theme;
  LoadDefaultTheme(&tree, &theme);
  CHECK_FALSE(theme.MayRead("archive", "summary"));
  CHECK(theme.MayRead("list", "summary"));
  CHECK(theme.MayRead("no such layout", "summary"));
}

TEST_CASE("compiled template: AppendHtmlEscaped appends kainjow's html_escape bytes") {
  for (std::string s :
       {std::string(), std::string("&"), std::string("<>\"'&"), std::string("法治&政府"),
        std::string("a<b>c\"d'e&f"), std::string("\xff\xfe<\x80"), std::string("末尾'"),
        std::string("a\0<b\0", 5), std::string(1, '\0'), std::string(40, 'x') + "&" + std::string(40, '<')}) {
    std::string out = "前";
    AppendHtmlEscaped(&out, s);
    CHECK(out == "前" + kainjow::mustache::html_escape(s));
  }
}

TEST_CASE("compiled template: a borrowed string renders as an owned one, escaped or not, and as a section") {
  const auto [reference, compiled] = Both(
      "{{page.borrowed}}|{{{page.borrowed}}}|{{#page.borrowed}}有{{/page.borrowed}}|{{^page.borrowed}}无{{/"
      "page.borrowed}}",
      SampleView());
  CHECK(compiled == reference);
  CHECK(compiled == "借 &lt;用&gt; &amp; &quot;文&quot;|借 <用> & \"文\"|有|");
}

}  // namespace fazhi
