// Shared by the fuzz targets (fuzz/*_fuzz.cpp): the libFuzzer entry point's
// bytes as a string, and a Diagnostics whose formatting is exercised too (a
// message that cannot be printed is as much a bug as a crash).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/diagnostics.h"

namespace fazhi::fuzz {

inline std::string Bytes(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

/// Formats every diagnostic in both languages (FormatDiagnostic walks the
/// quoted line to place the caret).
inline void Drain(const Diagnostics& diags) {
  volatile size_t n = diags.Format(Lang::kZh).size() + diags.Format(Lang::kEn).size();
  (void)n;
}

}  // namespace fazhi::fuzz
