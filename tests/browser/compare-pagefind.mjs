// Compares fazhi's search with Pagefind (npm `pagefind`, pinned in
// package-lock.json; its binary ships in @pagefind/linux-x64) on the demo
// site: for each query of the demo query set (demo-queries.json), the page
// each ranks first against the expected one, and the bytes each query loads
// (fazhi: the index files its client fetches; Pagefind: response bodies in
// Chromium, with an empty cache per query). With --district, the same on the
// district example (examples/district) and its query set
// (district-queries.json: the pages that must come first, in order, or the
// first `top` rows that must all match `pattern`).
//
//   node tests/browser/compare-pagefind.mjs [path/to/fazhi] [--district]
//
// Writes tests/browser/artifacts/pagefind-comparison.json (or
// pagefind-comparison-district.json) and prints a Markdown table
// (docs/search.md quotes it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const args = process.argv.slice(2);
const district = args.includes('--district');
const fazhi = path.resolve(args.find((a) => !a.startsWith('--')) || path.join(root, 'build/fazhi'));
const site = path.join(here, district ? 'artifacts/pagefind-site-district' : 'artifacts/pagefind-site');
const source = district ? path.join(root, 'examples/district') : root;
const SET = JSON.parse(fs.readFileSync(path.join(here, district ? 'district-queries.json' : 'demo-queries.json'), 'utf8')).queries;
const QUERIES = SET.map((x) => x.q);
// Rows compared per query: the demo set names one page, the district set up to eight.
const ROWS = Math.max(5, ...SET.map((x) => (Array.isArray(x.first) ? x.first.length : 1)), ...SET.map((x) => x.top || 0));

fs.rmSync(site, { recursive: true, force: true });
let r = spawnSync(fazhi, ['build', source, '--output', site, '--quiet'], { encoding: 'utf8' });
if (r.status !== 0) throw new Error(r.stderr);
const pfBin = path.join(here, 'node_modules/.bin/pagefind');
const t0 = Date.now();
r = spawnSync(pfBin, ['--site', site, '--output-subdir', 'pagefind', '--quiet'], { encoding: 'utf8' });
const pfMillis = Date.now() - t0;
if (r.status !== 0) throw new Error(`pagefind failed: ${r.stderr}${r.stdout}`);

function dirBytes(d) {
  let n = 0, files = 0;
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const f = path.join(d, e.name);
    if (e.isDirectory()) { const s = dirBytes(f); n += s.bytes; files += s.files; } else { n += fs.statSync(f).size; files++; }
  }
  return { bytes: n, files };
}
const pfSize = dirBytes(path.join(site, 'pagefind'));
const fzIndex = dirBytes(path.join(site, 'search'));
fzIndex.bytes -= fs.statSync(path.join(site, 'search/index.html')).size;
fzIndex.files -= 1;
const fzScript = fs.statSync(path.join(site, 'js/search.js')).size;

// fazhi: the client's own search() and page() under node on the built
// index, counting the files it reads (manifest included).
const require = createRequire(import.meta.url);
const client = require(path.join(root, 'themes/default/static/js/search.js'));  // same bytes as site/js/search.js
const manifestPath = path.join(site, 'search/manifest.json');
const fz = {}, fzBytes = {};
for (const q of QUERIES) {
  let bytes = fs.statSync(manifestPath).size;
  const index = new client.Index(JSON.parse(fs.readFileSync(manifestPath, 'utf8')), (p) => {
    const b = fs.readFileSync(path.join(site, 'search', p));
    bytes += b.length;
    return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
  });
  const result = await client.search(index, q);
  fz[q] = (await client.page(index, result, 0, ROWS)).map((x) => '/' + x.url);
  fzBytes[q] = bytes;
}

// Pagefind: its own pagefind.js in Chromium, counting the bytes each query loads.
const server = http.createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let f = path.join(site, p);
  if (fs.existsSync(f) && fs.statSync(f).isDirectory()) f = path.join(f, 'index.html');
  if (!fs.existsSync(f)) { res.writeHead(404); return res.end(); }
  const type = f.endsWith('.js') ? 'text/javascript' : f.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
  res.writeHead(200, { 'content-type': f.endsWith('.html') ? 'text/html; charset=utf-8' : type });
  res.end(fs.readFileSync(f));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const pf = {}, pfBytes = {};
for (const q of QUERIES) {
  const page = await browser.newPage();
  const sizes = [];
  page.on('requestfinished', (req) => { if (req.url().includes('/pagefind/')) sizes.push(req.sizes().then((s) => s.responseBodySize)); });
  await page.goto(base + 'about/');
  pf[q] = await page.evaluate(async ([query, rows]) => {
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.init();
    const res = await pagefind.search(query);
    const data = await Promise.all(res.results.slice(0, rows).map((x) => x.data()));
    return data.map((d) => (d.sub_results && d.sub_results[0] ? d.sub_results[0].url : d.url));
  }, [q, ROWS]);
  await page.waitForTimeout(200);
  pfBytes[q] = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await page.close();
}
await browser.close();
server.close();

const short = (u) => decodeURIComponent(u).replace(/^\//, '').replace(/#(.{0,12}).*/, '#$1…');
const page0 = (u) => (u ? decodeURIComponent(u).replace(/^\//, '').replace(/#.*/, '') : '');
// Whether `list` (URLs, best first) is what query `x` expects.
const right = (x, list) => {
  const got = list.map(page0);
  if (Array.isArray(x.first)) return x.first.every((u, i) => got[i] === u);
  if (x.first) return got[0] === x.first;
  const pattern = new RegExp(x.pattern);
  return got.length >= x.top && got.slice(0, x.top).every((u) => pattern.test(u));
};
const expected = (x) => (Array.isArray(x.first) ? x.first.join(' ') : x.first || `${x.top} × ${x.pattern}`);
const fzRight = SET.filter((x) => right(x, fz[x.q])).length;
const pfRight = SET.filter((x) => right(x, pf[x.q])).length;
const sum = (o) => QUERIES.reduce((n, q) => n + o[q], 0);
const out = { pagefind: { version: '1.6.0', files: pfSize.files, bytes: pfSize.bytes, millis: pfMillis, bytesPerQuery: pfBytes, top: pf, right: pfRight },
  fazhi: { files: fzIndex.files, indexBytes: fzIndex.bytes, scriptBytes: fzScript, bytesPerQuery: fzBytes, top: fz, right: fzRight } };
fs.writeFileSync(path.join(here, district ? 'artifacts/pagefind-comparison-district.json' : 'artifacts/pagefind-comparison.json'),
                 JSON.stringify(out, null, 2));
console.log(`| | fazhi | Pagefind 1.6.0 |\n|---|---|---|`);
console.log(`| index on disk | ${fzIndex.bytes} bytes in ${fzIndex.files} files (+ search.js ${fzScript} bytes) | ${pfSize.bytes} bytes in ${pfSize.files} files |`);
console.log(`| index bytes loaded per query (mean, max) | ${Math.round(sum(fzBytes) / QUERIES.length)}, ${Math.max(...QUERIES.map((q) => fzBytes[q]))} | ${Math.round(sum(pfBytes) / QUERIES.length)}, ${Math.max(...QUERIES.map((q) => pfBytes[q]))} |`);
console.log(`| expected pages first | ${fzRight} of ${SET.length} | ${pfRight} of ${SET.length} |`);
console.log(`\n| query | expected first | fazhi (first three) | Pagefind (first three) |\n|---|---|---|---|`);
for (const x of SET) {
  const mark = (list) => (right(x, list) ? '✓ ' : '✗ ') + (list.slice(0, 3).map(short).join('<br>') || '—');
  console.log(`| ${x.q} | ${expected(x)} | ${mark(fz[x.q])} | ${mark(pf[x.q])} |`);
}
