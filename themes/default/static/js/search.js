/* fazhi site search: no dependencies, no other hosts, works offline.
 * The tokenizer below is a line-by-line port of generator/search_tokenize.cpp;
 * generator/search_tokenize_test.cpp runs both on the same strings under node.
 * Without JavaScript the /search/ page explains that search needs it and links
 * to the 网站地图. */
(function () {
  'use strict';

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

  function foldString(s) {
    var cps = codePoints(s);
    var out = '';
    for (var i = 0; i < cps.length; ++i) out += String.fromCodePoint(cps[i]);
    return out;
  }

  /* Tokens of `text` in order, with repeats. */
  function tokenize(text) {
    var cps = codePoints(text), n = cps.length, out = [], i = 0;
    while (i < n) {
      var c = cps[i], j;
      if (isHan(c)) {
        j = i;
        while (j < n && isHan(cps[j])) ++j;
        if (j - i === 1) {
          out.push(String.fromCodePoint(c));
        } else {
          for (var k = i; k + 1 < j; ++k) out.push(String.fromCodePoint(cps[k], cps[k + 1]));
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
        out.push(t);
        i = j;
      } else {
        ++i;
      }
    }
    return out;
  }

  /* Ranking: BM25 over the weights stored in the index (title terms already
   * boosted at build time); documents matching every query token come first,
   * then those whose title holds the whole query. */
  function search(index, query, limit) {
    var qtokens = [], seen = {};
    tokenize(query).forEach(function (t) { if (!seen[t]) { seen[t] = 1; qtokens.push(t); } });
    if (!qtokens.length) return [];
    var docs = index.docs, N = docs.length, avg = index.avglen || 1, scores = {}, hits = {};
    qtokens.forEach(function (tok, qi) {
      var terms = [tok];
      // A lone Chinese character is kept as a unigram only where it stands
      // alone; otherwise it lives inside bigrams, so look there too.
      if (tok.length <= 2 && Array.from(tok).length === 1 && isHan(tok.codePointAt(0))) {
        for (var key in index.terms) if (key !== tok && key.indexOf(tok) >= 0) terms.push(key);
      }
      var seenDoc = {};
      terms.forEach(function (term) {
        var post = index.terms[term];
        if (!post) return;
        var df = post.length / 2, idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
        for (var p = 0; p < post.length; p += 2) {
          var d = post[p], w = post[p + 1], len = docs[d][4] || 1;
          var s = idf * (w * 2.2) / (w + 1.2 * (0.25 + 0.75 * len / avg));
          scores[d] = (scores[d] || 0) + s;
          if (!seenDoc[d]) { seenDoc[d] = 1; hits[d] = (hits[d] || 0) + 1; }
        }
      });
    });
    var fq = foldString(query.trim());
    var list = Object.keys(scores).map(function (k) {
      var d = +k, title = foldString(docs[d][1]), text = foldString(docs[d][3]);
      return { doc: d, all: hits[d] === qtokens.length ? 1 : 0,
               phrase: fq && title.indexOf(fq) >= 0 ? 1 : 0,
               inText: fq && text.indexOf(fq) >= 0 ? 1 : 0, score: scores[d] };
    });
    // Where some documents hold every query token, only those are shown (as
    // Pagefind does); otherwise the best partial matches are.
    if (list.some(function (r) { return r.all; })) list = list.filter(function (r) { return r.all; });
    // Whole query in the title, then the whole query in the text, then BM25.
    list.sort(function (a, b) {
      return (b.all - a.all) || (b.phrase - a.phrase) || (b.inText - a.inText) ||
        (b.score - a.score) || (a.doc - b.doc);
    });
    return list.slice(0, limit || 20).map(function (r) {
      var d = docs[r.doc];
      return { url: d[0], title: d[1], kind: d[2], text: d[3], score: r.score };
    });
  }

  /* [start, end) code point ranges of `text` covered by any query token. */
  function matchRanges(text, qtokens) {
    var f = codePoints(text), ranges = [];
    qtokens.forEach(function (tok) {
      var t = codePoints(tok), L = t.length;
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

  /* Appends `text` (code points from..to) to `el`, wrapping matches in <mark>. */
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

  function render(form, index, query) {
    var out = document.getElementById('search-results');
    var status = document.getElementById('search-status');
    var base = form.getAttribute('data-base') || '/';
    out.textContent = '';
    if (!query.trim()) { status.textContent = '请输入要查找的词语，例如“行政复议”。'; return; }
    var results = search(index, query, 20);
    var qtokens = tokenize(query);
    status.textContent = results.length ?
      '“' + query + '”共找到 ' + results.length + ' 条结果' + (results.length === 20 ? '（仅显示前 20 条）' : '') + '。' :
      '没有找到与“' + query + '”相关的内容。可以换一个词，或查看网站地图。';
    results.forEach(function (r) {
      var li = document.createElement('li');
      var h = document.createElement('h2');
      var a = document.createElement('a');
      a.href = base + r.url;
      appendMarked(a, r.title, matchRanges(r.title, qtokens), 0, Array.from(r.title).length);
      h.appendChild(a);
      var kind = document.createElement('span');
      kind.className = 'search-kind';
      kind.textContent = r.kind;
      h.appendChild(document.createTextNode(' '));
      h.appendChild(kind);
      li.appendChild(h);
      var chars = Array.from(r.text), ranges = matchRanges(r.text, qtokens);
      // Centre the snippet on the longest match (the whole phrase where it occurs).
      var best = ranges.reduce(function (m, r) { return !m || r[1] - r[0] > m[1] - m[0] ? r : m; }, null);
      var start = best ? Math.max(0, best[0] - 40) : 0;
      var end = Math.min(chars.length, start + 140);
      var p = document.createElement('p');
      if (start > 0) p.appendChild(document.createTextNode('…'));
      appendMarked(p, r.text, ranges, start, end);
      if (end < chars.length) p.appendChild(document.createTextNode('…'));
      li.appendChild(p);
      out.appendChild(li);
    });
  }

  function init() {
    var form = document.getElementById('search-form');
    if (!form) return;
    var input = form.querySelector('input[name="q"]');
    var status = document.getElementById('search-status');
    document.documentElement.classList.add('js-search');
    var q = new URLSearchParams(window.location.search).get('q') || '';
    input.value = q;
    status.textContent = '正在载入搜索索引…';
    fetch(form.getAttribute('data-index')).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (index) {
      render(form, index, q);
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var v = input.value;
        history.replaceState(null, '', '?q=' + encodeURIComponent(v));
        render(form, index, v);
      });
    }).catch(function () {
      status.textContent = '搜索索引载入失败，请通过网站地图查找内容。';
    });
  }

  if (typeof module !== 'undefined' && module.exports) {
    module.exports = { tokenize: tokenize, search: search, matchRanges: matchRanges };
  } else if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
