// The messages of the serve folder: the preview server's error overlay and
// its log lines.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

inline constexpr MessageText kOverlayTitle{"构建失败：{0}", "Build failed: {0}"};
inline constexpr MessageText kOverlayLastGood{
    "下面是上一次成功构建的页面。修正错误并保存后，页面会自动刷新。",
    "Below is the last good build. Fix the errors and save: the page "
    "reloads by itself."};
inline constexpr MessageText kOverlayNoSite{
    "网站还没有成功构建过。修正错误并保存后，页面会自动刷新。",
    "The site has not built yet. Fix the errors and save: the page reloads "
    "by itself."};
inline constexpr MessageText kInternalError{"构建时发生内部错误：{0}", "internal error while building: {0}"};
inline constexpr MessageText kServeBuilt{"fazhi：已生成 {0} 个文件，用时 {1} 毫秒",
                                         "fazhi: built {0} files in {1} ms"};
inline constexpr MessageText kServeFailed{"fazhi：构建失败（{0}），用时 {1} 毫秒；{2}",
                                          "fazhi: build failed ({0}) in {1} ms; {2}"};
inline constexpr MessageText kServeStillLastGood{"仍在提供上一次成功构建的网站",
                                                 "still serving the last good build"};
inline constexpr MessageText kServeErrorPage{"先显示错误页", "serving the error page"};
inline constexpr MessageText kPortInUse{
    "无法在 {0} 上监听：端口已被占用（可以用 --port 换一个）",
    "cannot listen on {0}: the port is already in use (choose another with "
    "--port)"};
inline constexpr MessageText kCannotListen{"无法在 {0} 上监听：{1}", "cannot listen on {0}: {1}"};
inline constexpr MessageText kHostNotHere{
    "无法在 {0} 上监听：这台电脑没有“{1}”这个地址；--host 要写本机的地址，例如 127.0.0.1（只有本机能看）或 "
    "0.0.0.0（局域网里的电脑也能看）",
    "cannot listen on {0}: this machine has no address '{1}'; --host takes one of its own addresses, "
    "e.g. 127.0.0.1 (this machine only) or 0.0.0.0 (the local network too)"};

// --- The /_review/ page and the editor badge (preview only) ---------------------------

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
