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

// core/manifest.h: `fazhi build --manifest FILE`.
inline constexpr MessageText kManifestInsideOutput{
    "清单文件不能放在输出目录 {0} 之内：下次构建会替换它，它也会随网站一起发布。"
    "请放在输出目录旁边，例如 --manifest public.sha256",
    "the manifest cannot go inside the output folder {0}: the next build replaces that folder and it would "
    "be published with the site. Put it beside the output folder, e.g. --manifest public.sha256"};
inline constexpr MessageText kManifestInsideInput{
    "清单文件不能放在网站的 {0}/ 目录之内。请放在输出目录旁边，例如 --manifest public.sha256",
    "the manifest cannot go inside the site's {0}/ folder. Put it beside the output folder, e.g. --manifest "
    "public.sha256"};
inline constexpr MessageText kManifestNotOurs{
    "不覆盖这个文件：它不是 fazhi 写的清单（清单每行是“SHA-256  路径”）。请换一个文件名",
    "not overwriting this file: it is not a manifest written by fazhi (each line of a manifest is "
    "'SHA-256  path'). Choose another file name"};
inline constexpr MessageText kManifestNotWritten{"无法写入清单文件：{0}；输出目录保持不变",
                                                 "cannot write the manifest: {0}; the output folder was left "
                                                 "unchanged"};
inline constexpr MessageText kManifestNotMoved{
    "网站已经更新，但无法把新清单移到这里：{0}。这里的旧清单已经过时，请重新构建后再上传",
    "the site was updated, but the new manifest could not be moved here: {0}. The old manifest here is "
    "out of date: build again before uploading"};

}  // namespace fazhi::msg
