#!/usr/bin/env python3
"""Generates a second benchmark corpus of N Chinese Markdown pages, unlike
bench/gen_site.py's (one folder of similar 3.4 KB pages with 2-4 of 200 tags):

  - many short pages (about 88 %): one to three short paragraphs, 3-6 tags
    from a vocabulary of 2,400 and 1-2 of 36 categories, in deep folders
    (content/<section>/<sub>/<sub>/<year>/name.md, five levels);
  - pages with a large table (about 6 %): 80-240 rows of 7 columns, as the
    权责清单 and 行政执法公示 of a district site;
  - long reports (about 1 %, at least 2): 法治政府建设年度报告 of 60 units over
    the years, 12,000-20,000 characters each, with the five required parts,
    (一)(二)… subsections and bold lead-ins, as real reports are written;
  - medium pages (the rest): several sections with h2/h3 headings and lists.

The same Markdown goes to OUT/fazhi and OUT/hugo (hard links when possible);
Hugo gets the layouts of bench/gen_site.py (single with TOC and terms, list
with paginator, paginate = 10). The output depends only on N and --seed.

The prose is assembled from phrases about government work; it states no
facts and no figures (numbers are row numbers, page numbers and years). Pages
are marked 示例 in their source.

Usage: gen_mixed.py N OUT [--seed 1] [--search on|off]
"""

import argparse
import os
import random
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_site  # noqa: E402  (Hugo configuration and layouts, shared)

PLACES = ["街口", "城郊", "江埔", "温泉", "良口", "吕田", "太平", "鳌头", "龙潭", "鳌山", "东明", "西岭",
          "南湖", "北岗", "中和", "新村", "石门", "桥头", "黄塘", "白石"]
UNITS = ["司法局", "公安分局", "市场监管局", "生态环境分局", "住房建设局", "交通运输局", "农业农村局",
         "卫生健康局", "教育局", "民政局", "人力资源社会保障局", "城市管理综合执法局", "应急管理局",
         "文化广电旅游体育局", "水务局", "规划和自然资源分局", "税务局", "财政局", "审计局", "统计局"]
SUBJECTS = ["区司法局", "各镇街", "区直各部门", "行政执法单位", "复议机构", "公共法律服务中心",
            "人民调解委员会", "法治督察组", "法律顾问团队", "基层司法所", "政务服务中心", "普法讲师团",
            "综合执法队", "村（社区）法律顾问", "律师事务所", "公证处", "仲裁委员会", "信访部门"]
VERBS = ["持续推进", "深入落实", "统筹开展", "全面加强", "不断完善", "扎实推动", "严格规范", "稳步实施",
         "积极探索", "认真组织", "健全落实", "协同推进", "着力提升", "加快构建", "切实强化", "广泛开展"]
OBJ_HEADS = ["行政执法", "行政复议", "行政应诉", "法律援助", "人民调解", "普法宣传", "合法性审查",
             "规范性文件", "重大行政决策", "公共法律服务", "营商环境", "信用监管", "基层治理",
             "涉外法治", "社区矫正", "安置帮教", "公证服务", "仲裁工作", "政务公开", "证明事项"]
OBJ_TAILS = ["体制改革", "监督机制", "标准化建设", "质量评查", "队伍建设", "数字化平台", "便民服务",
             "制度创新", "案卷管理", "风险防范", "宣传教育", "考核评价", "清单管理", "示范创建"]
TAILS = ["，工作机制更加健全", "，群众满意度持续提升", "，依法行政水平不断提高", "，取得积极成效",
         "，形成了可复制的经验做法", "，为优化营商环境提供法治保障", "，有效防范化解风险隐患",
         "，推动各项任务落地见效", "，进一步压实主体责任", "，切实做到有法必依", "，服务群众更加便捷",
         "，执法行为更加规范", "，矛盾纠纷就地化解", ""]
CONNECTIVES = ["同时，", "此外，", "在此基础上，", "与此同时，", "一方面，", "另一方面，", "其中，", ""]
SECTIONS = {  # top folder: (title, sub folders)
    "gongkai": ("政务公开", ["zfxxgk", "fdzdgknr", "xzzf", "zcjd"]),
    "dongtai": ("工作动态", ["bmdt", "zjdt", "tpxw", "gsgg"]),
    "fazhi": ("法治建设", ["fzzf", "fzsh", "pfyf", "dcjc"]),
    "fuwu": ("公共法律服务", ["flyz", "rmtj", "gzfw", "sqjz"]),
    "zhengce": ("政策法规", ["gfxwj", "zcwj", "flfg", "bmwj"]),
}
NUMERALS = "一二三四五六七八九十"
CATEGORIES = [h + t for h in ["依法行政", "执法监督", "复议应诉", "普法宣传", "公共法律服务", "矛盾纠纷化解"]
              for t in ["", "工作", "动态", "公告", "解读", "案例"]]  # 36
TAGS = ["%s%s" % (p, h) for p in PLACES for h in OBJ_HEADS] + \
       ["%s%s" % (h, t) for h in OBJ_HEADS for t in OBJ_TAILS] + \
       ["%s%s" % (u, y) for u in UNITS for y in ["年度计划", "工作总结", "信息公开", "执法公示", "权责清单",
                                                   "双随机", "典型案例", "培训", "考核", "整改",
                                                   "通知", "公告", "政策解读", "办事指南", "问答",
                                                   "专项行动", "督查", "约谈", "年报", "统计"]] + \
       ["第%d批%s" % (k, h) for k in range(1, 41) for h in OBJ_HEADS[:20]]  # 2,400 tags
STATUSES = ["已完成", "推进中", "持续开展", "已部署", "已办结", "整改中"]
MATTERS = ["行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认", "行政奖励",
           "行政裁决", "其他行政权力"]


def obj(rng):
    return rng.choice(OBJ_HEADS) + rng.choice(OBJ_TAILS)


def sentence(rng):
    return (rng.choice(CONNECTIVES) + rng.choice(SUBJECTS) + rng.choice(VERBS) + obj(rng) +
            rng.choice(TAILS) + "。")


def paragraph(rng, lo=2, hi=4):
    return "".join(sentence(rng) for _ in range(rng.randint(lo, hi)))


def front(title, date, rng, tags=(), cats=(), extra=""):
    out = ["---\n", "title: %s\n" % title, "date: %s\n" % date,
           "source: 示例单位%s%s\n" % (rng.choice(PLACES), rng.choice(UNITS))]
    if tags:
        out.append("tags: [%s]\n" % ", ".join(tags))
    if cats:
        out.append("categories: [%s]\n" % ", ".join(cats))
    out.append(extra)
    out.append("---\n\n")
    return "".join(out)


def date_of(i, year=None):
    y = year or 2019 + (i * 7) % 6
    return "%04d-%02d-%02d" % (y, 1 + (i * 5) % 12, 1 + (i * 11) % 28)


def short_page(i, rng):
    title = "%s%s%s（示例%05d）" % (rng.choice(PLACES), rng.choice(OBJ_HEADS),
                                 rng.choice(["工作动态", "简讯", "通知", "公告", "信息"]), i)
    text = front(title, date_of(i), rng, rng.sample(TAGS, rng.randint(3, 6)),
                 rng.sample(CATEGORIES, rng.randint(1, 2)))
    for _ in range(rng.randint(1, 3)):
        text += paragraph(rng, 1, 3) + "\n\n"
    return text


def medium_page(i, rng):
    title = "%s关于%s的情况说明（示例%05d）" % (rng.choice(SUBJECTS), obj(rng), i)
    text = front(title, date_of(i), rng, rng.sample(TAGS, rng.randint(3, 5)), [rng.choice(CATEGORIES)])
    text += paragraph(rng) + "\n\n"
    for s in range(rng.randint(2, 4)):
        text += "## %s、%s\n\n%s\n\n" % (NUMERALS[s], obj(rng), paragraph(rng))
        for k in range(rng.randint(0, 2)):
            text += "### （%s）%s\n\n%s\n\n" % (NUMERALS[k], obj(rng), paragraph(rng, 1, 3))
        for _ in range(rng.randint(2, 4)):
            text += "- %s%s%s\n" % (rng.choice(SUBJECTS), rng.choice(VERBS), obj(rng))
        text += "\n"
    return text


def table_page(i, rng):
    unit = rng.choice(UNITS)
    kind = rng.choice(["权责清单", "行政执法公示", "双随机抽查结果", "行政许可办理情况"])
    title = "示例%s%s（第%05d号）" % (unit, kind, i)
    text = front(title, date_of(i), rng, rng.sample(TAGS, 3), [rng.choice(CATEGORIES)])
    text += "%s本表为示例数据，不代表任何单位的实际情况。\n\n" % sentence(rng)
    text += "## 一、%s\n\n" % kind
    text += "| 序号 | 事项名称 | 事项类别 | 实施主体 | 设定依据 | 办理时限 | 状态 |\n"
    text += "|---:|:---|:---|:---|:---|---:|:---:|\n"
    for r in range(1, rng.randint(80, 240) + 1):
        text += "| %d | %s%s | %s | %s%s | 《%s条例》第%d条 | %d个工作日 | %s |\n" % (
            r, rng.choice(OBJ_HEADS), rng.choice(["审批", "备案", "检查", "处罚", "登记", "核查"]),
            rng.choice(MATTERS), rng.choice(PLACES), rng.choice(UNITS), rng.choice(OBJ_HEADS),
            rng.randint(1, 80), rng.randint(1, 30), rng.choice(STATUSES))
    text += "\n## 二、说明\n\n%s\n" % paragraph(rng)
    return text


REPORT_PARTS = [
    "主要举措和成效", "存在的不足和原因", "党政主要负责人履行推进法治建设第一责任人职责情况",
    "下一年度主要安排", "其他需要报告的情况",
]


def report(unit, year, i, rng):
    title = "示例%s%d年法治政府建设年度报告" % (unit, year)
    extra = "year: %d\npublisher: 示例%s\npublished: %d-03-%02d\n" % (year, unit, year + 1, 1 + i % 28)
    text = front(title, "%d-03-%02d" % (year + 1, 1 + i % 28), rng, rng.sample(TAGS, 3), ["依法行政"], extra)
    text += "> 本页为基准测试生成的示例报告，不代表任何单位的实际情况。\n\n"
    text += paragraph(rng, 3, 5) + "\n\n"
    for p, part in enumerate(REPORT_PARTS):
        text += "## %s、%s\n\n" % (NUMERALS[p], part)
        subs = rng.randint(6, 9) if p == 0 else rng.randint(2, 4)
        for s in range(subs):
            text += "### （%s）%s\n\n" % (NUMERALS[s], obj(rng))
            for _ in range(rng.randint(3, 5)):
                text += "**%s。** %s\n\n" % (obj(rng), paragraph(rng, 4, 7))
    return text


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, help="number of pages")
    ap.add_argument("out", help="output folder (replaced)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--search", choices=["on", "off"], default="on",
                    help="fazhi's [search] enabled (default on, as a new site has it)")
    args = ap.parse_args()
    if args.n < 10:
        sys.exit("gen_mixed.py: N must be at least 10")
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    fz = os.path.join(args.out, "fazhi")
    hg = os.path.join(args.out, "hugo")
    rng = random.Random(args.seed)

    files = []  # (relative path, text)
    n_reports = max(2, args.n // 100)
    n_tables = args.n * 6 // 100
    n_medium = args.n * 5 // 100
    reports = []
    for k in range(n_reports):
        unit = "%s%s" % (PLACES[k % len(PLACES)], UNITS[(k // len(PLACES)) % len(UNITS)])
        year = 2024 - k // (len(PLACES) * len(UNITS))
        reports.append((unit, year))
    for k, (unit, year) in enumerate(reports):
        files.append(("content/reports/r%03d-%d.md" % (k, year), report(unit, year, k, rng)))
    tops = sorted(SECTIONS)
    for i in range(1, args.n - n_reports + 1):
        top = tops[i % len(tops)]
        subs = SECTIONS[top][1]
        folder = "content/%s/%s/%s/%d" % (top, subs[(i // 5) % 4], subs[(i // 20) % 4], 2019 + (i * 7) % 6)
        if i <= n_tables:
            text = table_page(i, rng)
        elif i <= n_tables + n_medium:
            text = medium_page(i, rng)
        else:
            text = short_page(i, rng)
        files.append(("%s/m%05d.md" % (folder, i), text))
    files.append(("content/reports/_index.md", "---\ntitle: 年度报告\n---\n"))
    for top in tops:
        files.append(("content/%s/_index.md" % top, "---\ntitle: %s\n---\n" % SECTIONS[top][0]))

    total = 0
    for rel, text in files:
        gen_site.write(os.path.join(fz, rel), text)
        os.makedirs(os.path.dirname(os.path.join(hg, rel)), exist_ok=True)
        gen_site.link_or_copy(os.path.join(fz, rel), os.path.join(hg, rel))
        total += len(text.encode("utf-8"))
    toml = gen_site.FAZHI_SITE_TOML.split("\n# The Hugo side")[0]
    toml += "\n[search]\nenabled = %s\n" % ("true" if args.search == "on" else "false")
    gen_site.write(os.path.join(fz, "site.toml"), toml)
    gen_site.write(os.path.join(hg, "config.toml"), gen_site.HUGO_CONFIG)
    gen_site.write(os.path.join(hg, "layouts", "_default", "single.html"), gen_site.HUGO_SINGLE)
    gen_site.write(os.path.join(hg, "layouts", "_default", "list.html"), gen_site.HUGO_LIST)
    print("gen_mixed: %d pages (%d reports, %d with tables, %d medium), %.1f MB of Markdown in %s" %
          (args.n, n_reports, n_tables, n_medium, total / 1e6, args.out))


if __name__ == "__main__":
    main()
