#!/usr/bin/env python3
"""Writes a small site whose cost lies in one input of size N, for the scaling
checks of bench/scaling.sh (issue 18, failure 6: quadratic time on ordinary
input).

  bench/scaling_site.py KIND N DIR

KIND:
  headings   one page with N identical "## 工作情况" headings (ids de-duplicated)
  values     one page with N {{< value … >}} shortcodes on one line
  sections   a page layout with N sections, in nests of 50 {{#page}} … {{/page}}
  deep-sections  a page layout with N nested sections (refused beyond 64 levels)
  privacy    one page of N lines, each with separated digit groups (the gate)
"""
import os
import sys

SITE_TOML = '''title = "规模测试"
as_of = 2025-06-30
sponsor = "某区司法局"
[search]
enabled = false
'''

INDICATOR = '''---
title: 行政复议收案数
date: 2025-01-01
category: oversight
unit: 件
---
收到的行政复议申请。
'''


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    kind, n, root = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    write(os.path.join(root, "site.toml"), SITE_TOML)
    write(os.path.join(root, "content/_index.md"), "---\ntitle: 首页\ndate: 2025-01-01\n---\n首页。\n")
    write(os.path.join(root, "content/indicators/cases.md"), INDICATOR)
    csv = "indicator,year,value\ncases,2024,368\n"
    page = "---\ntitle: 测试\ndate: 2025-01-01\n---\n"
    if kind == "headings":
        page += "".join("## 工作情况\n\n正文。\n\n" for _ in range(n))
    elif kind == "values":
        page += "，".join("{{< value cases 2024 >}}" for _ in range(n)) + "\n"
    elif kind == "sections":
        page += "正文。\n"
        nest = "{{#page}}" * 50 + "{{page.title}}" + "{{/page}}" * 50
        layout = "<!DOCTYPE html><html><body>" + nest * (n // 50)
        layout += "{{{page.content}}}</body></html>\n"
        write(os.path.join(root, "layouts/page.mustache"), layout)
    elif kind == "deep-sections":
        page += "正文。\n"
        layout = "<!DOCTYPE html><html><body>" + "{{#page}}" * n + "{{page.title}}" + "{{/page}}" * n
        layout += "{{{page.content}}}</body></html>\n"
        write(os.path.join(root, "layouts/page.mustache"), layout)
    elif kind == "privacy":
        page += "".join("第%d项 2024 03 %02d 1 2 3.5 号\n" % (i, i % 28 + 1) for i in range(n))
    else:
        sys.exit("unknown kind " + kind)
    write(os.path.join(root, "content/stress.md"), page)
    write(os.path.join(root, "data/indicators/data.csv"), csv)


if __name__ == "__main__":
    main()
