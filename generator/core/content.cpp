#include "core/content.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>

#include "core/bytes.h"
#include "core/front_matter.h"
#include "core/front_matter_check.h"
#include "core/messages.h"
#include "core/parallel.h"
#include "core/suggest.h"
#include "core/syntax_check.h"
#include "core/utf8.h"

namespace fazhi {
namespace {

// Bytes of Markdown that are text: all but ASCII punctuation, spaces and
// control characters (a table's rules and pipes, emphasis marks, heading
// signs). Chinese text is counted whole, as the search index keeps it.
size_t TextBytes(std::string_view body) {
  static constexpr std::array<bool, 256> kText = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c)
      t[c] = c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    return t;
  }();
  // Eight bytes at a time where none is ASCII (Chinese text, nearly all of
  // a page): each counts. Byte by byte, this was 1.5 % of a build.
  size_t n = 0, i = 0;
  for (; i + 8 <= body.size(); i += 8) {
    if ((bytes::Load(body.data() + i) & bytes::kHighs) == bytes::kHighs) {
      n += 8;
      continue;
    }
    for (size_t k = i; k < i + 8; ++k) n += kText[static_cast<unsigned char>(body[k])];
  }
  for (; i < body.size(); ++i) n += kText[static_cast<unsigned char>(body[i])];
  return n;
}

// One segment of a URL path: no separators, not "." or "..", nothing that
// could end or escape the path.
bool IsUrlSegment(std::string_view s) {
  if (s.empty() || s == "." || s == "..") return false;
  for (unsigned char c : s) {
    if (c == '/' || c == '\\' || c == '?' || c == '#' || c < 0x20 || c == 0x7f) return false;
  }
  return true;
}

// Sections whose pages carry feature-specific keys; those feature modules
// check the keys themselves (indicators/stage.cpp, profiles.cpp).
bool FeatureOwnsKeys(std::string_view section) { return section == "indicators" || section == "profiles"; }

const std::vector<std::string_view>& ReportKeys() {
  static const std::vector<std::string_view> keys = [] {
    std::vector<std::string_view> k = CommonFrontMatterKeys();
    for (std::string_view x : {"year", "publisher", "unit", "published", "original_url", "items", "excerpt"})
      k.push_back(x);
    return k;
  }();
  return keys;
}

// "content/reports/2024.md" → {"reports", "2024", is_index=false}.
void PlaceOf(std::string_view path, std::string* section, std::string* dir, std::string* stem,
             bool* is_index) {
  std::string_view rel = path.substr(std::string_view("content/").size());
  size_t slash = rel.rfind('/');
  *dir = slash == std::string_view::npos ? "" : std::string(rel.substr(0, slash));
  std::string_view file = slash == std::string_view::npos ? rel : rel.substr(slash + 1);
  *stem = std::string(file.substr(0, file.size() - 3));
  size_t first = rel.find('/');
  *section = first == std::string_view::npos ? "" : std::string(rel.substr(0, first));
  *is_index = *stem == "_index";
}

// `review:` holds the editor's own notes on the page (an analyst's finding,
// a figure that does not add up): reported as notes for `check` and
// `serve`'s /_review/ page, never rendered.
void ReadReviewNotes(const SourceFile& f, const FmNode& fm, Diagnostics* diags) {
  const FmNode* n = fm.Get("review");
  if (!n) return;
  std::vector<const FmNode*> notes;
  if (n->is_list()) {
    for (const FmNode& item : n->items) notes.push_back(&item);
  } else {
    notes.push_back(n);
  }
  for (const FmNode* note : notes) {
    if (!note->is_scalar()) {
      diags->Error(f.path, note->line, note->col, Message(msg::kReviewNotText), f.text);
    } else if (!note->scalar.empty()) {
      diags->Note(f.path, note->line, note->col, Message::Verbatim(note->scalar), f.text);
    }
  }
}

// Tags an editor separates as in Chinese prose: "年度报告，行政复议" or
// "复议、调解" is one YAML value but means two terms. No term contains these
// marks, so each is split at them (，、；,;) and trimmed.
void SplitTerms(std::vector<std::string>* terms) {
  std::vector<std::string> out;
  for (const std::string& t : *terms) {
    std::string cur;
    auto flush = [&] {
      size_t b = 0, e = cur.size();
      while (b < e && cur[b] == ' ') ++b;
      while (e > b && cur[e - 1] == ' ') --e;
      if (e > b) out.push_back(cur.substr(b, e - b));
      cur.clear();
    };
    for (size_t pos = 0; pos < t.size();) {
      char32_t cp;
      size_t n = DecodeUtf8(t, pos, &cp);
      if (cp == 0xFF0C || cp == 0x3001 || cp == 0xFF1B || cp == ',' || cp == ';') {
        flush();
      } else if (cp == 0x3000) {
        cur += ' ';
      } else {
        cur.append(t, pos, n);
      }
      pos += n;
    }
    flush();
  }
  *terms = std::move(out);
}

}  // namespace

bool LoadPage(const SourceFile& f, const Config& config, Page* page, Diagnostics* diags) {
  size_t before = diags->error_count();
  size_t bad = FindInvalidUtf8(f.text);
  if (bad != std::string_view::npos) {
    int line, col;
    OffsetToLineCol(f.text, bad, &line, &col);
    diags->Error(f.path, line, col, Message(msg::kInvalidUtf8), f.text);
    return false;
  }
  if (!ParseFrontMatter(f, &page->fm, diags)) return false;
  if (page->fm.format == FrontMatter::Format::kNone) {
    // Not "missing title" and "missing date": the whole front matter is.
    diags->Error(f.path, 1, 1, Message(msg::kFmNone), f.text);
    return false;
  }
  CheckValuesCutByComments(f, page->fm, diags);

  std::string dir, stem;
  PlaceOf(f.path, &page->section, &dir, &stem, &page->is_index);
  if (stem == "index" && !dir.empty()) {
    // A page bundle, as in Hugo: content/reports/2024/index.md is the page
    // /reports/2024/, and the files beside it are its own.
    size_t cut = dir.rfind('/');
    stem = dir.substr(cut == std::string::npos ? 0 : cut + 1);
    dir = cut == std::string::npos ? "" : dir.substr(0, cut);
    page->section = dir.substr(0, dir.find('/'));  // content/about/index.md is a root page
  }
  page->source_path = f.path;
  const FmNode& fm = page->fm.root;

  if (page->section == "reports" && !page->is_index) {
    page->kind = "report";
    CheckKnownKeys(f, fm, ReportKeys(), diags);
  } else if (FeatureOwnsKeys(page->section) && !page->is_index) {
    // The feature module validates and renders these.
    page->kind = page->section == "indicators" ? "indicator" : "profile";
  } else if (f.path == "content/profiles/_index.md") {
    // Its keys (the 述法 cohorts) are checked by ParseCohorts in profiles_model.
  } else {
    CheckKnownKeys(f, fm, CommonFrontMatterKeys(), diags);
  }
  if (page->kind.empty()) {
    if (f.path == "content/_index.md") {
      page->kind = "home";
    } else if (page->is_index) {
      page->kind = "section";
    } else {
      page->kind = "page";
    }
  }

  FmString(f, fm, "title", &page->title, diags);
  FmDate(f, fm, "date", &page->date, diags);
  FmDate(f, fm, "updated", &page->updated, diags);
  FmString(f, fm, "source", &page->source, diags);
  FmString(f, fm, "description", &page->description, diags);
  std::string summary;
  FmString(f, fm, "summary", &summary, diags);
  FmString(f, fm, "layout", &page->layout, diags);
  if (const FmNode* n = fm.Get("layout")) {
    page->layout_line = n->line;
    page->layout_col = n->col;
  }
  FmBool(f, fm, "draft", &page->draft, diags);
  long weight = 0;
  if (FmInt(f, fm, "weight", &weight, diags)) page->weight = static_cast<int>(weight);
  FmStringList(f, fm, "tags", &page->tags, diags);
  FmStringList(f, fm, "categories", &page->categories, diags);
  SplitTerms(&page->tags);
  SplitTerms(&page->categories);
  std::string slug;
  FmString(f, fm, "slug", &slug, diags);
  ReadReviewNotes(f, fm, diags);
  ReadRecordMeta(f, fm, &page->record, diags);
  if (const FmNode* n = fm.Get("slug"); n && !slug.empty() && !IsUrlSegment(slug)) {
    // "../x" or "a/b" would put the page outside its section, or outside
    // the output folder: caught here, where `check` sees it too.
    diags->Error(f.path, n->line, n->col, Message(msg::kSlugNotASegment, slug), f.text);
  }

  if (!fm.Get("title")) {
    diags->Error(f.path, 1, 1, Message(msg::kMissingFmKey, "title", Message(msg::kTitleWhat)), f.text);
  } else if (page->title.empty()) {
    const FmNode* n = fm.Get("title");
    diags->Error(f.path, n->line, n->col, Message(msg::kEmptyTitle), f.text);
  }
  // Inspections count an undated item as not updated, so every item is dated.
  if (!fm.Get("date") && !page->is_index) {
    diags->Error(f.path, 1, 1, Message(msg::kMissingFmKey, "date", Message(msg::kDateWhat)), f.text);
  } else if (const FmNode* n = fm.Get("date"); n && n->kind == FmNode::Kind::kNull && !page->is_index) {
    diags->Error(f.path, n->line, n->col, Message(msg::kEmptyDate), f.text);
  }
  if (page->source.empty()) page->source = config.sponsor;

  if (page->kind == "report") {
    long year = 0;
    if (FmInt(f, fm, "year", &year, diags)) {
      if (!fm.Get("year")) {
        diags->Error(f.path, 1, 1, Message(msg::kMissingFmKey, "year", Message(msg::kReportYearWhat)),
                     f.text);
      } else if (year < 1949 || year > 2100) {
        const FmNode* n = fm.Get("year");
        diags->Error(f.path, n->line, n->col, Message(msg::kBadYear), f.text);
      }
    }
    page->report.year = static_cast<int>(year);
    FmString(f, fm, "publisher", &page->report.publisher, diags);
    if (page->report.publisher.empty()) page->report.publisher = page->source;
    std::string unit;  // resolved against data/units.csv by the site stage (site/units.h)
    FmString(f, fm, "unit", &unit, diags);
    FmDate(f, fm, "published", &page->report.published, diags);
    // A report on a year is written after it: a publication date inside the
    // year is a typo in one of the two (often year: the publication year).
    if (year > 0 && !page->report.published.empty() &&
        page->report.published <= std::to_string(year) + "-12-31") {
      const FmNode* n = fm.Get("published");
      diags->Error(f.path, n->line, n->col,
                   Message(msg::kPublishedInReportYear, page->report.published, year), f.text);
    }
    FmString(f, fm, "original_url", &page->report.original_url, diags);
    FmBool(f, fm, "excerpt", &page->report.excerpt, diags);
  }

  // URL: content/a/b.md → /a/b/; content/a/_index.md → /a/; slug replaces the stem.
  if (page->is_index) {
    page->slug = dir.empty() ? "" : dir.substr(dir.rfind('/') == std::string::npos ? 0 : dir.rfind('/') + 1);
    page->url = dir.empty() ? "/" : "/" + dir + "/";
  } else {
    page->slug = slug.empty() ? stem : slug;
    page->url = "/" + (dir.empty() ? "" : dir + "/") + page->slug + "/";
  }
  page->output_path = page->url.substr(1) + "index.html";

  page->summary = summary;  // an explicit summary wins over the cut body text
  page->body_first_line = page->fm.body_first_line;
  page->body = std::string_view(f.text).substr(page->fm.body_offset);
  page->text_bytes = TextBytes(page->body);
  // A plain page's keys are all in the typed fields above; its front matter
  // tree is the bulk of a page's model, so it goes (feature pages keep theirs).
  if (page->kind == "page") page->fm.root = FmNode{};
  return diags->error_count() == before;
}

namespace {

std::string NormalizePath(std::string_view dir, std::string_view rel) {
  std::vector<std::string> parts;
  auto push = [&](std::string_view s) {
    size_t i = 0;
    while (i <= s.size()) {
      size_t j = s.find('/', i);
      if (j == std::string_view::npos) j = s.size();
      std::string_view part = s.substr(i, j - i);
      if (part == "..") {
        if (!parts.empty()) parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.emplace_back(part);
      }
      i = j + 1;
    }
  };
  push(dir);
  push(rel);
  std::string out;
  for (auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

}  // namespace

std::string DefaultSectionTitle(std::string_view name) {
  if (name == "reports") return "年度报告";
  if (name == "indicators") return "指标";
  if (name == "profiles") return "述法";
  return std::string(name);
}

const std::vector<std::string_view>& CommonFrontMatterKeys() {
  static const std::vector<std::string_view> keys = [] {
    std::vector<std::string_view> k = {"title",  "date",    "updated", "source", "description",
                                       "layout", "draft",   "weight",  "tags",   "categories",
                                       "slug",   "summary", "review"};
    for (std::string_view x : RecordFrontMatterKeys()) k.push_back(x);
    return k;
  }();
  return keys;
}

bool LoadContent(const SourceTree& tree, const Config& config, bool drafts, std::vector<Page>* pages,
                 Diagnostics* diags, int jobs, std::vector<std::string>* unloaded) {
  size_t before = diags->error_count();
  const std::vector<const SourceFile*> files = tree.Under("content/", ".md");
  // Pages are parsed in parallel, each into its own slot with its own
  // collector; merging in path order keeps the report as a serial run's.
  std::vector<Page> loaded(files.size());
  std::vector<Diagnostics> found;
  found.reserve(files.size());
  for (size_t i = 0; i < files.size(); ++i) found.emplace_back(SIZE_MAX);
  std::vector<char> ok(files.size());
  ParallelFor(files.size(), jobs, [&](size_t i) {
    // Attachments are checked even when the page has other errors: all in one run.
    const bool page_ok = LoadPage(*files[i], config, &loaded[i], &found[i]);
    ok[i] = static_cast<char>(ResolveAttachments(tree, *files[i], &loaded[i].record, &found[i]) && page_ok);
  });

  // The pages kept are closed up in place, and the vector itself is handed
  // over: a Page is large (sizeof 1216), and a second vector of them is 12 MB
  // of fresh memory, touched by this thread alone, on a 10,000-page site.
  std::map<std::string, std::string> url_owner;
  size_t kept = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    const SourceFile* f = files[i];
    diags->Merge(found[i]);
    Page& page = loaded[i];
    if (!ok[i]) {
      if (unloaded) unloaded->push_back(f->path);  // in path order: sorted
      continue;
    }
    if (page.draft && !drafts) continue;
    auto [it, inserted] = url_owner.emplace(page.url, f->path);
    if (!inserted) {
      diags->Error(f->path, 1, 1, Message(msg::kDuplicateUrl, page.url, it->second), f->text);
      continue;
    }
    if (kept != i) loaded[kept] = std::move(page);
    ++kept;
  }
  loaded.erase(loaded.begin() + static_cast<std::ptrdiff_t>(kept), loaded.end());
  if (pages->empty()) {
    *pages = std::move(loaded);
  } else {
    pages->reserve(pages->size() + loaded.size());
    for (Page& page : loaded) pages->push_back(std::move(page));
  }
  return diags->error_count() == before;
}

bool ResolvePageLink(const std::vector<Page>& pages, std::string_view from_source, std::string_view target,
                     std::string* url, Message* error, const std::vector<std::string>* unloaded) {
  size_t hash = target.find('#');
  std::string_view path = target.substr(0, hash);
  std::string_view frag = hash == std::string_view::npos ? "" : target.substr(hash);
  size_t slash = from_source.rfind('/');
  std::string resolved = NormalizePath(from_source.substr(0, slash), path);
  // Binary search: pages are sorted by source path.
  auto it = std::lower_bound(pages.begin(), pages.end(), resolved,
                             [](const Page& p, const std::string& s) { return p.source_path < s; });
  if (it == pages.end() || it->source_path != resolved) {
    if (unloaded && std::binary_search(unloaded->begin(), unloaded->end(), resolved)) {
      *url = "/";
      return true;
    }
    // A typo in the file name: the nearest page in the same folder.
    size_t dir_end = resolved.rfind('/') + 1;
    std::string_view dir = std::string_view(resolved).substr(0, dir_end);
    std::vector<std::string_view> stems;
    for (const Page& p : pages) {
      std::string_view s = p.source_path;
      if (s.substr(0, dir_end) != dir || s.find('/', dir_end) != std::string_view::npos) continue;
      stems.push_back(s.substr(dir_end, s.size() - dir_end - 3));
    }
    std::string_view stem = std::string_view(resolved).substr(dir_end);
    if (stem.size() > 3 && stem.substr(stem.size() - 3) == ".md") stem.remove_suffix(3);
    std::string near = NearestName(stem, stems);
    if (!near.empty()) {
      std::string fixed(path.substr(0, path.rfind('/') + 1));
      fixed += near + ".md" + std::string(frag);
      *error = Message(msg::kLinkMissingDidYouMean, target, fixed);
    } else {
      *error = Message(msg::kLinkMissing, target);
    }
    return false;
  }
  *url = it->url + std::string(frag);
  return true;
}

}  // namespace fazhi
