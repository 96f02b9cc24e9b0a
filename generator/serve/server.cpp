#include "serve/server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>

#include "core/messages.h"
#include "core/web.h"
#include "serve/messages.h"

namespace fazhi {

namespace {

constexpr std::string_view kLiveScript = R"JS((function () {
  // fazhi serve: reload when the site was rebuilt after this page was served.
  var me = document.currentScript;
  var own = me ? me.getAttribute('data-generation') : null;
  if (!window.EventSource) return;
  var es = new EventSource('/__fazhi/events');
  function check(e) {
    if (e.data !== own) { es.close(); location.reload(); }
  }
  es.addEventListener('hello', check);
  es.addEventListener('reload', check);
})();
)JS";

constexpr std::string_view kOverlayStyle =
    "<style>#fazhi-overlay{position:fixed;inset:0;z-index:2147483647;overflow:auto;"
    "background:rgba(24,24,24,.95);color:#f5f5f5;padding:2rem;font:16px/1.6 system-ui,sans-serif}"
    "#fazhi-overlay h2{color:#ff8a80;margin:0 0 .5rem;font-size:1.25rem}"
    "#fazhi-overlay pre{white-space:pre-wrap;font:14px/1.5 ui-monospace,monospace;"
    "background:#000;padding:1rem;border-left:4px solid #ff5252}</style>";

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Percent-encoded '.', '/', '\' and NUL: never needed in a site's URLs and
// the usual way to smuggle "../" past a check.
bool HasEncodedTraversal(std::string_view s) {
  std::string low = Lower(s);
  for (std::string_view bad : {"%2e", "%2f", "%5c", "%00"}) {
    if (low.find(bad) != std::string::npos) return true;
  }
  return false;
}

std::string ScriptTag(const std::string& generation) {
  return "<script src=\"" + std::string(kLiveScriptPath) + "\" data-generation=\"" + generation +
         "\"></script>";
}

// Shuts down (without closing: the owner still closes its descriptor) every
// connected socket of this process whose local port is `port`, i.e. the
// connections the server accepted.
void ShutdownAcceptedSockets(int port) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
    int fd = std::atoi(entry.path().filename().c_str());
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISSOCK(st.st_mode)) continue;
    sockaddr_storage local{}, peer{};
    socklen_t len = sizeof local, plen = sizeof peer;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &len) != 0) continue;
    int local_port = -1;
    if (local.ss_family == AF_INET) {
      local_port = ntohs(reinterpret_cast<sockaddr_in*>(&local)->sin_port);
    } else if (local.ss_family == AF_INET6) {
      local_port = ntohs(reinterpret_cast<sockaddr_in6*>(&local)->sin6_port);
    }
    if (local_port != port) continue;
    if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &plen) != 0) continue;  // the listener
    shutdown(fd, SHUT_RDWR);
  }
}

}  // namespace

struct PreviewServer::State {
  std::shared_ptr<const SiteFiles> files;  ///< last good site; null before the first
  std::string overlay;                     ///< "" while the latest build is good
  std::string generation;
  Diagnostics diags;
};

std::string ContentTypeFor(std::string_view path) {
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  std::string ext = (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
                        ? std::string()
                        : Lower(path.substr(dot + 1));
  static constexpr std::pair<std::string_view, std::string_view> kText[] = {
      {"html", "text/html"},      {"htm", "text/html"},       {"css", "text/css"},
      {"js", "text/javascript"},  {"mjs", "text/javascript"}, {"json", "application/json"},
      {"xml", "application/xml"}, {"svg", "image/svg+xml"},   {"csv", "text/csv"},
      {"txt", "text/plain"},      {"md", "text/markdown"},    {"webmanifest", "application/manifest+json"},
  };
  static constexpr std::pair<std::string_view, std::string_view> kBinary[] = {
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"avif", "image/avif"},
      {"ico", "image/x-icon"},
      {"woff2", "font/woff2"},
      {"woff", "font/woff"},
      {"pdf", "application/pdf"},
      {"zip", "application/zip"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
  };
  for (auto& [e, type] : kText) {
    if (e == ext) return std::string(type) + "; charset=utf-8";
  }
  for (auto& [e, type] : kBinary) {
    if (e == ext) return std::string(type);
  }
  return "application/octet-stream";
}

bool NormalizeRequestPath(std::string_view decoded, std::string_view raw_target, std::string* key) {
  std::string_view raw_path = raw_target.substr(0, raw_target.find_first_of("?#"));
  if (HasEncodedTraversal(raw_path) || HasEncodedTraversal(decoded)) return false;
  if (decoded.empty() || decoded.front() != '/') return false;
  for (unsigned char c : decoded) {
    if (c < 0x20 || c == 0x7f || c == '\\') return false;
  }
  // Every segment between slashes must be a plain name: no ".", "..", and no
  // empty segment ("//") except the one a trailing slash leaves.
  size_t start = 1;
  while (start <= decoded.size()) {
    size_t end = decoded.find('/', start);
    if (end == std::string_view::npos) end = decoded.size();
    std::string_view seg = decoded.substr(start, end - start);
    if (seg == "." || seg == "..") return false;
    if (seg.empty() && end != decoded.size()) return false;
    start = end + 1;
  }
  *key = std::string(decoded.substr(1));
  return true;
}

std::string InjectBeforeBodyEnd(std::string_view html, std::string_view snippet) {
  // Search from the end, case-insensitively, for "</body".
  size_t pos = std::string_view::npos;
  for (size_t i = html.size(); i >= 6; --i) {
    if (html[i - 6] == '<' && html[i - 5] == '/' && Lower(html.substr(i - 4, 4)) == "body") {
      pos = i - 6;
      break;
    }
  }
  std::string out;
  out.reserve(html.size() + snippet.size());
  if (pos == std::string_view::npos) {
    out.append(html).append(snippet);
  } else {
    out.append(html.substr(0, pos)).append(snippet).append(html.substr(pos));
  }
  return out;
}

namespace {

Message ErrorCount(size_t n) { return n == 1 ? Message(msg::kOneError) : Message(msg::kErrorCount, n); }

}  // namespace

std::string RenderOverlay(const Diagnostics& diags, bool have_site, Lang lang) {
  std::string out = "<div id=\"fazhi-overlay\" role=\"alert\">";
  out += kOverlayStyle;
  out +=
      "<h2>" + XmlEscape(Message(msg::kOverlayTitle, ErrorCount(diags.error_count())).Render(lang)) + "</h2>";
  out += "<p>" + XmlEscape(Message(have_site ? msg::kOverlayLastGood : msg::kOverlayNoSite).Render(lang)) +
         "</p>";
  out += "<pre>" + XmlEscape(diags.Format(lang)) + "</pre></div>";
  return out;
}

PreviewServer::PreviewServer(SiteBuilder builder, ServeOptions opts)
    : builder_(std::move(builder)), opts_(std::move(opts)) {
  // Distinguishes this run's generations from a previous run's, so a page
  // left open across a restart reloads once the new server is up.
  auto now = std::chrono::system_clock::now().time_since_epoch();
  char buf[32];
  std::snprintf(
      buf, sizeof buf, "%llx",
      static_cast<unsigned long long>(std::chrono::duration_cast<std::chrono::microseconds>(now).count()));
  instance_ = buf;
  auto st = std::make_shared<State>();
  st->generation = instance_ + ".0";
  state_ = st;
}

PreviewServer::~PreviewServer() { Stop(); }

std::shared_ptr<const PreviewServer::State> PreviewServer::Current() const {
  std::lock_guard<std::mutex> lock(state_mu_);
  return state_;
}

std::string PreviewServer::generation() const { return Current()->generation; }

Diagnostics PreviewServer::last_diagnostics() const { return Current()->diags; }

bool PreviewServer::Rebuild() {
  std::lock_guard<std::mutex> build_lock(build_mu_);
  auto t0 = std::chrono::steady_clock::now();
  auto files = std::make_shared<SiteFiles>();
  auto next = std::make_shared<State>();
  bool ok = false;
  try {
    ok = builder_(files.get(), &next->diags) && !next->diags.has_errors();
  } catch (const std::exception& e) {
    // The pipeline reports errors as values; should anything still throw,
    // the server shows it like any other error and keeps running.
    next->diags.Error("(fazhi)", 0, 0, Message(msg::kInternalError, e.what()));
  }
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  auto prev = Current();
  const Lang lang = opts_.lang ? opts_.lang() : Lang::kZh;
  if (ok) {
    next->files = std::move(files);
  } else {
    next->files = prev->files;
    next->overlay = RenderOverlay(next->diags, next->files != nullptr, lang);
  }
  {
    // Publish the site and the event generation together: a page that
    // carries generation N implies the stream already announces N.
    std::lock_guard<std::mutex> events_lock(events_mu_);
    next->generation = instance_ + "." + std::to_string(events_generation_ + 1);
    {
      std::lock_guard<std::mutex> lock(state_mu_);
      state_ = next;
    }
    ++events_generation_;
  }
  events_cv_.notify_all();
  if (opts_.log) {
    char millis[32];
    std::snprintf(millis, sizeof millis, "%.1f", ms);
    Message line = ok ? Message(msg::kServeBuilt, next->files->size(), millis)
                      : Message(msg::kServeFailed, ErrorCount(next->diags.error_count()), millis,
                                Message(next->files ? msg::kServeStillLastGood : msg::kServeErrorPage));
    opts_.log(!ok, next->diags.Format(lang) + line.Render(lang) + "\n");
  }
  return ok;
}

bool PreviewServer::Bind(Message* error) {
  http_ = std::make_unique<httplib::Server>();
  auto& s = *http_;
  // Each open reload stream holds a worker for as long as it is open, and
  // the compiled-in default pool has 8 threads (LIBRARIES.md §4).
  s.new_task_queue = [n = opts_.threads] { return new httplib::ThreadPool(n); };
  s.set_tcp_nodelay(true);
  s.set_keep_alive_max_count(1000);
  s.set_keep_alive_timeout(2);
  s.set_read_timeout(5, 0);
  s.set_write_timeout(5, 0);
  s.set_payload_max_length(16 * 1024);
  // httplib's default socket options add SO_REUSEPORT, which lets a second
  // server bind a port that is in use and silently share its traffic.
  s.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // Body-less GET/HEAD (every browser request) is answered before routing.
  // Anything with a body goes through routing, which reads it under the
  // payload limit (413 beyond it) before Handle() answers, so no unread body
  // is left on a keep-alive connection.
  s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (req.has_header("Transfer-Encoding") ||
        (req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0")) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    Handle(req, res);
    return httplib::Server::HandlerResponse::Handled;
  });
  auto handle = [this](const httplib::Request& req, httplib::Response& res) { Handle(req, res); };
  s.Get(".*", handle);
  s.Post(".*", handle);
  s.Put(".*", handle);
  s.Patch(".*", handle);
  s.Delete(".*", handle);
  s.Options(".*", handle);
  errno = 0;
  if (opts_.port == 0) {
    port_ = s.bind_to_any_port(opts_.host);
    if (port_ > 0) return true;
  } else if (s.bind_to_port(opts_.host, opts_.port)) {
    port_ = opts_.port;
    return true;
  }
  int err = errno;
  std::string where = opts_.host + ":" + std::to_string(opts_.port);
  if (err == EADDRINUSE) {
    *error = Message(msg::kPortInUse, where);
  } else {
    *error = Message(msg::kCannotListen, where, err ? std::strerror(err) : "?");
  }
  return false;
}

void PreviewServer::Start() {
  listener_ = std::thread([this] {
    // cpp-httplib 0.11 sends without MSG_NOSIGNAL, so a write to a closed
    // reload stream raises SIGPIPE. Block it here; the worker threads the
    // server creates from this thread inherit the mask, and write() then
    // just fails with EPIPE.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    http_->listen_after_bind();
    listen_returned_ = true;
  });
  // httplib 0.11 ignores stop() until the listen loop has begun, and then
  // blocks in accept() for good: wait for it here so Stop() always works.
  while (!http_->is_running() && !listen_returned_) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void PreviewServer::Stop() {
  {
    std::lock_guard<std::mutex> lock(events_mu_);
    closing_ = true;
  }
  events_cv_.notify_all();  // reload streams return at once instead of at their keepalive
  if (http_) {
    http_->stop();
    // A worker serving an idle keep-alive connection only notices the stop
    // when its keep-alive wait (seconds) ends; httplib 0.11 offers no way to
    // close those connections, so shut them down here.
    if (port_ > 0) ShutdownAcceptedSockets(port_);
  }
  if (listener_.joinable()) listener_.join();
}

void PreviewServer::ServeEvents(httplib::Response& res) {
  {
    std::lock_guard<std::mutex> lock(events_mu_);
    if (closing_ || open_streams_ >= opts_.max_event_streams) {
      res.status = 503;
      res.set_header("Retry-After", "2");
      res.set_content("too many open reload streams\n", "text/plain; charset=utf-8");
      return;
    }
    ++open_streams_;
  }
  res.set_header("Cache-Control", "no-store");
  const uint64_t kNone = ~uint64_t{0};
  res.set_chunked_content_provider(
      "text/event-stream",
      [this, sent = kNone](size_t, httplib::DataSink& sink) mutable {
        std::string msg;
        {
          std::unique_lock<std::mutex> lock(events_mu_);
          if (sent == kNone) {
            sent = events_generation_;
            msg = "retry: 500\nevent: hello\ndata: " + instance_ + "." + std::to_string(sent) + "\n\n";
          } else {
            events_cv_.wait_for(lock, opts_.keepalive,
                                [&] { return closing_ || events_generation_ != sent; });
            if (closing_) {
              lock.unlock();
              sink.done();
              return false;
            }
            if (events_generation_ != sent) {
              sent = events_generation_;
              msg = "event: reload\ndata: " + instance_ + "." + std::to_string(sent) + "\n\n";
            } else {
              msg = ": keepalive\n\n";
            }
          }
        }
        return sink.write(msg.data(), msg.size());
      },
      [this](bool) {
        std::lock_guard<std::mutex> lock(events_mu_);
        --open_streams_;
      });
}

void PreviewServer::Handle(const httplib::Request& req, httplib::Response& res) {
  if (req.method != "GET" && req.method != "HEAD") {
    res.status = 405;
    res.set_header("Allow", "GET, HEAD");
    res.set_content("method not allowed\n", "text/plain; charset=utf-8");
    return;
  }
  if (req.ranges.size() > 1) {  // multi-range amplification (LIBRARIES.md §4)
    res.status = 416;
    res.set_content("multiple ranges are not supported\n", "text/plain; charset=utf-8");
    return;
  }
  std::string key;
  if (!NormalizeRequestPath(req.path, req.target, &key)) {
    res.status = 400;
    res.set_content("bad request path\n", "text/plain; charset=utf-8");
    return;
  }
  if (key == kEventsPath.substr(1)) return ServeEvents(res);
  res.set_header("Cache-Control", "no-store");
  if (key == kLiveScriptPath.substr(1)) {
    res.set_content(kLiveScript.data(), kLiveScript.size(), ContentTypeFor("live.js"));
    return;
  }
  auto st = Current();
  std::string tail = st->overlay + ScriptTag(st->generation);
  if (!st->files) {  // no good build yet: the error page on every path
    res.status = st->overlay.empty() ? 503 : 500;
    res.set_content(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>fazhi</title>"
        "</head><body>" +
            tail + "</body></html>\n",
        ContentTypeFor(".html"));
    return;
  }
  const SiteFiles& files = *st->files;
  std::string lookup = key.empty() || key.back() == '/' ? key + "index.html" : key;
  auto it = files.find(lookup);
  if (it == files.end() && !key.empty() && key.back() != '/' && files.count(key + "/index.html")) {
    // A folder: redirect to the slash form so relative links resolve.
    std::string_view raw = req.target;
    size_t q = raw.find('?');
    std::string location = std::string(raw.substr(0, q)) + "/";
    if (q != std::string_view::npos) location += raw.substr(q);
    res.status = 301;
    res.set_header("Location", location);
    return;
  }
  if (it == files.end()) {
    res.status = 404;
    it = files.find("404.html");
    if (it == files.end()) {
      res.set_content(InjectBeforeBodyEnd("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta "
                                          "charset=\"utf-8\"><title>404</title></head><body>"
                                          "<h1>404</h1></body></html>\n",
                                          tail),
                      ContentTypeFor(".html"));
      return;
    }
  }
  std::string type = ContentTypeFor(it->first);
  if (EndsWith(it->first, ".html")) {
    res.set_content(InjectBeforeBodyEnd(*it->second, tail), type);
  } else {
    res.set_content(*it->second, type);
  }
}

}  // namespace fazhi
