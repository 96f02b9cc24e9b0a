#!/usr/bin/env node
// The `js_es5` test: the themes' scripts parse as ES5, so that a browser
// without ES2015 (IE 11, a 360 browser in its IE mode, an iPad kept on iOS 9)
// reads them far enough to say what it cannot do (search.js: SUPPORTED)
// instead of stopping at a syntax error. The parser is Debian's node-acorn
// (scripts/install-test-deps.sh); exit 77 (skipped) without it.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ACORN = '/usr/share/nodejs/acorn/dist/acorn.js';
if (!fs.existsSync(ACORN)) {
  console.error(`check-js-es5: ${ACORN} not found (scripts/install-test-deps.sh installs node-acorn)`);
  process.exit(77);
}
const acorn = createRequire(import.meta.url)(ACORN);
const themes = path.join(root, 'themes');
const files = [];
for (const theme of fs.readdirSync(themes)) {
  const js = path.join(themes, theme, 'static/js');
  if (!fs.existsSync(js)) continue;
  for (const f of fs.readdirSync(js).sort()) if (f.endsWith('.js')) files.push(path.join(js, f));
}
let bad = 0;
for (const f of files) {
  try {
    acorn.parse(fs.readFileSync(f, 'utf8'), { ecmaVersion: 5, sourceType: 'script' });
  } catch (e) {
    ++bad;
    console.log(`${path.relative(root, f)}:${e.loc ? `${e.loc.line}:${e.loc.column + 1}` : '1:1'}: not ES5: ${e.message}`);
  }
}
console.log(`${files.length} scripts, ${bad} not ES5`);
process.exit(bad || !files.length ? 1 : 0);
