// Atomic output. Files stream into a staging folder beside the output folder
// while pages render; only when the whole build succeeded does the staging
// folder replace the output folder. A failed build leaves the previous
// output byte-for-byte as it was, and fazhi never deletes a folder it did not
// create (it keeps a marker file in the folders it writes).
#pragma once

#include <filesystem>
#include <mutex>
#include <string>

#include "core/diagnostics.h"
#include "core/output.h"

namespace fazhi {

/// The marker file fazhi keeps in every output folder it creates.
inline constexpr const char* kOutputMarker = ".fazhi-output";

/// Refuses output folders that could destroy user files: the source folder
/// itself, a folder containing it, anything inside content/ (or the other
/// input folders), or an existing non-empty folder without the marker.
bool CheckOutputDir(const std::filesystem::path& source_dir, const std::filesystem::path& output_dir,
                    Diagnostics* diags);

/// Streams files into `<output>.tmp-<pid>/`.
class StagingSink : public OutputSink {
 public:
  explicit StagingSink(std::filesystem::path output_dir);
  ~StagingSink() override;  ///< removes the staging folder unless committed

  bool Put(const std::string& path, std::string bytes) override;

  /// Writes the marker and swaps the staging folder in place of the output
  /// folder. Returns false (output untouched) on failure.
  bool Commit(Diagnostics* diags);

  size_t files_written() const { return files_; }
  const std::filesystem::path& staging_dir() const { return staging_; }

 private:
  std::filesystem::path output_;
  std::filesystem::path staging_;
  std::mutex mu_;
  size_t files_ = 0;
  bool committed_ = false;
  Message first_error_;
};

}  // namespace fazhi
