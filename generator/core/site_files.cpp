#include "core/site_files.h"

#include <algorithm>
#include <utility>

namespace fazhi {

namespace {

// The layer is folded into the base past this many files or an eighth of
// the base, whichever is more.
constexpr size_t kMinLayer = 64;

}  // namespace

SiteFiles::SiteFiles(Map files) {
  if (!files.empty()) base_ = std::make_shared<const Map>(std::move(files));
}

const SiteFiles::Bytes* SiteFiles::Find(std::string_view path) const {
  if (auto it = layer_.find(path); it != layer_.end()) return &it->second;
  if (base_) {
    if (auto it = base_->find(path); it != base_->end()) return &it->second;
  }
  return nullptr;
}

void SiteFiles::Set(std::string path, Bytes bytes) {
  auto [it, fresh] = layer_.try_emplace(std::move(path), std::move(bytes));
  if (!fresh) {
    it->second = std::move(bytes);
    return;
  }
  if (!base_ || base_->find(it->first) == base_->end()) ++added_;
  if (layer_.size() > std::max(kMinLayer, size() / 8)) Fold();
}

void SiteFiles::Clear() {
  base_.reset();
  layer_.clear();
  added_ = 0;
}

void SiteFiles::Fold() {
  Map merged = base_ ? *base_ : Map();
  for (auto& [path, bytes] : layer_) merged.insert_or_assign(path, std::move(bytes));
  base_ = std::make_shared<const Map>(std::move(merged));
  layer_.clear();
  added_ = 0;
}

void SiteFiles::ForEach(const std::function<void(const std::string& path, const Bytes& bytes)>& f) const {
  if (!base_) {
    for (const auto& [path, bytes] : layer_) f(path, bytes);
    return;
  }
  const Map& base = *base_;
  auto b = base.begin();
  auto l = layer_.begin();
  while (b != base.end() || l != layer_.end()) {
    if (l == layer_.end() || (b != base.end() && b->first < l->first)) {
      f(b->first, b->second);
      ++b;
    } else {
      if (b != base.end() && b->first == l->first) ++b;  // replaced by the layer
      f(l->first, l->second);
      ++l;
    }
  }
}

}  // namespace fazhi
