// The external-resource scan of rendered pages alone, out of a build: reads
// every .html file of a built site (PUBLIC) into memory, then runs the scan
// a build runs on each page it writes (FindResourceRefs, as HTML) over all
// of them on one thread, ROUNDS times, and prints each round's time, the
// references found and a hash of them (offset, URL and kind of each, by
// file): a change to the scanner that must find the same references can be
// checked with it, and timed or counted (`valgrind --tool=callgrind`).
//
//   fazhi_bench_resource_scan PUBLIC [--rounds 3]
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
#include "norms/external_resources.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: fazhi_bench_resource_scan PUBLIC [--rounds N]\n";
    return 2;
  }
  int rounds = 3;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--rounds") == 0) {
      rounds = std::max(1, std::atoi(argv[i + 1]));
    } else {
      std::cerr << "fazhi_bench_resource_scan: unknown argument " << argv[i] << "\n";
      return 2;
    }
  }
  fazhi::TuneAllocator();  // memory as the fazhi program allocates it
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, std::string>> files;  // relative path, bytes
  for (const auto& e : fs::recursive_directory_iterator(argv[1])) {
    if (!e.is_regular_file() || e.path().extension() != ".html") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    files.emplace_back(fs::relative(e.path(), argv[1]).generic_string(), bytes.str());
  }
  std::sort(files.begin(), files.end());
  size_t total = 0, tags = 0;
  for (const auto& [path, bytes] : files) {
    total += bytes.size();
    tags += static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '<'));
  }
  std::printf("%zu files, %.1f MB of HTML, %zu '<'\n", files.size(), total / 1e6, tags);
  for (int r = 1; r <= rounds; ++r) {
    size_t refs = 0;
    uint64_t hash = 1469598103934665603ull;  // FNV-1a of each reference's offset, URL and kind
    auto mix = [&hash](std::string_view s) {
      for (unsigned char c : s) hash = (hash ^ c) * 1099511628211ull;
    };
    const auto t0 = std::chrono::steady_clock::now();
    for (const auto& [path, bytes] : files) {
      for (const fazhi::ExternalRef& ref : fazhi::FindResourceRefs(bytes, fazhi::ResourceLang::kHtml)) {
        ++refs;
        mix(path);
        mix(std::to_string(ref.offset));
        mix(ref.url);
        mix(ref.what->zh);
      }
    }
    const auto t1 = std::chrono::steady_clock::now();
    std::printf("round %d: scan %8.1f ms   %zu references, hash %016llx\n", r,
                std::chrono::duration<double, std::milli>(t1 - t0).count(), refs,
                static_cast<unsigned long long>(hash));
  }
  return 0;
}
