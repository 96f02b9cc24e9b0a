// content/**/*.md → pages: front matter read into typed fields, required
// fields checked, URL and output path assigned. Bodies are rendered later
// (markdown stage), once every page's URL is known for link rewriting.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "core/diagnostics.h"
#include "core/site_model.h"
#include "core/source_tree.h"

namespace fazhi {

/// Loads every page. Drafts are left out unless `drafts`. Every file is tried;
/// each problem is reported at its position. Pages come sorted by path.
/// Files are parsed on `jobs` threads (0 = all cores); the result and the
/// diagnostics do not depend on it. The paths of the pages left out for their
/// errors go to `unloaded` (sorted), when given, so that later stages can
/// keep reporting without taking a link to one of them for a broken link.
bool LoadContent(const SourceTree& tree, const Config& config, bool drafts, std::vector<Page>* pages,
                 Diagnostics* diags, int jobs = 1, std::vector<std::string>* unloaded = nullptr);

/// Loads one page file (LoadContent does this for each; serve for an edit).
/// Returns false when the file has errors.
bool LoadPage(const SourceFile& file, const Config& config, Page* page, Diagnostics* diags);

/// Resolves a link written in `from_source` ("content/a/b.md") to `target`
/// ("../c.md#x") against the loaded pages. Returns the page's site-relative
/// URL plus fragment, or false with a message. A link to one of `unloaded`
/// (sorted paths of pages that failed to load; the build fails for them
/// already) is no error of its own: true, with the URL "/".
bool ResolvePageLink(const std::vector<Page>& pages, std::string_view from_source, std::string_view target,
                     std::string* url, Message* error, const std::vector<std::string>* unloaded = nullptr);

/// The title of a section without an _index.md title: the Chinese name of
/// the sections fazhi knows (reports → 年度报告), else the folder name.
std::string DefaultSectionTitle(std::string_view name);

/// The front matter keys every page may use.
const std::vector<std::string_view>& CommonFrontMatterKeys();

}  // namespace fazhi
