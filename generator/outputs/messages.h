// The messages of the outputs folder: search index, sitemaps and feeds.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

inline constexpr MessageText kSearchIndexLarge{
    "搜索索引有 {0} MiB，浏览器加载起来太大：可以设置 [search] enabled = false，或者参阅 docs/search.md",
    "the search index is {0} MiB, large for a browser to load; set [search] enabled = false, or see "
    "docs/search.md"};

}  // namespace fazhi::msg
