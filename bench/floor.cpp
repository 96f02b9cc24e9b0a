// The floor for the speed benchmark: the least work any generator has to do
// for a site of Markdown pages. It reads every content/**/*.md, skips the
// front matter, parses the body with cmark-gfm (the extensions and options
// fazhi uses) and writes the bare HTML to OUT/<path-without-.md>/index.html.
// No templates, no front matter parsing, no taxonomies. Pages are shared out
// to `-j` threads. cmark-gfm's table of special inline characters is global
// and every cmark_parser_finish edits it (../shared/LIBRARIES.md §2): as
// fazhi does (generator/markdown/markdown.cpp), the floor fills it once and
// replaces the library's function that edits it, so that parses run at once;
// where the replacement does not take, each finish runs under one mutex.
//
// With `--like LIST` it writes what another generator's output holds: LIST
// has a line "PATH<TAB>SIZE" per file of that output (`find OUT -type f
// -printf '%P\t%s\n'`). A page whose path is listed is padded with spaces to
// the listed size (its chrome); every listed file that is not a page is
// written as that many spaces, after the pages. So the floor does the same
// file system work as the generator (files, folders, bytes), and nothing else:
// a site with page chrome, taxonomies and a search index writes several times
// the bytes of the bare bodies (docs/performance.md, session 8).
//
// Build: g++ -O2 -std=c++20 floor.cpp $(pkg-config --cflags --libs libcmark-gfm) -pthread
//          -Wl,--export-dynamic-symbol=cmark_manage_extensions_special_characters
// Usage: floor SITE OUT [-j N] [--like LIST]
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <dlfcn.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};

// Who keeps the table of special characters: the library (each finish
// under a lock), FillSpecialCharacters' probe, or nobody (filled once).
enum class TableState { kLibrary, kProbing, kFilled };
std::atomic<TableState> table{TableState::kLibrary};
std::atomic<int> probe_calls{0};  // the library's calls that reached our definition in the probe

using ManageFn = void (*)(cmark_parser*, int);

// The library's own cmark_manage_extensions_special_characters.
ManageFn LibraryManage() {
  static const auto fn =
      reinterpret_cast<ManageFn>(dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters"));
  return fn;
}

// Fills the table with the extensions' characters and reports whether the
// library's calls now leave it alone (then finishes need no lock).
bool FillSpecialCharacters() {
  const ManageFn library = LibraryManage();
  if (library == nullptr) return false;
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  for (const char* name : kExtensions)
    cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
  library(parser, 1);
  table = TableState::kProbing;
  cmark_parser_feed(parser, "~~a~~\n", 6);
  cmark_node_free(cmark_parser_finish(parser));
  const bool kept = probe_calls > 0;
  table = kept ? TableState::kFilled : TableState::kLibrary;
  cmark_parser_free(parser);
  return kept;
}

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
  fs::path in;       ///< a page's source; empty for a listed file that is not a page
  fs::path out_dir;  ///< a page's folder; else the file's path
  size_t size = 0;   ///< the listed size (0: not listed)
};

// LIST's lines "PATH<TAB>SIZE", by path.
bool ReadList(const char* path, std::map<std::string, size_t>* sizes) {
  std::string text;
  if (!ReadFile(path, &text)) return false;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + at, end - at);
    size_t tab = line.rfind('\t');
    if (tab == std::string_view::npos) return false;
    (*sizes)[std::string(line.substr(0, tab))] =
        std::strtoull(std::string(line.substr(tab + 1)).c_str(), nullptr, 10);
    at = end + 1;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  int threads = 2;
  const char* like = nullptr;
  bool usage = argc < 3;
  for (int a = 3; a < argc && !usage; a += 2) {
    if (a + 1 < argc && std::strcmp(argv[a], "-j") == 0) {
      threads = std::max(1, std::atoi(argv[a + 1]));
    } else if (a + 1 < argc && std::strcmp(argv[a], "--like") == 0) {
      like = argv[a + 1];
    } else {
      usage = true;
    }
  }
  if (usage) {
    std::fprintf(stderr, "usage: floor SITE OUT [-j N] [--like LIST]\n");
    return 2;
  }
  const fs::path site = argv[1];
  const fs::path out = argv[2];
  std::map<std::string, size_t> listed;
  if (like && !ReadList(like, &listed)) {
    std::fprintf(stderr, "floor: cannot read %s (lines PATH<TAB>SIZE)\n", like);
    return 2;
  }

  std::vector<Job> jobs;
  const fs::path content = site / "content";
  for (const auto& e : fs::recursive_directory_iterator(content)) {
    if (!e.is_regular_file() || e.path().extension() != ".md") continue;
    // Plain string work: fs::relative would readlink every path component.
    std::string rel = e.path().generic_string().substr(content.generic_string().size() + 1);
    rel.resize(rel.size() - 3);  // ".md"
    size_t size = 0;
    if (auto it = listed.find(rel + "/index.html"); it != listed.end()) {
      size = it->second;
      listed.erase(it);
    }
    jobs.push_back({e.path(), out / rel, size});
  }
  std::sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return a.in < b.in; });
  for (const auto& [rel, size] : listed) jobs.push_back({{}, out / rel, size});  // by path

  cmark_gfm_core_extensions_ensure_registered();
  const bool parallel = FillSpecialCharacters();
  const int options = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8;
  std::mutex finish_mu;
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::atomic<size_t> bytes_in{0}, bytes_out{0};

  auto work = [&] {
    std::string text;
    for (size_t i; (i = next.fetch_add(1)) < jobs.size();) {
      const Job& job = jobs[i];
      if (job.in.empty()) {
        const std::string spaces(job.size, ' ');
        std::error_code ec;
        fs::create_directories(job.out_dir.parent_path(), ec);
        if (ec || !WriteFile(job.out_dir, spaces.data(), spaces.size())) {
          std::fprintf(stderr, "floor: cannot write %s\n", job.out_dir.c_str());
          failed = true;
        }
        bytes_out += spaces.size();
        continue;
      }
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
      if (parallel) {
        doc = cmark_parser_finish(parser);
      } else {
        std::lock_guard<std::mutex> lock(finish_mu);
        doc = cmark_parser_finish(parser);
      }
      char* html = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser));
      size_t len = std::strlen(html);
      std::string padded;
      if (job.size > len) {
        padded.reserve(job.size);
        padded.append(html, len);
        padded.resize(job.size, ' ');
      }
      const char* data = padded.empty() ? html : padded.data();
      len = padded.empty() ? len : padded.size();
      bytes_out += len;
      std::error_code ec;
      fs::create_directories(job.out_dir, ec);
      if (ec || !WriteFile(job.out_dir / "index.html", data, len)) {
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

  const size_t pages = static_cast<size_t>(
      std::count_if(jobs.begin(), jobs.end(), [](const Job& j) { return !j.in.empty(); }));
  std::fprintf(stderr, "floor: %zu pages, %zu other files, %.1f MB in, %.1f MB out; %s\n", pages,
               jobs.size() - pages, bytes_in.load() / 1e6, bytes_out.load() / 1e6,
               parallel ? "parses at once" : "parses take turns (one lock)");
  return failed ? 1 : 0;
}

// Replaces the library's function (see FillSpecialCharacters): passes the
// call on while the library keeps the table, counts it during the probe, and
// once the table is filled leaves it as it is.
extern "C" void cmark_manage_extensions_special_characters(cmark_parser* parser, int add) {
  switch (table.load()) {
    case TableState::kLibrary:
      if (const ManageFn library = LibraryManage()) library(parser, add);
      break;
    case TableState::kProbing:
      ++probe_calls;
      break;
    case TableState::kFilled:
      break;
  }
}
