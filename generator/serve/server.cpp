#include "serve/server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <exception>

#include "core/messages.h"
#include "core/os_error.h"
#include "core/web.h"
#include "serve/messages.h"
#include "serve/request_head.h"
#include "serve/review.h"

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

constexpr size_t kMaxBody = 16 * 1024;

// The client asked to close after this request (or speaks HTTP/1.0 without
// keep-alive).
bool WantsClose(const RequestHead& head) {
  std::string v = Lower(head.Field("Connection"));
  return v == "close" || (head.version == "HTTP/1.0" && v != "keep-alive");
}

// A reply fazhi writes itself, without httplib: refusals and 416.
std::string SimpleReply(const RequestHead& head, int status, std::string_view reason, std::string_view body,
                        bool close, std::string_view extra_headers = "") {
  if (WantsClose(head)) close = true;
  std::string out = "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason) + "\r\n";
  if (!body.empty()) out += "Content-Type: text/plain; charset=utf-8\r\n";
  out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  out += extra_headers;
  if (close) out += "Connection: close\r\n";
  out += "\r\n";
  if (head.method != "HEAD") out += body;
  return out;
}

// The bytes of one request head for httplib to parse; what it writes is
// collected, to be sent by Connections without blocking a worker.
class HeadStream : public httplib::Stream {
 public:
  HeadStream(std::string_view in, std::string* out) : in_(in), out_(out) {}
  bool is_readable() const override { return pos_ < in_.size(); }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    size_t n = std::min(size, in_.size() - pos_);
    std::memcpy(ptr, in_.data() + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    out_->append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip.clear();
    port = 0;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip.clear();
    port = 0;
  }
  socket_t socket() const override { return INVALID_SOCKET; }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  std::string* out_;
};

// httplib's accept loop hands each socket to its task queue; this one runs
// the task at once, and the task (process_and_close_socket, below) only
// passes the socket on to Connections.
class InlineQueue : public httplib::TaskQueue {
 public:
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override {}
};

}  // namespace

// httplib's server, used for what it is good at (parsing a request,
// routing, ranges, writing a response) on bytes Connections has framed.
class PreviewServer::Http : public httplib::Server {
 public:
  Connections* connections = nullptr;

  /// httplib 0.11 listens with a backlog of 5: a burst of connections (a
  /// page with many assets, or a flood) would see SYNs dropped and retried
  /// a second later. listen() again only changes the backlog.
  void WidenBacklog() { ::listen(svr_sock_, SOMAXCONN); }

  /// Answers the request in `raw` (one complete head) into `out`.
  void Process(std::string_view raw, std::string* out, bool* close) {
    HeadStream strm(raw, out);
    bool closed = false;
    bool ok = process_request(strm, false, closed, nullptr);
    *close = closed || !ok;
  }

 private:
  bool process_and_close_socket(socket_t sock) override {
    connections->Adopt(sock);
    return true;
  }
};

struct PreviewServer::State {
  std::shared_ptr<const SiteFiles> files;  ///< last good site; null before the first
  std::string overlay;                     ///< "" while the latest build is good
  std::string generation;
  // All of them, for /_review/; the terminal and the overlay show kShownDiagnostics.
  Diagnostics diags{SIZE_MAX};
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
      {"ofd", "application/ofd"},
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
  out += "<pre>" + XmlEscape(diags.Format(lang, kShownDiagnostics)) + "</pre></div>";
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
  // A build that handed back the last good site as it was, with the same
  // messages (the session when a batch held only files that came and went),
  // publishes nothing: open pages are not reloaded for it.
  if (ok && prev->files && prev->overlay.empty() && files->SameAs(*prev->files) &&
      next->diags.Format(Lang::kZh, SIZE_MAX) == prev->diags.Format(Lang::kZh, SIZE_MAX)) {
    return true;
  }
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
    if (connections_) {
      connections_->Broadcast(events_generation_, "event: reload\ndata: " + next->generation + "\n\n");
    }
  }
  if (opts_.log) {
    char millis[32];
    std::snprintf(millis, sizeof millis, "%.1f", ms);
    Message line = ok ? Message(msg::kServeBuilt, next->files->size(), millis)
                      : Message(msg::kServeFailed, ErrorCount(next->diags.error_count()), millis,
                                Message(next->files ? msg::kServeStillLastGood : msg::kServeErrorPage));
    opts_.log(!ok, next->diags.Format(lang, kShownDiagnostics) + line.Render(lang) + "\n");
  }
  return ok;
}

namespace {

// Whether `host` names an address at all. httplib reports a name that does
// not resolve only by failing, and what errno holds then depends on the
// machine's resolver (EINVAL on one, 0 on another), so it is asked here.
bool Resolves(const std::string& host) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  const int rc = getaddrinfo(host.empty() ? nullptr : host.c_str(), "0", &hints, &found);
  if (found) freeaddrinfo(found);
  return rc == 0;
}

}  // namespace

bool PreviewServer::Bind(Message* error) {
  if (!Resolves(opts_.host)) {
    *error = Message(msg::kHostNotHere, opts_.host + ":" + std::to_string(opts_.port), opts_.host);
    return false;
  }
  http_ = std::make_unique<Http>();
  auto& s = *http_;
  s.new_task_queue = [] { return new InlineQueue; };
  s.set_keep_alive_max_count(1000);
  s.set_keep_alive_timeout(static_cast<time_t>(
      std::chrono::duration_cast<std::chrono::seconds>(opts_.limits.idle_timeout).count()));
  s.set_payload_max_length(kMaxBody);
  // httplib's default socket options add SO_REUSEPORT, which lets a second
  // server bind a port that is in use and silently share its traffic.
  s.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // Respond() has refused every request with a body, so routing needs no
  // body reader: every request is answered here.
  s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    Handle(req, res);
    return httplib::Server::HandlerResponse::Handled;
  });
  errno = 0;
  if (opts_.port == 0) {
    port_ = s.bind_to_any_port(opts_.host);
    if (port_ > 0) {
      http_->WidenBacklog();
      return true;
    }
  } else if (s.bind_to_port(opts_.host, opts_.port)) {
    port_ = opts_.port;
    http_->WidenBacklog();
    return true;
  }
  int err = errno;
  std::string where = opts_.host + ":" + std::to_string(opts_.port);
  if (err == EADDRINUSE) {
    *error = Message(msg::kPortInUse, where);
  } else if (err == EADDRNOTAVAIL || err == EINVAL) {
    // Not an address of this machine.
    *error = Message(msg::kHostNotHere, where, opts_.host);
  } else {
    *error = Message(msg::kCannotListen, where, OsError(err));
  }
  return false;
}

void PreviewServer::Start() {
  ConnectionLimits limits = opts_.limits;
  limits.workers = opts_.threads;
  limits.max_event_streams = opts_.max_event_streams;
  limits.keepalive = opts_.keepalive;
  {
    std::lock_guard<std::mutex> lock(events_mu_);
    connections_ = std::make_unique<Connections>(
        limits, [this](const RequestHead& head, std::string_view raw) { return Respond(head, raw); });
  }
  connections_->Start();
  http_->connections = connections_.get();
  listener_ = std::thread([this] {
    http_->listen_after_bind();
    listen_returned_ = true;
  });
  // httplib 0.11 ignores stop() until the listen loop has begun, and then
  // blocks in accept() for good: wait for it here so Stop() always works.
  while (!http_->is_running() && !listen_returned_) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void PreviewServer::Stop() {
  if (http_) http_->stop();
  if (listener_.joinable()) listener_.join();
  // Reload streams end with their closing chunk; every connection closes.
  if (connections_) connections_->Stop();
}

Reply PreviewServer::OpenEvents(const RequestHead& head) {
  Reply r;
  if (!connections_->ReserveEventStream()) {
    r.bytes = SimpleReply(head, 503, "Service Unavailable", "too many open reload streams\n", true,
                          "Retry-After: 2\r\n");
    r.close = true;
    return r;
  }
  r.events = true;
  std::string hello;
  {
    std::lock_guard<std::mutex> lock(events_mu_);
    r.events_generation = events_generation_;
    hello =
        "retry: 500\nevent: hello\ndata: " + instance_ + "." + std::to_string(events_generation_) + "\n\n";
  }
  char size[20];
  std::snprintf(size, sizeof size, "%zx\r\n", hello.size());
  r.bytes =
      "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n"
      "Transfer-Encoding: chunked\r\n\r\n" +
      std::string(size) + hello + "\r\n";
  return r;
}

// Decides what httplib never sees: requests for another host (DNS
// rebinding), bodies, other methods, multiple ranges, the reload stream.
Reply PreviewServer::Respond(const RequestHead& head, std::string_view raw) {
  Reply r;
  auto refuse = [&](int status, std::string_view reason, std::string_view body, bool close,
                    std::string_view extra = "") {
    r.bytes = SimpleReply(head, status, reason, body, close, extra);
    r.close = close || WantsClose(head);
    return r;
  };
  size_t hosts = head.Count("Host");
  if (hosts > 1 || (hosts == 0 && head.version == "HTTP/1.1")) {
    return refuse(400, "Bad Request", "400 请求须有且只有一个 Host 头 (one Host field required)\n", true);
  }
  if (hosts == 1 && !IsAllowedHost(head.Field("Host"), opts_.host)) {
    return refuse(
        403, "Forbidden",
        "403 fazhi serve 只回答以 IP 地址或 localhost 访问的请求，以防别的网页借 DNS 重绑定读取预览 "
        "(this preview answers only requests for an IP address or localhost)\n",
        true);
  }
  long long body = AnnouncedBodyLength(head);
  bool get_or_head = head.method == "GET" || head.method == "HEAD";
  // A body is never read: the reply goes out and the connection closes.
  if (body < 0) return refuse(400, "Bad Request", "400 Content-Length 无效 (bad Content-Length)\n", true);
  if (body > static_cast<long long>(kMaxBody)) {
    return refuse(413, "Payload Too Large", "413 请求正文过大 (payload too large)\n", true);
  }
  if (body > 0 && get_or_head) {
    return refuse(400, "Bad Request", "400 GET 请求不能带正文 (a GET with a body)\n", true);
  }
  if (!get_or_head) {
    return refuse(405, "Method Not Allowed", "method not allowed\n", body > 0, "Allow: GET, HEAD\r\n");
  }
  if (CountRanges(head.Field("Range")) > 1) {
    // Multiple ranges would make a multipart body many times the request's
    // size (LIBRARIES.md §4): an empty 416 instead.
    return refuse(416, "Range Not Satisfiable", "", false);
  }
  std::string_view path = std::string_view(head.target).substr(0, head.target.find_first_of("?#"));
  if (head.method == "GET" && path == kEventsPath) return OpenEvents(head);
  http_->Process(raw, &r.bytes, &r.close);
  return r;
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
  if (key == kEventsPath.substr(1)) {  // HEAD: the GET is a stream (OpenEvents)
    res.set_content("", "text/event-stream");
    return;
  }
  res.set_header("Cache-Control", "no-store");
  if (key == kLiveScriptPath.substr(1)) {
    res.set_content(kLiveScript.data(), kLiveScript.size(), ContentTypeFor("live.js"));
    return;
  }
  auto st = Current();
  // The editor's view of the build: served here only, never in the built site.
  if (key == kReviewPath.substr(1) || key + "/" == kReviewPath.substr(1)) {
    res.set_content(InjectBeforeBodyEnd(RenderReviewPage(st->diags), ScriptTag(st->generation)),
                    ContentTypeFor(".html"));
    return;
  }
  std::string tail = st->overlay + RenderReviewBadge(st->diags) + ScriptTag(st->generation);
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
  std::string path = key.empty() || key.back() == '/' ? key + "index.html" : key;
  const SiteFiles::Bytes* bytes = files.Find(path);
  if (!bytes && !key.empty() && key.back() != '/' && files.Contains(key + "/index.html")) {
    // A folder: redirect to the slash form so relative links resolve.
    std::string_view raw = req.target;
    size_t q = raw.find('?');
    std::string location = std::string(raw.substr(0, q)) + "/";
    if (q != std::string_view::npos) location += raw.substr(q);
    res.status = 301;
    res.set_header("Location", location);
    return;
  }
  if (!bytes) {
    res.status = 404;
    path = "404.html";
    bytes = files.Find(path);
    if (!bytes) {
      res.set_content(InjectBeforeBodyEnd("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta "
                                          "charset=\"utf-8\"><title>404</title></head><body>"
                                          "<h1>404</h1></body></html>\n",
                                          tail),
                      ContentTypeFor(".html"));
      return;
    }
  }
  std::string type = ContentTypeFor(path);
  if (EndsWith(path, ".html")) {
    res.set_content(InjectBeforeBodyEnd(**bytes, tail), type);
  } else {
    res.set_content(**bytes, type);
  }
}

}  // namespace fazhi
