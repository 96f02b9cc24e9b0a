#include "cli/serve_command.h"

#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>

#include "cli/args.h"
#include "cli/messages.h"
#include "core/output.h"
#include "serve/server.h"
#include "serve/watch.h"
#include "site/build.h"

namespace fazhi {

bool IsLoopbackHost(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

std::string HostWarning(const std::string& host, Lang lang) {
  if (IsLoopbackHost(host)) return "";
  return Message(msg::kHostWarning, host).Render(lang) + "\n";
}

std::string DescribeChanges(const ChangeSet& changes, Lang lang) {
  size_t shown = std::min<size_t>(changes.paths.size(), 3);
  Message what = Message::List({changes.paths.begin(), changes.paths.begin() + static_cast<long>(shown)});
  if (changes.paths.size() > shown)
    what = Message(msg::kAndMore, std::move(what), changes.paths.size() - shown);
  if (changes.paths.empty()) what = Message(msg::kSources);
  return Message(changes.rescan ? msg::kChangedRescan : msg::kChanged, std::move(what)).Render(lang);
}

int RunServe(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
             const LangChoice& choice) {
  ParsedArgs a;
  Message error;
  auto usage = [&](Message message) {
    err << Message(msg::kUsageError, std::move(message)).Render(choice.lang) << "\n";
    return kExitUsage;
  };
  if (!ParseArgs(args, {"--port", "--host"}, {"--drafts"}, &a, &error)) return usage(error);
  if (a.positional.size() > 1) return usage(Message(msg::kAtMostOneFolder));
  ServeOptions serve;
  serve.host = a.Get("--host", "127.0.0.1");
  std::string port_text = a.Get("--port", "1313");
  if (port_text.empty() || port_text.size() > 5 ||
      port_text.find_first_not_of("0123456789") != std::string::npos || std::stoi(port_text) > 65535) {
    return usage(Message(msg::kPortRange));
  }
  serve.port = std::stoi(port_text);

  BuildOptions build;
  build.source_dir = a.positional.empty() ? "." : a.positional[0];
  build.drafts = a.Has("--drafts");
  build.serving = true;
  build.base_url = "/";  // served at the root, whatever site.toml says
  std::error_code ec;
  if (!std::filesystem::is_directory(build.source_dir, ec)) {
    err << Message(msg::kNoSuchSite, build.source_dir.string()).Render(choice.lang) << "\n";
    return kExitErrors;
  }
  // The language of what the server prints: --lang, else the site's, as of
  // the latest build (builds and the watcher's log lines run one at a time).
  std::atomic<Lang> lang{choice.lang};
  err << HostWarning(serve.host, lang);
  serve.lang = [&] { return lang.load(); };

  std::mutex print_mu;  // build logs come from the watcher thread
  serve.log = [&](bool failed, const std::string& text) {
    std::lock_guard<std::mutex> lock(print_mu);
    (failed ? err : out) << text << std::flush;
  };
  // Builds run one at a time (PreviewServer::Rebuild serialises them), on
  // the main thread first and then on the watcher's; `pending` is what the
  // watcher saw change since the last build began.
  BuildSession session(build);
  std::mutex pending_mu;
  ChangeSet pending;
  SiteBuilder builder = [&](SiteFiles* files, Diagnostics* diags) {
    ChangeSet changes;
    {
      std::lock_guard<std::mutex> lock(pending_mu);
      changes = std::move(pending);
      pending = ChangeSet{};
    }
    BuildStats stats;
    bool ok = session.Build(changes.paths, changes.rescan, files, diags, &stats);
    if (!choice.given) lang = stats.message_lang;
    if (ok && session.last_incremental()) {
      std::lock_guard<std::mutex> lock(print_mu);
      size_t n = session.last_rendered_pages();
      const Message said = n == 0   ? Message(msg::kReRenderedNone)
                           : n == 1 ? Message(msg::kReRenderedOne)
                                    : Message(msg::kReRendered, n);
      out << said.Render(lang) << "\n" << std::flush;
    }
    return ok;
  };

  // SIGINT/SIGTERM are blocked before any thread starts (threads inherit
  // the mask) and taken with sigwait() below, so no handler runs anywhere.
  sigset_t stop_signals, old_mask;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, &old_mask);

  int status = kExitOk;
  {
    PreviewServer server(builder, serve);
    if (!server.Bind(&error)) {
      err << Message(msg::kPlain, std::move(error)).Render(lang) << "\n";
      status = kExitErrors;
    } else {
      // Watched from before the first build: a file saved while it runs
      // (seconds on a large site) is built again right after it, not left
      // stale until the next save.
      Watcher watcher(build.source_dir, WatchOptions{});
      watcher.Start([&](const ChangeSet& changes) {
        {
          std::lock_guard<std::mutex> lock(print_mu);
          out << Message(msg::kPlain, DescribeChanges(changes, lang)).Render(lang) << "\n" << std::flush;
        }
        {
          std::lock_guard<std::mutex> lock(pending_mu);
          // Merged with a batch no build has taken yet, sorted as a batch is.
          std::vector<std::string>& paths = pending.paths;
          paths.insert(paths.end(), changes.paths.begin(), changes.paths.end());
          std::sort(paths.begin(), paths.end());
          paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
          pending.rescan = pending.rescan || changes.rescan;
        }
        server.Rebuild();
      });
      server.Rebuild();
      server.Start();
      std::string host = serve.host.find(':') != std::string::npos && serve.host.front() != '['
                             ? "[" + serve.host + "]"
                             : serve.host;
      {
        std::lock_guard<std::mutex> lock(print_mu);
        out << Message(msg::kServing, build.source_dir.string(), host, server.port(), watcher.mode())
                   .Render(lang)
            << "\n"
            << std::flush;
      }
      int sig = 0;
      sigwait(&stop_signals, &sig);
      server.Stop();   // ends reload streams and connections first: the prompt part
      watcher.Stop();  // then waits for a rebuild in progress, if any
      std::lock_guard<std::mutex> lock(print_mu);
      out << Message(msg::kStopped).Render(lang) << "\n" << std::flush;
    }
  }
  pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  return status;
}

}  // namespace fazhi
