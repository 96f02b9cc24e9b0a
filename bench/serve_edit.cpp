// The serve fast path in-process, without the watcher and the HTTP server:
// builds a site with a BuildSession (as `fazhi serve` does), then appends a
// paragraph to one page EDITS times and rebuilds after each, printing how long
// each incremental build took (wall, and CPU time of the process: the
// figure that holds on a loaded machine) and whether it took the fast path. Used to
// compare variants under `valgrind --tool=callgrind` (instruction counts of
// the edits alone: run with --edits 0 and subtract) and by bench/serve.
//
//   fazhi_bench_serve_edit SITE_DIR PAGE_REL [--edits 5] [--where end|start] [--pause MS]
//
// --pause waits that long before each edit, as an editor does between two
// saves: caches gone cold, memory the allocator may have handed back to the
// kernel (bench/serve/README.md, run 12: neither costs an edit much).
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "allocator/allocator.h"
#include "site/build.h"

// CPU time of the process (all threads) in milliseconds.
static double CpuMs() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr
        << "usage: fazhi_bench_serve_edit SITE_DIR PAGE_REL [--edits N] [--where end|start] [--pause MS]\n";
    return 2;
  }
  fazhi::TuneAllocator();  // allocate as fazhi serve does
  std::string dir = argv[1], rel = argv[2];
  int edits = 5;
  bool start = false;
  int pause_ms = 0;
  for (int i = 3; i + 1 < argc; i += 2) {
    if (!strcmp(argv[i], "--edits")) edits = atoi(argv[i + 1]);
    if (!strcmp(argv[i], "--where")) start = !strcmp(argv[i + 1], "start");
    if (!strcmp(argv[i], "--pause")) pause_ms = atoi(argv[i + 1]);
  }
  fazhi::BuildOptions opts;
  opts.source_dir = dir;
  opts.serving = true;
  opts.base_url = "/";
  fazhi::BuildSession session(opts);
  fazhi::SiteFiles files;
  double cpu_ms = 0;  // of the last build
  auto build = [&](const std::vector<std::string>& changed) {
    fazhi::Diagnostics diags;
    fazhi::BuildStats stats;
    auto t0 = std::chrono::steady_clock::now();
    const double c0 = CpuMs();
    bool ok = session.Build(changed, false, &files, &diags, &stats);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    cpu_ms = CpuMs() - c0;
    if (!ok) std::cerr << diags.Format();
    return std::make_pair(ok, ms);
  };
  auto [ok, ms] = build({});
  if (!ok) return 1;
  std::printf("first build: %zu files in %.1f ms (%.1f ms CPU)\n", files.size(), ms, cpu_ms);
  std::string path = dir + "/" + rel;
  for (int e = 1; e <= edits; ++e) {
    if (pause_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms));
    std::stringstream ss;
    ss << std::ifstream(path, std::ios::binary).rdbuf();
    std::string text = ss.str();
    std::string para = "\n\n测试编辑第" + std::to_string(e) + "次，新增一段关于法律援助的说明。\n";
    if (start) {
      size_t body = text.find("\n---\n", 4);
      text.insert(body == std::string::npos ? 0 : body + 5, para);
    } else {
      text += para;
    }
    std::ofstream(path, std::ios::binary) << text;
    auto [ok2, ms2] = build({rel});
    std::printf("edit %d: %s in %.1f ms, %.1f ms CPU (%s, %zu pages re-rendered)\n", e,
                ok2 ? "built" : "FAILED", ms2, cpu_ms,
                session.last_incremental() ? "fast path" : "whole pipeline", session.last_rendered_pages());
  }
  return 0;
}
