// What a search query costs the reader's browser: the index files it fetches
// (search/manifest.json, search/t/<b>.bin, search/p/<k>-<g>.json), their bytes,
// and the time from typing the query to the results on screen, measured in
// headless Chromium (Debian's) with an empty cache for every query.
//
// Used by run.mjs (the client fetches only the buckets of the query's tokens)
// and as a benchmark on a generated site of N pages:
//
//   node tests/browser/search-load.mjs build/fazhi N [--site PUBLIC] [--client search.js] [--runs R]
//        [--cpu-slowdown K] [query …]
//
// which runs bench/gen_site.py N into /dev/shm/fazhi-search-load-N, builds it
// with fazhi, serves it on 127.0.0.1 and prints one line per query.
// --site serves an already built output folder instead (nothing generated
// or built); --client serves that file as js/search.js (to compare clients
// on the same index); --runs R measures every query R times (in rounds) and
// reports the median and range; --cpu-slowdown K runs the page's scripts K
// times slower (Chromium's CPU throttling, as its DevTools emulate a phone).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const client = createRequire(import.meta.url)(path.join(root, 'themes/default/static/js/search.js'));

/// The buckets (search/t/<b>.bin) that hold the tokens of `query` and the
/// term of the query as a whole title (a page titled so ranks first).
export function bucketsOf(manifest, query) {
  const terms = client.tokenize(query).concat([client.titleTerm(query)].filter(Boolean));
  return [...new Set(terms.map((t) => client.termHash(t) & (manifest.buckets - 1)))].sort((a, b) => a - b);
}

/// Serves `dir` at / on 127.0.0.1 (directories as their index.html).
export function serveDir(dir, replace = {}) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
    '.json': 'application/json' };
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let f = replace[pathname] || path.join(dir, pathname);
    if (!replace[pathname] && !f.startsWith(dir)) { res.writeHead(404); return res.end(); }
    if (fs.existsSync(f) && fs.statSync(f).isDirectory()) f = path.join(f, 'index.html');
    if (!fs.existsSync(f)) { res.writeHead(404); return res.end(); }
    res.writeHead(200, { 'content-type': types[path.extname(f)] || 'application/octet-stream' });
    res.end(fs.readFileSync(f));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/// For each query, in a fresh browser context (nothing cached): opens
/// `base`search/, waits for the manifest, types the query and waits for the
/// results. Returns [{q, files: [path under search/], bytes (their size in
/// `siteDir`), ms (typing → the first rows in the DOM), all (typing → every row of the
/// first page in: the list no longer aria-busy), results, status, ready: {at (ms
/// from navigation to the page asking for a query), manifest (ms from navigation
/// to the manifest's last byte), timeline: [{kind ('t' a bucket, 'p' a page
/// group), start, end (ms after typing: asked for, in)}], profile (with
/// `profile`: the DevTools CPU profile from typing to the rows, which slows
/// the page down; else null)}].
export async function measureQueries(browser, base, siteDir, queries, { cpuSlowdown = 1, profile = false } = {}) {
  const out = [];
  for (const q of queries) {
    const ctx = await browser.newContext({ locale: 'zh-CN' });
    const page = await ctx.newPage();
    const cdp = cpuSlowdown > 1 || profile ? await ctx.newCDPSession(page) : null;
    if (cpuSlowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    // When the page says it is ready for a query (the status asks for one):
    // loading the manifest and the client's warming up (warmUp in search.js).
    await page.addInitScript(() => {
      new MutationObserver((_, mo) => {
        const s = document.getElementById('search-status');
        if (s && s.textContent.includes('请输入')) { window.__searchReady = performance.now(); mo.disconnect(); }
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    const files = [];
    page.on('request', (req) => {
      const p = new URL(req.url()).pathname;
      if (p.startsWith('/search/') && p !== '/search/' && !p.endsWith('.html')) files.push(p.slice('/search/'.length));
    });
    await page.goto(`${base}search/`);
    await page.waitForFunction(() => document.getElementById('search-status').textContent.includes('请输入'));
    const ready = await page.evaluate(() => {
      const m = performance.getEntriesByType('resource').find((e) => /\/search\/manifest\.json/.test(e.name));
      return { at: window.__searchReady, manifest: m ? m.responseEnd : null };
    });
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const [ms, all, timeline] = await page.evaluate((query) => new Promise((done) => {
      const input = document.getElementById('search-q');
      const list = document.getElementById('search-results');
      const status = document.getElementById('search-status');
      const t0 = performance.now();
      let first = null;
      const none = () => /没有找到|失败/.test(status.textContent);
      const mo = new MutationObserver(() => {
        if (first === null && (list.querySelector('li') || none())) first = performance.now() - t0;
        if (first !== null && (!list.hasAttribute('aria-busy') || none())) {
          mo.disconnect();
          const timeline = performance.getEntriesByType('resource')
            .filter((e) => /\/search\/[tp]\//.test(e.name) && e.startTime >= t0)
            .map((e) => ({ kind: /\/search\/t\//.test(e.name) ? 't' : 'p',
                           start: Math.round(e.startTime - t0), end: Math.round(e.responseEnd - t0) }));
          done([first, performance.now() - t0, timeline]);
        }
      });
      mo.observe(document.querySelector('main'),
                 { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-busy'] });
      input.value = query;
      input.dispatchEvent(new Event('input'));
    }), q);
    const cpu = profile ? (await cdp.send('Profiler.stop')).profile : null;
    const results = await page.locator('#search-results li').count();
    const status = await page.locator('#search-status').innerText();
    const bytes = files.reduce((n, f) => n + fs.statSync(path.join(siteDir, 'search', f)).size, 0);
    out.push({ q, files, bytes, ms, all, results, status, ready, timeline, profile: cpu });
    await ctx.close();
  }
  return out;
}

// --- the benchmark -------------------------------------------------------------
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { chromium } = await import('playwright-core');
  const fazhi = path.resolve(process.argv[2] || path.join(root, 'build/fazhi'));
  const n = +(process.argv[3] || 50000);
  const rest = process.argv.slice(4);
  let siteArg = null, clientArg = null, runs = 1, cpuSlowdown = 1;
  for (let i = 0; i < rest.length;) {
    if (rest[i] === '--site') { siteArg = path.resolve(rest[i + 1]); rest.splice(i, 2); }
    else if (rest[i] === '--runs') { runs = Math.max(1, +rest[i + 1]); rest.splice(i, 2); }
    else if (rest[i] === '--client') { clientArg = path.resolve(rest[i + 1]); rest.splice(i, 2); }
    else if (rest[i] === '--cpu-slowdown') { cpuSlowdown = Math.max(1, +rest[i + 1]); rest.splice(i, 2); }
    else ++i;
  }
  const queries = rest.length ? rest
    : ['行政复议', '行政复议案件办理', '法律援助便民服务', '矛盾纠纷多元化解', '区司法局', '涉企行政执法监督',
       '执法', '第123篇', '2024', '不存在的词语组合'];
  let site = siteArg;
  if (!site) {
    const work = `/dev/shm/fazhi-search-load-${n}`;
    let r = spawnSync('python3', [path.join(root, 'bench/gen_site.py'), String(n), work, '--search', 'on'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    site = path.join(work, 'public');
    const t0 = Date.now();
    r = spawnSync(fazhi, ['build', path.join(work, 'fazhi'), '--output', site], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr + r.stdout);
    console.log(`built ${n} pages in ${Date.now() - t0} ms; ${(r.stdout + r.stderr).split('\n').filter((l) => /search/.test(l)).join(' ')}`);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(site, 'search/manifest.json'), 'utf8'));
  const server = await serveDir(site, clientArg ? { '/js/search.js': clientArg } : {});
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    // Each round runs every query once, so a slow moment of the machine
    // spreads over the queries instead of landing on one.
    const rounds = [];
    for (let k = 0; k < runs; ++k) {
      rounds.push(await measureQueries(browser, `http://127.0.0.1:${server.address().port}/`, site, queries, { cpuSlowdown }));
    }
    const rows = rounds[0];
    const median = (xs) => { const v = [...xs].sort((a, b) => a - b); return v[(v.length - 1) >> 1]; };
    const cell = (xs) => (xs.length > 1
      ? `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})` : xs[0].toFixed(0));
    console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}${clientArg ? `; client ${clientArg}` : ''}` +
                `${cpuSlowdown > 1 ? `; scripts ${cpuSlowdown}x slower` : ''}` +
                `${runs > 1 ? `; median (range) of ${runs} runs` : ''}`);
    console.log(`manifest ${fs.statSync(path.join(site, 'search/manifest.json')).size} bytes, ${manifest.docs} pages, ${manifest.buckets} buckets`);
    console.log('| query | files | bytes | first rows ms | all rows ms | results | status |\n|---|---|---|---|---|---|---|');
    rows.forEach((x, i) => {
      const first = rounds.map((r) => r[i].ms), all = rounds.map((r) => r[i].all);
      x.first = median(first);
      x.last = median(all);
      console.log(`| ${x.q} | ${x.files.length} | ${x.bytes} | ${cell(first)} | ${cell(all)} | ${x.results} | ${x.status} |`);
    });
    // What the page costs before the first query, over every page load.
    const loads = rounds.flat().filter((x) => x.ready.at && x.ready.manifest);
    if (loads.length) {
      console.log(`ready for a query: ${cell(loads.map((x) => x.ready.at))} ms after navigation; ` +
                  `after the manifest's last byte: ${cell(loads.map((x) => x.ready.at - x.ready.manifest))} ms ` +
                  `(median (range) of ${loads.length} page loads)`);
    }
    const worst = rows.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.log(`largest: ${worst.q} ${worst.bytes} bytes; slowest median: first rows ${Math.max(...rows.map((x) => x.first)).toFixed(0)} ms, ` +
                `all rows ${Math.max(...rows.map((x) => x.last)).toFixed(0)} ms`);
  } finally {
    await browser.close();
    server.close();
  }
}
