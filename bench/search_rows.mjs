// What a reader is told for a query, under node on a built site's index (no
// browser): the status line above the results, the index bytes the query
// loads, the first three rows, and where a given page is among the first ten.
// For comparing two clients' answers on the same index, as docs/search.md
// does for sentences pasted with a change (session 39).
//
//   node bench/search_rows.mjs PUBLIC PAGE [--client search.js] [query …]
//
// PAGE is part of a row's URL (posts/p20500/); --client runs another
// search.js (e.g. `git show REV:themes/default/static/js/search.js > old.js`).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let clientPath = path.join(root, 'themes/default/static/js/search.js');
const rest = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--client') clientPath = path.resolve(args[++i]);
  else rest.push(args[i]);
}
const [pub, target, ...queries] = rest;
if (!pub || !target || !queries.length) {
  console.error('usage: node bench/search_rows.mjs PUBLIC PAGE [--client search.js] query …');
  process.exit(2);
}
const client = createRequire(import.meta.url)(clientPath);
const dir = path.join(path.resolve(pub), 'search');
const manifestText = fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8');
for (const q of queries) {
  const loaded = new Map([['manifest.json', Buffer.byteLength(manifestText)]]);
  const index = new client.Index(JSON.parse(manifestText), (p) => {
    const b = fs.readFileSync(path.join(dir, p));
    loaded.set(p, b.length);
    return Promise.resolve(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
  });
  const r = await client.search(index, q);
  const rows = await client.page(index, r, 0, 10);
  const bytes = [...loaded.values()].reduce((a, b) => a + b, 0);
  const at = rows.findIndex((x) => x.url.includes(target));
  console.log(`${Array.from(q).length} characters, ${bytes} bytes: ${client.statusText(r, q, false)}`);
  console.log(`  rows: ${rows.slice(0, 3).map((x) => x.url).join(' ')}; ${target}: ${at < 0 ? 'not in the first ten' : 'row ' + (at + 1)}`);
}
