// The messages of the outputs folder: search index, sitemaps and feeds.
#pragma once

#include "core/message.h"

namespace fazhi::msg {}  // namespace fazhi::msg
