#include "search/index.h"

#include <charconv>

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "core/utf8.h"
#include "search/tokenize.h"

namespace fazhi {

namespace {

bool StartsWithCi(std::string_view s, size_t pos, std::string_view word) {
  if (pos + word.size() > s.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = s[pos + i];
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    if (c != word[i]) return false;
  }
  return true;
}

// Lowercase tag name starting at `pos` (just after '<' or "</").
std::string TagName(std::string_view s, size_t pos) {
  std::string name;
  while (pos < s.size() && (isalnum(static_cast<unsigned char>(s[pos])))) {
    char c = s[pos++];
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    name += c;
  }
  return name;
}

bool IsBlockTag(const std::string& t) {
  static const char* kBlocks[] = {"p",       "div",        "li",  "ul", "ol", "br",      "tr",         "td",
                                  "th",      "table",      "h1",  "h2", "h3", "h4",      "h5",         "h6",
                                  "section", "blockquote", "pre", "dt", "dd", "caption", "figcaption", "hr"};
  for (const char* b : kBlocks) {
    if (t == b) return true;
  }
  return false;
}

// Decodes the entity at `pos` ('&'); returns the bytes consumed (0 if none).
size_t DecodeEntity(std::string_view s, size_t pos, std::string* out) {
  size_t semi = s.find(';', pos);
  if (semi == std::string_view::npos || semi - pos > 10) return 0;
  std::string_view name = s.substr(pos + 1, semi - pos - 1);
  static const std::pair<const char*, const char*> kNamed[] = {{"amp", "&"},   {"lt", "<"},   {"gt", ">"},
                                                               {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
  for (const auto& [n, v] : kNamed) {
    if (name == n) {
      *out += v;
      return semi - pos + 1;
    }
  }
  if (name.size() >= 2 && name[0] == '#') {
    char32_t cp = 0;
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    for (char c : digits) {
      int v;
      if (c >= '0' && c <= '9')
        v = c - '0';
      else if (hex && c >= 'a' && c <= 'f')
        v = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F')
        v = c - 'A' + 10;
      else
        return 0;
      cp = cp * (hex ? 16 : 10) + v;
      if (cp > 0x10FFFF) return 0;
    }
    AppendUtf8(*out, cp);
    return semi - pos + 1;
  }
  return 0;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string HtmlToText(std::string_view html) {
  std::string raw;
  raw.reserve(html.size());
  size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c == '<') {
      if (html.compare(i, 4, "<!--") == 0) {
        size_t end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      bool closing = i + 1 < html.size() && html[i + 1] == '/';
      std::string name = TagName(html, i + (closing ? 2 : 1));
      size_t gt = html.find('>', i);
      if (gt == std::string_view::npos) break;
      i = gt + 1;
      if (!closing && (name == "script" || name == "style" || name == "svg" || name == "nav")) {
        std::string close = "</" + name;
        size_t end = i;
        while (end < html.size() && !StartsWithCi(html, end, close)) ++end;
        size_t gt2 = html.find('>', end);
        i = gt2 == std::string_view::npos ? html.size() : gt2 + 1;
        raw += ' ';
        continue;
      }
      if (IsBlockTag(name)) raw += ' ';
      continue;
    }
    if (c == '&') {
      size_t n = DecodeEntity(html, i, &raw);
      if (n > 0) {
        i += n;
        continue;
      }
    }
    raw += c;
    ++i;
  }
  return CollapseSpace(raw);
}

std::vector<HtmlSection> SplitHtmlByHeadings(std::string_view html, int max_level) {
  std::vector<HtmlSection> out;
  out.push_back({});
  size_t body_start = 0;
  size_t i = 0;
  auto close_section = [&](size_t end) {
    out.back().text = HtmlToText(html.substr(body_start, end - body_start));
  };
  while ((i = html.find("<h", i)) != std::string_view::npos) {
    if (i + 3 >= html.size() || html[i + 2] < '2' || html[i + 2] > '0' + max_level ||
        (html[i + 3] != ' ' && html[i + 3] != '>')) {
      i += 2;
      continue;
    }
    char level = html[i + 2];
    size_t open_end = html.find('>', i);
    std::string close = std::string("</h") + level + ">";
    size_t close_pos = open_end == std::string_view::npos ? open_end : html.find(close, open_end);
    if (close_pos == std::string_view::npos) break;
    std::string_view open = html.substr(i, open_end - i);
    std::string_view inner = html.substr(open_end + 1, close_pos - open_end - 1);
    // The id sits on the heading (<h2 id="x">) or on an anchor inside it.
    std::string id;
    for (std::string_view where : {open, inner}) {
      size_t at = where.find(" id=\"");
      if (at == std::string_view::npos) continue;
      size_t q = where.find('"', at + 5);
      if (q == std::string_view::npos) continue;
      std::string val;
      std::string_view enc = where.substr(at + 5, q - at - 5);
      for (size_t k = 0; k < enc.size();) {
        size_t n = enc[k] == '&' ? DecodeEntity(enc, k, &val) : 0;
        if (n == 0)
          val += enc[k++];
        else
          k += n;
      }
      id = val;
      break;
    }
    if (id.empty()) {
      i = close_pos;
      continue;
    }
    close_section(i);
    HtmlSection s;
    s.id = id;
    s.title = HtmlToText(inner);
    out.push_back(std::move(s));
    i = close_pos + close.size();
    body_start = i;
  }
  close_section(html.size());
  return out;
}

std::vector<uint32_t> TermDictionary::Intern(const std::vector<std::string_view>& terms) {
  std::vector<uint32_t> out;
  out.reserve(terms.size());
  std::lock_guard<std::mutex> lock(mu_);
  for (std::string_view t : terms) {
    auto [it, added] = ids_.try_emplace(std::string(t), static_cast<uint32_t>(terms_.size()));
    if (added) terms_.emplace_back(t);
    out.push_back(it->second);
  }
  return out;
}

IndexedDoc IndexDocument(const SearchDoc& doc, TermDictionary* dict) {
  IndexedDoc out;
  out.url = doc.url;
  out.title = doc.title;
  out.kind = doc.kind;
  out.text = TruncateUtf8(doc.text, kSearchTextChars);
  std::vector<std::string> title = SearchTokens(doc.title);
  std::vector<std::string> body = SearchTokens(doc.text);
  out.len = title.size() + body.size();
  std::unordered_map<std::string_view, uint32_t> w;
  for (const auto& t : title) w[t] += kTitleBoost;
  for (const auto& t : body) w[t] += 1;
  std::vector<std::string_view> terms;
  terms.reserve(w.size());
  for (const auto& [t, _] : w) terms.push_back(t);
  std::vector<uint32_t> ids = dict->Intern(terms);
  out.weights.reserve(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) out.weights.push_back({ids[i], w[terms[i]]});
  return out;
}

namespace {

// A JSON string literal; UTF-8 passes through, invalid bytes become U+FFFD.
void AppendJsonString(std::string* out, std::string_view s) {
  *out += '"';
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      char32_t cp;
      size_t n = DecodeUtf8(s, i, &cp);
      if (cp == 0xFFFD && n == 1) {
        *out += "\xEF\xBF\xBD";
      } else {
        out->append(s.substr(i, n));
      }
      i += n;
      continue;
    }
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          snprintf(buf, sizeof buf, "\\u%04x", c);
          *out += buf;
        } else {
          *out += static_cast<char>(c);
        }
    }
    ++i;
  }
  *out += '"';
}

}  // namespace

std::string SerializeSearchIndex(const std::vector<const IndexedDoc*>& docs, const TermDictionary& dict,
                                 SearchIndexStats* stats) {
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> postings(dict.size());
  size_t total_len = 0;
  for (size_t d = 0; d < docs.size(); ++d) {
    total_len += docs[d]->len;
    for (const auto& [term, w] : docs[d]->weights) postings[term].push_back({static_cast<uint32_t>(d), w});
  }
  std::vector<uint32_t> terms;
  terms.reserve(postings.size());
  for (uint32_t t = 0; t < postings.size(); ++t) {
    if (!postings[t].empty()) terms.push_back(t);
  }
  std::sort(terms.begin(), terms.end(), [&](uint32_t a, uint32_t b) { return dict.Term(a) < dict.Term(b); });

  std::string out = "{\"avglen\":";
  out += std::to_string(docs.empty() ? 0 : (total_len + docs.size() / 2) / docs.size());
  out += ",\"docs\":[";
  for (size_t d = 0; d < docs.size(); ++d) {
    if (d) out += ',';
    out += '[';
    AppendJsonString(&out, docs[d]->url);
    out += ',';
    AppendJsonString(&out, docs[d]->title);
    out += ',';
    AppendJsonString(&out, docs[d]->kind);
    out += ',';
    AppendJsonString(&out, docs[d]->text);
    out += ',' + std::to_string(docs[d]->len) + ']';
  }
  out += "],\"terms\":{";
  size_t npost = 0;
  for (size_t i = 0; i < terms.size(); ++i) {
    if (i) out += ',';
    AppendJsonString(&out, dict.Term(terms[i]));
    out += ":[";
    const auto& list = postings[terms[i]];  // doc ids ascending: docs were visited in order
    for (size_t k = 0; k < list.size(); ++k) {
      // Millions of numbers on a large site: formatted in place, not via to_string.
      char buf[16];
      if (k) out += ',';
      out.append(buf, std::to_chars(buf, buf + sizeof buf, list[k].first).ptr);
      out += ',';
      out.append(buf, std::to_chars(buf, buf + sizeof buf, list[k].second).ptr);
    }
    out += ']';
    npost += list.size();
  }
  out += "},\"v\":1}";
  if (stats) {
    stats->docs = docs.size();
    stats->terms = terms.size();
    stats->postings = npost;
    stats->bytes = out.size();
  }
  return out;
}

std::string BuildSearchIndex(const std::vector<SearchDoc>& docs, SearchIndexStats* stats) {
  TermDictionary dict;
  std::vector<IndexedDoc> indexed;
  indexed.reserve(docs.size());
  for (const auto& d : docs) indexed.push_back(IndexDocument(d, &dict));
  std::vector<const IndexedDoc*> ptrs;
  ptrs.reserve(indexed.size());
  for (const IndexedDoc& d : indexed) ptrs.push_back(&d);
  return SerializeSearchIndex(ptrs, dict, stats);
}

}  // namespace fazhi
