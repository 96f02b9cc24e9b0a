#include "txtar.h"

namespace fazhi::testing {

std::map<std::string, std::string> ParseTxtar(std::string_view archive) {
  std::map<std::string, std::string> files;
  std::string* current = nullptr;
  size_t pos = 0;
  while (pos < archive.size()) {
    size_t nl = archive.find('\n', pos);
    size_t end = nl == std::string_view::npos ? archive.size() : nl + 1;
    std::string_view line = archive.substr(pos, end - pos);
    pos = end;
    std::string_view bare = line;
    if (!bare.empty() && bare.back() == '\n') bare.remove_suffix(1);
    if (bare.size() > 6 && bare.substr(0, 3) == "-- " && bare.substr(bare.size() - 3) == " --") {
      current = &files[std::string(bare.substr(3, bare.size() - 6))];
      continue;
    }
    if (current) current->append(line);
  }
  return files;
}

}  // namespace fazhi::testing
