// The bytes of the search index's files (docs/search.md has the format): a
// page's metadata, a bucket of terms with their pages, a group of pages'
// metadata, a chunk of report series numbers; and the numbers their sizes
// follow. SearchIndex (index_impl.h) decides what goes into each file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "search/page.h"

namespace fazhi {

// A term on more pages than this keeps its kTop best pages as a list and all
// its pages as a bitmap (when that is smaller than the whole list).
constexpr size_t kTop = 1000;
// Bucket count: a power of two giving buckets of about this many bytes. A
// query fetches one bucket per token: with 16 KB, a bucket on 50,000 pages
// of gen_site held two or three terms on most pages (a bitmap and a list of
// kTop, about 9 KB each), and an eight-character query loaded 309,305 bytes,
// over the 300 KB target; with 8 KB, 227,557 (docs/search.md, session 34),
// but a twelve-character one 310,673 and five words 350,441; with 4 KB,
// 182,397, 224,382 and 273,611 (session 35), at no cost a build shows.
constexpr size_t kBucketBytes = size_t{4} * 1024;
// search/sizes.bin counts a bucket's bytes in steps of this many, rounded
// up: a long query's twenty buckets are overstated by less than 5 KB of its
// 160 KB budget, and 255 steps (65,280 bytes) are past any bucket that
// budget could take twenty of.
constexpr size_t kSizeUnit = 256;
// Pages per metadata group: about this many bytes per group.
constexpr size_t kGroupBytes = size_t{8} * 1024;
constexpr size_t kMaxGroupPages = 16;

// A page in a term's list, or a term of a page: the number (page or term)
// in the high 24 bits, the impact byte in the low 8.
using Packed = uint32_t;
inline uint32_t Number(Packed p) { return p >> 8; }
inline uint8_t ImpactOf(Packed p) { return static_cast<uint8_t>(p & 0xFF); }
inline Packed Pack(uint32_t number, uint8_t impact) { return (number << 8) | impact; }
constexpr uint32_t kMaxNumber = (1u << 24) - 1;

// The first eight bytes of `s` as a big-endian number, zero-padded: a
// term's text in one integer, so that sorting terms by text compares
// integers (a bigram is six bytes) and looks no string up.
inline uint64_t TextPrefix(std::string_view s) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8; ++i) v = (v << 8) | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0u);
  return v;
}

// A 64-bit hash of a file's bytes (eight at a time), for the build id.
uint64_t HashBytes(std::string_view s, uint64_t h = 1469598103934665603ull);

// Estimated bytes of a term's bucket entry, for the bucket count.
inline size_t EntryEstimate(size_t df, size_t docs) {
  if (df == 0) return 0;
  if (df > kTop && 5 * df > 5 * kTop + docs / 4) return 12 + 3 * kTop + (docs + 7) / 8;
  return 12 + 3 * df;
}

inline size_t PowerOfTwoAtLeast(size_t n) {
  size_t p = 1;
  while (p < n) p *= 2;
  return p;
}

// The metadata groups of a kind's pages, in page order, as the index of
// first page of each: a page whose metadata is expected to take half a
// group or more (`alone`, kSearchAloneBytes) in a group of its own, each run
// of the others in groups of `per` from the run's start. So a query, whose
// results are mostly the pages with the most text, loads a long page's
// metadata without that of the pages beside it; and an edit that makes a page
// long or short moves the groups of its run only.
std::vector<uint32_t> GroupStarts(const std::vector<bool>& alone, uint32_t per);

// `bytes` in base64 (RFC 4648, with padding), as a browser's atob() reads it.
std::string Base64(std::string_view bytes);

// Bytes of each of `sizes` kept within `budget`, none more than `cap`: the
// budget shared equally, a share that one does not need going to the
// others (the smallest served first).
std::vector<size_t> MetaShares(const std::vector<size_t>& sizes, size_t budget, size_t cap);

// The metadata of one page: ["url","title","date",[["id","heading","text"(,"leads")],…](,html_bytes)],
// the sections' texts and lead-ins within kSearchPageBytes each (MetaShares,
// at most kSearchSectionBytes a section; the record kept apart), html_bytes
// (the page's HTML) present when anything was cut.
void PageMeta(const std::string& url, const std::string& date, const SearchPage& page, std::string* meta);

// A bucket file: `terms` (their texts `text[t]`) sorted by text, `lists[i]`
// the pages of terms[i] by page, of `docs` pages in all.
std::string BucketBytes(const std::vector<uint32_t>& terms, const std::vector<std::string>& text,
                        const std::vector<std::span<const Packed>>& lists, size_t docs);

// A group file: its pages' metadata (or null) in order.
std::string GroupBytes(const std::vector<std::string_view>& metas);

// Bytes a report's series number + 1 takes in search/s/*.bin.
int SeriesWidth(const std::vector<int>& series);

// Chunk `c` of the series numbers: each report's number + 1 (0: none), as
// little-endian integers of `width` bytes.
std::string SeriesChunk(const std::vector<int>& series, size_t c, int width);

}  // namespace fazhi
