// The build pipeline, stage by stage: read → config → content → model →
// theme → render → write. `build`, `check` and `serve` all run through here.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "output.h"
#include "source_tree.h"

namespace fazhi {

class MarkdownCache;

struct BuildOptions {
  std::filesystem::path source_dir = ".";
  std::filesystem::path output_dir;  ///< empty: <source_dir>/public
  std::string base_url;              ///< overrides site.toml when not empty
  bool drafts = false;
  bool serving = false;  ///< set by `serve`: templates may add preview-only bits
  int jobs = 0;          ///< render threads; 0 = hardware concurrency
  /// Reuses rendered Markdown across builds (serve); null: render every page.
  MarkdownCache* markdown_cache = nullptr;
};

struct StageTime {
  const char* stage;
  double millis;
  double peak_mib;  ///< the process's peak resident memory when the stage ended
};

struct BuildStats {
  size_t pages = 0;   ///< Markdown pages rendered
  size_t files = 0;   ///< files written in all
  double millis = 0;
  std::vector<StageTime> stages;  ///< wall time of each stage, in pipeline order
  size_t search_docs = 0;    ///< documents in /search/index.json
  size_t search_terms = 0;
  size_t search_bytes = 0;   ///< size of /search/index.json
  size_t sitemap_urls = 0;
  size_t feed_entries = 0;
  bool relative_base_url = false;  ///< sitemap/feed URLs lack a host
};

/// Reads the site at `opts.source_dir`, plus any theme shipped with fazhi
/// that the site has no copy of (shared by build, check and serve).
bool ReadSite(const BuildOptions& opts, SourceTree* tree, Diagnostics* diags);

/// Runs every stage on an already-read tree and hands each output file to
/// `sink`. Stops after the first stage that reports an error: nothing is
/// rendered from a model with errors. Returns false on error.
bool BuildToSink(const SourceTree& tree, const BuildOptions& opts, OutputSink* sink,
                 Diagnostics* diags, BuildStats* stats);

/// `fazhi build`: reads the tree, renders into a staging folder beside the
/// output folder and swaps it in only when everything succeeded.
bool BuildSite(const BuildOptions& opts, Diagnostics* diags, BuildStats* stats);

/// `fazhi check`: validates everything `build` validates and writes nothing.
bool CheckSite(const BuildOptions& opts, Diagnostics* diags, BuildStats* stats);

}  // namespace fazhi
