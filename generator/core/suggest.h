// "Did you mean": the nearest known name to what an editor typed, by edit
// distance over characters and by the Chinese names editors reach for first
// (`标题` for title, `来源` for source). Used by every check that rejects an
// unknown key, id, category, status or unit type.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

/// Levenshtein distance counted in code points, so 标题 and 标提 are 1 apart.
size_t EditDistance(std::string_view a, std::string_view b);

/// The candidate nearest to `typed`: one whose edit distance is at most a
/// third of the longer name (at least 1), or that equals it ignoring ASCII
/// case, '-' and '_'. Ties go to the earlier candidate; "" when none is near.
std::string NearestName(std::string_view typed, const std::vector<std::string_view>& candidates);

/// NearestName, but a Chinese name of a front matter or site.toml key
/// (标题 → title, 来源 → source, 发布日期 → date) is tried first; only
/// names in `known` are ever suggested.
std::string SuggestKey(std::string_view typed, const std::vector<std::string_view>& known);

}  // namespace fazhi
