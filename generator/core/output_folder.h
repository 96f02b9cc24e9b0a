// The output folder (public/) and fazhi's work folder beside it
// (.public.fazhi/). The work folder holds everything fazhi needs to replace
// the output folder safely, so that nothing of fazhi's own is inside public/
// and gets deployed:
//
//   .public.fazhi/fazhi.txt  says what the folder is (proves it is fazhi's)
//   .public.fazhi/lock       flock'ed while a build writes (one build at a time)
//   .public.fazhi/ids        which folders fazhi put at public/ (inode + birth time)
//   .public.fazhi/next/      the next output: built here, then swapped with public/
//
// The swap is one renameat2(RENAME_EXCHANGE): at every instant public/ is
// either the whole previous site or the whole new one. Where the file system
// cannot exchange, two renames are used and a crash between them is undone
// by the next build (Open).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/diagnostics.h"
#include "core/disk.h"

namespace fazhi {

/// The marker file that fazhi before the work folder kept inside public/.
/// Still accepted as proof that a folder is fazhi's, and never written.
inline constexpr const char* kLegacyOutputMarker = ".fazhi-output";

/// The name of the work folder of `output` (beside it).
std::filesystem::path WorkFolderOf(const std::filesystem::path& output);

/// Refuses output folders that could destroy user files: the source folder
/// itself, a folder containing it, anything inside content/ (or the other
/// input folders), an existing non-empty folder fazhi did not write, or a
/// mount point.
bool CheckOutputDir(const std::filesystem::path& source_dir, const std::filesystem::path& output_dir,
                    Diagnostics* diags);

class OutputFolder {
 public:
  /// `output`: the output folder, absolute with symbolic links resolved.
  OutputFolder(const std::filesystem::path& output, const Disk* disk);
  ~OutputFolder();  ///< releases the lock
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

  const std::string& path() const { return out_; }
  const std::string& work() const { return work_; }
  const std::string& next() const { return next_; }

  /// Whether path() is a folder fazhi put there: its inode and birth time are
  /// in the work folder's ids, or it carries the legacy marker.
  bool Owned() const;

  /// Creates or checks the work folder and takes its lock; finishes a swap a
  /// crash interrupted; removes the leftovers of older fazhi versions that
  /// are provably fazhi's and whose process is dead (and warns about the
  /// others); creates next/ if missing. False with an error otherwise.
  bool Open(Diagnostics* diags);

  /// Writes (durably) the ids of path() and next(), the two folders that may
  /// be at path() after the swap, unless the ids already say so.
  bool Record(Diagnostics* diags);

  /// Swaps next/ into path(). With `durable`, first makes next/ durable
  /// (syncfs) and afterwards the swap itself (fsync of both parents).
  /// `had_output`: whether path() existed, so the previous site is now in
  /// next/. False (path() unchanged) with an error on failure.
  bool Swap(bool durable, bool* had_output, Diagnostics* diags);

 private:
  bool OpenWork(Diagnostics* diags);
  bool Lock(Diagnostics* diags);
  void FinishInterruptedSwap();
  void RemoveLegacyLeftovers(Diagnostics* diags);

  const Disk* disk_;
  std::string out_, parent_, name_, work_, next_, old_, ids_;
  int lock_fd_ = -1;
};

}  // namespace fazhi
