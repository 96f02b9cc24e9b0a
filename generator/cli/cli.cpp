#include "cli/cli.h"

#include <cstdio>
#include <ctime>
#include <functional>
#include <thread>

#include "cli/args.h"
#include "cli/import_command.h"
#include "cli/messages.h"
#include "cli/new_command.h"
#include "cli/serve_command.h"
#include "core/front_matter.h"
#include "core/messages.h"
#include "core/suggest.h"
#include "site/build.h"

namespace fazhi {
namespace {

using Run =
    std::function<int(const std::vector<std::string>&, std::ostream&, std::ostream&, const LangChoice&)>;

struct Command {
  const char* name;
  const char* usage;
  const MessageText& summary;
  Run run;
};

std::vector<Command> Commands(const CliEnvironment& env);

int Usage(std::ostream& err, const Message& message, Lang lang) {
  err << Message(msg::kUsageError, message).Render(lang) << "\n";
  return kExitUsage;
}

Message Count(size_t n, const MessageText& many, const MessageText& one) {
  return n == 1 ? Message(one) : Message(many, n);
}

int RunBuildOrCheck(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                    const LangChoice& choice, bool check, const CliEnvironment& env) {
  ParsedArgs a;
  Message error;
  std::vector<std::string> valued = {"--base-url", "--jobs", "--as-of"};
  if (!check) valued.insert(valued.end(), {"--output", "--manifest"});
  if (!ParseArgs(args, valued, {"--drafts", "--quiet", "--timings", "--embed"}, &a, &error)) {
    return Usage(err, error, choice.lang);
  }
  if (a.positional.size() > 1) return Usage(err, Message(msg::kAtMostOneFolder), choice.lang);
  BuildOptions opts;
  opts.source_dir = a.positional.empty() ? "." : a.positional[0];
  opts.output_dir = a.Get("--output");
  opts.base_url = a.Get("--base-url");
  opts.drafts = a.Has("--drafts");
  opts.embed = a.Has("--embed");
  opts.manifest = a.Get("--manifest");
  if (a.Has("--manifest") && opts.manifest.empty())
    return Usage(err, Message(msg::kManifestNeedsFile), choice.lang);
  opts.as_of = a.Get("--as-of");
  if (opts.as_of == "today") {
    if (env.today.empty()) return Usage(err, Message(msg::kAsOfNoClock), choice.lang);
    opts.as_of = env.today;
  }
  if (a.Has("--as-of") && !IsValidDate(opts.as_of)) {
    return Usage(err, Message(msg::kAsOfInvalid, a.Get("--as-of")), choice.lang);
  }
  // The clock only ever reaches `check`: build output depends on as_of alone.
  if (check) opts.clock_today = env.today;
  if (a.Has("--jobs")) {
    try {
      opts.jobs = std::stoi(a.Get("--jobs"));
    } catch (...) {
      return Usage(err, Message(msg::kJobsNumber), choice.lang);
    }
  }
  Diagnostics diags;
  BuildStats stats;
  bool ok = check ? CheckSite(opts, &diags, &stats) : BuildSite(opts, &diags, &stats);
  // The site's own language applies once its site.toml has been read.
  const Lang lang = choice.given ? choice.lang : stats.message_lang;
  err << diags.Format(lang);
  if (!ok) {
    Message errors = Count(diags.error_count(), msg::kErrorCount, msg::kOneError);
    err << Message(check ? msg::kCheckFailed : msg::kBuildFailed, std::move(errors)).Render(lang) << "\n";
    return kExitErrors;
  }
  if (!a.Has("--quiet")) {
    if (check) {
      out << stats.tracker;
      out << Message(msg::kCheckPassed, stats.pages, Message(msg::kWarningCount, diags.warning_count()))
                 .Render(lang)
          << "\n";
      if (diags.note_count() > 0)
        out << Message(msg::kCheckEditorNotes, diags.note_count()).Render(lang) << "\n";
    } else {
      std::string where =
          opts.output_dir.empty() ? (opts.source_dir / "public").string() : opts.output_dir.string();
      out << Message(msg::kBuilt, stats.pages, stats.files, where, static_cast<long>(stats.millis),
                     stats.files_written, stats.files_unchanged)
                 .Render(lang)
          << "\n";
      out << Message(msg::kBuildStats, stats.search_docs, stats.search_terms, stats.search_files,
                     stats.search_bytes, stats.sitemap_urls, stats.feed_entries)
                 .Render(lang)
          << "\n";
      if (!opts.manifest.empty()) {
        out << Message(msg::kManifestWritten, stats.manifest_files, opts.manifest.string()).Render(lang)
            << "\n";
      }
      if (stats.relative_base_url) out << Message(msg::kRelativeBaseUrl).Render(lang) << "\n";
    }
  }
  if (a.Has("--timings")) {
    for (const StageTime& t : stats.stages) {
      char line[128];
      std::snprintf(line, sizeof line, "  %-14s %9.1f ms   cpu %9.1f ms   peak %7.1f MiB\n", t.stage,
                    t.millis, t.cpu_ms, t.peak_mib);
      out << line;
    }
  }
  return kExitOk;
}

int RunHelp(const std::vector<std::string>&, std::ostream& out, std::ostream&, const LangChoice& choice) {
  out << Message(msg::kHelpHeader, FAZHI_VERSION).Render(choice.lang);
  for (const Command& c : Commands({})) {
    out << "  " << c.usage << "\n      " << Message(c.summary).Render(choice.lang) << "\n";
  }
  out << Message(msg::kHelpFooter).Render(choice.lang);
  return kExitOk;
}

std::vector<Command> Commands(const CliEnvironment& env) {
  return {
      {"build",
       "build [DIR] [--output DIR] [--base-url URL] [--as-of DATE|today] [--manifest FILE] [--drafts] "
       "[--jobs N] [--quiet] [--timings] [--embed]",
       msg::kHelpBuild,
       [env](auto& a, auto& o, auto& e, auto& l) { return RunBuildOrCheck(a, o, e, l, false, env); }},
      {"check", "check [DIR] [--base-url URL] [--as-of DATE|today] [--drafts] [--timings]", msg::kHelpCheck,
       [env](auto& a, auto& o, auto& e, auto& l) { return RunBuildOrCheck(a, o, e, l, true, env); }},
      {"serve", "serve [DIR] [--port 1313] [--host 127.0.0.1] [--drafts]", msg::kHelpServe, RunServe},
      {"new",
       "new site DIR --sponsor NAME | new report YEAR [--publisher NAME] | new indicator ID | new profile "
       "UNIT [--year N] [--unit NAME] | new page PATH  [--site DIR] [--date YYYY-MM-DD]",
       msg::kHelpNew, RunNew},
      {"import",
       "import FILE|DIR… [--site DIR] [--year N] [--date YYYY-MM-DD] [--title T] [--publisher P] [--force]",
       msg::kHelpImport, RunImport},
      {"version", "version", msg::kHelpVersion,
       [](auto&, auto& o, auto&, auto&) {
         o << "fazhi " FAZHI_VERSION "\n";
         return kExitOk;
       }},
      {"help", "help", msg::kHelpHelp, RunHelp},
  };
}

}  // namespace

std::string ClockToday() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
  return buf;
}

int RunCli(const std::vector<std::string>& all_args, std::ostream& out, std::ostream& err,
           const CliEnvironment& env) {
  // --lang applies to every command, wherever it stands.
  LangChoice lang;
  std::vector<std::string> args;
  for (size_t i = 0; i < all_args.size(); ++i) {
    const std::string& a = all_args[i];
    std::string value;
    if (a == "--lang") {
      if (i + 1 == all_args.size()) return Usage(err, Message(msg::kOptionNeedsValue, "--lang"), lang.lang);
      value = all_args[++i];
    } else if (a.rfind("--lang=", 0) == 0) {
      value = a.substr(7);
    } else {
      args.push_back(a);
      continue;
    }
    if (!ParseLang(value, &lang.lang)) return Usage(err, Message(msg::kLangValue, value), lang.lang);
    lang.given = true;
  }
  if (args.empty()) {
    RunHelp({}, err, err, lang);
    return kExitUsage;
  }
  std::string name = args[0];
  if (name == "--help" || name == "-h") name = "help";
  if (name == "--version") name = "version";
  std::vector<std::string_view> names;
  for (const Command& c : Commands(env)) {
    if (name == c.name) return c.run({args.begin() + 1, args.end()}, out, err, lang);
    names.push_back(c.name);
  }
  std::string near = NearestName(name, names);
  return Usage(err,
               near.empty() ? Message(msg::kUnknownCommand, name)
                            : Message(msg::kUnknownCommandDidYouMean, name, near),
               lang.lang);
}

}  // namespace fazhi
