// A whole site's output files in memory, as `fazhi serve` hands them from
// one build to the server: a snapshot that the next build derives from the
// last at the cost of what changed, not of the site's size.
//
// A serve edit changes a few files of tens of thousands (the page, a few
// search buckets, the manifest). Held in one std::map, each edit copied the
// whole map for the server and freed the last one: 1-2 ms of an edit's 3 on
// 10,000 pages, and growing with the site (docs/serve.md). Here a snapshot is
// a shared, frozen base and a small layer of files set since; copying one
// copies the layer. The layer is folded into a new base once it holds an
// eighth of the base, so a lookup stays two map searches and the folds cost
// a few map nodes per file set.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace fazhi {

class SiteFiles {
 public:
  using Bytes = std::shared_ptr<const std::string>;
  using Map = std::map<std::string, Bytes, std::less<>>;

  SiteFiles() = default;
  /// A site of these files (a whole build's), taken as the base.
  explicit SiteFiles(Map files);

  /// The file at `path` (relative to the site root, '/' separated), or null.
  const Bytes* Find(std::string_view path) const;
  bool Contains(std::string_view path) const { return Find(path) != nullptr; }
  /// How many files.
  size_t size() const { return (base_ ? base_->size() : 0) + added_; }
  bool empty() const { return size() == 0; }

  /// Adds the file or replaces its bytes.
  void Set(std::string path, Bytes bytes);
  /// Forgets every file.
  void Clear();

  /// Whether `other` is this very snapshot or a copy of it: the same base
  /// and the same layer, file for file the same bytes (not compared by
  /// content: a build that hands back its last files unchanged).
  bool SameAs(const SiteFiles& other) const { return base_ == other.base_ && layer_ == other.layer_; }

  /// Calls `f(path, bytes)` for each file, in path order.
  void ForEach(const std::function<void(const std::string& path, const Bytes& bytes)>& f) const;

 private:
  void Fold();

  std::shared_ptr<const Map> base_;  ///< shared by the snapshots derived from it; never changed
  Map layer_;                        ///< set since base_ was made; wins over it
  size_t added_ = 0;                 ///< paths of layer_ that base_ does not have
};

}  // namespace fazhi
