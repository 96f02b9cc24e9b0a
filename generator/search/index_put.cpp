// SearchIndex's side on the render threads: a page's tokens to terms,
// their weights (BM25F with fixed lengths, so that an edit leaves other pages
// alone), its metadata, and the groups of known pages handed over as they
// complete.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "search/index_impl.h"
#include "search/tokenize.h"

namespace fazhi {

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

// Impact byte: bits 7-6 the best field (2 title, 1 heading or lead-in, 0
// body), bits 5-0 the saturated weight, 1…63.
uint8_t Impact(float x, int field) {
  float sat = x * (kK1 + 1.0f) / (x + kK1);
  // Half up, as the bytes of every index so far were made (x is never negative).
  int q = static_cast<int>(std::floor(63.0f * sat / (kK1 + 1.0f) + 0.5f));
  q = std::clamp(q, 1, 63);
  return static_cast<uint8_t>((field << 6) | q);
}

}  // namespace

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
    // The record (索引号, 文号) weighs as a section of the usual length: a
    // line that short would otherwise outweigh the text for its year.
    const float inv_norm = s.record ? 1.0f : 1.0f / (1.0f - kB + kB * static_cast<float>(len) / kRefLength);
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
  const std::vector<uint32_t>& starts = known_groups_[k];
  const size_t g = GroupHolding(starts, known - known_start_[k]);
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
    const size_t from = known_start_[k] + starts[g];
    const size_t to =
        known_start_[k] + (g + 1 < starts.size() ? starts[g + 1] : known_start_[k + 1] - known_start_[k]);
    for (size_t i = from; i < to; ++i) {
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
                               const std::vector<uint32_t>& group_pages, const std::vector<bool>& alone,
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
  known_alone_.assign(first.size(), false);
  known_from_.assign(first.size(), 0);
  std::vector<size_t> next(known_start_.begin(), known_start_.end() - 1);
  for (size_t i : first) {
    const size_t at = next[static_cast<size_t>(pages[i].second)]++;
    known_keys_[at] = {pages[i].second, pages[i].first};
    known_[pages[i].first] = static_cast<uint32_t>(at);
    known_from_[at] = i;
    known_alone_[at] = i < alone.size() && alone[i];
  }
  fixed_groups_.assign(kinds, 0);
  for (size_t k = 0; k < kinds; ++k) {
    fixed_groups_[k] = std::max<uint32_t>(1, k < group_pages.size() ? group_pages[k] : 0);
  }
  stream_put_ = updates_ ? nullptr : std::move(put);
  slots_.clear();
  waiting_.assign(kinds, {});
  emitted_.assign(kinds, {});
  known_groups_.assign(kinds, {});
  if (stream_put_) {
    slots_ = std::vector<Slot>(known_keys_.size());
    for (size_t k = 0; k < kinds; ++k) {
      const auto begin = known_alone_.begin() + static_cast<std::ptrdiff_t>(known_start_[k]);
      const std::vector<bool> flags(
          begin, begin + static_cast<std::ptrdiff_t>(known_start_[k + 1] - known_start_[k]));
      std::vector<uint32_t>& starts = known_groups_[k];
      starts = GroupStarts(flags, fixed_groups_[k]);
      // Closed groups only: the last one, a run's not yet full, may take
      // pages of other modules (which Write numbers after the known ones).
      size_t closed = starts.size();
      if (closed > 0 && !flags[starts.back()] && flags.size() - starts.back() < fixed_groups_[k]) --closed;
      waiting_[k].resize(closed);
      for (size_t g = 0; g < closed; ++g)
        waiting_[k][g] =
            (g + 1 < starts.size() ? starts[g + 1] : static_cast<uint32_t>(flags.size())) - starts[g];
      emitted_[k].assign(closed, {0, 0});
    }
  }
}

void SearchIndex::Impl::Remove(const std::string& key) {
  std::lock_guard<BriefMutex> lock(mu_);
  pending_.emplace_back(key, std::nullopt);
}

}  // namespace fazhi
