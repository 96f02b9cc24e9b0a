// The build manifest (`fazhi build --manifest FILE`): every output file with
// its SHA-256, so that a deploy step can copy only the files that changed
// since the last upload (docs/deployment.md) and `sha256sum -c` can verify an
// uploaded copy. The format is sha256sum's: "<64 hex>  <path>\n", one line a
// file, sorted by path (byte order), paths relative to the output folder.
#pragma once

#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/output.h"

namespace fazhi {

/// SHA-256 of `bytes` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view bytes);

/// One manifest line for `path`, as `sha256sum` prints it: a path holding a
/// backslash or a newline is escaped and the line starts with a backslash.
std::string ManifestLine(std::string_view sha256_hex, std::string_view path);

/// Passes every file on to `inner` and records its SHA-256. Thread-safe like
/// every sink: the hashing runs on the render threads, outside the lock.
class ManifestSink : public OutputSink {
 public:
  explicit ManifestSink(OutputSink* inner) : inner_(inner) {}

  bool Put(const std::string& path, std::string bytes) override;

  /// The manifest of every file stored so far.
  std::string Text() const;
  size_t size() const;

 private:
  OutputSink* inner_;
  mutable std::mutex mu_;
  std::map<std::string, std::string, std::less<>> hashes_;  ///< path → hex
};

/// Refuses a manifest path that lies inside the output folder (the next
/// build would replace it, and it would be deployed with the site) or its
/// work folder (.public.fazhi/, which fazhi prunes), or inside
/// an input folder of the site, and an existing file that is not a manifest,
/// so a mistyped `--manifest site.toml` overwrites nothing of the user's.
bool CheckManifestPath(const std::filesystem::path& source_dir, const std::filesystem::path& output_dir,
                       const std::filesystem::path& manifest, Diagnostics* diags);

/// A file replaced atomically: Write puts the text into a temporary file
/// beside `path`, Commit renames it over `path`, so a reader never sees half
/// a manifest. Without Commit the temporary file is removed.
class PendingFile {
 public:
  explicit PendingFile(std::filesystem::path path);
  ~PendingFile();
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;

  bool Write(std::string_view text, Diagnostics* diags);
  bool Commit(Diagnostics* diags);

 private:
  std::filesystem::path path_;
  std::filesystem::path tmp_;
  bool written_ = false;
};

}  // namespace fazhi
