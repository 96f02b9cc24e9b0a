// The messages of the site search: what an editor or vendor is told about it.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

inline constexpr MessageText kSearchClientUndeclared{
    "这个搜索脚本没有写明它读取哪一版搜索索引，多半是旧版 fazhi 复制到网站里的：本版 fazhi 生成第 {0} "
    "版索引，用这个脚本发布，站内搜索将无法使用。请用 fazhi 自带的 {1} "
    "替换它（改过这个文件的，把改动移到新文件上）；"
    "不提供站内搜索的，在 site.toml 的 [search] 里写 enabled = false",
    "this search script does not say which search index format it reads; it is most likely a copy an older "
    "fazhi made into the site. This fazhi writes format {0}, and search would not work with this script: "
    "replace it with fazhi's own {1} (and carry over any changes made to it), or set enabled = false under "
    "[search] in site.toml"};
inline constexpr MessageText kSearchClientOtherFormat{
    "这个搜索脚本读取第 {0} 版搜索索引，本版 fazhi 生成的是第 {1} 版：用它发布，站内搜索将无法使用。请用 "
    "fazhi "
    "自带的 {2} 替换它（改过这个文件的，把改动移到新文件上）",
    "this search script reads search index format {0}, and this fazhi writes format {1}: search would not "
    "work with it. Replace it with fazhi's own {2} (and carry over any changes made to it)"};

}  // namespace fazhi::msg
