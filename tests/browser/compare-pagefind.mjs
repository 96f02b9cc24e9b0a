// Compares fazhi's search with Pagefind (npm `pagefind`, pinned in
// package-lock.json; its binary ships in @pagefind/linux-x64) on the demo
// site: the top results of the queries and the bytes each needs.
//
//   node tests/browser/compare-pagefind.mjs [path/to/fazhi]
//
// Writes tests/browser/artifacts/pagefind-comparison.json and prints a
// Markdown table (docs/search.md quotes it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const fazhi = path.resolve(process.argv[2] || path.join(root, 'build/fazhi'));
const site = path.join(here, 'artifacts/pagefind-site');
const QUERIES = ['行政复议', '复议', '述法', '调解', '1537', '法治督察', '规范性文件'];

fs.rmSync(site, { recursive: true, force: true });
let r = spawnSync(fazhi, ['build', root, '--output', site, '--quiet'], { encoding: 'utf8' });
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
const fzIndex = fs.statSync(path.join(site, 'search/index.json')).size;
const fzScript = fs.statSync(path.join(site, 'js/search.js')).size;

// fazhi: the client's own search() under node on the built index.
const require = createRequire(import.meta.url);
const client = require(path.join(root, 'themes/default/static/js/search.js'));  // same bytes as site/js/search.js
const index = JSON.parse(fs.readFileSync(path.join(site, 'search/index.json'), 'utf8'));
const fz = Object.fromEntries(QUERIES.map((q) => [q, client.search(index, q, 5).map((x) => x.url)]));

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
  pf[q] = await page.evaluate(async (query) => {
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.init();
    const res = await pagefind.search(query);
    const data = await Promise.all(res.results.slice(0, 5).map((x) => x.data()));
    return data.map((d) => (d.sub_results && d.sub_results[0] ? d.sub_results[0].url : d.url));
  }, q);
  await page.waitForTimeout(200);
  pfBytes[q] = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await page.close();
}
await browser.close();
server.close();

const short = (u) => decodeURIComponent(u).replace(/^\//, '').replace(/#(.{0,12}).*/, '#$1…');
const out = { pagefind: { version: '1.6.0', files: pfSize.files, bytes: pfSize.bytes, millis: pfMillis, bytesPerQuery: pfBytes, top: pf },
  fazhi: { indexBytes: fzIndex, scriptBytes: fzScript, top: fz } };
fs.writeFileSync(path.join(here, 'artifacts/pagefind-comparison.json'), JSON.stringify(out, null, 2));
console.log(`| | fazhi | Pagefind 1.6.0 |\n|---|---|---|`);
console.log(`| index on disk | ${fzIndex} bytes in 1 file (+ search.js ${fzScript} bytes) | ${pfSize.bytes} bytes in ${pfSize.files} files |`);
console.log(`| bytes loaded for one query | ${fzIndex + fzScript} (whole index, once) | ${QUERIES.map((q) => pfBytes[q]).join(' / ')} |`);
for (const q of QUERIES) {
  console.log(`| ${q} | ${fz[q].slice(0, 3).map(short).join('<br>') || '—'} | ${pf[q].slice(0, 3).map(short).join('<br>') || '—'} |`);
}
