// What the search client (themes/default/static/js/search.js) computes per
// query, under node, on a built site's index read from disk (no network, no
// DOM): the CPU time of search() + page() for the first 10 results, which is
// the work between typing and the results that the reader's machine does
// besides fetching.
//
//   node bench/search_client.mjs PUBLIC [--runs 5] [--client search.js] [query …]
//
// PUBLIC is a built site's output folder (e.g. after
// `python3 bench/gen_site.py 50000 /dev/shm/x --search on &&
//  build/fazhi build /dev/shm/x/fazhi --output /dev/shm/x/public`).
// Every query runs RUNS times, each in a fresh node process (as a browser runs
// the client in a fresh page: cold JIT); the report is the median and range of
// the CPU ms (user+sys of that process while the query runs), the same query
// run again in that process (warm), the query run after the client's warmUp()
// (the made-up queries a page runs before it says it is ready) with that
// warm-up's own CPU, the result count (with what the results hold when not
// the whole query: `partial: 法律`, the longest run found; `apart: 述法 报告`,
// its words apart, with `4 with 政府 only` after them when a character of
// the query is on no page; `1 whole`, the whole query on 1 of them) and the first
// three results, so two clients (--client, e.g. an older search.js from
// `git show REV:themes/default/static/js/search.js > /tmp/old.js`) can be
// compared for time and for giving the same answers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(here), '..');
const DEFAULT_QUERIES = ['行政复议', '行政复议案件办理', '法律援助便民服务', '矛盾纠纷多元化解', '区司法局',
  '涉企行政执法监督', '执法', '第123篇', '2024', '不存在的词语组合'];

async function once(client, dir, q) {
  const index = new client.Index(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')), (p) => {
    const b = fs.readFileSync(path.join(dir, p));
    return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
  });
  const c0 = process.cpuUsage();
  const result = await client.search(index, q);
  const shown = await client.page(index, result, 0, 10);
  const c = process.cpuUsage(c0);
  const total = result.count !== undefined ? result.count : result.hits.length;
  return { ms: (c.user + c.system) / 1000, total, partial: result.partial, phrase: result.phrase,
    loose: result.loose ? (result.pieces || ['…']).join(' ') : null, exact: result.exact,
    rest: result.rest ? `${result.rest.count} with ${result.rest.phrase} only` : null,
    first: shown.slice(0, 3).map((x) => x.url) };
}

const args = process.argv.slice(2);
if (args[0] === '--one') {
  // Child: one query, cold then warm; with --warm-up after the client's
  // warmUp() (what the page runs before it says it is ready), and its CPU.
  const [, dir, clientPath, q, warmUp] = args;
  const client = createRequire(import.meta.url)(clientPath);
  let warmUpMs = null;
  if (warmUp === '--warm-up') {
    const c0 = process.cpuUsage();
    await client.warmUp(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')).kinds, null);
    const c = process.cpuUsage(c0);
    warmUpMs = (c.user + c.system) / 1000;
  }
  const cold = await once(client, dir, q);
  const warm = await once(client, dir, q);
  console.log(JSON.stringify({ ...cold, warm: warm.ms, warmUpMs }));
} else {
  let runs = 5;
  let clientPath = path.join(root, 'themes/default/static/js/search.js');
  const rest = [];
  for (let i = 0; i < args.length; ++i) {
    if (args[i] === '--runs') runs = +args[++i];
    else if (args[i] === '--client') clientPath = path.resolve(args[++i]);
    else rest.push(args[i]);
  }
  const [pub, ...qs] = rest;
  if (!pub) {
    console.error('usage: node bench/search_client.mjs PUBLIC [--runs 5] [--client search.js] [query …]');
    process.exit(2);
  }
  const dir = path.join(path.resolve(pub), 'search');
  const queries = qs.length ? qs : DEFAULT_QUERIES;
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  console.log(`${manifest.docs} pages, ${manifest.buckets} buckets; client ${clientPath}; ${runs} runs per query`);
  const canWarm = !!createRequire(import.meta.url)(clientPath).warmUp;
  console.log('| query | cold CPU ms (median, range) | after warmUp (its own CPU) | warm CPU ms | results | first results |\n' +
              '|---|---|---|---|---|---|');
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  let worst = 0;
  for (const q of queries) {
    const rows = [], warmed = [];
    const child = (extra) => {
      const p = spawnSync(process.execPath, [here, '--one', dir, clientPath, q, ...extra], { encoding: 'utf8' });
      if (p.status !== 0) throw new Error(p.stderr);
      return JSON.parse(p.stdout);
    };
    for (let r = 0; r < runs; ++r) {  // interleaved, so a slow moment hits both alike
      rows.push(child([]));
      if (canWarm) warmed.push(child(['--warm-up']));
    }
    const cold = rows.map((x) => x.ms), warm = rows.map((x) => x.warm);
    const afterWarmUp = canWarm
      ? `${median(warmed.map((x) => x.ms)).toFixed(1)} (${median(warmed.map((x) => x.warmUpMs)).toFixed(1)})` : '—';
    worst = Math.max(worst, median(cold));
    const x = rows[0];
    console.log(`| ${q} | ${median(cold).toFixed(1)} (${Math.min(...cold).toFixed(1)}–${Math.max(...cold).toFixed(1)}) | ` +
      `${afterWarmUp} | ${median(warm).toFixed(1)} | ${x.total}${x.loose ? ` (apart: ${x.loose}${x.rest ? `; ${x.rest}` : ''})` : x.partial ? ` (partial: ${x.phrase})`
        : x.exact !== undefined && x.exact < x.total ? ` (${x.exact} whole)` : ''} | ${x.first.join(' ')} |`);
  }
  console.log(`slowest median cold: ${worst.toFixed(1)} ms CPU`);
}
