// The index data a search query makes the reader download, counted without a
// browser: the manifest, then every file the client (themes/default/static/
// js/search.js, under node) reads for search() and the first page of ten
// results, each counted once. The same files as the search page fetches with
// an empty cache (tests/browser/search-load.mjs measures them in Chromium, with
// the time to the first rows); this needs no browser, so a test can run it.
//
//   node bench/search_bytes.mjs PUBLIC [--max BYTES] [--gzip] [query …]
//
// Prints one line per query and the largest; with --max, exits 1 when a
// query loads more than BYTES (bench/search_bytes_test.sh: the 300 KB target
// of issue 17 at 50,000 pages). With --gzip, also the bytes on the wire from
// a server that compresses JSON as deploy/nginx.conf has it (gzip level 1,
// nginx's default; the bucket files, application/octet-stream, as they are).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const client = createRequire(import.meta.url)(path.join(root, 'themes/default/static/js/search.js'));
// search-load.mjs's and search_client.mjs's set (phrases, a long query, a
// common word, a page number, a number and a query found nowhere), then
// words typed apart, which load the buckets of every word and the groups of
// the pages holding them all, the reports' label (a kind's term), and long
// queries: a bucket per token, so the bytes grow with the query's length;
// and sentences pasted whole (the start of a paragraph of gen_site's page
// 20,500, 24 and 80 characters), which the client looks up by twelve of
// their tokens where all would load too much (searchSample in search.js),
// the 24 characters also with a word changed (积极 → 明显), as a reader's
// copy may have it: no page holds the twelve, the pages holding the most
// of them are listed (mostHeld).
export const PASTED = ['区司法局全面加强法律援助便民服务，取得积极成效。',
  '区司法局全面加强法律援助便民服务，取得积极成效。在此基础上，法律顾问团队深入落实行政复议案件办理，取得积极成效。' +
  '在此基础上，基层司法所积极探索法治宣传教育，推动', '区司法局全面加强法律援助便民服务，取得明显成效。'];
export const DEFAULT_QUERIES = ['行政复议', '行政复议案件办理', '法律援助便民服务', '矛盾纠纷多元化解', '区司法局',
  '涉企行政执法监督', '执法', '第123篇', '2024', '不存在的词语组合', '行政复议 法律援助',
  '矛盾纠纷 多元化解 区司法局', '年度报告', '矛盾纠纷多元化解区司法局', '行政复议 法律援助 矛盾纠纷 区司法局'].concat(PASTED);

/// The bytes of file `p` under `searchDir` as a server with
/// deploy/nginx.conf's gzip_types sends them (HTML compressed too).
function wireBytes(searchDir, p) {
  const bytes = fs.readFileSync(path.join(searchDir, p));
  return p.endsWith('.json') || p.endsWith('.html') ? zlib.gzipSync(bytes, { level: 1 }).length : bytes.length;
}

// The client reads a page whose metadata was cut where it lacks the query
// (Index.pageSections, through DOMParser, which node lacks): a parser that
// finds no <main> here, so that the page is counted and its row keeps its
// metadata's text.
const noPages = class { parseFromString() { return { querySelector: () => null }; } };

/// The files under `searchDir` (with their sizes) that query `q` loads, run
/// by `searchClient` (search.js as a module; this checkout's by default),
/// with the search's result and the first ten rows.
export async function queryFiles(searchDir, q, searchClient = client) {
  const read = (p) => fs.readFileSync(path.join(searchDir, p));
  const files = new Map([['manifest.json', read('manifest.json').length]]);
  const index = new searchClient.Index(JSON.parse(read('manifest.json').toString('utf8')), (p) => {
    const b = read(p);
    files.set(p, b.length);
    return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
  });
  // Pages by their URL, counted as '../<url>index.html' (the site root is searchDir's parent).
  index.loadPage = (url) => {
    const p = path.join('..', url, 'index.html');
    const b = read(p);
    files.set(p, b.length);
    return Promise.resolve(b.toString('utf8'));
  };
  if (typeof globalThis.DOMParser === 'undefined') globalThis.DOMParser = noPages;
  const result = await searchClient.search(index, q);
  const shown = await searchClient.page(index, result, 0, 10);
  return { files, results: result.count !== undefined ? result.count : result.hits.length, shown: shown.length,
           first: shown.length ? shown[0].url : '', result, rows: shown };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let max = Infinity;
  let gzip = false;
  const rest = [];
  for (let i = 0; i < args.length; ++i) {
    if (args[i] === '--max') max = +args[++i];
    else if (args[i] === '--gzip') gzip = true;
    else rest.push(args[i]);
  }
  const [pub, ...qs] = rest;
  if (!pub || (args.includes('--max') && !Number.isFinite(max))) {
    console.error('usage: node bench/search_bytes.mjs PUBLIC [--max BYTES] [--gzip] [query …]');
    process.exit(2);
  }
  const dir = path.join(path.resolve(pub), 'search');
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  console.log(`${manifest.docs} pages, ${manifest.buckets} buckets, manifest ` +
              `${fs.statSync(path.join(dir, 'manifest.json')).size} bytes`);
  console.log(gzip ? '| query | files | bytes | gzipped | results | first row |\n|---|---|---|---|---|---|'
                   : '| query | files | bytes | results | first row |\n|---|---|---|---|---|');
  let worst = { q: '', bytes: -1 };
  for (const q of qs.length ? qs : DEFAULT_QUERIES) {
    const { files, results, first } = await queryFiles(dir, q);
    const bytes = [...files.values()].reduce((a, b) => a + b, 0);
    const sent = gzip ? [...files.keys()].reduce((a, p) => a + wireBytes(dir, p), 0) + ' | ' : '';
    console.log(`| ${q} | ${files.size} | ${bytes} | ${sent}${results} | ${first} |`);
    if (bytes > worst.bytes) worst = { q, bytes };
  }
  console.log(`largest: ${worst.q} ${worst.bytes} bytes`);
  if (worst.bytes > max) {
    console.log(`over the limit: ${worst.q} loads ${worst.bytes} bytes, more than ${max}`);
    process.exit(1);
  }
}
