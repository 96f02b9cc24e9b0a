// The errno → words mapping. The causes themselves (a full disk, a quota, an
// I/O error) cannot be made to happen in a test, so each known errno is
// checked here for the words and the name an IT person would search for;
// tests/source_tree_read_test.cpp meets ENAMETOOLONG and EACCES for real.
#include "core/os_error.h"

#include <doctest/doctest.h>

#include "core/messages.h"

#include <cerrno>

namespace fazhi {

TEST_CASE("os_error: each cause a build meets is said in Chinese, with the errno name") {
  struct Case {
    int errnum;
    const char* zh;
  };
  const Case cases[] = {
      {ENOSPC, "磁盘已满（空间或文件数已用完）（ENOSPC）"},
      {EDQUOT, "超出了磁盘配额（EDQUOT）"},
      {EROFS, "所在的文件系统是只读的（EROFS）"},
      {EACCES, "没有权限（EACCES）"},
      {EPERM, "不允许这个操作（EPERM）"},
      {ENOENT, "文件或文件夹不存在（ENOENT）"},
      {ENOTDIR, "路径中有一段不是文件夹（ENOTDIR）"},
      {EISDIR, "这是一个文件夹（EISDIR）"},
      {EEXIST, "已经存在（EEXIST）"},
      {ENOTEMPTY, "文件夹不是空的（ENOTEMPTY）"},
      {EXDEV, "不在同一个文件系统（磁盘分区）上（EXDEV）"},
      {EBUSY, "正被占用（可能是挂载点）（EBUSY）"},
      {EIO, "磁盘读写出错（EIO）"},
      {EMFILE, "打开的文件太多（EMFILE）"},
      {ENFILE, "打开的文件太多（ENFILE）"},
      {ENAMETOOLONG, "路径太长（ENAMETOOLONG）"},
      {ELOOP, "符号链接太多或成环（ELOOP）"},
      {EFBIG, "文件超过了允许的大小（EFBIG）"},
      {ENOMEM, "内存不足（ENOMEM）"},
      {EINVAL, "所在的文件系统不支持这个操作（EINVAL）"},
      {ENOSYS, "所在的文件系统不支持这个操作（ENOSYS）"},
      {EOPNOTSUPP, "所在的文件系统不支持这个操作（EOPNOTSUPP）"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.errnum);
    CHECK(OsError(c.errnum).Render() == c.zh);
  }
  // The cause, then its name in the reader's brackets.
  CHECK(OsError(EIO).Render() == Message(msg::kOsCause, Message(msg::kOsIo), "EIO").Render());
  CHECK(OsError(ENOSPC).Render(Lang::kEn) ==
        "no space left on device (disk space or inodes used up) (ENOSPC)");
}

TEST_CASE("os_error: a cause fazhi has no words for keeps the C library's text and its name") {
  CHECK(OsError(ETXTBSY).Render() == "Text file busy（ETXTBSY）");
  CHECK(OsError(ETXTBSY).Render(Lang::kEn) == "Text file busy (ETXTBSY)");
  CHECK(OsError(99999).Render(Lang::kEn) == "Unknown error 99999 (errno 99999)");
}

}  // namespace fazhi
