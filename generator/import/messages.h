// Messages `fazhi import` reports (see core/message.h): Chinese first,
// English with `--lang en`.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

inline constexpr MessageText kImportTooLarge{
    "文件超过{0} MiB，不像是一份年度报告；请检查是否选错了文件",
    "the file is larger than {0} MiB, which is not a report; is it the "
    "right file?"};
inline constexpr MessageText kImportTooManyParagraphs{
    "文档有超过{0}个段落，不像是一份年度报告；请检查是否选错了文件",
    "the document has more than {0} paragraphs, which is not a report; is it the right file?"};
inline constexpr MessageText kImportTooMuchText{
    "文档的文字超过{0} MiB，不像是一份年度报告；请检查是否选错了文件",
    "the document holds more than {0} MiB of text, which is not a report; is it the right file?"};
inline constexpr MessageText kImportDocxNotZip{
    "文件名以 .docx 结尾，但内容不是 Word 文档（不是 ZIP 格式）；请用 Word 或 WPS 打开后另存为 .docx 再导入",
    "the file is named .docx but is not a Word document (not a ZIP file); open it in Word or WPS, save it "
    "as .docx and import that"};
inline constexpr MessageText kImportTooManyFigures{
    "找到的数字超过{0}个，只写出了前{0}个；一份年度报告通常不到200个，请检查是否选错了文件",
    "more than {0} figures found; only the first {0} were written (a report has fewer than 200: is it "
    "the right file?)"};
inline constexpr MessageText kImportTargetIsLink{
    "{0} 是一个符号链接（指向 {1}）；导入不会替换它，请先删除它或加 --force",
    "{0} is a symbolic link (to {1}); import does not replace it: remove it first, or pass --force"};

}  // namespace fazhi::msg
