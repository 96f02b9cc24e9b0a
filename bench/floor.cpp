// The floor for the speed benchmark: the least work any generator has to do
// for a site of Markdown pages. It reads every content/**/*.md, skips the
// front matter, parses the body with cmark-gfm (the extensions and options
// fazhi uses) and writes the bare HTML to OUT/<path-without-.md>/index.html.
// No templates, no front matter parsing, no taxonomies. Pages are shared out
// to `-j` threads; cmark_parser_finish runs under one mutex, because
// cmark-gfm's extension bookkeeping is global (../shared/LIBRARIES.md §2).
//
// Build: g++ -O2 -std=c++20 floor.cpp $(pkg-config --cflags --libs libcmark-gfm) -pthread
// Usage: floor SITE OUT [-j N]
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};

bool ReadFile(const fs::path& p, std::string* out) {
  FILE* f = std::fopen(p.c_str(), "rb");
  if (!f) return false;
  char buf[1 << 16];
  size_t n;
  out->clear();
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  std::fclose(f);
  return true;
}

bool WriteFile(const fs::path& p, const char* data, size_t size) {
  FILE* f = std::fopen(p.c_str(), "wb");
  if (!f) return false;
  bool ok = std::fwrite(data, 1, size, f) == size;
  return std::fclose(f) == 0 && ok;
}

// The body after a leading "---\n...\n---\n" block, or the whole text.
std::string_view Body(std::string_view text) {
  if (text.substr(0, 4) != "---\n") return text;
  size_t end = text.find("\n---\n", 3);
  if (end == std::string_view::npos) return text;
  return text.substr(end + 5);
}

struct Job {
  fs::path in;
  fs::path out_dir;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && !(argc == 5 && std::strcmp(argv[3], "-j") == 0)) {
    std::fprintf(stderr, "usage: floor SITE OUT [-j N]\n");
    return 2;
  }
  const fs::path site = argv[1];
  const fs::path out = argv[2];
  const int threads = argc == 5 ? std::max(1, std::atoi(argv[4])) : 2;

  std::vector<Job> jobs;
  const fs::path content = site / "content";
  for (const auto& e : fs::recursive_directory_iterator(content)) {
    if (!e.is_regular_file() || e.path().extension() != ".md") continue;
    // Plain string work: fs::relative would readlink every path component.
    std::string rel = e.path().generic_string().substr(content.generic_string().size() + 1);
    rel.resize(rel.size() - 3);  // ".md"
    jobs.push_back({e.path(), out / rel});
  }
  std::sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return a.in < b.in; });

  cmark_gfm_core_extensions_ensure_registered();
  const int options = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8;
  std::mutex finish_mu;
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::atomic<size_t> bytes_in{0}, bytes_out{0};

  auto work = [&] {
    std::string text;
    for (size_t i; (i = next.fetch_add(1)) < jobs.size();) {
      const Job& job = jobs[i];
      if (!ReadFile(job.in, &text)) {
        std::fprintf(stderr, "floor: cannot read %s\n", job.in.c_str());
        failed = true;
        continue;
      }
      bytes_in += text.size();
      std::string_view body = Body(text);
      cmark_parser* parser = cmark_parser_new(options);
      for (const char* name : kExtensions) {
        cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
      }
      cmark_parser_feed(parser, body.data(), body.size());
      cmark_node* doc;
      {
        std::lock_guard<std::mutex> lock(finish_mu);
        doc = cmark_parser_finish(parser);
      }
      char* html = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser));
      size_t len = std::strlen(html);
      bytes_out += len;
      std::error_code ec;
      fs::create_directories(job.out_dir, ec);
      if (ec || !WriteFile(job.out_dir / "index.html", html, len)) {
        std::fprintf(stderr, "floor: cannot write %s\n", (job.out_dir / "index.html").c_str());
        failed = true;
      }
      std::free(html);
      cmark_node_free(doc);
      cmark_parser_free(parser);
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();

  std::fprintf(stderr, "floor: %zu pages, %.1f MB in, %.1f MB out\n", jobs.size(), bytes_in.load() / 1e6,
               bytes_out.load() / 1e6);
  return failed ? 1 : 0;
}
