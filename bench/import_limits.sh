#!/usr/bin/env bash
# `fazhi import` on the inputs of issue 18, failure 2, at their full sizes:
# prints, for each, the exit status, wall time, peak memory (/usr/bin/time)
# and what was written. Before the limits: 1.98 GB for the first, 201 MB in
# 2,187 files for the second, > 120 s and 6 GB for the third, 80 s and
# 6.5 GB for the fourth; the fifth was imported as GB18030 text. The sixth and
# seventh are web pages at and beyond the 16 MiB web page limit. "files" and
# "bytes out" include the copy of the imported file kept beside the report.
#
# Usage: bench/import_limits.sh [--fazhi PATH]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
FAZHI="$ROOT/build/fazhi"
[ "${1:-}" = --fazhi ] && FAZHI=$2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-import-limits-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
SEED="$ROOT/../shared/seeds/000_8e2bfd6529608b47.txt"

python3 - "$WORK" "$SEED" <<'PY'
import os, sys, zipfile
work, seed = sys.argv[1], sys.argv[2]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
def docx(path, body):
    doc = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr('[Content_Types].xml', '<Types/>')
        z.writestr('word/document.xml', doc)
# 1. 63 MiB of empty paragraphs.
docx(os.path.join(work, '1-empty-paragraphs.docx'), '<w:p/>' * (63 * 1024 * 1024 // 6))
# 2, 3. The seed report on one line, its full stops turned into commas.
text = open(seed, encoding='utf-8').read() if os.path.exists(seed) else '办理行政复议案件368件，办结率80.16%，'
line = text.replace('\r', '').replace('\n', '').replace('。', '，')
for name, size in (('2-one-line-46k.txt', 46 * 1024), ('3-one-line-250k.txt', 250 * 1024)):
    out = '2024年法治政府建设年度报告 '
    while len(out.encode()) < size:
        out += line
    open(os.path.join(work, name), 'w', encoding='utf-8').write(out.encode()[:size].decode('utf-8', 'ignore'))
# 4. 20,000 runs in one paragraph.
runs = ''.join(f'<w:r><w:t>办理案件{i % 900 + 10}件，</w:t></w:r>' for i in range(20000))
docx(os.path.join(work, '4-runs-20000.docx'), '<w:p><w:r><w:t>2024年报告</w:t></w:r></w:p><w:p>' + runs + '</w:p>')
# 5. Ten random bytes named .docx.
open(os.path.join(work, '5-random.docx'), 'wb').write(bytes([0xb0, 0xa1, 0xb0, 0xa2, 0xc4, 0xe3, 0xba, 0xc3, 0xd6, 0xd0]))
# 6, 7. A saved portal page that is almost all menu (the most tree per byte):
# just under the 16 MiB web page limit, and just over it.
article = ('<h1>2024年法治政府建设年度报告</h1><div id="zoom"><p>一、主要举措和成效</p>'
           + '<p>全年办理行政复议案件368件，办结率80.16%。</p>' * 20 + '</div>')
for name, size in (('6-page-15m.html', 15 * 1024 * 1024), ('7-page-17m.html', 17 * 1024 * 1024)):
    item = '<li><a href="/a">栏目</a></li>'
    menu = item * ((size - 200 - len(article.encode())) // len(item.encode()))
    page = '<!DOCTYPE html><html><head><title>报告</title></head><body><ul>' + menu + '</ul>' + article + '</body></html>'
    open(os.path.join(work, name), 'w', encoding='utf-8').write(page)
PY

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-24s %9s %4s %8s %7s %10s %6s %10s\n' input size exit "wall s" "cpu s" "peak MiB" files "bytes out"
for f in "$WORK"/*.docx "$WORK"/*.txt "$WORK"/*.html; do
  name=$(basename "$f")
  site="$WORK/site-$name"
  set +e
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$FAZHI" import "$f" --site "$site" --year 2024 \
    --date 2025-03-01 >/dev/null 2>"$WORK/err"
  rc=$?
  set -e
  read -r wall user sys kb < <(tail -1 "$WORK/time")
  files=0 bytes=0
  if [ -d "$site" ]; then
    files=$(find "$site" -type f | wc -l)
    bytes=$(du -sb "$site" | cut -f1)
  fi
  printf '%-24s %9s %4s %8s %7s %10s %6s %10s\n' "$name" "$(stat -c %s "$f")" "$rc" "$wall" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')" "$((kb / 1024))" "$files" "$bytes"
  [ $rc -ne 0 ] && sed 's/^/    /' "$WORK/err" | head -2
done
