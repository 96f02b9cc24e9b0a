#include "markdown/markdown_cache.h"

namespace fazhi {

void MarkdownCache::BeginBuild(std::string context) {
  std::lock_guard<std::mutex> lock(mu_);
  // Entries of the last build become the candidates of this one; anything
  // older (pages deleted or renamed since) is dropped here.
  previous_ = std::move(entries_);
  entries_.clear();
  if (context != context_) previous_.clear();
  context_ = std::move(context);
  hits_ = misses_ = 0;
}

std::shared_ptr<const MarkdownCache::Entry> MarkdownCache::Find(const std::string& source_path,
                                                                const std::string& body) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = previous_.find(source_path);
  if (it == previous_.end() || it->second->body != body) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  entries_[source_path] = it->second;
  return it->second;
}

void MarkdownCache::Store(const std::string& source_path, std::shared_ptr<const Entry> entry) {
  std::lock_guard<std::mutex> lock(mu_);
  entries_[source_path] = std::move(entry);
}

size_t MarkdownCache::hits() const {
  std::lock_guard<std::mutex> lock(mu_);
  return hits_;
}

size_t MarkdownCache::misses() const {
  std::lock_guard<std::mutex> lock(mu_);
  return misses_;
}

}  // namespace fazhi
