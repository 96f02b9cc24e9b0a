#include "search/index_files.h"

#include <algorithm>
#include <cstdio>

#include "core/bytes.h"
#include "core/utf8.h"
#include "search/index.h"

namespace fazhi {

namespace {

// Writes `v` as a varint (7 bits a byte, low first) at `p`; returns the end.
char* WriteVarint(char* p, uint64_t v) {
  while (v >= 0x80) {
    *p++ = static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  *p++ = static_cast<char>(v);
  return p;
}

void PutVarint(std::string* out, uint64_t v) {
  char buf[10];
  out->append(buf, static_cast<size_t>(WriteVarint(buf, v) - buf));
}

// The JSON escape of an ASCII byte that needs one (a quote, a backslash, a
// control character).
void AppendJsonEscape(std::string* out, unsigned char c) {
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
    default: {
      char buf[8];
      snprintf(buf, sizeof buf, "\\u%04x", c);
      *out += buf;
    }
  }
}

// A JSON string of text the extractor made: valid UTF-8 from valid HTML (and
// an invalid byte, from a template that has one, cannot end the string), so
// only quotes, backslashes and control characters need a look.
void AppendJsonText(std::string* out, std::string_view s) {
  *out += '"';
  size_t run = 0;
  const size_t n = s.size();
  for (size_t i = 0; i < n; ++i) {
    // Eight bytes at a time while none is below 0x20, a quote or a backslash.
    while (i + 8 <= n) {
      const uint64_t w = bytes::Load(s.data() + i);
      if ((bytes::Below(w, 0x20) | bytes::Equal(w, '"') | bytes::Equal(w, '\\')) != 0) break;
      i += 8;
    }
    while (i < n) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c < 0x20 || c == '"' || c == '\\') break;
      ++i;
    }
    if (i == n) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    out->append(s.substr(run, i - run));
    AppendJsonEscape(out, c);
    run = i + 1;
  }
  out->append(s.substr(run));
  *out += '"';
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view s) {
  *out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    // A valid three-byte sequence (most Chinese text) needs no look at its value.
    if (c >= 0xE1 && c <= 0xEC && i + 2 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    if (c >= 0x80) {
      char32_t cp;
      size_t n = DecodeUtf8(s, i, &cp);
      if (cp == 0xFFFD && n == 1) {
        out->append(s.substr(run, i - run));
        *out += "\xEF\xBF\xBD";
        run = i + 1;
      }
      i += n;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out->append(s.substr(run, i - run));
    AppendJsonEscape(out, c);
    ++i;
    run = i;
  }
  out->append(s.substr(run));
  *out += '"';
}

uint64_t HashBytes(std::string_view s, uint64_t h) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
  }
  for (; i < s.size(); ++i) h = (h ^ static_cast<unsigned char>(s[i])) * 1099511628211ull;
  return h ^ s.size();
}

void PageMeta(const std::string& url, const std::string& date, const SearchPage& page, std::string* meta) {
  std::string& out = *meta;
  out.clear();
  out += '[';
  AppendJsonText(&out, url);
  out += ',';
  AppendJsonText(&out, page.title);
  out += ',';
  AppendJsonText(&out, date);
  out += ",[";
  size_t budget = kSearchPageBytes, lead_budget = kSearchPageBytes;
  // The record (last) is kept whatever the text before it: a result found
  // by a document's number shows it.
  const size_t reserved =
      !page.sections.empty() && page.sections.back().record
          ? std::min(page.sections.back().text.size(), std::min(kSearchSectionBytes, kSearchPageBytes))
          : 0;
  budget -= reserved;
  bool first = true;
  for (const SearchSection& s : page.sections) {
    if (s.heading.empty() && s.text.empty()) continue;
    if (s.record) budget += reserved;
    if (!first) out += ',';
    first = false;
    out += '[';
    AppendJsonText(&out, s.id);
    out += ',';
    AppendJsonText(&out, s.heading);
    out += ',';
    std::string_view text = s.text;
    while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    // At most `limit` bytes, never cut inside a character.
    size_t end = std::min(text.size(), std::min(kSearchSectionBytes, budget));
    while (end < text.size() && end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    budget -= end;
    AppendJsonText(&out, text.substr(0, end));
    // The lead-ins too, whole ones, within limits of their own: a
    // table with a bold name in each of 6,600 rows made one indicator's
    // metadata 185 KB, loaded by every query that listed it.
    const std::string_view leads = s.leads;
    const size_t limit = std::min(kSearchSectionBytes, lead_budget);
    size_t keep = 0;  // the bytes of the whole lead-ins kept, with their '\n'
    for (size_t nl = leads.find('\n'); nl != std::string_view::npos && nl <= limit;
         nl = leads.find('\n', keep)) {
      keep = nl + 1;
    }
    lead_budget -= keep;
    if (keep > 0) {
      out += ',';
      AppendJsonText(&out, leads.substr(0, keep - 1));  // without the last '\n'
    }
    out += ']';
  }
  out += "]]";
}

std::string BucketBytes(const std::vector<uint32_t>& terms, const std::vector<std::string>& text,
                        const std::vector<std::span<const Packed>>& lists, size_t docs) {
  std::string out;
  PutVarint(&out, terms.size());
  std::string entry;
  std::vector<Packed> top;
  for (size_t i = 0; i < terms.size(); ++i) {
    const uint32_t t = terms[i];
    const std::span<const Packed> list = lists[i];
    entry.clear();
    PutVarint(&entry, list.size());
    const bool bitmap = list.size() > kTop && 5 * list.size() > 5 * kTop + docs / 4;
    std::span<const Packed> listed = list;
    if (bitmap) {
      // The kTop highest impacts (ties: lower page number first), by page:
      // the impact of the kTop-th from a histogram, then one pass in order.
      size_t count[256] = {};
      for (Packed p : list) ++count[ImpactOf(p)];
      int cut = 255;
      size_t above = 0;  // pages with an impact above `cut`
      while (above + count[cut] < kTop) above += count[cut--];
      size_t at_cut = kTop - above;  // of the pages at `cut`, the first ones
      top.clear();
      uint8_t bound = 0;
      for (Packed p : list) {
        uint8_t i = ImpactOf(p);
        if (i > cut || (i == cut && at_cut > 0)) {
          if (i == cut) --at_cut;
          top.push_back(p);
        } else {
          bound = std::max(bound, i);
        }
      }
      entry += '\x01';
      PutVarint(&entry, top.size());
      entry += static_cast<char>(bound);
      listed = top;
    } else {
      entry += '\x00';
      PutVarint(&entry, list.size());
    }
    // Written in place, not appended byte by byte: a number takes at most
    // four bytes (page numbers have 24 bits), its impact one.
    const size_t at = entry.size();
    entry.resize(at + 5 * listed.size());
    char* w = entry.data() + at;
    uint32_t prev = 0;
    for (Packed p : listed) {
      w = WriteVarint(w, Number(p) - prev);
      *w++ = static_cast<char>(ImpactOf(p));
      prev = Number(p);
    }
    entry.resize(static_cast<size_t>(w - entry.data()));
    if (bitmap) {
      std::string bits((docs + 7) / 8, '\0');
      for (Packed p : list)
        bits[Number(p) >> 3] = static_cast<char>(bits[Number(p) >> 3] | (1 << (Number(p) & 7)));
      entry += bits;
    }
    PutVarint(&out, text[t].size());
    out += text[t];
    PutVarint(&out, entry.size());
    out += entry;
  }
  return out;
}

std::string GroupBytes(const std::vector<std::string_view>& metas) {
  size_t size = 3;
  for (std::string_view m : metas) size += m.size() + 2;
  std::string out;
  out.reserve(size);
  out += '[';
  for (size_t i = 0; i < metas.size(); ++i) {
    if (i > 0) out += ",\n";
    out += metas[i];
  }
  out += "]\n";
  return out;
}

int SeriesWidth(const std::vector<int>& series) {
  return *std::max_element(series.begin(), series.end()) < 0xFFFF ? 2 : 4;
}

std::string SeriesChunk(const std::vector<int>& series, size_t c, int width) {
  std::string out;
  const size_t end = std::min(series.size(), (c + 1) * kSearchSeriesChunk);
  for (size_t d = c * kSearchSeriesChunk; d < end; ++d) {
    const uint32_t v = static_cast<uint32_t>(series[d] + 1);
    for (int b = 0; b < width; ++b) out += static_cast<char>((v >> (8 * b)) & 0xFF);
  }
  return out;
}

}  // namespace fazhi
