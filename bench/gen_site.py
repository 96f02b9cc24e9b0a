#!/usr/bin/env python3
"""Generates a synthetic site of N Chinese Markdown pages for benchmarks.

The same Markdown files (hard links when possible) go into two site folders:

  OUT/fazhi/  site.toml, content/posts/*.md (fazhi's built-in default theme)
  OUT/hugo/   config.toml, content/posts/*.md, layouts/ (single, list)

Every page has YAML front matter (title, date, source, tags, categories), a
paragraph of Chinese prose per section, h2/h3 headings, bullet, ordered and
task lists, a table, a footnote, links to other pages as relative .md links
and one external link. The output depends only on N and --seed.

The prose is assembled from generic phrases about government work; it states
no facts and no figures (the only numbers are page numbers and table rows).

With --vocabulary K, the body of page i (front matter aside) is written with
the (i mod K)-th of K substitutions of its Chinese characters into a set of
3,500: the prose reads as nonsense, but its vocabulary grows as a site of real
reports' does, where the generator's own phrases repeat a few thousand
bigrams (about 20,000 index terms at 10,000 pages, half of them page
numbers). K=64 gives about 60,000 terms, K=256 about 175,000; the pages keep
their structure, lengths and markup (docs/performance.md, run 30).

Usage: gen_site.py N OUT [--seed 1] [--search on|off] [--hugo-link-hook] [--vocabulary K]
"""

import argparse
import os
import random
import shutil
import sys

SUBJECTS = [
    "区司法局", "各镇街", "区直各部门", "行政执法单位", "复议机构", "公共法律服务中心",
    "人民调解组织", "法治督察组", "法律顾问团队", "基层司法所", "政务服务中心", "普法讲师团",
]
VERBS = [
    "持续推进", "深入落实", "统筹开展", "全面加强", "不断完善", "扎实推动", "严格规范",
    "稳步实施", "积极探索", "认真组织", "健全落实", "协同推进",
]
OBJECTS = [
    "行政执法三项制度", "重大行政决策合法性审查", "行政规范性文件备案审查", "行政复议案件办理",
    "矛盾纠纷多元化解", "法治宣传教育", "公共法律服务体系建设", "行政应诉工作",
    "法治政府建设督察", "涉企行政执法监督", "证明事项告知承诺制", "政务公开标准化",
    "法律援助便民服务", "基层依法治理", "执法人员资格管理", "合规指导服务",
]
TAILS = [
    "，工作机制更加健全", "，群众满意度持续提升", "，依法行政水平不断提高", "，取得积极成效",
    "，形成了可复制的经验做法", "，为优化营商环境提供法治保障", "，有效防范化解风险隐患",
    "，推动各项任务落地见效", "，进一步压实主体责任", "，切实做到有法必依",
]
CONNECTIVES = ["同时，", "此外，", "在此基础上，", "与此同时，", "一方面，", "另一方面，", ""]
TOPICS = [
    "工作概况", "主要举措", "制度建设", "执法监督", "复议应诉", "普法宣传", "纠纷化解",
    "公共服务", "队伍建设", "存在问题", "改进方向", "下一步安排",
]
NUMERALS = "一二三四五六七八九十"
CATEGORIES = [
    "依法行政", "执法监督", "复议应诉", "普法宣传", "公共法律服务", "矛盾纠纷化解",
    "法治督察", "营商环境", "政务公开", "基层治理",
]
TAG_HEADS = ["法治", "执法", "复议", "调解", "普法", "合规", "督察", "公开", "服务", "治理"]
TAG_TAILS = [
    "建设", "监督", "改革", "规范", "宣传", "创新", "评估", "培训", "考核", "案例",
    "指引", "机制", "平台", "队伍", "清单", "试点", "标准", "台账", "服务", "保障",
]
TAGS = [h + t for h in TAG_HEADS for t in TAG_TAILS]  # 200 tags
STATUSES = ["已完成", "推进中", "持续开展", "已部署"]


def sentence(rng):
    return (rng.choice(CONNECTIVES) + rng.choice(SUBJECTS) + rng.choice(VERBS) +
            rng.choice(OBJECTS) + rng.choice(TAILS) + "。")


def paragraph(rng, n_min=3, n_max=5):
    return "".join(sentence(rng) for _ in range(rng.randint(n_min, n_max)))


# 3,500 characters spread over U+4E00-U+9FA3 (all assigned).
VOCABULARY_CHARS = [chr(0x4E00 + (k * 7) % 20900) for k in range(3500)]


def substitute(text, group):
    """`text` with each Chinese character replaced by the `group`-th substitution."""
    return "".join(VOCABULARY_CHARS[(ord(c) * 31 + group * 1009) % len(VOCABULARY_CHARS)]
                   if 0x4E00 <= ord(c) <= 0x9FFF else c for c in text)


def page_name(i):
    return "p%05d" % i


def page_title(i, rng):
    return "%s工作动态（第%05d篇）" % (rng.choice(OBJECTS), i)


def make_page(i, n, rng, titles, vocabulary=0):
    """Returns the Markdown text of page i (1-based) of n."""
    text = make_page_text(i, n, rng, titles)
    if vocabulary > 0:
        end = text.index("\n---\n", 3) + 5  # the front matter stays as it is
        text = text[:end] + substitute(text[end:], i % vocabulary)
    return text


def make_page_text(i, n, rng, titles):
    year = 2020 + (i * 7) % 5
    date = "%04d-%02d-%02d" % (year, 1 + (i * 5) % 12, 1 + (i * 11) % 28)
    tags = rng.sample(TAGS, rng.randint(2, 4))
    cats = [rng.choice(CATEGORIES)]
    out = []
    out.append("---\n")
    out.append("title: %s\n" % titles[i])
    out.append("date: %s\n" % date)
    out.append("source: 示例单位%s\n" % rng.choice(SUBJECTS))
    out.append("tags: [%s]\n" % ", ".join(tags))
    out.append("categories:\n")
    for c in cats:
        out.append("  - %s\n" % c)
    out.append("---\n\n")
    out.append(paragraph(rng) + "\n\n")

    def link(j):
        return "[%s](%s.md)" % (titles[j], page_name(j))

    n_sections = 3
    topics = rng.sample(TOPICS, n_sections)
    for s in range(n_sections):
        out.append("## %s、%s\n\n" % (NUMERALS[s], topics[s]))
        out.append(paragraph(rng) + "\n\n")
        if s == 0:
            out.append("### （一）重点任务\n\n")
            for _ in range(rng.randint(3, 5)):
                out.append("- %s%s%s\n" % (rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)))
            out.append("\n### （二）**工作要求**\n\n")
            out.append("%s详见%s。%s[^1]\n\n" % (sentence(rng), link(1 + (i * 31) % n), sentence(rng)))
        elif s == 1:
            out.append("| 序号 | 事项 | 进展 |\n|---:|:---|:---:|\n")
            for r in range(1, 5):
                out.append("| %d | %s | %s |\n" % (r, rng.choice(OBJECTS), rng.choice(STATUSES)))
            out.append("\n")
            for k in range(1, 4):
                out.append("%d. %s%s。\n" % (k, rng.choice(VERBS), rng.choice(OBJECTS)))
            out.append("\n%s另见%s和`%s`。~~%s~~\n\n" % (
                sentence(rng), link(1 + (i * 17 + 3) % n), page_name(i), rng.choice(TAILS)[1:]))
        else:
            out.append("- [x] %s\n- [ ] %s\n\n" % (rng.choice(OBJECTS), rng.choice(OBJECTS)))
            out.append("> %s\n\n" % sentence(rng))
            out.append("%s参见*%s*的说明：<https://www.example.org/>。\n\n" % (
                sentence(rng), rng.choice(SUBJECTS)))
    out.append("[^1]: %s\n" % sentence(rng))
    return "".join(out)


FAZHI_SITE_TOML = """title = "基准测试站点"
base_url = "/"
theme = "default"
sponsor = "示例单位"
as_of = 2025-01-01
paginate = 10
"""

# --search off (the default here, so that numbers stay comparable with
# earlier runs): the Hugo side builds no search index either.
SEARCH_OFF = """
[search]
enabled = false
"""

HUGO_CONFIG = """baseURL = "http://example.org/"
languageCode = "zh-CN"
title = "基准测试站点"
hasCJKLanguage = true
paginate = 10
summaryLength = 120
disableKinds = ["RSS", "sitemap", "robotsTXT"]

[taxonomies]
  category = "categories"
  tag = "tags"

[markup.goldmark.renderer]
  unsafe = false

[markup.tableOfContents]
  startLevel = 2
  endLevel = 4
"""

HUGO_HEAD = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} - {{ .Site.Title }}</title>
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>
"""

HUGO_FOOT = """</main>
<footer>主办单位：示例单位</footer>
</body>
</html>
"""

HUGO_SINGLE = HUGO_HEAD + """<article>
<h1>{{ .Title }}</h1>
<p>发布日期：{{ .Date.Format "2006-01-02" }} 信息来源：{{ .Params.source }}</p>
<p>{{ range .GetTerms "categories" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}
{{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
<nav class="toc">{{ .TableOfContents }}</nav>
{{ .Content }}
</article>
""" + HUGO_FOOT

HUGO_LIST = HUGO_HEAD + """<h1>{{ .Title }}</h1>
<ul>
{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}<p>{{ .Summary }}</p></li>
{{ end }}</ul>
{{ template "_internal/pagination.html" . }}
""" + HUGO_FOOT

# fazhi rewrites links to other .md files to page URLs; Hugo 0.111 does not.
# With --hugo-link-hook this hook does the same (without checking that the
# page exists). At 10,000 pages it cost Hugo a few seconds, so it is off by
# default and Hugo's pages keep "p00042.md" hrefs.
HUGO_LINK_HOOK = """{{- $u := .Destination -}}
{{- if strings.HasSuffix $u ".md" -}}{{- $u = printf "../%s/" (strings.TrimSuffix ".md" $u) -}}{{- end -}}
<a href="{{ $u | safeURL }}"{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def link_or_copy(src, dst):
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, help="number of pages")
    ap.add_argument("out", help="output folder (replaced)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--search", choices=["on", "off"], default="off",
                    help="fazhi's [search] enabled (off by default here; a new site has it on)")
    ap.add_argument("--hugo-link-hook", action="store_true",
                    help="give Hugo a link render hook that rewrites .md links like fazhi "
                         "does (off by default: it made Hugo slower, and the benchmark "
                         "should not handicap Hugo)")
    ap.add_argument("--vocabulary", type=int, default=0, metavar="K",
                    help="write the pages' prose with K substitutions of its characters, so that "
                         "the index has as many terms as real text of this size (default: off)")
    args = ap.parse_args()
    if args.vocabulary < 0:
        sys.exit("gen_site.py: --vocabulary must be 0 (off) or more")
    if args.n < 2:
        sys.exit("gen_site.py: N must be at least 2")

    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    fz = os.path.join(args.out, "fazhi")
    hg = os.path.join(args.out, "hugo")
    os.makedirs(os.path.join(fz, "content", "posts"))
    os.makedirs(os.path.join(hg, "content", "posts"))

    rng = random.Random(args.seed)
    titles = [""] + [page_title(i, rng) for i in range(1, args.n + 1)]
    total = 0
    for i in range(1, args.n + 1):
        text = make_page(i, args.n, rng, titles, args.vocabulary)
        rel = os.path.join("content", "posts", page_name(i) + ".md")
        write(os.path.join(fz, rel), text)
        link_or_copy(os.path.join(fz, rel), os.path.join(hg, rel))
        total += len(text.encode("utf-8"))

    index = "---\ntitle: 工作动态\ndate: 2025-01-01\n---\n\n本栏目为基准测试生成的示例页面。\n"
    for site in (fz, hg):
        write(os.path.join(site, "content", "posts", "_index.md"), index)

    write(os.path.join(fz, "site.toml"), FAZHI_SITE_TOML + (SEARCH_OFF if args.search == "off" else ""))

    write(os.path.join(hg, "config.toml"), HUGO_CONFIG)
    write(os.path.join(hg, "layouts", "_default", "single.html"), HUGO_SINGLE)
    write(os.path.join(hg, "layouts", "_default", "list.html"), HUGO_LIST)
    if args.hugo_link_hook:
        write(os.path.join(hg, "layouts", "_default", "_markup", "render-link.html"), HUGO_LINK_HOOK)

    print("gen_site: %d pages, %.1f MB of Markdown in %s" % (args.n, total / 1e6, args.out))


if __name__ == "__main__":
    main()
