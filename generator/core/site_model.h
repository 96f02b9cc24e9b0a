// The site as plain data: pages, sections and their URLs. No behaviour and
// no I/O; build_model fills it, the renderers read it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/front_matter.h"
#include "core/record.h"

namespace fazhi {

struct TocEntry {
  int level = 2;
  std::string id;    ///< the heading's anchor id (keeps CJK text)
  std::string text;  ///< plain text of the heading
  bool operator==(const TocEntry&) const = default;
};

/// One of the five required items of an annual report, as found by compliance.
struct ReportItemStatus {
  std::string key;         ///< front matter key under `items:` ("accountability")
  std::string name;        ///< 党政主要负责人履行第一责任人职责情况
  std::string heading_id;  ///< anchor of the heading that covers it; "" when missing
  std::string heading_text;
  bool mapped = false;  ///< found through the front matter mapping
  bool operator==(const ReportItemStatus&) const = default;
};

/// The compliance of a report (filled by norms/compliance.cpp, shown on its page).
struct ReportCompliance {
  std::string deadline;   ///< YYYY-04-01 of the year after the report's year
  std::string published;  ///< as stated; "" when the report states none
  bool on_time = false;   ///< published on or before the deadline: 按时公开
  bool late = false;      ///< published after the deadline
  bool complete = false;  ///< all five items found
  /// The page is a summary of part of the report (`excerpt: true`): what it
  /// lacks says nothing about the report, so the items are not looked for.
  bool excerpt = false;
  std::vector<ReportItemStatus> items;  ///< the five, in order
  bool operator==(const ReportCompliance&) const = default;
};

/// Report facts (pages under content/reports/).
struct ReportMeta {
  int year = 0;
  bool excerpt = false;   ///< `excerpt: true`: the page summarises part of the original
  std::string publisher;  ///< part of a report's identity with its year
  /// The unit's slug in data/units.csv when the site has a registry (then
  /// `publisher` is the unit's full name); "" on a single-publisher site.
  std::string unit;
  std::string published;  ///< original publication date, YYYY-MM-DD, may be empty
  std::string original_url;
  ReportCompliance compliance;
  bool operator==(const ReportMeta&) const = default;
};

/// A link in a page's body to a URL of this site, checked once every output
/// is known (core/links.h).
struct LinkCheck {
  int line = 0, col = 0;  ///< position of the target in the file (col in code points)
  std::string target;     ///< as written
  std::string url;        ///< the site URL it means ("/reports/2024/")
  bool image = false;
  bool operator==(const LinkCheck&) const = default;
};

struct Page {
  // Identity and place.
  std::string source_path;  ///< "content/reports/2024.md"
  std::string section;      ///< first folder under content/ ("" at the root)
  std::string slug;         ///< last URL segment ("2024"; "" for the home page)
  std::string url;          ///< site-relative URL, "/reports/2024/"
  std::string output_path;  ///< "reports/2024/index.html"
  std::string kind;         ///< "home", "section", "page", "report", ...
  bool is_index = false;    ///< an _index.md (section front page)

  // Front matter, typed.
  std::string title;
  std::string date;     ///< 发布日期, YYYY-MM-DD
  std::string updated;  ///< 更新日期, may be empty
  std::string source;   ///< 信息来源 (defaults to the site's sponsor)
  std::string description;
  std::string layout;                   ///< explicit layout name, may be empty
  int layout_line = 0, layout_col = 0;  ///< where `layout:` is written, for messages
  bool draft = false;
  int weight = 0;
  std::vector<std::string> tags;
  std::vector<std::string> categories;
  ReportMeta report;  ///< filled for kind "report"
  RecordMeta record;  ///< 信息公开 metadata, 落款, originals (any page)
  FrontMatter fm;     ///< the whole front matter, for feature modules

  // Body.
  /// Markdown after the front matter: a view into the SourceTree's text,
  /// which outlives the build. Cleared once rendered.
  std::string_view body;
  int body_first_line = 1;
  /// Bytes of the body that are text (not ASCII punctuation, spaces or
  /// markup): before the render, what the search index sizes its groups by.
  size_t text_bytes = 0;
  /// Rendered in the render stage just before the page's template, its html
  /// dropped once written (site/page_bodies.h); false: in the markdown stage.
  bool stream_body = false;
  bool body_rendered = false;  ///< html, toc, summary and cites are set
  std::string html;            ///< rendered body (empty again once a streamed page is written)
  std::string summary;         ///< plain text, cut by characters
  std::vector<TocEntry> toc;
  std::vector<std::string> cites;      ///< ids of the indicators the body links to
  std::vector<LinkCheck> link_checks;  ///< links to site URLs, checked after rendering
  std::vector<std::string> resources;  ///< files under content/ the body links (published with it)

  // Links set by build_model.
  int prev_in_series = -1;  ///< reports: the same publisher's previous year
  int next_in_series = -1;
};

/// True when `a` and `b` can differ only in what is rendered from the body
/// (html, toc, summary, cites) and in source positions. Every other field
/// may be read by other pages' outputs (lists, menus, feeds, sitemaps), so
/// an edit that changes one of them is not local to its page (`serve`).
bool SameOutsideBody(const Page& a, const Page& b);

/// The year a page is of, newest first: a report's is the year it is due
/// (the one after the year it reports on, as each is published by 1 April),
/// any other page's the year of its date; 0 when it has neither.
int ListYear(const Page& page);

/// Newest first: ListYear descending, then date descending, then weight,
/// then title, then path. So the reports of a district's units, put on the
/// site on one day, list by the year they cover, not by title.
bool NewerFirst(const Page& a, const Page& b);

/// Sorts `indices` (into `pages`) as NewerFirst orders their pages, with
/// each page's year and date read once: a 10,000-page site's lists and
/// search index are sorted on one thread, and the comparisons that read the
/// pages themselves cost 15 ms there.
void SortNewestFirst(const std::vector<Page>& pages, std::vector<int>* indices);

struct Section {
  std::string name;        ///< folder name ("reports")
  std::string title;       ///< from _index.md, else the folder name
  std::string url;         ///< "/reports/"
  int index_page = -1;     ///< index into Site::pages of its _index.md
  std::vector<int> pages;  ///< member pages, newest first
};

/// A section folder with an _index.md but no published page yet (none
/// written, or only drafts). It is not published: a 空白栏目 (empty column)
/// is a defect on a government site, so the section appears, with its list
/// page and menu entry, once it has a page.
struct UnopenedSection {
  std::string name;        ///< folder name ("reports")
  std::string url;         ///< "/reports/"
  std::string title;       ///< from its _index.md
  std::string index_path;  ///< "content/reports/_index.md"
};

struct Site {
  Config config;
  std::vector<Page> pages;                ///< sorted by source path
  std::vector<Section> sections;          ///< sorted by name; each has pages
  std::vector<UnopenedSection> unopened;  ///< sorted by name
};

/// A link on the 网站地图 page, with an optional note such as "（12项）".
struct SitemapLink {
  std::string title, url;  ///< url: a site URL ("/indicators/")
  std::string note;
};

/// A group of links under a heading on the 网站地图 page: what a feature
/// module adds to the site map besides the sections.
struct SitemapGroup {
  std::string title, url;
  std::vector<SitemapLink> items;
  std::string note;  ///< beside the heading, e.g. "共 30 项"
};

}  // namespace fazhi
