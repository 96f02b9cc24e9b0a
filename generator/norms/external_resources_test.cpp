#include "norms/external_resources.h"

#include <doctest/doctest.h>

namespace fazhi {
namespace {

std::vector<std::string> Urls(std::string_view text, ResourceLang lang) {
  std::vector<std::string> out;
  for (const auto& r : FindResourceRefs(text, lang))
    out.push_back(Message(*r.what).Render(Lang::kEn) + " " + r.url);
  return out;
}

TEST_CASE("external_resources: HTML tags that load resources, plain links do not") {
  std::string html =
      "<a href=\"https://www.gov.cn/\">中国政府网</a>\n"
      "<script src=\"https://cdn.example.com/a.js\"></script>\n"
      "<SCRIPT SRC='//cdn.example.com/b.js'></SCRIPT><script>var x='<img "
      "src=\"https://no.example/\">';</script>\n"
      "<link rel=\"canonical\" href=\"https://a.gov.cn/\"><link rel=\"stylesheet\" "
      "href=\"https://fonts.example.com/css\">\n"
      "<img alt=\"\" src=\"{{base_url}}img/a.png\" srcset=\"/a.png 1x, http://img.example.com/a@2x.png "
      "2x\">\n"
      "<iframe src=\"https://map.example.com/embed\"></iframe><div "
      "style=\"background:url('https://bg.example.com/x.png')\">\n"
      "<style>@import url(\"https://s.example.com/a.css\"); "
      ".x{background:url(data:image/png;base64,AA)}</style>\n"
      "<!-- <script src=\"https://commented.example.com/x.js\"></script> -->\n"
      "<input type=\"checkbox\" {{#on}}checked{{/on}} id=\"x\">";
  CHECK(Urls(html, ResourceLang::kHtml) ==
        std::vector<std::string>{"script https://cdn.example.com/a.js", "script //cdn.example.com/b.js",
                                 "stylesheet, font or icon (<link>) https://fonts.example.com/css",
                                 "image http://img.example.com/a@2x.png",
                                 "iframe https://map.example.com/embed",
                                 "font or image (CSS url()) https://bg.example.com/x.png",
                                 "stylesheet (@import) https://s.example.com/a.css"});
}

TEST_CASE("external_resources: on tags that load nothing themselves, only a style attribute counts") {
  std::string html =
      "<p title=\"style=url(https://no.example/a)\" STYLE=\"background:URL(//a.example.com/p.png)\">x</p>\n"
      "<td class=x data-style=\"background:url(https://no.example/b)\" "
      "Style='list-style:url(http://b.example.com/i.png)'>\n"
      "<div src=\"https://no.example/c.png\" href=\"https://no.example/d\" style>\n"
      "<span style=\"color:red\" style=\"background:url(https://no.example/second)\">\n"
      "<li {{#x}}style=\"background:url(https://c.example.com/l.png)\"{{/x}}>";
  CHECK(Urls(html, ResourceLang::kHtml) ==
        std::vector<std::string>{"font or image (CSS url()) //a.example.com/p.png",
                                 "font or image (CSS url()) http://b.example.com/i.png",
                                 "font or image (CSS url()) https://c.example.com/l.png"});
}

TEST_CASE("external_resources: a tag ends at its first '>' outside a quoted value, however it is written") {
  // Each tag before the last is written so that reading it wrong ends it at
  // the wrong '>' or misses its style: plain tags are read eight bytes at a
  // time, the others byte by byte, and both must agree.
  std::string html =
      "<p class=\"a>b\" title='c>d' style=\"background:url(//a.example.com/1.png)\">\n"
      "<p title = \"e>f\" style=\"background:url(//a.example.com/2.png)\">\n"
      "<p title=g>h\" style=\"background:url(//no.example/3.png)\">\n"
      "<p a\"b=\"i>j\" Style=\"background:url(//a.example.com/4.png)\">\n"
      "<div\vstyle=\"background:url(//a.example.com/5.png)\">\n"
      "<td hidden/data-x='k\">l'/STYLE='background:url(//a.example.com/6.png)'>\n"
      "<li class=\"unclosed><img src=\"https://no.example/7.png\">";
  CHECK(Urls(html, ResourceLang::kHtml) ==
        std::vector<std::string>{"font or image (CSS url()) //a.example.com/1.png",
                                 "font or image (CSS url()) //a.example.com/2.png",
                                 "font or image (CSS url()) //a.example.com/4.png",
                                 "font or image (CSS url()) //a.example.com/6.png"});
}

TEST_CASE("external_resources: every tag and attribute that loads, in the order reported") {
  std::string html =
      "<source src=\"https://a.example.com/s.mp4\" srcset=\"https://a.example.com/s.webp 1x\">"
      "<frame src=\"https://a.example.com/f.html\"><embed src=\"https://a.example.com/e.swf\">"
      "<object data=\"https://a.example.com/o.swf\" src=\"https://no.example/o\">"
      "<video poster=\"https://a.example.com/v.jpg\" src=\"https://a.example.com/v.mp4\"></video>"
      "<audio src=\"https://a.example.com/a.mp3\"><track src=\"https://a.example.com/t.vtt\"></audio>"
      "<svg><image xlink:href=\"https://a.example.com/i.png\" href=\"https://a.example.com/j.png\"/>"
      "<use href=\"https://a.example.com/u.svg#x\"/></svg>"
      "<link rel=\"preload icon\" href=\"https://a.example.com/l.woff\"><link rel=\"alternate\" "
      "href=\"https://no.example/feed\"><a href=\"https://no.example/a\" src=\"https://no.example/b\">";
  CHECK(Urls(html, ResourceLang::kHtml) ==
        std::vector<std::string>{
            "media source https://a.example.com/s.mp4", "image https://a.example.com/s.webp",
            "iframe https://a.example.com/f.html", "embedded object https://a.example.com/e.swf",
            "embedded object https://a.example.com/o.swf", "media https://a.example.com/v.mp4",
            "image https://a.example.com/v.jpg", "media https://a.example.com/a.mp3",
            "media track https://a.example.com/t.vtt", "image https://a.example.com/j.png",
            "image https://a.example.com/i.png", "image https://a.example.com/u.svg#x",
            "stylesheet, font or icon (<link>) https://a.example.com/l.woff"});
}

TEST_CASE("external_resources: CSS url(), @import and @font-face") {
  std::string css =
      "/* url(https://comment.example.com/x) */\n"
      "@import 'https://a.example.com/x.css';\n"
      "@font-face { font-family: X; src: url(https://fonts.example.com/x.woff2) format('woff2'); }\n"
      "body { background: url(../img/bg.png); }\n";
  CHECK(Urls(css, ResourceLang::kCss) ==
        std::vector<std::string>{"stylesheet (@import) https://a.example.com/x.css",
                                 "font or image (CSS url()) https://fonts.example.com/x.woff2"});
}

TEST_CASE("external_resources: Markdown images count, code blocks and links do not") {
  std::string md =
      "见[中国政府网](https://www.gov.cn/)。\n"
      "![图](https://img.example.com/a.png \"t\")\n"
      "```html\n<script src=\"https://code.example.com/x.js\"></script>\n```\n"
      "`<img src=\"https://inline.example.com/x.png\">`\n"
      "<img src=\"https://raw.example.com/x.png\">\n";
  CHECK(Urls(md, ResourceLang::kMarkdown) == std::vector<std::string>{"image https://raw.example.com/x.png",
                                                                      "image https://img.example.com/a.png"});
}

TEST_CASE("external_resources: code in Markdown hides what it shows, wherever it starts and ends") {
  std::string md =
      "正文 `<img src=\"https://span.example.com/a.png\">` 之后 ![真](https://one.example.com/1.png)\n"
      "   ~~~\n<script src=\"https://tilde.example.com/x.js\"></script>\n~~~\n"
      "多行 `代码\n<img src=\"https://two-lines.example.com/x.png\">` 结束\n"
      "未闭合 ` 的反引号 <img src=\"https://open-tick.example.com/x.png\">\n\n"
      "段落 `跨段\n\n<img src=\"https://paragraph.example.com/x.png\">` 不算代码\n"
      "    ```\n<img src=\"https://four-spaces.example.com/x.png\">\n"
      "```\n<img src=\"https://unclosed-fence.example.com/x.png\">\n";
  CHECK(Urls(md, ResourceLang::kMarkdown) ==
        std::vector<std::string>{
            "image https://open-tick.example.com/x.png", "image https://paragraph.example.com/x.png",
            "image https://four-spaces.example.com/x.png", "image https://one.example.com/1.png"});
}

TEST_CASE("external_resources: a background attribute, a click-tracking ping and an early connection count") {
  // Word's HTML puts backgrounds on cells; <a ping> sends a request to each
  // URL listed when the link is followed; preconnect and dns-prefetch tell
  // the host of every visitor. The plain link itself stays fine.
  std::string html =
      "<body background=\"https://a.example.com/bg.png\"><table><tr><TD Background='//b.example.com/c.png'>"
      "<td background=\"img/cell.png\">\n"
      "<a href=\"https://www.gov.cn/\" ping=\"/count https://c.example.com/p  "
      "//d.example.com/q\">政府网</a>\n"
      "<link rel=\"preconnect\" href=\"https://e.example.com\"><link rel=\"dns-prefetch\" "
      "href=\"//f.example.com\">"
      "<link rel=\"alternate\" href=\"https://g.example.com/feed\">\n";
  CHECK(Urls(html, ResourceLang::kHtml) ==
        std::vector<std::string>{"image https://a.example.com/bg.png", "image //b.example.com/c.png",
                                 "click-tracking request (<a ping>) https://c.example.com/p",
                                 "click-tracking request (<a ping>) //d.example.com/q",
                                 "early connection (<link rel=preconnect>) https://e.example.com",
                                 "early connection (<link rel=preconnect>) //f.example.com"});
}

TEST_CASE("external_resources: a ping and an early connection are errors whose fix is to remove them") {
  Config cfg;
  Diagnostics d;
  CHECK_FALSE(CheckRenderedHtml("about/index.html",
                                "<a href=\"/\" ping=\"https://t.example.com/c\">首页</a>\n"
                                "<link rel=\"preconnect\" href=\"https://e.example.com\">",
                                cfg, &d));
  CHECK(
      d.Format() ==
      "about/index.html:1:19: "
      "点击跟踪请求（<a ping>）发往其他网站（t.example.com）：读者点开这个链接时，浏览器会通知“t.example."
      "com”；请删掉 ping 属性，或者把“t.example.com”写进 site.toml 的 [security] allow_hosts\n"
      "  <a href=\"/\" ping=\"https://t.example.com/c\">首页</a>\n"
      "                    ^\n"
      "about/index.html:2:30: "
      "预先连接（<link rel=preconnect>）指向其他网站（e.example.com）：每位访问者的浏览器都会连接“e.example."
      "com”；请删掉这个 <link>，或者把“e.example.com”写进 site.toml 的 [security] allow_hosts\n"
      "  <link rel=\"preconnect\" href=\"https://e.example.com\">\n"
      "                               ^\n");
}

TEST_CASE("external_resources: a URL is read as the browser reads it before it names a host") {
  // Character references in attribute values, backslashes for slashes,
  // spaces and controls at the ends, tabs and line breaks inside, the
  // scheme in capitals: each loads from another host in a browser.
  std::string html =
      "<img src=\"\\\\b.example.com/x.png\"><img src=\"/\\c.example.com/x.png\">\n"
      "<img src=\"&#104;ttps://d.example.com/x.png\"><script "
      "src=\"https&colon;&sol;&sol;e.example.com/a.js\">"
      "</script>\n"
      "<img src=\"&#x20;//f.example.com/x.png\"><img src=\"\r\n\f//g.example.com/x.png\">\n"
      "<img src=\"ht\ttps://h.example.com/x.png\"><img src=\"https:\\\\i.example.com/x.png\">\n"
      "<img src=\"HTTPS://J.example.com/x.png\"><img src=\"https:k.example.com/x.png\">\n"
      "<p style=\"background:url(&#47;&#47;l.example.com/p.png)\">\n"
      "<img srcset=\"/a.png 1x, &#47;/m.example.com/b.png 2x\">\n"
      "<style>.x{background:url(\"\\2f\\2f n.example.com/a.png\")} @import "
      "\"https\\:\\/\\/o.example.com/a.css\";"
      "</style>\n"
      // None of these names a host.
      "<img src=\"img/&#47;&#47;a.png\"><img src=\"/a\\b.png\"><img src=\"data:image/png;base64,AA\">"
      "<img src=\"javascript:void(0)\"><img src=\"https:\"><img src=\"https:///?x\"><img src=\"&amp;//x\">\n";
  CHECK(Urls(html, ResourceLang::kHtml) ==
        std::vector<std::string>{
            "image //b.example.com/x.png", "image //c.example.com/x.png", "image https://d.example.com/x.png",
            "script https://e.example.com/a.js", "image //f.example.com/x.png", "image //g.example.com/x.png",
            "image https://h.example.com/x.png", "image https://i.example.com/x.png",
            "image https://J.example.com/x.png", "image https://k.example.com/x.png",
            "font or image (CSS url()) //l.example.com/p.png", "image //m.example.com/b.png",
            "font or image (CSS url()) //n.example.com/a.png",
            "stylesheet (@import) https://o.example.com/a.css"});
  // Markdown: cmark-gfm decodes the references of a destination and writes
  // a backslash left in it as %5C, which is no slash.
  CHECK(Urls("![a](&#47;&#47;p.example.com/a.png) ![b](\\\\\\\\q.example.com/a.png) "
             "![c](\\/\\/r.example.com/a.png)",
             ResourceLang::kMarkdown) ==
        std::vector<std::string>{"image //p.example.com/a.png", "image //r.example.com/a.png"});
  // The host the error names and allow_hosts compare is the one fetched.
  CHECK(IsAllowedResource("\\\\cdn.example.com/a.js", "", {"cdn.example.com"}));
  CHECK_FALSE(IsAllowedResource("\\\\fonts.example.com/a.css", "", {"cdn.example.com"}));
  CHECK_FALSE(IsAllowedResource(" HTTPS:\\\\Fonts.Example.com/a.css", "", {"cdn.example.com"}));
}

TEST_CASE("external_resources: allow_hosts and the site's own host") {
  std::vector<std::string> allow = {"cdn.example.com", "*.gov.cn"};
  CHECK(IsAllowedResource("/css/site.css", "", allow));
  CHECK(IsAllowedResource("https://cdn.example.com/a.js", "", allow));
  CHECK(IsAllowedResource("https://www.gz.gov.cn/x.png", "", allow));
  CHECK_FALSE(IsAllowedResource("https://gov.cn.evil.example/x.png", "", allow));
  CHECK_FALSE(IsAllowedResource("https://fonts.example.com/x", "", allow));
  CHECK(IsAllowedResource("https://sfj.example.org/x.png", "sfj.example.org", {}));
}

TEST_CASE("external_resources: the build check reports each source position") {
  SourceTree tree = SourceTree::FromFiles({
      {"themes/default/partials/head.mustache",
       "<head>\n  <link rel=\"stylesheet\" href=\"https://fonts.example.com/css?family=Noto\">\n</head>\n"},
      {"themes/default/static/css/site.css", "a{}\n@font-face{src:url(//fonts.example.com/x.woff)}\n"},
      {"themes/other/partials/x.mustache", "<script src=\"https://unused-theme.example.com/x.js\"></script>"},
      {"content/about.md", "---\ntitle: 关于\n---\n正文 ![地图](https://map.example.com/m.png)\n"},
      {"content/ok.md", "---\ntitle: 链接\n---\n[外部链接](https://www.gov.cn/)\n"},
      {"static/js/x.js", "fetch('https://api.example.com/')"},
  });
  Config cfg;
  Diagnostics d;
  CHECK_FALSE(CheckExternalResources(tree, cfg, &d));
  CHECK(d.Format() ==
        "content/about.md:4:10: "
        "从其他网站加载的图片（map.example.com）：网站不能从其他网站加载任何东西，请把文件复制到 "
        "static/，或者把“map.example.com”写进 site.toml 的 [security] allow_hosts\n"
        "  正文 ![地图](https://map.example.com/m.png)\n"
        "               ^\n"
        "themes/default/partials/head.mustache:2:32: "
        "从其他网站加载的样式表、字体或图标（<link>）（fonts.example."
        "com）：网站不能从其他网站加载任何东西，请把文件复制到 static/，或者把“fonts.example.com”写进 "
        "site.toml 的 [security] allow_hosts\n"
        "    <link rel=\"stylesheet\" href=\"https://fonts.example.com/css?family=Noto\">\n"
        "                                 ^\n"
        "themes/default/static/css/site.css:2:20: 从其他网站加载的字体或图片（CSS "
        "url()）（fonts.example.com）：网站不能从其他网站加载任何东西，请把文件复制到 "
        "static/，或者把“fonts.example.com”写进 site.toml 的 [security] allow_hosts\n"
        "  @font-face{src:url(//fonts.example.com/x.woff)}\n"
        "                     ^\n");
  cfg.allow_hosts = {"fonts.example.com", "map.example.com"};
  Diagnostics d2;
  CHECK(CheckExternalResources(tree, cfg, &d2));
  CHECK(d2.Format() == "");
}

TEST_CASE("external_resources: rendered HTML is checked against its output path") {
  Config cfg;
  Diagnostics d;
  CHECK_FALSE(CheckRenderedHtml("reports/2024/index.html",
                                "<p>x</p>\n<img src=\"https://x.example.com/a.png\">", cfg, &d));
  CHECK(d.Format().rfind("reports/2024/index.html:2:11: 从其他网站加载的图片（x.example.com）：", 0) == 0);
}

}  // namespace
}  // namespace fazhi
