// Pages → Site: sections with their pages newest first, report series per
// publisher with previous/next year. Pure and deterministic.
#pragma once

#include <vector>

#include "core/config.h"
#include "core/diagnostics.h"
#include "core/site_model.h"

namespace fazhi {

/// Builds the site model. Reports the same publisher twice for one year as
/// an error (a report's identity is publisher + year).
bool BuildModel(const Config& config, std::vector<Page> pages, Site* site, Diagnostics* diags);

}  // namespace fazhi
