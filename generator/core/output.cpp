#include "core/output.h"

namespace fazhi {

bool MemorySink::Put(const std::string& path, std::string bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  files_.insert_or_assign(path, std::move(bytes));
  return true;
}

const std::string* MemorySink::Find(std::string_view path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace fazhi
