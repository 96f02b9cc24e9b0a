// The serve session's incremental builds: after every edit the session's
// output must be byte-identical to a fresh build of the same sources, and an
// edit to a plain page's or an annual report's body must take the fast path
// (re-render that page, and the lists when its summary changed) while
// anything else falls back to the whole pipeline. The site lives on disk: the session reads edits from it.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "site/build.h"
#include "site_fixture.h"
#include "txtar.h"

namespace fazhi::testing {
namespace {
namespace fs = std::filesystem;

const char* const kSite = R"(-- site.toml --
title = "测试站"
sponsor = "某区司法局"
as_of = 2025-06-30
paginate = 2
-- content/_index.md --
---
title: 首页
---
-- content/news/_index.md --
---
title: 工作动态
---
-- content/news/a.md --
---
title: 甲
date: 2025-01-03
tags: [复议, 调解]
---
甲的第一段，讲行政复议。

## 二、后续

甲的第二段，见[乙](b.md)。
-- content/news/b.md --
---
title: 乙
date: 2025-01-02
tags: [调解]
categories: [动态]
---
乙的正文。
-- content/news/c.md --
---
title: 丙
date: 2025-01-01
---
丙的正文。
-- content/reports/2024.md --
---
title: 2024年报告
date: 2025-03-01
year: 2024
published: 2025-03-01
---
## 一、主要举措

办理行政复议案件{{< value cases 2024 >}}。
-- content/indicators/cases.md --
---
title: 行政复议收案数
date: 2025-03-01
category: oversight
unit: 件
kind: count
direction: neutral
---
-- data/indicators/2024.csv --
指标,年份,数值,单位,限定,依据,公式,来源,备注
cases,2024,368,件,,原文,,reports/2024.md#一主要举措,
)";

// Two complete annual reports (the five items, published on time: no
// warning), the 2024 one anchored by an indicator's source and citing it.
const char* const kReportSite = R"(-- site.toml --
title = "测试站"
sponsor = "某区司法局"
as_of = 2025-06-30
-- content/_index.md --
---
title: 首页
---
-- content/news/_index.md --
---
title: 工作动态
---
-- content/news/a.md --
---
title: 甲
date: 2025-01-03
---
甲的正文。
-- content/reports/2024.md --
---
title: 2024年法治政府建设年度报告
date: 2025-03-01
year: 2024
published: 2025-03-01
---
本区坚持依法行政，扎实推进法治政府建设。

## 一、主要举措和成效

### （一）健全依法决策机制

落实重大行政决策程序制度。办理行政复议案件{{< value cases 2024 >}}。

### （二）严格规范公正文明执法

落实行政执法三项制度。

## 二、存在的不足和原因

基层执法力量仍显不足。

## 三、党政主要负责人履行推进法治建设第一责任人职责情况

主要负责人带头学法用法。

## 四、下一年度主要安排

持续深化法治政府建设。

## 五、其他需要报告的情况

无。
-- content/reports/2023.md --
---
title: 2023年法治政府建设年度报告
date: 2024-03-01
year: 2023
published: 2024-03-01
---
本区依法行政水平不断提高。

## 一、主要举措和成效

### （一）加强制度建设

完善规范性文件审查。

## 二、存在的不足和原因

法治宣传仍需加强。

## 三、党政主要负责人履行推进法治建设第一责任人职责情况

主要负责人带头述法。

## 四、下一年度主要安排

推进依法治区。

## 五、其他需要报告的情况

无。
-- content/indicators/cases.md --
---
title: 办理行政复议案件
date: 2025-03-01
category: oversight
unit: 件
kind: count
direction: neutral
---
-- content/indicators/reviews.md --
---
title: 合法性审查意见
date: 2025-03-01
category: decisions
unit: 件
kind: count
direction: neutral
---
-- data/indicators/2024.csv --
指标,年份,数值,单位,限定,依据,公式,来源,备注
cases,2024,368,件,,原文,,reports/2024.md#一主要举措和成效,
reviews,2024,52,件,,原文,,reports/2024.md#一主要举措和成效,
)";

struct Site {
  fs::path dir;
  explicit Site(const std::string& name, const char* txtar = kSite) {
    dir = fs::temp_directory_path() / ("fazhi-session-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    for (auto& [path, text] : ParseTxtar(txtar)) Write(path, text);
  }
  ~Site() { fs::remove_all(dir); }
  void Write(const std::string& path, const std::string& text) const {
    fs::create_directories((dir / path).parent_path());
    std::ofstream(dir / path, std::ios::binary) << text;
  }
  std::string Read(const std::string& path) const {
    std::ifstream in(dir / path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  void Replace(const std::string& path, const std::string& from, const std::string& to) const {
    std::string text = Read(path);
    fazhi::testing::Replace(&text, from, to);
    Write(path, text);
  }
  BuildOptions Options() const {
    BuildOptions opts;
    opts.source_dir = dir;
    opts.serving = true;
    opts.base_url = "/";
    return opts;
  }
};

using Files = std::map<std::string, std::string, std::less<>>;

// A fresh build of the sources as they are on disk: what the session must equal.
Files FreshBuild(const Site& site, std::string* errors) {
  BuildOptions opts = site.Options();
  SourceTree tree;
  Diagnostics diags;
  MemorySink sink;
  BuildStats stats;
  if (!ReadSite(opts, &tree, &diags) || !BuildToSink(tree, opts, &sink, &diags, &stats)) {
    *errors = diags.Format();
    return {};
  }
  *errors = diags.Format();
  return sink.Take();
}

struct Step {
  bool ok;
  bool incremental;
  std::string errors;
};

Step Rebuild(BuildSession* session, const Site& site, const std::vector<std::string>& changed) {
  SiteFiles files;
  Diagnostics diags;
  BuildStats stats;
  bool ok = session->Build(changed, false, &files, &diags, &stats);
  Step step{ok, session->last_incremental(), diags.Format()};
  std::string fresh_errors;
  Files fresh = FreshBuild(site, &fresh_errors);
  CHECK(step.errors == fresh_errors);  // the same errors and warnings, in the same order
  if (!ok) return step;
  Files got;
  for (auto& [path, bytes] : files) got.emplace(path, *bytes);
  REQUIRE(got.size() == fresh.size());
  // Not a structured binding: doctest's message macros capture in a lambda,
  // and clang 14 (so clang-tidy) cannot yet capture bindings (C++20 P1091).
  for (const auto& entry : fresh) {
    const std::string& path = entry.first;
    auto it = got.find(path);
    REQUIRE_MESSAGE(it != got.end(), "missing " << path);
    CHECK_MESSAGE(it->second == entry.second, "differs from a fresh build: " << path);
  }
  return step;
}

// Replaces `from` by `to` in `path`, then rebuilds with that one change.
Step Edit(BuildSession* session, const Site& site, const std::string& path, const std::string& from,
          const std::string& to) {
  site.Replace(path, from, to);
  return Rebuild(session, site, {path});
}

}  // namespace

TEST_CASE("build session: body edits re-render in place, everything else rebuilds, output always fresh") {
  Site site("edits");
  BuildSession session(site.Options());
  const std::string a = "content/news/a.md", b = "content/news/b.md", c = "content/news/c.md";
  Step first = Rebuild(&session, site, {});
  REQUIRE_MESSAGE(first.ok, first.errors);
  CHECK_FALSE(first.incremental);

  SUBCASE("a paragraph added at the end: only the page (and search) change") {
    Step s = Edit(&session, site, a, "见[乙](b.md)。", "见[乙](b.md)。\n\n新增的一段。");
    CHECK(s.ok);
    CHECK(s.incremental);
    CHECK(session.last_rendered_pages() == 1);
  }
  SUBCASE("a new first paragraph: the summary changes, lists, taxonomies and the feed follow") {
    Step s = Edit(&session, site, b, "乙的正文。", "乙的新开头。\n\n乙的正文。");
    CHECK(s.ok);
    CHECK(s.incremental);
  }
  SUBCASE("two pages edited in one batch") {
    site.Replace(b, "乙的正文。", "乙改过的正文。");
    site.Replace(c, "丙的正文。", "丙改过的正文。");
    Step s = Rebuild(&session, site, {b, c});
    CHECK(s.ok);
    CHECK(s.incremental);
    CHECK(session.last_rendered_pages() == 2);
  }
  SUBCASE("a title, a date or a tag is read by other pages: the whole pipeline runs") {
    CHECK_FALSE(Edit(&session, site, b, "title: 乙", "title: 乙（修订）").incremental);
    CHECK_FALSE(Edit(&session, site, c, "date: 2025-01-01", "date: 2025-01-05").incremental);
    CHECK_FALSE(Edit(&session, site, a, "tags: [复议, 调解]", "tags: [复议]").incremental);
    // And the next body edit is fast again.
    CHECK(Edit(&session, site, c, "丙的正文。", "丙的新正文。").incremental);
  }
  SUBCASE("citing an indicator changes its page's 引用 list: the whole pipeline runs") {
    Step s = Edit(&session, site, c, "丙的正文。", "丙的正文，见{{< value cases 2024 >}}。");
    CHECK(s.ok);
    CHECK_FALSE(s.incremental);
  }
  SUBCASE("a report with warnings (items missing) and indicator data rebuild in full") {
    const std::string report = "content/reports/2024.md", csv = "data/indicators/2024.csv";
    CHECK_FALSE(Edit(&session, site, report, "办理行政复议案件", "依法办理行政复议案件").incremental);
    CHECK_FALSE(Edit(&session, site, csv, "cases,2024,368", "cases,2024,369").incremental);
  }
  SUBCASE("a new page and a deleted page re-read the tree") {
    site.Write("content/news/d.md", "---\ntitle: 丁\ndate: 2025-01-04\n---\n丁的正文。\n");
    Step added = Rebuild(&session, site, {"content/news/d.md"});
    CHECK(added.ok);
    CHECK_FALSE(added.incremental);
    fs::remove(site.dir / "content/news/d.md");
    Step removed = Rebuild(&session, site, {"content/news/d.md"});
    CHECK(removed.ok);
    CHECK_FALSE(removed.incremental);
  }
  SUBCASE("a broken link fails with its position and the fix is fast") {
    Step broken = Edit(&session, site, a, "见[乙](b.md)。", "见[乙](bb.md)。");
    CHECK_FALSE(broken.ok);
    // After the report's compliance warnings, as a fresh build reports it.
    const std::string error =
        "content/news/a.md:10:12: 链接的页面不存在：“bb.md”，是不是要链接“b.md”？\n"
        "  甲的第二段，见[乙](bb.md)。\n"
        "                     ^\n";
    CHECK(broken.errors.size() > error.size());
    CHECK(broken.errors.substr(broken.errors.size() - error.size()) == error);
    // Another page edited meanwhile fails too (a.md is still broken); the
    // fix then re-renders both.
    CHECK_FALSE(Edit(&session, site, c, "丙的正文。", "丙的新正文。").ok);
    Step fixed = Edit(&session, site, a, "见[乙](bb.md)。", "见[乙](b.md)。");
    CHECK(fixed.ok);
    CHECK(fixed.incremental);
    CHECK(session.last_rendered_pages() == 2);
  }
  SUBCASE("personal data in an edit is stopped by the privacy gate") {
    Step s = Edit(&session, site, c, "丙的正文。", "联系电话13812345678。");
    CHECK_FALSE(s.ok);
    CHECK(s.errors.rfind("content/news/c.md:5:5: ", 0) == 0);
    CHECK(Edit(&session, site, c, "联系电话13812345678。", "丙的正文。").incremental);
  }
  SUBCASE("a page with a warning is rebuilt in full, so the report reads as a fresh build's") {
    const std::string address = "住址：某某路18号3栋2单元501室。";
    Step warned = Edit(&session, site, c, "丙的正文。", address);
    CHECK(warned.ok);
    CHECK_FALSE(warned.incremental);
    CHECK(warned.errors.find("content/news/c.md:5:7: 警告：这像是住宅地址") != std::string::npos);
    CHECK_FALSE(Edit(&session, site, c, address, "丙的正文。").incremental);  // it had one
    CHECK(Edit(&session, site, c, "丙的正文。", "丙的新正文。").incremental);
  }
  SUBCASE("a draft leaves the site: the whole pipeline runs") {
    Step s = Edit(&session, site, c, "date: 2025-01-01", "date: 2025-01-01\ndraft: true");
    CHECK(s.ok);
    CHECK_FALSE(s.incremental);
  }
}

TEST_CASE("build session: a report's body edit takes the fast path, its headings, items and cites do not") {
  Site site("report", kReportSite);
  BuildSession session(site.Options());
  const std::string r2024 = "content/reports/2024.md", r2023 = "content/reports/2023.md";
  Step first = Rebuild(&session, site, {});
  REQUIRE_MESSAGE(first.ok, first.errors);
  REQUIRE_MESSAGE(first.errors.empty(), first.errors);  // no warning: nothing closes the fast path
  CHECK_FALSE(first.incremental);

  SUBCASE("a sentence of a section: only the report (and search) change") {
    Step s = Edit(&session, site, r2024, "落实行政执法三项制度。", "全面落实行政执法三项制度。");
    CHECK(s.ok);
    CHECK(s.incremental);
    CHECK(session.last_rendered_pages() == 1);
    // And again: the session's build stays whole.
    CHECK(Edit(&session, site, r2024, "基层执法力量仍显不足。", "基层执法力量不足。").incremental);
  }
  SUBCASE("the first paragraph: the summary changes, the home page and the lists follow") {
    Step s = Edit(&session, site, r2024, "本区坚持依法行政", "本区始终坚持依法行政");
    CHECK(s.ok);
    CHECK(s.incremental);
  }
  SUBCASE("a heading of a report no source anchors into: fast") {
    Step s = Edit(&session, site, r2023, "### （一）加强制度建设", "### （一）加强制度体系建设");
    CHECK(s.ok);
    CHECK(s.incremental);
  }
  SUBCASE("a heading of the report an indicator's source anchors into: the whole pipeline runs") {
    Step s = Edit(&session, site, r2024, "### （二）严格规范公正文明执法", "### （二）规范公正文明执法");
    CHECK(s.ok);
    CHECK_FALSE(s.incremental);
    CHECK(Edit(&session, site, r2024, "落实行政执法三项制度。", "全面落实行政执法三项制度。").incremental);
  }
  SUBCASE("a heading that covers a required item: its compliance changes, the whole pipeline runs") {
    Step s = Edit(&session, site, r2023, "## 四、下一年度主要安排", "## 四、今后打算");
    CHECK(s.ok);
    CHECK_FALSE(s.incremental);
  }
  SUBCASE("a figure in the prose that the data contradicts: warned, and the whole pipeline reports it") {
    Step s = Edit(&session, site, r2024, "落实行政执法三项制度。",
                  "落实行政执法三项制度，办理行政复议案件369件。");
    CHECK(s.ok);
    CHECK_FALSE(s.incremental);
    CHECK(s.errors.find("content/reports/2024.md:") != std::string::npos);
  }
  SUBCASE("citing another indicator's value changes its page: the whole pipeline runs") {
    Step s = Edit(&session, site, r2024, "落实重大行政决策程序制度。",
                  "落实重大行政决策程序制度，出具合法性审查意见{{< value reviews 2024 >}}。");
    CHECK(s.ok);
    CHECK_FALSE(s.incremental);
  }
}

TEST_CASE("build session: files beside pages and links to site URLs stay exact across edits") {
  Site site("bundles");
  site.Write("content/news/chart.png", "PNG");
  const std::string c = "content/news/c.md";
  BuildSession session(site.Options());
  Step first = Rebuild(&session, site, {});
  REQUIRE_MESSAGE(first.ok, first.errors);

  SUBCASE("linking a file beside the page publishes it: the whole pipeline runs") {
    Step linked = Edit(&session, site, c, "丙的正文。", "丙的正文。![图](chart.png)");
    CHECK(linked.ok);
    CHECK_FALSE(linked.incremental);
    // Unlinking drops it again.
    Step unlinked = Edit(&session, site, c, "丙的正文。![图](chart.png)", "丙的正文。");
    CHECK(unlinked.ok);
    CHECK_FALSE(unlinked.incremental);
  }
  SUBCASE("a linked file edited on disk is published anew") {
    REQUIRE(Edit(&session, site, c, "丙的正文。", "丙的正文。![图](chart.png)").ok);
    site.Write("content/news/chart.png", "PNG2");
    Step s = Rebuild(&session, site, {"content/news/chart.png"});
    CHECK(s.ok);
    CHECK_FALSE(s.incremental);
  }
  SUBCASE("a link to a site URL is checked on the fast path too") {
    Step good = Edit(&session, site, c, "丙的正文。", "丙的正文，见[乙](/news/b/)。");
    CHECK(good.ok);
    CHECK(good.incremental);
    Step broken = Edit(&session, site, c, "见[乙](/news/b/)", "见[乙](/news/bb/)");
    CHECK_FALSE(broken.ok);
    CHECK(Contains(broken.errors,
                   "content/news/c.md:5:11: 链接“/news/bb/”指向本站的 /news/bb/，但本站没有这个网址\n"));
    Step fixed = Edit(&session, site, c, "见[乙](/news/bb/)", "见[乙](/news/b/)");
    CHECK(fixed.ok);
    CHECK(fixed.incremental);
  }
  SUBCASE("a page that leaves the site breaks the links to it") {
    REQUIRE(Edit(&session, site, c, "丙的正文。", "丙的正文，见[甲](/news/a/)。").ok);
    Step s = Edit(&session, site, "content/news/a.md", "date: 2025-01-03", "date: 2025-01-03\ndraft: true");
    CHECK_FALSE(s.ok);
    CHECK(Contains(s.errors,
                   "content/news/c.md:5:11: 链接“/news/a/”指向本站的 /news/a/，但本站没有这个网址\n"));
  }
}

TEST_CASE("build session: warnings of untouched files are kept across fast rebuilds") {
  Site site("warnings");
  // The report states no publication date: a warning, from a file the edit does not touch.
  site.Replace("content/reports/2024.md", "published: 2025-03-01\n", "");
  BuildSession session(site.Options());
  Step first = Rebuild(&session, site, {});
  REQUIRE(first.ok);
  CHECK(first.errors.find("报告没有写公开日期") != std::string::npos);
  Step s = Edit(&session, site, "content/news/b.md", "乙的正文。", "乙的新正文。");
  CHECK(s.incremental);
  CHECK(s.errors == first.errors);
}

}  // namespace fazhi::testing
