// What search reads of a rendered page: the text of its <main>, cut into
// sections at the headings that carry an anchor, with the page title, the
// section headings and the bold lead-ins of paragraphs ("**行政复议与应诉。**
// 落实新修订的…", the way Chinese reports title their paragraphs) kept apart,
// because a match there counts more. Page chrome is left out: <nav> (menus,
// tables of contents), scripts, SVG drawings, and any element the theme marks
// with `data-search-ignore` (the 发布日期/信息来源 line, tags, fact boxes), so
// that neither the index nor a result's snippet is made of it. A footnote's
// number and its link back (↩) are left out too, without a space, so that a
// figure a note follows stays whole. Inside chrome left out, what the theme
// marks `data-search-keep` (索引号, 文号) is kept, as the page's record.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

struct SearchSection {
  std::string id;       ///< the heading's anchor; "" for the text before the first anchored heading
  std::string heading;  ///< the heading's plain text ("" for the intro)
  std::string leads;    ///< bold lead-ins and unanchored headings, '\n'-separated
  std::string text;     ///< plain text, leads included; blocks end with '\n'
  /// The page's record: what the theme marks `data-search-keep` inside
  /// chrome it leaves out (the 索引号 and 文号 of the 信息公开 table), so
  /// that a reader who types a document's number finds it. Always the last
  /// section, anchored at that chrome's id, without a heading.
  bool record = false;
};

struct SearchPage {
  std::string title;                    ///< the first <h1>
  std::vector<SearchSection> sections;  ///< sections[0] is the intro (it may be empty)
  size_t html_bytes = 0;                ///< the whole page's HTML, which a reader's browser loads to read it
};

/// The searchable content of the <main> of `html`. False when the page has
/// no <main>. Sections start at <h2> and <h3> headings with an id.
bool ExtractSearchPage(std::string_view html, SearchPage* out);

/// Plain text of an HTML fragment, as ExtractSearchPage makes it: tags
/// dropped, the common entities decoded, whitespace collapsed, each block
/// ending in '\n' and a line break between Chinese characters dropped.
std::string HtmlToText(std::string_view html);

}  // namespace fazhi
