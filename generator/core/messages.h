// Messages the core modules report (see core/message.h): Chinese first,
// English with `--lang en`.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

// Reading the site (source_tree).
inline constexpr MessageText kSymlinkLeavesSite{
    "符号链接指向站点文件夹之外（{0}）：fazhi 不读取站点外的文件；请把要发布的文件复制进站点文件夹",
    "symbolic link points outside the site folder ({0}): fazhi reads no file outside the site; copy the "
    "file into the site folder"};
inline constexpr MessageText kSymlinkDangling{
    "符号链接的目标不存在（{0}）；请删除这个链接或改正它",
    "symbolic link points to nothing ({0}); remove or fix the link"};
inline constexpr MessageText kSymlinkedFolderSkipped{
    "链接到文件夹的符号链接不会被读取，其中的文件不会发布；请改用真实的文件夹",
    "a symbolic link to a folder is not followed, so its files are not published; use a real folder"};

// Content (front matter).
inline constexpr MessageText kSlugNotASegment{
    "slug “{0}” 只能是网址中的一段名称：不能含有 /、\\、?、# 或控制字符，也不能是 . 或 ..",
    "slug '{0}' must be one segment of a URL: no /, \\, ?, # or control characters, and not . or .."};

// Editor notes (front matter `review:`, issue 14).
inline constexpr MessageText kNotePrefix{"编辑备注（不公开）：", "note (not published): "};
inline constexpr MessageText kReviewNotText{"review（编辑备注）应为一段文字或文字列表",
                                            "'review' (editor notes) must be text or a list of text"};

}  // namespace fazhi::msg
