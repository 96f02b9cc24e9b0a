#include "markdown/markdown.h"

#include <doctest/doctest.h>
#include <pthread.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace fazhi {
namespace {

MarkdownResult Render(std::string_view md, std::vector<MarkdownProblem>* problems = nullptr,
                      bool unsafe = false) {
  MarkdownResult r;
  std::vector<MarkdownProblem> local;
  LinkResolver resolve = [](std::string_view target, bool, LinkResolution* out, Message* error) {
    if (target.substr(0, 7) == "2024.md") {
      out->href = "/reports/2024/" + std::string(target.substr(7));
      return true;
    }
    if (target == "chart.png") {
      out->href = "/reports/chart.png";
      out->resource = "content/reports/chart.png";
      return true;
    }
    if (target.substr(0, 1) == "/") {
      out->href = "/sub" + std::string(target);
      out->check_url = std::string(target);
      return true;
    }
    *error = Message::Verbatim("link to a page that does not exist: '" + std::string(target) + "'");
    return false;
  };
  RenderMarkdown(md, MarkdownOptions{unsafe}, resolve, &r, problems ? problems : &local);
  return r;
}

size_t Count(std::string_view text, std::string_view needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("markdown: heading ids keep Chinese text and are de-duplicated") {
  MarkdownResult r = Render("## 一、主要举措和成效\n\n## 一、主要举措和成效\n\n### (一) Politics First\n");
  CHECK(r.html ==
        "<h2 id=\"一主要举措和成效\">一、主要举措和成效</h2>\n"
        "<h2 id=\"一主要举措和成效-1\">一、主要举措和成效</h2>\n"
        "<h3 id=\"一-politics-first\">(一) Politics First</h3>\n");
  REQUIRE(r.toc.size() == 3);
  CHECK(r.toc[2].level == 3);
  CHECK(r.toc[2].id == "一-politics-first");
  CHECK(r.toc[2].text == "(一) Politics First");
}

TEST_CASE("markdown: plain text keeps document order, a block per line, and survives deep nesting") {
  MarkdownResult r = Render(
      "## 标题 `代码` **加粗**\n\n第一段*强调*\n续行\n\n- 甲\n  - 乙\n- 丙\n\n> 引用 "
      "[链接](https://example.gov.cn/)\n");
  CHECK(r.plain_text == "标题 代码 加粗\n第一段强调续行\n甲乙丙\n引用 链接\n");
  CHECK(r.toc[0].text == "标题 代码 加粗");

  // 100,000 nested quotes, rendered on a thread with a 512 KiB stack: a
  // recursive walk (some 30 bytes of stack a level at least) would overflow
  // it, so the text is found without recursion.
  std::string deep(100000, '>');
  deep += " 最深处\n";
  struct Job {
    std::string md;
    MarkdownResult result;
  } job{deep, {}};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 512 * 1024);
  pthread_t thread;
  REQUIRE(pthread_create(
              &thread, &attr,
              [](void* arg) -> void* {
                auto* j = static_cast<Job*>(arg);
                j->result = Render(j->md);
                return nullptr;
              },
              &job) == 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
  CHECK(job.result.plain_text == "最深处\n");
}

TEST_CASE("markdown: GFM tables, strikethrough, task lists, autolinks and footnotes") {
  MarkdownResult r = Render(
      "| 指标 | 数值 |\n|---|---:|\n| 复议 | 368 |\n\n~~旧~~ www.gov.cn\n\n- [x] 已完成\n\n见注[^1]\n\n[^1]: "
      "来源\n");
  CHECK(r.html.find("<table>") != std::string::npos);
  CHECK(r.html.find("<td align=\"right\">368</td>") != std::string::npos);
  CHECK(r.html.find("<del>旧</del>") != std::string::npos);
  CHECK(r.html.find("<a href=\"http://www.gov.cn\">www.gov.cn</a>") != std::string::npos);
  CHECK(r.html.find("type=\"checkbox\" checked=\"\" disabled=\"\"") != std::string::npos);
  CHECK(r.html.find("class=\"footnotes\"") != std::string::npos);
}

TEST_CASE("markdown: a footnote's way back is labelled in Chinese, for each of its references") {
  // cmark-gfm writes aria-label="Back to content", which a screen reader
  // reading Chinese spells out letter by letter.
  MarkdownResult r = Render("复议[^a]，诉讼[^a]。\n\n[^a]: 来源：2024年度报告\n");
  CHECK(r.html.find("Back to") == std::string::npos);
  CHECK(r.html.find("<a href=\"#fnref-a\" class=\"footnote-backref\" data-footnote-backref "
                    "aria-label=\"返回正文\">↩</a>") != std::string::npos);
  CHECK(r.html.find("<a href=\"#fnref-a-2\" class=\"footnote-backref\" data-footnote-backref "
                    "aria-label=\"返回正文\">↩<sup class=\"footnote-ref\">2</sup></a>") != std::string::npos);
  // Later versions than Debian 12's number the references.
  std::string later =
      "<a href=\"#fnref-a-2\" class=\"footnote-backref\" data-footnote-backref "
      "data-footnote-backref-idx=\"a-2\" "
      "aria-label=\"Back to reference a-2\">↩</a>";
  LabelFootnoteBackrefs(&later);
  CHECK(later ==
        "<a href=\"#fnref-a-2\" class=\"footnote-backref\" data-footnote-backref "
        "data-footnote-backref-idx=\"a-2\" "
        "aria-label=\"返回正文第 a-2 处引用\">↩</a>");
  // Text that only looks like the label is the editor's and stays, on a
  // page whose notes are relabelled.
  MarkdownResult plain = Render("`aria-label=\"Back to content\"`[^b]\n\n[^b]: 注\n");
  CHECK(plain.html.find("aria-label=\"返回正文\"") != std::string::npos);
  CHECK(plain.html.find("Back to content") != std::string::npos);
}

TEST_CASE("markdown: pages parsed on several threads at once keep their strikethrough and autolinks") {
  // cmark-gfm's special characters live in one table for the process; a parse
  // that ended used to take ~, : and w out of it under another still running
  // (markdown.cpp). Long pages make the parses overlap.
  REQUIRE(MarkdownFinishesInParallel());
  std::string md;
  for (int i = 0; i < 200; ++i)
    md += "第" + std::to_string(i) + "段：~~旧~~ www.gov.cn 与 ~~废止~~ 的规定。\n\n";
  constexpr int kThreads = 4, kPages = 40;
  std::atomic<int> wrong{0};  // pages that lost some
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int p = 0; p < kPages; ++p) {
        const std::string html = Render(md).html;
        if (Count(html, "<del>") != 400 || Count(html, "<a href=\"http://www.gov.cn\">") != 200) ++wrong;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  CHECK(wrong.load() == 0);
}

TEST_CASE("markdown: raw HTML is omitted unless unsafe, tagfilter always applies") {
  CHECK(Render("<b>x</b>\n\n<script>alert(1)</script>\n").html.find("<script>") == std::string::npos);
  CHECK(Render("a <b>x</b>\n").html == "<p>a <!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n");
  MarkdownResult unsafe = Render("a <b>x</b>\n\n<script>alert(1)</script>\n", nullptr, true);
  CHECK(unsafe.html.find("<b>x</b>") != std::string::npos);
  CHECK(unsafe.html.find("&lt;script>") != std::string::npos);
}

TEST_CASE("markdown: links to .md files become page URLs, broken ones are reported") {
  std::vector<MarkdownProblem> problems;
  MarkdownResult r = Render("见[报告](2024.md#二)。\n\n另见 [旧报告](2019.md)\n", &problems);
  CHECK(r.html.find("<a href=\"/reports/2024/#%E4%BA%8C\">报告</a>") != std::string::npos);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].line == 3);
  CHECK(problems[0].byte_col == 20);  // the "2" of 2019.md
  CHECK(problems[0].message.Render() == "link to a page that does not exist: '2019.md'");
}

TEST_CASE("markdown: every local link and image goes through the resolver, other hosts and #… do not") {
  std::vector<MarkdownProblem> problems;
  MarkdownResult r = Render(
      "![图](chart.png) [报告](/reports/2024/) [外](https://www.gov.cn/) [邮](mailto:a@b.cn) [节](#一)\n\n"
      "![又](chart.png) ![缺](missing.png)\n",
      &problems);
  CHECK(r.html.find("<img src=\"/reports/chart.png\" alt=\"图\" />") != std::string::npos);
  CHECK(r.html.find("<a href=\"/sub/reports/2024/\">报告</a>") != std::string::npos);
  CHECK(r.html.find("<a href=\"https://www.gov.cn/\">外</a>") != std::string::npos);
  CHECK(r.html.find("<a href=\"#%E4%B8%80\">节</a>") != std::string::npos);
  CHECK(r.resources == std::vector<std::string>{"content/reports/chart.png"});
  REQUIRE(r.checks.size() == 1);
  CHECK(r.checks[0].line == 1);
  CHECK(r.checks[0].byte_col == 28);  // the "/" of /reports/2024/
  CHECK(r.checks[0].check_url == "/reports/2024/");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].line == 3);
  CHECK(problems[0].byte_col == 26);
}

TEST_CASE("markdown: the same broken target many times on one line is reported at each occurrence") {
  // Issue 18: each link's target was searched from its line's start, which
  // both put every report at the first occurrence and made N links on one
  // line cost N passes over it (4,000 value links: quadratic).
  std::vector<MarkdownProblem> problems;
  std::string line = "见";
  for (int i = 0; i < 2000; ++i) line += "[旧](2019.md)，";
  Render("第一段\n\n" + line + "\n", &problems);
  REQUIRE(problems.size() == 2000);
  const int width = static_cast<int>(std::string("[旧](2019.md)，").size());
  for (int i = 0; i < 2000; ++i) {
    CAPTURE(i);
    CHECK(problems[i].line == 3);
    CHECK(problems[i].byte_col == 3 + 1 + 6 + i * width);  // the "2" of the i-th 2019.md
  }
}

TEST_CASE("markdown: a line break inside Chinese text adds no space, between Latin words it does") {
  CHECK(Render("提出合法性审核意见30件次，\n审查率100%\n**备案率**\nand\nmore\n").html ==
        "<p>提出合法性审核意见30件次，审查率100%<strong>备案率</strong>and\nmore</p>\n");
}

TEST_CASE("markdown: summaries are cut by characters, not words") {
  CHECK(MakeSummary("行政复议案件368件，同比增长120%。", 8) == "行政复议案件36…");
  CHECK(MakeSummary("  短文\n 本  ", 10) == "短文 本");
}

}  // namespace fazhi
