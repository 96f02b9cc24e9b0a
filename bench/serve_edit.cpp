// The serve fast path in-process, without the watcher and the HTTP server:
// builds a site with a BuildSession (as `fazhi serve` does), then appends a
// paragraph to one page EDITS times and rebuilds after each, printing how long
// each incremental build took and whether it took the fast path. Used to
// compare variants under `valgrind --tool=callgrind` (instruction counts of
// the edits alone: run with --edits 0 and subtract) and by bench/serve.
//
//   fazhi_bench_serve_edit SITE_DIR PAGE_REL [--edits 5] [--where end|start]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "site/build.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: fazhi_bench_serve_edit SITE_DIR PAGE_REL [--edits N] [--where end|start]\n";
    return 2;
  }
  std::string dir = argv[1], rel = argv[2];
  int edits = 5;
  bool start = false;
  for (int i = 3; i + 1 < argc; i += 2) {
    if (!strcmp(argv[i], "--edits")) edits = atoi(argv[i + 1]);
    if (!strcmp(argv[i], "--where")) start = !strcmp(argv[i + 1], "start");
  }
  fazhi::BuildOptions opts;
  opts.source_dir = dir;
  opts.serving = true;
  opts.base_url = "/";
  fazhi::BuildSession session(opts);
  fazhi::SiteFiles files;
  auto build = [&](const std::vector<std::string>& changed) {
    fazhi::Diagnostics diags;
    fazhi::BuildStats stats;
    auto t0 = std::chrono::steady_clock::now();
    bool ok = session.Build(changed, false, &files, &diags, &stats);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (!ok) std::cerr << diags.Format();
    return std::make_pair(ok, ms);
  };
  auto [ok, ms] = build({});
  if (!ok) return 1;
  std::printf("first build: %zu files in %.1f ms\n", files.size(), ms);
  std::string path = dir + "/" + rel;
  for (int e = 1; e <= edits; ++e) {
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
    std::printf("edit %d: %s in %.1f ms (%s, %zu pages re-rendered)\n", e, ok2 ? "built" : "FAILED", ms2,
                session.last_incremental() ? "fast path" : "whole pipeline", session.last_rendered_pages());
  }
  return 0;
}
