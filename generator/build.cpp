#include "build.h"

#include <sys/resource.h>

#include <algorithm>
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
#include "markdown_cache.h"
#include "page_bodies.h"
#include "privacy.h"
#include "profiles_model.h"
#include "profiles_view.h"
#include "rectification_indicators.h"
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
  auto last = start;
  // Records how long the stage that just ended took (`fazhi build --timings`).
  auto stage = [&](const char* name) {
    auto now = std::chrono::steady_clock::now();
    if (stats) {
      struct rusage ru {};
      getrusage(RUSAGE_SELF, &ru);  // ru_maxrss is in KiB on Linux
      stats->stages.push_back({name, std::chrono::duration<double, std::milli>(now - last).count(),
                               static_cast<double>(ru.ru_maxrss) / 1024.0});
    }
    last = now;
  };

  // Stage: config.
  const SourceFile* cfg = tree.Find("site.toml");
  if (!cfg) {
    diags->Error("site.toml", 0, 0, "missing: every site needs a site.toml (run `fazhi new site DIR`)");
    return false;
  }
  Config config;
  if (!ParseConfig(*cfg, &config, diags)) return false;
  if (!opts.base_url.empty()) config.base_url = NormalizeBaseUrl(opts.base_url);
  stage("config");

  // Stage: privacy gate. Personal data (ID and mobile numbers) anywhere in
  // content, data or templates fails the build before anything is rendered.
  if (!CheckPrivacy(tree, PrivacyOptions{config.privacy_allow, config.as_of}, diags, opts.jobs)) return false;
  stage("privacy");

  // Stage: content (front matter of every page; bodies later, once all URLs are known).
  std::vector<Page> pages;
  if (!LoadContent(tree, config, opts.drafts, &pages, diags, opts.jobs)) return false;
  stage("content");

  // Stage: data. Profiles (述法) are typed from their pages' front matter.
  ProfilesData profiles;
  if (!LoadProfiles(tree, config, &pages, &profiles, diags)) return false;
  stage("profiles");

  // Stage: theme. Loaded before rendering bodies so template errors and
  // content errors of one edit show up together in `serve`.
  Theme theme;
  if (!Theme::Load(tree, config, RequiredLayouts(tree), &theme, diags)) return false;
  // Nothing may load from other hosts (templates, CSS, content), unless allow-listed.
  if (!CheckExternalResources(tree, config, diags, opts.jobs)) return false;
  stage("theme");

  // Stage: indicators (definitions + CSV data), before the bodies so prose
  // can cite values with {{< value id year >}}.
  IndicatorSet indicators;
  if (!LoadIndicators(tree, config, &pages, &indicators, diags)) return false;
  // The profiles' rectification summary joins the dashboard as derived indicators.
  if (!AddRectificationIndicators(profiles, pages, config, tree, &indicators, diags)) return false;
  CheckReportFigures(tree, pages, indicators, diags);  // warnings only
  if (!CheckProfileIndicators(profiles, indicators, tree, diags)) return false;
  stage("indicators");

  // Stage: Markdown bodies of the pages other stages read. Plain pages are
  // streamed: rendered in the render stage, page by page (page_bodies.h).
  ShortcodeHandlers shortcodes;
  AddIndicatorShortcodes(indicators, config, &shortcodes);
  const std::vector<std::string> anchored = SourceAnchorPages(indicators);
  for (Page& p : pages) {
    p.stream_body = p.kind == "page" && !std::binary_search(anchored.begin(), anchored.end(), p.source_path);
  }
  PageBodies bodies(tree, config, shortcodes, pages, opts.markdown_cache);
  RenderBodies(bodies, opts.jobs, &pages, diags);
  if (diags->has_errors()) return false;
  if (!CheckSourceAnchors(pages, indicators, diags)) return false;
  stage("markdown");

  // Stage: model.
  Site site;
  if (!BuildModel(config, std::move(pages), &site, diags)) return false;
  stage("model");

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
  stage("compliance");

  // Stage: render.
  if (!RenderSite(&site, theme, bodies, opts.jobs, sink, diags)) return false;
  if (!RenderIndicators(site, indicators, theme, opts.jobs, sink, diags)) return false;
  if (!RenderProfiles(site, profiles, indicators, theme, sink, diags)) return false;
  stage("render");
  // 网站地图 entries of the feature modules (after the sections, before the taxonomies).
  for (SiteOutputs::Group g : {IndicatorsSitemapGroup(site, indicators), ProfilesSitemapGroup(site, profiles)}) {
    if (!g.title.empty()) outputs.AddSitemapGroup(std::move(g));
  }

  // Stage: whole-site outputs, after every other renderer.
  SiteOutputStats out_stats;
  if (!outputs.Finish(theme, &out_stats)) return false;
  stage("search+feeds");

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
