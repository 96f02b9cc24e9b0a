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
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { queryFiles } from './search_bytes.mjs';

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
for (const q of queries) {
  const { files, result, rows } = await queryFiles(path.join(path.resolve(pub), 'search'), q, client);
  const bytes = [...files.values()].reduce((a, b) => a + b, 0);
  const at = rows.findIndex((x) => x.url.includes(target));
  // As the search page does once the first rows are in (apartOnly exists since session 46).
  if (client.apartOnly) result.apart = client.apartOnly(result, rows);
  console.log(`${Array.from(q).length} characters, ${bytes} bytes: ${client.statusText(result, q, false)}`);
  console.log(`  rows: ${rows.slice(0, 3).map((x) => x.url).join(' ')}; ${target}: ${at < 0 ? 'not in the first ten' : 'row ' + (at + 1)}`);
}
