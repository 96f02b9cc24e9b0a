// LayoutRenderer resolves names with its own context (no split per lookup);
// it must render exactly what kainjow's default context renders, dotted
// names, fallbacks to outer scopes and odd names included.
#include <doctest/doctest.h>

#include <kainjow/mustache.hpp>

#include "core/config.h"
#include "core/output.h"
#include "theme/kainjow_view.h"
#include "theme/render.h"
#include "theme/theme.h"

namespace fazhi {
namespace {

// A theme "t" whose one layout, page, is `tmpl`.
bool LoadPageTheme(const std::string& tmpl, Theme* theme) {
  Config config;
  config.theme = "t";
  Diagnostics diags;
  return Theme::Load(SourceTree::FromFiles({{"themes/t/layouts/page.mustache", tmpl}}), config, {"page"},
                     theme, &diags);
}

}  // namespace

TEST_CASE("theme: LayoutRenderer renders like kainjow's own context") {
  const std::string tmpl =
      "{{title}}|{{page.title}}|{{page.meta.date}}|{{missing.x}}|{{page.}}|{{page..title}}|{{.x}}|"
      "{{#page}}{{title}}/{{site.name}}/{{meta.date}}{{/page}}|"
      "{{#items}}[{{name}}:{{page.title}}:{{.}}]{{/items}}|{{#tags}}{{.}},{{/tags}}|"
      "{{^page.none}}none{{/page.none}}|{{{page.html}}}";
  Theme theme;
  REQUIRE(LoadPageTheme(tmpl, &theme));

  View meta;
  meta.set("date", "2025-01-15");
  View page;
  page.set("title", "报告 <2024> & \"复议\" '应诉'");
  page.set("meta", meta);
  page.set("html", "<p>正文</p>");
  View site;
  site.set("name", "示例站");
  View items{View::type::list};
  items.push_back(View("name", "甲&<乙>"));
  items.push_back(View("name", "乙"));
  View tags{View::type::list};
  tags.push_back("法治");
  tags.push_back("复议");
  View view;
  view.set("title", "站点标题");
  view.set("page", page);
  view.set("site", site);
  view.set("items", items);
  view.set("tags", tags);

  kainjow::mustache::mustache reference(tmpl);
  const std::string expected = reference.render(ToKainjowData(view));
  LayoutRenderer renderer(theme, nullptr);
  std::string out;
  Message error;
  REQUIRE(renderer.Render("page", &view, &out, &error));
  CHECK(out == expected);
  CHECK(out.find("站点标题|报告 &lt;2024&gt; &amp; &quot;复议&quot; &apos;应诉&apos;|2025-01-15||") == 0);
  CHECK(out.find("[甲&amp;&lt;乙&gt;:") != std::string::npos);
  // A layout the theme does not have: said in Chinese, not kainjow's English.
  CHECK_FALSE(renderer.Render("list", &view, &out, &error));
  CHECK(error.Render(Lang::kZh) == "主题里没有“list”模板");
}

TEST_CASE("theme: the chrome beneath a page's view renders as if merged into it") {
  // ChromeView (site, footer, …) is built once and looked up beneath every
  // page's own view: the bytes must be those of one view holding both, in
  // sections and dotted names too, and a page's own name wins.
  const std::string tmpl =
      "{{lang}}|{{site.title}}|{{#site}}{{title}}/{{sponsor}}/{{page.title}}{{/site}}|"
      "{{#footer}}{{icp}}{{#icp_missing}}!{{/icp_missing}}{{/footer}}|{{title}}|"
      "{{#items}}[{{name}}:{{site.title}}:{{root}}]{{/items}}|{{^footer.none}}ok{{/footer.none}}";
  Theme theme;
  REQUIRE(LoadPageTheme(tmpl, &theme));

  auto chrome_into = [](View* v) {
    View site;
    site.set("title", "某区司法局");
    site.set("sponsor", "某区司法局 & 办公室");
    View footer;
    footer.set("icp", "待填");
    footer.set("icp_missing", View::type::bool_true);
    v->set("lang", "zh-CN");
    v->set("site", site);
    v->set("footer", footer);
    v->set("root", "/sub/");
    v->set("title", "站点标题");  // the page's own title must win over this one
  };
  auto page_into = [](View* v) {
    View page;
    page.set("title", "2024年度报告");
    View items{View::type::list};
    items.push_back(View("name", "甲"));
    items.push_back(View("name", "乙"));
    v->set("page", page);
    v->set("items", items);
    v->set("title", "2024年度报告 - 某区司法局");
  };
  View chrome, view, merged;
  chrome_into(&chrome);
  page_into(&view);
  chrome_into(&merged);
  page_into(&merged);  // set() replaces: the page's title, as in one view

  std::string layered, whole;
  Message error;
  LayoutRenderer with_chrome(theme, &chrome);
  REQUIRE(with_chrome.Render("page", &view, &layered, &error));
  LayoutRenderer without(theme, nullptr);
  REQUIRE(without.Render("page", &merged, &whole, &error));
  CHECK(layered == whole);
  CHECK(layered ==
        "zh-CN|某区司法局|某区司法局/某区司法局 &amp; 办公室/2024年度报告|待填!|2024年度报告 - 某区司法局|"
        "[甲:某区司法局:/sub/][乙:某区司法局:/sub/]|ok");
  // Without the chrome the page has no site, footer or root.
  std::string bare;
  REQUIRE(without.Render("page", &view, &bare, &error));
  CHECK(bare == "||||2024年度报告 - 某区司法局|[甲::][乙::]|ok");
}

TEST_CASE("theme: kainjow's errors read in Chinese, with the offset they name") {
  size_t offset = 0;
  CHECK(MustacheError("Unclosed section \"page\" at 12", &offset).Render(Lang::kZh) ==
        "区块“page”没有结束：请在区块末尾加上“{{/page}}”");
  CHECK(offset == 12);
  CHECK(MustacheError("Unopened section \"items\" at 3", &offset).Render(Lang::kZh) ==
        "区块结束标签“{{/items}}”前面没有对应的“{{#items}}”或“{{^items}}”");
  CHECK(offset == 3);
  CHECK(MustacheError("Unclosed tag at 0", &offset).Render(Lang::kZh) ==
        "标签没有结束：这里开始的“{{”后面没有配对的“}}”");
  CHECK(offset == 0);
  CHECK(MustacheError("Invalid set delimiter tag at 7", &offset).Render(Lang::kZh) ==
        "更换分隔符的标签写错了：要写成 {{=<% %>=}} 这样，两个新分隔符之间隔一个空格");
  CHECK(offset == 7);
  CHECK(MustacheError("Unclosed section \"page\" at 12", &offset).Render(Lang::kEn) ==
        "the section 'page' is never closed: end it with '{{/page}}'");
  // Anything else kainjow may say keeps its words, framed, with no place.
  CHECK(MustacheError("Lambda with render argument is not allowed for regular variables", &offset)
            .Render(Lang::kZh) ==
        "Mustache 报告：Lambda with render argument is not allowed for regular variables");
  CHECK(offset == std::string::npos);
}

TEST_CASE("theme: HtmlEscape gives kainjow's html_escape bytes") {
  for (std::string s : {std::string(), std::string("&"), std::string("<>\"'&"), std::string("法治&政府"),
                        std::string("a<b>c\"d'e&f"), std::string("\xff\xfe<\x80"), std::string(1000, '&'),
                        std::string("末尾'")}) {
    CHECK(HtmlEscape(s) == kainjow::mustache::html_escape(s));
  }
  CHECK(HtmlEscape("<p class=\"x\">'&'</p>") == "&lt;p class=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/p&gt;");
}

TEST_CASE("theme: sections nested too deep are an error at the tag, whatever the delimiters") {
  // Issue 18, failure 6: 10,000 nested sections took 12 s and 1.06 GB.
  auto load = [](std::map<std::string, std::string> files) {
    Config config;
    config.theme = "t";
    Theme theme;
    Diagnostics diags;
    Theme::Load(SourceTree::FromFiles(std::move(files)), config, {"page"}, &theme, &diags);
    return diags.Format();
  };
  std::string deep;
  for (int i = 0; i < 10000; ++i) deep += "{{#a}}";
  for (int i = 0; i < 10000; ++i) deep += "{{/a}}";
  CHECK(load({{"themes/t/layouts/page.mustache", "<p>\n" + deep}}) ==
        "themes/t/layouts/page.mustache:2:385: 模板中的区块（{{#…}} 或 {{^…}}）嵌套超过64层；请减少嵌套\n"
        "  " +
            deep +
            "\n"
            "  " +
            std::string(384, ' ') + "^\n");
  // 64 levels are fine.
  std::string ok;
  for (int i = 0; i < 64; ++i) ok += "{{^a}}";
  for (int i = 0; i < 64; ++i) ok += "{{/a}}";
  CHECK(load({{"themes/t/layouts/page.mustache", ok}}) == "");
  // Changed delimiters do not hide a section.
  std::string other = "{{=<% %>=}}";
  for (int i = 0; i < 65; ++i) other += "<%#a%>";
  for (int i = 0; i < 65; ++i) other += "<%/a%>";
  CHECK(load({{"themes/t/layouts/page.mustache", other}}).find(":1:396: 模板中的区块") != std::string::npos);
  // Two partials of 40 levels each nest 80 deep once inlined.
  std::string forty_open, forty_close;
  for (int i = 0; i < 40; ++i) forty_open += "{{#a}}", forty_close += "{{/a}}";
  CHECK(load({{"themes/t/layouts/page.mustache", forty_open + "{{> inner}}" + forty_close},
              {"themes/t/partials/inner.mustache", forty_open + forty_close}}) ==
        "themes/t/layouts/page.mustache:1:1: 嵌入局部模板（partials）后，区块嵌套超过64层；请减少嵌套\n"
        "  " +
            forty_open + "{{> inner}}" + forty_close + "\n  ^\n");
}

TEST_CASE("theme: partials that include each other twice at every level stop at 16 MiB") {
  std::map<std::string, std::string> files = {{"themes/t/layouts/page.mustache", "{{> p0}}"}};
  for (int i = 0; i < 15; ++i) {
    std::string next = "{{> p" + std::to_string(i + 1) + "}}";
    files["themes/t/partials/p" + std::to_string(i) + ".mustache"] = next + next;
  }
  files["themes/t/partials/p15.mustache"] = std::string(1000, 'x');  // 2^15 copies: 32 MB
  Config config;
  config.theme = "t";
  Theme theme;
  Diagnostics diags;
  CHECK_FALSE(Theme::Load(SourceTree::FromFiles(files), config, {"page"}, &theme, &diags));
  CHECK(diags.Format() ==
        "themes/t/layouts/page.mustache:1:1: 嵌入局部模板（partials）后，模板超过16 "
        "MiB；是否有局部模板被反复包含？\n"
        "  {{> p0}}\n  ^\n");
}

TEST_CASE("theme: a layout that cannot be rendered is an error naming the output it was for") {
  // The backstop of RenderToSink: a page's own `layout:` is checked against
  // the theme before rendering (site/build.cpp), and the layouts a feature
  // needs are checked by the feature, so this is what is left when neither did.
  std::map<std::string, std::string> files = {{"themes/t/layouts/page.mustache", "{{title}}"}};
  SourceTree tree = SourceTree::FromFiles(files);
  Config config;
  config.theme = "t";
  Theme theme;
  Diagnostics diags;
  REQUIRE(Theme::Load(tree, config, {"page"}, &theme, &diags));
  LayoutRenderer renderer(theme, nullptr);
  MemorySink sink;
  View view;
  CHECK_FALSE(RenderToSink(&renderer, theme, "profile", view, "units/sfj/index.html", &sink, &diags));
  CHECK(diags.Format() == "profile: 生成 units/sfj/index.html 时出错：主题里没有“profile”模板\n");
  CHECK(diags.Format(Lang::kEn) == "profile: rendering units/sfj/index.html: no layout named 'profile'\n");
  CHECK(RenderToSink(&renderer, theme, "page", view, "a/index.html", &sink, &diags));
}

TEST_CASE("theme: a layout only kainjow renders gets the page's view and the chrome as kainjow data") {
  // Partials are inlined at load, but a partial tag written with changed
  // delimiters is not seen there: kainjow looks it up in the view at render
  // time. Such a layout is not compiled; LayoutRenderer hands it to kainjow
  // with the view and the chrome converted.
  const std::string tmpl = "{{title}}|{{site.title}}|{{=<% %>=}}<%> snippet %>|<%#items%><%name%>,<%/items%>";
  Theme theme;
  REQUIRE(LoadPageTheme(tmpl, &theme));
  CHECK(theme.Compiled("page") == nullptr);
  View site("title", "某区司法局");
  View chrome("site", site);
  View items{View::type::list};
  items.push_back(View("name", "甲"));
  items.push_back(View("name", "乙&丙"));
  View view("title", "报告");
  view.set("items", items);
  view.set("snippet", "[{{title}}]");
  LayoutRenderer renderer(theme, &chrome);
  std::string out;
  Message error;
  REQUIRE(renderer.Render("page", &view, &out, &error));
  CHECK(out == "报告|某区司法局|[报告]|甲,乙&amp;丙,");
  REQUIRE(renderer.Render("page", &view, &out, &error));  // the chrome converted once, used again
  CHECK(out == "报告|某区司法局|[报告]|甲,乙&amp;丙,");
}

}  // namespace fazhi
