#include "search_index.h"

#include <map>
#include <nlohmann/json.hpp>

#include "search_tokenize.h"
#include "utf8.h"

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
  static const char* kBlocks[] = {"p",  "div", "li", "ul", "ol", "br", "tr", "td", "th", "table",
                                  "h1", "h2",  "h3", "h4", "h5", "h6", "section", "blockquote",
                                  "pre", "dt", "dd", "caption", "figcaption", "hr"};
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
  static const std::pair<const char*, const char*> kNamed[] = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
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
      if (c >= '0' && c <= '9') v = c - '0';
      else if (hex && c >= 'a' && c <= 'f') v = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') v = c - 'A' + 10;
      else return 0;
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
        if (n == 0) val += enc[k++];
        else k += n;
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

std::string BuildSearchIndex(const std::vector<SearchDoc>& docs, SearchIndexStats* stats) {
  using nlohmann::json;
  // term -> (doc -> weight); std::map keeps the output sorted and stable.
  std::map<std::string, std::map<size_t, int>> postings;
  json jdocs = json::array();
  size_t total_len = 0;
  for (size_t d = 0; d < docs.size(); ++d) {
    const SearchDoc& doc = docs[d];
    std::vector<std::string> title = SearchTokens(doc.title);
    std::vector<std::string> body = SearchTokens(doc.text);
    for (const auto& t : title) postings[t][d] += kTitleBoost;
    for (const auto& t : body) postings[t][d] += 1;
    size_t len = title.size() + body.size();
    total_len += len;
    jdocs.push_back(json::array({doc.url, doc.title, doc.kind, TruncateUtf8(doc.text, kSearchTextChars), len}));
  }
  json terms = json::object();
  size_t npost = 0;
  for (const auto& [term, by_doc] : postings) {
    json list = json::array();
    for (const auto& [d, w] : by_doc) {
      list.push_back(d);
      list.push_back(w);
    }
    npost += by_doc.size();
    terms[term] = std::move(list);
  }
  json index = {{"v", 1},
                {"avglen", docs.empty() ? 0 : (total_len + docs.size() / 2) / docs.size()},
                {"docs", std::move(jdocs)},
                {"terms", std::move(terms)}};
  std::string out = index.dump(-1, ' ', false, json::error_handler_t::replace);
  if (stats) {
    stats->docs = docs.size();
    stats->terms = postings.size();
    stats->postings = npost;
    stats->bytes = out.size();
  }
  return out;
}

}  // namespace fazhi
