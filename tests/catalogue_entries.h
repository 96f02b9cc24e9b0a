// Every message constant of generator/*/messages.h, listed by a file that
// CMakeLists.txt generates (tests/catalogue_entries.cpp.in), so a test can
// check the whole catalogue without a hand-kept list.
#pragma once

#include <vector>

#include "core/message.h"

namespace fazhi::testing {

struct CatalogueEntry {
  const char* folder;  ///< "core" for generator/core/messages.h
  const char* name;    ///< "kFullWidthColon"
  const MessageText* text;
};

const std::vector<CatalogueEntry>& CatalogueEntries();

}  // namespace fazhi::testing
