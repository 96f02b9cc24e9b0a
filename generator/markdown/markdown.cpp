#include "markdown/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <dlfcn.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/utf8.h"
#include "markdown/messages.h"

namespace fazhi {
namespace {

// cmark-gfm keeps one process-wide table of special inline characters. Each
// cmark_parser_finish adds its parser's extensions' characters to it (~ for
// strikethrough, : and w for autolinks) before it parses the inlines and
// takes them out after (github/cmark-gfm#176), so a parse that ends takes
// them from under one still running on another thread: its ~~struck~~ text
// and bare links come out plain. Every parser here attaches the same
// extensions (kExtensions), so the table must simply hold their characters
// at all times. The library makes that call through its PLT, so the
// definition of cmark_manage_extensions_special_characters at the end of this
// file replaces it for the whole process: it leaves the table as
// SetUpExtensions set it once. Where that replacement does not take (a
// library linked to bind its own calls), SetUpExtensions finds out and every
// finish runs under one lock, as before. The lock cost a 10,000-page build
// 57–77 ms of its threads' time in waits (docs/performance.md, run 34).
// Who keeps the table: the library (each finish under FinishGuard::mu),
// SetUpExtensions' probe, or nobody (filled once, finishes at once).
enum class TableState { kLibrary, kProbing, kFilled };

struct FinishGuard {
  std::atomic<TableState> state{TableState::kLibrary};
  std::atomic<int> probe_calls{0};  // the library's calls that reached our definition in the probe
  std::mutex mu;
};

FinishGuard& Finish() {
  static FinishGuard guard;
  return guard;
}

using ManageSpecialCharacters = void (*)(cmark_parser*, int);

// The library's own cmark_manage_extensions_special_characters, found past
// this program's definition.
ManageSpecialCharacters LibraryManageSpecialCharacters() {
  static const auto fn = reinterpret_cast<ManageSpecialCharacters>(
      dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters"));
  return fn;
}

cmark_parser* NewParser(int options, cmark_mem* mem);

// Registers the extensions and decides whether finishes may run at once:
// puts the extensions' characters in the table, then parses a probe and
// checks that the library's calls reached our definition (and so left them
// there) and that strikethrough and an autolink came out.
// FAZHI_MARKDOWN_LOCK=1 in the environment skips all this: the library keeps
// its table and every finish takes the lock, for a cmark-gfm that the probe
// does not catch misbehaving (docs/development.md).
void SetUpExtensions() {
  cmark_gfm_core_extensions_ensure_registered();
  FinishGuard& g = Finish();
  const ManageSpecialCharacters library = LibraryManageSpecialCharacters();
  if (library == nullptr) return;
  if (const char* lock = std::getenv("FAZHI_MARKDOWN_LOCK");
      lock != nullptr && *lock != '\0' && std::strcmp(lock, "0") != 0) {
    return;
  }
  cmark_parser* parser = NewParser(CMARK_OPT_DEFAULT, cmark_get_default_mem_allocator());
  library(parser, 1);
  g.state = TableState::kProbing;
  const char probe[] = "~~a~~ www.example.com\n";
  cmark_parser_feed(parser, probe, sizeof probe - 1);
  cmark_node* doc = cmark_parser_finish(parser);
  char* html = cmark_render_html(doc, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser));
  const bool rendered = std::strstr(html, "<del>a</del>") != nullptr &&
                        std::strstr(html, "<a href=\"http://www.example.com\">") != nullptr;
  free(html);
  cmark_node_free(doc);
  if (g.probe_calls.load() > 0 && rendered) {
    g.state = TableState::kFilled;
  } else {
    // Our definition was not called (or the probe came out wrong): the
    // library manages the table itself, and finishes take the lock.
    g.state = TableState::kLibrary;
    library(parser, 0);
  }
  cmark_parser_free(parser);
}

void EnsureExtensions() {
  static std::once_flag once;
  std::call_once(once, SetUpExtensions);
}

// A bump allocator for the nodes and buffers of one RenderMarkdown call.
// cmark-gfm allocates every node, text literal and buffer separately through
// calloc/realloc/free; a page of 3 KB makes about a thousand such calls, and
// malloc was a fifth of the Markdown stage's time. All of a page's cmark
// memory is released at once when the call ends. cmark_mem has no context
// pointer, so the active arena is found through a thread_local that is set
// only for the duration of the call.
class CmarkArena {
 public:
  CmarkArena() : prev_(active_) { active_ = this; }
  ~CmarkArena() {
    active_ = prev_;
    for (char* b : blocks_) std::free(b);
  }
  CmarkArena(const CmarkArena&) = delete;
  CmarkArena& operator=(const CmarkArena&) = delete;

  static cmark_mem* Mem() {
    static cmark_mem mem = {&Calloc, &Realloc, &Free};
    return &mem;
  }

 private:
  // Each allocation is preceded by its size, so realloc can copy.
  static constexpr size_t kHeader = 16;  // keeps alignof(max_align_t)
  static constexpr size_t kBlock = 64 * 1024;

  static void* Calloc(size_t n, size_t size) {
    void* p = active_->Alloc(n * size);
    std::memset(p, 0, n * size);
    return p;
  }
  static void* Realloc(void* p, size_t size) { return active_->Grow(static_cast<char*>(p), size); }
  static void Free(void*) {}

  static size_t& SizeOf(char* p) { return *reinterpret_cast<size_t*>(p - kHeader); }

  char* Alloc(size_t size) {
    size_t need = kHeader + ((size + 15) & ~size_t{15});
    if (used_ + need > cap_) {
      size_t cap = std::max(kBlock, need);
      char* b = static_cast<char*>(std::malloc(cap));
      if (!b) std::abort();  // as cmark's own allocator does on OOM
      blocks_.push_back(b);
      cur_ = b;
      used_ = 0;
      cap_ = cap;
    }
    char* p = cur_ + used_ + kHeader;
    used_ += need;
    last_ = p;
    SizeOf(p) = size;
    return p;
  }

  char* Grow(char* p, size_t size) {
    if (!p) return Alloc(size);
    size_t old = SizeOf(p);
    if (p == last_) {  // the newest allocation can grow in place
      size_t end = static_cast<size_t>(p - cur_) + ((size + 15) & ~size_t{15});
      if (end <= cap_) {
        used_ = end;
        SizeOf(p) = size;
        return p;
      }
    }
    if (size <= old) {
      SizeOf(p) = size;
      return p;
    }
    char* q = Alloc(size);
    std::memcpy(q, p, old);
    return q;
  }

  static thread_local CmarkArena* active_;
  CmarkArena* prev_;
  std::vector<char*> blocks_;
  char* cur_ = nullptr;
  char* last_ = nullptr;
  size_t used_ = 0, cap_ = 0;
};

thread_local CmarkArena* CmarkArena::active_ = nullptr;

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};

// A parser with every extension of kExtensions attached.
cmark_parser* NewParser(int options, cmark_mem* mem) {
  cmark_parser* parser = cmark_parser_new_with_mem(options, mem);
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser, ext);
    }
  }
  return parser;
}

constexpr const char* kHeadingMarker = "<!--fazhi-heading-->";

// Walks the tree by its links, depth first, in document order: no iterator
// to allocate per heading, and no recursion (a page of 100,000 nested
// quotes must not exhaust the stack).
void CollectText(cmark_node* root, std::string* out) {
  for (cmark_node* n = root; n;) {
    const cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) {
      if (const char* lit = cmark_node_get_literal(n)) *out += lit;
    } else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
      *out += ' ';
    }
    if (cmark_node* child = cmark_node_first_child(n)) {
      n = child;
      continue;
    }
    while (n != root && !cmark_node_next(n)) n = cmark_node_parent(n);
    n = n == root ? nullptr : cmark_node_next(n);
  }
}

// The 1-based line and byte column of each link's target in `body`. Inline
// nodes carry no reliable column, so the target ("(url") is searched on its
// block's lines (cmark-gfm gives a link its line). Links come in document
// order and an inline link's target follows the one before it, so the search
// resumes where the previous link on the same lines was found: 4,000 value links on one line cost one pass
// over it, not 4,000 (issue 18: quadratic time on ordinary input). A target not found (a reference link: its
// URL is elsewhere) gets the block's start.
class TargetFinder {
 public:
  explicit TargetFinder(std::string_view body) : body_(body) {
    // Built for every page: memchr, not a loop over each byte (1 % of a
    // build's instructions).
    starts_.push_back(0);
    const char* const begin = body.data();
    const char* const end = begin + body.size();
    for (const char* p = begin; p < end;) {
      p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
      if (!p) break;
      starts_.push_back(static_cast<size_t>(++p - begin));
    }
  }

  void Find(cmark_node* link, std::string_view url, int* line_out, int* col_out) {
    Locate(link, "(" + std::string(url), 1, line_out, col_out);
  }

  /// Where `needle` is on the lines of `node`'s block, plus `skip` bytes.
  void Locate(cmark_node* node, std::string needle, size_t skip, int* line_out, int* col_out) {
    cmark_node* block = node;
    while (block && cmark_node_get_start_line(block) == 0) block = cmark_node_parent(block);
    const int first = block ? cmark_node_get_start_line(block) : 1;
    const int last = block ? cmark_node_get_end_line(block) : first;
    *line_out = first;
    *col_out = block ? cmark_node_get_start_column(block) : 1;
    if (first < 1 || static_cast<size_t>(first) > starts_.size() || last < first) return;
    const size_t from = starts_[first - 1];
    const size_t to = static_cast<size_t>(last) < starts_.size() ? starts_[last] : body_.size();
    if (from != range_ || to != range_end_) {
      range_ = from;
      range_end_ = to;
      cursor_ = from;
      missing_.clear();
    }
    // A target missed from an earlier point of the lines is missed from a later one too.
    if (missing_.count(needle)) return;
    size_t at = body_.substr(cursor_, to - cursor_).find(needle);
    if (at == std::string_view::npos) {
      missing_.insert(std::move(needle));
      return;
    }
    at += cursor_;
    cursor_ = at + needle.size();
    const size_t line = std::upper_bound(starts_.begin(), starts_.end(), at) - starts_.begin();
    *line_out = static_cast<int>(line);
    *col_out = static_cast<int>(at - starts_[line - 1] + skip) + 1;
  }

 private:
  std::string_view body_;
  std::vector<size_t> starts_;             // byte offset of each line
  size_t range_ = std::string_view::npos;  // the lines searched last: where they start
  size_t range_end_ = 0;                   // and end
  size_t cursor_ = 0;                      // where the last target found in them ends
  std::unordered_set<std::string> missing_;
};

// Raw HTML in a page. A comment is a note to oneself and stays silent, but
// one never closed hides every line after it. Other HTML is left out of the
// page unless the site sets unsafe_html: said once per block, at the tag.
void ReportHtml(std::string_view body, const std::vector<cmark_node*>& html, bool unsafe,
                std::vector<MarkdownProblem>* problems) {
  TargetFinder finder(body);
  cmark_node* reported_in = nullptr;
  for (cmark_node* n : html) {
    const char* lit_c = cmark_node_get_literal(n);
    std::string_view lit = lit_c ? lit_c : "";
    size_t start = lit.find_first_not_of(" \t");
    if (start == std::string_view::npos) continue;
    lit.remove_prefix(start);
    const bool block = cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK;
    if (lit.substr(0, 4) == "<!--") {
      if (block && lit.find("-->") == std::string_view::npos) {
        int first = cmark_node_get_start_line(n), last = cmark_node_get_end_line(n);
        problems->push_back({first, cmark_node_get_start_column(n) + static_cast<int>(start),
                             Message(msg::kHtmlCommentNotClosed, std::to_string(last - first + 1))});
      }
      continue;
    }
    if (unsafe) continue;
    cmark_node* container = block ? n : cmark_node_parent(n);
    if (container == reported_in) continue;
    reported_in = container;
    const size_t close = lit.find('>');
    std::string_view tag = lit.substr(0, close == std::string_view::npos ? lit.size() : close + 1);
    std::string shown = Utf8Length(tag) > 40 ? TruncateUtf8(tag, 40) + "…" : std::string(tag);
    int line = 0, col = 0;
    if (block) {
      line = cmark_node_get_start_line(n);
      col = cmark_node_get_start_column(n) + static_cast<int>(start);
    } else {
      finder.Locate(n, std::string(lit), 0, &line, &col);
    }
    problems->push_back({line, col, Message(msg::kRawHtmlLeftOut, shown), /*warning=*/true});
  }
}

// The first or last code point of a text-like node's literal, or 0.
char32_t EdgeChar(cmark_node* n, bool last) {
  if (!n) return 0;
  cmark_node_type t = cmark_node_get_type(n);
  while (t != CMARK_NODE_TEXT && t != CMARK_NODE_CODE) {
    n = last ? cmark_node_last_child(n) : cmark_node_first_child(n);
    if (!n) return 0;
    t = cmark_node_get_type(n);
  }
  const char* lit = cmark_node_get_literal(n);
  if (!lit || !*lit) return 0;
  std::string_view s(lit);
  size_t pos = 0;
  if (last) {
    pos = s.size() - 1;
    while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
  }
  char32_t cp;
  DecodeUtf8(s, pos, &cp);
  return cp;
}

bool IsWideText(char32_t cp) { return cp != 0 && DisplayWidth(cp) == 2; }

}  // namespace

void LabelFootnoteBackrefs(std::string* html) {
  static constexpr std::string_view kClass = "class=\"footnote-backref\"", kLabel = "aria-label=\"";
  static constexpr std::string_view kContent = "Back to content", kReference = "Back to reference ";
  // cmark-gfm puts the footnotes last: the links are looked for from their
  // section on, found from the end '<' by '<', so that a page's text is not
  // read once more for them (every page of a report with notes has some).
  static constexpr std::string_view kSection = "<section class=\"footnotes\"";
  size_t from = 0;
  for (size_t n = html->size(); n > 0;) {
    const void* lt = memrchr(html->data(), '<', n);
    if (lt == nullptr) break;
    n = static_cast<size_t>(static_cast<const char*>(lt) - html->data());
    if (std::string_view(*html).substr(n, kSection.size()) == kSection) {
      from = n;
      break;
    }
  }
  std::string out;
  size_t copied = 0;  // html[0, copied) is in out
  for (size_t at = html->find(kClass, from); at != std::string::npos;
       at = html->find(kClass, at + kClass.size())) {
    // The label is an attribute of the same tag, after the class.
    const size_t tag_end = html->find('>', at);
    const size_t label = html->find(kLabel, at);
    if (tag_end == std::string::npos || label == std::string::npos || label > tag_end) continue;
    const size_t value = label + kLabel.size();
    const size_t quote = html->find('"', value);
    if (quote == std::string::npos || quote > tag_end) continue;
    const std::string_view text(html->data() + value, quote - value);
    std::string chinese;
    if (text == kContent) {
      chinese = "返回正文";
    } else if (text.starts_with(kReference)) {
      chinese = "返回正文第 " + std::string(text.substr(kReference.size())) + " 处引用";
    } else {
      continue;
    }
    out.append(*html, copied, value - copied);
    out += chinese;
    copied = quote;
  }
  if (copied == 0) return;
  out.append(*html, copied);
  *html = std::move(out);
}

std::string HeadingSlug(std::string_view text) {
  std::string out;
  bool dash_pending = false;
  for (size_t pos = 0; pos < text.size();) {
    char32_t cp;
    pos += DecodeUtf8(text, pos, &cp);
    if (cp == ' ' || cp == '\t' || cp == 0x3000 || cp == '-' || cp == '_') {
      dash_pending = !out.empty();
      continue;
    }
    bool keep = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
                (cp > 0x7F && !(cp >= 0x3000 && cp <= 0x303F) && !(cp >= 0xFF00 && cp <= 0xFF0F) &&
                 !(cp >= 0xFF1A && cp <= 0xFF20) && !(cp >= 0xFF3B && cp <= 0xFF40) &&
                 !(cp >= 0xFF5B && cp <= 0xFF65) && !(cp >= 0x2010 && cp <= 0x206F) && cp != 0xFFFD);
    if (!keep) continue;
    if (dash_pending) out += '-';
    dash_pending = false;
    if (cp >= 'A' && cp <= 'Z') cp = cp - 'A' + 'a';
    AppendUtf8(out, cp);
  }
  return out.empty() ? "section" : out;
}

std::string MakeSummary(std::string_view text, size_t max_chars) {
  // Only a prefix is collapsed: a code point takes at most 4 bytes, so the
  // first max_chars + 1 code points (all the result depends on) lie within
  // it. A page's whole plain text used to be collapsed and counted.
  const size_t limit = 4 * (max_chars + 2);
  auto blank = [](char c) { return c == '\n' || c == '\r' || c == '\t' || c == ' '; };
  // Appended a run of text at a time into room made once: byte by byte,
  // growing as it went, this was 1.8 % of a build's instructions. The limit
  // is checked before each byte, as it was, so a run's first byte always
  // goes in and the prefix may end one byte past it.
  std::string collapsed;
  collapsed.reserve(std::min(text.size(), limit) + 2);
  bool space = false;
  for (size_t i = 0; i < text.size();) {
    if (collapsed.size() >= limit) break;
    if (blank(text[i])) {
      space = !collapsed.empty();
      ++i;
      continue;
    }
    if (space) collapsed += ' ';
    space = false;
    size_t end = i + 1;
    while (end < text.size() && !blank(text[end])) ++end;
    const size_t after_first = collapsed.size() + 1;
    const size_t more = after_first < limit ? std::min(end - i - 1, limit - after_first) : 0;
    collapsed.append(text.substr(i, 1 + more));
    i += 1 + more;
  }
  // Every page keeps its summary to the end of the build: without the spare
  // capacity of growth (about half of it at 10,000 pages).
  if (Utf8Length(collapsed) <= max_chars) {
    collapsed.shrink_to_fit();
    return collapsed;
  }
  const std::string head = TruncateUtf8(collapsed, max_chars);
  std::string out;
  out.reserve(head.size() + 3);
  out += head;
  out += "…";
  return out;
}

bool MarkdownFinishesInParallel() {
  EnsureExtensions();
  return Finish().state.load() == TableState::kFilled;
}

void RenderMarkdown(std::string_view body, const MarkdownOptions& opts, const LinkResolver& resolve,
                    MarkdownResult* out, std::vector<MarkdownProblem>* problems) {
  EnsureExtensions();
  int options = CMARK_OPT_FOOTNOTES;
  if (!opts.valid_utf8) options |= CMARK_OPT_VALIDATE_UTF8;
  if (opts.unsafe_html) options |= CMARK_OPT_UNSAFE;
  CmarkArena arena;
  cmark_parser* parser = NewParser(options, CmarkArena::Mem());
  cmark_parser_feed(parser, body.data(), body.size());
  cmark_node* doc;
  if (FinishGuard& g = Finish(); g.state.load(std::memory_order_relaxed) == TableState::kFilled) {
    doc = cmark_parser_finish(parser);
  } else {
    std::lock_guard<std::mutex> lock(g.mu);
    doc = cmark_parser_finish(parser);
  }

  // Collect headings and links first; edit after the walk.
  std::vector<cmark_node*> headings;
  std::vector<cmark_node*> links;
  std::vector<cmark_node*> softbreaks;
  std::vector<cmark_node*> code_blocks;
  std::vector<cmark_node*> raw_html;
  bool footnotes = false;
  cmark_iter* it = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_HEADING) headings.push_back(n);
    if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) links.push_back(n);
    if (t == CMARK_NODE_SOFTBREAK) softbreaks.push_back(n);
    if (t == CMARK_NODE_CODE_BLOCK) code_blocks.push_back(n);
    if (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE) raw_html.push_back(n);
    if (t == CMARK_NODE_FOOTNOTE_DEFINITION) footnotes = true;
  }
  cmark_iter_free(it);
  if (!raw_html.empty()) ReportHtml(body, raw_html, opts.unsafe_html, problems);

  // Chinese text in an indented code block is Word's first-line indent (or a
  // tab), not code: it would show as a grey block. Indented paragraphs with
  // blank lines between them make one block; each is reported.
  for (cmark_node* block : code_blocks) {
    int len = 0, offset = 0;
    char fence_char = 0;
    if (cmark_node_get_fenced(block, &len, &offset, &fence_char)) continue;
    const char* lit = cmark_node_get_literal(block);
    std::string_view text = lit ? lit : "";
    int line = cmark_node_get_start_line(block);
    bool paragraph_start = true, reported = false;
    for (size_t pos = 0; pos < text.size(); ++line) {
      size_t nl = text.find('\n', pos);
      std::string_view l = text.substr(pos, nl == std::string_view::npos ? text.npos : nl - pos);
      pos = nl == std::string_view::npos ? text.size() : nl + 1;
      if (l.find_first_not_of(" \t") == std::string_view::npos) {
        paragraph_start = true;
        continue;
      }
      if (paragraph_start) reported = false;
      paragraph_start = false;
      bool wide = false;
      for (size_t i = 0; i < l.size() && !wide;) {
        char32_t cp;
        i += DecodeUtf8(l, i, &cp);
        wide = IsWideText(cp);
      }
      if (wide && !reported) {
        problems->push_back({line, 1, Message(msg::kIndentedProse)});
        reported = true;
      }
    }
  }

  // A line break inside a Chinese paragraph is not a space: browsers would
  // show one between the two characters. Drop soft breaks next to wide text.
  for (cmark_node* br : softbreaks) {
    if (IsWideText(EdgeChar(cmark_node_previous(br), true)) ||
        IsWideText(EdgeChar(cmark_node_next(br), false))) {
      cmark_node_free(br);
    }
  }

  out->checks.clear();
  out->resources.clear();
  TargetFinder targets(body);
  for (cmark_node* link : links) {
    const char* url_c = cmark_node_get_url(link);
    std::string_view url = url_c ? url_c : "";
    if (!resolve || IsOffSiteUrl(url)) continue;
    const bool image = cmark_node_get_type(link) == CMARK_NODE_IMAGE;
    LinkResolution r;
    Message error;
    int line = 0, col = 0;
    if (!resolve(url, image, &r, &error)) {
      targets.Find(link, url, &line, &col);
      problems->push_back({line, col, std::move(error)});
      continue;
    }
    cmark_node_set_url(link, r.href.c_str());
    if (!r.resource.empty()) out->resources.push_back(std::move(r.resource));
    if (!r.check_url.empty()) {
      targets.Find(link, url, &line, &col);
      out->checks.push_back({line, col, std::string(url), std::move(r.check_url), image});
    }
  }
  std::sort(out->resources.begin(), out->resources.end());
  out->resources.erase(std::unique(out->resources.begin(), out->resources.end()), out->resources.end());

  // Ids are de-duplicated with -1, -2, …; each slug remembers the next
  // number to try, so 20,000 identical headings cost 20,000 probes, not
  // 200 million. (Numbers below it are all taken, since ids are never freed.)
  std::unordered_set<std::string> used_ids;
  std::unordered_map<std::string, int> next_suffix;
  std::vector<std::string> ids;
  for (cmark_node* h : headings) {
    std::string text;
    CollectText(h, &text);
    std::string id = HeadingSlug(text);
    std::string unique = id;
    if (!used_ids.insert(unique).second) {
      int& n = next_suffix[id];
      do {
        unique = id + "-" + std::to_string(++n);
      } while (!used_ids.insert(unique).second);
    }
    ids.push_back(unique);
    int level = cmark_node_get_heading_level(h);
    if (level >= 2 && level <= 4) out->toc.push_back({level, unique, MakeSummary(text, 1000)});
    cmark_node* marker = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, CmarkArena::Mem());
    cmark_node_set_on_enter(marker, kHeadingMarker);
    cmark_node_set_on_exit(marker, "");
    cmark_node_prepend_child(h, marker);
  }

  char* html =
      cmark_render_html_with_mem(doc, options, cmark_parser_get_syntax_extensions(parser), CmarkArena::Mem());
  std::string_view rendered(html);
  out->html.clear();
  out->html.reserve(rendered.size() + ids.size() * 24);
  // "<h2><!--fazhi-heading-->" → "<h2 id="…">", headings in document order.
  size_t pos = 0, next_id = 0;
  for (;;) {
    size_t at = rendered.find(kHeadingMarker, pos);
    if (at == std::string_view::npos || at < 4 || next_id >= ids.size()) break;
    out->html.append(rendered.substr(pos, at - 1 - pos));  // up to and without '>'
    out->html += " id=\"" + ids[next_id++] + "\">";
    pos = at + std::string_view(kHeadingMarker).size();
  }
  out->html.append(rendered.substr(pos));
  if (footnotes) LabelFootnoteBackrefs(&out->html);

  out->plain_text.clear();
  for (cmark_node* n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
    CollectText(n, &out->plain_text);
    out->plain_text += '\n';
  }
  cmark_node_free(doc);
  cmark_parser_free(parser);
}

}  // namespace fazhi

// Replaces the library's function of this name (see FinishGuard): passes
// the call on while the library keeps the table, counts it during the probe,
// and once the table is filled leaves it as it is.
extern "C" __attribute__((visibility("default"))) void cmark_manage_extensions_special_characters(
    cmark_parser* parser, int add) {
  fazhi::FinishGuard& g = fazhi::Finish();
  switch (g.state.load(std::memory_order_relaxed)) {
    case fazhi::TableState::kLibrary:
      if (auto library = fazhi::LibraryManageSpecialCharacters()) library(parser, add);
      break;
    case fazhi::TableState::kProbing:
      g.probe_calls.fetch_add(1, std::memory_order_relaxed);
      break;
    case fazhi::TableState::kFilled:
      break;
  }
}
