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
