// The cause of a failed file-system call, said in the reader's language: a
// full disk, a read-only folder or a missing permission is named as such
// ("磁盘已满（ENOSPC）"), not only as "cannot write". The English text is the
// C library's strerror; both end with the errno name, which is what an IT
// person searches for.
#pragma once

#include "core/message.h"

namespace fazhi {

/// `errnum` (an errno value) as a message: the cause in words and its name.
Message OsError(int errnum);

}  // namespace fazhi
