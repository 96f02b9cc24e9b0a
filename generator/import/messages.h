// The messages of the import folder: reading a published report (.txt or
// .docx) and writing the draft files.
#pragma once

#include "core/message.h"

namespace fazhi::msg {

inline constexpr MessageText kDocxMissingEntry{"这个 .docx 里没有 {0}（它是 Word 文档吗？）",
                                               "the .docx has no {0} (is it a Word document?)"};
inline constexpr MessageText kDocxEntryTooLarge{"这个 .docx 里的 {0} 读不出来或太大",
                                                "the .docx entry {0} is unreadable or too large"};
inline constexpr MessageText kDocxCannotOpen{"这个 .docx 文件已损坏或不完整（打不开 {0}）",
                                             "the .docx file is damaged or truncated (cannot open {0})"};
inline constexpr MessageText kDocxCannotRead{"这个 .docx 文件已损坏或不完整（读不出 {0}）",
                                             "the .docx file is damaged or truncated (cannot read {0})"};
inline constexpr MessageText kDocxNoZip{
    "这个 .docx 文件已损坏或不完整（读不出它的 ZIP 目录）",
    "the .docx file is damaged or truncated (its ZIP directory cannot be read)"};
inline constexpr MessageText kDocxBadXml{
    "这个 .docx 文件已损坏（word/document.xml 不是完整的 XML）",
    "the .docx file is damaged (word/document.xml is not well-formed XML)"};
inline constexpr MessageText kFormatDocx{"Word 文档（.docx）", "Word document (.docx)"};
inline constexpr MessageText kFormatText{"{0} 文本", "{0} text"};
inline constexpr MessageText kFormatHtml{"网页（HTML，{0}）", "web page (HTML, {0})"};
inline constexpr MessageText kHtmlUnreadable{"这个网页文件读不出来（不是 HTML）",
                                             "the web page cannot be read (it is not HTML)"};
inline constexpr MessageText kImportEmpty{"文件是空的", "the file is empty"};
inline constexpr MessageText kImportOldDoc{
    "这是旧版 Word 的 .doc（或其他 OLE）文件：请在 Word 或 WPS 里另存为 .docx 再导入",
    "this is an old Word .doc (or another OLE) file; save it as .docx and "
    "import that"};
inline constexpr MessageText kImportPdf{
    "不支持 PDF：请把文字复制到 .txt 文件里，或者用 .docx",
    "PDF is not supported; copy the text into a .txt file or use the .docx"};
inline constexpr MessageText kImportBinary{"这是二进制文件，不是文本或 .docx",
                                           "the file is binary, not text or .docx"};
inline constexpr MessageText kImportEncoding{"认不出文字编码：既不是 UTF-8、UTF-16，也不是 GB18030/GBK",
                                             "unknown text encoding: the file is neither UTF-8, UTF-16 nor "
                                             "GB18030/GBK"};
inline constexpr MessageText kImportNoText{"文件里没有文字", "the file has no text"};
inline constexpr MessageText kImportNotChinese{
    "这不是中文正文（编码不对，或者不是报告）",
    "the text is not Chinese prose (wrong encoding or not a report)"};
inline constexpr MessageText kImportNoHeadings{
    "没有找到标题（一、 （一） 1. （1））：全文按段落导入",
    "no headings found (一、 （一） 1. （1）); the text is imported as "
    "paragraphs"};
inline constexpr MessageText kImportFilesExist{
    "fazhi import：已有 {0} 个文件存在，什么也没写（要覆盖请加 --force）：",
    "fazhi import: {0} file(s) exist already; nothing was written (use "
    "--force to overwrite):"};
inline constexpr MessageText kImportCannotCreate{"fazhi import：无法创建 {0}：{1}",
                                                 "fazhi import: cannot create {0}: {1}"};
inline constexpr MessageText kImportCannotWriteWhy{"fazhi import：无法写入 {0}：{1}",
                                                   "fazhi import: cannot write {0}: {1}"};
inline constexpr MessageText kImportWrote{"已写入 {0}", "wrote {0}"};
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

// Bulk import (`fazhi import DIR`, `fazhi import a.txt b.docx …`).
inline constexpr MessageText kImportNext{
    "下一步：对照原文核对上面写入的文件（方法见 docs/import.md），然后运行 fazhi build",
    "Next: review the files above against the original (see docs/import.md), then run fazhi build"};
inline constexpr MessageText kImportZoneTitle{"标题", "title"};
inline constexpr MessageText kImportZoneSignature{"落款", "signature"};
inline constexpr MessageText kImportZoneSource{"来源", "来源 (source) line"};
inline constexpr MessageText kImportZoneOpening{"开头", "opening lines"};
inline constexpr MessageText kImportUnitNotNamed{
    "标题、落款、来源和开头都没有单位名录中的名称；请在 data/units.csv 补上该单位的全称或简称后重新导入",
    "no name from the unit registry in the title, signature, 来源 or opening lines; add the unit's full or "
    "short name to data/units.csv and import again"};
inline constexpr MessageText kImportUnitAmbiguous{
    "{0}中有多个单位：{1}；请核对是哪个单位的报告",
    "the {0} names several units: {1}; check whose report it is"};
inline constexpr MessageText kImportUnitConflict{
    "标题指向{0}，落款却是{1}；请核对是哪个单位的报告",
    "the title names {0} but the signature {1}; check whose report it is"};
inline constexpr MessageText kImportYearNotStated{
    "正文没有写明报告年度；请单独导入并加 --year",
    "the text does not say which year it reports on; import it alone with --year"};
inline constexpr MessageText kImportDuplicateReport{"与 {0} 同为{1}{2}年度的报告；请核对是否重复",
                                                    "{0} is also {1}'s report for {2}; is one a duplicate?"};
inline constexpr MessageText kImportUnreadable{"无法导入：{0}", "cannot be imported: {0}"};
inline constexpr MessageText kImportStatusRecognised{"已识别（{0}）", "recognised ({0})"};
inline constexpr MessageText kImportStatusReview{"需核对：{0}", "needs review: {0}"};
inline constexpr MessageText kImportColumnFile{"文件", "file"};
inline constexpr MessageText kImportColumnUnit{"单位", "unit"};
inline constexpr MessageText kImportColumnYear{"年度", "year"};
inline constexpr MessageText kImportColumnStatus{"状态", "status"};
inline constexpr MessageText kImportBulkDone{
    "共 {0} 个文件：{1} 份已识别并写入 content/reports/<单位>-<年度>.md（指标草稿在 data/indicators/ 和 "
    "content/indicators/），{2} 份需核对（未写入）",
    "{0} files: {1} recognised and written to content/reports/<unit>-<year>.md (draft figures in "
    "data/indicators/ and content/indicators/), {2} need review (not written)"};
inline constexpr MessageText kImportBulkExisting{
    "{0} 个文件已经存在，什么都没有写入（要覆盖请加 --force）：",
    "{0} file(s) exist already; nothing was written (use --force to overwrite):"};
inline constexpr MessageText kImportNoRegistry{
    "批量导入按单位名录分配报告，但 {0} 不存在；请先建立单位名录（见 docs/import.md）",
    "a bulk import assigns reports to units from the unit registry, but {0} does not exist; create it "
    "first (see docs/import.md)"};
inline constexpr MessageText kImportNoFiles{"{0} 中没有可导入的文件（.txt、.docx 等）",
                                            "{0} holds no file to import (.txt, .docx, …)"};
inline constexpr MessageText kImportBulkOnlyOption{
    "{0} 只用于导入单个文件；批量导入时标题和单位取自各文件的正文与单位名录",
    "{0} is for importing one file; a bulk import takes titles and units from each text and the unit "
    "registry"};

}  // namespace fazhi::msg
