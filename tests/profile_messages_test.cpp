// 述法 profile mistakes and the publishing norms (personal data, resources
// from other sites, a report's required items), one at a time in a whole
// inline site: the exact Chinese message at its path:line:col (issue 13:
// every message has a test).
#include <doctest/doctest.h>

#include <regex>
#include <string>

#include "site_fixture.h"

namespace fazhi::testing {
namespace {

const char* const kSite = R"(-- site.toml --
title = "测试站"
sponsor = "某区司法局"
as_of = 2025-06-30
-- content/_index.md --
---
title: 首页
---
-- content/reports/2024.md --
---
title: 2024年报告
date: 2025-03-01
year: 2024
---
## 一、主要举措和成效

正文。
-- content/profiles/_index.md --
---
title: 一把手述法
cohorts:
  - year: 2024
    form: 专题述法
    groups:
      - {unit_type: 区直部门, count: 42}
---
-- content/profiles/2024-a.md --
---
title: 甲局主要负责人2024年度述法
date: 2025-01-20
unit: 甲局
unit_slug: jia
unit_type: 区直部门
post: 甲局主要负责人
year: 2024
form: 专题述法
duties:
  - item: 重大问题亲自过问
    evidence: 定期研究法治建设重大问题
---
## 晒成绩

成绩。
)";

FixtureResult Build(const std::string& site, bool default_theme = true) {
  FixtureOptions opts;
  opts.default_theme = default_theme;
  opts.build.jobs = 1;
  return BuildFixture(site, opts);
}

std::string With(std::string_view from, std::string_view to) {
  std::string site = kSite;
  Replace(&site, from, to);
  return site;
}

// The errors' first lines ("path:line:col: message"), one per error; the
// source line and the caret under each are left out.
std::string Errors(const std::string& site, bool default_theme = true) {
  FixtureResult r = Build(site, default_theme);
  CHECK_FALSE(r.ok);
  static const std::regex kHead(R"(^[^ ].*:[0-9]+:[0-9]+: |^themes/)");
  std::string out;
  size_t from = 0;
  while (from < r.errors.size()) {
    size_t end = r.errors.find('\n', from);
    if (end == std::string::npos) end = r.errors.size();
    std::string line = r.errors.substr(from, end - from);
    if (std::regex_search(line, kHead) && line.find(": 警告：") == std::string::npos) out += line + "\n";
    from = end + 1;
  }
  return out;
}

const std::string kProfile = "content/profiles/2024-a.md";

}  // namespace

TEST_CASE("profile messages: the site builds before any mistake") {
  FixtureResult r = Build(kSite);
  CHECK_MESSAGE(r.ok, r.errors);
}

TEST_CASE("profile messages: a profile's front matter") {
  CHECK(Errors(With("form: 专题述法\nduties", "form: 随便述法\nduties")) ==
        kProfile +
            ":9:7: “form”不能是“随便述法”：请写 专题述法、现场述法、书面述法、公开述法、年终述职述法 "
            "中的一个（可在 "
            "site.toml 的 [profiles] forms 里增改）\n");
  CHECK(Errors(With("year: 2024\nform", "year: 224\nform")) ==
        kProfile + ":8:7: “year”必须是 1900 到 2100 之间的年份，这里是“224”\n");
  CHECK(Errors(With("duties:\n  - item: 重大问题亲自过问\n    evidence: 定期研究法治建设重大问题",
                    "duties: 重大问题亲自过问")) == kProfile + ":10:9: “duties”必须是列表\n");
  CHECK(Errors(With("duties:\n  - item: 重大问题亲自过问\n    evidence: 定期研究法治建设重大问题",
                    "duties:\n  - 重大问题亲自过问")) ==
        kProfile + ":11:5: “duties”的每一项都要写成一组“键: 值”\n");
  CHECK(Errors(With("  - item: 重大问题亲自过问\n",
                    "  - item: 重大问题亲自过问\n    evidence: 甲\n  - item: 重大问题亲自过问\n")) ==
        kProfile + ":13:5: 职责事项“重大问题亲自过问”写了两次\n");
  CHECK(Errors(With("  - item: 重大问题亲自过问\n", "  - evidence: 甲\n  - item: 重大问题亲自过问\n")) ==
        kProfile + ":11:5: 职责事项缺少必填的键“item”\n");
  CHECK(Errors(With("form: 专题述法\nduties", "form: 专题述法\nevaluation: 好\nduties")) ==
        kProfile + ":10:13: “evaluation”要写成一组“键: 值”\n");
  CHECK(Errors(With("unit_slug: jia", "unit_slug: jia ju")) ==
        kProfile + ":5:12: unit_slug“jia ju”不能包含“/”“?”“#”“%”或空格\n");
}

TEST_CASE("profile messages: a profile's links need a title and a URL") {
  CHECK(Errors(With("form: 专题述法\nduties", "form: 专题述法\nlinks:\n  - title: 述法视频\nduties")) ==
        kProfile + ":11:5: 链接缺少必填的键“url”\n");
}

TEST_CASE("profile messages: a cohort bound to an indicator without that year's value") {
  std::string site =
      With("{unit_type: 区直部门, count: 42}", "{unit_type: 区直部门, count: 42, indicator: shufa-dept}");
  site += R"(-- content/indicators/shufa-dept.md --
---
title: 区直部门专题述法人数
date: 2025-01-01
category: leadership
unit: 名
kind: count
---
-- data/indicators/a.csv --
指标,年份,数值
shufa-dept,2023,40
)";
  CHECK(Errors(site) == "content/profiles/_index.md:7:9: 指标“shufa-dept”没有 2024 年的数值\n");
}

TEST_CASE("profile messages: the cohorts of the profiles index") {
  CHECK(Errors(With("    form: 专题述法\n    groups", "    groups")) ==
        "content/profiles/_index.md:4:5: 述法批次缺少必填的键“form”（述法形式）\n");
  CHECK(Errors(With("  - year: 2024\n    form: 专题述法\n    groups", "  - form: 专题述法\n    groups")) ==
        "content/profiles/_index.md:4:5: 述法批次缺少必填的键“year”\n");
}

TEST_CASE("profile messages: a profile named like a list page, a theme without profile layouts") {
  std::string site = kSite;
  site +=
      "-- content/profiles/types.md --\n---\ntitle: 类型\ndate: 2025-01-20\nunit: 乙局\nunit_type: "
      "区直部门\npost: 局长\n"
      "year: 2024\n---\n";
  CHECK(Errors(site) ==
        "content/profiles/types.md:1:1: 述法档案不能放在 "
        "/profiles/types/：这个地址是按年度或类型列出档案的页面，请给文件改名\n");
  // kMinimalSite's theme has no profiles, profile or unit layout.
  std::string bare =
      std::string(kMinimalSite) + std::string(kSite).substr(std::string(kSite).find("-- content/"));
  CHECK(Errors(bare, false) ==
        "themes/default/layouts/profiles.mustache: 缺少模板：本站有述法档案，需要这个模板\n"
        "themes/default/layouts/profile.mustache: 缺少模板：本站有述法档案，需要这个模板\n"
        "themes/default/layouts/unit.mustache: 缺少模板：本站有述法档案，需要这个模板\n");
}

TEST_CASE("norm messages: an ID number after 身份证号 is personal data whatever its check digit") {
  CHECK(Errors(With("## 晒成绩\n\n成绩。", "## 晒成绩\n\n当事人身份证号110101199003071235。")) ==
        kProfile + ":16:8: 个人信息：“身份证”后面的18位数字像是证件号码（校验位不对也算）；请删除\n");
}

TEST_CASE("norm messages: video, audio, subtitles, frames, embedded objects and @import from other sites") {
  std::string site = With("正文。", R"(正文。

<video src="https://v.example.com/a.mp4"><source src="https://v.example.com/a.webm"><track src="https://v.example.com/a.vtt"></video>
<iframe src="https://map.example.com/embed"></iframe>
<embed src="https://e.example.com/a.swf">
<object data="https://o.example.com/a.pdf"></object>
<style>@import url("https://s.example.com/a.css");</style>)");
  const std::string tail = "：网站不能从其他网站加载任何东西，请把文件复制到 static/，或者把“";
  std::string errors = Errors(site);
  CHECK(errors == "content/reports/2024.md:10:13: 从其他网站加载的音视频（v.example.com）" + tail +
                      "v.example.com”写进 site.toml 的 [security] allow_hosts\n"
                      "content/reports/2024.md:10:55: 从其他网站加载的媒体源（v.example.com）" +
                      tail +
                      "v.example.com”写进 site.toml 的 [security] allow_hosts\n"
                      "content/reports/2024.md:10:97: 从其他网站加载的音视频字幕（v.example.com）" +
                      tail +
                      "v.example.com”写进 site.toml 的 [security] allow_hosts\n"
                      "content/reports/2024.md:11:14: 从其他网站加载的内嵌框架（iframe）（map.example.com）" +
                      tail +
                      "map.example.com”写进 site.toml 的 [security] allow_hosts\n"
                      "content/reports/2024.md:12:13: 从其他网站加载的嵌入对象（e.example.com）" +
                      tail +
                      "e.example.com”写进 site.toml 的 [security] allow_hosts\n"
                      "content/reports/2024.md:13:15: 从其他网站加载的嵌入对象（o.example.com）" +
                      tail +
                      "o.example.com”写进 site.toml 的 [security] allow_hosts\n"
                      "content/reports/2024.md:14:21: 从其他网站加载的样式表（@import）（s.example.com）" +
                      tail + "s.example.com”写进 site.toml 的 [security] allow_hosts\n");
}

TEST_CASE("norm messages: a report's items map") {
  CHECK(Errors(With("year: 2024\n---", "year: 2024\nitems: 一、主要举措和成效\n---")) ==
        "content/reports/2024.md:5:8: “items”要把必备事项对应到标题，例如 items: {accountability: "
        "\"一、…\"}\n");
  CHECK(
      Errors(With("year: 2024\n---", "year: 2024\nitems:\n  整改: 一、主要举措和成效\n---")) ==
      "content/reports/2024.md:6:3: 没有“整改”这个报告事项：请写 achievements、shortcomings、accountability、"
      "next_year 或 other\n");
}

}  // namespace fazhi::testing
