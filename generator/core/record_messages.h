// Core messages added by issue 14 (publisher mode and the 信息公开 record):
// editor notes, metadata and attachments. They join core/messages.h once
// issue 13 has created it.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

inline constexpr MessageText kNotePrefix{"编辑备注（不公开）：", "note (not published): "};
inline constexpr MessageText kReviewNotText{"review（编辑备注）应为一段文字或文字列表",
                                            "'review' (editor notes) must be text or a list of text"};

}  // namespace fazhi::msg
