// The search index's table of term values by token key (search/index_impl.h):
// read by every render thread without a lock, written under the index's.
#pragma once

#include <atomic>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace fazhi {

// Term values by token key, shared by the threads that Put: looked up
// without a lock (almost every token), inserted under the index's lock. A
// full table is copied into one twice its size; a reader still on the old
// one misses the keys inserted since and asks again under the lock. Old
// tables stay until the map goes (together less than the last). One table
// for all threads, not a table per thread in front of a locked one: on text
// with a real site's words (175,000 terms at 10,000 pages) each render thread
// filled a copy of its own and took the lock once for every term, and a
// build took 8 % more CPU (docs/performance.md, run 32).
class SharedKeyMap {
  struct Table {
    size_t mask;
    int shift;
    std::unique_ptr<std::atomic<uint64_t>[]> keys;
    std::unique_ptr<std::atomic<uint32_t>[]> vals;
    size_t Slot(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift); }
  };

 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  SharedKeyMap() { Grow(size_t{1} << 12); }
  /// The map as it is now, for many look-ups: one that misses may have
  /// missed a key inserted since (look again under the lock).
  class View {
   public:
    /// The value of `key` (not 0), or kNone.
    uint32_t Find(uint64_t key) const {
      for (size_t i = t_->Slot(key);; i = (i + 1) & t_->mask) {
        const uint64_t k = t_->keys[i].load(std::memory_order_acquire);
        if (k == key) return t_->vals[i].load(std::memory_order_relaxed);
        if (k == 0) return kNone;
      }
    }

   private:
    friend class SharedKeyMap;
    explicit View(const Table* t) : t_(t) {}
    const Table* t_;
  };
  View Now() const { return View(table_.load(std::memory_order_acquire)); }
  uint32_t Find(uint64_t key) const { return Now().Find(key); }
  /// Under the writers' lock; `key` (not 0) is not in the map, `val` is not kNone.
  void Insert(uint64_t key, uint32_t val) {
    if ((size_ + 1) * 4 > (current_->mask + 1) * 3) Grow(2 * (current_->mask + 1));
    Place(current_, key, val);
    ++size_;
  }

 private:
  static void Place(Table* t, uint64_t key, uint32_t val) {
    size_t i = t->Slot(key);
    while (t->keys[i].load(std::memory_order_relaxed) != 0) i = (i + 1) & t->mask;
    t->vals[i].store(val, std::memory_order_relaxed);
    t->keys[i].store(key, std::memory_order_release);  // after its value
  }
  void Grow(size_t cap) {
    auto t = std::make_unique<Table>();
    t->mask = cap - 1;
    t->shift = 64 - std::countr_zero(cap);
    t->keys = std::make_unique<std::atomic<uint64_t>[]>(cap);
    t->vals = std::make_unique<std::atomic<uint32_t>[]>(cap);
    if (current_ != nullptr) {
      for (size_t i = 0; i <= current_->mask; ++i) {
        const uint64_t k = current_->keys[i].load(std::memory_order_relaxed);
        if (k != 0) Place(t.get(), k, current_->vals[i].load(std::memory_order_relaxed));
      }
    }
    current_ = t.get();
    tables_.push_back(std::move(t));
    table_.store(current_, std::memory_order_release);
  }
  std::atomic<const Table*> table_{nullptr};
  Table* current_ = nullptr;  // the writers' view of table_
  std::vector<std::unique_ptr<Table>> tables_;
  size_t size_ = 0;
};

}  // namespace fazhi
