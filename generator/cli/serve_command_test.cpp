// `fazhi serve` end to end: the real binary on a scaffolded site, the real
// pipeline and the inotify watcher; plus the command's own argument errors.
#include "cli/serve_command.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "cli/args.h"
#include "cli/cli.h"
#include "core/web.h"
#include "serve/sse_test_client.h"
#include "serve/watch.h"
#include "site/build.h"

extern char** environ;

namespace fazhi {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

fs::path NewSite(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("fazhi-serve-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  std::ostringstream out, err;
  REQUIRE(RunCli({"new", "site", dir.string(), "--sponsor", "某区司法局"}, out, err) == 0);
  return dir;
}

// Writes like an editor does: a temporary file renamed over the target.
void SaveAtomically(const fs::path& file, const std::string& text) {
  fs::path tmp = file.parent_path() / ("." + file.filename().string() + ".swp");
  std::ofstream(tmp, std::ios::binary) << text;
  fs::rename(tmp, file);
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// `fazhi serve DIR --port 0` as a child process; stdout goes to a file.
struct ServeProcess {
  explicit ServeProcess(const fs::path& site) : log(site.string() + ".out") {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, (log.string() + ".err").c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::string bin = FAZHI_BINARY;
    std::vector<std::string> args = {bin, "serve", site.string(), "--port", "0"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    REQUIRE(posix_spawn(&pid, bin.c_str(), &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    // Wait for "fazhi：正在预览 …，地址 http://127.0.0.1:PORT/".
    for (int i = 0; i < 500 && port == 0; ++i) {
      std::string text = ReadAll(log);
      size_t at = text.find("http://127.0.0.1:");
      if (at != std::string::npos) port = std::atoi(text.c_str() + at + 17);
      std::this_thread::sleep_for(10ms);
    }
    REQUIRE(port > 0);
  }
  ~ServeProcess() {
    if (pid > 0) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
    }
    fs::remove(log);
    fs::remove(log.string() + ".err");
  }
  /// Sends SIGINT and waits; returns the exit status, or -1.
  int Interrupt() {
    kill(pid, SIGINT);
    int status = 0;
    waitpid(pid, &status, 0);
    pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  fs::path log;
  pid_t pid = -1;
  int port = 0;
};

}  // namespace

TEST_CASE("serve command: edit → reload, break → overlay with position, fix → page, Ctrl-C") {
  fs::path site = NewSite("e2e");
  fs::path about = site / "content/about.md";
  const std::string good = ReadAll(about);
  ServeProcess proc(site);
  httplib::Client cli("127.0.0.1", proc.port);
  cli.set_read_timeout(5, 0);

  auto res = cli.Get("/about/");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->body.find("<script src=\"/__fazhi/live.js\"") != std::string::npos);
  CHECK(res->body.find("fazhi-overlay") == std::string::npos);

  EventClient events(proc.port);
  REQUIRE(events.Next().rfind("hello ", 0) == 0);

  SaveAtomically(about, good + "\n编辑后的新段落。\n");
  CHECK(events.Next().rfind("reload ", 0) == 0);
  res = cli.Get("/about/");
  REQUIRE(res);
  CHECK(res->body.find("编辑后的新段落。") != std::string::npos);

  // Break the front matter. The overlay must show what the pipeline reports
  // for this tree, with its path:line:col, source line and caret.
  std::string broken = good;
  broken.insert(broken.find('\n') + 1, "title: [unclosed\n");
  SaveAtomically(about, broken);
  CHECK(events.Next().rfind("reload ", 0) == 0);
  BuildOptions opts;
  opts.source_dir = site;
  Diagnostics expected;
  REQUIRE_FALSE(CheckSite(opts, &expected, nullptr));
  std::string formatted = expected.Format();
  CHECK(formatted.rfind("content/about.md:", 0) == 0);
  res = cli.Get("/about/");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->body.find("编辑后的新段落。") != std::string::npos);  // last good page
  CHECK(res->body.find("<pre>" + XmlEscape(formatted) + "</pre>") != std::string::npos);
  res = cli.Get("/");
  REQUIRE(res);
  CHECK(res->body.find(XmlEscape(formatted)) != std::string::npos);

  SaveAtomically(about, good);
  CHECK(events.Next().rfind("reload ", 0) == 0);
  res = cli.Get("/about/");
  REQUIRE(res);
  CHECK(res->body.find("fazhi-overlay") == std::string::npos);
  CHECK(res->body.find("编辑后的新段落。") == std::string::npos);
  // The edit and the fix changed only the page's body: each re-rendered that
  // page alone (the broken save ran the whole pipeline to report its errors).
  std::string log = ReadAll(proc.log);
  size_t fast = 0;
  for (size_t at = log.find("fazhi：只重新生成了 1 个页面，没有整站重建\n"); at != std::string::npos;
       at = log.find("fazhi：只重新生成了 1 个页面，没有整站重建\n", at + 1)) {
    ++fast;
  }
  CHECK(fast == 2);
  // A file that came and went between two builds (vim's writability probe
  // 4913) re-renders nothing. Created and removed microseconds apart, the two
  // are one batch unless the machine stalls for the watcher's 20 ms between
  // them (then the tree is read again, and no such line): tried thrice.
  const std::string none =
      "fazhi：这些文件已不存在，也不是站点的一部分（如编辑器的临时文件），没有页面需要重新生成\n";
  bool said = false;
  for (int attempt = 0; attempt < 3 && !said; ++attempt) {
    std::ofstream(site / "content/4913").close();
    fs::remove(site / "content/4913");
    for (int i = 0; i < 300 && !said; ++i) {
      said = ReadAll(proc.log).find(none) != std::string::npos;
      if (!said) std::this_thread::sleep_for(10ms);
    }
  }
  CHECK(said);

  auto t0 = std::chrono::steady_clock::now();
  CHECK(proc.Interrupt() == 0);
  // A thread that ignores the stop would hang here for good; 5 s also
  // covers process teardown on a loaded CI machine.
  CHECK(std::chrono::steady_clock::now() - t0 < 5s);
  CHECK(events.WaitEnded(2s) != 0);
  CHECK_FALSE(fs::exists(site / "public"));  // serving never writes the site
  std::string err = ReadAll(proc.log.string() + ".err");
  CHECK(err.find(formatted) != std::string::npos);  // the terminal shows the same errors
  // What the terminal says: the first build, where to look, each change and
  // its build, the failed build (on stderr), and that it stopped.
  log = ReadAll(proc.log);
  const std::string mode = log.find("（用 polling 监视") != std::string::npos ? "polling" : "inotify";
  const std::string serving = "fazhi：正在预览 " + site.string() +
                              "，地址 http://127.0.0.1:" + std::to_string(proc.port) + "/（用 " + mode +
                              " 监视改动；按 Ctrl-C 停止）\n";
  CHECK(std::regex_search(log, std::regex("^fazhi：已生成 [0-9]+ 个文件，用时 [0-9.]+ 毫秒\n")));
  CHECK(log.find(serving) != std::string::npos);
  CHECK(log.ends_with("\nfazhi：已停止\n"));
  CHECK(std::regex_search(
      err, std::regex("fazhi：构建失败（1 个错误），用时 [0-9.]+ 毫秒；仍在提供上一次成功构建的网站\n")));
  fs::remove_all(site);
}

TEST_CASE("serve command: a page saved while the first build runs is built right after it") {
  // Enough pages that the first build takes a while after it has read the
  // sources (about a second here); the save lands in between. Unwatched
  // until the first build ended, the save was lost: the preview kept the
  // old page until the next save.
  fs::path site = NewSite("first-build");
  std::string text;
  for (int k = 0; k < 40; ++k)
    text += "区司法局依法推进行政复议、行政执法监督和公共法律服务，群众满意度持续提升。";
  for (int i = 0; i < 3000; ++i) {
    std::ofstream(site / ("content/p" + std::to_string(i) + ".md"))
        << "---\ntitle: 工作动态" << i << "\ndate: 2025-01-01\n---\n\n"
        << text << "\n";
  }
  fs::path page = site / "content/p1.md";
  const std::string before = ReadAll(page);
  // Spawned by hand: ServeProcess waits for the first build to end.
  const fs::path log = site.string() + ".out";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::string bin = FAZHI_BINARY;
  std::vector<std::string> args = {bin, "serve", site.string(), "--port", "0"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  REQUIRE(posix_spawn(&pid, bin.c_str(), &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  std::this_thread::sleep_for(300ms);
  const bool building = ReadAll(log).find("正在预览") == std::string::npos;
  SaveAtomically(page, before + "\n构建期间保存的段落。\n");
  int port = 0;
  for (int i = 0; i < 1000 && port == 0; ++i) {
    std::string out = ReadAll(log);
    size_t at = out.find("http://127.0.0.1:");
    if (at != std::string::npos) port = std::atoi(out.c_str() + at + 17);
    std::this_thread::sleep_for(10ms);
  }
  REQUIRE(port > 0);
  httplib::Client cli("127.0.0.1", port);
  cli.set_read_timeout(5, 0);
  bool fresh = false;
  for (int i = 0; i < 100 && !fresh; ++i) {
    auto res = cli.Get("/p1/");
    fresh = res && res->body.find("构建期间保存的段落。") != std::string::npos;
    if (!fresh) std::this_thread::sleep_for(50ms);
  }
  MESSAGE("saved while the first build ran: " << building);
  CHECK(fresh);
  kill(pid, SIGINT);
  waitpid(pid, nullptr, 0);
  fs::remove(log);
  fs::remove_all(site);
}

TEST_CASE("serve command: a port in use exits 1 with a clear message") {
  fs::path site = NewSite("port");
  httplib::Server taken;
  int port = taken.bind_to_any_port("127.0.0.1");
  REQUIRE(port > 0);
  std::ostringstream out, err;
  CHECK(RunCli({"serve", site.string(), "--port", std::to_string(port)}, out, err) == kExitErrors);
  CHECK(err.str() == "fazhi：无法在 127.0.0.1:" + std::to_string(port) +
                         " 上监听：端口已被占用（可以用 --port 换一个）\n");
  err.str("");
  CHECK(RunCli({"serve", site.string(), "--port", std::to_string(port), "--lang", "en"}, out, err) ==
        kExitErrors);
  CHECK(err.str() == "fazhi: cannot listen on 127.0.0.1:" + std::to_string(port) +
                         ": the port is already in use (choose another with --port)\n");
  fs::remove_all(site);
}

TEST_CASE("serve command: a port it may not use names the cause") {
  // Ports below 1024 need root: run the binary as nobody (root drops to it
  // with setpriv; as another user the test has nothing to drop).
  if (::geteuid() != 0 || !fs::exists("/usr/bin/setpriv")) return;
  int unprivileged = 1024;  // where ports anyone may use begin; lowered, port 80 would just serve
  std::ifstream("/proc/sys/net/ipv4/ip_unprivileged_port_start") >> unprivileged;
  if (unprivileged <= 80) return;
  fs::path site = NewSite("eacces");
  fs::path log = site.string() + ".err";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> args = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534",
                                   "--clear-groups",   FAZHI_BINARY,    "serve",
                                   site.string(),      "--port",        "80"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  REQUIRE(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == kExitErrors);
  CHECK(ReadAll(log) == "fazhi：无法在 127.0.0.1:80 上监听：没有权限（EACCES）\n");
  fs::remove(log);
  fs::remove_all(site);
}

TEST_CASE("serve command: usage errors") {
  std::ostringstream out, err;
  CHECK(RunCli({"serve", "--port", "http"}, out, err) == kExitUsage);
  CHECK(err.str() == "fazhi：--port 要写 0 到 65535 之间的数字\n运行 `fazhi help` 查看用法。\n");
  err.str("");
  CHECK(RunCli({"serve", "--watch"}, out, err) == kExitUsage);
  CHECK(err.str() == "fazhi：没有 --watch 这个选项\n运行 `fazhi help` 查看用法。\n");
  err.str("");
  CHECK(RunCli({"--lang", "en", "serve", "--watch"}, out, err) == kExitUsage);
  CHECK(err.str() == "fazhi: unknown option --watch\nRun `fazhi help` for usage.\n");
  err.str("");
  CHECK(RunCli({"serve", "/nonexistent/fazhi-site"}, out, err) == kExitErrors);
  CHECK(err.str() == "fazhi：/nonexistent/fazhi-site：没有这个站点文件夹\n");
}

TEST_CASE("serve command: DescribeChanges names at most three paths") {
  CHECK(DescribeChanges({{"content/a.md"}, false}) == "content/a.md 有改动，重新构建");
  CHECK(DescribeChanges({{"a", "b", "c", "d", "e"}, false}) == "a、b、c 以及另外 2 个文件 有改动，重新构建");
  CHECK(DescribeChanges({{"a", "b", "c", "d", "e"}, false}, Lang::kEn) ==
        "a, b, c and 2 more changed; rebuilding");
  CHECK(DescribeChanges({{}, true}) == "源文件 有改动（重新扫描），重新构建");
}

TEST_CASE("serve command: IsLoopbackHost and the --host warning") {
  CHECK(IsLoopbackHost("127.0.0.1"));
  CHECK(IsLoopbackHost("localhost"));
  CHECK(IsLoopbackHost("::1"));
  CHECK_FALSE(IsLoopbackHost("0.0.0.0"));
  CHECK_FALSE(IsLoopbackHost("::"));
  CHECK_FALSE(IsLoopbackHost("192.168.1.10"));
  CHECK(HostWarning("127.0.0.1") == "");
  CHECK(HostWarning("0.0.0.0") ==
        "fazhi：警告：--host 0.0.0.0 让其他电脑也能访问这个预览服务器；它只用于本机预览\n");
}

}  // namespace fazhi
