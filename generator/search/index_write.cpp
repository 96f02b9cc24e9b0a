// SearchIndex's Write: the documents numbered, each term's pages gathered
// a term group at a time on all threads (a build) or kept and edited (serve:
// only the files a change reaches are handed over), the manifest.
#include <algorithm>
#include <cstdio>

#include "core/parallel.h"
#include "search/client.h"
#include "search/index_impl.h"

namespace fazhi {

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
  std::string bytes = BucketBytes(*terms, text_, lists, order_.size());
  std::vector<uint32_t>().swap(*terms);
  bucket_hash_[b] = HashBytes(bytes);
  bucket_size_[b] = bytes.size();
  put("search/t/" + std::to_string(b) + ".bin", std::move(bytes));
}

void SearchIndex::Impl::LayOutGroups() {
  const size_t kinds = kinds_.size();
  group_.assign(kinds, 0);
  layout_.assign(kinds, {});
  alone_.assign(kinds, {});
  kind_start_.assign(kinds, 0);
  kind_groups_.assign(kinds, 0);
  group_base_.assign(kinds, 0);
  size_t groups = 0;
  for (size_t k = 0; k < kinds; ++k) {
    kind_start_[k] = k == 0 ? 0 : kind_start_[k - 1] + kind_counts_[k - 1];
    group_[k] = GroupPages(k);
    std::vector<bool>& alone = alone_[k];
    alone.assign(kind_counts_[k], false);
    const size_t known = known_.empty() ? 0 : known_start_[k + 1] - known_start_[k];
    for (size_t d = 0; d < alone.size(); ++d) {
      const PageEntry* e = entries_[kind_start_[k] + d];
      alone[d] = d < known ? known_alone_[known_start_[k] + d] : e && e->meta.size() >= kSearchAloneBytes;
    }
    layout_[k] = GroupStarts(alone, group_[k]);
    kind_groups_[k] = layout_[k].size();
    group_base_[k] = groups;
    groups += kind_groups_[k];
  }
}

std::string SearchIndex::Impl::Group(uint32_t g) const {
  const size_t k = KindOfGroup(g);
  const auto [from, to] = GroupRange(k, g);
  const size_t first = kind_start_[k] + from, end = kind_start_[k] + to;
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
  // v5: each kind with its page count and the pages a group of a run
  // holds, and which pages have a group of their own (GroupStarts), as a
  // bitmap in base64 (a bit a page, low bit first), left out when none has
  // (and when all have: then a run's group holds one page).
  std::string out = "{\"v\":" + std::to_string(kSearchIndexFormat) +
                    ",\"docs\":" + std::to_string(order_.size()) + ",\"kinds\":[";
  for (size_t k = 0; k < kinds_.size(); ++k) {
    if (k) out += ',';
    out += '[';
    AppendJsonString(&out, kinds_[k]);
    const std::vector<bool>& alone = alone_[k];
    const size_t n = static_cast<size_t>(std::count(alone.begin(), alone.end(), true));
    const bool all = n > 0 && n == alone.size();
    out += ',' + std::to_string(kind_counts_[k]) + ',' + std::to_string(all ? 1 : group_[k]);
    if (n > 0 && !all) {
      std::string bits((alone.size() + 7) / 8, '\0');
      for (size_t d = 0; d < alone.size(); ++d) {
        if (alone[d]) bits[d / 8] = static_cast<char>(bits[d / 8] | (1 << (d % 8)));
      }
      out += ",\"" + Base64(bits) + '"';
    }
    out += ']';
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
  const std::vector<std::vector<uint32_t>> old_layout = layout_;
  const std::vector<size_t> old_base = group_base_, old_counts = kind_counts_;
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
  LayOutGroups();
  const size_t groups = kinds == 0 ? 0 : group_base_[kinds - 1] + kind_groups_[kinds - 1];
  auto group_of = [&](uint32_t d) {
    size_t k = 0;
    while (k + 1 < kinds && kind_start_[k + 1] <= d) ++k;
    return group_base_[k] + GroupHolding(layout_[k], d - kind_start_[k]);
  };
  const bool all = !same_docs || buckets_ != old_buckets;
  std::vector<bool> dirty_buckets(buckets_, all);
  // A group that is the same group of its kind as at the last Write, with
  // the same pages, none of them changed, keeps its file (an edit that
  // makes a page long or short moves the groups of its run, and renumbers
  // those after it in its kind when their count changes: GroupStarts).
  std::vector<bool> dirty_groups(groups, true);
  std::vector<uint64_t> kept_hash(groups, 0);
  std::vector<size_t> kept_size(groups, 0);
  for (size_t k = 0; same_docs && k < kinds && k < old_layout.size(); ++k) {
    const std::vector<uint32_t>& was = old_layout[k];
    for (size_t i = 0; i < layout_[k].size(); ++i) {
      const uint32_t from = layout_[k][i];
      const size_t to = i + 1 < layout_[k].size() ? layout_[k][i + 1] : kind_counts_[k];
      if (i >= was.size() || was[i] != from || (i + 1 < was.size() ? was[i + 1] : old_counts[k]) != to)
        continue;
      dirty_groups[group_base_[k] + i] = false;
      kept_hash[group_base_[k] + i] = group_hash_[old_base[k] + i];
      kept_size[group_base_[k] + i] = group_size_[old_base[k] + i];
    }
  }
  group_hash_ = std::move(kept_hash);
  group_size_ = std::move(kept_size);
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

}  // namespace fazhi
