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

// The bytes of `text` kept to at most `limit`: up to the end of its last
// sentence within them (。！？；!?; or a line's end) when that keeps at least
// half of them, so that a snippet does not stop mid-word; else up to its
// last whole character.
size_t KeptBytes(std::string_view text, size_t limit) {
  if (text.size() <= limit) return text.size();
  size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  for (size_t i = end; i > limit / 2; --i) {
    const std::string_view before = text.substr(0, i);
    if (before.back() == '\n' || before.back() == '!' || before.back() == '?' || before.back() == ';')
      return i;
    for (std::string_view stop : {"。", "！", "？", "；"}) {
      if (before.ends_with(stop)) return i;
    }
  }
  return end;
}

std::string Base64(std::string_view bytes) {
  static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    const size_t n = std::min<size_t>(3, bytes.size() - i);
    uint32_t v = 0;
    for (size_t j = 0; j < 3; ++j) v = v << 8 | (j < n ? static_cast<unsigned char>(bytes[i + j]) : 0u);
    for (size_t j = 0; j < 4; ++j) out += j <= n ? kDigits[(v >> (18 - 6 * j)) & 0x3F] : '=';
  }
  return out;
}

std::vector<uint32_t> GroupStarts(const std::vector<bool>& alone, uint32_t per) {
  std::vector<uint32_t> starts;
  uint32_t run = 0;  // pages of the current group, when it is a run's
  for (uint32_t i = 0; i < alone.size(); ++i) {
    if (alone[i] || run == 0 || run == per) {
      starts.push_back(i);
      run = 0;
    }
    run = alone[i] ? 0 : run + 1;
  }
  return starts;
}

std::vector<size_t> MetaShares(const std::vector<size_t>& sizes, size_t budget, size_t cap) {
  std::vector<size_t> order(sizes.size()), out(sizes.size(), 0);
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return sizes[a] < sizes[b]; });
  for (size_t k = 0; k < order.size(); ++k) {
    const size_t i = order[k];
    out[i] = std::min({sizes[i], cap, budget / (order.size() - k)});
    budget -= out[i];
  }
  return out;
}

void PageMeta(const std::string& url, const std::string& date, const SearchPage& page, std::string* meta) {
  // The sections shown (not both empty), each text without its last line
  // ends, and each one's lead-ins.
  std::vector<const SearchSection*> shown;
  std::vector<std::string_view> texts;
  std::vector<size_t> text_sizes, lead_sizes;
  size_t record_bytes = 0;
  for (const SearchSection& s : page.sections) {
    if (s.heading.empty() && s.text.empty()) continue;
    std::string_view text = s.text;
    while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    shown.push_back(&s);
    texts.push_back(text);
    // The record (索引号, 文号) is kept whatever the text before it, outside
    // the page's share: a result found by a document's number shows it.
    if (s.record) record_bytes = KeptBytes(text, kSearchSectionBytes);
    text_sizes.push_back(s.record ? 0 : text.size());
    lead_sizes.push_back(s.leads.size());
  }
  // Each section its share of the page's budget, so that a long report's
  // later parts (its 存在的不足, its 下一年度安排) are kept as well as its
  // first: filled section by section, the first 7 of a 30-section report
  // took all 24,000 bytes and the other 23 kept nothing.
  const std::vector<size_t> text_shares = MetaShares(text_sizes, kSearchPageBytes, kSearchSectionBytes);
  // The lead-ins too, whole ones, within shares of a quarter as many bytes
  // (the text holds them as well; kept apart, they mark where a section's
  // parts begin): a table with a bold name in each of 6,600 rows made one
  // indicator's metadata 185 KB, loaded by every query that listed it.
  const std::vector<size_t> lead_shares = MetaShares(lead_sizes, kSearchPageBytes / 4, kSearchSectionBytes);

  std::string& out = *meta;
  out.clear();
  out += '[';
  AppendJsonText(&out, url);
  out += ',';
  AppendJsonText(&out, page.title);
  out += ',';
  AppendJsonText(&out, date);
  out += ",[";
  bool cut = false;
  for (size_t i = 0; i < shown.size(); ++i) {
    const SearchSection& s = *shown[i];
    if (i > 0) out += ',';
    out += '[';
    AppendJsonText(&out, s.id);
    out += ',';
    AppendJsonText(&out, s.heading);
    out += ',';
    const size_t keep = s.record ? record_bytes : KeptBytes(texts[i], text_shares[i]);
    cut = cut || keep < texts[i].size();
    AppendJsonText(&out, texts[i].substr(0, keep));
    const std::string_view leads = s.leads;
    size_t lead_keep = 0;  // the bytes of the whole lead-ins kept, with their '\n'
    for (size_t nl = leads.find('\n'); nl != std::string_view::npos && nl < lead_shares[i];
         nl = leads.find('\n', lead_keep)) {
      lead_keep = nl + 1;
    }
    cut = cut || lead_keep < leads.size();
    if (lead_keep > 0) {
      out += ',';
      AppendJsonText(&out, leads.substr(0, lead_keep - 1));  // without the last '\n'
    }
    out += ']';
  }
  out += ']';
  // A page whose text was cut says so, with the bytes of its HTML: what a
  // reader's browser would load to show a match past the cut (search.js).
  if (cut) out += ',' + std::to_string(std::max<size_t>(page.html_bytes, 1));
  out += ']';
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
