#include "core/os_error.h"

#include <cerrno>
#include <cstring>
#include <string>

#include "core/messages.h"

namespace fazhi {

namespace {

// The causes a build meets in practice; the rest fall back to strerror.
const MessageText* Known(int errnum) {
  switch (errnum) {
    case ENOSPC:
      return &msg::kOsNoSpace;
    case EDQUOT:
      return &msg::kOsQuota;
    case EROFS:
      return &msg::kOsReadOnly;
    case EACCES:
      return &msg::kOsAccess;
    case EPERM:
      return &msg::kOsNotPermitted;
    case ENOENT:
      return &msg::kOsNotFound;
    case ENOTDIR:
      return &msg::kOsNotFolder;
    case EISDIR:
      return &msg::kOsIsFolder;
    case EEXIST:
      return &msg::kOsExists;
    case ENOTEMPTY:
      return &msg::kOsNotEmpty;
    case EXDEV:
      return &msg::kOsCrossDevice;
    case EBUSY:
      return &msg::kOsBusy;
    case EIO:
      return &msg::kOsIo;
    case EMFILE:
    case ENFILE:
      return &msg::kOsTooManyOpen;
    case ENAMETOOLONG:
      return &msg::kOsNameTooLong;
    case ELOOP:
      return &msg::kOsLoop;
    case EFBIG:
      return &msg::kOsTooBig;
    case ENOMEM:
      return &msg::kOsNoMemory;
    case EINVAL:
    case ENOSYS:
    case EOPNOTSUPP:
      return &msg::kOsUnsupported;
    default:
      return nullptr;
  }
}

}  // namespace

Message OsError(int errnum) {
  const char* name = strerrorname_np(errnum);
  std::string id = name ? name : "errno " + std::to_string(errnum);
  if (const MessageText* text = Known(errnum)) return Message(msg::kOsCause, Message(*text), id);
  return Message(msg::kOsCause, Message::Verbatim(std::strerror(errnum)), id);
}

}  // namespace fazhi
