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
inline constexpr MessageText kCannotListen{"无法在 {0} 上监听（{1}）", "cannot listen on {0}: {1}"};

}  // namespace fazhi::msg
