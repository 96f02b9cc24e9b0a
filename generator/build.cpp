#include "build.h"

#include <chrono>

#include "build_model.h"
#include "compliance.h"
#include "external_resources.h"
#include "feeds.h"
#include "config.h"
#include "content.h"
#include "indicators.h"
#include "indicators_view.h"
#include "markdown.h"
#include "privacy.h"
#include "profiles_model.h"
#include "profiles_view.h"
#include "render_site.h"
#include "scaffold.h"
#include "shortcodes.h"
#include "site_outputs.h"
#include "site_model.h"
#include "theme.h"
#include "utf8.h"
#include "write_site.h"

namespace fazhi {
namespace fs = std::filesystem;

namespace {

// Discards output: `check` validates everything `build` does, writing nothing.
class NullSink : public OutputSink {
 public:
  bool Put(const std::string&, std::string) override { return true; }
};

// Shortcodes, Markdown, link rewriting, summary: per page, in parallel.
void RenderBodies(const SourceTree& tree, const Config& config, const ShortcodeHandlers& shortcodes,
                  int jobs, std::vector<Page>* pages, Diagnostics* diags) {
  const Urls urls(config.base_url);
  const MarkdownOptions md{config.unsafe_html};
  const std::vector<Page>& all = *pages;
  ParallelFor(pages->size(), jobs, [&](size_t i) {
    Page& p = (*pages)[i];
    const SourceFile* file = tree.Find(p.source_path);
    std::string body = ExpandShortcodes(*file, p.body, p.body_first_line, shortcodes, diags);
    LinkResolver resolve = [&](std::string_view target, std::string* url, std::string* error) {
      std::string site_url;
      if (!ResolvePageLink(all, p.source_path, target, &site_url, error)) return false;
      *url = urls.Rel(site_url);
      return true;
    };
    MarkdownResult result;
    std::vector<MarkdownProblem> problems;
    // LoadPage rejected invalid UTF-8; only text a shortcode added is unchecked.
    MarkdownOptions page_md = md;
    page_md.valid_utf8 = body == p.body || FindInvalidUtf8(body) == std::string::npos;
    RenderMarkdown(body, page_md, resolve, &result, &problems);
    for (const MarkdownProblem& m : problems) {
      int line = p.body_first_line + m.line - 1;
      std::string_view text = LineOf(file->text, line);
      int col = static_cast<int>(
                    Utf8Length(text.substr(0, std::min<size_t>(text.size(), m.byte_col - 1)))) + 1;
      diags->Error(p.source_path, line, col, m.message, file->text);
    }
    p.html = std::move(result.html);
    p.toc = std::move(result.toc);
    if (p.summary.empty()) p.summary = MakeSummary(result.plain_text, static_cast<size_t>(config.summary_chars));
    p.body.clear();
    p.body.shrink_to_fit();
  });
}

}  // namespace

bool ReadSite(const BuildOptions& opts, SourceTree* tree, Diagnostics* diags) {
  if (!SourceTree::Read(opts.source_dir, tree, diags)) return false;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(BuiltinThemesDir(), ec)) {
    std::string name = entry.path().filename().string();
    if (!entry.is_directory() || IsIgnoredFileName(name)) continue;
    std::string prefix = "themes/" + name + "/";
    if (tree->Under(prefix).empty() && !tree->AddDirectory(entry.path(), prefix, diags)) return false;
  }
  return true;
}

namespace {

std::vector<std::string> RequiredLayouts(const SourceTree& tree) {
  std::vector<std::string> layouts = {"home", "list", "page", "report", "404"};
  if (HasIndicators(tree)) layouts.insert(layouts.end(), {"indicators", "indicator"});
  return layouts;
}

}  // namespace

bool BuildToSink(const SourceTree& tree, const BuildOptions& opts, OutputSink* sink,
                 Diagnostics* diags, BuildStats* stats) {
  auto start = std::chrono::steady_clock::now();

  // Stage: config.
  const SourceFile* cfg = tree.Find("site.toml");
  if (!cfg) {
    diags->Error("site.toml", 0, 0, "missing: every site needs a site.toml (run `fazhi new site DIR`)");
    return false;
  }
  Config config;
  if (!ParseConfig(*cfg, &config, diags)) return false;
  if (!opts.base_url.empty()) config.base_url = NormalizeBaseUrl(opts.base_url);

  // Stage: privacy gate. Personal data (ID and mobile numbers) anywhere in
  // content, data or templates fails the build before anything is rendered.
  if (!CheckPrivacy(tree, PrivacyOptions{config.privacy_allow, config.as_of}, diags)) return false;

  // Stage: content (front matter of every page; bodies later, once all URLs are known).
  std::vector<Page> pages;
  if (!LoadContent(tree, config, opts.drafts, &pages, diags, opts.jobs)) return false;

  // Stage: data. Profiles (述法) are typed from their pages' front matter.
  ProfilesData profiles;
  if (!LoadProfiles(tree, config, &pages, &profiles, diags)) return false;

  // Stage: theme. Loaded before rendering bodies so template errors and
  // content errors of one edit show up together in `serve`.
  Theme theme;
  if (!Theme::Load(tree, config, RequiredLayouts(tree), &theme, diags)) return false;
  // Nothing may load from other hosts (templates, CSS, content), unless allow-listed.
  if (!CheckExternalResources(tree, config, diags)) return false;

  // Stage: indicators (definitions + CSV data), before the bodies so prose
  // can cite values with {{< value id year >}}.
  IndicatorSet indicators;
  if (!LoadIndicators(tree, config, &pages, &indicators, diags)) return false;
  CheckReportFigures(tree, pages, indicators, diags);  // warnings only
  if (!CheckProfileIndicators(profiles, indicators, tree, diags)) return false;

  // Stage: Markdown bodies.
  ShortcodeHandlers shortcodes;
  AddIndicatorShortcodes(indicators, config, &shortcodes);
  RenderBodies(tree, config, shortcodes, opts.jobs, &pages, diags);
  if (diags->has_errors()) return false;
  if (!CheckSourceAnchors(pages, indicators, diags)) return false;

  // Stage: model.
  Site site;
  if (!BuildModel(config, std::move(pages), &site, diags)) return false;

  // Stage: site norms. 空白栏目 fail the build; report compliance (deadline,
  // the five required items) warns, and marks the report pages.
  CheckEmptySections(site, tree, diags, opts.serving ? Severity::kWarning : Severity::kError);
  for (Page& p : site.pages) {
    if (p.kind != "report") continue;
    const SourceFile* f = tree.Find(p.source_path);
    p.report.compliance = CheckReport(p, f ? std::string_view(f->text) : std::string_view(), diags);
  }
  if (diags->has_errors()) return false;
  // Every rendered page passes through `outputs` (search documents, the
  // external-resource net); it writes search, sitemaps and feeds last.
  SiteOutputs outputs(sink, site.config, diags);
  outputs.SetSite(&site);
  sink = &outputs;

  // Stage: render.
  if (!RenderSite(site, theme, opts.jobs, sink, diags)) return false;
  if (!RenderIndicators(site, indicators, theme, opts.jobs, sink, diags)) return false;
  if (!RenderProfiles(site, profiles, indicators, theme, sink, diags)) return false;

  // Stage: whole-site outputs, after every other renderer.
  SiteOutputStats out_stats;
  if (!outputs.Finish(theme, &out_stats)) return false;

  if (stats) {
    stats->pages = site.pages.size();
    stats->search_docs = out_stats.search.docs;
    stats->search_terms = out_stats.search.terms;
    stats->search_bytes = out_stats.search.bytes;
    stats->sitemap_urls = out_stats.sitemap_urls;
    stats->feed_entries = out_stats.feed_entries;
    stats->relative_base_url = UrlHost(site.config.base_url).empty();
    stats->millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  }
  return true;
}

bool BuildSite(const BuildOptions& opts, Diagnostics* diags, BuildStats* stats) {
  fs::path out = opts.output_dir.empty() ? opts.source_dir / "public" : opts.output_dir;
  SourceTree tree;
  if (!ReadSite(opts, &tree, diags)) return false;
  if (!CheckOutputDir(opts.source_dir, out, diags)) return false;
  StagingSink sink(out);
  if (!BuildToSink(tree, opts, &sink, diags, stats)) return false;  // staging removed, output untouched
  if (!sink.Commit(diags)) return false;
  if (stats) stats->files = sink.files_written();
  return true;
}

bool CheckSite(const BuildOptions& opts, Diagnostics* diags, BuildStats* stats) {
  SourceTree tree;
  if (!ReadSite(opts, &tree, diags)) return false;
  NullSink sink;
  return BuildToSink(tree, opts, &sink, diags, stats);
}

}  // namespace fazhi
