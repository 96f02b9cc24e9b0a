// The site search index, built at build time into /search/index.json and
// read by themes/default/static/js/search.js. Documents are reports, report
// sections (by heading anchor), indicators, profiles and pages; postings are
// tokens from search/tokenize.h with a term weight in which title tokens count
// kTitleBoost times. The format is compact JSON:
//   {"avglen":N,"docs":[[url,title,kind,text,len],...],"terms":{"行政":[doc,w,doc,w,...],...},"v":1}
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fazhi {

struct SearchDoc {
  std::string url;  ///< relative to the base URL, no leading '/': "reports/2024/#（四）…"
  std::string title;
  std::string kind;  ///< label shown with the result: 年度报告, 报告章节, 指标, 述法, 页面
  std::string text;  ///< plain text of the body
};

struct SearchIndexStats {
  size_t docs = 0;
  size_t terms = 0;
  size_t postings = 0;
  size_t bytes = 0;  ///< size of index.json
};

inline constexpr int kTitleBoost = 3;
/// Characters of each document's text kept in the index for result snippets.
inline constexpr size_t kSearchTextChars = 1200;

/// Terms interned to small ids, shared by the render threads, so a document
/// keeps 8 bytes per distinct term instead of a string. Ids depend on thread
/// timing; the serialised index orders terms by text, so output does not.
class TermDictionary {
 public:
  /// Ids of `terms`, interning new ones (thread-safe, one lock per call).
  std::vector<uint32_t> Intern(const std::vector<std::string_view>& terms);
  const std::string& Term(uint32_t id) const { return terms_[id]; }
  size_t size() const { return terms_.size(); }

 private:
  std::mutex mu_;
  std::unordered_map<std::string, uint32_t> ids_;
  std::deque<std::string> terms_;  ///< stable references
};

/// A document with its term weights counted: the expensive part of indexing,
/// done per page (in parallel, as pages are rendered).
struct IndexedDoc {
  std::string url, title, kind;
  std::string text;                                    ///< cut to kSearchTextChars
  size_t len = 0;                                      ///< tokens in title and text
  std::vector<std::pair<uint32_t, uint32_t>> weights;  ///< (term id, weight)
};
IndexedDoc IndexDocument(const SearchDoc& doc, TermDictionary* dict);

/// Serialises the index of `docs` (in the given order; doc ids are positions).
std::string SerializeSearchIndex(const std::vector<const IndexedDoc*>& docs, const TermDictionary& dict,
                                 SearchIndexStats* stats);

/// IndexDocument on each of `docs`, then SerializeSearchIndex.
std::string BuildSearchIndex(const std::vector<SearchDoc>& docs, SearchIndexStats* stats);

/// Plain text of an HTML fragment: tags dropped, block ends become spaces,
/// the common entities decoded, whitespace collapsed. <script>/<style>/<svg>
/// and <nav> content is skipped (chart text is indexed from the data tables,
/// menus and tables of contents would make every page match every heading).
std::string HtmlToText(std::string_view html);

struct HtmlSection {
  std::string id;     ///< the heading's id attribute ("" for the text before the first heading)
  std::string title;  ///< the heading's plain text
  std::string text;   ///< plain text up to the next heading of level <= max_level
};

/// Splits rendered Markdown at <h2>…<hN> headings that carry an id.
std::vector<HtmlSection> SplitHtmlByHeadings(std::string_view html, int max_level = 3);

}  // namespace fazhi
