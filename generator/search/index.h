// The site search index, split so that a query fetches a few small files
// whatever the size of the site (docs/search.md has the format):
//
//   search/manifest.json   documents, kinds, bucket count, group size, a build id
//   search/t/<b>.bin       the terms whose hash falls in bucket b, each with
//                          its pages and a weight per page ("impact"); the
//                          terms are the pages' tokens, each page's whole
//                          title (SearchTitleTerm) and its kind (SearchKindTerm)
//   search/p/<k>-<g>.json  title, URL, date and section texts of the pages of
//                          group g of kind k, fetched only for the results shown
//
// Pages are numbered by kind (年度报告 first), then those known before the
// render in the order Expect was given them (the site gives them newest
// first, so that of two pages a query ranks alike the newer comes first),
// then the others by output path; a kind's groups hold its
// pages `group` at a time. A term
// found on many pages keeps its highest-weighted pages as a list and all its
// pages as a bitmap, so a term's entry stays small at any site size while
// the set of matching pages stays exact. Weights are fixed at build time
// (BM25 saturation of title, heading and body counts, length-normalised per
// section against a fixed length), so an edit changes only the entries of
// the terms of the pages it touches: SearchIndex::Write then hands over only
// the files that changed (serve).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "search/page.h"

namespace fazhi {

struct SearchIndexStats {
  size_t docs = 0;      ///< pages indexed
  size_t terms = 0;     ///< distinct terms
  size_t postings = 0;  ///< (term, page) pairs
  size_t buckets = 0;   ///< search/t/*.bin files
  size_t groups = 0;    ///< search/p/*.json files
  size_t series = 0;    ///< search/s/*.bin files (kSearchSeriesChunk)
  size_t streamed = 0;  ///< of those, handed over as their pages came in
  size_t bytes = 0;     ///< all index files together
  size_t largest = 0;   ///< the largest bucket file
  size_t written = 0;   ///< files handed over by the last Write
};

/// Reports whose series numbers the manifest holds itself; past this many
/// they come in files of this many (search/s/<c>.bin), fetched only for the
/// reports a query's title matches list: one number a report made the
/// manifest of 31,460 reports 152 KB, loaded by every query.
inline constexpr size_t kSearchSeriesChunk = 4096;

/// Bytes of a section's text kept for snippets, and of a page's in all,
/// shared among its sections (1,200 and 3,000 Chinese characters: a long
/// report's 24,000 made its metadata 28 KB, and a query loads ten rows'
/// groups; a row can read its page for a match past the cut).
inline constexpr size_t kSearchSectionBytes = 3600;
inline constexpr size_t kSearchPageBytes = 9000;

/// Pages per metadata group for pages whose metadata is about `bytes` in
/// all (each page's counted up to kSearchPageBytes): groups of about 8 KB,
/// 1 to 16 pages.
uint32_t SearchGroupPages(size_t bytes, size_t pages);

/// A page whose metadata is expected to be this many bytes or more has a
/// metadata group of its own (half of a group's 8 KB: two would not fit).
inline constexpr size_t kSearchAloneBytes = 4096;

/// FNV-1a (32 bits) of a term's UTF-8 bytes: its bucket is this modulo the
/// bucket count (a power of two). search.js computes the same.
uint32_t SearchTermHash(std::string_view term);

/// Whole-site index, fed page by page as pages are rendered.
class SearchIndex {
 public:
  struct Options {
    /// Index every Chinese character on its own as well (a one-character
    /// query then finds it anywhere, not only where it stands alone).
    bool all_unigrams = false;
    /// Keep what a later Write needs to hand over only the changed files
    /// (serve); without, Write may be called once and frees the index.
    bool updates = false;
    int jobs = 0;  ///< threads for Write; 0 = hardware concurrency
    /// Words a query that finds nothing tries instead, by query (the
    /// manifest carries them to the client).
    std::map<std::string, std::vector<std::string>> synonyms;
  };
  /// `kinds`: the labels shown with results ("年度报告", …), in the order
  /// documents are numbered.
  SearchIndex(std::vector<std::string> kinds, Options options);
  ~SearchIndex();
  SearchIndex(const SearchIndex&) = delete;
  SearchIndex& operator=(const SearchIndex&) = delete;

  /// Indexes the page at `key` (its output path; within a kind, pages are
  /// numbered in key order), replacing an earlier version. `url` is relative
  /// to the base URL. Thread-safe: the tokens, weights and metadata are made
  /// on the calling thread.
  void Put(const std::string& key, int kind, const std::string& url, const std::string& date,
           const SearchPage& page);

  /// Forgets the page at `key`, if indexed.
  void Remove(const std::string& key);

  /// Called before the pages are Put: the pages known to come (key and
  /// kind, as Put will give them), and the pages a metadata group holds
  /// (SearchGroupPages). Known pages take the first numbers of their kind,
  /// in the order given (which breaks the client's ties: the caller gives
  /// them newest first), whether they come or not (one that does not is a hole: `null`
  /// in its group); other pages follow them. With `put` (a build, without
  /// Options::updates), a full group of known pages is handed to `put` by
  /// the Put that completes it, on that thread, and its metadata freed:
  /// held to Write, the metadata cost a 10,000-page build 7.7 % of its CPU
  /// (docs/performance.md, run 24). A page Put or Removed again after its
  /// group was handed over keeps its first metadata there.
  void Expect(const std::vector<std::pair<std::string, int>>& pages, uint32_t group_pages,
              std::function<void(const std::string& path, std::string bytes)> put = {});
  /// The same with the pages a group holds by kind (`group_pages[k]`, at
  /// least 1; a kind past the vector's end takes 1): a report's
  /// metadata is many times an indicator's, and one size for all kinds made
  /// the report groups a query loads twice the 8 KB they are meant to be.
  void Expect(const std::vector<std::pair<std::string, int>>& pages, const std::vector<uint32_t>& group_pages,
              std::function<void(const std::string& path, std::string bytes)> put = {});
  /// The same with, for each of `pages`, whether its metadata is expected
  /// to be kSearchAloneBytes or more: such a page has a group of its own,
  /// and `group_pages` is for runs of the others (GroupStarts). A page not
  /// known here has a group of its own when its metadata is that long.
  void Expect(const std::vector<std::pair<std::string, int>>& pages, const std::vector<uint32_t>& group_pages,
              const std::vector<bool>& alone,
              std::function<void(const std::string& path, std::string bytes)> put);

  /// Changes the pages a group holds, by kind, and which known pages (in
  /// Expect's order) have a group of their own (serve, after an edit: the
  /// rule follows the pages' text).
  void SetGroupPages(const std::vector<uint32_t>& group_pages, const std::vector<bool>& alone);

  /// The series of the first kind's pages (年度报告: one publisher's
  /// reports, by the year they cover), by key; replaces the last call's. A
  /// series of two pages or more is named in the manifest, so that the
  /// client lists the reports of one series whose titles hold a query
  /// together, newest first (search.js).
  void SetSeries(std::map<std::string, std::string> series_of);

  /// Hands the index files to `put` (from several threads): all of them on
  /// the first call, then (with Options::updates) only those that changed
  /// since the previous call. Returns false when a file of the previous call
  /// is no longer part of the index, so a caller that keeps the previous
  /// files must replace them all.
  bool Write(const std::function<void(const std::string& path, std::string bytes)>& put,
             SearchIndexStats* stats);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

/// Appends `s` as a JSON string literal (UTF-8 kept; invalid bytes become U+FFFD).
void AppendJsonString(std::string* out, std::string_view s);

}  // namespace fazhi
