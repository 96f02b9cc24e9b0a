// The build pipeline, stage by stage: read → config → content → model →
// theme → render → write. `build`, `check` and `serve` all run through here.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/output.h"
#include "core/site_files.h"
#include "core/source_tree.h"
#include "core/write_site.h"

namespace fazhi {

class MarkdownCache;
class SiteBuild;

struct BuildOptions {
  std::filesystem::path source_dir = ".";
  std::filesystem::path output_dir;  ///< empty: <source_dir>/public
  std::string base_url;              ///< overrides site.toml when not empty
  std::string as_of;                 ///< YYYY-MM-DD; overrides site.toml when not empty
  /// `build` only: also write every output file's SHA-256 here (core/manifest.h).
  std::filesystem::path manifest;
  /// `check` only: the clock's date (YYYY-MM-DD), to warn when as_of lags far
  /// behind it. Empty for `build`, whose output must not depend on the clock.
  std::string clock_today;
  bool drafts = false;
  bool serving = false;  ///< set by `serve`: templates may add preview-only bits
  int jobs = 0;          ///< render threads; 0 = hardware concurrency
  /// Reuses rendered Markdown across builds (serve); null: render every page.
  MarkdownCache* markdown_cache = nullptr;
  WriteOptions write;  ///< how `build` writes the output folder (durability; tests: fault hook)
  /// Also write each page's body as a fragment under embed/ and
  /// embed/feed.json, for a portal's CMS (site/embed.h).
  bool embed = false;
};

struct StageTime {
  const char* stage;
  double millis;
  double peak_mib;  ///< the process's peak resident memory when the stage ended
  /// CPU time (user and system, all threads) the process used meanwhile:
  /// cpu / millis is how many cores the stage kept busy.
  double cpu_ms = 0;
};

/// CPU time (user and system, all threads) the process has used so far, in ms.
double ProcessCpuMillis();

struct BuildStats {
  size_t pages = 0;          ///< Markdown pages rendered
  size_t files = 0;          ///< files in the output folder
  size_t files_written = 0;  ///< of which written anew (the others were unchanged)
  size_t files_unchanged = 0;
  double millis = 0;
  std::vector<StageTime> stages;  ///< wall time of each stage, in pipeline order
  size_t search_docs = 0;         ///< pages in the search index
  size_t search_terms = 0;
  size_t search_files = 0;  ///< files under search/ (manifest, term buckets, page groups)
  size_t search_bytes = 0;  ///< their size together
  size_t sitemap_urls = 0;
  size_t feed_entries = 0;
  /// The tracker of a district site, one table per year, as `fazhi check`
  /// prints it ("" without data/units.csv).
  std::string tracker;
  bool relative_base_url = false;  ///< sitemap/feed URLs lack a host
  size_t manifest_files = 0;       ///< lines written to BuildOptions::manifest
  /// The language site.toml asks messages in (`language = "en"`), once it
  /// has been read; Chinese otherwise.
  Lang message_lang = Lang::kZh;
};

/// The folder holding the themes shipped with fazhi.
std::string BuiltinThemesDir();

/// Reads the site at `opts.source_dir`, plus any theme shipped with fazhi
/// that the site has no copy of (shared by build, check and serve).
bool ReadSite(const BuildOptions& opts, SourceTree* tree, Diagnostics* diags);

/// Runs every stage on an already-read tree and hands each output file to
/// `sink`. Stops after the first stage that reports an error: nothing is
/// rendered from a model with errors. Returns false on error.
bool BuildToSink(const SourceTree& tree, const BuildOptions& opts, OutputSink* sink, Diagnostics* diags,
                 BuildStats* stats);

/// The builds of one `serve` session. Keeps the source tree, the Markdown
/// cache and the last good build, so that an edit re-runs only what it
/// reaches: an edit to the body of plain pages re-renders those pages and
/// the search index (and, when a summary changed, the list pages showing it
/// and the feed); anything else runs the whole pipeline on the updated tree.
/// Files and diagnostics are always byte-identical to a fresh build's
/// (tests/build_session_test.cpp; docs/ARCHITECTURE.md has the rules).
class BuildSession {
 public:
  explicit BuildSession(BuildOptions opts);
  ~BuildSession();
  BuildSession(const BuildSession&) = delete;
  BuildSession& operator=(const BuildSession&) = delete;

  /// Brings the site up to date with the sources. `changed`: the paths
  /// (relative to the site root) that changed since the previous call,
  /// ignored on the first (a path neither in the tree nor on disk came and
  /// went, and changes nothing); `rescan`: anything may have changed. On
  /// success `files` holds every output file (the unchanged ones shared with
  /// the previous result; when nothing changed, the last result and its
  /// `stats`). Problems go to `diags`; the warnings of files an incremental
  /// build did not look at are carried over from the last one.
  bool Build(const std::vector<std::string>& changed, bool rescan, SiteFiles* files, Diagnostics* diags,
             BuildStats* stats);

  /// Whether the last successful Build re-rendered only some pages, and how many.
  bool last_incremental() const { return last_incremental_; }
  size_t last_rendered_pages() const { return last_rendered_; }

 private:
  bool UpdateTree(const std::vector<std::string>& changed, std::vector<std::string>* read);

  BuildOptions opts_;
  std::unique_ptr<MarkdownCache> cache_;
  SourceTree tree_;
  bool have_tree_ = false;
  std::unique_ptr<SiteBuild> last_;   ///< the last good build, kept through failed edits
  std::vector<std::string> dirty_;    ///< changed since last_ was up to date, sorted
  SiteFiles files_;                   ///< last_'s output
  std::vector<Diagnostic> warnings_;  ///< last_'s warnings
  BuildStats last_stats_;             ///< last_'s, handed out again when nothing changed
  bool last_incremental_ = false;
  size_t last_rendered_ = 0;
};

/// `fazhi build`: reads the tree, renders into the next site in the work
/// folder beside the output folder (writing only what changed) and swaps it
/// in only when everything succeeded (core/write_site.h).
bool BuildSite(const BuildOptions& opts, Diagnostics* diags, BuildStats* stats);

/// `fazhi check`: validates everything `build` validates and writes nothing.
bool CheckSite(const BuildOptions& opts, Diagnostics* diags, BuildStats* stats);

}  // namespace fazhi
