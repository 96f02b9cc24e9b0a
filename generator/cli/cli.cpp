#include "cli/cli.h"

#include <cstdio>
#include <functional>
#include <thread>

#include "cli/args.h"
#include "cli/import_command.h"
#include "cli/new_command.h"
#include "cli/serve_command.h"
#include "site/build.h"

namespace fazhi {
namespace {

struct Command {
  const char* name;
  const char* usage;
  const char* summary;
  std::function<int(const std::vector<std::string>&, std::ostream&, std::ostream&)> run;
};

std::vector<Command> Commands();

int Usage(std::ostream& err, const std::string& message) {
  err << "fazhi: " << message << "\nRun `fazhi help` for usage.\n";
  return kExitUsage;
}

int RunBuildOrCheck(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool check) {
  ParsedArgs a;
  std::string error;
  std::vector<std::string> valued = {"--base-url", "--jobs"};
  if (!check) valued.push_back("--output");
  if (!ParseArgs(args, valued, {"--drafts", "--quiet", "--timings", "--embed"}, &a, &error))
    return Usage(err, error);
  if (a.positional.size() > 1) return Usage(err, "expected at most one site folder");
  BuildOptions opts;
  opts.source_dir = a.positional.empty() ? "." : a.positional[0];
  opts.output_dir = a.Get("--output");
  opts.base_url = a.Get("--base-url");
  opts.drafts = a.Has("--drafts");
  opts.embed = a.Has("--embed");
  if (a.Has("--jobs")) {
    try {
      opts.jobs = std::stoi(a.Get("--jobs"));
    } catch (...) {
      return Usage(err, "--jobs takes a number");
    }
  }
  Diagnostics diags;
  BuildStats stats;
  bool ok = check ? CheckSite(opts, &diags, &stats) : BuildSite(opts, &diags, &stats);
  err << diags.Format();
  if (!ok) {
    err << "fazhi: " << (check ? "check" : "build") << " failed with " << diags.error_count()
        << (diags.error_count() == 1 ? " error" : " errors");
    if (!check) err << "; the output folder was left unchanged";
    err << "\n";
    return kExitErrors;
  }
  if (!a.Has("--quiet")) {
    if (check) {
      out << stats.tracker;
      out << "fazhi: check passed: " << stats.pages << " pages, " << diags.warning_count() << " warnings\n";
    } else {
      std::string where =
          opts.output_dir.empty() ? (opts.source_dir / "public").string() : opts.output_dir.string();
      out << "fazhi: built " << stats.pages << " pages, " << stats.files << " files (" << stats.files_written
          << " written, " << stats.files_unchanged << " unchanged) into " << where << " in "
          << static_cast<long>(stats.millis) << " ms\n";
      out << "fazhi: search index: " << stats.search_docs << " documents, " << stats.search_terms
          << " terms, " << stats.search_bytes
          << " bytes (search/index.json); sitemap.xml: " << stats.sitemap_urls
          << " URLs; feed.xml: " << stats.feed_entries << " entries\n";
      if (stats.relative_base_url) {
        out << "fazhi: note: base_url has no host, so sitemap.xml, feed.xml and canonical links use paths; "
               "build with --base-url https://… for publication\n";
      }
    }
  }
  if (a.Has("--timings")) {
    for (const StageTime& t : stats.stages) {
      char line[96];
      std::snprintf(line, sizeof line, "  %-14s %9.1f ms   peak %7.1f MiB\n", t.stage, t.millis, t.peak_mib);
      out << line;
    }
  }
  return kExitOk;
}

int RunHelp(const std::vector<std::string>&, std::ostream& out, std::ostream&) {
  out << "fazhi " FAZHI_VERSION
         " — a static site generator for rule-of-law transparency\n\n"
         "Usage: fazhi <command> [options]\n\nCommands:\n";
  for (const Command& c : Commands()) {
    out << "  " << c.usage << "\n      " << c.summary << "\n";
  }
  out << "\nExit status: 0 success, 1 errors in the site, 2 usage errors.\n";
  return kExitOk;
}

std::vector<Command> Commands() {
  return {
      {"build",
       "build [DIR] [--output DIR] [--base-url URL] [--drafts] [--jobs N] [--quiet] [--timings] [--embed]",
       "Build the site in DIR (default .) into DIR/public, atomically.",
       [](auto& a, auto& o, auto& e) { return RunBuildOrCheck(a, o, e, false); }},
      {"check", "check [DIR] [--base-url URL] [--drafts] [--timings]",
       "Validate everything `build` validates; write nothing.",
       [](auto& a, auto& o, auto& e) { return RunBuildOrCheck(a, o, e, true); }},
      {"serve", "serve [DIR] [--port 1313] [--host 127.0.0.1] [--drafts]",
       "Preview the site from memory with live reload and an error overlay (never writes public/).",
       RunServe},
      {"new",
       "new site DIR --sponsor NAME | new report YEAR [--publisher NAME] | new indicator ID | new profile "
       "UNIT "
       "[--year N] [--unit NAME] | new page PATH  [--site DIR] [--date YYYY-MM-DD]",
       "Scaffold a site, an annual report, an indicator, a 述法 profile or a page; never overwrites a file.",
       RunNew},
      {"import",
       "import FILE|DIR… [--site DIR] [--year N] [--date YYYY-MM-DD] [--title T] [--publisher P] [--force]",
       "Draft a report page, an indicator CSV and indicator stubs from a published report (.txt or .docx); "
       "a folder or several files: each assigned to its unit from data/units.csv, with a summary table.",
       RunImport},
      {"version", "version", "Print the version.",
       [](auto&, auto& o, auto&) {
         o << "fazhi " FAZHI_VERSION "\n";
         return kExitOk;
       }},
      {"help", "help", "Show this help.", RunHelp},
  };
}

}  // namespace

int RunCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    RunHelp({}, err, err);
    return kExitUsage;
  }
  std::string name = args[0];
  if (name == "--help" || name == "-h") name = "help";
  if (name == "--version") name = "version";
  for (const Command& c : Commands()) {
    if (name == c.name) return c.run({args.begin() + 1, args.end()}, out, err);
  }
  return Usage(err, "unknown command '" + name + "'");
}

}  // namespace fazhi
