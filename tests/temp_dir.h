// A temporary folder for tests that run the CLI or write files, removed when
// the test ends; mkdtemp makes its name unique even across parallel ctest
// processes.
#pragma once

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "txtar.h"

namespace fazhi::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "fazhi-test-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// Writes every file of a txtar archive under `root`.
inline void WriteTree(const std::filesystem::path& root, std::string_view txtar) {
  for (auto& [path, text] : ParseTxtar(txtar)) {
    std::filesystem::create_directories((root / path).parent_path());
    std::ofstream(root / path, std::ios::binary) << text;
  }
}

}  // namespace fazhi::testing
