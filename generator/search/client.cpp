#include "search/client.h"

#include "search/messages.h"

namespace fazhi {

SearchClientFormat DeclaredSearchFormat(std::string_view js) {
  SearchClientFormat out;
  size_t at = js.find(kSearchClientDeclaration);
  if (at == std::string_view::npos) return out;
  at += kSearchClientDeclaration.size();
  size_t end = at;
  while (end < js.size() && end - at < 6 && js[end] >= '0' && js[end] <= '9') ++end;
  if (end == at) return out;
  out.offset = at;
  out.format = std::stoi(std::string(js.substr(at, end - at)));
  return out;
}

void CheckSearchClient(const SourceFile& js, std::string_view builtin, Diagnostics* diags) {
  const SearchClientFormat f = DeclaredSearchFormat(js.text);
  if (f.format == kSearchIndexFormat) return;
  if (f.format < 0) {
    diags->Error(js.path, 1, 1, Message(msg::kSearchClientUndeclared, kSearchIndexFormat, builtin), js.text);
    return;
  }
  int line = 1, col = 1;
  OffsetToLineCol(js.text, f.offset, &line, &col);
  diags->Error(js.path, line, col,
               Message(msg::kSearchClientOtherFormat, f.format, kSearchIndexFormat, builtin), js.text);
}

}  // namespace fazhi
