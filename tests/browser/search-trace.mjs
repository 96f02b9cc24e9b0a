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
import { measureQueries, serveDir } from './search-load.mjs';

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
const siteDir = path.resolve(site);
const server = await serveDir(siteDir, client ? { '/js/search.js': client } : {});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const span = (xs) => (xs.length
  ? `${xs.length} asked ${Math.min(...xs.map((x) => x.start))}–${Math.max(...xs.map((x) => x.start))}, ` +
    `in ${Math.min(...xs.map((x) => x.end))}–${Math.max(...xs.map((x) => x.end))}`
  : 'none');
try {
  for (const q of queries) {
    const self = new Map();  // function → µs of samples, over the runs
    for (let run = 1; run <= runs; ++run) {
      const [r] = await measureQueries(browser, `http://127.0.0.1:${server.address().port}/`, siteDir, [q],
                                       { profile: true });
      console.log(`${Array.from(q).length} characters, run ${run}: first rows ${r.ms.toFixed(0)} ms, ` +
                  `all ${r.all.toFixed(0)} ms; buckets ${span(r.timeline.filter((f) => f.kind === 't'))}; ` +
                  `groups ${span(r.timeline.filter((f) => f.kind === 'p'))}`);
      const nodes = new Map(r.profile.nodes.map((n) => [n.id, n]));
      r.profile.samples.forEach((id, i) => {
        const f = nodes.get(id).callFrame;
        const key = f.url ? `${f.functionName || '(anonymous)'} (${path.basename(f.url)}:${f.lineNumber + 1})`
          : f.functionName;
        self.set(key, (self.get(key) || 0) + (r.profile.timeDeltas[i] || 0));
      });
    }
    console.log('  CPU by function, ms a run (the profiler on):');
    [...self].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 8)
      .forEach(([k, us]) => console.log(`  ${(us / 1000 / runs).toFixed(1).padStart(7)}  ${k}`));
  }
} finally {
  await browser.close();
  server.close();
}
