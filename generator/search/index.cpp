#include "search/index.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <thread>
#include <unordered_map>

#include "core/brief_mutex.h"
#include "core/bytes.h"
#include "core/parallel.h"
#include "core/utf8.h"
#include "search/client.h"
#include "search/tokenize.h"

namespace fazhi {

void AppendJsonText(std::string* out, std::string_view s);

namespace {

// Field weights of BM25F: a term in the page title counts kTitleWeight times,
// in a section heading or a paragraph's bold lead-in kHeadingWeight times.
constexpr float kTitleWeight = 5.0f;
constexpr float kHeadingWeight = 3.0f;
// BM25 saturation and length normalisation. The reference length is fixed
// (tokens of a section) instead of the site's average, so that one page's
// edit leaves every other page's weights alone.
constexpr float kK1 = 1.2f;
constexpr float kB = 0.75f;
constexpr float kRefLength = 1000.0f;
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

// Impact byte: bits 7-6 the best field (2 title, 1 heading or lead-in, 0
// body), bits 5-0 the saturated weight, 1…63.
uint8_t Impact(float x, int field) {
  float sat = x * (kK1 + 1.0f) / (x + kK1);
  // Half up, as the bytes of every index so far were made (x is never negative).
  int q = static_cast<int>(std::floor(63.0f * sat / (kK1 + 1.0f) + 0.5f));
  q = std::clamp(q, 1, 63);
  return static_cast<uint8_t>((field << 6) | q);
}

// Term values by token key, shared by the threads that Put: looked up
// without a lock (almost every token), inserted under the index's lock. A
// full table is copied into one twice its size; a reader still on the old
// one misses the keys inserted since and asks again under the lock. Old
// tables stay until the map goes (together less than the last). One table
// for all threads, not a table per thread in front of a locked one: on text
// with a real site's words (175,000 terms at 10,000 pages) each render thread
// filled a copy of its own and took the lock once for every term, and a
// build took 8 % more CPU (docs/performance.md, run 32).
class SharedKeyMap {
  struct Table {
    size_t mask;
    int shift;
    std::unique_ptr<std::atomic<uint64_t>[]> keys;
    std::unique_ptr<std::atomic<uint32_t>[]> vals;
    size_t Slot(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift); }
  };

 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  SharedKeyMap() { Grow(size_t{1} << 12); }
  /// The map as it is now, for many look-ups: one that misses may have
  /// missed a key inserted since (look again under the lock).
  class View {
   public:
    /// The value of `key` (not 0), or kNone.
    uint32_t Find(uint64_t key) const {
      for (size_t i = t_->Slot(key);; i = (i + 1) & t_->mask) {
        const uint64_t k = t_->keys[i].load(std::memory_order_acquire);
        if (k == key) return t_->vals[i].load(std::memory_order_relaxed);
        if (k == 0) return kNone;
      }
    }

   private:
    friend class SharedKeyMap;
    explicit View(const Table* t) : t_(t) {}
    const Table* t_;
  };
  View Now() const { return View(table_.load(std::memory_order_acquire)); }
  uint32_t Find(uint64_t key) const { return Now().Find(key); }
  /// Under the writers' lock; `key` (not 0) is not in the map, `val` is not kNone.
  void Insert(uint64_t key, uint32_t val) {
    if ((size_ + 1) * 4 > (current_->mask + 1) * 3) Grow(2 * (current_->mask + 1));
    Place(current_, key, val);
    ++size_;
  }

 private:
  static void Place(Table* t, uint64_t key, uint32_t val) {
    size_t i = t->Slot(key);
    while (t->keys[i].load(std::memory_order_relaxed) != 0) i = (i + 1) & t->mask;
    t->vals[i].store(val, std::memory_order_relaxed);
    t->keys[i].store(key, std::memory_order_release);  // after its value
  }
  void Grow(size_t cap) {
    auto t = std::make_unique<Table>();
    t->mask = cap - 1;
    t->shift = 64 - std::countr_zero(cap);
    t->keys = std::make_unique<std::atomic<uint64_t>[]>(cap);
    t->vals = std::make_unique<std::atomic<uint32_t>[]>(cap);
    if (current_ != nullptr) {
      for (size_t i = 0; i <= current_->mask; ++i) {
        const uint64_t k = current_->keys[i].load(std::memory_order_relaxed);
        if (k != 0) Place(t.get(), k, current_->vals[i].load(std::memory_order_relaxed));
      }
    }
    current_ = t.get();
    tables_.push_back(std::move(t));
    table_.store(current_, std::memory_order_release);
  }
  std::atomic<const Table*> table_{nullptr};
  Table* current_ = nullptr;  // the writers' view of table_
  std::vector<std::unique_ptr<Table>> tables_;
  size_t size_ = 0;
};

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

// The first eight bytes of `s` as a big-endian number, zero-padded: a
// term's text in one integer, so that sorting terms by text compares
// integers (a bigram is six bytes) and looks no string up.
uint64_t TextPrefix(std::string_view s) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8; ++i) v = (v << 8) | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0u);
  return v;
}

// A 64-bit hash of a file's bytes (eight at a time), for the build id.
uint64_t HashBytes(std::string_view s, uint64_t h = 1469598103934665603ull) {
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

// A page in a term's list, or a term of a page: the number (page or term)
// in the high 24 bits, the impact byte in the low 8.
using Packed = uint32_t;
inline uint32_t Number(Packed p) { return p >> 8; }
inline uint8_t ImpactOf(Packed p) { return static_cast<uint8_t>(p & 0xFF); }
inline Packed Pack(uint32_t number, uint8_t impact) { return (number << 8) | impact; }
constexpr uint32_t kMaxNumber = (1u << 24) - 1;

// Terms fall into kTermGroups groups by their hash (as buckets do, with
// fewer bits): a page keeps its terms ordered by group, so that `fazhi
// build`'s one Write gathers the pages of one group's terms from a slice of
// every page, a group per job on all threads, instead of building every
// term's list at once on one thread.
constexpr uint32_t kTermGroups = 16;

// A term as Put handles it: its id in the low 24 bits, its group above
// (so that a page's terms are put in group order without a look-up).
inline uint32_t TermIdOf(uint32_t term) { return term & kMaxNumber; }
inline uint32_t GroupOf(uint32_t term) { return term >> 24; }

// The indexed form of one page. Its terms and metadata are views: of a
// Worker's chunks in a build, of `own` in serve (where an edit replaces one
// page's entry, whose bytes must go with it).
struct PageEntry {
  int kind = 0;
  /// (term id, impact), by group as Put left them (serve: by term id once diffed).
  std::span<Packed> terms;
  /// The terms of group g are terms[cut[g]] to terms[cut[g + 1]] (as Put left them).
  std::array<uint32_t, kTermGroups + 1> cut{};
  std::string_view meta;  ///< its element of a group file (JSON); empty when `streamed`
  std::unique_ptr<char[]> own;
  bool streamed = false;  ///< its metadata went to its known page's slot (Expect)
};

// The bytes of the entries a build holds until its one Write, in blocks that
// one thread fills and that are freed together. Allocated one by one (two
// allocations a page), their 55 MiB at 10,000 pages sat among the render's
// short-lived allocations of the same sizes, which then spread over colder
// memory: holding them cost a gen_mixed build 4.4 % of its samples, and
// blocks took a third of that off (docs/performance.md, run 23).
class Chunks {
 public:
  /// `n` bytes, aligned for Packed, valid until this is destroyed.
  char* Allocate(size_t n) {
    n = (n + alignof(Packed) - 1) & ~(alignof(Packed) - 1);
    if (blocks_.empty() || cap_ - used_ < n) {  // (a page without terms or metadata asks for none)
      cap_ = std::max(n, kBlockBytes);
      blocks_.push_back(std::make_unique_for_overwrite<char[]>(cap_));
      used_ = 0;
    }
    char* p = blocks_.back().get() + used_;
    used_ += n;
    return p;
  }

 private:
  static constexpr size_t kBlockBytes = size_t{1} << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t used_ = 0, cap_ = 0;
};

// Estimated bytes of a term's bucket entry, for the bucket count.
size_t EntryEstimate(size_t df, size_t docs) {
  if (df == 0) return 0;
  if (df > kTop && 5 * df > 5 * kTop + docs / 4) return 12 + 3 * kTop + (docs + 7) / 8;
  return 12 + 3 * df;
}

size_t PowerOfTwoAtLeast(size_t n) {
  size_t p = 1;
  while (p < n) p *= 2;
  return p;
}

// The metadata of one page: ["url","title","date",[["id","heading","text"(,"leads")],…]],
// each section's text cut to kSearchSectionBytes, the page's to kSearchPageBytes.
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
  bool first = true;
  for (const SearchSection& s : page.sections) {
    if (s.heading.empty() && s.text.empty()) continue;
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

// SearchKindTerm of each kind.
std::vector<std::string> KindTerms(const std::vector<std::string>& kinds) {
  std::vector<std::string> out;
  for (const std::string& k : kinds) out.push_back(SearchKindTerm(k));
  return out;
}

}  // namespace

uint32_t SearchGroupPages(size_t bytes, size_t pages) {
  if (pages == 0) return 1;
  size_t avg = std::max<size_t>(1, bytes / pages);
  return static_cast<uint32_t>(std::clamp<size_t>((kGroupBytes + avg / 2) / avg, 1, kMaxGroupPages));
}

uint32_t SearchTermHash(std::string_view term) {
  uint32_t h = 2166136261u;
  for (unsigned char c : term) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
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
      case '\t':
        *out += "\\t";
        break;
      default: {
        char buf[8];
        snprintf(buf, sizeof buf, "\\u%04x", c);
        *out += buf;
      }
    }
    run = i + 1;
  }
  out->append(s.substr(run));
  *out += '"';
}

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
    ++i;
    run = i;
  }
  out->append(s.substr(run));
  *out += '"';
}

class SearchIndex::Impl {
 public:
  Impl(std::vector<std::string> kinds, SearchIndex::Options o)
      : kinds_(std::move(kinds)),
        kind_terms_(KindTerms(kinds_)),
        all_unigrams_(o.all_unigrams),
        updates_(o.updates),
        jobs_(o.jobs),
        synonyms_(std::move(o.synonyms)) {}

  void Put(const std::string& key, int kind, const std::string& url, const std::string& date,
           const SearchPage& page);
  void Remove(const std::string& key);
  void Expect(const std::vector<std::pair<std::string, int>>& pages, const std::vector<uint32_t>& group_pages,
              std::function<void(const std::string&, std::string)> put);
  size_t KindCount() const { return kinds_.size(); }
  void SetGroupPages(const std::vector<uint32_t>& group_pages) {
    std::lock_guard<BriefMutex> lock(mu_);
    fixed_groups_ = group_pages;
  }
  void SetSeries(std::map<std::string, std::string> series_of) {
    std::lock_guard<BriefMutex> lock(mu_);
    series_of_ = std::move(series_of);
  }
  bool Write(const std::function<void(const std::string&, std::string)>& put, SearchIndexStats* stats);

 private:
  // Per-thread state of Put: a cache of the terms of long words (so that
  // they take no lock) and scratch arrays indexed by term id.
  struct Worker {
    std::unordered_map<std::string, uint32_t> long_ids;  // word → term
    struct Slot {                                        // one term's counts on the page being indexed
      uint32_t sec_stamp = 0, page_stamp = 0;            // sec_no/page_no when last reset
      uint16_t body = 0, head = 0, title = 0;            // in the section; in the title
      uint8_t field = 0;                                 // best field so far: 2 title, 1 heading
      float best = 0;                                    // best section weight so far
    };
    std::vector<Slot> slots;  // by term id
    // Terms met in the current section and page: arrays as long as `slots`
    // (a term enters each at most once), filled without a capacity check.
    std::vector<uint32_t> sec_terms, page_terms;
    size_t nsec = 0, npage = 0;
    uint32_t sec_no = 0, page_no = 0;
    // Scratch of Ids: the tokens' keys and terms, the terms of long words,
    // the tokens whose key the term table lacked, and their terms' texts.
    std::vector<uint64_t> keys;
    std::vector<uint32_t> token_ids, word_ids, missing;
    std::vector<std::pair<std::string, uint32_t>> new_texts;
    // The page's entry as it is made, before it is copied to where it is kept.
    std::vector<Packed> entry_terms;
    std::string entry_meta;
    Chunks chunks;  // where the entries of this thread's pages are kept (without `updates_`)
  };
  Worker* WorkerForThisThread();
  // The terms of the keys ids_ did not have a moment ago: keys[missing[i]]
  // into ids[missing[i]], made if new, all under one taking of the lock.
  // Out of line, so that the loop that looks keys up stays tight. One lock
  // a text, not a term: a new site's first pages make most of its terms
  // (184,669 on the vocabulary corpus), and the lock's cache line going
  // back and forth between the threads for each cost 1.5 % of a build.
  __attribute__((noinline)) void InternKeys(Worker* w, const uint64_t* keys, const uint32_t* missing,
                                            size_t n, uint32_t* ids);
  // The term of a long word (a token without a key), through w->long_ids.
  uint32_t WordTerm(Worker* w, std::string_view word);
  // Makes w->slots (and the arrays as long) hold term id `id` (Ids does, for
  // the terms it hands out).
  static void AddSlot(Worker* w, uint32_t id);
  // The terms of the tokens of `text`, in order, into w->token_ids; returns
  // how many, and sets `length` to the text's length in tokens (the edge
  // unigrams left out: they repeat characters its bigrams hold). Two tight
  // loops (tokens to keys, keys to ids) rather than one with the counting
  // inside, which compiles to much slower code.
  size_t Ids(Worker* w, std::string_view text, size_t* length = nullptr);
  // The term of a text without a key (a long word, a title), made if new.
  uint32_t Intern(std::string_view text);
  // A new term's number (its group and id), under terms_mu_; the caller
  // then adds its text to text_.
  uint32_t NewTerm(uint32_t hash) {
    const uint32_t id = static_cast<uint32_t>(text_.size());
    hash_.push_back(hash);
    return (hash & (kTermGroups - 1)) << 24 | id;
  }

  // Numbers the documents in `order` and counts what the bucket and group
  // counts are made from; with `postings`, builds every term's list too
  // (serve: later Writes edit them), else only counts each term's pages
  // into df_ (build: WriteGroup gathers the lists a group at a time).
  // A document as Write numbers it: a hole (a known page that did not come)
  // has no entry.
  struct Doc {
    const std::string* key;
    PageEntry* entry;
    int kind;
  };
  void Rebuild(const std::vector<Doc>& order, bool postings);
  // Applies the Puts and Removes since the last Write to pages_ (and, with
  // `updates_`, notes their keys in changed_).
  void ApplyPending();
  std::vector<Doc> DocumentOrder();
  // Writes the buckets of term group `group` (with `groups` groups in use)
  // from the pages' slices of that group.
  void WriteGroup(uint32_t group, uint32_t groups, std::vector<std::vector<uint32_t>>* bucket_terms,
                  std::vector<uint32_t>* where,
                  const std::function<void(const std::string&, std::string)>& put);
  // Sorts term ids by their text's bytes (a bucket file's order), each
  // compared as a number of its first eight bytes.
  void SortByText(std::vector<uint32_t>* terms) const;
  void PutBucket(uint32_t b, std::vector<uint32_t>* terms, const std::vector<std::span<const Packed>>& lists,
                 const std::function<void(const std::string&, std::string)>& put);
  /// `terms` sorted by text; `lists[i]` the pages of terms[i], by page.
  std::string Bucket(const std::vector<uint32_t>& terms,
                     const std::vector<std::span<const Packed>>& lists) const;
  std::string Group(uint32_t g) const;
  std::string Manifest(const std::vector<int>& series) const;
  // search/sizes.bin: each bucket's bytes in kSizeUnit steps, rounded up,
  // one byte a bucket (255: that or more). A long query's client reads it
  // to know, before it asks for any bucket, whether all of its buckets fit
  // its budget: waiting for the first twelve to tell cost a round of
  // requests (docs/search.md, *Long queries*).
  std::string BucketSizes() const;
  // By page of the first kind, its series' number, or -1 for none or a
  // series of one page; empty when no series has two.
  std::vector<int> SeriesNumbers() const;
  uint32_t BucketCount() const {
    return static_cast<uint32_t>(
        std::clamp<size_t>(PowerOfTwoAtLeast((est_ + kBucketBytes - 1) / kBucketBytes), 1, size_t{1} << 16));
  }
  // The pages a group of kind k holds: as fixed by Expect, else what the
  // metadata's sizes give (the same for every kind).
  uint32_t GroupPages(size_t k) const {
    if (k < fixed_groups_.size() && fixed_groups_[k] != 0) return fixed_groups_[k];
    return SearchGroupPages(meta_bytes_, order_.size());
  }
  // The metadata of a known page that came (in a build with Expect's `put`).
  // Keeps it until its group is complete, then hands the group over.
  void Stream(size_t known, std::string_view meta, PageEntry* e);
  // A group file: its pages' metadata (or null) in order.
  static std::string GroupBytes(const std::vector<std::string_view>& metas);
  // The file of group `g` of kind `k`.
  static std::string GroupPath(size_t k, size_t g) {
    return "search/p/" + std::to_string(k) + "-" + std::to_string(g) + ".json";
  }
  // The kind of group g (numbered over all kinds, as in group_hash_).
  size_t KindOfGroup(size_t g) const {
    size_t k = 0;
    while (k + 1 < group_base_.size() && group_base_[k + 1] <= g) ++k;
    return k;
  }

  const std::vector<std::string> kinds_;
  const std::vector<std::string> kind_terms_;  ///< SearchKindTerm of each kind
  const bool all_unigrams_;
  const bool updates_;  ///< keep what later Writes need (serve); else free it once written
  const int jobs_;
  const std::map<std::string, std::vector<std::string>> synonyms_;

  SharedKeyMap ids_;  // token key → term; read without a lock
  // Guards the terms (inserts into ids_ and the three below). Apart from
  // mu_, so that a thread that makes a term keeps no other thread from
  // handing over its page: with one lock for both, a 10,000-page build's
  // threads slept 21–32 ms on it for new terms, and 8–12 ms more to hand
  // pages over (docs/performance.md, run 34).
  BriefMutex terms_mu_;
  std::unordered_map<std::string, uint32_t> long_ids_;  ///< text → term
  std::vector<std::string> text_;                       ///< term text by id
  std::vector<uint32_t> hash_;                          ///< SearchTermHash of the text by id
  BriefMutex mu_;  // guards everything below (Write takes both), except inside a Worker
  std::vector<std::pair<std::thread::id, std::unique_ptr<Worker>>> workers_;
  std::map<std::string, PageEntry> pages_;  ///< by key, as of the last Write
  std::set<std::string> changed_;           ///< keys Put or Removed since the last Write (`updates_`)
  // Puts (with an entry) and Removes (without) since the last Write, in call
  // order. Put only appends here: inserting into pages_ and changed_ on the
  // render threads, under the lock, cost 2 % of a build in key comparisons.
  std::vector<std::pair<std::string, std::optional<PageEntry>>> pending_;

  // As of the last Write.
  bool written_ = false;
  /// A page came or went, or changed its kind, or Expect named the pages
  /// anew, since the last Write: the documents' order must be made again.
  /// Without, an edit's Write keeps it (remade, it cost a serve edit on
  /// 10,000 pages 3 ms of its 7: a walk over every key).
  bool order_stale_ = true;
  std::vector<std::string> order_;          ///< doc id → key
  std::map<std::string, uint32_t> doc_of_;  ///< key → doc id
  std::vector<std::span<Packed>> terms_;    ///< doc id → its terms (with `updates_`), sorted when diffed
  /// The bytes of entries replaced or removed since the last Write, which
  /// terms_ may still view (with `updates_`).
  std::vector<std::unique_ptr<char[]>> retired_;
  std::vector<const PageEntry*> entries_;      ///< doc id → its entry in pages_
  std::vector<uint64_t> meta_hash_;            ///< doc id → HashBytes of its metadata
  std::vector<std::vector<Packed>> postings_;  ///< term id → its pages, by page (with `updates_`)
  std::vector<uint32_t> df_;         ///< term id → its page count (first Write without `updates_`)
  std::vector<size_t> kind_counts_;  ///< pages of each kind, holes included
  std::vector<size_t> kind_start_;   ///< the first document of each kind
  std::vector<size_t> kind_groups_;  ///< group files of each kind
  std::vector<size_t> group_base_;   ///< the index of each kind's first group in group_hash_
  size_t holes_ = 0;                 ///< known pages that did not come
  size_t est_ = 0;                   ///< sum of EntryEstimate over terms
  size_t meta_bytes_ = 0;            ///< sum of metadata sizes
  uint32_t buckets_ = 0;
  std::vector<uint32_t> group_;  ///< by kind: the pages a group holds
  size_t series_files_ = 0;      ///< search/s/*.bin written by the last Write
  std::vector<uint64_t> bucket_hash_, group_hash_;
  std::vector<size_t> bucket_size_, group_size_;
  std::string sizes_;  ///< search/sizes.bin as the last Write handed it over
  size_t nterms_ = 0, npostings_ = 0;

  // Pages known before the render (Expect), numbered first in their kind.
  std::unordered_map<std::string, uint32_t> known_;      ///< key → its index below
  std::vector<std::pair<int, std::string>> known_keys_;  ///< by kind, then as Expect was given them
  std::vector<size_t> known_start_;                      ///< by kind: its first index in known_keys_
  std::vector<uint32_t> fixed_groups_;            ///< by kind: pages a group holds (0: by metadata sizes)
  std::map<std::string, std::string> series_of_;  ///< key → its series (SetSeries)
  // Streaming (a build with Expect's `put`): a known page's metadata waits
  // in its slot until the other pages of its group have come.
  std::function<void(const std::string&, std::string)> stream_put_;
  std::mutex stream_mu_;  // guards the three below
  struct Slot {
    std::unique_ptr<char[]> meta;
    uint32_t size = 0;
    bool arrived = false;
  };
  std::vector<Slot> slots_;                     ///< by known index
  std::vector<std::vector<uint32_t>> waiting_;  ///< by kind, by full group: its pages still to come
  std::vector<std::vector<std::pair<uint64_t, size_t>>> emitted_;  ///< by kind, by group: hash, size (0: not)
};

SearchIndex::Impl::Worker* SearchIndex::Impl::WorkerForThisThread() {
  std::lock_guard<BriefMutex> lock(mu_);
  std::thread::id me = std::this_thread::get_id();
  for (auto& [id, w] : workers_) {
    if (id == me) return w.get();
  }
  workers_.emplace_back(me, std::make_unique<Worker>());
  return workers_.back().second.get();
}

uint32_t SearchIndex::Impl::Intern(std::string_view text) {
  // The text and its hash are made before the lock: a caller asks only
  // after it did not find the term, so it is almost always new.
  std::string s(text);
  const uint32_t hash = SearchTermHash(s);
  std::lock_guard<BriefMutex> lock(terms_mu_);
  auto it = long_ids_.find(s);
  if (it != long_ids_.end()) return it->second;
  const uint32_t term = NewTerm(hash);
  long_ids_.emplace(s, term);
  text_.push_back(std::move(s));
  return term;
}

void SearchIndex::Impl::InternKeys(Worker* w, const uint64_t* keys, const uint32_t* missing, size_t n,
                                   uint32_t* ids) {
  // The texts and hashes are made before the lock, as in Intern.
  auto& made = w->new_texts;
  made.resize(std::max(made.size(), n));
  for (size_t i = 0; i < n; ++i) {
    made[i].first = SearchTermText(keys[missing[i]]);
    made[i].second = SearchTermHash(made[i].first);
  }
  std::lock_guard<BriefMutex> lock(terms_mu_);
  for (size_t i = 0; i < n; ++i) {
    const uint64_t key = keys[missing[i]];
    // Another thread may have made it since, or an earlier token of this text.
    uint32_t term = ids_.Find(key);
    if (term == SharedKeyMap::kNone) {
      term = NewTerm(made[i].second);
      ids_.Insert(key, term);
      text_.push_back(std::move(made[i].first));
    }
    ids[missing[i]] = term;
  }
}

uint32_t SearchIndex::Impl::WordTerm(Worker* w, std::string_view word) {
  std::string key(word);
  auto it = w->long_ids.find(key);
  if (it != w->long_ids.end()) return it->second;
  const uint32_t term = Intern(word);
  w->long_ids.emplace(std::move(key), term);
  return term;
}

void SearchIndex::Impl::AddSlot(Worker* w, uint32_t id) {
  if (id >= w->slots.size()) {
    size_t n = std::max<size_t>(id + 1, w->slots.size() * 2);
    w->slots.resize(n);
    w->sec_terms.resize(n);
    w->page_terms.resize(n);
  }
}

size_t SearchIndex::Impl::Ids(Worker* w, std::string_view text, size_t* length) {
  if (text.empty()) {
    if (length) *length = 0;
    return 0;
  }
  // At most one token per byte (with every unigram: two). The arrays only
  // grow, so that no call clears them.
  const size_t most = text.size() * (all_unigrams_ ? 2 : 1);
  if (w->keys.size() < most) w->keys.resize(most);
  if (w->token_ids.size() < most) w->token_ids.resize(most);
  uint64_t* const keys = w->keys.data();
  // Written through a pointer, not keys[n++]: a store of a uint64_t may
  // change a size_t as far as the compiler knows, so the count was loaded
  // and stored around every store of a key (callgrind: 0.2 % of a gen_site
  // build's instructions fewer this way).
  uint64_t* out = keys;
  std::vector<uint32_t>& word_ids = w->word_ids;  // of the tokens without a key (long words), in order
  word_ids.clear();
  const size_t edges = ForEachIndexToken(
      text, all_unigrams_ ? SearchUnigrams::kAll : SearchUnigrams::kEdges,
      [&](const SearchToken& t) __attribute__((always_inline)) {
        if (t.key == 0) word_ids.push_back(WordTerm(w, t.text));
        *out++ = t.key;
      });
  const size_t n = static_cast<size_t>(out - keys);
  uint32_t* const ids = w->token_ids.data();
  if (w->missing.size() < n) w->missing.resize(std::max(n, 2 * w->missing.size()));
  uint32_t* const missing = w->missing.data();
  uint32_t* miss = missing;
  size_t word = 0;
  // The highest term id met: another thread may have made terms this one
  // has no slots for yet.
  uint32_t top = 0;
  const SharedKeyMap::View now = ids_.Now();
  for (size_t k = 0; k < n; ++k) {
    uint32_t term;
    if (keys[k] != 0) {
      term = now.Find(keys[k]);
      if (term == SharedKeyMap::kNone) {
        *miss++ = static_cast<uint32_t>(k);
        term = 0;
      }
    } else {
      term = word_ids[word++];
    }
    ids[k] = term;
    top = std::max(top, TermIdOf(term));
  }
  if (miss != missing) {
    InternKeys(w, keys, missing, static_cast<size_t>(miss - missing), ids);
    for (const uint32_t* m = missing; m != miss; ++m) top = std::max(top, TermIdOf(ids[*m]));
  }
  if (top >= w->slots.size()) AddSlot(w, top);
  if (length) *length = n - edges;
  return n;
}

void SearchIndex::Impl::Put(const std::string& key, int kind, const std::string& url, const std::string& date,
                            const SearchPage& page) {
  Worker* w = WorkerForThisThread();
  ++w->page_no;
  w->npage = 0;
  // (Terms, not ids, in page_terms and sec_terms: their groups go with them.)
  auto page_term = [&](uint32_t term) {
    Worker::Slot& x = w->slots[TermIdOf(term)];
    if (x.page_stamp != w->page_no) {
      x.page_stamp = w->page_no;
      x.title = 0;
      x.best = 0;
      x.field = 0;
      w->page_terms[w->npage++] = term;
    }
  };
  for (size_t k = 0, n = Ids(w, page.title); k < n; ++k) {
    const uint32_t term = w->token_ids[k];
    page_term(term);
    Worker::Slot& x = w->slots[TermIdOf(term)];
    if (x.title < UINT16_MAX) ++x.title;
    x.field = 2;
  }
  // The whole title as one more term of it (SearchTitleTerm), interned
  // without the worker's cache of words: a title is mostly one page's.
  if (const std::string title = SearchTitleTerm(page.title); !title.empty()) {
    const uint32_t term = Intern(title);
    AddSlot(w, TermIdOf(term));
    page_term(term);
    Worker::Slot& x = w->slots[TermIdOf(term)];
    x.title = 1;
    x.field = 2;
  }
  // Its kind as one more term ('@' and the kind's label, SearchKindTerm),
  // of the same weight on every page: a query that is only a kind's label
  // (年度报告) lists that kind's pages, in page order (search.js).
  if (kind >= 0 && static_cast<size_t>(kind) < kind_terms_.size()) {
    const uint32_t term = WordTerm(w, kind_terms_[static_cast<size_t>(kind)]);
    AddSlot(w, TermIdOf(term));
    page_term(term);
    Worker::Slot& x = w->slots[TermIdOf(term)];
    x.title = 1;
    x.field = 2;
  }
  size_t len = 0;  // tokens in the current section
  // Counts the tokens of a heading or lead-in (heading) or of the text.
  auto count = [&](std::string_view text, bool heading) {
    size_t length;
    const size_t n = Ids(w, text, &length);
    len += length;
    const uint32_t sec_no = w->sec_no;
    for (size_t k = 0; k < n; ++k) {
      Worker::Slot& x = w->slots[TermIdOf(w->token_ids[k])];
      if (x.sec_stamp != sec_no) {
        x.sec_stamp = sec_no;
        x.body = x.head = 0;
        w->sec_terms[w->nsec++] = w->token_ids[k];
      }
      uint16_t& c = heading ? x.head : x.body;
      c += c < UINT16_MAX;
    }
  };
  for (const SearchSection& s : page.sections) {
    ++w->sec_no;
    w->nsec = 0;
    len = 0;
    count(s.heading, true);
    count(s.leads, true);
    count(s.text, false);
    const float inv_norm = 1.0f / (1.0f - kB + kB * static_cast<float>(len) / kRefLength);
    for (size_t k = 0; k < w->nsec; ++k) {
      const uint32_t term = w->sec_terms[k];
      page_term(term);
      Worker::Slot& x = w->slots[TermIdOf(term)];
      x.best = std::max(x.best, (x.body + kHeadingWeight * x.head) * inv_norm);
      if (x.head > 0 && x.field < 1) x.field = 1;
    }
  }
  PageEntry e;
  e.kind = kind;
  // The terms by group: counted, then each put in its group's place.
  for (size_t k = 0; k < w->npage; ++k) ++e.cut[GroupOf(w->page_terms[k]) + 1];
  for (uint32_t g = 0; g < kTermGroups; ++g) e.cut[g + 1] += e.cut[g];
  std::array<uint32_t, kTermGroups> next;
  std::copy(e.cut.begin(), e.cut.end() - 1, next.begin());
  std::vector<Packed>& terms = w->entry_terms;
  terms.resize(w->npage);
  for (size_t k = 0; k < w->npage; ++k) {
    const uint32_t term = w->page_terms[k];
    const Worker::Slot& x = w->slots[TermIdOf(term)];
    terms[next[GroupOf(term)]++] = Pack(TermIdOf(term), Impact(x.best + kTitleWeight * x.title, x.field));
  }
  PageMeta(url, date, page, &w->entry_meta);
  std::string_view meta = w->entry_meta;
  if (stream_put_) {
    // known_ is not changed after Expect, which comes before the first Put.
    auto it = known_.find(key);
    if (it != known_.end() && known_keys_[it->second].first == kind) Stream(it->second, meta, &e);
    if (e.streamed) meta = {};
  }
  // Kept in one piece, exactly sized: the terms, then the metadata.
  const size_t term_bytes = terms.size() * sizeof(Packed);
  char* at;
  if (updates_) {
    e.own = std::make_unique_for_overwrite<char[]>(term_bytes + meta.size());
    at = e.own.get();
  } else {
    at = w->chunks.Allocate(term_bytes + meta.size());
  }
  // (memcpy from a null pointer is undefined even for no bytes: a streamed
  // page's metadata is empty, and a page without terms has none.)
  if (!terms.empty()) std::memcpy(at, terms.data(), term_bytes);
  if (!meta.empty()) std::memcpy(at + term_bytes, meta.data(), meta.size());
  e.terms = std::span<Packed>(reinterpret_cast<Packed*>(at), terms.size());
  e.meta = std::string_view(at + term_bytes, meta.size());

  std::lock_guard<BriefMutex> lock(mu_);
  pending_.emplace_back(key, std::move(e));
}

void SearchIndex::Impl::Stream(size_t known, std::string_view meta, PageEntry* e) {
  const size_t k = static_cast<size_t>(known_keys_[known].first);
  const size_t g = (known - known_start_[k]) / fixed_groups_[k];
  std::vector<std::unique_ptr<char[]>> taken;
  std::vector<std::string_view> metas;
  {
    std::lock_guard<std::mutex> lock(stream_mu_);
    if (g < emitted_[k].size() && emitted_[k][g].second != 0) return;  // handed over: its entry keeps this
    Slot& slot = slots_[known];
    slot.meta = std::make_unique_for_overwrite<char[]>(meta.size());
    std::memcpy(slot.meta.get(), meta.data(), meta.size());
    slot.size = static_cast<uint32_t>(meta.size());
    e->streamed = true;
    const bool first = !slot.arrived;
    slot.arrived = true;
    if (!first || g >= waiting_[k].size() || --waiting_[k][g] != 0) return;
    const size_t from = known_start_[k] + g * fixed_groups_[k];
    for (size_t i = from; i < from + fixed_groups_[k]; ++i) {
      metas.emplace_back(slots_[i].meta.get(), slots_[i].size);
      taken.push_back(std::move(slots_[i].meta));
    }
    emitted_[k][g] = {0, 1};  // taken: a later Put of these pages leaves the group as it is
  }
  std::string bytes = GroupBytes(metas);
  const std::pair<uint64_t, size_t> written{HashBytes(bytes), bytes.size()};
  stream_put_(GroupPath(k, g), std::move(bytes));
  std::lock_guard<std::mutex> lock(stream_mu_);
  emitted_[k][g] = written;
}

void SearchIndex::Impl::Expect(const std::vector<std::pair<std::string, int>>& pages,
                               const std::vector<uint32_t>& group_pages,
                               std::function<void(const std::string&, std::string)> put) {
  std::lock_guard<BriefMutex> lock(mu_);
  order_stale_ = true;
  const size_t kinds = kinds_.size();
  // A key named twice counts once, in the first kind and place named. Then
  // by kind, each in the order given (a counting sort: no key is compared).
  known_.clear();
  known_start_.assign(kinds + 1, 0);
  std::vector<size_t> first;  // into `pages`: the first naming of each key
  first.reserve(pages.size());
  for (size_t i = 0; i < pages.size(); ++i) {
    const int kind = pages[i].second;
    if (kind < 0 || static_cast<size_t>(kind) >= kinds || !known_.emplace(pages[i].first, 0).second) continue;
    first.push_back(i);
    ++known_start_[static_cast<size_t>(kind) + 1];
  }
  for (size_t k = 0; k < kinds; ++k) known_start_[k + 1] += known_start_[k];
  known_keys_.assign(first.size(), {});
  std::vector<size_t> next(known_start_.begin(), known_start_.end() - 1);
  for (size_t i : first) {
    const size_t at = next[static_cast<size_t>(pages[i].second)]++;
    known_keys_[at] = {pages[i].second, pages[i].first};
    known_[pages[i].first] = static_cast<uint32_t>(at);
  }
  fixed_groups_.assign(kinds, 0);
  for (size_t k = 0; k < kinds; ++k) {
    fixed_groups_[k] = std::max<uint32_t>(1, k < group_pages.size() ? group_pages[k] : 0);
  }
  stream_put_ = updates_ ? nullptr : std::move(put);
  slots_.clear();
  waiting_.assign(kinds, {});
  emitted_.assign(kinds, {});
  if (stream_put_) {
    slots_ = std::vector<Slot>(known_keys_.size());
    for (size_t k = 0; k < kinds; ++k) {
      // Full groups only: the last one may take pages of other modules.
      const size_t full = (known_start_[k + 1] - known_start_[k]) / fixed_groups_[k];
      waiting_[k].assign(full, fixed_groups_[k]);
      emitted_[k].assign(full, {0, 0});
    }
  }
}

void SearchIndex::Impl::Remove(const std::string& key) {
  std::lock_guard<BriefMutex> lock(mu_);
  pending_.emplace_back(key, std::nullopt);
}

void SearchIndex::Impl::ApplyPending() {
  // By key, the calls for one key in call order: the last one stands.
  std::stable_sort(pending_.begin(), pending_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < pending_.size(); ++i) {
    if (i + 1 < pending_.size() && pending_[i + 1].first == pending_[i].first) continue;
    auto& [key, entry] = pending_[i];
    // A first Write appends every key at the end: one comparison each.
    auto it = pages_.empty() || pages_.rbegin()->first < key ? pages_.end() : pages_.lower_bound(key);
    const bool there = it != pages_.end() && it->first == key;
    if (!entry && !there) continue;  // removing a page never indexed changes nothing
    if (updates_) changed_.insert(key);
    if (!there || !entry || it->second.kind != entry->kind) order_stale_ = true;
    // The terms of the last Write are diffed with the new ones by the next.
    if (there && updates_) retired_.push_back(std::move(it->second.own));
    if (!entry) {
      pages_.erase(it);
    } else if (there) {
      it->second = std::move(*entry);
    } else {
      pages_.emplace_hint(it, std::move(key), std::move(*entry));
    }
  }
  pending_.clear();
}

void SearchIndex::Impl::Rebuild(const std::vector<Doc>& order, bool postings) {
  order_.clear();
  doc_of_.clear();
  terms_.clear();
  entries_.clear();
  meta_hash_.clear();
  kind_counts_.assign(kinds_.size(), 0);
  // Each list allocated once at its final size (counted first), not grown
  // push by push: a list of n pages was copied log2(n) times, and the spare
  // capacity of doubling cost 8-10 MiB of peak memory at 10,000 pages.
  std::vector<uint32_t> count(text_.size(), 0);
  for (const Doc& doc : order) {
    if (doc.entry) {
      for (Packed t : doc.entry->terms) ++count[Number(t)];
    }
  }
  if (postings) {
    postings_.assign(text_.size(), {});
    for (size_t t = 0; t < count.size(); ++t) postings_[t].reserve(count[t]);
  }
  meta_bytes_ = 0;
  holes_ = 0;
  for (const Doc& d : order) {
    uint32_t doc = static_cast<uint32_t>(std::min<size_t>(order_.size(), kMaxNumber));
    order_.push_back(*d.key);
    if (updates_) doc_of_.emplace(*d.key, doc);
    entries_.push_back(d.entry);
    ++kind_counts_[static_cast<size_t>(d.kind)];
    if (!d.entry) {
      ++holes_;
      if (updates_) {
        meta_hash_.push_back(HashBytes("null"));
        terms_.push_back({});
      }
      continue;
    }
    PageEntry& e = *d.entry;
    if (updates_) meta_hash_.push_back(HashBytes(e.meta));
    if (postings) {
      for (Packed t : e.terms) postings_[Number(t)].push_back(Pack(doc, ImpactOf(t)));
    }
    if (updates_) terms_.push_back(e.terms);
    meta_bytes_ += e.meta.size();
  }
  est_ = 0;
  nterms_ = npostings_ = 0;
  for (uint32_t c : count) {
    est_ += EntryEstimate(c, order_.size());
    nterms_ += c == 0 ? 0 : 1;
    npostings_ += c;
  }
  if (!postings) df_ = std::move(count);
}

void SearchIndex::Impl::WriteGroup(uint32_t group, uint32_t groups,
                                   std::vector<std::vector<uint32_t>>* bucket_terms,
                                   std::vector<uint32_t>* where,
                                   const std::function<void(const std::string&, std::string)>& put) {
  // The lists of the group's terms one after another, each starting at
  // where[t] (counted by df_), filled page by page (so by page number).
  size_t total = 0;
  for (uint32_t b = group; b < buckets_; b += groups) {
    for (uint32_t t : (*bucket_terms)[b]) {
      (*where)[t] = static_cast<uint32_t>(total);
      total += df_[t];
    }
  }
  std::vector<Packed> flat(total);
  // Each page's slice is a few cache lines somewhere in the heap, a miss that
  // no hardware prefetcher foresees: most of this loop's time went to them.
  // So the slice kAhead pages on is fetched while this one is copied (and
  // the entry that says where it is, twice as far on).
  constexpr uint32_t kAhead = 8;
  const uint32_t ndocs = static_cast<uint32_t>(entries_.size());
  for (uint32_t d = 0; d < ndocs; ++d) {
    if (d + 2 * kAhead < ndocs && entries_[d + 2 * kAhead]) {
      __builtin_prefetch(&entries_[d + 2 * kAhead]->terms);
      __builtin_prefetch(&entries_[d + 2 * kAhead]->cut[group]);
    }
    if (d + kAhead < ndocs && entries_[d + kAhead]) {
      const PageEntry& next = *entries_[d + kAhead];
      __builtin_prefetch(next.terms.data() + next.cut[group]);
    }
    if (!entries_[d]) continue;  // a hole
    const PageEntry& e = *entries_[d];
    for (uint32_t g = group; g < kTermGroups; g += groups) {
      for (uint32_t k = e.cut[g]; k < e.cut[g + 1]; ++k) {
        const Packed p = e.terms[k];
        flat[(*where)[Number(p)]++] = Pack(std::min(d, kMaxNumber), ImpactOf(p));
      }
    }
  }
  std::vector<std::span<const Packed>> lists;
  for (uint32_t b = group; b < buckets_; b += groups) {
    std::vector<uint32_t>& terms = (*bucket_terms)[b];
    SortByText(&terms);
    lists.clear();
    for (uint32_t t : terms)
      lists.push_back(std::span<const Packed>(flat).subspan((*where)[t] - df_[t], df_[t]));
    PutBucket(b, &terms, lists, put);
  }
}

void SearchIndex::Impl::SortByText(std::vector<uint32_t>* terms) const {
  // By the first eight bytes, then (rarely: terms are mostly bigrams of six)
  // by the rest. A term holds no NUL, so equal prefixes of texts of eight
  // bytes or fewer are equal texts.
  std::vector<std::pair<uint64_t, uint32_t>> by_text;
  by_text.reserve(terms->size());
  for (uint32_t t : *terms) by_text.emplace_back(TextPrefix(text_[t]), t);
  std::sort(by_text.begin(), by_text.end(), [&](const auto& x, const auto& y) {
    return x.first != y.first ? x.first < y.first : text_[x.second] < text_[y.second];
  });
  for (size_t i = 0; i < terms->size(); ++i) (*terms)[i] = by_text[i].second;
}

void SearchIndex::Impl::PutBucket(uint32_t b, std::vector<uint32_t>* terms,
                                  const std::vector<std::span<const Packed>>& lists,
                                  const std::function<void(const std::string&, std::string)>& put) {
  std::string bytes = Bucket(*terms, lists);
  std::vector<uint32_t>().swap(*terms);
  bucket_hash_[b] = HashBytes(bytes);
  bucket_size_[b] = bytes.size();
  put("search/t/" + std::to_string(b) + ".bin", std::move(bytes));
}

std::string SearchIndex::Impl::Bucket(const std::vector<uint32_t>& terms,
                                      const std::vector<std::span<const Packed>>& lists) const {
  const size_t docs = order_.size();
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
    PutVarint(&out, text_[t].size());
    out += text_[t];
    PutVarint(&out, entry.size());
    out += entry;
  }
  return out;
}

std::string SearchIndex::Impl::GroupBytes(const std::vector<std::string_view>& metas) {
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

std::string SearchIndex::Impl::Group(uint32_t g) const {
  const size_t k = KindOfGroup(g);
  const size_t first = kind_start_[k] + (g - group_base_[k]) * group_[k];
  const size_t end = std::min(kind_start_[k] + kind_counts_[k], first + group_[k]);
  std::vector<std::string_view> metas;
  for (size_t d = first; d < end; ++d) {
    const PageEntry* e = entries_[d];
    if (!e) {
      metas.emplace_back("null");
    } else if (e->streamed) {  // a known page's, waiting in its slot (its group was not complete)
      const Slot& slot = slots_[known_start_[k] + (d - kind_start_[k])];
      metas.emplace_back(slot.meta.get(), slot.size);
    } else {
      metas.push_back(e->meta);
    }
  }
  return GroupBytes(metas);
}

namespace {

// Bytes a report's series number + 1 takes in search/s/*.bin.
int SeriesWidth(const std::vector<int>& series) {
  return *std::max_element(series.begin(), series.end()) < 0xFFFF ? 2 : 4;
}

// Chunk `c` of the series numbers: each report's number + 1 (0: none), as
// little-endian integers of `width` bytes.
std::string SeriesChunk(const std::vector<int>& series, size_t c, int width) {
  std::string out;
  const size_t end = std::min(series.size(), (c + 1) * kSearchSeriesChunk);
  for (size_t d = c * kSearchSeriesChunk; d < end; ++d) {
    const uint32_t v = static_cast<uint32_t>(series[d] + 1);
    for (int b = 0; b < width; ++b) out += static_cast<char>((v >> (8 * b)) & 0xFF);
  }
  return out;
}

}  // namespace

std::string SearchIndex::Impl::Manifest(const std::vector<int>& series) const {
  // The build id changes whenever any file does: clients add it to every
  // fragment URL, so a cached fragment of an older build is never mixed in.
  uint64_t id = 1469598103934665603ull;
  for (uint64_t h : bucket_hash_) id = HashBytes(std::string_view(reinterpret_cast<const char*>(&h), 8), id);
  for (uint64_t h : group_hash_) id = HashBytes(std::string_view(reinterpret_cast<const char*>(&h), 8), id);
  // (So do the series files': a cached one of an older build would place
  // reports by publishers they no longer have.)
  if (series.size() > kSearchSeriesChunk) {
    id = HashBytes(
        std::string_view(reinterpret_cast<const char*>(series.data()), series.size() * sizeof(int)), id);
  }
  // v4: each kind with the pages its groups hold, and no site-wide "group"
  // (a client of v3 then asks for no file of the wrong pages).
  std::string out = "{\"v\":" + std::to_string(kSearchIndexFormat) +
                    ",\"docs\":" + std::to_string(order_.size()) + ",\"kinds\":[";
  for (size_t k = 0; k < kinds_.size(); ++k) {
    if (k) out += ',';
    out += '[';
    AppendJsonString(&out, kinds_[k]);
    out += ',' + std::to_string(kind_counts_[k]) + ',' + std::to_string(group_[k]) + ']';
  }
  char hex[17];
  snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(id));
  out += "],\"buckets\":" + std::to_string(buckets_) + ",\"sizes\":" + std::to_string(kSizeUnit) +
         ",\"top\":" + std::to_string(kTop) + ",\"unigrams\":" + (all_unigrams_ ? "true" : "false");
  if (series.size() > kSearchSeriesChunk) {  // in search/s/*.bin
    out += ",\"series\":{\"count\":" + std::to_string(series.size()) +
           ",\"chunk\":" + std::to_string(kSearchSeriesChunk) +
           ",\"width\":" + std::to_string(SeriesWidth(series)) + '}';
  } else if (!series.empty()) {
    out += ",\"series\":[";
    for (size_t d = 0; d < series.size(); ++d) {
      if (d) out += ',';
      out += std::to_string(series[d]);
    }
    out += ']';
  }
  if (!synonyms_.empty()) {
    out += ",\"synonyms\":{";
    bool first = true;
    for (const auto& [word, others] : synonyms_) {
      if (!first) out += ',';
      first = false;
      AppendJsonString(&out, word);
      out += ":[";
      for (size_t k = 0; k < others.size(); ++k) {
        if (k) out += ',';
        AppendJsonString(&out, others[k]);
      }
      out += ']';
    }
    out += '}';
  }
  out += ",\"id\":\"" + std::string(hex) + "\"}\n";
  return out;
}

std::string SearchIndex::Impl::BucketSizes() const {
  std::string out(buckets_, '\0');
  for (uint32_t b = 0; b < buckets_; ++b)
    out[b] = static_cast<char>(std::min<size_t>((bucket_size_[b] + kSizeUnit - 1) / kSizeUnit, 255));
  return out;
}

std::vector<int> SearchIndex::Impl::SeriesNumbers() const {
  if (series_of_.empty() || kind_counts_.empty()) return {};
  std::vector<const std::string*> of(kind_counts_[0], nullptr);  // each page's series
  std::map<std::string_view, int> pages;                         // series → its pages
  for (size_t d = 0; d < of.size(); ++d) {
    auto it = series_of_.find(order_[kind_start_[0] + d]);
    if (it == series_of_.end() || entries_[kind_start_[0] + d] == nullptr) continue;  // none, or a hole
    of[d] = &it->second;
    ++pages[it->second];
  }
  // Numbered in page order, so that the bytes do not depend on the names.
  std::map<std::string_view, int> number;
  std::vector<int> out(of.size(), -1);
  for (size_t d = 0; d < of.size(); ++d) {
    if (of[d] != nullptr && pages[*of[d]] > 1)
      out[d] = number.try_emplace(*of[d], static_cast<int>(number.size())).first->second;
  }
  if (number.empty()) out.clear();
  return out;
}

// Documents: by kind; in a kind, the pages known before the render (Expect)
// by key, a hole where one did not come, then the others by key.
std::vector<SearchIndex::Impl::Doc> SearchIndex::Impl::DocumentOrder() {
  const size_t kinds = kinds_.size();
  std::vector<std::vector<Doc>> others(kinds);
  for (auto& [key, e] : pages_) {
    auto it = known_.find(key);
    if (it == known_.end() || known_keys_[it->second].first != e.kind)
      others[e.kind].push_back({&key, &e, e.kind});
  }
  std::vector<Doc> order;
  order.reserve(pages_.size() + known_keys_.size());
  for (size_t k = 0; k < kinds; ++k) {
    for (size_t i = known_.empty() ? 0 : known_start_[k]; !known_.empty() && i < known_start_[k + 1]; ++i) {
      const std::string& key = known_keys_[i].second;
      auto it = pages_.find(key);
      PageEntry* e = it != pages_.end() && it->second.kind == static_cast<int>(k) ? &it->second : nullptr;
      order.push_back({&key, e, static_cast<int>(k)});
    }
    order.insert(order.end(), others[k].begin(), others[k].end());
  }
  return order;
}

bool SearchIndex::Impl::Write(const std::function<void(const std::string&, std::string)>& put,
                              SearchIndexStats* stats) {
  std::scoped_lock lock(terms_mu_, mu_);
  ApplyPending();
  const size_t kinds = kinds_.size();
  std::vector<Doc> order;
  bool same_docs = written_ && updates_ && !order_stale_;
  if (!same_docs) {
    order = DocumentOrder();
    same_docs = written_ && updates_ && order.size() == order_.size();
    for (size_t d = 0; same_docs && d < order.size(); ++d)
      same_docs = *order[d].key == order_[d] && (order[d].entry == nullptr) == (entries_[d] == nullptr);
  }
  order_stale_ = false;

  const bool had_files = written_;
  const uint32_t old_buckets = buckets_;
  const std::vector<size_t> old_kind_groups = kind_groups_;
  std::vector<uint32_t> touched_terms, touched_docs;
  if (!same_docs) {
    Rebuild(order, updates_);
  } else {
    // Only the changed pages: replace their postings, note what they touch.
    if (postings_.size() < text_.size()) postings_.resize(text_.size());
    const size_t docs = order_.size();
    for (const std::string& key : changed_) {
      const uint32_t doc = doc_of_.at(key);
      PageEntry& e = pages_.at(key);
      entries_[doc] = &e;
      auto set = [&](uint32_t term, int impact) {  // impact -1: remove
        auto& list = postings_[term];
        est_ -= EntryEstimate(list.size(), docs);
        nterms_ -= list.empty() ? 0 : 1;
        npostings_ -= list.size();
        auto it = std::lower_bound(list.begin(), list.end(), Pack(doc, 0));
        bool there = it != list.end() && Number(*it) == doc;
        if (impact < 0) {
          if (there) list.erase(it);
        } else if (there) {
          *it = Pack(doc, static_cast<uint8_t>(impact));
        } else {
          list.insert(it, Pack(doc, static_cast<uint8_t>(impact)));
        }
        est_ += EntryEstimate(list.size(), docs);
        nterms_ += list.empty() ? 0 : 1;
        npostings_ += list.size();
        touched_terms.push_back(term);
      };
      // Both lists sorted by term id, walked together.
      const std::span<Packed> old = terms_[doc];
      const std::span<Packed> fresh = e.terms;
      std::sort(old.begin(), old.end());
      std::sort(fresh.begin(), fresh.end());
      size_t i = 0, j = 0;
      while (i < old.size() || j < fresh.size()) {
        if (j == fresh.size() || (i < old.size() && Number(old[i]) < Number(fresh[j]))) {
          set(Number(old[i++]), -1);
        } else if (i == old.size() || Number(fresh[j]) < Number(old[i])) {
          set(Number(fresh[j]), ImpactOf(fresh[j]));
          ++j;
        } else {
          if (old[i] != fresh[j]) set(Number(fresh[j]), ImpactOf(fresh[j]));
          ++i;
          ++j;
        }
      }
      terms_[doc] = fresh;
      const uint64_t h = HashBytes(e.meta);
      if (h != meta_hash_[doc]) {
        meta_hash_[doc] = h;
        touched_docs.push_back(doc);
      }
    }
    meta_bytes_ = 0;
    for (const PageEntry* e : entries_) meta_bytes_ += e ? e->meta.size() : 0;
  }
  changed_.clear();
  retired_.clear();
  buckets_ = BucketCount();
  const std::vector<uint32_t> old_group = group_;
  group_.assign(kinds, 0);
  for (size_t k = 0; k < kinds; ++k) group_[k] = GroupPages(k);
  // Each kind's pages in groups of group_[k], the groups of all kinds
  // numbered one after another here (group_hash_), each kind's from 0 in
  // file names.
  kind_start_.assign(kinds, 0);
  kind_groups_.assign(kinds, 0);
  group_base_.assign(kinds, 0);
  size_t groups = 0;
  for (size_t k = 0; k < kinds; ++k) {
    kind_start_[k] = k == 0 ? 0 : kind_start_[k - 1] + kind_counts_[k - 1];
    kind_groups_[k] = (kind_counts_[k] + group_[k] - 1) / group_[k];
    group_base_[k] = groups;
    groups += kind_groups_[k];
  }
  auto group_of = [&](uint32_t d) {
    size_t k = 0;
    while (k + 1 < kinds && kind_start_[k + 1] <= d) ++k;
    return group_base_[k] + (d - kind_start_[k]) / group_[k];
  };
  const bool all = !same_docs || buckets_ != old_buckets;
  std::vector<bool> dirty_buckets(buckets_, all);
  std::vector<bool> dirty_groups(groups, !same_docs || group_ != old_group);
  for (uint32_t t : touched_terms) dirty_buckets[hash_[t] & (buckets_ - 1)] = true;
  for (uint32_t d : touched_docs) dirty_groups[group_of(d)] = true;

  // Terms of the buckets to write (sorted by text in the jobs).
  std::vector<std::vector<uint32_t>> bucket_terms(buckets_);
  const bool by_group = !updates_;  // the lists are gathered a term group at a time
  for (uint32_t t = 0; t < (by_group ? df_.size() : postings_.size()); ++t) {
    uint32_t b = hash_[t] & (buckets_ - 1);
    if (dirty_buckets[b] && (by_group ? df_[t] != 0 : !postings_[t].empty())) bucket_terms[b].push_back(t);
  }
  // Term groups in use: at most one per bucket, so that each bucket is in one
  // group (both counts are powers of two; bucket b is in group b mod groups).
  const uint32_t term_groups = std::min(buckets_, kTermGroups);
  std::vector<uint32_t> where(by_group ? df_.size() : 0);
  bucket_hash_.resize(buckets_);
  bucket_size_.resize(buckets_);
  group_hash_.resize(groups);
  group_size_.resize(groups);
  // Groups handed over as their pages came in (Expect): not written again.
  size_t streamed = 0;
  for (size_t k = 0; k < emitted_.size() && stream_put_; ++k) {
    for (size_t g = 0; g < emitted_[k].size() && g < kind_groups_[k]; ++g) {
      if (emitted_[k][g].second == 0) continue;
      group_hash_[group_base_[k] + g] = emitted_[k][g].first;
      group_size_[group_base_[k] + g] = emitted_[k][g].second;
      dirty_groups[group_base_[k] + g] = false;
      ++streamed;
    }
  }
  // Serialised on all threads: each job a bucket (or a term group's
  // buckets) or a metadata group.
  std::vector<uint32_t> jobs;
  for (uint32_t b = 0; b < (by_group ? term_groups : buckets_); ++b) {
    if (by_group || dirty_buckets[b]) jobs.push_back(b);
  }
  const size_t nbuckets = jobs.size();
  for (uint32_t g = 0; g < groups; ++g) {
    if (dirty_groups[g]) jobs.push_back(g);
  }
  ParallelFor(jobs.size(), jobs_, [&](size_t k) {
    const uint32_t n = jobs[k];
    if (k < nbuckets && by_group) {
      WriteGroup(n, term_groups, &bucket_terms, &where, put);
    } else if (k < nbuckets) {
      std::vector<uint32_t>& terms = bucket_terms[n];
      SortByText(&terms);
      std::vector<std::span<const Packed>> lists;
      lists.reserve(terms.size());
      for (uint32_t t : terms) lists.push_back(postings_[t]);
      PutBucket(n, &terms, lists, put);
    } else {
      std::string bytes = Group(n);
      group_hash_[n] = HashBytes(bytes);
      group_size_[n] = bytes.size();
      const size_t kind = KindOfGroup(n);
      put(GroupPath(kind, n - group_base_[kind]), std::move(bytes));
    }
  });
  size_t written = by_group ? buckets_ + (jobs.size() - nbuckets) : jobs.size();
  const std::vector<int> series = SeriesNumbers();
  std::string manifest = Manifest(series);
  std::string sizes = BucketSizes();
  size_t other_bytes = manifest.size() + sizes.size();  // the manifest's, the sizes' and the series files'
  put("search/manifest.json", std::move(manifest));
  ++written;
  if (!had_files || sizes != sizes_) {
    sizes_ = sizes;
    put("search/sizes.bin", std::move(sizes));
    ++written;
  }
  const size_t old_series_files = series_files_;
  series_files_ = 0;
  if (series.size() > kSearchSeriesChunk) {
    const int width = SeriesWidth(series);
    series_files_ = (series.size() + kSearchSeriesChunk - 1) / kSearchSeriesChunk;
    for (size_t c = 0; c < series_files_; ++c) {
      std::string bytes = SeriesChunk(series, c, width);
      other_bytes += bytes.size();
      put("search/s/" + std::to_string(c) + ".bin", std::move(bytes));
      ++written;
    }
  }
  written_ = true;
  if (!updates_) {
    // Written once (fazhi build): nothing here is read again.
    std::vector<uint32_t>().swap(df_);
    for (auto& [key, e] : pages_) {
      e.terms = {};
      e.meta = {};
    }
    for (auto& [id, w] : workers_) w->chunks = Chunks();
    std::vector<Slot>().swap(slots_);
  }

  if (stats) {
    stats->docs = order_.size() - holes_;
    stats->terms = nterms_;
    stats->postings = npostings_;
    stats->buckets = buckets_;
    stats->groups = groups;
    stats->series = series_files_;
    stats->streamed = streamed;
    stats->bytes = other_bytes;
    stats->largest = 0;
    for (size_t s : bucket_size_) {
      stats->bytes += s;
      stats->largest = std::max(stats->largest, s);
    }
    for (size_t s : group_size_) stats->bytes += s;
    stats->written = written;
  }
  // Files of the previous call that are gone: buckets, groups or series files past the new counts.
  bool kept = (!had_files || buckets_ >= old_buckets) && series_files_ >= old_series_files;
  for (size_t k = 0; kept && k < old_kind_groups.size(); ++k) kept = kind_groups_[k] >= old_kind_groups[k];
  return kept;
}

SearchIndex::SearchIndex(std::vector<std::string> kinds, Options options)
    : impl_(std::make_unique<Impl>(std::move(kinds), std::move(options))) {}
SearchIndex::~SearchIndex() = default;

void SearchIndex::Put(const std::string& key, int kind, const std::string& url, const std::string& date,
                      const SearchPage& page) {
  impl_->Put(key, kind, url, date, page);
}

void SearchIndex::Remove(const std::string& key) { impl_->Remove(key); }

void SearchIndex::Expect(const std::vector<std::pair<std::string, int>>& pages, uint32_t group_pages,
                         std::function<void(const std::string& path, std::string bytes)> put) {
  impl_->Expect(pages, std::vector<uint32_t>(impl_->KindCount(), group_pages), std::move(put));
}

void SearchIndex::Expect(const std::vector<std::pair<std::string, int>>& pages,
                         const std::vector<uint32_t>& group_pages,
                         std::function<void(const std::string&, std::string)> put) {
  impl_->Expect(pages, group_pages, std::move(put));
}

void SearchIndex::SetGroupPages(const std::vector<uint32_t>& group_pages) {
  impl_->SetGroupPages(group_pages);
}

void SearchIndex::SetSeries(std::map<std::string, std::string> series_of) {
  impl_->SetSeries(std::move(series_of));
}

bool SearchIndex::Write(const std::function<void(const std::string& path, std::string bytes)>& put,
                        SearchIndexStats* stats) {
  return impl_->Write(put, stats);
}

}  // namespace fazhi
