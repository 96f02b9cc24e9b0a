/* fazhi site search: no dependencies, no other hosts, works offline.
 *
 * The index is split (docs/search.md): search/manifest.json says how many
 * pages and term buckets there are; a query fetches only the buckets of its
 * tokens (search/t/<b>.bin) and then the metadata groups of the results it
 * shows (search/p/<g>.json), so the bytes a query loads do not grow with the
 * site.
 *
 * The tokenizer is a line-by-line port of generator/search/tokenize.cpp and
 * termHash of SearchTermHash in generator/search/index.cpp;
 * generator/search/tokenize_test.cpp runs both under node against the C++.
 * Without JavaScript the /search/ page explains that search needs it and
 * links to the 网站地图. */
(function () {
  'use strict';

  var PAGE = 10;            // results shown at once
  var REPORT_BOOST = 1.5;   // the first kind (年度报告) ranks above pages that merely mention a term
  // Sites of at least this many pages warm the client up before the first
  // query (warmUp): below, a token lists few pages and the first query is
  // quick without it (docs/search.md).
  var WARM_FROM = 1000;
  // A unit page (单位) repeats the 整改 items and indicators of its profiles:
  // where both match as well, the page that states them comes first.
  var KIND_WEIGHT = { '单位': 0.8 };

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
  function codePoints(s) {
    var out = [];
    for (var ch of s) out.push(fold(ch.codePointAt(0)));
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

  var utf8 = new TextEncoder(), utf8Decoder = new TextDecoder();
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
    this.groups = {};
    this.kindEnds = [];
    this.kindFactors = [];  // a score's factor by kind
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

  /* The bytes of bucket b (a Promise of a Uint8Array). */
  Index.prototype.bucket = function (b) {
    if (!this.buckets[b]) {
      this.buckets[b] = this.load('t/' + b + '.bin').then(function (buf) { return new Uint8Array(buf); });
    }
    return this.buckets[b];
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
    return this.bucket(termHash(term) & (this.m.buckets - 1)).then(function (bucket) {
      var at = findTerm(bucket, utf8.encode(term));
      if (at < 0) return null;
      var r = new Reader(bucket, at);
      var df = r.varint(), mode = r.byte(), n = r.varint(), bound = mode ? r.byte() : 0;
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

  /* Metadata of a page: {url, title, date, sections: [[id, heading, text, leads]]}. */
  Index.prototype.meta = function (doc) {
    var g = Math.floor(doc / this.m.group);
    if (!this.groups[g]) {
      this.groups[g] = this.load('p/' + g + '.json').then(function (buf) {
        return JSON.parse(utf8Decoder.decode(buf));
      });
    }
    return this.groups[g].then(function (list) {
      var m = list[doc - g * this.m.group];
      return { url: m[0], title: m[1], date: m[2], sections: m[3] };
    }.bind(this));
  };

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
    for (var j2 = 0; j2 < words; ++j2) {
      var v = w[j2];
      if (!v) continue;
      v = v - ((v >>> 1) & 0x55555555);
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      count += (Math.imul((v + (v >>> 4)) & 0x0F0F0F0F, 0x01010101) >>> 24);
    }
    return { count: count, docs: null, bits: bits };
  }

  /* A page's place: a page whose every token is in its title or a heading
   * first, then BM25 (idf × the stored saturated weight; a page not listed
   * for a term has that term's bound), the first kind (年度报告) boosted,
   * unit pages lowered; then the lower page number. */
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
  function Ranking(index, entries, inter) {
    this.count = inter.count;
    this.ranked = [];
    if (!inter.count) return;
    this.score = scorer(index, entries);
    var slot = new Int32Array(index.m.docs);  // page → 1 + its number among the listed, or 0
    var docs, n = 0;
    if (inter.docs) {
      docs = inter.docs;  // every page is listed by some entry
      n = docs.length;
      for (var c = 0; c < n; ++c) slot[docs[c]] = c + 1;
    } else {
      docs = new Int32Array(entries.reduce(function (sum, e) { return sum + e.docs.length; }, 0));
      entries.forEach(function (e) {
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
    this.docs = docs;
    this.scores = score;
    this.headings = heading;
    // A heap of the listed pages, best on top.
    var heap = this.heap = new Int32Array(n);
    for (var h = 0; h < n; ++h) heap[h] = h;
    this.size = n;
    for (var h2 = (n >> 1) - 1; h2 >= 0; --h2) this.sift(h2);
  }
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

  /* Runs a query: {query, phrase (what the results contain), partial (true
   * when that is only part of the query), synonym (true when it is a word
   * the site gives for the query), tokens, count (of the pages found),
   * ranking (a Ranking of them, or null when none)}. */
  function search(index, query) {
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

  function searchWords(index, query) {
    var toks = tokenizeAt(query), seen = {}, uniq = [];
    toks.forEach(function (x) { if (!seen[x.t]) { seen[x.t] = 1; uniq.push(x); } });
    var base = { query: query, phrase: query.trim(), partial: false, synonym: false,
                 tokens: uniq.map(function (x) { return x.t; }), count: 0, ranking: null };
    if (!uniq.length) return Promise.resolve(base);
    return Promise.all(uniq.map(function (x) { return index.entry(x.t); })).then(function (entries) {
      var cps = Array.from(query);
      // The whole query, else the longest run of consecutive tokens that
      // some page holds (more pages, then earlier, on a tie).
      var best = null;
      for (var len = uniq.length; len >= 1 && !best; --len) {
        for (var i = 0; i + len <= uniq.length; ++i) {
          var es = entries.slice(i, i + len);
          if (es.some(function (e) { return !e; })) continue;
          var inter = intersect(index, es);
          if (!inter.count) continue;
          if (!best || inter.count > best.inter.count) best = { i: i, len: len, entries: es, inter: inter };
        }
      }
      if (!best) return base;
      var whole = best.len === uniq.length;
      return {
        query: query,
        phrase: whole ? query.trim() : cps.slice(uniq[best.i].a, uniq[best.i + best.len - 1].b).join(''),
        partial: !whole,
        synonym: false,
        tokens: uniq.slice(best.i, best.i + best.len).map(function (x) { return x.t; }),
        count: best.inter.count,
        ranking: new Ranking(index, best.entries, best.inter)
      };
    });
  }

  /* [start, end) code point ranges of `text` covered by the phrase or a token. */
  function matchRanges(text, phrase, tokens) {
    var f = codePoints(text), ranges = [];
    [foldString(phrase)].concat(tokens).forEach(function (tok) {
      var t = codePoints(tok), L = t.length;
      if (!L) return;
      for (var i = 0; i + L <= f.length; ++i) {
        var ok = true;
        for (var k = 0; k < L && ok; ++k) ok = f[i + k] === t[k];
        if (ok) ranges.push([i, i + L]);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push(r.slice());
    });
    return merged;
  }

  /* How a page holds the phrase: 2 in its title, a heading or a lead-in, 1 in
   * its text, 0 only as scattered tokens. */
  function phraseTier(meta, phrase) {
    var p = foldString(phrase);
    if (!p) return 0;
    if (foldString(meta.title).indexOf(p) >= 0) return 2;
    var body = 0;
    for (var i = 0; i < meta.sections.length; ++i) {
      var s = meta.sections[i];
      if (foldString(s[1]).indexOf(p) >= 0 || foldString(s[3] || '').indexOf(p) >= 0) return 2;
      if (foldString(s[2]).indexOf(p) >= 0) body = 1;
    }
    return body;
  }

  /* The sentence of the page that best matches: the phrase, then the most
   * tokens, then the earliest. A bold lead-in ("行政复议与应诉。") comes with
   * the sentence after it and counts as a heading; a sentence that repeats
   * the title (a table caption) counts less than one that says more. With
   * its section. */
  function bestSentence(meta, phrase, tokens) {
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
        tokens.forEach(function (t) { if (f.indexOf(t) >= 0) score += 10; });
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
   * date, section (heading of the section linked, or ''), snippet}. */
  function describe(index, hit, meta, phrase, tokens) {
    var best = bestSentence(meta, phrase, tokens);
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
      kind: index.kindLabel(hit.doc), date: meta.date, section: s && s[0] ? s[1] : '', snippet: snippet
    };
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
    var cps = codePoints(result.phrase.trim()), han = cps.length >= 2 && cps.every(isHan);
    function best(i) { return han && !slice[i].heading ? 1 : 2; }
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
        emit(pending.map(function (r) { return describe(index, r.hit, r.meta, result.phrase, result.tokens); }));
        pending = [];
      }
    }
    return Promise.all(slice.map(function (h, i) {
      return index.meta(h.doc).then(function (meta) {
        rows[i] = { hit: h, meta: meta, tier: phraseTier(meta, result.phrase), pos: i };
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
    var kindsHere = kinds.map(function (k, i) { return [k[0], i === kinds.length - 1 ? DOCS : 0]; });
    var index = new Index({ docs: DOCS, kinds: kindsHere, buckets: 1, group: 1 }, function (path) {
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
        d.textContent = '发布日期：' + (ymd.length === 3 ? ymd[0] + '年' + (+ymd[1]) + '月' + (+ymd[2]) + '日' : r.date);
        li.appendChild(d);
      }
      out.appendChild(li);
    });
  }

  function init() {
    var form = document.getElementById('search-form');
    if (!form) return;
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

    /* The index could not be loaded for query `seq` (null: the manifest). */
    function failed(seq) {
      if (seq !== null && seq !== current) return;
      out.removeAttribute('aria-busy');
      status.textContent = '搜索索引载入失败，请通过网站地图查找内容。';
    }

    /* Shows the status of `r` and clears the rows of the query before. */
    function begin(r, query) {
      out.textContent = '';
      var n = r.count;
      if (!n) {
        status.textContent = '没有找到与“' + query + '”相关的内容。可以换一个词，或查看网站地图。';
      } else if (r.synonym) {
        status.textContent = '未找到“' + query.trim() + '”，以下结果包含相关词“' + r.phrase + '”（共 ' + n + ' 条）。';
      } else if (r.partial) {
        status.textContent = '未找到“' + query.trim() + '”，以下结果包含“' + r.phrase + '”（共 ' + n + ' 条）。';
      } else {
        status.textContent = '“' + query.trim() + '”共找到 ' + n + ' 条结果。';
      }
    }

    /* Appends the next rows of `r` as they come (pageRows); the list is
     * aria-busy until all are in. `first` runs before the first rows. */
    function moreRows(r, seq, first) {
      out.setAttribute('aria-busy', 'true');
      more.hidden = true;
      return pageRows(index, r, shown, PAGE, function (rows) {
        if (seq !== current) return;
        if (first) { first(); first = null; }
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

    status.textContent = '正在载入搜索索引…';
    fetch(folder + 'manifest.json', { cache: 'no-cache' }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (manifest) {
      index = new Index(manifest, function (path) {
        return fetch(folder + path + '?v=' + manifest.id).then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.arrayBuffer();
        });
      });
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
    }).catch(function () { failed(null); });
  }

  if (typeof module !== 'undefined' && module.exports) {
    module.exports = { tokenize: tokenize, termHash: termHash, Index: Index, search: search, page: page,
                       pageRows: pageRows, matchRanges: matchRanges, warmUp: warmUp };
  } else if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
