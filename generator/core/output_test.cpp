#include "core/output.h"

#include <doctest/doctest.h>

#include <mutex>
#include <string>
#include <vector>

namespace fazhi {
namespace {

// Records how files arrive: the size of each batch handed over, and the
// files in order; fails the paths it is told to.
class Recorder : public OutputSink {
 public:
  bool Put(const std::string& path, std::string bytes) override {
    std::lock_guard<std::mutex> lock(mu);
    files.push_back(path + "=" + bytes);
    return path != fail;
  }
  bool PutAll(std::vector<OutputFile>* batch) override {
    {
      std::lock_guard<std::mutex> lock(mu);
      batches.push_back(batch->size());
    }
    return OutputSink::PutAll(batch);
  }
  std::mutex mu;  // render threads hand their batches on at once
  std::vector<size_t> batches;
  std::vector<std::string> files;
  std::string fail;
};

TEST_CASE("output: a BatchSink hands files on in order, a batch at a time, and the rest when flushed") {
  Recorder next;
  BatchSink batch(&next, 3, 100);
  for (int i = 0; i < 7; ++i) CHECK(batch.Put("p" + std::to_string(i), "x"));
  CHECK(next.batches == std::vector<size_t>{3, 3});
  CHECK(batch.Flush());
  CHECK(batch.Flush());  // nothing left: no empty batch
  CHECK(next.batches == std::vector<size_t>{3, 3, 1});
  CHECK(next.files == std::vector<std::string>{"p0=x", "p1=x", "p2=x", "p3=x", "p4=x", "p5=x", "p6=x"});
}

TEST_CASE("output: a BatchSink hands on as soon as it holds its bytes, and says when a file failed") {
  Recorder next;
  next.fail = "b";
  BatchSink batch(&next, 64, 10);
  CHECK(batch.Put("a", "12345"));
  CHECK_FALSE(batch.Put("b", "12345"));         // 10 bytes held: handed on, and "b" failed
  CHECK(batch.Put("c", std::string(20, 'z')));  // one file over the limit goes alone
  CHECK(next.batches == std::vector<size_t>{2, 1});
  CHECK(next.files.size() == 3);
  next.fail = "d";
  CHECK(batch.Put("d", "1"));
  CHECK_FALSE(batch.Flush());
}

TEST_CASE("output: ParallelForBatches hands every file on, in batches, by the end of the loop") {
  for (int jobs : {1, 3}) {
    INFO("jobs " << jobs);
    MemorySink memory;
    Recorder count;  // counts the batches that arrive
    ParallelForBatches(150, jobs, &memory, [](size_t, size_t i, OutputSink* out) {
      out->Put("p" + std::to_string(i) + ".html", std::to_string(i));
    });
    REQUIRE(memory.files().size() == 150);
    CHECK(*memory.Find("p149.html") == "149");
    ParallelForBatches(150, jobs, &count,
                       [](size_t, size_t i, OutputSink* out) { out->Put(std::to_string(i), ""); });
    size_t files = 0;
    for (size_t b : count.batches) {
      CHECK(b <= kBatchFiles);
      files += b;
    }
    CHECK(files == 150);
    CHECK(count.batches.size() < 150);  // not one by one
  }
}

}  // namespace
}  // namespace fazhi
