// The editor's view of a build, served by `fazhi serve` only: the /_review/
// page lists every diagnostic of the latest build (errors, warnings such as
// compliance findings and prose/data contradictions, and the editor notes
// kept in front matter), grouped by file; a small badge on every previewed
// page links to it. Nothing here is ever part of the built site.
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostics.h"

namespace fazhi {

/// The path of the review page.
inline constexpr std::string_view kReviewPath = "/_review/";

/// A whole HTML page listing `diags` by file, in the order found.
std::string RenderReviewPage(const Diagnostics& diags);

/// The badge injected into previewed HTML pages: a labelled landmark with a
/// link to the review page and the number of items to look at.
std::string RenderReviewBadge(const Diagnostics& diags);

}  // namespace fazhi
