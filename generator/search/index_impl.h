// The search index's insides, shared by its two sides: index_put.cpp (a
// page's tokens, weights and metadata, on the render threads) and
// index_write.cpp (the files, from all the pages at once). Only the search
// library includes this.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/brief_mutex.h"
#include "search/index.h"
#include "search/index_files.h"
#include "search/key_map.h"

namespace fazhi {

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

class SearchIndex::Impl {
 public:
  Impl(std::vector<std::string> kinds, SearchIndex::Options o);

  void Put(const std::string& key, int kind, const std::string& url, const std::string& date,
           const SearchPage& page);
  void Remove(const std::string& key);
  void Expect(const std::vector<std::pair<std::string, int>>& pages, const std::vector<uint32_t>& group_pages,
              const std::vector<bool>& alone, std::function<void(const std::string&, std::string)> put);
  size_t KindCount() const { return kinds_.size(); }
  void SetGroupPages(const std::vector<uint32_t>& group_pages, const std::vector<bool>& alone) {
    std::lock_guard<BriefMutex> lock(mu_);
    fixed_groups_ = group_pages;
    for (size_t i = 0; i < known_from_.size(); ++i)
      known_alone_[i] = known_from_[i] < alone.size() && alone[known_from_[i]];
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
  // Hands over bucket `b` of `terms` (sorted by text; freed) and their lists.
  void PutBucket(uint32_t b, std::vector<uint32_t>* terms, const std::vector<std::span<const Packed>>& lists,
                 const std::function<void(const std::string&, std::string)>& put);
  std::string Group(uint32_t g) const;
  // Lays each kind's documents out in metadata groups (layout_, alone_,
  // kind_groups_, group_base_): known pages as Expect or SetGroupPages said,
  // the others by their metadata's size.
  void LayOutGroups();
  // The first document (within its kind) and the end of group g (numbered over all kinds).
  // The group (of `starts`, GroupStarts') that holds the page at `local`.
  static size_t GroupHolding(const std::vector<uint32_t>& starts, size_t local) {
    return static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), local) - starts.begin()) - 1;
  }
  std::pair<size_t, size_t> GroupRange(size_t k, size_t g) const {
    const std::vector<uint32_t>& starts = layout_[k];
    const size_t i = g - group_base_[k];
    return {starts[i], i + 1 < starts.size() ? starts[i + 1] : kind_counts_[k]};
  }
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
  std::vector<uint32_t> group_;  ///< by kind: the pages a group of a run holds
  /// By kind: the first document (within the kind) of each group, and
  /// whether each document has a group of its own (GroupStarts).
  std::vector<std::vector<uint32_t>> layout_;
  std::vector<std::vector<bool>> alone_;
  size_t series_files_ = 0;  ///< search/s/*.bin written by the last Write
  std::vector<uint64_t> bucket_hash_, group_hash_;
  std::vector<size_t> bucket_size_, group_size_;
  std::string sizes_;  ///< search/sizes.bin as the last Write handed it over
  size_t nterms_ = 0, npostings_ = 0;

  // Pages known before the render (Expect), numbered first in their kind.
  std::unordered_map<std::string, uint32_t> known_;      ///< key → its index below
  std::vector<std::pair<int, std::string>> known_keys_;  ///< by kind, then as Expect was given them
  std::vector<size_t> known_start_;                      ///< by kind: its first index in known_keys_
  std::vector<uint32_t> fixed_groups_;  ///< by kind: pages a group holds (0: by metadata sizes)
  std::vector<bool> known_alone_;       ///< by known index: a group of its own
  std::vector<size_t> known_from_;      ///< by known index: its place in Expect's `pages`
  /// By kind: the known pages' groups (their first pages' indexes within
  /// the kind's known pages) that no other page can join, which a build
  /// hands over as soon as their pages are in.
  std::vector<std::vector<uint32_t>> known_groups_;
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
  std::vector<std::vector<uint32_t>> waiting_;  ///< by kind, by closed group: its pages still to come
  std::vector<std::vector<std::pair<uint64_t, size_t>>> emitted_;  ///< by kind, by group: hash, size (0: not)
};

}  // namespace fazhi
