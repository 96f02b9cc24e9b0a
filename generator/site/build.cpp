#include "site/build.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "core/brief_mutex.h"
#include "core/config.h"
#include "core/content.h"
#include "core/links.h"
#include "core/manifest.h"
#include "core/messages.h"
#include "core/output_folder.h"
#include "core/site_model.h"
#include "core/suggest.h"
#include "core/utf8.h"
#include "core/web.h"
#include "core/write_site.h"
#include "indicators/data_files.h"
#include "indicators/stage.h"
#include "indicators/units_csv.h"
#include "indicators/view.h"
#include "markdown/markdown.h"
#include "markdown/markdown_cache.h"
#include "markdown/shortcodes.h"
#include "norms/compliance.h"
#include "norms/external_resources.h"
#include "norms/privacy.h"
#include "norms/publishing.h"
#include "norms/unit_names.h"
#include "outputs/site_outputs.h"
#include "profiles/model.h"
#include "profiles/rectification_indicators.h"
#include "profiles/view.h"
#include "search/client.h"
#include "site/build_model.h"
#include "site/district_view.h"
#include "site/embed.h"
#include "site/messages.h"
#include "site/page_bodies.h"
#include "site/render_site.h"
#include "site/units.h"
#include "theme/theme.h"

namespace fazhi {
namespace fs = std::filesystem;

namespace {

// Discards output: `check` validates everything `build` does, writing nothing.
class NullSink : public OutputSink {
 public:
  bool Put(const std::string&, std::string) override { return true; }
};

// Passes files on and remembers their paths: links to site URLs are checked
// against every output, whichever module wrote it.
class PathRecorder : public OutputSink {
 public:
  PathRecorder(OutputSink* inner, std::set<std::string, std::less<>>* paths) : inner_(inner), paths_(paths) {}
  bool Put(const std::string& path, std::string bytes) override {
    {
      std::lock_guard<BriefMutex> lock(mu_);
      paths_->insert(path);
    }
    return inner_->Put(path, std::move(bytes));
  }

 private:
  BriefMutex mu_;
  OutputSink* inner_;
  std::set<std::string, std::less<>>* paths_;
};

}  // namespace

std::string BuiltinThemesDir() {
  // Installed layout first (<prefix>/bin/fazhi → <prefix>/share/fazhi/themes),
  // then the source checkout this binary was built from.
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share/fazhi/themes";
    if (fs::is_directory(installed, ec)) return installed.string();
  }
  return FAZHI_THEMES_DIR;
}

bool ReadSite(const BuildOptions& opts, SourceTree* tree, Diagnostics* diags) {
  if (!SourceTree::Read(opts.source_dir, tree, diags, opts.jobs)) return false;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(BuiltinThemesDir(), ec)) {
    std::string name = entry.path().filename().string();
    if (!entry.is_directory() || IsIgnoredFileName(name)) continue;
    std::string prefix = "themes/" + name + "/";
    if (tree->Under(prefix).empty() && !tree->AddDirectory(entry.path(), prefix, diags, opts.jobs))
      return false;
  }
  return true;
}

namespace {

// Publishes the files under content/ that pages link or attach (content/reports/chart.png
// → reports/chart.png), each once. A file whose path another output already
// took is an error rather than a silent overwrite.
bool PublishResources(const Site& site, const SourceTree& tree, const Theme& theme,
                      const std::set<std::string, std::less<>>& taken, OutputSink* sink, Diagnostics* diags) {
  // Written after the resources, by the whole-site outputs: a linked
  // content/sitemap.xml would be replaced by the generated one without a word.
  auto later = [&](std::string_view out) {
    return out == "sitemap.xml" || out == "feed.xml" || out == "robots.txt" || out == "404.html" ||
           out.starts_with("search/") || theme.static_files().count(out) > 0;
  };
  std::set<std::string> files;
  for (const Page& p : site.pages) {
    files.insert(p.resources.begin(), p.resources.end());
    for (const Attachment& a : p.record.attachments) files.insert(a.source);  // the originals (附件)
  }
  size_t before = diags->error_count();
  for (const std::string& path : files) {
    const SourceFile* f = tree.Find(path);
    if (!f) continue;  // read with the tree: cannot happen
    std::string out = path.substr(std::string_view("content/").size());
    if (taken.count(out) || later(out)) {
      diags->Error(path, 0, 0, Message(msg::kResourceClashes, out));
      continue;
    }
    sink->Put(out, f->text);
  }
  return diags->error_count() == before;
}

std::vector<std::string> RequiredLayouts(const SourceTree& tree) {
  std::vector<std::string> layouts = {"home", "list", "page", "report", "404"};
  if (HasIndicators(tree)) layouts.insert(layouts.end(), {"indicators", "indicator"});
  if (tree.Find(kUnitsCsvPath)) {
    for (const std::string& l : DistrictLayouts()) layouts.push_back(l);
  }
  return layouts;
}

// A page's `layout:` that the theme does not have is an error at that line,
// not a failure to render some output path later.
void CheckPageLayouts(const std::vector<Page>& pages, const Theme& theme, const SourceTree& tree,
                      Diagnostics* diags) {
  for (const Page& p : pages) {
    if (p.layout.empty() || theme.Has(p.layout)) continue;
    const SourceFile* f = tree.Find(p.source_path);
    std::vector<std::string> names = theme.LayoutNames();
    std::vector<std::string_view> views(names.begin(), names.end());
    std::string near = NearestName(p.layout, views);
    Message m = near.empty() ? Message(msg::kUnknownPageLayout, p.layout, Message::List(names))
                             : Message(msg::kUnknownPageLayoutDidYouMean, p.layout, near);
    diags->Error(p.source_path, p.layout_line, p.layout_col, std::move(m), f ? f->text : std::string_view());
  }
}

}  // namespace

// Every stage's product, kept together so that a serve session can bring a
// finished build up to date with an edit by re-running only the last stages
// for the pages it touched (UpdatePages). Not movable: the shortcodes, the
// page bodies and the outputs refer to its members.
class SiteBuild {
 public:
  SiteBuild(const SourceTree& tree, BuildOptions opts) : tree_(tree), opts_(std::move(opts)) {}
  SiteBuild(const SiteBuild&) = delete;
  SiteBuild& operator=(const SiteBuild&) = delete;

  /// The whole pipeline. Config errors stop it; else the stages up to the
  /// Markdown bodies all report, and it stops there when any did.
  bool Run(OutputSink* sink, Diagnostics* diags, BuildStats* stats);

  enum class Update {
    kDone,     ///< the changed pages and what reads them were re-rendered
    kFailed,   ///< the edit has errors (in `diags`); the build is unchanged
    kBroken,   ///< failed after the model changed: discard this build
    kNotLocal  ///< the edit may reach other outputs: run the whole pipeline
  };
  /// Re-renders the content pages at `paths` (plain pages and annual
  /// reports; their text in the tree has changed since this build ran) into
  /// `sink`, with every output that reads what changed. Only for edits that
  /// leave every page's fields outside the body alone (SameOutsideBody: for a
  /// report, its compliance too), the cited indicators as they were and, on a
  /// page an indicator's source anchors into, the headings; anything else is
  /// kNotLocal.
  Update UpdatePages(const std::vector<std::string>& paths, OutputSink* sink, Diagnostics* diags,
                     BuildStats* stats, size_t* rendered);

 private:
  void FillStats(const SiteOutputStats& out, std::chrono::steady_clock::time_point start,
                 BuildStats* stats) const;

  const SourceTree& tree_;
  const BuildOptions opts_;
  Config config_;
  UnitRegistry units_;
  ProfilesData profiles_;
  Theme theme_;
  IndicatorSet indicators_;
  ShortcodeHandlers shortcodes_;
  std::unique_ptr<PageBodies> bodies_;
  Site site_;
  std::unique_ptr<SiteOutputs> outputs_;
  std::unique_ptr<EmbedSink> embed_;                 ///< --embed: keeps every page's body for embed/
  std::set<std::string, std::less<>> output_paths_;  ///< every file Run wrote
  std::vector<std::string> unloaded_;                ///< pages that failed to load (sorted)
  std::unique_ptr<PathRecorder> recorder_;
};

bool SiteBuild::Run(OutputSink* sink, Diagnostics* diags, BuildStats* stats) {
  auto start = std::chrono::steady_clock::now();
  auto last = start;
  double last_cpu = stats ? ProcessCpuMillis() : 0;
  // Records how long the stage that just ended took (`fazhi build --timings`).
  auto stage = [&](const char* name) {
    auto now = std::chrono::steady_clock::now();
    if (stats) {
      struct rusage ru {};
      getrusage(RUSAGE_SELF, &ru);  // ru_maxrss is in KiB on Linux
      const double cpu = ProcessCpuMillis();
      stats->stages.push_back({name, std::chrono::duration<double, std::milli>(now - last).count(),
                               static_cast<double>(ru.ru_maxrss) / 1024.0, cpu - last_cpu});
      last_cpu = cpu;
    }
    last = now;
  };
  const SourceTree& tree = tree_;
  const BuildOptions& opts = opts_;

  // Stage: config.
  const SourceFile* cfg = tree.Find("site.toml");
  if (!cfg) {
    diags->Error("site.toml", 0, 0, Message(msg::kConfigMissing));
    return false;
  }
  Config& config = config_;
  bool config_ok = ParseConfig(*cfg, &config, diags);
  if (stats) stats->message_lang = MessageLang(config);
  if (!config_ok) return false;
  if (!opts.base_url.empty()) config.base_url = NormalizeBaseUrl(opts.base_url);
  if (!opts.as_of.empty()) config.as_of = opts.as_of;
  CheckRobotsPlacement(config, *cfg, !opts.base_url.empty(), diags);
  if (!opts.clock_today.empty())
    CheckAsOfFreshness(config, opts.clock_today, *cfg, !opts.as_of.empty(), diags);
  stage("config");

  // From here on, a stage with errors does not stop the stages that do not
  // read its product (issue 13: all errors in one run). Pages with errors
  // are left out, and what would only repeat their errors is not reported
  // again (links to them, values missing from a failed CSV). The build
  // stops before the model, after the Markdown bodies: links to site URLs
  // are checked against the rendered output, so only in a run that got as far.

  // Stage: privacy gate. Personal data (ID and mobile numbers) anywhere in
  // content, data or templates fails the build before anything is rendered.
  CheckPrivacy(tree, PrivacyOptions{config.privacy_allow, config.as_of}, diags, opts.jobs);
  stage("privacy");

  // Stage: content (front matter of every page; bodies later, once all URLs are known).
  std::vector<Page> pages;
  unloaded_.clear();
  LoadContent(tree, config, opts.drafts, &pages, diags, opts.jobs, &unloaded_);
  // A district site's units (data/units.csv): every report names one. A
  // broken registry would make every unit reference an error: the stages
  // that name units wait for it.
  const bool units_ok = LoadUnitRegistry(tree, &units_, diags);
  if (units_ok) ResolveReportUnits(units_, tree, &pages, diags);
  stage("content");

  // Stage: data. Profiles (述法) are typed from their pages' front matter.
  const bool profiles_ok = units_ok && LoadProfiles(tree, config, &pages, &profiles_, diags, &units_);
  stage("profiles");

  // Stage: theme. Loaded before rendering bodies so template errors and
  // content errors of one edit show up together in `serve`.
  if (Theme::Load(tree, config, RequiredLayouts(tree), &theme_, diags)) {
    CheckPageLayouts(pages, theme_, tree, diags);
    // A site's copy of the theme may hold a search script older than the index.
    auto js = theme_.static_files().find("js/search.js");
    if (config.search_enabled && js != theme_.static_files().end()) {
      CheckSearchClient(*js->second, BuiltinThemesDir() + "/default/static/js/search.js", diags);
    }
  }
  // Nothing may load from other hosts (templates, CSS, content), unless allow-listed.
  CheckExternalResources(tree, config, diags, opts.jobs);
  stage("theme");

  // Stage: indicators (definitions + CSV data), before the bodies so prose
  // can cite values with {{< value id year >}}. A workbook dropped into
  // data/ is named, not ignored (warnings only).
  CheckDataFiles(tree, diags);
  bool indicators_ok =
      units_ok && LoadIndicators(tree, config, &pages, &indicators_, diags, &unloaded_, &units_);
  // The profiles' rectification summary joins the dashboard as derived indicators.
  indicators_ok = indicators_ok && profiles_ok &&
                  AddRectificationIndicators(profiles_, pages, config, tree, &indicators_, diags);
  // A definition page that failed to load is missing from the set.
  for (const std::string& path : unloaded_) {
    indicators_ok = indicators_ok && path.rfind("content/indicators/", 0) != 0;
  }
  if (indicators_ok) {
    CheckReportFigures(tree, pages, indicators_, diags, opts.jobs);  // warnings only
    CheckValueScopesInPages(tree, pages, indicators_, diags);        // warnings only
    CheckProfileIndicators(profiles_, indicators_, tree, diags);
  }
  indicators_.complete = indicators_ok;
  stage("indicators");

  // Stage: Markdown bodies of the pages other stages read. Plain pages are
  // streamed: rendered in the render stage, page by page (site/page_bodies.h).
  AddIndicatorShortcodes(indicators_, config, &shortcodes_);
  const std::vector<std::string> anchored = SourceAnchorPages(indicators_);
  for (Page& p : pages) {
    p.stream_body = p.kind == "page" && !std::binary_search(anchored.begin(), anchored.end(), p.source_path);
  }
  bodies_ = std::make_unique<PageBodies>(tree, config, shortcodes_, pages, opts.markdown_cache);
  bodies_->SetUnloaded(&unloaded_);
  RenderBodies(*bodies_, opts.jobs, &pages, diags);
  if (diags->has_errors()) {
    // The streamed pages' bodies would be rendered only in the render stage,
    // which a failed build does not reach: their errors are wanted now.
    CheckStreamedBodies(*bodies_, opts.jobs, pages, diags);
    return false;
  }
  if (!CheckSourceAnchors(pages, indicators_, diags)) return false;
  stage("markdown");

  // Stage: model.
  Site& site = site_;
  if (!BuildModel(config, std::move(pages), &site, diags)) return false;
  stage("model");

  // Stage: site norms. A section left out for having only drafts says so
  // (空白栏目 are never published); report compliance (deadline,
  // the five required items) warns, and marks the report pages.
  ExplainUnopenedSections(site, tree, diags);
  CheckUnitNames(site, tree, diags);  // one unit under two names: warnings only
  for (Page& p : site.pages) {
    if (p.kind != "report") continue;
    const SourceFile* f = tree.Find(p.source_path);
    p.report.compliance = CheckReport(p, f ? std::string_view(f->text) : std::string_view(), diags);
  }
  if (diags->has_errors()) return false;
  // Every rendered page passes through `outputs` (search documents, the
  // external-resource net); it writes search, sitemaps and feeds last.
  recorder_ = std::make_unique<PathRecorder>(sink, &output_paths_);
  sink = recorder_.get();
  if (opts.embed) {
    embed_ = std::make_unique<EmbedSink>(sink);
    sink = embed_.get();
  }
  outputs_ = std::make_unique<SiteOutputs>(sink, site.config, diags, opts.serving, opts.jobs);
  SiteOutputs& outputs = *outputs_;
  outputs.SetSite(&site);
  sink = &outputs;
  stage("compliance");

  // Stage: render.
  if (!RenderSite(&site, theme_, *bodies_, opts.jobs, sink, diags)) return false;
  if (!RenderIndicators(site, indicators_, theme_, opts.jobs, sink, diags)) return false;
  // With a registry the unit pages are the district's (reports, 述法, figures).
  if (!RenderProfiles(site, profiles_, indicators_, theme_, sink, diags, !units_.present())) return false;
  const std::vector<Tracker> trackers = BuildTrackers(site, units_, profiles_);
  if (!RenderDistrict(site, units_, trackers, profiles_, indicators_, theme_, sink, diags)) return false;
  if (stats) {
    for (const Tracker& t : trackers) stats->tracker += TrackerText(t);
  }
  stage("render");
  // 网站地图 entries of the feature modules (after the sections, before the taxonomies).
  for (SitemapGroup g : {IndicatorsSitemapGroup(site, indicators_), ProfilesSitemapGroup(site, profiles_),
                         DistrictSitemapGroup(units_, trackers)}) {
    if (!g.title.empty()) outputs.AddSitemapGroup(std::move(g));
  }

  // Files beside pages that the pages link (page bundles).
  if (!PublishResources(site, tree, theme_, output_paths_, sink, diags)) return false;

  // Stage: whole-site outputs, after every other renderer.
  SiteOutputStats out_stats;
  if (!outputs.Finish(theme_, &out_stats)) return false;
  if (embed_ && !embed_->Finish(site)) return false;
  stage("search+feeds");

  // Stage: links to site URLs (as copied from a browser), now that every
  // output is known.
  auto has_output = [&](std::string_view p) { return output_paths_.count(p) > 0; };
  CheckMenuUrls(site.config, site.unopened, cfg->text, UrlPathPrefix(site.config.base_url), has_output,
                diags);
  CheckLinkTargets(site.pages, site.unopened, tree, has_output, diags);
  if (diags->has_errors()) return false;
  stage("links");

  FillStats(out_stats, start, stats);
  return true;
}

SiteBuild::Update SiteBuild::UpdatePages(const std::vector<std::string>& paths, OutputSink* sink,
                                         Diagnostics* diags, BuildStats* stats, size_t* rendered) {
  auto start = std::chrono::steady_clock::now();
  // Which pages: each must be a page the content renderer draws (a plain
  // page or an annual report) of this build. Its own output reads its fields
  // and other pages' titles and URLs; the lists, feeds and sitemaps read its
  // fields and summary; the indicator pages its cites; the year and district
  // pages a report's compliance (compared below with its other fields); an
  // indicator's source link the headings of the page it anchors into.
  std::vector<size_t> indices;
  std::vector<const SourceFile*> files;
  for (const std::string& path : paths) {
    auto it = std::lower_bound(site_.pages.begin(), site_.pages.end(), path,
                               [](const Page& p, const std::string& s) { return p.source_path < s; });
    const SourceFile* f = tree_.Find(path);
    if (it == site_.pages.end() || it->source_path != path || !f) return Update::kNotLocal;
    if (!it->stream_body && it->kind != "report") return Update::kNotLocal;
    indices.push_back(static_cast<size_t>(it - site_.pages.begin()));
    files.push_back(f);
  }
  if (embed_) return Update::kNotLocal;  // embed/ holds every body, written once

  // The stages of Run, in its order, for these files only; nothing in this
  // build changes until every check has passed.
  if (!CheckPrivacyFiles(files, PrivacyOptions{config_.privacy_allow, config_.as_of}, diags)) {
    return Update::kFailed;
  }
  std::vector<Page> fresh(files.size());
  bool ok = true;
  for (size_t k = 0; k < files.size(); ++k) {
    ok = LoadPage(*files[k], config_, &fresh[k], diags) && ok;
    ok = ResolveAttachments(tree_, *files[k], &fresh[k].record, diags) && ok;
  }
  if (!ok) return Update::kFailed;
  // A report names its unit in the registry (the content stage).
  if (!ResolveReportUnits(units_, tree_, &fresh, diags)) return Update::kFailed;
  for (size_t k = 0; k < files.size(); ++k) {
    const Page& old = site_.pages[indices[k]];
    Page& p = fresh[k];
    if (p.draft && !opts_.drafts) return Update::kNotLocal;  // the page leaves the site
    // Set by later stages from other pages, as the whole pipeline would.
    p.stream_body = old.stream_body;
    p.prev_in_series = old.prev_in_series;
    p.next_in_series = old.next_in_series;
    // A report's compliance comes from its rendered headings: compared below.
    p.report.compliance = old.report.compliance;
    if (!SameOutsideBody(old, p)) return Update::kNotLocal;
  }
  // The indicators stage's checks of report prose (warnings: a warning sends
  // the edit down the whole pipeline, which reports it in its place).
  if (indicators_.complete) {
    CheckReportFigures(tree_, fresh, indicators_, diags, opts_.jobs);
    CheckValueScopesInPages(tree_, fresh, indicators_, diags);
  }
  for (const SourceFile* f : files) ok = CheckMarkdownResources(*f, config_, diags) && ok;
  if (!ok) return Update::kFailed;
  const size_t errors = diags->error_count();
  for (Page& p : fresh) bodies_->Render(site_.pages, &p, diags);
  if (diags->error_count() != errors) return Update::kFailed;

  std::vector<int> summaries;         // pages whose summary changed: the pages that list them follow
  std::vector<std::string> anchored;  // pages an indicator's source anchors into (sorted)
  for (size_t k = 0; k < files.size(); ++k) {
    const Page& old = site_.pages[indices[k]];
    if (fresh[k].kind == "report") {
      // The site norms stage: the five items are found by the headings.
      fresh[k].report.compliance = CheckReport(fresh[k], files[k]->text, diags);
      if (diags->error_count() != errors) return Update::kFailed;
      if (fresh[k].report.compliance != old.report.compliance) return Update::kNotLocal;
    }
    if (!old.stream_body) {
      if (anchored.empty()) anchored = SourceAnchorPages(indicators_);
      if (std::binary_search(anchored.begin(), anchored.end(), old.source_path) && fresh[k].toc != old.toc) {
        return Update::kNotLocal;
      }
    }
    if (fresh[k].cites != old.cites) return Update::kNotLocal;
    // A file linked or unlinked beside the page is published or dropped.
    if (fresh[k].resources != old.resources) return Update::kNotLocal;
    if (fresh[k].summary != old.summary) summaries.push_back(static_cast<int>(indices[k]));
  }
  std::sort(summaries.begin(), summaries.end());
  // Links to site URLs, against this build's outputs (a body edit adds or
  // removes none of them).
  CheckLinkTargets(
      fresh, site_.unopened, tree_, [&](std::string_view p) { return output_paths_.count(p) > 0; }, diags);
  if (diags->error_count() != errors) return Update::kFailed;

  // Commit: from here on a failure leaves this build inconsistent.
  for (size_t k = 0; k < files.size(); ++k) site_.pages[indices[k]] = std::move(fresh[k]);
  outputs_->Redirect(sink, diags);
  size_t before = diags->error_count();
  RenderContentPages(&site_, theme_, *bodies_, &indices, opts_.jobs, outputs_.get(), diags);
  *rendered = indices.size();
  SiteOutputStats out_stats;
  if (diags->error_count() == before) {
    // Summaries are read by the list pages that show them (section lists,
    // home, taxonomy terms) and the feed; the text by the search index.
    if (!summaries.empty()) RenderLists(site_, theme_, opts_.jobs, outputs_.get(), diags, &summaries);
    outputs_->Refresh(theme_, summaries, &out_stats);
  }
  if (diags->error_count() != before) return Update::kBroken;
  // The search index changed its layout (fewer buckets): files the session
  // keeps from the last build are gone from a fresh build's output.
  if (outputs_->search_files_dropped()) return Update::kBroken;
  FillStats(out_stats, start, stats);
  return Update::kDone;
}

void SiteBuild::FillStats(const SiteOutputStats& out, std::chrono::steady_clock::time_point start,
                          BuildStats* stats) const {
  if (!stats) return;
  stats->message_lang = MessageLang(config_);
  stats->pages = site_.pages.size();
  stats->search_docs = out.search.docs;
  stats->search_terms = out.search.terms;
  // (+ 2: the manifest and sizes.bin)
  stats->search_files = out.search.docs ? out.search.buckets + out.search.groups + out.search.series + 2 : 0;
  stats->search_bytes = out.search.bytes;
  stats->sitemap_urls = out.sitemap_urls;
  stats->feed_entries = out.feed_entries;
  stats->relative_base_url = UrlHost(site_.config.base_url).empty();
  stats->millis = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

bool BuildToSink(const SourceTree& tree, const BuildOptions& opts, OutputSink* sink, Diagnostics* diags,
                 BuildStats* stats) {
  SiteBuild build(tree, opts);
  return build.Run(sink, diags, stats);
}

BuildSession::BuildSession(BuildOptions opts)
    : opts_(std::move(opts)), cache_(std::make_unique<MarkdownCache>()) {
  opts_.markdown_cache = cache_.get();
}

BuildSession::~BuildSession() = default;

// Re-reads the edited files into the tree and lists them in `read`. False
// when the edit is more than that (a file created, deleted or renamed, a
// folder): then the whole tree is read again. A path that is neither in the
// tree, nor a folder of it, nor on disk came and went between two builds
// (vim's writability probe `4913`, a temporary file of an editor whose names
// the watcher does not know): it changes nothing, and re-reading a 10,000-page
// tree and running the whole pipeline for it took a one-line edit beside it
// from 25 ms to 650-716 ms.
bool BuildSession::UpdateTree(const std::vector<std::string>& changed, std::vector<std::string>* read) {
  for (const std::string& path : changed) {
    if (tree_.Reread(path)) {
      read->push_back(path);
      continue;
    }
    std::error_code ec;  // (set when the path is not there: then the type says so)
    const bool gone = fs::symlink_status(tree_.root / path, ec).type() == fs::file_type::not_found &&
                      !tree_.Find(path) && tree_.Under(path + "/").empty();
    if (!gone) return false;
  }
  return true;
}

namespace {

// The warnings of `all` about the files in `paths` (sorted), in their order.
std::vector<Diagnostic> WarningsOf(const std::vector<Diagnostic>& all,
                                   const std::vector<std::string>& paths) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : all) {
    if (std::binary_search(paths.begin(), paths.end(), d.path)) out.push_back(d);
  }
  return out;
}

// Whether two lists of warnings read alike, in both languages, in order.
bool SameWarnings(const std::vector<Diagnostic>& a, const std::vector<Diagnostic>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].severity != b[i].severity ||
        FormatDiagnostic(a[i], Lang::kZh) != FormatDiagnostic(b[i], Lang::kZh) ||
        FormatDiagnostic(a[i], Lang::kEn) != FormatDiagnostic(b[i], Lang::kEn)) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool BuildSession::Build(const std::vector<std::string>& changed, bool rescan, SiteFiles* files,
                         Diagnostics* diags, BuildStats* stats) {
  last_incremental_ = false;
  last_rendered_ = 0;
  std::vector<std::string> read;
  if (have_tree_ && !rescan && UpdateTree(changed, &read)) {
    std::vector<std::string> dirty = dirty_;
    dirty.insert(dirty.end(), read.begin(), read.end());
    std::sort(dirty.begin(), dirty.end());
    dirty.erase(std::unique(dirty.begin(), dirty.end()), dirty.end());
    dirty_ = std::move(dirty);
  } else {
    last_.reset();  // it refers to the tree being replaced
    dirty_.clear();
    tree_ = SourceTree();
    have_tree_ = ReadSite(opts_, &tree_, diags);
    if (!have_tree_) return false;
  }

  if (last_ && dirty_.empty()) {
    // Nothing the last good build was made from changed.
    for (const Diagnostic& d : warnings_) diags->Add(d);
    *files = files_;
    if (stats) *stats = last_stats_;
    last_incremental_ = true;
    return true;
  }
  bool keep_last = false;
  if (last_) {
    MemorySink sink;
    Diagnostics found(SIZE_MAX);
    size_t rendered = 0;
    SiteBuild::Update update = last_->UpdatePages(dirty_, &sink, &found, stats, &rendered);
    // The fast path keeps the last full build's report of warnings, so the
    // edited pages' warnings must be the ones it holds for them: a warning's
    // place in that report depends on its stage, which only the whole
    // pipeline gives. UpdatePages runs every stage that warns about one page;
    // a page with a warning of a stage over many pages, or whose warnings
    // came, went or moved, takes the whole pipeline.
    if (update == SiteBuild::Update::kDone && !SameWarnings(found.items(), WarningsOf(warnings_, dirty_))) {
      update = SiteBuild::Update::kNotLocal;
    }
    switch (update) {
      case SiteBuild::Update::kDone: {
        for (const Diagnostic& d : warnings_) diags->Add(d);
        for (auto& [path, bytes] : sink.Take()) {
          files_.Set(path, std::make_shared<const std::string>(std::move(bytes)));
        }
        *files = files_;
        dirty_.clear();
        last_incremental_ = true;
        last_rendered_ = rendered;
        if (stats) last_stats_ = *stats;
        return true;
      }
      case SiteBuild::Update::kFailed:
        // The edit has errors. The whole pipeline below reports them exactly
        // as `fazhi build` would (with the warnings of the stages before the
        // failing one); the last good build stays for the fix, whose paths
        // stay dirty.
        keep_last = true;
        break;
      case SiteBuild::Update::kBroken:  // failed halfway: the last build is no longer whole
        last_.reset();
        break;
      case SiteBuild::Update::kNotLocal:
        break;
    }
  }

  // The whole pipeline, with the Markdown cache.
  if (!keep_last) last_.reset();
  auto build = std::make_unique<SiteBuild>(tree_, opts_);
  MemorySink sink;
  // Every warning, not the first kShownDiagnostics: the fast path compares
  // an edited page's warnings with these.
  Diagnostics found(SIZE_MAX);
  bool ok = build->Run(&sink, &found, stats);
  diags->Merge(found);
  if (!ok) return false;
  SiteFiles::Map whole;
  for (auto& [path, bytes] : sink.Take()) {
    whole.emplace_hint(whole.end(), path, std::make_shared<const std::string>(std::move(bytes)));
  }
  files_ = SiteFiles(std::move(whole));
  *files = files_;
  warnings_ = found.items();
  last_ = std::move(build);
  dirty_.clear();
  if (stats) last_stats_ = *stats;
  return true;
}

double ProcessCpuMillis() {
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  auto ms = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3;
  };
  return ms(ru.ru_utime) + ms(ru.ru_stime);
}

bool BuildSite(const BuildOptions& opts, Diagnostics* diags, BuildStats* stats) {
  fs::path out = opts.output_dir.empty() ? opts.source_dir / "public" : opts.output_dir;
  SourceTree tree;
  // Opening the output (its checks, then the listing of the previous site in
  // next/: some 0.2 s of system calls at 10,000 pages) runs beside the
  // reading when the output was built before. A first build creates folders,
  // which a build whose sources cannot be read must not do: it opens after.
  // Either way the open's problems are reported after the sources' own, and
  // not at all when the sources could not be read, as when one ran after the other.
  Diagnostics opening(SIZE_MAX);
  StagingSink sink(out, &opening, opts.write);
  std::error_code ec;
  const bool beside = fs::is_directory(WorkFolderOf(out), ec);
  double open_ms = 0, open_cpu = 0;
  auto open = [&] {
    auto t0 = std::chrono::steady_clock::now();
    const double cpu0 = beside ? 0 : ProcessCpuMillis();
    bool ok = CheckOutputDir(opts.source_dir, out, &opening) &&
              (opts.manifest.empty() || CheckManifestPath(opts.source_dir, out, opts.manifest, &opening)) &&
              sink.Open();
    open_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    // Beside the reading, its CPU time is counted in the reading's.
    if (!beside) open_cpu = ProcessCpuMillis() - cpu0;
    return ok;
  };
  bool opened = false;
  std::thread opener;
  if (beside) opener = std::thread([&] { opened = open(); });
  auto reading = std::chrono::steady_clock::now();
  const double reading_cpu = ProcessCpuMillis();
  const bool read = ReadSite(opts, &tree, diags);
  const double read_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - reading).count();
  if (beside) opener.join();
  const double read_cpu = ProcessCpuMillis() - reading_cpu;
  if (!read) return false;
  if (!beside) opened = open();
  diags->Merge(opening);
  sink.set_diagnostics(diags);
  if (!opened) return false;
  // The manifest sees every file on its way into next/; it is written beside
  // its destination first and renamed into place only after the output was
  // swapped in, so it never describes a site that is not there.
  ManifestSink manifest(&sink);
  OutputSink* target = opts.manifest.empty() ? static_cast<OutputSink*>(&sink) : &manifest;
  // Some outputs ignore a failed Put (the sink reported it): check the sink too.
  if (!BuildToSink(tree, opts, target, diags, stats) || sink.failed()) return false;  // output untouched
  PendingFile manifest_file(opts.manifest);
  if (!opts.manifest.empty() && !manifest_file.Write(manifest.Text(), diags)) return false;
  auto start = std::chrono::steady_clock::now();
  const double commit_cpu = ProcessCpuMillis();
  if (!sink.Commit()) return false;
  if (!opts.manifest.empty() && !manifest_file.Commit(diags)) return false;
  if (stats) {
    WriteCounts c = sink.counts();
    stats->files = c.files;
    stats->files_written = c.written;
    stats->files_unchanged = c.kept + c.linked;
    stats->manifest_files = opts.manifest.empty() ? 0 : manifest.size();
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    struct rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    const double peak = static_cast<double>(ru.ru_maxrss) / 1024.0;
    // Before the pipeline's stages: the peak then is at most the current one.
    const double first_peak = stats->stages.empty() ? peak : stats->stages.front().peak_mib;
    stats->stages.insert(stats->stages.begin(), {{"read sources", read_ms, first_peak, read_cpu},
                                                 {"open output", open_ms, first_peak, open_cpu}});
    stats->stages.push_back({"commit", ms, peak, ProcessCpuMillis() - commit_cpu});
    stats->millis += read_ms + open_ms + ms;
  }
  return true;
}

bool CheckSite(const BuildOptions& opts, Diagnostics* diags, BuildStats* stats) {
  SourceTree tree;
  if (!ReadSite(opts, &tree, diags)) return false;
  NullSink sink;
  return BuildToSink(tree, opts, &sink, diags, stats);
}

}  // namespace fazhi
