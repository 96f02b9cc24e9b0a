#include "indicators/data_files.h"

#include <string>
#include <string_view>

#include "indicators/messages.h"

namespace fazhi {
namespace {

// Lower-case ASCII extension of `name`, with its dot; "" when it has none.
std::string Extension(std::string_view name) {
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return "";
  std::string ext(name.substr(dot));
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return ext;
}

bool IsWorkbook(std::string_view ext) {
  for (std::string_view w : {".xlsx", ".xls", ".xlsm", ".xlsb", ".et", ".ods", ".numbers"}) {
    if (ext == w) return true;
  }
  return false;
}

}  // namespace

void CheckDataFiles(const SourceTree& tree, Diagnostics* diags) {
  for (const SourceFile* f : tree.Under("data/")) {
    std::string_view path = f->path;
    std::string_view name = path.substr(path.rfind('/') + 1);
    std::string ext = Extension(name);
    if (ext == ".csv" && !path.starts_with("data/indicators/") && path != "data/units.csv") {
      diags->Warning(f->path, 0, 0, Message(msg::kDataCsvNotRead, "data/indicators/" + std::string(name)));
      continue;
    }
    if (!IsWorkbook(ext)) continue;
    std::string csv = "data/indicators/" + std::string(name.substr(0, name.size() - ext.size())) + ".csv";
    if (tree.Find(csv)) continue;  // the master copy of a CSV that is read
    diags->Warning(f->path, 0, 0, Message(msg::kDataWorkbookNotRead, csv));
  }
}

}  // namespace fazhi
