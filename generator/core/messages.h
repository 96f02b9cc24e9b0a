// Messages the core modules report (see core/message.h): Chinese first,
// English with `--lang en`, in the words a bureau's web editor and the IT
// person who runs the build use.
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

// --- Links, images and files beside a page (core/links.h) --------------------

inline constexpr MessageText kLinkEmpty{
    "链接的目标是空的：请在括号里写上页面或文件，例如 [文字](../reports/2024.md)",
    "the link has no target: write a page or a file in the parentheses, e.g. [text](../reports/2024.md)"};
inline constexpr MessageText kLinkOnComputer{
    "“{0}”是你电脑上的文件路径，网站上打不开：请把文件放到页面的 Markdown 文件旁边，再按文件名链接，例如 "
    "[原文](原文.pdf)",
    "'{0}' is a path on your computer, which the site cannot open: put the file beside the page's Markdown "
    "file "
    "and link it by name, e.g. [original](original.pdf)"};
inline constexpr MessageText kImageOnComputer{
    "“{0}”是你电脑上的图片路径，网站上显示不出来：请把图片放到页面的 Markdown 文件旁边，再按文件名引用，例如 "
    "![图表](图表.png)",
    "'{0}' is a path on your computer, which the site cannot show: put the image beside the page's Markdown "
    "file "
    "and use its name, e.g. ![chart](chart.png)"};
inline constexpr MessageText kLinkBackslash{
    "“{0}”里用了反斜杠“\\”：网址和路径都用正斜杠“/”，请写成“{1}”",
    "'{0}' uses a backslash '\\': URLs and paths use '/'; write '{1}'"};
inline constexpr MessageText kLinkHasBasePath{
    "“{0}”已经包含网站的子路径 {1}：请写成“{2}”，生成网站时会自动加上子路径",
    "'{0}' already includes the site's sub-path {1}: write '{2}'; the sub-path is added when the site is "
    "built"};
inline constexpr MessageText kImageMissing{
    "找不到图片“{0}”：按本页 Markdown 文件所在的文件夹算，它应当在 {1}",
    "image '{0}' not found: from the folder of this page's Markdown file it would be {1}"};
inline constexpr MessageText kFileMissing{
    "找不到文件“{0}”：按本页 Markdown 文件所在的文件夹算，它应当在 {1}",
    "file '{0}' not found: from the folder of this page's Markdown file it would be {1}"};
inline constexpr MessageText kSiteUrlMissing{
    "链接“{0}”指向本站的 {1}，但本站没有这个网址",
    "the link '{0}' leads to {1} on this site, which does not exist"};
inline constexpr MessageText kSiteImageMissing{
    "图片“{0}”指向本站的 {1}，但本站没有这个文件",
    "the image '{0}' points to {1} on this site, which does not exist"};
inline constexpr MessageText kSiteUrlMissingFromPage{
    "链接“{0}”指向本站的 {1}，但本站没有这个网址：相对链接按本页的网址 {2} 计算；你要的可能是 "
    "{3}，请直接写“{3}”",
    "the link '{0}' leads to {1} on this site, which does not exist: a relative link counts from this page's "
    "URL "
    "{2}; if you meant {3}, write '{3}'"};
inline constexpr MessageText kLinkToUnopenedSection{
    "链接“{0}”指向栏目“{1}”（{2}），但这个栏目还没有发布的页面，没有发布：请等栏目有了页面再链接",
    "the link '{0}' leads to the section '{1}' ({2}), which has no published page yet and so is not "
    "published: link "
    "it once it has a page"};

// --- The menu in site.toml ---------------------------------------------------------

inline constexpr MessageText kMenuRelative{
    "菜单“{0}”的网址“{1}”没有以“/”开头，是相对网址，在首页以外的页面上会指向错误的地方：请写成“/{1}”",
    "the menu entry '{0}' has the relative URL '{1}', which leads elsewhere on every page but the home page: "
    "write "
    "'/{1}'"};
inline constexpr MessageText kMenuHasBasePath{
    "菜单“{0}”的网址“{1}”已经包含网站的子路径 {2}，生成后会重复：请写成“{3}”，生成网站时会自动加上子路径",
    "the menu entry '{0}' has the URL '{1}', which already includes the site's sub-path {2} and would get it "
    "twice: "
    "write '{3}'; the sub-path is added when the site is built"};
inline constexpr MessageText kMenuUrlMissing{
    "菜单“{0}”的网址“{1}”在本站不存在，点开会是“页面未找到”",
    "the menu entry '{0}' leads to '{1}', which this site does not have"};

// --- Front matter that parsed but says less than was written -----------------

inline constexpr MessageText kValueCutByComment{
    "“{0}”的值只读到了“{1}”：空格后面的“#{2}”被当作注释省略了。如果它是值的一部分，请给整个值加引号：{0}: "
    "\"{3}\"",
    "the value of '{0}' was read as '{1}': ' #{2}' and what follows were taken as a comment. If they belong "
    "to the "
    "value, quote the whole value: {0}: \"{3}\""};
inline constexpr MessageText kValueLostToComment{
    "“{0}”的值是空的：“{1}”以“#”开头，被当作注释省略了。如果它是值，请加引号：{0}: \"{1}\"",
    "the value of '{0}' is empty: '{1}' starts with '#' and was taken as a comment. If it is the value, "
    "quote it: "
    "{0}: \"{1}\""};

// --- Reports ----------------------------------------------------------------------

inline constexpr MessageText kPublishedInReportYear{
    "原文公开日期 {0} 在报告年度 {1} "
    "年结束之前，这不可能：年度报告要在年度结束后才能写成并公开（一般在次年1月1日至4月"
    "1日之间）。请核对 published（原文公开日期）和 year（报告所属的年度，不是公开的年份）",
    "published {0} is before the reporting year {1} ended, which cannot be: an annual report is written and "
    "published after its year (usually between 1 January and 1 April of the next). Check published (the "
    "original "
    "publication date) and year (the year reported on, not the year of publication)"};

// --- Causes of failed file-system calls (os_error.h) ------------------------

inline constexpr MessageText kOsCause{"{0}（{1}）", "{0} ({1})"};
inline constexpr MessageText kOsNoSpace{"磁盘已满（空间或文件数已用完）",
                                        "no space left on device (disk space or inodes used up)"};
inline constexpr MessageText kOsQuota{"超出了磁盘配额", "disk quota exceeded"};
inline constexpr MessageText kOsReadOnly{"所在的文件系统是只读的", "read-only file system"};
inline constexpr MessageText kOsAccess{"没有权限", "permission denied"};
inline constexpr MessageText kOsNotPermitted{"不允许这个操作", "operation not permitted"};
inline constexpr MessageText kOsNotFound{"文件或文件夹不存在", "no such file or folder"};
inline constexpr MessageText kOsNotFolder{"路径中有一段不是文件夹", "a part of the path is not a folder"};
inline constexpr MessageText kOsIsFolder{"这是一个文件夹", "is a folder"};
inline constexpr MessageText kOsExists{"已经存在", "already exists"};
inline constexpr MessageText kOsNotEmpty{"文件夹不是空的", "folder not empty"};
inline constexpr MessageText kOsCrossDevice{"不在同一个文件系统（磁盘分区）上",
                                            "not on the same file system (disk partition)"};
inline constexpr MessageText kOsBusy{"正被占用（可能是挂载点）", "busy (perhaps a mount point)"};
inline constexpr MessageText kOsIo{"磁盘读写出错", "input/output error"};
inline constexpr MessageText kOsTooManyOpen{"打开的文件太多", "too many open files"};
inline constexpr MessageText kOsNameTooLong{"路径太长", "path too long"};
inline constexpr MessageText kOsLoop{"符号链接太多或成环", "too many levels of symbolic links"};
inline constexpr MessageText kOsTooBig{"文件超过了允许的大小", "file too large"};
inline constexpr MessageText kOsNoMemory{"内存不足", "out of memory"};
inline constexpr MessageText kOsUnsupported{"所在的文件系统不支持这个操作",
                                            "not supported by the file system"};

// --- The output folder (write_site.h, output_folder.h) ------------------------

inline constexpr MessageText kOutputContainsSource{
    "不能把网站输出到包含站点文件夹的文件夹里",
    "refusing to write the site into a folder that contains the "
    "source folder"};
inline constexpr MessageText kOutputInsideInput{"不能把网站输出到 {0}/ 文件夹里面",
                                                "refusing to write the site inside the {0}/ folder"};
inline constexpr MessageText kOutputNotFolder{"输出路径已存在，但不是文件夹",
                                              "output path exists and is not a folder"};
inline constexpr MessageText kOutputNotOurs{
    "这个文件夹不是空的，也不是 fazhi 生成的（{0} 中没有它的记录），为免删掉别的文件，fazhi "
    "不会替换它：请换一个 "
    "--output，或先清空它",
    "refusing to replace a non-empty folder that fazhi did not create ({0} has no record of it); choose "
    "another "
    "--output or empty it"};
inline constexpr MessageText kOutputMountPoint{
    "输出文件夹是一个挂载点，fazhi 无法整体替换它：请让 --output 指向它里面的一个文件夹",
    "the output folder is a mount point, which fazhi cannot replace as a whole: point --output at a folder "
    "inside it"};
inline constexpr MessageText kOutputWorkNotOurs{
    "fazhi 要在这里建立输出文件夹的工作文件夹，但这个名字已被占用，而且不是 fazhi 建的：请把它移走",
    "fazhi keeps the output folder's work folder here, but something else has this name: move it away"};
inline constexpr MessageText kOutputBusy{
    "另一个 fazhi build（进程 {0}）正在写入这个输出文件夹：等它结束后再试",
    "another fazhi build (process {0}) is writing this output folder: try "
    "again when it has finished"};
inline constexpr MessageText kOutputLeftover{
    "这是旧版 fazhi 中断的构建留下的临时文件夹，但无法确认里面只有 fazhi "
    "写的文件，所以没有删除：确认后请手动删除",
    "a temporary folder left by an interrupted build of an older fazhi; it cannot be proven to hold only "
    "fazhi's files, so it was not removed: check it and delete it by hand"};
inline constexpr MessageText kOutputBadPath{
    "fazhi 生成了一个不合法的输出路径（含空段、“.” 或 “..”），没有写出",
    "fazhi made an invalid output path (with an empty, \".\" or \"..\" part); "
    "not written"};
inline constexpr MessageText kDiskCannotCreateFolder{"无法创建文件夹：{0}", "cannot create folder: {0}"};
inline constexpr MessageText kDiskCannotWriteFile{"无法写入文件：{0}", "cannot write file: {0}"};
inline constexpr MessageText kDiskCannotRemove{"无法删除：{0}", "cannot remove: {0}"};
inline constexpr MessageText kDiskCannotOpen{"无法打开：{0}", "cannot open: {0}"};
inline constexpr MessageText kDiskCannotSync{
    "无法把新网站写到磁盘上：{0}。原来的输出文件夹没有改动",
    "cannot flush the new site to disk: {0}. The previous output folder "
    "was left unchanged"};
inline constexpr MessageText kDiskCannotSwap{
    "无法用新网站替换这个文件夹：{0}。原来的输出文件夹没有改动",
    "cannot put the new site in place of this folder: {0}. The previous "
    "output folder was left unchanged"};
inline constexpr MessageText kDiskCannotSyncSwap{
    "新网站已替换了这个文件夹，但无法确认替换已写到磁盘上：{0}。断电后可能仍是原来的网站",
    "the new site replaced this folder, but the replacement could not be flushed to disk: {0}. After a power "
    "loss the previous site may be back"};

}  // namespace fazhi::msg
