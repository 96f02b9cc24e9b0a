// The search index alone, out of a build: reads every index.html of a built
// site (PUBLIC) into memory, then times its three steps on one thread —
// extraction (ExtractSearchPage), Put and Write — ROUNDS times, and prints
// each step's time per round, the index's size and a hash of its files (the
// same hash for the same input: a change that must not alter the index can
// be checked with it). Put and Write start from a new index each round;
// Write hands its files to a counter, not to a disk.
//
// In a build, these steps run on the render threads beside everything else,
// and cost about what the first round costs here, twice the later rounds
// (docs/performance.md, run 22): the first round's memory is fresh, as the
// index's is in a build. So this
// measures the index's own work, for comparing variants of it — by time, or
// by instructions under `valgrind --tool=callgrind --toggle-collect=...`.
// It allocates as `fazhi` does (jemalloc, generator/allocator). Every page
// with a <main> is indexed, as one kind: unlike a build, which
// leaves out lists and taxonomy pages; point it at the pages to count (say
// PUBLIC/posts).
//
//   fazhi_bench_search_index PUBLIC [--rounds 3] [--steps extract|all]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "allocator/allocator.h"
#include "search/index.h"
#include "search/page.h"

namespace {

double Ms(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: fazhi_bench_search_index PUBLIC [--rounds N] [--steps extract|all]\n";
    return 2;
  }
  int rounds = 3;
  bool all = true;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--rounds") == 0) {
      rounds = std::max(1, std::atoi(argv[i + 1]));
    } else if (std::strcmp(argv[i], "--steps") == 0) {
      all = std::strcmp(argv[i + 1], "extract") != 0;
    } else {
      std::cerr << "fazhi_bench_search_index: unknown argument " << argv[i] << "\n";
      return 2;
    }
  }
  fazhi::TuneAllocator();  // memory as the fazhi program allocates it
  namespace fs = std::filesystem;
  const fs::path root = argv[1];
  std::vector<std::pair<std::string, std::string>> pages;  // relative path, bytes
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file() || e.path().filename() != "index.html") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    pages.emplace_back(fs::relative(e.path(), root).generic_string(), bytes.str());
  }
  std::sort(pages.begin(), pages.end());
  size_t html = 0;
  for (const auto& [path, bytes] : pages) html += bytes.size();
  std::printf("%zu pages, %.1f MB of HTML\n", pages.size(), html / 1e6);

  std::vector<fazhi::SearchPage> extracted(pages.size());
  std::vector<bool> indexed(pages.size());
  for (int r = 1; r <= rounds; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    for (size_t i = 0; i < pages.size(); ++i)
      indexed[i] = fazhi::ExtractSearchPage(pages[i].second, &extracted[i]);
    auto t1 = std::chrono::steady_clock::now();
    std::printf("round %d: extract %8.1f ms", r, Ms(t1 - t0));
    if (all) {
      fazhi::SearchIndex::Options o;
      o.jobs = 1;
      fazhi::SearchIndex index({"页面"}, o);
      for (size_t i = 0; i < pages.size(); ++i) {
        if (indexed[i]) index.Put(pages[i].first, 0, pages[i].first, "", extracted[i]);
      }
      auto t2 = std::chrono::steady_clock::now();
      size_t files = 0, bytes = 0;
      uint64_t hash = 1469598103934665603ull;  // FNV-1a of each path and its bytes, in the order handed over
      std::vector<std::pair<std::string, std::string>> out;
      fazhi::SearchIndexStats stats;
      index.Write([&](const std::string& path, std::string b) { out.emplace_back(path, std::move(b)); },
                  &stats);
      auto t3 = std::chrono::steady_clock::now();
      std::sort(out.begin(), out.end());
      for (const auto& [path, b] : out) {
        ++files;
        bytes += b.size();
        for (const std::string* s : {&path, &b}) {
          for (unsigned char c : *s) hash = (hash ^ c) * 1099511628211ull;
        }
      }
      std::printf(
          "   put %8.1f ms   write %8.1f ms   %zu docs, %zu terms, %zu files, %zu bytes, hash %016llx",
          Ms(t2 - t1), Ms(t3 - t2), stats.docs, stats.terms, files, bytes,
          static_cast<unsigned long long>(hash));
    }
    std::printf("\n");
  }
  return 0;
}
