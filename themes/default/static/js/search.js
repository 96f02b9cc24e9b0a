/* fazhi site search: no dependencies, no other hosts, works offline.
 *
 * The index is split (docs/search.md): search/manifest.json says how many
 * pages and term buckets there are; a query fetches only the buckets of its
 * tokens (search/t/<b>.bin) and then the metadata groups of the results it
 * shows (search/p/<kind>-<g>.json), so the bytes a query loads do not grow with the
 * site.
 *
 * The tokenizer is a line-by-line port of generator/search/tokenize.cpp and
 * termHash of SearchTermHash in generator/search/index.cpp;
 * generator/search/tokenize_test.cpp runs both under node against the C++.
 * Without JavaScript the /search/ page explains that search needs it and
 * links to the 网站地图. */
(function () {
  'use strict';

  // The format of the index this script reads: the manifest's "v". fazhi
  // build checks this line (generator/search/client.h), so that a site
  // keeping an older copy of the theme is told before it publishes.
  var INDEX_FORMAT = 5;
  var PAGE = 10;            // results shown at once
  // A query of more distinct tokens than this (a sentence pasted to find
  // where it was published) whose buckets would pass SAMPLE_BYTES is looked
  // up by this many of them (searchSample): each token fetches its own
  // bucket, and on 50,000 pages of gen_site's text 24 pasted characters
  // loaded 336,831 bytes, 80 characters 737,354, over issue 17's 300 KB
  // (docs/search.md, session 38); the ten rows' page groups take about
  // 100 KB more there.
  var MAX_TOKENS = 12;
  var SAMPLE_BYTES = 160 * 1024;
  var REPORT_BOOST = 1.5;   // the first kind (年度报告) ranks above pages that merely mention a term
  // Sites of at least this many pages warm the client up before the first
  // query (warmUp): below, a token lists few pages and the first query is
  // quick without it (docs/search.md).
  var WARM_FROM = 1000;
  // A unit page (单位) repeats the 整改 items and indicators of its profiles:
  // where both match as well, the page that states them comes first.
  var KIND_WEIGHT = { '单位': 0.8 };
  // A query of at most this many distinct tokens is also matched loosely
  // (looseMatches): the units of characters it covers fit a 32-bit mask.
  var LOOSE_TOKENS = 30;
  // A title of more characters has no term of its own (titleTerm).
  var TITLE_TERM_CHARS = 64;
  // Rows of a page of results (its first ones) whose page may be read for
  // a match its metadata cut off (pageRows): each costs that page's HTML.
  var PAGE_READS = 3;
  // And only while the query's index files (its buckets and the groups of
  // its rows) and the pages read stay within this many bytes: issue 17's
  // 300 KB a query, less room for the manifest (10 KB at 50,000 pages).
  var LOAD_BYTES = 280000;

  function fold(cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
    if (cp === 0x3000) cp = 0x20;
    if (cp >= 0x41 && cp <= 0x5A) cp += 0x20;
    return cp;
  }
  function isHan(c) {
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
  }
  function isDigit(c) { return c >= 0x30 && c <= 0x39; }
  function isWord(c) { return isDigit(c) || (c >= 0x61 && c <= 0x7A); }
  // The code points of `s`, as for…of gives them (a lone surrogate is one), in
  // ES5 syntax: a browser without ES2015 still reads this script and can say
  // why it does not search (SUPPORTED).
  function codePoints(s) {
    var out = [];
    for (var i = 0; i < s.length; ++i) {
      var c = s.charCodeAt(i);
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length) {
        var d = s.charCodeAt(i + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) {
          c = (c - 0xD800) * 0x400 + (d - 0xDC00) + 0x10000;
          ++i;
        }
      }
      out.push(fold(c));
    }
    return out;
  }
  /* fold() of every character: only full-width forms, U+3000 and A-Z change,
   * all in the BMP, so a string without them (most text) is its own fold. */
  var FOLDED = /[\uFF01-\uFF5E\u3000A-Z]/;
  var FOLDED_ALL = /[\uFF01-\uFF5E\u3000A-Z]/g;
  function foldChar(ch) { return String.fromCharCode(fold(ch.charCodeAt(0))); }
  function foldString(s) {
    return FOLDED.test(s) ? s.replace(FOLDED_ALL, foldChar) : s;
  }

  /* Tokens of `text` in order, with repeats; each {t, a, b}: the token and
   * the code points [a, b) of `text` it comes from. */
  function tokenizeAt(text) {
    var cps = codePoints(text), n = cps.length, out = [], i = 0;
    while (i < n) {
      var c = cps[i], j;
      if (isHan(c)) {
        j = i;
        while (j < n && isHan(cps[j])) ++j;
        if (j - i === 1) {
          out.push({ t: String.fromCodePoint(c), a: i, b: j });
        } else {
          for (var k = i; k + 1 < j; ++k) out.push({ t: String.fromCodePoint(cps[k], cps[k + 1]), a: k, b: k + 2 });
        }
        i = j;
      } else if (isWord(c)) {
        var t = '';
        j = i;
        while (j < n) {
          var d = cps[j];
          if (isWord(d)) {
            t += String.fromCodePoint(d); ++j;
          } else if (d === 0x2E && j > i && isDigit(cps[j - 1]) && j + 1 < n && isDigit(cps[j + 1])) {
            t += '.'; ++j;
          } else if (d === 0x2C && j > i && isDigit(cps[j - 1]) && j + 3 < n && isDigit(cps[j + 1]) &&
                     isDigit(cps[j + 2]) && isDigit(cps[j + 3]) && (j + 4 >= n || !isDigit(cps[j + 4]))) {
            ++j;
          } else {
            break;
          }
        }
        out.push({ t: t, a: i, b: j });
        i = j;
      } else {
        ++i;
      }
    }
    return out;
  }
  function tokenize(text) { return tokenizeAt(text).map(function (x) { return x.t; }); }

  /* The term of a whole title (SearchTitleTerm in search/tokenize.h): '='
   * and the characters of it that tokenize() indexes (Chinese characters,
   * letters and digits folded, a '.' between two digits), without spaces,
   * punctuation and symbols; '' when that leaves none or more than
   * TITLE_TERM_CHARS. The index holds it for every page, so a query that is a
   * page's title, with or without its quotes and brackets, finds that page. */
  function titleTerm(text) {
    var cps = codePoints(text), out = '=', n = 0;
    for (var i = 0; i < cps.length; ++i) {
      var c = cps[i];
      var point = c === 0x2E && i > 0 && i + 1 < cps.length && isDigit(cps[i - 1]) && isDigit(cps[i + 1]);
      if (!isHan(c) && !isWord(c) && !point) continue;
      if (++n > TITLE_TERM_CHARS) return '';
      out += String.fromCodePoint(c);
    }
    return n ? out : '';
  }

  // What this script needs of the browser. One without it (an iPad kept on
  // iOS 9, say) is told so and pointed to the 网站地图, rather than left with
  // a box that does nothing.
  var SUPPORTED = typeof fetch === 'function' && typeof Promise === 'function' &&
    typeof TextEncoder === 'function' && typeof TextDecoder === 'function' && typeof Map === 'function' &&
    typeof URLSearchParams === 'function' && typeof String.fromCodePoint === 'function';
  var utf8 = SUPPORTED ? new TextEncoder() : null, utf8Decoder = SUPPORTED ? new TextDecoder() : null;
  /* FNV-1a, 32 bits, of the UTF-8 bytes: the term's bucket is this modulo the bucket count. */
  function termHash(term) {
    var bytes = utf8.encode(term), h = 0x811C9DC5;
    for (var i = 0; i < bytes.length; ++i) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h >>> 0;
  }

  /* --- the index ----------------------------------------------------------- */

  /* `load(path)` fetches a file of the index folder: a Promise of an ArrayBuffer. */
  function Index(manifest, load) {
    this.m = manifest;
    this.load = load;
    this.buckets = {};
    this.sizes = {};  // bucket → its bytes, once loaded
    this.stated = {};  // search/sizes.bin (bucketSteps)
    // The buckets a long query loads at most (searchSample); a test sets less.
    this.sampleBytes = SAMPLE_BYTES;
    this.groups = {};
    this.layouts = {};  // kind → its pages' groups (layout)
    this.groupBytes = {};  // group → its bytes, once loaded
    // Pages holding each term looked up so far (its entry's df), which the
    // snippet weighs its tokens by (bestSentence).
    this.dfs = {};
    // Loads a page of the site by its URL (relative to the site root), a
    // Promise of its HTML: set by the search page (init), so that a row whose
    // metadata was cut can show its match from the page itself (pageRows).
    this.loadPage = null;
    this.pages = {};  // URL → a Promise of its sections (pageSections)
    this.kindEnds = [];
    this.kindFactors = [];  // a score's factor by kind
    // By page of the first kind (年度报告): its publisher's series, or -1
    // (the manifest leaves it out when no series has two reports). In the
    // manifest for a few reports; past kSearchSeriesChunk of them in files of
    // that many (search/s/<c>.bin), fetched by loadSeries.
    var series = manifest.series || null;
    this.hasSeries = !!series;
    this.seriesCount = !series ? 0 : Array.isArray(series) ? series.length : series.count;
    this.seriesChunk = series && !Array.isArray(series) ? series.chunk : 0;
    this.seriesWidth = series && !Array.isArray(series) ? series.width : 0;
    this.seriesParts = Array.isArray(series) ? { 0: series } : {};  // chunk → numbers, or a Promise of them
    var end = 0;
    manifest.kinds.forEach(function (k, i) {
      end += k[1];
      this.kindEnds.push(end);
      this.kindFactors.push(i === 0 ? REPORT_BOOST : (KIND_WEIGHT[k[0]] || 1));
    }, this);
  }
  Index.prototype.kind = function (doc) {
    for (var k = 0; k < this.kindEnds.length; ++k) if (doc < this.kindEnds[k]) return k;
    return this.kindEnds.length - 1;
  };
  Index.prototype.kindLabel = function (doc) { return this.m.kinds[this.kind(doc)][0]; };

  function Reader(u8, p) { this.u8 = u8; this.p = p || 0; }
  Reader.prototype.varint = function () {
    var b = this.u8[this.p++];
    if (b < 0x80) return b;
    var v = b & 0x7F, scale = 128;
    do { b = this.u8[this.p++]; v += (b & 0x7F) * scale; scale *= 128; } while (b & 0x80);
    return v;
  };
  Reader.prototype.byte = function () { return this.u8[this.p++]; };

  /* The file at `path` as `decode` makes it, kept in `cache` under `key`. A
   * fetch that failed is not kept: the next query asks again rather than
   * fail for the rest of the visit (a phone's connection drops now and then). */
  Index.prototype.file = function (cache, key, path, decode) {
    if (!cache[key]) {
      cache[key] = this.load(path).then(decode, function (e) { delete cache[key]; throw e; });
    }
    return cache[key];
  };

  /* The bytes of bucket b (a Promise of a Uint8Array). */
  Index.prototype.bucket = function (b) {
    var sizes = this.sizes;
    return this.file(this.buckets, b, 't/' + b + '.bin', function (buf) {
      sizes[b] = buf.byteLength;
      return new Uint8Array(buf);
    });
  };

  /* The bytes of every bucket as search/sizes.bin states them, a Promise of
   * a Uint8Array (bucket b: its bytes in steps of m.sizes, rounded up; 255:
   * that or more), or of null for an index without the file (the manifest
   * names its step) or when it could not be loaded. A long query reads it,
   * not every query: it is a byte a bucket, 16 KB on 50,000 pages. */
  Index.prototype.bucketSteps = function () {
    if (!this.m.sizes) return Promise.resolve(null);
    var buckets = this.m.buckets;
    // (A file of another length is not this index's: as if there were none.)
    return this.file(this.stated, 0, 'sizes.bin', function (buf) {
      return buf.byteLength === buckets ? new Uint8Array(buf) : null;
    }).then(null, function () { return null; });
  };

  /* The bucket of a term. */
  Index.prototype.bucketOf = function (term) { return termHash(term) & (this.m.buckets - 1); };

  /* The bytes of the buckets of `terms` (each bucket once): of those loaded;
   * with `steps` (bucketSteps), of all of them as it states them, at most
   * (Infinity past what it can state). */
  Index.prototype.bucketBytes = function (terms, steps) {
    var seen = {}, sum = 0;
    terms.forEach(function (t) {
      var b = this.bucketOf(t);
      if (seen[b]) return;
      seen[b] = 1;
      sum += !steps ? this.sizes[b] || 0 : steps[b] === 255 ? Infinity : steps[b] * this.m.sizes;
    }, this);
    return sum;
  };

  /* Where the entry of the term with UTF-8 bytes `key` starts in bucket
   * `u8`, or -1: the terms are scanned, not decoded (a query needs one or
   * two of a bucket's hundreds). */
  function findTerm(u8, key) {
    var r = new Reader(u8), n = r.varint();
    for (var i = 0; i < n; ++i) {
      var len = r.varint(), at = r.p, same = len === key.length;
      for (var k = 0; same && k < len; ++k) same = u8[at + k] === key[k];
      r.p += len;
      var elen = r.varint();
      if (same) return r.p;
      r.p += elen;
    }
    return -1;
  }

  /* A term's pages: {df, docs (ascending), imps, bits (every page, or null
   * when `docs` lists them all), bound (the highest impact of a page not
   * listed)}; null when no page has the term. */
  Index.prototype.entry = function (term) {
    var self = this;
    return this.bucket(this.bucketOf(term)).then(function (bucket) {
      var at = findTerm(bucket, utf8.encode(term));
      if (at < 0) {
        self.dfs[term] = 0;
        return null;
      }
      var r = new Reader(bucket, at);
      var df = r.varint(), mode = r.byte(), n = r.varint(), bound = mode ? r.byte() : 0;
      self.dfs[term] = df;
      var docs = new Int32Array(n), imps = new Uint8Array(n), prev = 0, u8 = bucket, p = r.p;
      // Reader.varint() inlined: this loop runs for up to `top` pages per
      // token while the reader waits, mostly before the JIT has warmed up.
      for (var k = 0; k < n; ++k) {
        var b = u8[p++], v = b & 0x7F;
        for (var scale = 128; b & 0x80; scale *= 128) { b = u8[p++]; v += (b & 0x7F) * scale; }
        prev += v;
        docs[k] = prev;
        imps[k] = u8[p++];
      }
      var bits = mode ? bucket.subarray(p, p + ((self.m.docs + 7) >> 3)) : null;
      return { term: term, df: df, docs: docs, imps: imps, bits: bits, bound: bound };
    });
  };

  /* The series of report `d`, or -1 (none, or its chunk not loaded). */
  Index.prototype.seriesOf = function (d) {
    if (d >= this.seriesCount) return -1;
    var c = this.seriesChunk ? Math.floor(d / this.seriesChunk) : 0, part = this.seriesParts[c];
    return part && !part.then ? part[d - c * this.seriesChunk] : -1;
  };

  /* Loads the series of the reports that `entries` (some may be null) list
   * with a token in their title: the only ones seriesTogether moves, in any
   * Ranking made of some of these entries (a Ranking scores listed pages
   * only). A Promise, resolved at once when the manifest holds them. */
  Index.prototype.loadSeries = function (entries) {
    var self = this, need = {};
    if (!this.seriesChunk) return Promise.resolve();
    entries.forEach(function (e) {
      for (var k = 0; e && k < e.docs.length; ++k) {
        if (e.docs[k] < self.seriesCount && e.imps[k] >= 128) need[Math.floor(e.docs[k] / self.seriesChunk)] = 1;
      }
    });
    return Promise.all(Object.keys(need).map(function (c) {
      // Once loaded the numbers replace the Promise (seriesOf reads them as they are).
      return self.file(self.seriesParts, c, 's/' + c + '.bin', function (buf) {
        var view = new DataView(buf), w = self.seriesWidth, out = new Int32Array(buf.byteLength / w);
        for (var i = 0; i < out.length; ++i) out[i] = (w === 2 ? view.getUint16(i * 2, true) : view.getUint32(i * 4, true)) - 1;
        self.seriesParts[c] = out;
        return out;
      });
    }));
  };

  /* The group and place in it of each page of kind k, as the builder lays
   * them out (GroupStarts, generator/search/index_files.h): a page the
   * manifest's bitmap marks in a group of its own, each run of the others
   * in groups of the kind's size from the run's start. {group, slot}, two
   * Int32Arrays by page within the kind, made once. */
  Index.prototype.layout = function (k) {
    if (this.layouts[k]) return this.layouts[k];
    var entry = this.m.kinds[k], n = entry[1], per = entry[2], bits = atob(entry[3]);
    var group = new Int32Array(n), slot = new Int32Array(n), g = -1, run = 0;
    for (var d = 0; d < n; ++d) {
      var alone = (bits.charCodeAt(d >> 3) >> (d & 7)) & 1;
      if (alone || run === 0 || run === per) { ++g; run = 0; }
      group[d] = g;
      slot[d] = run;
      run = alone ? 0 : run + 1;
    }
    this.layouts[k] = { group: group, slot: slot };
    return this.layouts[k];
  };

  /* Metadata of a page: {url, title, date, sections: [[id, heading, text,
   * leads]], cut: the bytes of its HTML when the builder cut its text, else
   * 0}. A kind's pages are in groups of its own (search/p/<kind>-<g>.json),
   * numbered from its first page: of the kind's size each, unless the
   * manifest marks pages that have a group of their own (layout). */
  Index.prototype.meta = function (doc) {
    var kind = this.kind(doc), local = doc - (kind ? this.kindEnds[kind - 1] : 0), entry = this.m.kinds[kind];
    var g, at;
    if (entry[3]) {
      var layout = this.layout(kind);
      g = layout.group[local];
      at = layout.slot[local];
    } else {
      g = Math.floor(local / entry[2]);
      at = local - g * entry[2];
    }
    var name = kind + '-' + g;
    var groupBytes = this.groupBytes;
    var group = this.file(this.groups, name, 'p/' + name + '.json', function (buf) {
      groupBytes[name] = buf.byteLength;
      return JSON.parse(utf8Decoder.decode(buf));
    });
    return group.then(function (list) {
      var m = list[at];
      return { url: m[0], title: m[1], date: m[2], sections: m[3], cut: m[4] || 0, group: name };
    });
  };

  /* The sections of the page at `url` as a reader sees them ([id, heading,
   * text, ''] each, as the metadata has them, uncut), a Promise; of null when
   * it cannot be read (no loadPage, as under node; no DOMParser; the request
   * failed, which a later query tries again). */
  Index.prototype.pageSections = function (url) {
    if (!this.loadPage || typeof DOMParser === 'undefined') return Promise.resolve(null);
    var pages = this.pages;
    if (!pages[url]) {
      pages[url] = this.loadPage(url).then(function (html) {
        return htmlSections(new DOMParser().parseFromString(html, 'text/html'));
      }).then(null, function () {
        delete pages[url];
        return null;
      });
    }
    return pages[url];
  };

  /* The text of a page's <main> by section, as the builder's extractor cuts
   * it (generator/search/page.cpp): a section at each <h2> or <h3> with an
   * id (or an anchor inside it), without menus, scripts, drawings, controls,
   * what the theme marks data-search-ignore and a footnote's number and way
   * back; an image by its alt; blocks end lines; a line break between two
   * Chinese characters (a soft break of the source) is no space. What an
   * ignored element holds marked data-search-keep (索引号, 文号) is the page's
   * record: a last section, anchored at that element. null without a <main>. */
  function htmlSections(doc) {
    var main = doc.querySelector('main');
    if (!main) return null;
    var sections = [['', '', '', '']], cur = sections[0], record = null;
    var SKIP = /^(nav|script|style|svg|button|select|template|noscript|textarea)$/;
    var BLOCK = /^(p|li|ul|ol|tr|dt|dd|dl|div|pre|table|thead|tbody|section|article|aside|header|footer|figure|figcaption|caption|details|summary|blockquote|main|h2|h3|h4|h5|h6|br|hr)$/;
    var soft = /([\u3400-\u4dbf\u4e00-\u9fff])[ \t\r\f]*\n\s*([\u3400-\u4dbf\u4e00-\u9fff])/g;
    function walk(node) {
      for (var c = node.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) {
          cur[2] += c.nodeValue.replace(soft, '$1$2').replace(/\s+/g, ' ');
          continue;
        }
        if (c.nodeType !== 1) continue;
        var tag = c.tagName.toLowerCase();
        if (c.hasAttribute('data-search-ignore')) {
          var keep = c.querySelectorAll('[data-search-keep]');
          for (var k = 0; k < keep.length; ++k) {
            var kept = keep[k].textContent.replace(/\s+/g, ' ').trim();
            if (!kept) continue;
            if (!record) record = [c.id, '', '', ''];
            record[2] += (record[2] ? ' ' : '') + kept;
          }
          continue;
        }
        // (The page's <h1> is its title, which the metadata has apart.)
        if (SKIP.test(tag) || tag === 'h1' || c.hasAttribute('data-footnote-ref') || c.hasAttribute('data-footnote-backref')) {
          continue;
        }
        var anchored = (tag === 'h2' || tag === 'h3') && (c.id || c.querySelector('[id]'));
        if (anchored) {
          cur = [c.id || c.querySelector('[id]').id, c.textContent.replace(/\s+/g, ' ').trim(), '', ''];
          sections.push(cur);
          continue;
        }
        if (tag === 'img') {
          if (c.getAttribute('alt')) cur[2] += ' ' + c.getAttribute('alt') + ' ';
          continue;
        }
        if (tag === 'td' || tag === 'th') cur[2] += ' ';
        walk(c);
        if (tag === 'td' || tag === 'th') cur[2] += ' ';
        if (BLOCK.test(tag)) cur[2] += '\n';
      }
    }
    walk(main);
    if (record) sections.push(record);
    sections.forEach(function (x) { x[2] = x[2].replace(/ *\n[\s]*/g, '\n').replace(/ +/g, ' ').trim(); });
    return sections;
  }

  function has(e, doc) {
    if (e.bits) return (e.bits[doc >> 3] >> (doc & 7)) & 1;
    return find(e, doc) >= 0;
  }
  function find(e, doc) {
    var lo = 0, hi = e.docs.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (e.docs[mid] < doc) lo = mid + 1; else if (e.docs[mid] > doc) hi = mid - 1; else return mid;
    }
    return -1;
  }
  function impact(e, doc) {
    var k = find(e, doc);
    return k >= 0 ? e.imps[k] : e.bound;
  }

  /* Bits set in a 32-bit word. */
  function popcount(v) {
    v = v - ((v >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    return Math.imul((v + (v >>> 4)) & 0x0F0F0F0F, 0x01010101) >>> 24;
  }

  /* Pages holding every entry of `entries`: {count, docs (ascending), or
   * bits (the AND of the bitmaps) when every entry has a bitmap}. */
  function intersect(index, entries) {
    var lists = entries.filter(function (e) { return !e.bits; });
    if (lists.length) {
      lists.sort(function (a, b) { return a.docs.length - b.docs.length; });
      var first = lists[0], out = [];
      for (var k = 0; k < first.docs.length; ++k) {
        var d = first.docs[k], all = true;
        for (var i = 0; i < entries.length && all; ++i) all = entries[i] === first || has(entries[i], d);
        if (all) out.push(d);
      }
      return { count: out.length, docs: out, bits: null };
    }
    // 32 pages at a time: each bitmap copied to a word-aligned buffer.
    var n = (index.m.docs + 7) >> 3, words = (n + 3) >> 2, count = 0;
    var bits = new Uint8Array(words * 4), w = new Uint32Array(bits.buffer);
    var other = new Uint8Array(words * 4), o = new Uint32Array(other.buffer);
    bits.set(entries[0].bits.subarray(0, n));
    for (var e = 1; e < entries.length; ++e) {
      other.set(entries[e].bits.subarray(0, n));
      for (var j = 0; j < words; ++j) w[j] &= o[j];
    }
    for (var j2 = 0; j2 < words; ++j2) if (w[j2]) count += popcount(w[j2]);
    return { count: count, docs: null, bits: bits };
  }

  /* A page's place: a page whose title is the query first (its `heading`
   * 2: the entry of the query's titleTerm lists it, see titledPages), then a page
   * whose every token is in its title or a heading (1), then BM25 (idf × the
   * stored saturated weight; a page not listed for a term has that term's
   * bound), the first kind (年度报告) boosted, unit pages lowered; then the
   * lower page number. */
  function idfs(index, entries) {
    var N = index.m.docs;
    return entries.map(function (e) { return Math.log(1 + (N - e.df + 0.5) / (e.df + 0.5)); });
  }
  function kindFactor(index, d) { return index.kindFactors[index.kind(d)]; }
  function scorer(index, entries) {
    var idf = idfs(index, entries);
    return function (d) {
      var score = 0, heading = 1;
      for (var i = 0; i < entries.length; ++i) {
        var imp = impact(entries[i], d);
        score += idf[i] * (imp & 63) / 63;
        if ((imp >> 6) < 1) heading = 0;
      }
      return { doc: d, heading: heading, score: score * kindFactor(index, d) };
    };
  }
  function before(a, b) {
    return (b.heading - a.heading) || (b.score - a.score) || (a.doc - b.doc);
  }

  /* The pages holding every token of `entries`, ranked as scorer() says,
   * computed only as far as asked: {count (exact), slice(from, to)}.
   *
   * A common term lists only its top pages (with their weights) and gives
   * the rest as a bitmap with one bound: every page it does not list has
   * the bound as its weight. So a page listed by no entry scores what every
   * other such page of its kind scores, and those pages rank among
   * themselves by page number. The ranking is then a merge of the listed
   * pages (at most the tokens × the top size, scored entry by entry and
   * taken from a heap) with, per kind, the unlisted pages in page order,
   * walked in the intersection's bitmap only as far as the results asked
   * for: the work of the first results does not grow with the number of
   * pages that match. */
  function Ranking(index, entries, inter, own) {
    this.count = inter.count;
    this.ranked = [];
    if (!inter.count) return;
    this.score = scorer(index, entries);
    var slot = new Int32Array(index.m.docs);  // page → 1 + its number among the listed, or 0
    // `own`: the pages titled with the query (titledPages), all in `inter`;
    // listed below, and marked.
    own = own || [];
    var docs, n = 0;
    if (inter.docs) {
      docs = inter.docs;  // every page is listed by some entry
      n = docs.length;
      for (var c = 0; c < n; ++c) slot[docs[c]] = c + 1;
    } else {
      // The titled pages are listed too: the unlisted pages of a kind must
      // all score alike, and only listed pages are marked.
      docs = new Int32Array(entries.reduce(function (sum, e) { return sum + e.docs.length; }, own.length));
      entries.concat([{ docs: own }]).forEach(function (e) {
        for (var k = 0; k < e.docs.length; ++k) {
          var d = e.docs[k];
          if (!slot[d] && (inter.bits[d >> 3] >> (d & 7)) & 1) { docs[n++] = d; slot[d] = n; }
        }
      });
      // Per kind, the unlisted pages of the intersection in page order.
      this.streams = [];
      var start = 0;
      for (var kind = 0; kind < index.kindEnds.length; ++kind) {
        if (index.kindEnds[kind] > start) this.streams.push({ at: start, end: index.kindEnds[kind], head: null });
        start = index.kindEnds[kind];
      }
      this.slot = slot;
      this.bits = inter.bits;
      this.streams.forEach(this.advance, this);
    }
    // The listed pages' scores. Each page's impacts, one byte per entry
    // (the entry's bound where it does not list the page), then one pass
    // that adds idf × weight in entry order, as scorer() does, so the sums
    // are the same numbers; the weights come from a table per entry, computed
    // by the same expression. One tight loop, not a pass per entry: it runs
    // while the reader waits, before the JIT has warmed up.
    var idf = idfs(index, entries), E = entries.length;
    var table = new Float64Array(E * 256), imps = new Uint8Array(n * E);
    for (var i = 0; i < E; ++i) {
      for (var v = 0; v < 256; ++v) table[i * 256 + v] = idf[i] * (v & 63) / 63;
      imps[i] = entries[i].bound;
    }
    for (var filled = E; filled < imps.length; filled *= 2) {
      imps.copyWithin(filled, 0, Math.min(filled, imps.length - filled));
    }
    for (var i2 = 0; i2 < E; ++i2) {
      var e2 = entries[i2];
      for (var k2 = 0; k2 < e2.docs.length; ++k2) {
        var c2 = slot[e2.docs[k2]] - 1;
        if (c2 >= 0) imps[c2 * E + i2] = e2.imps[k2];
      }
    }
    // A titled page need not hold every token (its title's quotes split a
    // bigram of the query): none where it holds none, not the entry's bound.
    for (var t0 = 0; t0 < own.length; ++t0) {
      var c0 = slot[own[t0]] - 1;
      for (var i0 = 0; c0 >= 0 && i0 < E; ++i0) if (!has(entries[i0], own[t0])) imps[c0 * E + i0] = 0;
    }
    var score = new Float64Array(n), heading = new Uint8Array(n);
    for (var ci = 0, at = 0; ci < n; ++ci) {
      var sum = 0, top = 1;
      for (var j = 0; j < E; ++j, ++at) {
        var imp = imps[at];
        sum += table[j * 256 + imp];
        if (imp < 64) top = 0;
      }
      score[ci] = sum * kindFactor(index, docs[ci]);
      heading[ci] = top;
    }
    for (var t = 0; t < own.length; ++t) if (slot[own[t]]) heading[slot[own[t]] - 1] = 2;
    if (index.hasSeries) seriesTogether(index, docs, n, imps, E, score, heading);
    this.docs = docs;
    this.scores = score;
    this.headings = heading;
    this.heapify(n);
  }
  /* The reports of one series (one publisher's, by year) whose titles hold
   * every token of the query rank together, at the place of the best of
   * them, and so among themselves by page number: newest first, as the site
   * numbers them. By their text, 广州市人民政府 listed that government's
   * reports 2022, 2023, 2024 (the older ones say its name more often); a
   * reader who names a publisher wants its latest report first. A report
   * titled with the query itself (`heading` 2) ranks first as before, and
   * one that holds a token only in its text keeps its own score. Listed
   * pages only: a series' unlisted reports (a term on more than `top`
   * pages) score alike, and come in page order anyway. */
  function seriesTogether(index, docs, n, imps, E, score, heading) {
    var best = {}, members = [];
    for (var c = 0; c < n; ++c) {
      var s = index.seriesOf(docs[c]), titled = s >= 0 && heading[c] === 1;
      for (var j = 0; j < E && titled; ++j) titled = imps[c * E + j] >= 128;  // field 2: the title
      if (!titled) continue;
      members.push(c);
      if (!(s in best) || score[c] > best[s]) best[s] = score[c];
    }
    for (var m = 0; m < members.length; ++m) score[members[m]] = best[index.seriesOf(docs[members[m]])];
  }

  /* Every page of `titled` (an entry, or null), listed or in its bitmap, ascending. */
  function titledPages(index, titled) {
    if (!titled) return [];
    if (!titled.bits) return titled.docs;
    var out = [];
    for (var d = 0; d < index.m.docs; ++d) if ((titled.bits[d >> 3] >> (d & 7)) & 1) out.push(d);
    return out;
  }

  /* `inter` (an intersect()) with the pages `docs` (ascending) added. */
  function withPages(inter, docs) {
    if (!docs.length) return inter;
    if (!inter.bits) {
      var a = inter.docs, out = [], i = 0, j = 0;
      while (i < a.length || j < docs.length) {
        if (j >= docs.length || (i < a.length && a[i] < docs[j])) out.push(a[i++]);
        else if (i >= a.length || docs[j] < a[i]) out.push(docs[j++]);
        else { out.push(a[i++]); ++j; }
      }
      return { count: out.length, docs: out, bits: null };
    }
    var bits = inter.bits.slice(), count = inter.count;
    for (var k = 0; k < docs.length; ++k) {
      var d = docs[k];
      if (!((bits[d >> 3] >> (d & 7)) & 1)) { bits[d >> 3] |= 1 << (d & 7); ++count; }
    }
    return { count: count, docs: null, bits: bits };
  }

  /* A heap of the first n listed pages, best on top. */
  Ranking.prototype.heapify = function (n) {
    var heap = this.heap = new Int32Array(n);
    for (var h = 0; h < n; ++h) heap[h] = h;
    this.size = n;
    for (var h2 = (n >> 1) - 1; h2 >= 0; --h2) this.sift(h2);
  };
  Ranking.prototype.above = function (a, b) {  // listed page a ranks above b
    var ha = this.headings[a], hb = this.headings[b];
    if (ha !== hb) return ha > hb;
    var sa = this.scores[a], sb = this.scores[b];
    if (sa !== sb) return sa > sb;
    return this.docs[a] < this.docs[b];
  };
  Ranking.prototype.sift = function (i) {
    var heap = this.heap, n = this.size;
    for (;;) {
      var l = 2 * i + 1, r = l + 1, m = i;
      if (l < n && this.above(heap[l], heap[m])) m = l;
      if (r < n && this.above(heap[r], heap[m])) m = r;
      if (m === i) return;
      var t = heap[i]; heap[i] = heap[m]; heap[m] = t;
      i = m;
    }
  };
  /* The best listed page not yet taken, or null. */
  Ranking.prototype.peek = function () {
    if (!this.size) return null;
    var c = this.heap[0];
    return { doc: this.docs[c], heading: this.headings[c], score: this.scores[c] };
  };
  Ranking.prototype.pop = function () {
    this.heap[0] = this.heap[--this.size];
    this.sift(0);
  };
  /* Moves a stream's head to its next unlisted page, or null. */
  Ranking.prototype.advance = function (s) {
    var bits = this.bits, slot = this.slot;
    s.head = null;
    while (s.at < s.end) {
      var d = s.at++;
      if (!bits[d >> 3]) { s.at = Math.min(s.end, (d | 7) + 1); continue; }
      if ((bits[d >> 3] >> (d & 7)) & 1 && !slot[d]) { s.head = this.score(d); return; }
    }
  };
  Ranking.prototype.slice = function (from, to) {
    to = Math.min(to, this.count);
    while (this.ranked.length < to) {
      var best = this.peek(), from_stream = null;
      (this.streams || []).forEach(function (s) {
        if (s.head && (!best || before(s.head, best) < 0)) { best = s.head; from_stream = s; }
      });
      this.ranked.push(best);
      if (from_stream) this.advance(from_stream); else this.pop();
    }
    return this.ranked.slice(from, to);
  };

  /* --- loose matches ----------------------------------------------------- */

  /* The pages that hold a query of Chinese words loosely: every character of
   * the query in some bigram (or number, or Latin word) of the query that the
   * page holds, but not every bigram. "述法报告" is 述法 法报 报告: a page that
   * speaks of 述法 and of 报告 apart holds 述法 and 报告, which cover all four
   * characters, and lacks only the junction 法报. A long title as people say
   * it ("白云区2023年法治政府建设年度报告") misses the page titled
   * "白云区2023年度法治政府建设报告" by three junctions (年法 设年 度报) and
   * no more. A page that lacks a character's every bigram is not a loose
   * match: "行政复议收案数" does not match pages without 收案 or 议收,
   * whatever else they hold. When no page holds any token of the query
   * that covers some character (no page says 政务, 务公 or 政 alone), the
   * query is held loosely by the pages holding the rest of it, if the rest
   * is two parts or more and no number or Latin word is left out:
   * "政务公开信息" on such a site finds the pages holding both 公开 and 信息,
   * which say more than those holding 公开 alone (searchWords lists those
   * after them); a rest of one part ("政务公开" → 公开) is searchWords'
   * longest run.
   *
   * `uniq` are the query's distinct tokens ({t, a, b}), `entries` theirs (null
   * for a token no page holds), `cps` the query's folded code points and
   * `chars` its characters (for the pieces' text); the pages of `whole` (an
   * intersect() of every token) are left out. Returns null when the query
   * cannot be held loosely (fewer than three tokens, more than LOOSE_TOKENS,
   * characters on no page and the rest of one part or a number among them,
   * or every token the only one to cover some character), else a
   * LooseRanking:
   * {count, slice(from, to), maskOf(doc) (the tokens a page holds: bit i for
   * uniq[i]), held (those any of them holds), pieces (the runs of
   * consecutive tokens they hold, as text, when all hold the same tokens;
   * else null)}.
   * The ranking: the most tokens held in the title or a heading first (a
   * page titled 白云区2023年度法治政府建设报告 above one that mentions
   * 法治政府建设年度报告 in its text), then the most tokens held, then the
   * BM25 score of those held (as scorer(), a page not listed for a held
   * token scoring its bound) with the kind's factor, then the lower page
   * number. */
  function looseMatches(index, uniq, entries, cps, chars, whole) {
    var n = uniq.length;
    if (n < 3 || n > LOOSE_TOKENS) return null;
    var cover = coverOf(uniq, cps);
    if (!cover) return null;
    // A unit that only one token covers makes that token essential; a unit
    // that none of the tokens found on any page covers, no page holds.
    var units = cover.reduce(function (m, c) { return m | c; }, 0), essential = 0, missing = 0;
    for (var u = 1; u && u <= units; u <<= 1) {
      if (!(units & u)) continue;
      var by = [];
      for (var t = 0; t < n; ++t) if (cover[t] & u && entries[t]) by.push(t);
      if (!by.length) missing |= u;
      if (by.length === 1) essential |= 1 << by[0];
    }
    if (missing) {
      // The parts of the query some page holds: runs of consecutive tokens
      // found. A number or a Latin word on no page is not left out: a year
      // or a count the reader typed is what the query is about.
      var parts = 0;
      for (var i = 0; i < n; ++i) {
        if (!entries[i] && !isHan(cps[uniq[i].a])) return null;
        if (entries[i] && (i === 0 || !entries[i - 1])) ++parts;
      }
      if (parts < 2) return null;
      units &= ~missing;
    } else if (essential === (1 << n) - 1) {
      return null;  // a loose match would hold them all
    }
    var N = index.m.docs, W = (N + 31) >> 5, bits = tokenBits(entries, W);
    var loose = looseSet(bits, cover, units, entries, N, W, whole);
    var ranking = rankLoose(index, uniq, entries, chars, loose, bits, W);
    if (ranking.count) ranking.set = missing ? ranking.pages : null;
    return ranking;
  }

  /* The pages of `loose` (a bitmap of W 32-bit words, each page holding some
   * of the tokens `uniq`, whose `entries` and tokenBits() `bits` are given)
   * as a LooseRanking (see looseMatches), or {count: 0} when it is empty. */
  function rankLoose(index, uniq, entries, chars, loose, bits, W) {
    var n = uniq.length, N = index.m.docs, count = 0;
    for (var j = 0; j < W; ++j) count += popcount(loose[j]);
    if (!count) return { count: 0 };
    var pages = loose.slice();  // takeListed takes the listed pages out of `loose`
    // Pages some token lists with its weight are scored one by one; every
    // other page has each held token's bound, so its score depends on the
    // tokens it holds and its kind alone: such pages are taken, per tokens
    // and kind, in page order (as Ranking takes the pages no token lists).
    var listed = takeListed(entries, loose, N);
    var idf = idfs(index, entries.map(function (e) { return e || { df: 0 }; }));
    var bound = new Int16Array(n), table = new Float64Array(n * 256);  // weights as Ranking's
    for (var t2 = 0; t2 < n; ++t2) {
      bound[t2] = entries[t2] ? entries[t2].bound : 0;
      for (var q = 0; q < 256; ++q) table[t2 * 256 + q] = idf[t2] * (q & 63) / 63;
    }
    var scored = scoreListed(index, listed, bits, W, bound, table);
    var ranking = new LooseRanking(listed.docs, scored.keys, scored.scores, count);
    var groups = groupRest(index, loose, bits, n, W);
    var union = 0, first = -1, same = true;
    scored.masks.forEach(function (mask) {
      union |= mask;
      if (mask !== first) { if (first < 0) first = mask; else same = false; }
    });
    groups.forEach(function (group) {
      var sum = 0, held = 0, top = 0;
      for (var t3 = 0; t3 < n; ++t3) {
        if (!((group.mask >>> t3) & 1)) continue;
        sum += table[t3 * 256 + bound[t3]];
        ++held;
        if (bound[t3] >= 64) ++top;
      }
      ranking.streams.push({ words: group.words, chunks: group.chunks, at: 0, left: group.chunks[0],
                             key: top * 64 + held, score: sum * kindFactor(index, group.d), head: null });
      union |= group.mask;
      if (group.mask !== first) { if (first < 0) first = group.mask; else same = false; }
    });
    ranking.streams.forEach(ranking.advance, ranking);
    ranking.held = union;
    ranking.pieces = same ? pieces(uniq, first, chars) : null;
    ranking.bits = bits;
    ranking.words = W;
    ranking.set = null;
    ranking.pages = pages;
    return ranking;
  }

  /* The pages of `inter` (an intersect()) not in `set` (a bitmap of 32-bit
   * words), in intersect()'s form. */
  function without(inter, set) {
    if (inter.docs) {
      var docs = inter.docs.filter(function (d) { return !((set[d >> 5] >>> (d & 31)) & 1); });
      return { count: docs.length, docs: docs, bits: null };
    }
    var bits = inter.bits.slice(), sb = new Uint8Array(set.buffer), count = 0;
    for (var b = 0; b < bits.length; ++b) {
      if (b < sb.length) bits[b] &= ~sb[b];
      count += popcount(bits[b]);
    }
    return { count: count, docs: null, bits: bits };
  }

  /* The pages of `whole` (an intersect()) and of `loose` (a LooseRanking, or
   * null), as a bitmap of 32-bit words. */
  function shownPages(index, whole, loose) {
    var N = index.m.docs, set = new Uint32Array((N + 31) >> 5);
    if (whole.docs) {
      whole.docs.forEach(function (d) { set[d >> 5] |= 1 << (d & 31); });
    } else {
      for (var d = 0; d < N; ++d) if ((whole.bits[d >> 3] >> (d & 7)) & 1) set[d >> 5] |= 1 << (d & 31);
    }
    if (loose) for (var w = 0; w < set.length; ++w) set[w] |= loose.pages[w];
    return set;
  }

  /* A ranking's rows marked as the pages holding only part of the query,
   * listed after those that hold more of it. */
  function Rest(ranking) {
    this.ranking = ranking;
    this.count = ranking.count;
  }
  Rest.prototype.slice = function (from, to) {
    return this.ranking.slice(from, to).map(function (h) {
      return { doc: h.doc, heading: h.heading, score: h.score, rest: true };
    });
  };

  /* The units each token covers, as bits: its characters, or itself for a
   * number or a Latin word; null when there are more than 31 units. */
  function coverOf(uniq, cps) {
    var unitBit = {}, units = 0, cover = [];
    for (var i = 0; i < uniq.length; ++i) {
      var keys = isHan(cps[uniq[i].a]) ? cps.slice(uniq[i].a, uniq[i].b).map(String) : ['w' + uniq[i].t];
      var c = 0;
      for (var k = 0; k < keys.length; ++k) {
        if (!(keys[k] in unitBit)) {
          if (units === 31) return null;
          unitBit[keys[k]] = 1 << units++;
        }
        c |= unitBit[keys[k]];
      }
      cover.push(c);
    }
    return cover;
  }

  /* Each token's pages as a bitmap of W 32-bit words, token t's at t * W
   * (none for a token on no page). */
  function tokenBits(entries, W) {
    var bits = new Int32Array(entries.length * W);
    for (var t = 0; t < entries.length; ++t) {
      var e = entries[t];
      if (!e) continue;
      if (e.bits) {
        new Uint8Array(bits.buffer, t * W * 4, W * 4).set(e.bits.subarray(0, Math.min(e.bits.length, W * 4)));
      } else {
        for (var x = 0, docs = e.docs, at = t * W; x < docs.length; ++x) bits[at + (docs[x] >> 5)] |= 1 << (docs[x] & 31);
      }
    }
    return bits;
  }

  /* The loose matches as a bitmap: word by word, the pages holding for
   * every unit (a bit of `units`) some token that covers it, less those of
   * `whole`. */
  function looseSet(bits, cover, units, entries, N, W, whole) {
    var loose = new Int32Array(W).fill(-1), any = new Int32Array(W);
    for (var u = 1; u && u <= units; u <<= 1) {
      if (!(units & u)) continue;
      any.fill(0);
      for (var t = 0; t < cover.length; ++t) {
        if (!(cover[t] & u) || !entries[t]) continue;
        for (var j = 0, at = t * W; j < W; ++j) any[j] |= bits[at + j];
      }
      for (var j2 = 0; j2 < W; ++j2) loose[j2] &= any[j2];
    }
    if (N & 31) loose[W - 1] &= (1 << (N & 31)) - 1;
    if (whole.bits) {
      var wb = new Uint8Array(loose.buffer);
      for (var b = 0; b < whole.bits.length && b < wb.length; ++b) wb[b] &= ~whole.bits[b];
    } else {
      for (var x = 0; x < whole.docs.length; ++x) loose[whole.docs[x] >> 5] &= ~(1 << (whole.docs[x] & 31));
    }
    return loose;
  }

  /* The loose matches that some token lists, taken out of `loose`: {docs,
   * imps (per page, its impact for each token, -1 where not listed)}. */
  function takeListed(entries, loose, N) {
    var n = entries.length, most = 0;
    for (var t0 = 0; t0 < n; ++t0) if (entries[t0]) most += entries[t0].docs.length;
    var listedAt = new Int32Array(N);  // page → 1 + its number among the listed, or 0
    var docs = new Int32Array(most), imps = new Int16Array(most * n).fill(-1), L = 0;
    for (var t = 0; t < n; ++t) {
      if (!entries[t]) continue;
      var eDocs = entries[t].docs, eImps = entries[t].imps, en = eDocs.length;
      for (var x = 0; x < en; ++x) {
        var d = eDocs[x], at = listedAt[d];
        if (!at) {
          var wd = d >> 5, bd = 1 << (d & 31);
          if (!(loose[wd] & bd)) continue;
          loose[wd] ^= bd;
          docs[L] = d;
          at = listedAt[d] = ++L;
        }
        imps[(at - 1) * n + t] = eImps[x];
      }
    }
    return { docs: docs.subarray(0, L), imps: imps };
  }

  /* The listed loose matches' scores (over the tokens each holds, in order,
   * idf × weight: its own where listed, else the token's bound, as
   * scorer() sums them), keys (the tokens in a title or heading × 64 + the
   * tokens held) and masks (the tokens held). One tight loop without rare
   * branches, as Ranking's: it runs before the JIT has warmed up, and a
   * branch first taken after the engine has compiled the loop sends it back
   * to the interpreter. */
  function scoreListed(index, listed, bits, W, bound, table) {
    var L = listed.docs.length, n = bound.length, imps = listed.imps;
    var scores = new Float64Array(L), keys = new Uint16Array(L), masks = new Int32Array(L);
    for (var c = 0, ci = 0; c < L; ++c) {
      var d = listed.docs[c], w = d >> 5, b = d & 31, mask = 0, sum = 0, held = 0, top = 0;
      for (var t = 0; t < n; ++t, ++ci, w += W) {
        var has = (bits[w] >>> b) & 1, own = imps[ci], imp = own < 0 ? bound[t] : own;
        mask |= has << t;
        sum += has ? table[t * 256 + imp] : 0;
        held += has;
        top += has & (imp >> 6 ? 1 : 0);
      }
      scores[c] = sum * kindFactor(index, d);
      keys[c] = top * 64 + held;
      masks[c] = mask;
    }
    return { scores: scores, keys: keys, masks: masks };
  }

  /* The pages left in `loose`, by group (the tokens they hold, and their
   * kind): per word, the pages of a word holding the same tokens (usually
   * one or two sets per word) are one chunk of their group. Kind by kind,
   * so that the loop has no branch it takes only at a kind's edge (see
   * scoreListed). A Map of {mask, d (its first page), words, chunks}. */
  function groupRest(index, loose, bits, n, W) {
    var groups = new Map(), word = new Int32Array(n), start = 0;
    for (var kind = 0; kind < index.kindEnds.length; ++kind) {
      var end = index.kindEnds[kind];
      if (end > start) groupKind(groups, kind, start, end, loose, bits, word, n, W);
      start = end;
    }
    return groups;
  }
  function groupKind(groups, kind, start, end, loose, bits, word, n, W) {
    var first = start >> 5, last = (end - 1) >> 5;
    var lowMask = -1 << (start & 31), highMask = -1 >>> (31 - ((end - 1) & 31));
    for (var j = first; j <= last; ++j) {
      var v = loose[j] & (j === first ? lowMask : -1) & (j === last ? highMask : -1);
      if (!v) continue;
      for (var t = 0; t < n; ++t) word[t] = bits[t * W + j];
      while (v) {
        var bit = 31 - Math.clz32(v & -v), mask = 0, alike = v;
        for (var t2 = 0; t2 < n; ++t2) {
          var has = (word[t2] >>> bit) & 1;
          mask |= has << t2;
          alike &= has ? word[t2] : ~word[t2];
        }
        v &= ~alike;
        var g = mask * 64 + kind, group = groups.get(g);
        if (!group) groups.set(g, group = { mask: mask, d: j * 32 + bit, words: [], chunks: [] });
        group.words.push(j);
        group.chunks.push(alike);
      }
    }
  }

  /* Loose matches in rank order: the listed pages from a heap as Ranking
   * takes them (`keys` in place of its heading marks), merged with the
   * streams of the other pages, each in page order: a stream's pages are
   * the bits of chunks[i] in word words[i], i from 0. */
  function LooseRanking(docs, keys, scores, count) {
    this.count = count;
    this.ranked = [];
    this.docs = docs;
    this.headings = keys;
    this.scores = scores;
    this.streams = [];
    this.held = 0;
    this.pieces = null;
    this.bits = null;
    this.words = 0;
    this.heapify(docs.length);
  }
  LooseRanking.prototype = Object.create(Ranking.prototype);
  LooseRanking.prototype.advance = function (s) {
    while (!s.left && ++s.at < s.chunks.length) s.left = s.chunks[s.at];
    if (!s.left) { s.head = null; return; }
    var low = s.left & -s.left;
    s.left ^= low;
    s.head = { doc: s.words[s.at] * 32 + 31 - Math.clz32(low), heading: s.key, score: s.score };
  };
  LooseRanking.prototype.slice = function (from, to) {
    return Ranking.prototype.slice.call(this, from, to).map(function (h) {
      return { doc: h.doc, heading: 0, score: h.score, loose: true };
    });
  };
  /* The tokens page d holds: bit t for token t. */
  LooseRanking.prototype.maskOf = function (d) {
    var m = 0, n = this.bits.length / this.words;
    for (var t = 0; t < n; ++t) m |= ((this.bits[t * this.words + (d >> 5)] >>> (d & 31)) & 1) << t;
    return m;
  };

  /* The text (of `chars`) of each run of consecutive tokens of `uniq` in `mask`, in order. */
  function pieces(uniq, mask, chars) {
    var out = [];
    for (var i = 0; i < uniq.length;) {
      if (!((mask >>> i) & 1)) { ++i; continue; }
      var j = i;
      while (j + 1 < uniq.length && ((mask >>> (j + 1)) & 1) && uniq[j + 1].a < uniq[j].b) ++j;
      out.push(chars.slice(uniq[i].a, uniq[j].b).join(''));
      i = j + 1;
    }
    return out;
  }

  /* The rows of `first` (a Ranking), then those of `then` (loose matches). */
  function Chain(first, then) {
    this.first = first;
    this.then = then;
    this.count = first.count + then.count;
  }
  Chain.prototype.slice = function (from, to) {
    var a = this.first.count, out = [];
    if (from < a) out = this.first.slice(from, Math.min(to, a));
    if (to > a) out = out.concat(this.then.slice(Math.max(0, from - a), to - a));
    return out;
  };

  /* Runs a query: {query, phrase (what the results contain), partial (true
   * when that is only part of the query), synonym (true when it is a word
   * the site gives for the query), tokens, count (of the pages found), exact
   * (of them, the pages holding every token of the query), pieces (when the
   * results hold the query only loosely, and all in the same way: its parts
   * they hold, else null), loose (true when the results hold the query
   * only loosely), named (the label of the kind the query names, 年度报告,
   * when the results are first those of its pages that hold the rest of the
   * query, `exact` of them, then the other pages holding it, `rest`:
   * namedReports), rest (when a character of the query is on no page and
   * the results hold its other parts apart, or when fewer than a page of
   * results hold the query, whole or apart: {phrase, count} of the pages
   * after them that hold only its longest part; else null), sampled (when
   * the query was looked up by that many of its tokens: searchSample), held
   * (when none holds those and the results hold that many of them), ranking
   * (of them, or null when none)}. */
  function search(index, query) {
    var named = namedReports(index, query);
    return (named ? searchNamed(index, query, named) : Promise.resolve(null)).then(function (n) {
      return n || searchTyped(index, query);
    });
  }

  /* A query that asks for the annual reports: their label alone (年度报告),
   * or with what they are about after or before it (白云区年度报告,
   * 2024年度报告, 年度报告 白云区). {label, rest ('' for the label alone)}, or
   * null. Only the first kind's label (年度报告), the documents the site
   * exists for: the other kinds' (述法, 指标) are words of the text as well,
   * and stay words of the query. */
  function namedReports(index, query) {
    var label = index.m.kinds.length ? index.m.kinds[0][0] : '';
    var q = foldString(query).trim(), rest = null;
    if (!label || q.length < label.length) return null;
    if (q.slice(-label.length) === label) rest = q.slice(0, -label.length);
    else if (q.slice(0, label.length) === label) rest = q.slice(label.length);
    if (rest === null) return null;
    rest = rest.replace(/^[\s的]+|[\s的]+$/g, '');
    return !rest || tokenize(rest).length ? { label: label, rest: rest } : null;
  }
  /* The term every page of a kind holds (SearchKindTerm in tokenize.h). */
  function kindTerm(label) { return '@' + label; }

  /* The pages of `inter` (an intersect()) in kind `kind` and the others:
   * {inside, outside}, each in intersect()'s form. */
  function byKind(index, inter, kind) {
    var start = kind ? index.kindEnds[kind - 1] : 0, end = index.kindEnds[kind];
    if (inter.docs) {
      var a = [], b = [];
      inter.docs.forEach(function (d) { (d >= start && d < end ? a : b).push(d); });
      return { inside: { count: a.length, docs: a, bits: null }, outside: { count: b.length, docs: b, bits: null } };
    }
    var inBits = new Uint8Array(inter.bits.length), outBits = inter.bits.slice(), n = 0;
    for (var d = start; d < end; ++d) {
      var m = 1 << (d & 7);
      if (outBits[d >> 3] & m) { inBits[d >> 3] |= m; outBits[d >> 3] &= ~m; ++n; }
    }
    return { inside: { count: n, docs: null, bits: inBits }, outside: { count: inter.count - n, docs: null, bits: outBits } };
  }

  /* A query naming the reports (namedReports): the reports holding the whole
   * of what it names besides them, ranked as any query's pages are (so the
   * report titled with it first, then the newer), then the other pages that
   * hold it; null when no report holds it (the query is then searched as it
   * was typed). Without this, 白云区年度报告 listed first the indicators
   * whose text cites 白云区's “年度报告”, and 2024年度报告 those whose
   * headings cite （2024年度报告）, above the reports themselves. */
  function searchNamed(index, query, named) {
    // The label alone: every report (the kind's term lists them all, alike,
    // so newest first: the site numbers them so), then the other pages that
    // hold the label.
    var phrase = named.rest || named.label, uniq = distinctTokens(phrase);
    return Promise.all(uniq.map(function (x) { return index.entry(x.t); }).concat(
      named.rest ? [] : [index.entry(kindTerm(named.label))])).then(withSeries(index)).then(function (entries) {
      var all = named.rest ? null : entries.pop();
      if (!named.rest && !all) return null;  // an index made before kinds had terms
      var held = entries.every(Boolean) ? intersect(index, entries) : { count: 0, docs: [], bits: null };
      var parts = byKind(index, held, 0);
      // (The kind's term is on the kind's pages only.)
      var inside = named.rest ? parts.inside : intersect(index, [all]);
      if (!inside.count) return null;
      var reports = new Ranking(index, named.rest ? entries : [all], inside);
      var others = parts.outside.count ? new Ranking(index, entries, parts.outside) : null;
      // (The label alone: no phrase, so that the reports stay in their
      // order, each shown from its start; its tokens are still marked.)
      return { query: query, phrase: named.rest, partial: false, synonym: false,
               tokens: uniq.map(function (x) { return x.t; }), count: inside.count + parts.outside.count,
               exact: inside.count, pieces: null, loose: false, named: named.label,
               rest: others ? { phrase: phrase, count: others.count } : null,
               ranking: others ? new Chain(reports, new Rest(others)) : reports };
    });
  }

  /* A step of a query's promise chain: its entries, once the series of the
   * reports they title are in (Index.loadSeries). */
  function withSeries(index) {
    return function (entries) { return index.loadSeries(entries).then(function () { return entries; }); };
  }

  /* The tokens of `text` (tokenizeAt's {t, a, b}), each once, in order. */
  function distinctTokens(text) {
    var seen = {}, uniq = [];
    tokenizeAt(text).forEach(function (x) { if (!seen[x.t]) { seen[x.t] = 1; uniq.push(x); } });
    return uniq;
  }

  /* The query as it was typed: searchWords, then the site's words for it. */
  function searchTyped(index, query) {
    return searchWords(index, query).then(function (r) {
      if (r.count && !r.partial) return r;
      // Nothing for the whole query: the site's words for it, in order.
      var others = (index.m.synonyms || {})[foldString(query.trim())] || [];
      return others.reduce(function (found, word) {
        return found.then(function (f) {
          if (f) return f;
          return searchWords(index, word).then(function (s) {
            if (!s.count || s.partial) return null;
            s.query = query;
            s.synonym = true;
            s.partial = true;
            return s;
          });
        });
      }, Promise.resolve(null)).then(function (f) { return f || r; });
    });
  }

  /* The pages holding every one of `entries` (none when one is on no page),
   * and those titled with the query (`own`, titledPages): intersect()'s form. */
  function wholeMatches(index, entries, own) {
    return withPages(entries.every(Boolean) ? intersect(index, entries) : { count: 0, docs: [], bits: null }, own);
  }

  /* The pages holding the most tokens of n whose pages tokenBits() gives as
   * `bits` (W 32-bit words each), if that is `least` or more: {held (how
   * many), pages (a bitmap of W words)}, else null. Each word's counts are
   * kept as bit slices (slice k: bit k of every page's count), so that
   * adding a token is a few operations for 32 pages. */
  function mostHeld(bits, n, W, least) {
    var S = 32 - Math.clz32(n), slices = new Int32Array(S * W);
    for (var t = 0; t < n; ++t) {
      for (var j = 0, at = t * W; j < W; ++j) {
        for (var k = 0, carry = bits[at + j]; carry && k < S; ++k) {
          var s = slices[k * W + j];
          slices[k * W + j] = s ^ carry;
          carry = s & carry;
        }
      }
    }
    for (var m = n; m >= Math.max(least, 1); --m) {
      var pages = new Int32Array(W), any = 0;
      for (var j2 = 0; j2 < W; ++j2) {
        var eq = -1;
        for (var k2 = 0; k2 < S; ++k2) eq &= (m >> k2) & 1 ? slices[k2 * W + j2] : ~slices[k2 * W + j2];
        pages[j2] = eq;
        any |= eq;
      }
      if (any) return { held: m, pages: pages };
    }
    return null;
  }

  /* The query as typed, by every token (searchAll), or by some of them when
   * it is long and its buckets would load too much (searchSample). */
  function searchWords(index, query) {
    var uniq = distinctTokens(query);
    if (uniq.length <= MAX_TOKENS) return searchAll(index, query, uniq);
    // The sizes of the buckets are asked for first (a browser asks a server
    // six files at a time), then the sample's buckets, needed either way:
    // when the sizes say all of the query's buckets fit the budget, the rest
    // are asked for as soon as the sizes are in. Told by the sample's own
    // buckets instead, they were asked for a round of requests later: about
    // 50 ms of a 24-character sentence's 320–360 to its first rows on 50,000
    // pages (docs/search.md, *Long queries*).
    var stated = index.bucketSteps(), order = sampleOrder(uniq).slice(0, MAX_TOKENS);
    order.forEach(function (i) { index.bucket(index.bucketOf(uniq[i].t)).then(null, function () {}); });
    return stated.then(function (steps) {
      if (steps && index.bucketBytes(uniq.map(function (x) { return x.t; }), steps) <= index.sampleBytes) {
        return searchAll(index, query, uniq);
      }
      return searchSample(index, query, uniq, order, steps);
    }).then(function (r) {
      if (!r) return searchAll(index, query, uniq);
      if (!r.part) return r;
      // No page holds it, and its buckets would not fit: its first part
      // whose buckets would, looked up whole (its loose matches and parts).
      var first = Array.from(query).slice(0, uniq[r.part - 1].b).join('');
      return searchAll(index, first, distinctTokens(first)).then(function (f) {
        f.query = query;
        if (f.count && !f.partial) f.phrase = first.trim();
        f.partial = true;
        return f;
      });
    });
  }

  /* The order in which a long query's tokens (`uniq`) are fetched, as their
   * positions in it: its numbers and Latin words first (a figure is what a
   * sentence is most often pasted for, and few pages hold it), then the
   * others spread over the query, its first and last, its middle, then the
   * middles of the halves and so on, so that any first few cover every part
   * of the sentence. */
  function sampleOrder(uniq) {
    var words = [], han = [];
    uniq.forEach(function (x, i) { (isWord(x.t.charCodeAt(0)) ? words : han).push(i); });
    var order = words, n = han.length;
    if (!n) return order;
    order.push(han[0]);
    if (n > 1) order.push(han[n - 1]);
    for (var spans = [[0, n - 1]]; spans.length;) {
      var next = [];
      spans.forEach(function (s) {
        if (s[1] - s[0] < 2) return;
        var mid = (s[0] + s[1]) >> 1;
        order.push(han[mid]);
        next.push([s[0], mid], [mid, s[1]]);
      });
      spans = next;
    }
    return order;
  }

  /* A query of more than MAX_TOKENS distinct tokens, looked up by
   * sampleOrder's first MAX_TOKENS: the pages holding every one of those
   * (and those titled with the query), ranked by them; the rows of a page
   * are then ranked by how they hold the whole query (pageRows), as any
   * query's are. null when the buckets of every token would fit in the
   * index's sampleBytes (a site of a few thousand pages, or of rarer words;
   * the buckets of those not loaded counted as large as those loaded, on
   * average): then searchAll() looks the query up whole, and the buckets
   * loaded here are not loaded again. When no page holds them all, the
   * pages holding the most of them (mostHeld; `held` says how many), loose
   * matches ranked as looseMatches ranks its own; when no page holds two
   * thirds of them: {part}, the number of the query's first tokens to look
   * up instead, those loaded and as many more as the budget left would load.
   * `order`: sampleOrder's first MAX_TOKENS. `steps`: the buckets' sizes
   * (bucketSteps), which searchWords found too large for the whole query;
   * null without them, when the sample's buckets tell whether the rest would
   * fit, counted as large on average. */
  function searchSample(index, query, uniq, order, steps) {
    var title = titleTerm(query);
    var sample = order.map(function (i) { return uniq[i]; });
    return Promise.all(sample.map(function (x) { return index.entry(x.t); }).concat(
      title ? [index.entry(title)] : [])).then(function (entries) {
      var own = titledPages(index, title ? entries.pop() : null);
      // (A token on no page has its bucket loaded all the same.)
      var bytes = index.bucketBytes(sample.map(function (x) { return x.t; }));
      var budget = index.sampleBytes, n = sample.length;
      if (!steps && bytes * uniq.length <= budget * n) return null;
      var whole = wholeMatches(index, entries, own);
      if (!whole.count) {
        // The pages holding the most of the twelve, when that is two thirds
        // of them or more: a sentence pasted with a figure or a name of its
        // own, or a typo, is then found by the rest of it, where its first
        // part (below) can be five characters that thousands of pages hold.
        var N = index.m.docs, W = (N + 31) >> 5, bits = tokenBits(entries, W);
        var most = mostHeld(bits, n, W, Math.ceil(n * 2 / 3));
        if (most) {
          var ranking = rankLoose(index, sample, entries, Array.from(query), most.pages, bits, W);
          return { query: query, phrase: query.trim(), partial: true, synonym: false,
                   tokens: uniq.map(function (x) { return x.t; }), count: ranking.count, exact: 0,
                   pieces: null, loose: true, rest: null, sampled: n, held: most.held, ranking: ranking };
        }
        var loaded = {}, lead = 0;
        order.forEach(function (i) { loaded[i] = 1; });
        while (loaded[lead]) ++lead;
        var more = 0;
        if (steps) {
          // As many of its first tokens as the budget takes with the sample.
          var terms = sample.map(function (x) { return x.t; });
          for (; more < uniq.length - 1; ++more) {
            terms.push(uniq[more].t);
            if (index.bucketBytes(terms, steps) > budget) break;
          }
        } else {
          more = lead + Math.floor(Math.max(0, budget - bytes) * n / Math.max(bytes, 1));
        }
        return { part: Math.min(uniq.length - 1, Math.max(2, lead, more)) };
      }
      return withSeries(index)(entries).then(function () {
        return { query: query, phrase: query.trim(), partial: false, synonym: false,
                 tokens: uniq.map(function (x) { return x.t; }), count: whole.count, exact: whole.count,
                 pieces: null, loose: false, rest: null, sampled: n,
                 ranking: new Ranking(index, entries.filter(Boolean), whole, own) };
      });
    });
  }

  /* The pages holding every token of the query (`uniq`, distinctTokens);
   * after them, when they are fewer than a page of results, those holding the
   * query loosely (looseMatches, also when a character of it is on no page);
   * when there are neither, the longest run of consecutive tokens that some
   * page holds (more pages, then earlier, on a tie). */
  function searchAll(index, query, uniq) {
    var tokens = uniq.map(function (x) { return x.t; });
    var base = { query: query, phrase: query.trim(), partial: false, synonym: false,
                 tokens: tokens, count: 0, exact: 0, pieces: null, loose: false, rest: null, ranking: null };
    if (!uniq.length) return Promise.resolve(base);
    var title = titleTerm(query);
    return Promise.all(uniq.map(function (x) { return index.entry(x.t); }).concat(
      title ? [index.entry(title)] : [])).then(withSeries(index)).then(function (entries) {
      // The pages titled with the query hold it whole, though the title's
      // punctuation may split a bigram of it ("审查三资合同", the page
      // 审查“三资”合同, which has no 查三 or 资合).
      var own = titledPages(index, title ? entries.pop() : null);
      var chars = Array.from(query);
      var whole = wholeMatches(index, entries, own);
      var loose = whole.count < PAGE ?
        looseMatches(index, uniq, entries, codePoints(query), chars, whole) : null;
      if (loose && !loose.count) loose = null;
      if (whole.count) {
        var ranking = new Ranking(index, entries.filter(Boolean), whole, own);
        var found = { query: query, phrase: query.trim(), partial: false, synonym: false, tokens: tokens,
                      count: whole.count + (loose ? loose.count : 0), exact: whole.count, pieces: null,
                      loose: false, rest: null, ranking: loose ? new Chain(ranking, loose) : ranking };
        // Fewer than a page of results: the pages holding the longest part
        // of the query, half its tokens or more (two at least), follow them
        // ("行政复议案件数量" on one page: then those holding 行政复议案件).
        var least = Math.max(2, Math.ceil(uniq.length / 2));
        var more = found.count < PAGE && uniq.length > least ?
          longestRun(index, uniq, entries, chars, shownPages(index, whole, loose), least) : null;
        if (more) {
          found.rest = { phrase: more.phrase, count: more.inter.count };
          found.count += more.inter.count;
          found.ranking = new Chain(found.ranking, new Rest(new Ranking(index, more.entries, more.inter)));
        }
        return found;
      }
      if (loose) {
        // The phrase of the snippets: the longest part of the query the first page holds.
        var held = loose.held;
        var longest = pieces(uniq, loose.maskOf(loose.slice(0, 1)[0].doc), chars).reduce(function (a, b) {
          return Array.from(b).length > Array.from(a).length ? b : a;
        });
        var out = { query: query, phrase: longest, partial: true, synonym: false,
                    tokens: tokens.filter(function (t, i) { return (held >>> i) & 1; }),
                    count: loose.count, exact: 0, pieces: loose.pieces, loose: true, rest: null, ranking: loose };
        // A character no page holds: after the pages holding the other parts,
        // those holding the longest part found alone ("行政复议收案数" without
        // 收: first the pages holding 行政复议 and 案数, then those with 行政复议).
        var part = loose.set ? longestRun(index, uniq, entries, chars) : null;
        var rest = part ? without(part.inter, loose.set) : { count: 0 };
        if (rest.count) {
          out.rest = { phrase: part.phrase, count: rest.count };
          out.count += rest.count;
          out.tokens = tokens.filter(function (t, i) { return ((held >>> i) & 1) || (i >= part.i && i < part.i + part.len); });
          out.ranking = new Chain(loose, new Rest(new Ranking(index, part.entries, rest)));
        }
        return out;
      }
      var best = longestRun(index, uniq, entries, chars);
      if (!best || loneHan(best.phrase)) return base;
      return {
        query: query,
        phrase: best.phrase,
        partial: true,
        synonym: false,
        tokens: tokens.slice(best.i, best.i + best.len),
        count: best.inter.count,
        exact: 0,
        loose: false,
        pieces: null,
        rest: null,
        ranking: new Ranking(index, best.entries, best.inter)
      };
    });
  }

  /* One Chinese character, a part not worth listing the pages of when the
   * rest of the query is on none: 第 of 第123篇, 号 of 2024〕15号, 李 of a name
   * no page holds are on most pages, and say nothing of what was asked. A
   * number or a word of letters held alone still is (2024 of 黄埔区 2024). */
  function loneHan(phrase) {
    var cps = codePoints(phrase.trim());
    return cps.length === 1 && isHan(cps[0]);
  }

  /* The longest run of consecutive tokens (`uniq`, their `entries`) that some
   * page holds, shorter than the query (more pages, then earlier, on a tie):
   * {i, len, entries, inter (its pages, an intersect()), phrase}, or null.
   * With `shown` (a bitmap of 32-bit words), the pages it marks count for no
   * run and are left out of `inter`; no run is shorter than `least` tokens. */
  function longestRun(index, uniq, entries, chars, shown, least) {
    var best = null;
    for (var len = uniq.length - 1; len >= (least || 1) && !best; --len) {
      for (var i = 0; i + len <= uniq.length; ++i) {
        var es = entries.slice(i, i + len);
        if (es.some(function (e) { return !e; })) continue;
        var inter = intersect(index, es);
        if (shown) inter = without(inter, shown);
        if (!inter.count) continue;
        if (!best || inter.count > best.inter.count) best = { i: i, len: len, entries: es, inter: inter };
      }
    }
    if (best) best.phrase = chars.slice(uniq[best.i].a, uniq[best.i + best.len - 1].b).join('');
    return best;
  }

  /* [start, end) code point ranges of `text` covered by the phrase or a token.
   * A token of one character (件 of 368件, 年 of 2024年, a digit) is marked
   * only where the text lacks the whole phrase: beside it, it marked every
   * 件 and 年 of the snippet and glued the 件 of 案件 onto 368件. */
  function matchRanges(text, phrase, tokens) {
    var f = codePoints(text), ranges = [], whole = false;
    [foldString(phrase)].concat(tokens).forEach(function (tok, n) {
      var t = codePoints(tok), L = t.length;
      if (!L || (n > 0 && L === 1 && whole)) return;
      for (var i = 0; i + L <= f.length; ++i) {
        var ok = true;
        for (var k = 0; k < L && ok; ++k) ok = f[i + k] === t[k];
        if (ok) ranges.push([i, i + L]);
      }
      if (n === 0) whole = ranges.length > 0;
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push(r.slice());
    });
    return merged;
  }

  /* The words of a folded phrase: its runs of Chinese characters and its runs
   * of letters and digits, typed apart or not ("花都区2024": 花都区, 2024). */
  function phraseWords(p) {
    var words = [], word = '', han = false;
    Array.from(p).forEach(function (ch) {
      var c = ch.codePointAt(0), h = isHan(c), w = h || isWord(c);
      if (word && (!w || h !== han)) { words.push(word); word = ''; }
      if (w) { word += ch; han = h; }
    });
    if (word) words.push(word);
    return words;
  }

  /* How a page holds the phrase: 2 in its title, a heading or a lead-in, or
   * (a phrase of two words or more, each of two characters or more) each of
   * its words in its title, 1 in its text, 0 only as scattered tokens. So
   * 花都区2024 lists first 花都区's report titled 广州市花都区人民政府关于2024年度…,
   * not a page whose text says 花都区2024年 in passing. */
  function phraseTier(meta, phrase) {
    var p = foldString(phrase);
    if (!p) return 0;
    var title = foldString(meta.title);
    if (title.indexOf(p) >= 0) return 2;
    var words = phraseWords(p);
    if (words.length > 1 && words.every(function (w) { return Array.from(w).length > 1 && title.indexOf(w) >= 0; }))
      return 2;
    var body = 0;
    for (var i = 0; i < meta.sections.length; ++i) {
      var s = meta.sections[i];
      if (foldString(s[1]).indexOf(p) >= 0 || foldString(s[3] || '').indexOf(p) >= 0) return 2;
      if (foldString(s[2]).indexOf(p) >= 0) body = 1;
    }
    return body;
  }

  /* A page's title, headings and text as its metadata has them, folded. */
  function pageText(meta) {
    return foldString([meta.title].concat(meta.sections.map(function (s) { return s[1] + '\n' + s[2]; })).join('\n'));
  }

  /* Whether a folded phrase is Chinese characters, letters and digits only,
   * two or more: a text that holds it holds it joined, as typed. */
  function joinedPhrase(p) {
    var cps = codePoints(p);
    return cps.length > 1 && cps.every(function (c) { return isHan(c) || isWord(c); });
  }

  /* The length (in characters) of the longest part of `chars` (a folded
   * query's characters) that the page's title, headings or text holds. Each
   * part is found by a search of the page's text; a part found at i..j
   * leaves i+1..j found, so each step moves one end: at most twice the
   * query's length in searches. */
  function longestHeld(meta, chars) {
    var text = pageText(meta);
    var most = 0;
    for (var i = 0, j = 0; i < chars.length && chars.length - i > most; ++i) {
      if (j < i) j = i;
      while (j < chars.length && text.indexOf(chars.slice(i, j + 1).join('')) >= 0) ++j;
      most = Math.max(most, j - i);
    }
    return most;
  }

  /* Each token's weight in a sentence (bestSentence), by the pages holding
   * it as `dfs` (Index.dfs) knows them: its BM25 idf over the largest of the
   * query's, so at most 10 a token; one not looked up (a long query's token
   * left out of its sample) weighs 10, as every token did before. So the
   * sentence holding the rare token of a query wins over one holding its
   * common one: `1537件` (the text says 1537宗) showed the first sentence
   * with a 件, in another section than 1537; `2024 1537` one with 2024. */
  function tokenWeights(tokens, dfs, N) {
    var idf = tokens.map(function (t) {
      var df = dfs[t];
      return df === undefined ? Infinity : Math.log(1 + (N - df + 0.5) / (df + 0.5));
    });
    var top = Math.max.apply(null, idf.filter(isFinite).concat([0]));
    return idf.map(function (w) { return isFinite(w) && top > 0 ? 10 * w / top : 10; });
  }

  /* The sentence of the page that best matches: the phrase, then the most
   * weight of tokens (`weights`, tokenWeights' in the order of `tokens`; 10
   * each without), then the earliest. A bold lead-in ("行政复议与应诉。")
   * comes with the sentence after it and counts as a heading; a sentence that
   * repeats the title (a table caption) counts less than one that says more.
   * With its section. */
  function bestSentence(meta, phrase, tokens, weights) {
    var p = foldString(phrase), title = foldString(meta.title), best = null;
    meta.sections.forEach(function (s, si) {
      var leads = (s[3] || '').split('\n').map(function (l) { return foldString(l.trim()); });
      var heading = foldString(s[1]);
      var sentences = (s[2].match(/[^。！？!?；;\n]+[。！？!?；;]?\n?/g) || []);
      sentences.forEach(function (raw, k) {
        var sentence = raw.trim(), f = foldString(sentence), bonus = 0;
        if (leads.indexOf(f) >= 0 && k + 1 < sentences.length && !/\n$/.test(raw)) {
          // A lead-in and what it titles: the first sentence of its paragraph
          // that holds the phrase, else the next one.
          var next = k + 1;
          for (var j = k + 1; j < sentences.length; ++j) {
            if (p && foldString(sentences[j]).indexOf(p) >= 0) { next = j; break; }
            if (/\n$/.test(sentences[j])) break;
          }
          sentence += (next > k + 1 ? ' … ' : ' ') + sentences[next].trim();
          f = foldString(sentence);
          bonus = 5;
        }
        var score = 0;
        if (p && f.indexOf(p) >= 0) score += 1000;
        tokens.forEach(function (t, i) { if (f.indexOf(t) >= 0) score += weights ? weights[i] : 10; });
        if (!score) return;
        score += bonus;
        if (title && f.indexOf(title) >= 0) score -= 500;
        if (p && heading.indexOf(p) >= 0) score += 5;
        if (!best || score > best.score) best = { score: score, text: sentence, section: si };
      });
      // A heading that holds the phrase, when no sentence says more: its
      // section, shown by its first sentence.
      if (p && s[0] && heading.indexOf(p) >= 0 && (!best || best.score < 500)) {
        best = { score: 500, text: sentences.length ? sentences[0].trim() : '', section: si };
      }
    });
    return best;
  }

  /* A result for display: {url (relative to the site root), title, kind,
   * date, section (heading of the section linked, or ''), snippet, loose
   * (it holds the query's words only apart), rest (it holds only the part
   * of the query a Rest ranking is of)}; pageRows adds `apart` (it holds
   * every token of the query, and the query as typed nowhere). */
  function describe(index, hit, meta, phrase, tokens) {
    var best = bestSentence(meta, phrase, tokens, index.dfs ? tokenWeights(tokens, index.dfs, index.m.docs) : null);
    // The section of the best sentence, unless the title holds the phrase
    // (the page itself is the answer).
    var s = best && foldString(meta.title).indexOf(foldString(phrase)) < 0 ? meta.sections[best.section] : null;
    var snippet = best ? best.text : '';
    if (!snippet) {  // the match is in the title only: the page's first sentence
      var first = meta.sections.length ? (meta.sections[0][2] || '').match(/[^。！？!?；;\n]+[。！？!?；;]?/) : null;
      snippet = first ? first[0].trim() : '';
    }
    return {
      doc: hit.doc, url: meta.url + (s && s[0] ? '#' + s[0] : ''), title: meta.title,
      kind: index.kindLabel(hit.doc), date: meta.date, section: s && s[0] ? s[1] : '', snippet: snippet,
      // A report's `date` is when this site put it up; its own publication
      // date (发布日期 in its page's 信息公开 table) is another: labelled as
      // the site's lists label it (template_view.cpp, PageItem).
      dateLabel: index.kind(hit.doc) === 0 ? '本站发布日期' : '发布日期',
      loose: !!hit.loose, rest: !!hit.rest
    };
  }

  /* Whether `meta` (a page's metadata) holds the whole text of the page:
   * the builder says when it cut it (`cut`), or it was read from the page
   * itself (pageSections). */
  function metaUncut(meta) {
    return !!meta.whole || !meta.cut;
  }

  /* Whether the first rows of `result` (pageRows', in the order shown) tell
   * that no page holding every token of the query holds the query as typed:
   * its whole matches all among them (a page of rows at most), the first of
   * them holding it nowhere (pageRows puts a page holding it first; a page's
   * text is looked at only when its metadata holds all of it, metaUncut),
   * and the query Chinese characters, letters and digits only (spaces or
   * punctuation would part what a text joins). On the demo `1537件` (its
   * report says 1537宗 and, elsewhere, 30件次) was “共找到 2 条结果”. The
   * status then says so (statusText, `apart`). */
  function apartOnly(result, rows) {
    if (!result.exact || result.exact > PAGE || result.partial || result.loose || result.named || result.sampled ||
        result.synonym || !rows.length || !rows[0].apart) {
      return false;
    }
    return joinedPhrase(foldString(result.phrase.trim()));
  }

  /* A part of the query, quoted for the reader: each word typed apart in
   * quotes of its own (“白云区”“行政”, not “白云区 行政”, which reads as one
   * phrase that no page need hold). */
  function quoted(phrase) {
    return phrase.trim().split(/\s+/).map(function (p) { return '“' + p + '”'; }).join('');
  }

  /* The line above the results of `r`, the search of `query` typed by the
   * reader; `unigrams`: the index holds every character alone (manifest).
   * `r.apart`: apartOnly() said so of its first rows. */
  function statusText(r, query, unigrams) {
    var n = r.count, chars = Array.from(query.trim());
    // One Chinese character: the index holds it where it stands alone or
    // touches a number, not inside words, unless the site indexes every
    // character ([search] every_character): the reader is told.
    var one = chars.length === 1 && isHan(chars[0].codePointAt(0)) && !unigrams;
    var ONE = '只输入一个字时，只能找到它单独出现（或紧挨数字）的地方；要找含有这个字的词语，请多输入几个字，例如“行政复议”。';
    if (!n && one) {
      return '没有找到单独出现的“' + chars[0] + '”。' + ONE;
    } else if (!n) {
      return '没有找到与“' + query + '”相关的内容。可以换一个词，或查看网站地图。';
    } else if (r.named) {
      return '“' + query.trim() + '”：' +
        (r.phrase ? r.exact + ' 份' + r.named + '含有' + quoted(r.phrase) : '共 ' + r.exact + ' 份' + r.named + '，年份新的在前') +
        (r.rest ? '；另有 ' + r.rest.count + ' 条结果是含有' + quoted(r.rest.phrase) + '的其他页面，列在后面。' : '。');
    } else if (r.synonym) {
      return '未找到“' + query.trim() + '”，以下结果包含相关词“' + r.phrase + '”（共 ' + n + ' 条）。';
    } else if (one) {
      return '“' + chars[0] + '”共找到 ' + n + ' 条结果。' + ONE;
    } else if (r.held) {
      return '未找到“' + query.trim() + '”；只按其中 ' + r.sampled + ' 个词语查找，以下结果含有其中的 ' +
        r.held + ' 个（共 ' + n + ' 条）。';
    } else if (r.loose || r.apart) {
      // Whole matches holding the query apart are named by its words (“1537”
      // “件”) when they are all the results but those holding one part.
      var words = r.apart && n - (r.rest ? r.rest.count : 0) === r.exact ? phraseWords(foldString(query.trim())) : null;
      var parts = r.loose ? r.pieces : words && words.length > 1 ? words : null;
      var apart = parts ? parts.map(function (p) { return '“' + p + '”'; }).join('') : '其中的词语';
      return r.rest ?
        '未找到“' + query.trim() + '”；' + (n - r.rest.count) + ' 条结果分开包含' + apart + '，另有 ' +
          r.rest.count + ' 条结果只包含' + quoted(r.rest.phrase) + '，列在后面。' :
        '未找到“' + query.trim() + '”，以下结果分开包含' + apart + '（共 ' + n + ' 条）。';
    } else if (r.partial) {
      return '未找到“' + query.trim() + '”，以下结果包含' + quoted(r.phrase) + '（共 ' + n + ' 条）。';
    } else if (r.sampled) {
      return '“' + query.trim() + '”较长，只按其中 ' + r.sampled + ' 个词语查找：共找到 ' + n +
        ' 条结果，每页中含有整段文字的排在前面。';
    } else if (n > r.exact) {
      // After the pages holding the whole query: those holding its words
      // apart, then those holding only its longest part.
      var rest = r.rest ? r.rest.count : 0, others = [];
      if (n - r.exact - rest) others.push((n - r.exact - rest) + ' 条结果分开包含其中的词语');
      if (rest) others.push(rest + ' 条结果只包含' + quoted(r.rest.phrase));
      return '“' + query.trim() + '”共找到 ' + r.exact + ' 条结果；另有 ' + others.join('，') +
        '，列在后面。';
    } else {
      return '“' + query.trim() + '”共找到 ' + n + ' 条结果。';
    }
  }

  /* A row's tier (pageRows) when its ranking says it, else null: 3 for a page
   * titled with the query (the ranking's `heading` 2), below every other row
   * a loose match (looseMatches), which holds the phrase nowhere (-1), and
   * below those a page holding only part of it (Rest, -2). */
  function tierOf(hit) {
    return hit.rest ? -2 : hit.loose ? -1 : hit.heading === 2 ? 3 : null;
  }

  /* The results from `from` to `from + count` of a search, re-ranked within
   * that slice by how they hold the phrase (phraseTier, then their rank),
   * handed to `emit` (an array of describe()s) in two batches: the first
   * rows as soon as their place is certain, the rest when every row is in.
   * So the first rows show when their page groups arrive rather than when
   * the slowest of ten does, and rows are only ever appended, never moved
   * (more batches would cost the reader's machine a layout and paint each).
   * A row's place is certain when no row still to come can pass it: none
   * ranked above it, none that could hold the phrase better. A Promise,
   * resolved when every row is out (rejected when a group cannot be loaded). */
  function pageRows(index, result, from, count, emit) {
    var slice = result.ranking ? result.ranking.slice(from, from + count) : [];
    var n = slice.length, rows = new Array(n), placed = new Array(n), left = n;
    var pending = [], emitted = false;
    // The best tier a row still to come can have. A page holding a phrase of
    // Chinese characters in its title, a heading or a lead-in holds each of
    // its bigrams there, which the index marks (the ranking's `heading`): a
    // row without the mark holds the phrase in its text at most. Of other
    // phrases (numbers, Latin words, a lone character) nothing is known.
    // A row's tier that the ranking already knows (tierOf) is its tier.
    var cps = codePoints(result.phrase.trim()), han = cps.length >= 2 && cps.every(isHan);
    // A long query looked up by some of its tokens (searchSample): rows that
    // do not hold it whole are ordered by the longest part of it they hold
    // (a fraction of a tier), which the sampled tokens do not tell: the page
    // a sentence was pasted from, with a figure or a word changed, holds
    // most of it in one piece, where other pages hold its common words here
    // and there. (A query looked up whole keeps its ranking: a title holding
    // most of its words above a text holding more, looseMatches.)
    var graded = result.sampled ? Array.from(foldString(result.query.trim())) : null;
    function rowOf(h, meta, i) {
      var known = tierOf(h), tier = known !== null ? known : phraseTier(meta, result.phrase);
      // Every token, and the phrase nowhere in the page's whole text.
      var apart = known === null && tier === 0 && metaUncut(meta);
      if (graded && tier <= 0) tier += longestHeld(meta, graded) / (graded.length + 1);
      return { hit: h, meta: meta, tier: tier, pos: i, apart: apart };
    }
    function best(i) {
      var known = tierOf(slice[i]);
      if (known !== null) return graded && known <= 0 ? known + 1 : known;
      return han && !slice[i].heading ? 1 : 2;
    }
    function certain(r) {
      for (var i = 0; i < n; ++i) {
        if (rows[i]) continue;
        var t = best(i);
        if (t > r.tier || (t === r.tier && i < r.pos)) return false;
      }
      return true;
    }
    function place() {
      for (;;) {
        var next = null;
        for (var i = 0; i < n; ++i) {
          var r = rows[i];
          if (r && !placed[i] && (!next || r.tier > next.tier)) next = r;
        }
        if (!next || !certain(next)) break;
        placed[next.pos] = true;
        pending.push(next);
      }
      if (pending.length && (!emitted || !left)) {  // the first rows, or all the rest
        emitted = true;
        emit(pending.map(function (r) {
          var d = describe(index, r.hit, r.meta, result.phrase, result.tokens);
          d.apart = r.apart;
          return d;
        }));
        pending = [];
      }
    }
    // A page holding every token whose metadata was cut where it lacks the
    // query: its text from the page itself, so that its row shows and links
    // to where the page holds the query (a real report's section runs past
    // the 1,200 characters the metadata keeps of it), and its tier is known.
    // Lacks: a token the kept text does not hold, or, for a query of
    // characters, letters and digits only, the query itself. Only for the
    // first PAGE_READS rows: on gen_mixed's long reports `年度报告` and `行政
    // 复议 法律援助` read the pages of all ten rows, 560 KB more.
    // And within LOAD_BYTES: once every row's group is in, the rows that
    // would read their page, in order, each while the query's buckets, the
    // rows' groups and the pages read before it leave room for its page
    // (its metadata's `cut`). So a long query, whose buckets take most of
    // the budget, reads few pages or none: on gen_mixed at 50,000 pages a
    // pasted sentence's three pages made it 458 KB.
    var phrase = foldString(result.phrase.trim()), joined = joinedPhrase(phrase);
    function lacks(meta) {
      var text = pageText(meta);
      return result.tokens.some(function (t) { return text.indexOf(t) < 0; }) || (joined && phraseTier(meta, phrase) === 0);
    }
    function wants(h, meta, i) {
      return index.pageSections && phrase && i < PAGE_READS && tierOf(h) === null && !metaUncut(meta) && lacks(meta);
    }
    // (`allowed`: a Promise of, by row, whether it reads its page.)
    var metas = slice.map(function (h) { return index.meta(h.doc); }), allowed = null;
    function readable(all) {
      var spent = index.bucketBytes(result.tokens), seen = {};
      all.forEach(function (m) {
        if (!seen[m.group]) spent += index.groupBytes[m.group] || 0;
        seen[m.group] = 1;
      });
      return all.map(function (m, i) {
        if (!wants(slice[i], m, i) || spent + m.cut > LOAD_BYTES) return false;
        spent += m.cut;
        return true;
      });
    }
    function fuller(h, meta, i) {
      if (!wants(h, meta, i)) return meta;
      allowed = allowed || Promise.all(metas).then(readable);
      return allowed.then(function (ok) {
        if (!ok[i]) return meta;
        return index.pageSections(meta.url).then(function (sections) {
          return sections ? { url: meta.url, title: meta.title, date: meta.date, sections: sections, whole: true } : meta;
        });
      });
    }
    return Promise.all(slice.map(function (h, i) {
      return metas[i].then(function (meta) { return fuller(h, meta, i); }).then(function (meta) {
        rows[i] = rowOf(h, meta, i);
        --left;
        place();
      });
    })).then(function () {});
  }

  /* The rows pageRows() gives, all at once: a Promise of describe()s. */
  function page(index, result, from, count) {
    var all = [];
    return pageRows(index, result, from, count, function (rows) { all = all.concat(rows); }).then(function () {
      return all;
    });
  }

  /* --- warming up ---------------------------------------------------------- */

  /* A reader's first query runs the loops above (decoding a bucket's pages,
   * intersecting, scoring a thousand listed pages per token, the rows'
   * sentences and marks) once each, mostly in the script engine's
   * interpreter: under node search() of a seven-token query on a
   * 50,000-page index took about 30 ms cold and 4 ms warm. So before the
   * page says it is ready (init), warmUp() runs made-up queries through the
   * same code on a small made-up index held in memory: no request, nothing
   * shown. In Chromium on the 50,000-page site this brought the first rows
   * of the longest queries 30-90 ms sooner and the page's readiness some
   * 250 ms later (docs/search.md); a page opened with ?q= skips it, and so
   * does a site of fewer than WARM_FROM pages. */

  /* Writes v as a varint at u8[p]; returns the position after it. */
  function putVarint(u8, p, v) {
    while (v >= 0x80) { u8[p++] = (v & 0x7F) | 0x80; v = Math.floor(v / 128); }
    u8[p++] = v;
    return p;
  }

  /* One bucket in the format of index.cpp's Bucket(): each term of `common`
   * on every one of `docs` pages, its `top` best listed with their weights
   * and all of them in a bitmap (as a term on most pages of a large site);
   * each of `rare` on `top` pages, listed only. */
  function madeUpBucket(common, rare, docs, top) {
    var terms = common.concat(rare), seed = 7;
    var entry = new Uint8Array(16 + 6 * top + ((docs + 7) >> 3));
    var out = new Uint8Array(8 + terms.length * (32 + entry.length)), at = putVarint(out, 0, terms.length);
    terms.forEach(function (term, i) {
      var bitmap = i < common.length, p = putVarint(entry, 0, bitmap ? docs : top);
      entry[p++] = bitmap ? 1 : 0;
      p = putVarint(entry, p, top);
      if (bitmap) entry[p++] = 40;  // the bound: the highest weight of a page not listed
      for (var k = 0, prev = -1; k < top; ++k) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        var d = prev + 1 + (seed >>> 16) % (2 * Math.floor(docs / top) - 1);
        p = putVarint(entry, p, k ? d - prev : d);
        entry[p++] = 41 + (seed >>> 8) % 150;  // above the bound, some marked as in a heading (>= 64)
        prev = d;
      }
      if (bitmap) {
        entry.fill(0xFF, p, p + ((docs + 7) >> 3));
        p += (docs + 7) >> 3;
      }
      var key = utf8.encode(term);
      at = putVarint(out, at, key.length);
      out.set(key, at);
      at = putVarint(out, at + key.length, p);
      out.set(entry.subarray(0, p), at);
      at += p;
    });
    return out.slice(0, at);
  }

  /* Runs three made-up queries (every token on every page; a rare token
   * among common ones; a phrase only partly found) on a made-up index with
   * the site's kinds, each in its own task, each with its first page of
   * rows handed to `render(rows, result)` (may be null). A Promise of the
   * rows made per query, so a test can tell that the work was done. */
  function warmUp(kinds, render) {
    var DOCS = 4096, TOP = 500, PHRASE = '行政复议案件办理';
    var common = tokenize(PHRASE), rare = ['fazhi'];
    var bucket = madeUpBucket(common, rare, DOCS, TOP);
    var kindsHere = kinds.map(function (k, i) { return [k[0], i === kinds.length - 1 ? DOCS : 0, 1]; });
    var index = new Index({ docs: DOCS, kinds: kindsHere, buckets: 1 }, function (path) {
      if (path.charAt(0) === 't') return Promise.resolve(bucket.slice().buffer);
      var doc = +path.slice(2, -5), title = doc % 3 ? '工作动态' : PHRASE + '情况';
      var text = '依法做好' + PHRASE + '工作。开展行政复议' + doc + '件。fazhi 示例。';
      return Promise.resolve(utf8.encode(JSON.stringify(
        [['warm/' + doc + '/', title, '2024-03-01', [['s1', '一、' + PHRASE, text, ''], ['', '', text, '']]]])).buffer);
    });
    var made = [];
    return [PHRASE, '复议 fazhi', '行政复议案件办理不存在'].reduce(function (before, query) {
      return before.then(function () {
        return new Promise(function (next) { setTimeout(next, 0); });
      }).then(function () {
        return search(index, query);
      }).then(function (result) {
        return page(index, result, 0, PAGE).then(function (rows) {
          if (render) render(rows, result);
          made.push(rows.length);
        });
      });
    }, Promise.resolve()).then(function () { return made; });
  }

  /* --- the page ------------------------------------------------------------ */

  function appendMarked(el, text, ranges, from, to) {
    var chars = Array.from(text), pos = from;
    ranges.forEach(function (r) {
      var a = Math.max(r[0], from), b = Math.min(r[1], to);
      if (a >= b || a < pos) return;
      el.appendChild(document.createTextNode(chars.slice(pos, a).join('')));
      var m = document.createElement('mark');
      m.textContent = chars.slice(a, b).join('');
      el.appendChild(m);
      pos = b;
    });
    el.appendChild(document.createTextNode(chars.slice(pos, to).join('')));
  }

  function marked(tag, className, text, phrase, tokens, max) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    var chars = Array.from(text), ranges = matchRanges(text, phrase, tokens);
    var start = 0, end = chars.length;
    if (max && chars.length > max) {
      var first = ranges.length ? ranges[0][0] : 0;
      start = Math.max(0, Math.min(first - 30, chars.length - max));
      end = Math.min(chars.length, start + max);
    }
    if (start > 0) el.appendChild(document.createTextNode('…'));
    appendMarked(el, text, ranges, start, end);
    if (end < chars.length) el.appendChild(document.createTextNode('…'));
    return el;
  }

  function renderRows(out, base, rows, result) {
    rows.forEach(function (r) {
      var li = document.createElement('li');
      // Where the pages holding the whole query end and those holding its
      // words apart begin, and where the pages holding only one part begin.
      // (None where the pages holding every token hold the query apart too:
      // the status says that all of them do.)
      var where = r.rest ? 'rest' : r.loose && result.exact && !result.apart ? 'loose' : '';
      if (where && !out.querySelector('.search-apart[data-apart="' + where + '"]')) {
        var apart = document.createElement('p');
        apart.className = 'search-apart';
        apart.setAttribute('data-apart', where);
        var rest = result.rest ? result.rest.count : 0;
        apart.textContent = r.rest && result.named ? '以下 ' + rest + ' 条结果不是' + result.named + '：' :
          r.rest ? '以下 ' + rest + ' 条结果只包含' + quoted(result.rest.phrase) + '：' :
          '以下 ' + (result.count - result.exact - rest) + ' 条结果没有完整的“' + result.phrase +
          '”，只分开包含其中的词语：';
        li.appendChild(apart);
      }
      var h = document.createElement('h2');
      var a = marked('a', '', r.title, result.phrase, result.tokens);
      a.href = base + r.url;
      h.appendChild(a);
      h.appendChild(document.createTextNode(' '));
      var kind = document.createElement('span');
      kind.className = 'search-kind';
      kind.textContent = r.kind;
      h.appendChild(kind);
      li.appendChild(h);
      if (r.section) li.appendChild(marked('p', 'search-section', r.section, result.phrase, result.tokens));
      if (r.snippet) li.appendChild(marked('p', 'search-snippet', r.snippet, result.phrase, result.tokens, 120));
      if (r.date) {
        var d = document.createElement('p');
        d.className = 'search-date';
        var ymd = r.date.split('-');
        d.textContent = r.dateLabel + '：' + (ymd.length === 3 ? ymd[0] + '年' + (+ymd[1]) + '月' + (+ymd[2]) + '日' : r.date);
        li.appendChild(d);
      }
      out.appendChild(li);
    });
  }

  function init() {
    var form = document.getElementById('search-form');
    if (!form) return;
    if (!SUPPORTED) {
      document.getElementById('search-status').textContent =
        '您的浏览器版本较旧，无法使用站内搜索。请通过网站地图查找内容，或换用新版本的浏览器。';
      return;
    }
    var input = form.querySelector('input[name="q"]');
    var status = document.getElementById('search-status');
    var out = document.getElementById('search-results');
    var more = document.getElementById('search-more');
    var base = form.getAttribute('data-base') || '/';
    var folder = form.getAttribute('data-index');
    document.documentElement.classList.add('js-search');
    var q = new URLSearchParams(window.location.search).get('q') || '';
    input.value = q;
    var index = null, current = 0, shown = 0, result = null;

    /* The index could not be loaded for query `seq` (null: the manifest).
     * `stale`: the manifest is of another format than this script reads (a
     * browser kept the script of an earlier build); a reload fetches both anew. */
    function failed(seq, stale) {
      if (seq !== null && seq !== current) return;
      out.removeAttribute('aria-busy');
      status.textContent = stale ?
        '网站已更新，本页的搜索程序是旧版本。请刷新本页（电脑按 F5，手机下拉页面）后再搜索。' :
        '搜索索引载入失败（可能是网络中断）。请再输入一次或点“搜索”重试，也可以通过网站地图查找内容。';
    }

    /* Shows the status of `r` and clears the rows of the query before. */
    function begin(r, query) {
      out.textContent = '';
      status.textContent = statusText(r, query, !!index.m.unigrams);
    }

    /* Appends the next rows of `r` as they come (pageRows); the list is
     * aria-busy until all are in. `first` runs before the first rows. */
    function moreRows(r, seq, first) {
      out.setAttribute('aria-busy', 'true');
      more.hidden = true;
      return pageRows(index, r, shown, PAGE, function (rows) {
        if (seq !== current) return;
        if (first) {
          r.apart = apartOnly(r, rows);
          first();
          first = null;
        }
        shown += rows.length;
        renderRows(out, base, rows, r);
      }).then(function () {
        if (seq !== current) return;
        if (first) first();
        out.removeAttribute('aria-busy');
        more.hidden = shown >= r.count;
      });
    }

    function run(query) {
      var seq = ++current;
      if (!query.trim()) {
        out.textContent = '';
        out.removeAttribute('aria-busy');
        more.hidden = true;
        status.textContent = '请输入要查找的词语，例如“行政复议”。';
        return;
      }
      search(index, query).then(function (r) {
        if (seq !== current) return null;
        result = r;
        shown = 0;
        return moreRows(r, seq, function () { begin(r, query); });
      }).catch(function () { failed(seq); });
    }

    /* Loads the manifest, then listens to the reader. When it could not be
     * loaded (the connection dropped), the reader's next keystroke tries
     * again; 搜索 submits the form, which reloads the page with the query. */
    function start() {
      status.textContent = '正在载入搜索索引…';
      fetch(folder + 'manifest.json', { cache: 'no-cache' }).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }).then(function (manifest) {
        if (manifest.v !== INDEX_FORMAT) {
          failed(null, true);
          return;
        }
        index = new Index(manifest, function (path) {
          return fetch(folder + path + '?v=' + manifest.id).then(function (r) {
            if (!r.ok) throw new Error(r.status);
            return r.arrayBuffer();
          });
        });
        index.loadPage = function (url) {
          return fetch(base + url).then(function (r) {
            if (!r.ok) throw new Error(r.status);
            return r.text();
          });
        };
        // With no query to answer yet, the client of a large site warms up
        // (warmUp) before it says it is ready; what the reader types meanwhile
        // is searched then.
        var warming = !q.trim() && manifest.docs >= WARM_FROM, composing = false;
        input.addEventListener('compositionstart', function () { composing = true; });
        input.addEventListener('compositionend', function () { composing = false; update(); });
        input.addEventListener('input', function () { if (!composing) update(); });
        function ready() {
          warming = false;
          if (input.value !== q && !composing) update(); else run(q);
        }
        if (warming) {
          warmUp(manifest.kinds, function (rows, r) { renderRows(document.createElement('ol'), base, rows, r); })
            .catch(function () {}).then(ready);
        } else {
          ready();
        }
        function update() {
          if (warming) return;
          var query = input.value;
          run(query);
          // The address after the query's fetches are on their way: replaceState
          // takes milliseconds of the main thread, spent while they travel.
          setTimeout(function () { history.replaceState(null, '', '?q=' + encodeURIComponent(query)); }, 0);
        }
        form.addEventListener('submit', function (e) { e.preventDefault(); update(); });
        more.addEventListener('click', function () {
          var seq = current;
          moreRows(result, seq, null).catch(function () { failed(seq); });
        });
      }).catch(function () {
        failed(null);
        if (index) return;  // listening already: the failure came later
        input.addEventListener('input', function again() {
          input.removeEventListener('input', again);
          q = input.value;
          start();
        });
      });
    }
    start();
  }

  if (typeof module !== 'undefined' && module.exports) {
    module.exports = { tokenize: tokenize, termHash: termHash, titleTerm: titleTerm, Index: Index, search: search,
                       page: page, pageRows: pageRows, matchRanges: matchRanges, warmUp: warmUp,
                       statusText: statusText, apartOnly: apartOnly, htmlSections: htmlSections };
  } else if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
