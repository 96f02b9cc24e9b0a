// Text encodings of files that web editors bring from Windows tools: UTF-8
// with or without BOM, UTF-16 with BOM, and GB18030/GBK as saved by Chinese
// Excel, Notepad or WPS. Everything is decoded to UTF-8 before parsing.
#pragma once

#include <string>
#include <string_view>

#include "core/message.h"

namespace fazhi {

enum class TextEncoding { kUtf8, kUtf8Bom, kUtf16Le, kUtf16Be, kGb18030, kUnknown };

/// Name for messages: "UTF-8", "UTF-8 with BOM", "GB18030", ...
const char* EncodingName(TextEncoding e);

/// Guesses the encoding: a BOM wins; valid UTF-8 is UTF-8; otherwise text
/// that decodes cleanly as GB18030 is GB18030; otherwise kUnknown.
TextEncoding DetectEncoding(std::string_view bytes);

/// Decodes `bytes` to UTF-8 (dropping any BOM). Returns false with a reason
/// in `error` when the bytes are not valid in the detected encoding.
bool DecodeToUtf8(std::string_view bytes, std::string* out, TextEncoding* detected, Message* error);

/// Converts UTF-8 to GB18030 (used by tests and for Excel-friendly exports).
bool Utf8ToGb18030(std::string_view utf8, std::string* out);

}  // namespace fazhi
