#include "core/output.h"

#include "core/parallel.h"

namespace fazhi {

bool OutputSink::PutAll(std::vector<OutputFile>* files) {
  bool ok = true;
  for (OutputFile& f : *files) ok = Put(f.path, std::move(f.bytes)) && ok;
  return ok;
}

bool BatchSink::Put(const std::string& path, std::string bytes) {
  bytes_ += bytes.size();
  held_.push_back({path, std::move(bytes)});
  return held_.size() < max_files_ && bytes_ < max_bytes_ ? true : Flush();
}

bool BatchSink::Flush() {
  if (held_.empty()) return true;
  const bool ok = next_->PutAll(&held_);
  held_.clear();
  bytes_ = 0;
  return ok;
}

bool MemorySink::Put(const std::string& path, std::string bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  files_.insert_or_assign(path, std::move(bytes));
  return true;
}

void ParallelForBatches(size_t n, int jobs, OutputSink* sink,
                        const std::function<void(size_t, size_t, OutputSink*)>& fn) {
  std::vector<BatchSink> batches;
  const size_t workers = ThreadCount(n, jobs);
  batches.reserve(workers);
  for (size_t w = 0; w < workers; ++w) batches.emplace_back(sink);
  ParallelForWorker(
      n, jobs, [&](size_t worker, size_t i) { fn(worker, i, &batches[worker]); },
      [&](size_t worker) { batches[worker].Flush(); });
}

const std::string* MemorySink::Find(std::string_view path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace fazhi
