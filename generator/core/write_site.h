// Writing the output folder. Files stream into the next site (the work
// folder's next/, see output_folder.h) while pages render; only when the
// whole build succeeded does next/ take the place of the output folder, in
// one atomic exchange made durable first. A failed or killed build leaves
// the previous output byte for byte as it was.
//
// next/ is kept between builds as a copy of the output folder that shares
// its files (hard links), so a rebuild writes only what changed: a file
// whose bytes are unchanged is kept; a file the output folder already has
// with these bytes is linked from there; anything else is written into a new
// file. An existing file is never opened for writing, so a file shared with
// the output folder (or held open by a web server, an editor or rsync) is
// never changed: a changed page gets a new inode. After the exchange the
// previous site, now in next/, is brought in step with the new one (links
// to the new files, removed pages removed), so it holds nothing the output
// folder does not.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/brief_mutex.h"
#include "core/diagnostics.h"
#include "core/disk.h"
#include "core/output.h"
#include "core/output_folder.h"
#include "core/writeback.h"

namespace fazhi {

struct WriteOptions {
  /// Make the new site durable before it replaces the output folder, and
  /// the replacement durable after (syncfs, then fsync of both parents).
  bool durable = true;
  /// Tests: called before every change on disk (see Disk::Hook).
  Disk::Hook fault;
};

/// What a build did to next/.
struct WriteCounts {
  size_t files = 0;    ///< files in the new site
  size_t kept = 0;     ///< unchanged in next/
  size_t linked = 0;   ///< linked from the output folder
  size_t written = 0;  ///< written into new files
  size_t removed = 0;  ///< files and folders of next/ that the new site lacks
};

class StagingSink : public OutputSink {
 public:
  /// `output_dir` is checked by CheckOutputDir beforehand. Problems are
  /// reported to `diags`, each once, with the path and the cause.
  StagingSink(const std::filesystem::path& output_dir, Diagnostics* diags, WriteOptions opts = {});
  ~StagingSink() override;

  /// Prepares next/ (work folder, lock, crash recovery). Before any Put.
  bool Open();

  /// Stores a file in next/. After the first failure every Put fails.
  bool Put(const std::string& path, std::string bytes) override;

  /// Removes from next/ what the new site lacks and swaps it in place of the
  /// output folder. Returns false (output untouched) on failure.
  bool Commit();

  /// Where problems are reported from now on (not while a Put may run).
  void set_diagnostics(Diagnostics* diags) { diags_ = diags; }

  bool failed() const { return failed_.load(); }
  WriteCounts counts() const;
  const std::string& staging_dir() const { return folder_.next(); }

 private:
  enum class Placed { kKept, kLinked, kWritten, kFailed };
  /// `fresh`: `rel` was neither in next/ when the build began nor Put
  /// before, so it is known to be missing there and is not looked for.
  Placed Place(const std::string& rel, const std::string& bytes, bool fresh);
  int MakeParents(const std::string& rel, std::string* failed_at);
  /// Makes the folders above `rel` that next/ lacked when the build began and
  /// this build has not made yet, top down: a new page's folders cost one
  /// mkdir each, not a failed create and a failed mkdir first.
  int MakeNewParents(const std::string& rel, std::string* failed_at);
  bool MarkDirty();
  bool ListNext();
  bool ListFolder(int dir_fd, const std::string& rel, std::vector<std::string>* others);
  bool Prune(bool spare);
  bool SyncSpare();
  void Fail(const std::string& path, Message message);

  Diagnostics* diags_;
  WriteOptions opts_;
  Disk disk_;
  OutputFolder folder_;
  std::string out_, next_, dirty_;
  bool opened_ = false, out_at_open_ = false, had_output_ = false;
  // next/ is not known to be the output folder's twin (a build that did not
  // finish changed it, or it is new): the previous site is checked file by
  // file when it becomes the spare.
  bool verify_ = false;
  std::atomic<bool> failed_{false};
  std::mutex dirty_mu_;
  bool dirty_marked_ = false;

  std::vector<std::string> listed_files_, listed_dirs_;  // next/ before this build
  // The same as sets, for Place; filled by Open, read-only while Puts run.
  std::unordered_set<std::string> listed_file_set_, listed_dir_set_;
  BriefMutex mu_;                              // taken for each file and folder, by every render thread
  std::unordered_set<std::string> made_dirs_;  // folders this build made in next/
  std::unordered_set<std::string> seen_;       // every path Put
  std::vector<std::string> written_;           // paths whose file in next/ is not the output folder's
  std::vector<std::string> removed_;           // top-most paths pruned from next/
  std::atomic<size_t> kept_{0}, linked_{0}, written_count_{0};
  std::unique_ptr<Writeback> writeback_;  // durable builds: next/ written back while the build goes on
};

}  // namespace fazhi
