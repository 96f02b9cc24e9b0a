// PreviewServer on an ephemeral loopback port, driven with httplib::Client.
// The site comes from a small fake builder over in-memory sources, so these
// tests pin the server's behaviour independently of the real pipeline.
#include "serve/server.h"
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
          (*out)[path.substr(7)] = std::make_shared<const std::string>(text);
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
        (*out)[key] = std::make_shared<const std::string>("<!DOCTYPE html><html><body><p>" + text +
                                                          "</p></body></html>\n");
      }
      return !diags->has_errors();
    };
  }
};

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
  CHECK(res->body ==
        "<!DOCTYPE html><html><body><p>about page\n</p><script src=\"/__fazhi/live.js\" "
        "data-generation=\"" +
            run.server->generation() + "\"></script></body></html>\n");
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
  res = cli.Get("/style.css", {{"Range", "bytes=0-3"}});
  REQUIRE(res);
  CHECK(res->status == 206);
  CHECK(res->body == "body");
  res = cli.Post("/about/", std::string(64 * 1024, 'x'), "text/plain");
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

TEST_CASE("serve: a broken edit shows the overlay on the last good page; the fix removes it") {
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
  CHECK(res->body.find("<h2>构建失败：1 个错误</h2>") != std::string::npos);
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
  Running run(&site);
  auto cli = run.Client();
  for (const char* path : {"/", "/about/", "/style.css", "/missing"}) {
    CAPTURE(path);
    auto res = cli.Get(path);
    REQUIRE(res);
    CHECK(res->status == 500);
    CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(res->body.find("content/index.md:1:1: 不认识的词 &lt;BROKEN&gt;") != std::string::npos);
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
  for (int i = 0; i < 40; ++i) tabs.push_back(std::make_unique<EventClient>(run.server->port()));
  for (auto& t : tabs) REQUIRE(t->Next().rfind("hello ", 0) == 0);  // all 40 are connected
  auto cli = run.Client();
  cli.set_read_timeout(2, 0);
  auto t0 = std::chrono::steady_clock::now();
  auto res = cli.Get("/about/");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(std::chrono::steady_clock::now() - t0 < 1s);
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

}  // namespace fazhi
