// Messages of the command line (see core/message.h for how they are used).
#pragma once

#include "core/message.h"

namespace fazhi::msg {

inline constexpr MessageText kAsOfInvalid{
    "--as-of 需要 YYYY-MM-DD 格式的日期或 today，例如 --as-of 2025-03-31，而不是“{0}”",
    "--as-of takes a date YYYY-MM-DD or today, e.g. --as-of 2025-03-31, not '{0}'"};
inline constexpr MessageText kAsOfNoClock{
    "--as-of today 需要系统时钟，但这里没有提供",
    "--as-of today needs the system clock, which is not available here"};
inline constexpr MessageText kManifestNeedsFile{
    "--manifest 需要一个文件名，例如 --manifest public.sha256",
    "--manifest takes a file name, e.g. --manifest public.sha256"};
inline constexpr MessageText kManifestWritten{"fazhi: 清单：{0} 个文件的 SHA-256 已写入 {1}",
                                              "fazhi: manifest: the SHA-256 of {0} files written to {1}"};

}  // namespace fazhi::msg
