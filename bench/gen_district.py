#!/usr/bin/env python3
"""Generates a synthetic district site for benchmarks: D districts x U units x Y years.

Every unit is in data/units.csv (示例-marked: the whole site is synthetic, so
no figure in it may be read as a real one); every unit has one report per
year (some years left out so the tracker has missing and late entries), a
述法 profile every other year and one value per year of two indicators with
the reporting_unit column. Names are 示例区N + 示例单位M; prose is generic
phrases; every figure is a made-up count for benchmarking only.

Usage: gen_district.py OUT [--districts 1] [--units 60] [--years 5] [--seed 1]
"""

import argparse
import os
import random
import shutil

PHRASES = [
    "持续推进行政执法三项制度", "深入落实重大行政决策合法性审查", "统筹开展法治宣传教育",
    "全面加强行政规范性文件备案审查", "不断完善矛盾纠纷多元化解机制", "扎实推动公共法律服务体系建设",
]
TYPES = ["区政府", "区直部门", "区直部门", "区直部门", "镇街"]


def para(rng, n=6):
    return "，".join(rng.choice(PHRASES) for _ in range(n)) + "。"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--districts", type=int, default=1)
    ap.add_argument("--units", type=int, default=60)
    ap.add_argument("--years", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    w = lambda path, text: (os.makedirs(os.path.dirname(os.path.join(a.out, path)), exist_ok=True),
                            open(os.path.join(a.out, path), "w", encoding="utf-8").write(text))
    w("site.toml", 'title = "示例区法治政府建设"\nsponsor = "示例区司法局"\nas_of = 2025-06-30\n\n'
      '[profiles]\nunit_types = ["区政府", "区直部门", "镇街"]\n')
    w("content/_index.md", "---\ntitle: 首页\n---\n示例站点（基准测试用，内容均为示例）。\n")
    w("content/reports/_index.md", "---\ntitle: 年度报告\n---\n")
    w("content/profiles/_index.md", "---\ntitle: 一把手述法\n---\n")
    w("content/indicators/_index.md", "---\ntitle: 法治指标\n---\n")
    for ind, title, unit in [("exam-takers", "参加学法考试人数", "人"), ("review-cases", "办理行政复议案件", "件")]:
        w(f"content/indicators/{ind}.md",
          f"---\ntitle: {title}（示例）\ndate: 2025-03-01\ncategory: capacity\nunit: {unit}\n---\n示例指标。\n")
    units = ["slug,name,short_names,type,report_from,report_until,note"]
    rows = ["indicator,year,value,reporting_unit"]
    first_year = 2025 - a.years
    for d in range(1, a.districts + 1):
        for u in range(1, a.units + 1):
            slug = f"d{d}u{u}"
            name = f"示例区{d}示例单位{u}"
            utype = TYPES[u % len(TYPES)]
            start = first_year + (1 if u % 17 == 0 else 0)
            units.append(f"{slug},{name},单位{d}-{u},{utype},{start},,示例")
            for y in range(first_year, 2025):
                if y < start or (u * 7 + y) % 23 == 0:
                    continue  # not yet required, or missing
                month = "04-15" if (u + y) % 11 == 0 else "03-20"
                w(f"content/reports/{slug}-{y}.md",
                  f"---\ntitle: {name}{y}年法治政府建设年度报告\ndate: {y + 1}-{month}\nyear: {y}\n"
                  f"unit: {slug}\npublished: {y + 1}-{month}\n---\n"
                  f"## 一、主要举措和成效\n\n{para(rng)}\n\n## 二、存在的不足和原因\n\n{para(rng)}\n\n"
                  f"## 三、党政主要负责人履行推进法治建设第一责任人职责情况\n\n{para(rng)}\n\n"
                  f"## 四、下一年度推进法治政府建设的主要安排\n\n{para(rng)}\n\n"
                  f"## 五、其他需要报告的情况\n\n{para(rng, 2)}\n")
                rows.append(f"exam-takers,{y},{rng.randint(50, 3000)},{slug}")
                rows.append(f"review-cases,{y},{rng.randint(0, 400)},{slug}")
                if y % 2 == 0:
                    w(f"content/profiles/{slug}-{y}.md",
                      f"---\ntitle: {name}主要负责人{y}年度述法\ndate: {y + 1}-01-20\nsample: true\n"
                      f"unit: {slug}\nunit_type: {utype}\npost: 主要负责人\nyear: {y}\nform: 书面述法\n---\n"
                      f"## 晒成绩\n\n{para(rng, 3)}\n")
    w("data/units.csv", "\n".join(units) + "\n")
    w("data/indicators/units.csv", "\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
