#include "core/encoding.h"

#include <iconv.h>

#include <cerrno>

#include "core/messages.h"
#include "core/utf8.h"

namespace fazhi {
namespace {

// glibc's iconv handles GB18030 (a superset of GBK and GB2312) and UTF-16, so
// no extra library is needed.
bool Convert(const char* from, const char* to, std::string_view in, std::string* out) {
  iconv_t cd = iconv_open(to, from);
  // (iconv_t)-1 is how iconv_open reports failure.
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;  // NOLINT(performance-no-int-to-ptr)
  out->clear();
  std::string buf(in.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  bool ok = true;
  while (src_left > 0) {
    char* dst = buf.data();
    size_t dst_left = buf.size();
    size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    out->append(buf.data(), buf.size() - dst_left);
    if (r == static_cast<size_t>(-1)) {
      if (errno == E2BIG) continue;
      ok = false;  // EILSEQ or EINVAL (truncated sequence at the end)
      break;
    }
  }
  iconv_close(cd);
  return ok;
}

bool HasPrefix(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

const char* EncodingName(TextEncoding e) {
  switch (e) {
    case TextEncoding::kUtf8:
      return "UTF-8";
    case TextEncoding::kUtf8Bom:
      return "UTF-8 with BOM";
    case TextEncoding::kUtf16Le:
      return "UTF-16LE";
    case TextEncoding::kUtf16Be:
      return "UTF-16BE";
    case TextEncoding::kGb18030:
      return "GB18030";
    case TextEncoding::kUnknown:
      break;
  }
  return "unknown";
}

TextEncoding DetectEncoding(std::string_view bytes) {
  if (HasPrefix(bytes, "\xEF\xBB\xBF")) return TextEncoding::kUtf8Bom;
  if (HasPrefix(bytes, "\xFF\xFE")) return TextEncoding::kUtf16Le;
  if (HasPrefix(bytes, "\xFE\xFF")) return TextEncoding::kUtf16Be;
  if (FindInvalidUtf8(bytes) == std::string_view::npos) return TextEncoding::kUtf8;
  std::string tmp;
  if (bytes.find('\0') == std::string_view::npos && Convert("GB18030", "UTF-8", bytes, &tmp)) {
    return TextEncoding::kGb18030;
  }
  return TextEncoding::kUnknown;
}

bool DecodeToUtf8(std::string_view bytes, std::string* out, TextEncoding* detected, Message* error) {
  TextEncoding e = DetectEncoding(bytes);
  if (detected) *detected = e;
  switch (e) {
    case TextEncoding::kUtf8:
      out->assign(bytes);
      return true;
    case TextEncoding::kUtf8Bom:
      out->assign(bytes.substr(3));
      return true;
    case TextEncoding::kUtf16Le:
    case TextEncoding::kUtf16Be: {
      const char* from = e == TextEncoding::kUtf16Le ? "UTF-16LE" : "UTF-16BE";
      if (Convert(from, "UTF-8", bytes.substr(2), out)) return true;
      if (error) *error = Message(msg::kInvalidEncodedText, "UTF-16");
      return false;
    }
    case TextEncoding::kGb18030:
      return Convert("GB18030", "UTF-8", bytes, out);
    case TextEncoding::kUnknown:
      break;
  }
  if (error) *error = Message(msg::kUnknownEncoding);
  return false;
}

bool Utf8ToGb18030(std::string_view utf8, std::string* out) { return Convert("UTF-8", "GB18030", utf8, out); }

}  // namespace fazhi
