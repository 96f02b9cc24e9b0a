#include "cli/new_command.h"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "cli/args.h"
#include "cli/messages.h"
#include "site/build.h"

namespace fazhi {
namespace fs = std::filesystem;

namespace {

// Creates `path` with `text`; fails if anything exists there (O_EXCL), so a
// user's file is never overwritten.
bool CreateNew(const fs::path& path, const std::string& text, std::ostream& out, std::ostream& err,
               Lang lang) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd < 0) {
    err << Message(errno == EEXIST ? msg::kAlreadyExists : msg::kCannotCreateFile, path.string()).Render(lang)
        << "\n";
    return false;
  }
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ok = ::close(fd) == 0 && ok;
  if (ok) out << Message(msg::kCreated, path.string()).Render(lang) << "\n";
  return ok;
}

std::string ReportTemplate(const std::string& year, const std::string& publisher, const std::string& date) {
  int next = std::stoi(year) + 1;
  return "---\ntitle: " + publisher + year +
         "年法治政府建设年度报告\n"
         "date: " +
         date +
         "\n"
         "year: " +
         year +
         "\n"
         "publisher: " +
         publisher +
         "\n"
         "# published: " +
         std::to_string(next) + "-03-31   # 原文公开日期（须在" + std::to_string(next) +
         "年4月1日前）\n"
         "draft: true\n---\n\n"
         "## 一、" +
         year +
         "年度推进法治政府建设的主要举措和成效\n\n"
         "## 二、" +
         year +
         "年度推进法治政府建设存在的不足和原因\n\n"
         "## 三、" +
         year +
         "年度党政主要负责人履行推进法治建设第一责任人职责情况\n\n"
         "## 四、" +
         std::to_string(next) +
         "年度推进法治政府建设的主要安排\n\n"
         "## 五、其他需要报告的情况\n";
}

int NewSite(const fs::path& dir, const std::string& date, std::ostream& out, std::ostream& err, Lang lang) {
  std::error_code ec;
  if (fs::exists(dir, ec) && fs::directory_iterator(dir, ec) != fs::directory_iterator()) {
    err << Message(msg::kSiteNotEmpty, dir.string()).Render(lang) << "\n";
    return kExitErrors;
  }
  bool ok = CreateNew(dir / "site.toml",
                      "title = \"某区司法局法治政府建设专栏\"\n"
                      "sponsor = \"某区司法局\"            # 主办单位，也是默认的信息来源\n"
                      "contact = \"\"                      # 联系方式\n"
                      "base_url = \"/\"\n"
                      "as_of = " +
                          date +
                          "              # 代表“今天”的日期，使构建可复现\n\n"
                          "[footer]                           # 未取得的标识留空，页面显示“待填”\n"
                          "site_code = \"\"\nicp = \"\"\npsb_code = \"\"\n\n"
                          "[[menu]]\nname = \"首页\"\nurl = \"/\"\n\n"
                          "[[menu]]\nname = \"年度报告\"\nurl = \"/reports/\"\n\n"
                          "[[menu]]\nname = \"关于本站\"\nurl = \"/about/\"\n",
                      out, err, lang);
  ok = ok && CreateNew(dir / "content/_index.md",
                       "---\ntitle: 首页\n---\n\n本站公开本单位法治政府建设年度报告。\n", out, err, lang);
  ok = ok &&
       CreateNew(dir / "content/about.md",
                 "---\ntitle: 关于本站\ndate: " + date + "\n---\n\n本站由某区司法局主办。\n", out, err, lang);
  ok = ok && CreateNew(dir / "content/reports/_index.md", "---\ntitle: 年度报告\n---\n", out, err, lang);
  std::string year = std::to_string(std::stoi(date.substr(0, 4)) - 1);
  ok = ok && CreateNew(dir / ("content/reports/" + year + ".md"), ReportTemplate(year, "某区司法局", date),
                       out, err, lang);
  if (!ok) return kExitErrors;
  // Copy the default theme so the site can change it freely.
  fs::path theme = fs::path(BuiltinThemesDir()) / "default";
  if (fs::is_directory(theme, ec)) {
    fs::create_directories(dir / "themes", ec);
    fs::copy(theme, dir / "themes/default", fs::copy_options::recursive, ec);
    if (ec) {
      err << Message(msg::kCannotCopyTheme, ec.message()).Render(lang) << "\n";
      return kExitErrors;
    }
    out << Message(msg::kCreated, (dir / "themes/default").string() + "/").Render(lang) << "\n";
  }
  out << Message(msg::kNextBuild, dir.string()).Render(lang) << "\n";
  return kExitOk;
}

}  // namespace

std::string Today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

int RunNew(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
           const LangChoice& choice) {
  const Lang lang = choice.lang;
  ParsedArgs a;
  Message error;
  if (!ParseArgs(args, {"--site", "--date", "--publisher"}, {}, &a, &error)) {
    err << Message(msg::kNewPlain, std::move(error)).Render(lang) << "\n";
    return kExitUsage;
  }
  std::string date = a.Get("--date", Today());
  if (a.positional.size() != 2) {
    err << Message(msg::kNewUsage).Render(lang) << "\n";
    return kExitUsage;
  }
  const std::string& what = a.positional[0];
  const std::string& arg = a.positional[1];
  fs::path site = a.Get("--site", ".");
  if (what == "site") return NewSite(arg, date, out, err, lang);
  if (what == "report") {
    if (arg.size() != 4 || arg.find_first_not_of("0123456789") != std::string::npos) {
      err << Message(msg::kReportYearDigits).Render(lang) << "\n";
      return kExitUsage;
    }
    std::string publisher = a.Get("--publisher", "某区司法局");
    return CreateNew(site / ("content/reports/" + arg + ".md"), ReportTemplate(arg, publisher, date), out,
                     err, lang)
               ? kExitOk
               : kExitErrors;
  }
  if (what == "page") {
    std::string path = arg;
    if (path.size() > 3 && path.substr(path.size() - 3) == ".md") path.resize(path.size() - 3);
    if (path.find("..") != std::string::npos || path.empty() || path[0] == '/') {
      err << Message(msg::kPagePathRelative).Render(lang) << "\n";
      return kExitUsage;
    }
    std::string title = fs::path(path).filename().string();
    return CreateNew(
               site / ("content/" + path + ".md"),
               "---\ntitle: " + title + "\ndate: " + date + "\n# source: 信息来源（默认为主办单位）\n---\n\n",
               out, err, lang)
               ? kExitOk
               : kExitErrors;
  }
  err << Message(msg::kNewUnknownKind, what).Render(lang) << "\n";
  return kExitUsage;
}

}  // namespace fazhi
