#include "search/key_map.h"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace fazhi {
namespace {

// Keys as the tokenizer makes them: never 0, often close together.
uint64_t KeyOf(uint32_t i) { return 0xE4B880E4B880ull + i * 7; }

TEST_CASE("search key map: every key inserted is found with its value, across the table's growth") {
  SharedKeyMap map;
  for (uint32_t i = 0; i < 20000; ++i) map.Insert(KeyOf(i), i);  // 4,096 slots at first: grows three times
  const SharedKeyMap::View now = map.Now();
  for (uint32_t i = 0; i < 20000; ++i) REQUIRE(now.Find(KeyOf(i)) == i);
  CHECK(now.Find(KeyOf(20000)) == SharedKeyMap::kNone);
  CHECK(map.Find(1) == SharedKeyMap::kNone);
}

TEST_CASE("search key map: a view taken before the table grew still finds the keys it had") {
  SharedKeyMap map;
  for (uint32_t i = 0; i < 100; ++i) map.Insert(KeyOf(i), i);
  const SharedKeyMap::View before = map.Now();
  for (uint32_t i = 100; i < 10000; ++i) map.Insert(KeyOf(i), i);
  for (uint32_t i = 0; i < 100; ++i) REQUIRE(before.Find(KeyOf(i)) == i);
  // It may miss a key inserted since (the index then asks again under its
  // lock), but never gives a wrong value.
  for (uint32_t i = 100; i < 10000; ++i) {
    const uint32_t v = before.Find(KeyOf(i));
    REQUIRE((v == i || v == SharedKeyMap::kNone));
  }
  CHECK(map.Find(KeyOf(9999)) == 9999);
}

// Readers look keys up while one writer inserts and the table grows under
// them: a key is either missed or found with its own value, and once the
// writer is done every reader finds every key.
TEST_CASE("search key map: readers without a lock see each key missing or right while a writer inserts") {
  SharedKeyMap map;
  constexpr uint32_t kKeys = 60000;
  std::atomic<uint32_t> inserted{0};
  std::atomic<bool> wrong{false};
  std::vector<std::thread> readers;
  for (int r = 0; r < 3; ++r) {
    readers.emplace_back([&] {
      uint32_t seen = 0;
      while (seen < kKeys) {
        seen = inserted.load(std::memory_order_acquire);
        const SharedKeyMap::View now = map.Now();
        for (uint32_t i = 0; i < kKeys; i += 97) {
          const uint32_t v = now.Find(KeyOf(i));
          if (v != SharedKeyMap::kNone && v != i) wrong = true;
          // Inserted before `seen` was read: the map published it then.
          if (i < seen && v != i) wrong = true;
        }
      }
    });
  }
  for (uint32_t i = 0; i < kKeys; ++i) {
    map.Insert(KeyOf(i), i);
    inserted.store(i + 1, std::memory_order_release);
  }
  for (auto& t : readers) t.join();
  CHECK_FALSE(wrong.load());
  for (uint32_t i = 0; i < kKeys; ++i) REQUIRE(map.Find(KeyOf(i)) == i);
}

}  // namespace
}  // namespace fazhi
