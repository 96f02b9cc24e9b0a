// Times fazhi's input stages one by one on a generated site, best of 3:
// reading the source tree, parsing front matter, and Markdown (RenderMarkdown
// with link rewriting) on 1 and on 2 threads. The figures in
// docs/performance.md that name this tool come from it.
//
// Build and run: bench/stages.sh SITE (builds build-bench/ if needed), e.g.
//   bench/stages.sh /dev/shm/fazhi-bench/site-10000/fazhi
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <thread>
#include <vector>

#include "core/diagnostics.h"
#include "core/front_matter.h"
#include "core/source_tree.h"
#include "markdown/markdown.h"

namespace {

using Clock = std::chrono::steady_clock;

double BestOf3(const std::function<void()>& fn) {
  double best = 1e300;
  for (int i = 0; i < 3; ++i) {
    auto t0 = Clock::now();
    fn();
    best = std::min(best, std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace fazhi;
  if (argc != 2) {
    std::fprintf(stderr, "usage: stages SITE\n");
    return 2;
  }
  SourceTree tree;
  Diagnostics diags;
  double read = BestOf3([&] {
    tree = SourceTree();
    SourceTree::Read(argv[1], &tree, &diags);
  });
  std::vector<const SourceFile*> files = tree.Under("content/", ".md");
  std::vector<FrontMatter> fms(files.size());
  double fm = BestOf3([&] {
    for (size_t i = 0; i < files.size(); ++i) ParseFrontMatter(*files[i], &fms[i], &diags);
  });
  // Every .md link resolves to its page's folder, as the real resolver does
  // for gen_site's links (it also checks that the page exists).
  LinkResolver resolve = [](std::string_view target, bool, LinkResolution* out, Message*) {
    out->href = "../" + std::string(target.substr(0, target.size() - 3)) + "/";
    return true;
  };
  auto markdown = [&](int threads) {
    return BestOf3([&] {
      std::atomic<size_t> next{0};
      auto work = [&] {
        for (size_t i; (i = next.fetch_add(1)) < files.size();) {
          MarkdownResult r;
          std::vector<MarkdownProblem> problems;
          RenderMarkdown(std::string_view(files[i]->text).substr(fms[i].body_offset), {}, resolve, &r,
                         &problems);
        }
      };
      std::vector<std::thread> pool;
      for (int t = 1; t < threads; ++t) pool.emplace_back(work);
      work();
      for (auto& t : pool) t.join();
    });
  };
  double md1 = markdown(1), md2 = markdown(2);
  std::printf(
      "%zu pages: read %.1f ms, front matter %.1f ms, markdown %.1f ms (1 thread), %.1f ms (2 threads)%s\n",
      files.size(), read, fm, md1, md2, diags.has_errors() ? " [errors]" : "");
  return diags.has_errors() ? 1 : 0;
}
