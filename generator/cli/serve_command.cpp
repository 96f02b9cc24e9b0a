#include "cli/serve_command.h"

#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <filesystem>
#include <mutex>

#include "cli/args.h"
#include "core/output.h"
#include "serve/server.h"
#include "serve/watch.h"
#include "site/build.h"

namespace fazhi {

bool IsLoopbackHost(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

std::string HostWarning(const std::string& host) {
  if (IsLoopbackHost(host)) return "";
  return "fazhi: warning: --host " + host +
         " lets other machines reach this preview server; it is meant for local previews only\n";
}

std::string DescribeChanges(const ChangeSet& changes) {
  std::string out;
  size_t shown = std::min<size_t>(changes.paths.size(), 3);
  for (size_t i = 0; i < shown; ++i) out += (i ? ", " : "") + changes.paths[i];
  if (changes.paths.size() > shown) {
    out += " and " + std::to_string(changes.paths.size() - shown) + " more";
  }
  if (out.empty()) out = "sources";
  return out + (changes.rescan ? " changed (rescan); rebuilding" : " changed; rebuilding");
}

int RunServe(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ParsedArgs a;
  std::string error;
  auto usage = [&](const std::string& message) {
    err << "fazhi: " << message << "\nRun `fazhi help` for usage.\n";
    return kExitUsage;
  };
  if (!ParseArgs(args, {"--port", "--host"}, {"--drafts"}, &a, &error)) return usage(error);
  if (a.positional.size() > 1) return usage("expected at most one site folder");
  ServeOptions serve;
  serve.host = a.Get("--host", "127.0.0.1");
  std::string port_text = a.Get("--port", "1313");
  if (port_text.empty() || port_text.size() > 5 ||
      port_text.find_first_not_of("0123456789") != std::string::npos || std::stoi(port_text) > 65535) {
    return usage("--port takes a number from 0 to 65535");
  }
  serve.port = std::stoi(port_text);

  BuildOptions build;
  build.source_dir = a.positional.empty() ? "." : a.positional[0];
  build.drafts = a.Has("--drafts");
  build.serving = true;
  build.base_url = "/";  // served at the root, whatever site.toml says
  std::error_code ec;
  if (!std::filesystem::is_directory(build.source_dir, ec)) {
    err << "fazhi: " << build.source_dir.string() << ": no such site folder\n";
    return kExitErrors;
  }
  err << HostWarning(serve.host);

  std::mutex print_mu;  // build logs come from the watcher thread
  serve.log = [&](bool failed, const std::string& text) {
    std::lock_guard<std::mutex> lock(print_mu);
    (failed ? err : out) << text << std::flush;
  };
  // Builds run one at a time (PreviewServer::Rebuild serialises them), on
  // the main thread first and then on the watcher's; `pending` is what the
  // watcher saw change since the last build.
  BuildSession session(build);
  ChangeSet pending;
  SiteBuilder builder = [&](SiteFiles* files, Diagnostics* diags) {
    ChangeSet changes = std::move(pending);
    pending = ChangeSet{};
    BuildStats stats;
    bool ok = session.Build(changes.paths, changes.rescan, files, diags, &stats);
    if (ok && session.last_incremental()) {
      std::lock_guard<std::mutex> lock(print_mu);
      out << "fazhi: re-rendered " << session.last_rendered_pages()
          << (session.last_rendered_pages() == 1 ? " page" : " pages") << " in place of a full build\n"
          << std::flush;
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
      err << "fazhi: " << error << "\n";
      status = kExitErrors;
    } else {
      server.Rebuild();
      server.Start();
      Watcher watcher(build.source_dir, WatchOptions{});
      watcher.Start([&](const ChangeSet& changes) {
        {
          std::lock_guard<std::mutex> lock(print_mu);
          out << "fazhi: " << DescribeChanges(changes) << "\n" << std::flush;
        }
        pending = changes;
        server.Rebuild();
      });
      std::string host = serve.host.find(':') != std::string::npos && serve.host.front() != '['
                             ? "[" + serve.host + "]"
                             : serve.host;
      {
        std::lock_guard<std::mutex> lock(print_mu);
        out << "fazhi: serving " << build.source_dir.string() << " at http://" << host << ":" << server.port()
            << "/ (watching with " << watcher.mode() << "; Ctrl-C to stop)\n"
            << std::flush;
      }
      int sig = 0;
      sigwait(&stop_signals, &sig);
      server.Stop();   // ends reload streams and connections first: the prompt part
      watcher.Stop();  // then waits for a rebuild in progress, if any
      std::lock_guard<std::mutex> lock(print_mu);
      out << "fazhi: stopped\n" << std::flush;
    }
  }
  pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  return status;
}

}  // namespace fazhi
