// The messages of the norms folder (government-site norms). Chinese first,
// in the terms a bureau's web editor uses; English for `--lang en`.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

inline constexpr MessageText kSectionOnlyDrafts{
    "栏目“{0}”（{1}）这次不发布：它只有草稿 {2}（标着 draft: "
    "true），空白栏目不发布，它的菜单项也暂不显示。稿子写完"
    "后删去 draft: true 这一行即可发布；发布前可以用 fazhi serve --drafts 预览草稿",
    "the section '{0}' ({1}) is not published this time: it has only drafts, {2} (draft: true), and an empty "
    "section is not published, nor its menu entry. When a draft is ready, delete its draft: true line; "
    "preview "
    "drafts with fazhi serve --drafts"};

}  // namespace fazhi::msg
