#include "site/page_bodies.h"

#include <algorithm>
#include <memory>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/links.h"
#include "core/parallel.h"
#include "core/utf8.h"
#include "markdown/body_check.h"
#include "markdown/markdown.h"
#include "markdown/markdown_cache.h"
#include "theme/template_view.h"

namespace fazhi {
namespace {

// Everything link rewriting and rendering read besides a page's own body:
// the Markdown options, the base URL, every page's path and URL, and which
// files a link can name (content/ files besides pages, static files).
std::string MarkdownContext(const SourceTree& tree, const Config& config, const std::vector<Page>& pages) {
  std::string c = std::string(config.unsafe_html ? "unsafe" : "safe") + '\n' + config.base_url + '\n' +
                  config.theme + '\n';
  for (const Page& p : pages) c += p.source_path + '\t' + p.url + '\n';
  const std::string theme_static = "themes/" + config.theme + "/static/";
  for (const auto& [path, file] : tree.files()) {
    bool linkable = (path.rfind("content/", 0) == 0 && !path.ends_with(".md")) ||
                    path.rfind("static/", 0) == 0 || path.rfind(theme_static, 0) == 0;
    if (linkable) c += path + '\n';
  }
  return c;
}

}  // namespace

PageBodies::PageBodies(const SourceTree& tree, const Config& config, const ShortcodeHandlers& shortcodes,
                       const std::vector<Page>& pages, MarkdownCache* cache)
    : tree_(tree), config_(config), shortcodes_(shortcodes), cache_(cache) {
  if (cache_) cache_->BeginBuild(MarkdownContext(tree, config, pages));
}

void PageBodies::Render(const std::vector<Page>& all, Page* page, Diagnostics* diags) const {
  Page& p = *page;
  const Urls urls(config_.base_url);
  const SourceFile* file = tree_.Find(p.source_path);
  // What Markdown would publish as typed (IME brackets, Word's characters).
  CheckBodyText(*file, p.body, p.body_first_line, diags);
  std::string body = ExpandShortcodes(*file, p.body, p.body_first_line, shortcodes_, diags);
  std::shared_ptr<const MarkdownCache::Entry> cached = cache_ ? cache_->Find(p.source_path, body) : nullptr;
  std::shared_ptr<MarkdownCache::Entry> fresh;
  if (!cached) {
    fresh = std::make_shared<MarkdownCache::Entry>();
    const LinkContext links{&tree_, &all, config_.theme, urls.prefix(), unloaded_};
    LinkResolver resolve = [&](std::string_view target, bool image, LinkResolution* out, Message* error) {
      return ResolveLocalLink(links, p, target, image, out, error);
    };
    // LoadPage rejected invalid UTF-8; only text a shortcode added is unchecked.
    MarkdownOptions md{config_.unsafe_html};
    md.valid_utf8 = body == p.body || FindInvalidUtf8(body) == std::string::npos;
    RenderMarkdown(body, md, resolve, &fresh->result, &fresh->problems);
    if (cache_) {
      fresh->body = std::move(body);
      cache_->Store(p.source_path, fresh);
    }
  }
  const MarkdownCache::Entry& entry = cached ? *cached : *fresh;
  // Body lines and byte columns → the file's lines and character columns.
  // Lines are found through an index of the file's line starts, made at the
  // first position asked for; positions come in document order, so the
  // characters are counted on from the previous position on the same line.
  // N links on one line, or on N lines, cost one pass, not N (issue 18).
  std::vector<size_t> starts;
  int at_line = 0;
  std::string_view text;
  size_t counted_bytes = 0, counted_chars = 0;
  auto place = [&](int body_line, int byte_col, int* line, int* col) {
    *line = p.body_first_line + body_line - 1;
    if (starts.empty()) {
      starts.push_back(0);
      for (size_t i = 0; i < file->text.size(); ++i) {
        if (file->text[i] == '\n') starts.push_back(i + 1);
      }
    }
    if (*line != at_line) {
      at_line = *line;
      text = {};
      if (*line >= 1 && static_cast<size_t>(*line) <= starts.size()) {
        size_t from = starts[*line - 1];
        size_t to = static_cast<size_t>(*line) < starts.size() ? starts[*line] - 1 : file->text.size();
        text = std::string_view(file->text).substr(from, to - from);
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      }
      counted_bytes = counted_chars = 0;
    }
    size_t bytes = std::min<size_t>(text.size(), static_cast<size_t>(std::max(byte_col - 1, 0)));
    if (bytes < counted_bytes || (counted_bytes > 0 && counted_bytes < text.size() &&
                                  (static_cast<unsigned char>(text[counted_bytes]) & 0xC0) == 0x80)) {
      counted_bytes = counted_chars = 0;  // backwards, or not at a character's start: count afresh
    }
    counted_chars += Utf8Length(text.substr(counted_bytes, bytes - counted_bytes));
    counted_bytes = bytes;
    *col = static_cast<int>(counted_chars) + 1;
  };
  for (const MarkdownProblem& m : entry.problems) {
    int line, col;
    place(m.line, m.byte_col, &line, &col);
    if (m.warning) {
      diags->Warning(p.source_path, line, col, m.message, file->text);
    } else {
      diags->Error(p.source_path, line, col, m.message, file->text);
    }
  }
  p.link_checks.clear();
  for (const MarkdownLinkCheck& c : entry.result.checks) {
    LinkCheck check{0, 0, c.target, c.check_url, c.image};
    place(c.line, c.byte_col, &check.line, &check.col);
    p.link_checks.push_back(std::move(check));
  }
  p.resources = entry.result.resources;
  if (p.summary.empty()) {
    p.summary = MakeSummary(entry.result.plain_text, static_cast<size_t>(config_.summary_chars));
  }
  if (p.kind != "indicator") p.cites = IndicatorLinks(entry.result.html, urls.prefix());
  if (cache_) {  // the cache keeps its copy for the next build
    p.html = entry.result.html;
    p.toc = entry.result.toc;
  } else {
    p.html = std::move(fresh->result.html);
    p.toc = std::move(fresh->result.toc);
  }
  p.body = {};
  p.body_rendered = true;
}

void RenderBodies(const PageBodies& bodies, int jobs, std::vector<Page>* pages, Diagnostics* diags) {
  std::vector<size_t> todo;
  for (size_t i = 0; i < pages->size(); ++i) {
    if (!(*pages)[i].stream_body && !(*pages)[i].body_rendered) todo.push_back(i);
  }
  // One collector per page, merged in page order: the report reads the same
  // whatever the thread count.
  std::vector<Diagnostics> found;
  found.reserve(todo.size());
  for (size_t k = 0; k < todo.size(); ++k) found.emplace_back(SIZE_MAX);
  ParallelFor(todo.size(), jobs, [&](size_t k) { bodies.Render(*pages, &(*pages)[todo[k]], &found[k]); });
  for (const Diagnostics& d : found) diags->Merge(d);
}

void CheckStreamedBodies(const PageBodies& bodies, int jobs, const std::vector<Page>& pages,
                         Diagnostics* diags) {
  std::vector<size_t> todo;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (pages[i].stream_body && !pages[i].body_rendered) todo.push_back(i);
  }
  std::vector<Diagnostics> found;
  found.reserve(todo.size());
  for (size_t k = 0; k < todo.size(); ++k) found.emplace_back(SIZE_MAX);
  ParallelFor(todo.size(), jobs, [&](size_t k) {
    Page copy = pages[todo[k]];  // rendered and dropped: only its errors are wanted
    bodies.Render(pages, &copy, &found[k]);
  });
  for (const Diagnostics& d : found) diags->Merge(d);
}

std::vector<std::string> IndicatorLinks(std::string_view html, std::string_view prefix) {
  const std::string needle = "href=\"" + std::string(prefix) + "indicators/";
  std::vector<std::string> ids;
  for (size_t at = html.find(needle); at != std::string_view::npos; at = html.find(needle, at + 1)) {
    size_t start = at + needle.size(), end = html.find('/', start);
    if (end == std::string_view::npos) break;
    std::string_view candidate = html.substr(start, end - start);
    if (candidate.find('"') != std::string_view::npos) continue;  // e.g. the dashboard's own link
    std::string id(candidate);
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
  }
  return ids;
}

}  // namespace fazhi
