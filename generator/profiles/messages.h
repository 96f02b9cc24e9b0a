// The messages of the profiles folder (述法). Chinese first, in the terms a
// bureau's web editor uses; English for `--lang en`.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

inline constexpr MessageText kDoneWithoutDate{
    "整改事项标为“已完成”，但没有写完成日期：请按来源填写 completed: "
    "YYYY-MM-DD；来源没有写明完成日期的，请写 "
    "completed: 未注明（页面显示“完成日期原文未注明”），不要自己推测日期",
    "the rectification item is 已完成 (done) but gives no completion date: add completed: YYYY-MM-DD as the "
    "source "
    "states it; if the source gives no date, write completed: 未注明 (the page then says the source gives "
    "none) "
    "rather than guessing one"};

}  // namespace fazhi::msg
