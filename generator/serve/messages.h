// Text of the preview server's editor pages (the /_review/ page and the
// editor badge on every previewed page): Chinese first, English with --lang en.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

inline constexpr MessageText kReviewTitle{"编辑核对", "Editor review"};
inline constexpr MessageText kReviewIntro{
    "本页只在本机预览（fazhi serve）中出现，fazhi build 不会生成，不会发布。这里列出 fazhi check "
    "报告的全部问题：错误、警告（公开要求核对、正文与数据不一致等）和编辑备注（页面 front matter 的 "
    "review）。",
    "This page exists only in the local preview (fazhi serve); fazhi build never writes it and it is never "
    "published. It lists everything fazhi check reports: errors, warnings (publication requirements, prose "
    "that contradicts the data, …) and editor notes (the pages' `review` front matter)."};
inline constexpr MessageText kReviewCounts{"错误 {0} 个，警告 {1} 个，编辑备注 {2} 条。",
                                           "{0} errors, {1} warnings, {2} editor notes."};
inline constexpr MessageText kReviewNothing{"没有需要核对的问题。", "Nothing to review."};
inline constexpr MessageText kReviewBack{"返回网站首页", "Back to the home page"};
inline constexpr MessageText kReviewBadge{"编辑核对：{0} 项", "Editor review: {0}"};
inline constexpr MessageText kReviewBadgeLabel{"编辑核对（仅预览可见）", "Editor review (preview only)"};
inline constexpr MessageText kSeverityError{"错误", "error"};
inline constexpr MessageText kSeverityWarning{"警告", "warning"};
inline constexpr MessageText kSeverityNote{"编辑备注", "note"};

}  // namespace fazhi::msg
