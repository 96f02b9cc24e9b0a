// PreviewServer on an ephemeral loopback port, driven with httplib::Client.
// The site comes from a small fake builder over in-memory sources, so these
// tests pin the server's behaviour independently of the real pipeline.
#include "serve/server.h"
#include "serve/raw_http_test_client.h"
#include "serve/request_head.h"
#include "serve/review.h"
#include "serve/sse_test_client.h"

#include <doctest/doctest.h>
#include <httplib.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace fazhi {
namespace {

constexpr MessageText kUnknownWord{"不认识的词 <BROKEN>", "unknown word <BROKEN>"};
using namespace std::chrono_literals;

// content/<name>.md → <name>/index.html (content/index.md → index.html).
// A line containing BROKEN is an error at the column where BROKEN starts.
struct FakeSite {
  std::mutex mu;
  std::map<std::string, std::string> sources = {
      {"content/index.md", "home page\n"},
      {"content/about.md", "about page\n"},
      {"content/404.md", "not found page\n"},
      {"static/style.css", "body{}\n"},
  };
  void Set(const std::string& path, const std::string& text) {
    std::lock_guard<std::mutex> lock(mu);
    sources[path] = text;
  }
  SiteBuilder Builder() {
    return [this](SiteFiles* out, Diagnostics* diags) {
      std::lock_guard<std::mutex> lock(mu);
      for (auto& [path, text] : sources) {
        if (path.rfind("static/", 0) == 0) {
          out->Set(path.substr(7), std::make_shared<const std::string>(text));
          continue;
        }
        size_t at = text.find("BROKEN");
        if (at != std::string::npos) {
          int line = 0, col = 0;
          OffsetToLineCol(text, at, &line, &col);
          diags->Error(path, line, col, Message(kUnknownWord), text);
          continue;
        }
        std::string name = path.substr(8, path.size() - 8 - 3);
        std::string key = name == "index" ? "index.html" : name == "404" ? "404.html" : name + "/index.html";
        out->Set(key, std::make_shared<const std::string>("<!DOCTYPE html><html><body><p>" + text +
                                                          "</p></body></html>\n"));
      }
      return !diags->has_errors();
    };
  }
};

std::string Get(std::string_view path, std::string_view host = "127.0.0.1", std::string_view extra = "") {
  return "GET " + std::string(path) + " HTTP/1.1\r\nHost: " + std::string(host) + "\r\n" +
         std::string(extra) + "\r\n";
}

struct Running {
  explicit Running(FakeSite* site, ServeOptions opts = {}) {
    opts.port = 0;
    opts.keepalive = 300ms;
    server = std::make_unique<PreviewServer>(site->Builder(), opts);
    server->Rebuild();
    Message error;
    REQUIRE(server->Bind(&error));
    server->Start();
  }
  httplib::Client Client() {
    httplib::Client c("127.0.0.1", server->port());
    c.set_read_timeout(5, 0);
    return c;
  }
  std::unique_ptr<PreviewServer> server;
};

}  // namespace

TEST_CASE("serve: NormalizeRequestPath rejects traversal in every form") {
  std::string key;
  CHECK(NormalizeRequestPath("/", "/", &key));
  CHECK(key == "");
  CHECK(NormalizeRequestPath("/reports/2024/", "/reports/2024/?x=1", &key));
  CHECK(key == "reports/2024/");
  CHECK(NormalizeRequestPath("/报告/", "/%E6%8A%A5%E5%91%8A/", &key));
  CHECK(key == "报告/");
  CHECK_FALSE(NormalizeRequestPath("/../etc/passwd", "/../etc/passwd", &key));
  CHECK_FALSE(NormalizeRequestPath("/a/../../x", "/a/../../x", &key));
  CHECK_FALSE(NormalizeRequestPath("/./a", "/./a", &key));
  CHECK_FALSE(NormalizeRequestPath("/../x", "/%2e%2E/x", &key));
  CHECK_FALSE(NormalizeRequestPath("/a/x", "/a%2fx", &key));
  CHECK_FALSE(NormalizeRequestPath("/%2e%2e/x", "/%252e%252e/x", &key));  // double-encoded
  CHECK_FALSE(NormalizeRequestPath("/..\\x", "/..%5cx", &key));
  CHECK_FALSE(NormalizeRequestPath("/a\\b", "/a\\b", &key));
  CHECK_FALSE(NormalizeRequestPath(std::string_view("/a\0b", 4), "/a%00b", &key));
  CHECK_FALSE(NormalizeRequestPath("//etc/passwd", "//etc/passwd", &key));
  CHECK_FALSE(NormalizeRequestPath("a", "a", &key));
}

TEST_CASE("serve: ContentTypeFor adds charset=utf-8 to text types only") {
  CHECK(ContentTypeFor("index.html") == "text/html; charset=utf-8");
  CHECK(ContentTypeFor("a/style.css") == "text/css; charset=utf-8");
  CHECK(ContentTypeFor("app.js") == "text/javascript; charset=utf-8");
  CHECK(ContentTypeFor("data.json") == "application/json; charset=utf-8");
  CHECK(ContentTypeFor("feed.xml") == "application/xml; charset=utf-8");
  CHECK(ContentTypeFor("chart.svg") == "image/svg+xml; charset=utf-8");
  CHECK(ContentTypeFor("indicators.csv") == "text/csv; charset=utf-8");
  CHECK(ContentTypeFor("robots.txt") == "text/plain; charset=utf-8");
  CHECK(ContentTypeFor("logo.PNG") == "image/png");
  CHECK(ContentTypeFor("dir.x/file") == "application/octet-stream");
}

TEST_CASE("serve: InjectBeforeBodyEnd uses the last </body>, any case") {
  CHECK(InjectBeforeBodyEnd("<p>&lt;/body></p></BODY></html>", "X") == "<p>&lt;/body></p>X</BODY></html>");
  CHECK(InjectBeforeBodyEnd("no body", "X") == "no bodyX");
}

TEST_CASE("serve: a page is fetched, with the reload script and charset") {
  FakeSite site;
  Running run(&site);
  auto cli = run.Client();
  auto res = cli.Get("/about/");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(res->get_header_value("Cache-Control") == "no-store");
  CHECK(res->body == "<!DOCTYPE html><html><body><p>about page\n</p>" + RenderReviewBadge(Diagnostics()) +
                         "<script src=\"/__fazhi/live.js\" data-generation=\"" + run.server->generation() +
                         "\"></script></body></html>\n");
  res = cli.Get("/");
  REQUIRE(res);
  CHECK(res->body.find("home page") != std::string::npos);
  res = cli.Get("/style.css");
  REQUIRE(res);
  CHECK(res->body == "body{}\n");  // nothing injected outside HTML
  CHECK(res->get_header_value("Content-Type") == "text/css; charset=utf-8");
  res = cli.Get("/__fazhi/live.js");
  REQUIRE(res);
  CHECK(res->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
  CHECK(res->body.find("new EventSource('/__fazhi/events')") != std::string::npos);
}

TEST_CASE("serve: /dir redirects to /dir/, unknown paths get the site's 404 page") {
  FakeSite site;
  Running run(&site);
  auto cli = run.Client();
  auto res = cli.Get("/about?x=1");
  REQUIRE(res);
  CHECK(res->status == 301);
  CHECK(res->get_header_value("Location") == "/about/?x=1");
  res = cli.Get("/nope/");
  REQUIRE(res);
  CHECK(res->status == 404);
  CHECK(res->body.find("not found page") != std::string::npos);
  CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
}

TEST_CASE("serve: traversal, multi-range, bodies and other methods are refused") {
  FakeSite site;
  Running run(&site);
  auto cli = run.Client();
  for (const char* path :
       {"/../site.toml", "/%2e%2e/site.toml", "/%2E%2E%2Fsite.toml", "/about/..%2f..%2fsite.toml",
        "/..%5csite.toml", "/a%00.html", "/%252e%252e/site.toml", "/about/./"}) {
    CAPTURE(path);
    auto res = cli.Get(path);
    REQUIRE(res);
    CHECK(res->status >= 400);
    CHECK(res->status < 500);
  }
  auto res = cli.Get("/about/", {{"Range", "bytes=0-1,0-2"}});
  REQUIRE(res);
  CHECK(res->status == 416);
  CHECK(res->body.empty());
  res = cli.Get("/style.css", {{"Range", "bytes=0-3"}});
  REQUIRE(res);
  CHECK(res->status == 206);
  CHECK(res->body == "body");
  res = cli.Post("/about/", std::string(size_t{64} * 1024, 'x'), "text/plain");
  REQUIRE(res);
  CHECK(res->status == 413);
  res = cli.Post("/about/", "x", "text/plain");
  REQUIRE(res);
  CHECK(res->status == 405);
}

TEST_CASE("serve: a rebuild sends a reload event carrying the new generation") {
  FakeSite site;
  Running run(&site);
  EventClient events(run.server->port());
  std::string first = run.server->generation();
  CHECK(events.Next() == "hello " + first);
  site.Set("content/about.md", "about, edited\n");
  run.server->Rebuild();
  CHECK(events.Next() == "reload " + run.server->generation());
  CHECK(run.server->generation() != first);
  auto res = run.Client().Get("/about/");
  REQUIRE(res);
  CHECK(res->body.find("about, edited") != std::string::npos);
}

TEST_CASE("serve: a build that hands back the last site unchanged publishes nothing") {
  // As the session does when a batch held only files that came and went.
  SiteFiles kept(SiteFiles::Map{{"index.html", std::make_shared<const std::string>("<p>home</p>\n")}});
  bool warn = false;
  PreviewServer server(
      [&](SiteFiles* files, Diagnostics* diags) {
        *files = kept;
        if (warn) diags->Warning("content/a.md", 1, 1, Message::Verbatim("注意"), "");
        return true;
      },
      ServeOptions{});
  REQUIRE(server.Rebuild());
  const std::string first = server.generation();
  CHECK(server.Rebuild());
  CHECK(server.generation() == first);  // no new generation, so no reload
  // The same files with another message are a new build (the review page shows it) …
  warn = true;
  CHECK(server.Rebuild());
  CHECK(server.generation() != first);
  // … and so are other files.
  const std::string second = server.generation();
  kept.Set("about/index.html", std::make_shared<const std::string>("<p>about</p>\n"));
  warn = false;
  CHECK(server.Rebuild());
  CHECK(server.generation() != second);
}

TEST_CASE("serve: a broken edit shows the overlay on the last good page, the fix removes it") {
  FakeSite site;
  Running run(&site);
  auto cli = run.Client();
  site.Set("content/about.md", "line one\nsay BROKEN here\n");
  CHECK_FALSE(run.server->Rebuild());
  const std::string formatted =
      "content/about.md:2:5: 不认识的词 &lt;BROKEN&gt;\n  say BROKEN here\n      ^\n";
  CHECK(run.server->last_diagnostics().Format() ==
        "content/about.md:2:5: 不认识的词 <BROKEN>\n  say BROKEN here\n      ^\n");
  auto res = cli.Get("/about/");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->body.find("about page") != std::string::npos);  // the last good page
  CHECK(res->body.find("<pre>" + formatted + "</pre>") != std::string::npos);
  CHECK(res->body.find("<h2>构建失败：1 "
                       "个错误</h2><p>下面是上一次成功构建的页面。修正错误并保存后，页面会自动刷新。</p>") !=
        std::string::npos);
  res = cli.Get("/");  // every HTML page carries it
  REQUIRE(res);
  CHECK(res->body.find(formatted) != std::string::npos);
  res = cli.Get("/style.css");  // but no other file
  REQUIRE(res);
  CHECK(res->body == "body{}\n");

  site.Set("content/about.md", "about, fixed\n");
  CHECK(run.server->Rebuild());
  res = cli.Get("/about/");
  REQUIRE(res);
  CHECK(res->body.find("about, fixed") != std::string::npos);
  CHECK(res->body.find("fazhi-overlay") == std::string::npos);
}

TEST_CASE("serve: the overlay and the log speak the language the options ask for") {
  FakeSite site;
  site.Set("content/index.md", "BROKEN\n");
  ServeOptions opts;
  opts.lang = [] { return Lang::kEn; };
  std::string logged;
  opts.log = [&](bool, const std::string& text) { logged += text; };
  Running run(&site, opts);
  auto res = run.Client().Get("/");
  REQUIRE(res);
  CHECK(res->body.find("<h2>Build failed: 1 error</h2>") != std::string::npos);
  CHECK(res->body.find("content/index.md:1:1: unknown word &lt;BROKEN&gt;") != std::string::npos);
  CHECK(logged.find("content/index.md:1:1: unknown word <BROKEN>\n") == 0);
  CHECK(logged.find("fazhi: build failed (1 error) in ") != std::string::npos);
  CHECK(logged.find("; serving the error page\n") != std::string::npos);
}

TEST_CASE("serve: a failed first build serves the overlay on every path") {
  FakeSite site;
  site.Set("content/index.md", "BROKEN\n");
  ServeOptions opts;
  std::string logged;
  opts.log = [&](bool, const std::string& text) { logged += text; };
  Running run(&site, opts);
  CHECK(logged.find("content/index.md:1:1: 不认识的词 <BROKEN>\n") == 0);
  CHECK(logged.find("fazhi：构建失败（1 个错误），用时 ") != std::string::npos);
  CHECK(logged.ends_with(" 毫秒；先显示错误页\n"));
  auto cli = run.Client();
  for (const char* path : {"/", "/about/", "/style.css", "/missing"}) {
    CAPTURE(path);
    auto res = cli.Get(path);
    REQUIRE(res);
    CHECK(res->status == 500);
    CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(res->body.find("content/index.md:1:1: 不认识的词 &lt;BROKEN&gt;") != std::string::npos);
    CHECK(res->body.find("<p>网站还没有成功构建过。修正错误并保存后，页面会自动刷新。</p>") !=
          std::string::npos);
    CHECK(res->body.find("/__fazhi/live.js") != std::string::npos);
  }
  site.Set("content/index.md", "home again\n");
  CHECK(run.server->Rebuild());
  auto res = cli.Get("/");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->body.find("home again") != std::string::npos);
}

TEST_CASE("serve: a builder that throws is reported like an error and the server keeps going") {
  bool throw_now = false;
  FakeSite site;
  SiteBuilder inner = site.Builder();
  PreviewServer server(
      [&](SiteFiles* files, Diagnostics* diags) {
        if (throw_now) throw std::runtime_error("boom");
        return inner(files, diags);
      },
      ServeOptions{});
  CHECK(server.Rebuild());
  throw_now = true;
  CHECK_FALSE(server.Rebuild());
  CHECK(server.last_diagnostics().Format() == "(fazhi): 构建时发生内部错误：boom\n");
  throw_now = false;
  CHECK(server.Rebuild());
}

TEST_CASE("serve: 40 open reload streams do not block a page request") {
  FakeSite site;
  Running run(&site);
  std::vector<std::unique_ptr<EventClient>> tabs;
  tabs.reserve(40);
  for (int i = 0; i < 40; ++i) tabs.push_back(std::make_unique<EventClient>(run.server->port()));
  for (auto& t : tabs) REQUIRE(t->Next().rfind("hello ", 0) == 0);  // all 40 are connected
  auto cli = run.Client();
  cli.set_read_timeout(20, 0);
  auto t0 = std::chrono::steady_clock::now();
  auto res = cli.Get("/about/");
  REQUIRE(res);
  CHECK(res->status == 200);
  // Streams holding threads would block the request for good; 5 s is far
  // over scheduling delay on a loaded machine.
  CHECK(std::chrono::steady_clock::now() - t0 < 5s);
  run.server->Rebuild();  // and every one of them hears about a rebuild
  for (auto& t : tabs) CHECK(t->Next().rfind("reload ", 0) == 0);
}

TEST_CASE("serve: reload streams beyond the cap get 503 and pages still load") {
  FakeSite site;
  ServeOptions opts;
  opts.threads = 6;
  opts.max_event_streams = 2;
  Running run(&site, opts);
  EventClient a(run.server->port()), b(run.server->port());
  REQUIRE(a.Next().rfind("hello", 0) == 0);
  REQUIRE(b.Next().rfind("hello", 0) == 0);
  EventClient c(run.server->port());
  CHECK(c.WaitEnded(3s) == 503);
  auto res = run.Client().Get("/");
  REQUIRE(res);
  CHECK(res->status == 200);
}

TEST_CASE("serve: Stop is prompt with open reload streams and idle keep-alive connections") {
  FakeSite site;
  Running run(&site);
  std::vector<std::unique_ptr<EventClient>> tabs;
  tabs.reserve(32);
  for (int i = 0; i < 32; ++i) tabs.push_back(std::make_unique<EventClient>(run.server->port()));
  for (auto& t : tabs) REQUIRE(t->Next().rfind("hello ", 0) == 0);
  auto cli = run.Client();
  cli.set_keep_alive(true);
  REQUIRE(cli.Get("/"));  // leaves an idle keep-alive connection open
  auto t0 = std::chrono::steady_clock::now();
  run.server->Stop();
  auto took = std::chrono::steady_clock::now() - t0;
  CHECK(took < 1s);
  for (auto& t : tabs) CHECK(t->WaitEnded(2s) != 0);
}

TEST_CASE("serve: a port in use is a clear error") {
  FakeSite site;
  Running run(&site);
  ServeOptions opts;
  opts.port = run.server->port();
  PreviewServer second(site.Builder(), opts);
  Message error;
  CHECK_FALSE(second.Bind(&error));
  CHECK(error.Render() ==
        "无法在 127.0.0.1:" + std::to_string(opts.port) + " 上监听：端口已被占用（可以用 --port 换一个）");
  CHECK(error.Render(Lang::kEn) == "cannot listen on 127.0.0.1:" + std::to_string(opts.port) +
                                       ": the port is already in use (choose another with --port)");
}

TEST_CASE("serve: a --host that is not this machine's address is named, with what to write") {
  FakeSite site;
  for (const char* host : {"192.0.2.1", "999.1.1.1"}) {  // TEST-NET-1, and no address at all
    ServeOptions opts;
    opts.host = host;
    opts.port = 0;
    PreviewServer server(site.Builder(), opts);
    Message error;
    CHECK_FALSE(server.Bind(&error));
    CHECK(error.Render() == "无法在 " + std::string(host) + ":0 上监听：这台电脑没有“" + host +
                                "”这个地址；--host 要写本机的地址，例如 127.0.0.1（只有本机能看）或 "
                                "0.0.0.0（局域网里的电脑也能看）");
  }
}

TEST_CASE("serve: IsAllowedHost takes IP literals, localhost and the --host name only") {
  CHECK(IsAllowedHost("127.0.0.1:1313", "127.0.0.1"));
  CHECK(IsAllowedHost("127.0.0.1", "127.0.0.1"));
  CHECK(IsAllowedHost("localhost:1313", "127.0.0.1"));
  CHECK(IsAllowedHost("LOCALHOST.", "127.0.0.1"));
  CHECK(IsAllowedHost("[::1]:1313", "127.0.0.1"));
  CHECK(IsAllowedHost("192.168.1.20:1313", "0.0.0.0"));  // a LAN preview with --host 0.0.0.0
  CHECK(IsAllowedHost("preview.lan:1313", "preview.lan"));
  CHECK_FALSE(IsAllowedHost("evil.example:1313", "127.0.0.1"));
  CHECK_FALSE(IsAllowedHost("127.0.0.1.evil.example", "127.0.0.1"));
  CHECK_FALSE(IsAllowedHost("localhost.evil.example", "127.0.0.1"));
  CHECK_FALSE(IsAllowedHost("[::1", "127.0.0.1"));
  CHECK_FALSE(IsAllowedHost("127.0.0.1:x", "127.0.0.1"));
  CHECK_FALSE(IsAllowedHost("", "127.0.0.1"));
}

TEST_CASE("serve: ParseRequestHead frames heads, a byte at a time too, within its limits") {
  HeadLimits limits;
  limits.max_fields = 3;
  limits.max_bytes = 200;
  std::string req = "GET /a?x=1 HTTP/1.1\r\nHost: h\r\nX-A:  1 \r\n\r\nGET /b";
  RequestHead head;
  HeadScan scan;
  for (size_t n = 1; n < req.size(); ++n) {
    HeadStatus st = ParseRequestHead(std::string_view(req).substr(0, n), limits, &scan, &head);
    if (n < req.find("\r\n\r\n") + 4) REQUIRE(st == HeadStatus::kIncomplete);
    if (st == HeadStatus::kComplete) break;
  }
  CHECK(head.method == "GET");
  CHECK(head.target == "/a?x=1");
  CHECK(head.Field("x-a") == "1");
  CHECK(head.size == req.find("GET /b"));
  auto parse = [&](std::string_view s) {
    HeadScan fresh;
    return ParseRequestHead(s, limits, &fresh, &head);
  };
  CHECK(parse("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n") == HeadStatus::kTooLarge);
  CHECK(parse("GET / HTTP/1.1\r\nA: " + std::string(300, 'x')) == HeadStatus::kTooLarge);
  CHECK(parse("GET / HTTP/1.1\nHost: h\n\n") == HeadStatus::kBad);
  CHECK(parse("GET / HTTP/2.0\r\n\r\n") == HeadStatus::kBadVersion);
  CHECK(parse("GET /\r\n\r\n") == HeadStatus::kBad);
  CHECK(parse("GET / HTTP/1.1\r\n folded\r\n\r\n") == HeadStatus::kBad);
  CHECK(parse("GET / HTTP/1.1\r\nA\x01: b\r\n\r\n") == HeadStatus::kBad);
  CHECK(parse("\r\n\r\nGET / HTTP/1.1\r\n\r\n") == HeadStatus::kComplete);
  CHECK(AnnouncedBodyLength(head) == 0);
  CHECK(parse("GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") == HeadStatus::kComplete);
  CHECK(AnnouncedBodyLength(head) == -1);
  CHECK(parse("GET / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n") == HeadStatus::kComplete);
  CHECK(AnnouncedBodyLength(head) == -1);
  CHECK(CountRanges("bytes=0-1,2-3,4-") == 3);
}

TEST_CASE("serve: a request for another host name is refused (DNS rebinding)") {
  // Issue 18, failure 7: a page on evil.example whose name is re-pointed at
  // 127.0.0.1 could read the preview, drafts included.
  FakeSite site;
  Running run(&site);
  std::string port = std::to_string(run.server->port());
  struct Case {
    std::string request;
    int status;
  } cases[] = {
      {Get("/about/", "evil.example:" + port), 403},
      {Get("/about/", "localhost.evil.example"), 403},
      {Get("/__fazhi/events", "evil.example:" + port), 403},
      {"GET /about/ HTTP/1.1\r\n\r\n", 400},                                           // no Host
      {"GET /about/ HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n", 400},  // two
      {Get("/about/", "127.0.0.1:" + port), 200},
      {Get("/about/", "localhost:" + port), 200},
      {Get("/about/", "[::1]:" + port), 200},
      {"GET /about/ HTTP/1.0\r\n\r\n", 200},  // HTTP/1.0 may leave Host out
  };
  for (const Case& c : cases) {
    CAPTURE(c.request);
    RawConnection conn(run.server->port());
    REQUIRE(conn.Send(c.request));
    auto got = conn.Read(1);
    REQUIRE(got.size() == 1);
    CHECK(got[0].status == c.status);
    if (c.status == 403) CHECK(got[0].body.find("DNS") != std::string::npos);
    if (c.status == 200) CHECK(got[0].body.find("about page") != std::string::npos);
  }
}

TEST_CASE("serve: slow clients do not starve the others (slowloris)") {
  // Issue 18, failure 7: 70 slowloris connections took all 64 workers and 3
  // of 4 normal requests timed out. Now heads are read by one epoll thread
  // and a worker only sees complete requests: 300 slow connections and two
  // workers leave page requests as fast as ever.
  FakeSite site;
  ServeOptions opts;
  opts.threads = 2;
  // Starved requests would wait for the slow heads' deadline; the bound
  // below is half of it, and far over scheduling delay on a loaded machine.
  opts.limits.head_timeout = 8s;
  Running run(&site, opts);
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 300; ++i) {
    slow.push_back(std::make_unique<RawConnection>(run.server->port()));
    REQUIRE(slow.back()->Send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
  }
  auto cli = run.Client();
  for (int i = 0; i < 4; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    auto res = cli.Get("/about/");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(std::chrono::steady_clock::now() - t0 < 4s);
    for (int k = 0; k < 300; k += 7) slow[static_cast<size_t>(k)]->Send("x");  // keep dripping
  }
  // A head that is still not complete when its deadline passes gets 408 and
  // the connection is closed, however steadily it drips.
  auto got = slow[0]->Read(1, 15s);
  REQUIRE(got.size() == 1);
  CHECK(got[0].status == 408);
  CHECK(slow[0]->WaitClosed(5s));
}

TEST_CASE("serve: more connections than the cap: the oldest waiting one makes room") {
  FakeSite site;
  ServeOptions opts;
  opts.limits.max_connections = 20;
  Running run(&site, opts);
  std::vector<std::unique_ptr<RawConnection>> idle;
  for (int i = 0; i < 40; ++i) idle.push_back(std::make_unique<RawConnection>(run.server->port()));
  RawConnection fresh(run.server->port());
  REQUIRE(fresh.Send(Get("/about/")));
  auto got = fresh.Read(1);
  REQUIRE(got.size() == 1);
  CHECK(got[0].status == 200);
  CHECK(idle[0]->WaitClosed(2s));  // the first idle connections were closed
}

TEST_CASE("serve: header fields are capped in number and size") {
  // Issue 18, failure 7: a million header fields were accepted (+104 MB).
  FakeSite site;
  Running run(&site);
  std::string many = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (int i = 0; i < 1000; ++i) many += "X-" + std::to_string(i) + ": 1\r\n";
  RawConnection a(run.server->port());
  a.Send(many);  // the server may close before it has all of it
  auto got = a.Read(1);
  REQUIRE(got.size() == 1);
  CHECK(got[0].status == 431);
  CHECK(a.WaitClosed(3s));

  RawConnection b(run.server->port());
  b.Send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + std::string(100 * 1024, 'x'));
  got = b.Read(1);
  REQUIRE(got.size() == 1);
  CHECK(got[0].status == 431);

  // Up to the limits is fine: 90 fields.
  std::string ok = "GET /about/ HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (int i = 0; i < 90; ++i) ok += "X-" + std::to_string(i) + ": 1\r\n";
  RawConnection c(run.server->port());
  REQUIRE(c.Send(ok + "\r\n"));
  got = c.Read(1);
  REQUIRE(got.size() == 1);
  CHECK(got[0].status == 200);
}

TEST_CASE("serve: multiple ranges get an empty 416, and the connection goes on") {
  // Issue 18, failure 7: the 416 carried a multipart body 52 times the request.
  FakeSite site;
  site.Set("static/big.txt", std::string(1 << 20, 'a'));
  Running run(&site);
  std::string ranges = "Range: bytes=0-";
  for (int i = 0; i < 49; ++i) ranges += ",0-";
  RawConnection conn(run.server->port());
  REQUIRE(conn.Send(Get("/big.txt", "127.0.0.1", ranges + "\r\n")));
  REQUIRE(conn.Send(Get("/style.css", "127.0.0.1", "Range: bytes=0-3\r\n")));
  auto got = conn.Read(2);
  REQUIRE(got.size() == 2);
  CHECK(got[0].status == 416);
  CHECK(got[0].headers["content-length"] == "0");
  CHECK(got[0].body.empty());
  CHECK(got[1].status == 206);
  CHECK(got[1].body == "body");
  CHECK(conn.unread().empty());  // nothing beyond the two responses
}

TEST_CASE("serve: pipelined requests are all answered, in order") {
  // Issue 18, failure 7: requests after the first in one packet were dropped.
  FakeSite site;
  Running run(&site);
  RawConnection conn(run.server->port());
  REQUIRE(conn.Send(Get("/") + Get("/about/") + Get("/style.css") + Get("/nope/") + Get("/about/")));
  auto got = conn.Read(5, 3s);
  REQUIRE(got.size() == 5);
  CHECK(got[0].body.find("home page") != std::string::npos);
  CHECK(got[1].body.find("about page") != std::string::npos);
  CHECK(got[2].body == "body{}\n");
  CHECK(got[3].status == 404);
  CHECK(got[4].body.find("about page") != std::string::npos);
  // The connection stays open for more.
  REQUIRE(conn.Send(Get("/style.css")));
  got = conn.Read(1);
  REQUIRE(got.size() == 1);
  CHECK(got[0].body == "body{}\n");
}

TEST_CASE("serve: a bad or unexpected Content-Length is answered at once") {
  // Issue 18, failure 7: `Content-Length: -1` got no reply for 5 s.
  FakeSite site;
  Running run(&site);
  for (const auto& [extra_binding, status] : std::vector<std::pair<std::string, int>>{
           {"Content-Length: -1\r\n", 400},
           {"Content-Length: abc\r\n", 400},
           {"Content-Length: 5\r\n", 400},  // a GET with a body (never sent)
           {"Content-Length: 99999999999\r\n", 413},
       }) {
    const std::string extra = extra_binding;  // clang cannot capture a structured binding (CAPTURE)
    CAPTURE(extra);
    RawConnection conn(run.server->port());
    auto t0 = std::chrono::steady_clock::now();
    REQUIRE(conn.Send(Get("/about/", "127.0.0.1", extra)));
    auto got = conn.Read(1, 10s);
    REQUIRE(got.size() == 1);
    CHECK(got[0].status == status);
    // The failure waited out the 5 s idle timeout.
    CHECK(std::chrono::steady_clock::now() - t0 < 2500ms);
    CHECK(conn.WaitClosed(3s));
  }
}

TEST_CASE("serve: a client that never reads holds no worker") {
  FakeSite site;
  site.Set("static/big.txt", std::string(4 << 20, 'a'));
  ServeOptions opts;
  opts.threads = 1;
  // A worker held by the hog would be freed only when its write times out;
  // the bound below sits far under that and far over any scheduling delay
  // on a loaded machine (a 1 s bound failed at load 20), so it measures
  // starvation, not speed.
  opts.limits.write_timeout = 60s;
  Running run(&site, opts);
  RawConnection hog(run.server->port());
  std::string requests;
  for (int i = 0; i < 20; ++i) requests += Get("/big.txt");
  REQUIRE(hog.Send(requests));  // 80 MiB of responses, never read
  auto cli = run.Client();
  cli.set_read_timeout(30, 0);
  for (int i = 0; i < 3; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    auto res = cli.Get("/about/");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(std::chrono::steady_clock::now() - t0 < 10s);
  }
}

}  // namespace fazhi

namespace fazhi {

TEST_CASE("serve: /_review/ lists the latest build's warnings and editor notes, every page links to it") {
  FakeSite site;
  Running run(&site);
  auto cli = run.Client();
  auto res = cli.Get("/_review/");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(res->body.find(
            "<h1>编辑核对</h1><p>本页只在本机预览（fazhi serve）中出现，fazhi build 不会生成，不会发布。"
            "这里列出 fazhi check 报告的全部问题：错误、警告（公开要求核对、正文与数据不一致等）和编辑备注"
            "（页面 front matter 的 review）。</p>") != std::string::npos);
  CHECK(res->body.find("<p><a href=\"/\">返回网站首页</a></p></main>") != std::string::npos);
  CHECK(res->body.find("错误 0 个，警告 0 个，编辑备注 0 条。") != std::string::npos);
  CHECK(res->body.find("没有需要核对的问题。") != std::string::npos);
  CHECK(cli.Get("/_review")->status == 200);
  res = cli.Get("/about/");
  REQUIRE(res);
  CHECK(res->body.find("<a href=\"/_review/\"") != std::string::npos);
  CHECK(res->body.find("<aside id=\"fazhi-review\" aria-label=\"编辑核对（仅预览可见）\"") !=
        std::string::npos);
  CHECK(res->body.find("编辑核对：0 项") != std::string::npos);

  // A broken page: the review lists the error under its file, and the badge counts it.
  site.Set("content/about.md", "about\nBROKEN page\n");
  run.server->Rebuild();
  res = cli.Get("/_review/");
  REQUIRE(res);
  CHECK(res->body.find("错误 1 个，警告 0 个，编辑备注 0 条。") != std::string::npos);
  CHECK(res->body.find("<h2>content/about.md</h2>") != std::string::npos);
  CHECK(res->body.find("<span class=\"sev sev-error\">错误</span><pre>content/about.md:2:1: 不认识的词 "
                       "&lt;BROKEN&gt;") != std::string::npos);
  CHECK(cli.Get("/")->body.find("编辑核对：1 项") != std::string::npos);
}

TEST_CASE("serve: the review page shows notes and warnings with their severity") {
  Diagnostics d;
  d.Warning("content/reports/2024.md", 5, 7, Message::Verbatim("report states no publication date"),
            "a\nb\nc\nd\nyear: 2024\n");
  d.Note("content/indicators/x.md", 2, 9, Message::Verbatim("6.8%与其他数字推不出"),
         "---\nreview: 6.8%与其他数字推不出\n");
  std::string page = RenderReviewPage(d);
  CHECK(page.find("错误 0 个，警告 1 个，编辑备注 1 条。") != std::string::npos);
  CHECK(page.find("<span class=\"sev sev-note\">编辑备注</span><pre>content/indicators/x.md:2:9: "
                  "编辑备注（不公开）：6.8%与其他数字推不出\n  review: 6.8%与其他数字推不出\n") !=
        std::string::npos);
  CHECK(page.find("<span class=\"sev sev-warning\">警告</span>") != std::string::npos);
  CHECK(RenderReviewBadge(d).find("编辑核对：2 项") != std::string::npos);
}

TEST_CASE("serve: /_review/ lists every warning, the terminal the first 50 and a count of the rest") {
  // A district's back-filled reports: 60 of them warned of a late publication.
  SiteBuilder builder = [](SiteFiles* out, Diagnostics* diags) {
    out->Set("index.html",
             std::make_shared<const std::string>("<!DOCTYPE html><html><body></body></html>\n"));
    for (int i = 0; i < 60; ++i) {
      diags->Warning("content/reports/u" + std::to_string(i) + "-2023.md", 6, 12,
                     Message::Verbatim("2023年度报告公开于 2024-04-15，晚于期限 2024-04-01"), "");
    }
    return true;
  };
  std::string log;
  ServeOptions opts;
  opts.port = 0;
  opts.log = [&](bool, const std::string& text) { log += text; };
  PreviewServer server(builder, opts);
  server.Rebuild();
  Message error;
  REQUIRE(server.Bind(&error));
  server.Start();
  httplib::Client cli("127.0.0.1", server.port());
  auto res = cli.Get("/_review/");
  REQUIRE(res);
  CHECK(res->body.find("错误 0 个，警告 60 个，编辑备注 0 条。") != std::string::npos);
  CHECK(res->body.find("<h2>content/reports/u0-2023.md</h2>") != std::string::npos);
  // Before, the page said it lists them all and listed the first 50.
  CHECK(res->body.find("<h2>content/reports/u59-2023.md</h2>") != std::string::npos);
  CHECK(log.find("content/reports/u49-2023.md:6:12: 警告：") != std::string::npos);
  CHECK(log.find("u50-2023.md") == std::string::npos);
  CHECK(log.find("……另有 10 个警告未列出\n") != std::string::npos);
  server.Stop();
}

}  // namespace fazhi
