// Where a search query's time goes in the reader's browser: for each query,
// in headless Chromium (Debian's) with an empty cache, when the index files
// were asked for and when they came in (ms after typing: the buckets,
// search/t/*.bin, then the page groups, search/p/*.json), when the rows were
// on screen; then, over all runs, the page's CPU time by function from the
// DevTools profiler (`(program)` is the browser's own work on the page's
// thread, outside any script).
//
//   node tests/browser/search-trace.mjs PUBLIC [--client search.js] [--runs 3] query …
//
// PUBLIC is a built site's output folder; --client serves that file as
// js/search.js. search-load.mjs measures the same queries without the
// profiler (which slows the page down): use its times for the targets, this
// for where they go (docs/search.md, session 39).
import path from 'node:path';
import { serveDir } from './search-load.mjs';

const args = process.argv.slice(2);
let client = null, runs = 3;
const rest = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--client') client = path.resolve(args[++i]);
  else if (args[i] === '--runs') runs = Math.max(1, +args[++i]);
  else rest.push(args[i]);
}
const [site, ...queries] = rest;
if (!site || !queries.length) {
  console.error('usage: node tests/browser/search-trace.mjs PUBLIC [--client search.js] [--runs R] query …');
  process.exit(2);
}
const { chromium } = await import('playwright-core');
const server = await serveDir(path.resolve(site), client ? { '/js/search.js': client } : {});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const span = (xs) => (xs.length
  ? `${xs.length} asked ${Math.min(...xs.map((x) => x.start))}–${Math.max(...xs.map((x) => x.start))}, ` +
    `in ${Math.min(...xs.map((x) => x.end))}–${Math.max(...xs.map((x) => x.end))}`
  : 'none');
try {
  for (const q of queries) {
    const self = new Map();
    let sampled = 0;
    for (let run = 0; run < runs; ++run) {
      const ctx = await browser.newContext({ locale: 'zh-CN' });
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await page.goto(`http://127.0.0.1:${server.address().port}/search/`);
      await page.waitForFunction(() => document.getElementById('search-status').textContent.includes('请输入'));
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      const r = await page.evaluate((query) => new Promise((done) => {
        const input = document.getElementById('search-q');
        const list = document.getElementById('search-results');
        const t0 = performance.now();
        let first = null;
        const mo = new MutationObserver(() => {
          if (first === null && list.querySelector('li')) first = performance.now() - t0;
          if (first === null || list.hasAttribute('aria-busy')) return;
          mo.disconnect();
          const files = performance.getEntriesByType('resource')
            .filter((e) => /\/search\/[tp]\//.test(e.name) && e.startTime >= t0)
            .map((e) => ({ kind: /\/search\/t\//.test(e.name) ? 't' : 'p',
                           start: Math.round(e.startTime - t0), end: Math.round(e.responseEnd - t0) }));
          done({ first, all: performance.now() - t0, files });
        });
        mo.observe(document.querySelector('main'), { childList: true, subtree: true, attributes: true });
        input.value = query;
        input.dispatchEvent(new Event('input'));
      }), q);
      const { profile } = await cdp.send('Profiler.stop');
      const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples.forEach((id, i) => {
        const f = nodes.get(id).callFrame;
        const key = f.url ? `${f.functionName || '(anonymous)'} (${path.basename(f.url)}:${f.lineNumber + 1})`
          : f.functionName;
        self.set(key, (self.get(key) || 0) + (profile.timeDeltas[i] || 0));
      });
      ++sampled;
      console.log(`${Array.from(q).length} characters, run ${run + 1}: first rows ${r.first.toFixed(0)} ms, ` +
                  `all ${r.all.toFixed(0)} ms; buckets ${span(r.files.filter((f) => f.kind === 't'))}; ` +
                  `groups ${span(r.files.filter((f) => f.kind === 'p'))}`);
      await ctx.close();
    }
    console.log('  CPU by function, ms a run (the profiler on):');
    [...self].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 8)
      .forEach(([k, us]) => console.log(`  ${(us / 1000 / sampled).toFixed(1).padStart(7)}  ${k}`));
  }
} finally {
  await browser.close();
  server.close();
}
