// Markdown → HTML with cmark-gfm: GFM extensions, heading ids that keep
// Chinese text, a table of contents, plain text for summaries and search, and
// links to other .md files rewritten to page URLs. The only file that
// includes cmark-gfm headers.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/links.h"
#include "core/message.h"
#include "core/site_model.h"

namespace fazhi {

struct MarkdownOptions {
  bool unsafe_html = false;  ///< raw HTML passes through (tagfilter still applies)
  /// The caller has checked that the text is valid UTF-8 (content pages are,
  /// in LoadPage), so cmark-gfm need not check it again.
  bool valid_utf8 = false;
};

/// Resolves a local link or image target (not "#…", not another host), such
/// as "../reports/2024.md#二", "chart.png" or "/reports/2024/". Returns false
/// with a message when the target does not exist.
using LinkResolver =
    std::function<bool(std::string_view target, bool image, LinkResolution* out, Message* error)>;

/// Whether pages are parsed on several threads at once: cmark-gfm's table of
/// special characters is kept for the whole process (markdown.cpp); false
/// where the library's own calls could not be replaced, or where
/// FAZHI_MARKDOWN_LOCK=1 is set, so that parses take turns.
bool MarkdownFinishesInParallel();

struct MarkdownProblem {
  int line = 0;      ///< 1-based line within the body
  int byte_col = 0;  ///< 1-based byte column within that line
  Message message;
  bool warning = false;  ///< the page is still published as the editor meant
};

/// A link whose target is a site URL that can only be checked once every
/// output is known (LinkResolution::check_url).
struct MarkdownLinkCheck {
  int line = 0;           ///< 1-based line within the body
  int byte_col = 0;       ///< 1-based byte column of the target within that line
  std::string target;     ///< as written
  std::string check_url;  ///< the site URL it means
  bool image = false;
  bool operator==(const MarkdownLinkCheck&) const = default;
};

struct MarkdownResult {
  std::string html;
  std::vector<TocEntry> toc;              ///< h2–h4
  std::string plain_text;                 ///< text content, blocks separated by '\n'
  std::vector<MarkdownLinkCheck> checks;  ///< links to check against the outputs
  std::vector<std::string> resources;     ///< content files linked, sorted, unique
};

/// Renders `body`. Link problems are collected in `problems` (the HTML is
/// still produced). Thread-safe.
void RenderMarkdown(std::string_view body, const MarkdownOptions& opts, const LinkResolver& resolve,
                    MarkdownResult* out, std::vector<MarkdownProblem>* problems);

/// The anchor id for heading text: CJK kept, ASCII lowercased, spaces to '-',
/// punctuation dropped ("二、存在的不足 (2024)" → "二存在的不足-2024").
std::string HeadingSlug(std::string_view text);

/// Puts in Chinese the English label cmark-gfm gives a footnote's link back
/// to its reference (aria-label="Back to content", "Back to reference 2" in
/// later versions than Debian 12's), which a screen reader reading Chinese
/// spells out letter by letter. RenderMarkdown calls it on pages with
/// footnotes; nothing else of the library's markup changes.
void LabelFootnoteBackrefs(std::string* html);

/// Collapses whitespace and cuts `text` to `max_chars` characters, adding
/// "…" when cut. Counts characters, so CJK summaries are not cut by words.
std::string MakeSummary(std::string_view text, size_t max_chars);

}  // namespace fazhi
