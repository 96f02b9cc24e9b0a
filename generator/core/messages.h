// Messages reported by core modules (see core/message.h for how they are used).
#pragma once

#include "core/message.h"

namespace fazhi::msg {

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
