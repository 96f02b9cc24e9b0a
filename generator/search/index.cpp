#include "search/index.h"

#include <algorithm>

#include "search/index_impl.h"
#include "search/tokenize.h"

namespace fazhi {

namespace {

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

SearchIndex::Impl::Impl(std::vector<std::string> kinds, SearchIndex::Options o)
    : kinds_(std::move(kinds)),
      kind_terms_(KindTerms(kinds_)),
      all_unigrams_(o.all_unigrams),
      updates_(o.updates),
      jobs_(o.jobs),
      synonyms_(std::move(o.synonyms)) {}

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
  impl_->Expect(pages, std::vector<uint32_t>(impl_->KindCount(), group_pages), {}, std::move(put));
}

void SearchIndex::Expect(const std::vector<std::pair<std::string, int>>& pages,
                         const std::vector<uint32_t>& group_pages,
                         std::function<void(const std::string&, std::string)> put) {
  impl_->Expect(pages, group_pages, {}, std::move(put));
}

void SearchIndex::Expect(const std::vector<std::pair<std::string, int>>& pages,
                         const std::vector<uint32_t>& group_pages, const std::vector<bool>& alone,
                         std::function<void(const std::string&, std::string)> put) {
  impl_->Expect(pages, group_pages, alone, std::move(put));
}

void SearchIndex::SetGroupPages(const std::vector<uint32_t>& group_pages, const std::vector<bool>& alone) {
  impl_->SetGroupPages(group_pages, alone);
}

void SearchIndex::SetSeries(std::map<std::string, std::string> series_of) {
  impl_->SetSeries(std::move(series_of));
}

bool SearchIndex::Write(const std::function<void(const std::string& path, std::string bytes)>& put,
                        SearchIndexStats* stats) {
  return impl_->Write(put, stats);
}

}  // namespace fazhi
