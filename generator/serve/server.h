// The preview server behind `fazhi serve`: serves the last good build from
// memory, tells open pages to reload through Server-Sent Events after each
// rebuild, and overlays the build errors on every HTML page while the latest
// build is broken. Never writes the site to disk.
//
// Security model: a preview for the editor's own browser. It listens on
// 127.0.0.1 unless --host says otherwise, answers only GET and HEAD, only to
// requests whose Host names an IP address, localhost or the --host name (so
// a web page elsewhere cannot read the preview, drafts included, through DNS
// rebinding), and keeps every connection within time and size limits
// (serve/connections.h), so slow or hostile clients cannot starve it.
// cpp-httplib parses each request and writes each response; the waiting is
// done by Connections.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "core/diagnostics.h"
#include "core/output.h"
#include "core/site_files.h"
#include "serve/connections.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace fazhi {

/// Builds the whole site into `files`; reports problems into `diags`.
/// Returns false when the build failed (then `files` is ignored).
using SiteBuilder = std::function<bool(SiteFiles* files, Diagnostics* diags)>;

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 1313;     ///< 0: any free port (tests)
  size_t threads = 4;  ///< workers: each turns a request into a response in memory
  /// Reload streams (open tabs) beyond this get 503. They hold no thread.
  size_t max_event_streams = 128;
  std::chrono::milliseconds keepalive{5000};  ///< SSE comment interval
  /// Time and size limits per connection (the defaults suit a preview;
  /// tests shorten the timeouts).
  ConnectionLimits limits;
  /// Prints each build's outcome (the terminal): `failed` with the same
  /// diagnostics text the overlay shows. May be null.
  std::function<void(bool failed, const std::string& text)> log;
  /// The reader's language for the overlay and the log, asked after each
  /// build (site.toml may set it). Null: Chinese.
  std::function<Lang()> lang;
};

/// The path of the reload event stream.
inline constexpr std::string_view kEventsPath = "/__fazhi/events";
/// The path of the live-reload script injected into HTML pages.
inline constexpr std::string_view kLiveScriptPath = "/__fazhi/live.js";

/// Content-Type for an output path, with "; charset=utf-8" for text types.
std::string ContentTypeFor(std::string_view path);

/// Checks a request path (as decoded by httplib) and the raw request target.
/// Returns the output key ("" for the root) or false for traversal attempts:
/// "." or ".." segments, backslashes, NUL and control bytes, and encoded
/// dots, slashes, backslashes or NULs in the raw target.
bool NormalizeRequestPath(std::string_view decoded, std::string_view raw_target, std::string* key);

/// `html` with `snippet` inserted before its last "</body>" (or appended).
std::string InjectBeforeBodyEnd(std::string_view html, std::string_view snippet);

/// The error overlay for `diags`: their Format() text, HTML-escaped.
std::string RenderOverlay(const Diagnostics& diags, bool have_site, Lang lang = Lang::kZh);

class PreviewServer {
 public:
  PreviewServer(SiteBuilder builder, ServeOptions opts);
  ~PreviewServer();
  PreviewServer(const PreviewServer&) = delete;
  PreviewServer& operator=(const PreviewServer&) = delete;

  /// Builds now and publishes the result: a good build replaces the site, a
  /// failed one keeps the last good site and turns the overlay on. Either way
  /// the generation advances and every open page is told to reload, unless
  /// the build handed back the last good site unchanged (SiteFiles::SameAs)
  /// with the same messages: then nothing is published.
  /// Thread-safe; concurrent calls run one after the other.
  bool Rebuild();

  /// Binds host:port (port 0 picks a free one). On failure returns false and
  /// a message for the user in `error`.
  bool Bind(Message* error);
  int port() const { return port_; }

  /// Serves on a background thread. REQUIRES: Bind() succeeded.
  void Start();

  /// Ends every reload stream, stops listening, closes every connection and
  /// joins the threads.
  void Stop();

  /// "<instance>.<n>": changes with every build, and between server runs.
  std::string generation() const;
  /// The diagnostics of the latest build.
  Diagnostics last_diagnostics() const;

 private:
  struct State;
  class Http;
  std::shared_ptr<const State> Current() const;
  Reply Respond(const RequestHead& head, std::string_view raw);
  Reply OpenEvents(const RequestHead& head);
  void Handle(const httplib::Request& req, httplib::Response& res);

  SiteBuilder builder_;
  ServeOptions opts_;
  std::unique_ptr<Http> http_;
  std::unique_ptr<Connections> connections_;
  std::thread listener_;
  std::atomic<bool> listen_returned_{false};
  int port_ = 0;
  std::string instance_;

  std::mutex build_mu_;  ///< serialises Rebuild()
  mutable std::mutex state_mu_;
  std::shared_ptr<const State> state_;

  std::mutex events_mu_;  ///< orders generations: a page's generation is never ahead of the streams'
  uint64_t events_generation_ = 0;
};

}  // namespace fazhi
