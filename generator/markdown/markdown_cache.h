// Keeps rendered Markdown between builds of one `serve` session, so a
// rebuild after an edit parses only the pages whose text changed.
//
// Reuse is exact, not heuristic: an entry is used only when the page's
// shortcode-expanded body is byte-identical to the one it was rendered from
// and the build context (every page's source path and URL, which is all that
// link rewriting reads, plus the Markdown options and base URL) is identical
// too. Any difference in the context empties the cache.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "markdown/markdown.h"

namespace fazhi {

class MarkdownCache {
 public:
  struct Entry {
    std::string body;  ///< the expanded body the result was rendered from
    MarkdownResult result;
    std::vector<MarkdownProblem> problems;
  };

  /// Starts a build with `context`; drops everything when it differs from
  /// the previous build's, and entries the previous build did not use.
  void BeginBuild(std::string context);

  /// The entry for `source_path` if it was rendered from exactly `body`.
  std::shared_ptr<const Entry> Find(const std::string& source_path, const std::string& body);

  void Store(const std::string& source_path, std::shared_ptr<const Entry> entry);

  size_t hits() const;
  size_t misses() const;

 private:
  mutable std::mutex mu_;
  std::string context_;
  std::unordered_map<std::string, std::shared_ptr<const Entry>> entries_;  ///< this build's
  std::unordered_map<std::string, std::shared_ptr<const Entry>> previous_;
  size_t hits_ = 0, misses_ = 0;
};

}  // namespace fazhi
