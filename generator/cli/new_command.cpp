#include "cli/new_command.h"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "cli/args.h"
#include "cli/messages.h"
#include "cli/scaffold.h"
#include "core/config.h"
#include "core/os_error.h"
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
    const int cause = errno;
    err << (cause == EEXIST ? Message(msg::kAlreadyExists, path.string())
                            : Message(msg::kCannotCreateFile, path.string(), OsError(cause)))
               .Render(lang)
        << "\n";
    return false;
  }
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ok = ::close(fd) == 0 && ok;
  if (ok) out << Message(msg::kCreated, path.string()).Render(lang) << "\n";
  return ok;
}

// The site.toml of `site`, read for its sponsor and vocabularies; false
// (with a message) when `site` is not a site folder.
bool ReadSiteConfig(const fs::path& site, Config* config, std::ostream& err, Lang lang) {
  std::ifstream in(site / "site.toml", std::ios::binary);
  if (!in) {
    err << Message(msg::kNotASiteFolder, site.string()).Render(lang) << "\n";
    return false;
  }
  SourceFile file{"site.toml", std::string(std::istreambuf_iterator<char>(in), {})};
  Diagnostics diags;
  if (!ParseConfig(file, config, &diags)) {
    err << diags.Format(lang);
    return false;
  }
  return true;
}

int NewSite(const fs::path& dir, const std::string& sponsor, const std::string& date, std::ostream& out,
            std::ostream& err, Lang lang) {
  std::error_code ec;
  if (fs::exists(dir, ec) && fs::directory_iterator(dir, ec) != fs::directory_iterator()) {
    err << Message(msg::kSiteNotEmpty, dir.string()).Render(lang) << "\n";
    return kExitErrors;
  }
  bool ok = true;
  for (const ScaffoldFile& f : SiteScaffold(sponsor, date))
    ok = ok && CreateNew(dir / f.path, f.text, out, err, lang);
  if (!ok) return kExitErrors;
  // No copy of the theme: the site uses the one this fazhi ships, so an
  // upgrade brings its templates and its search script with it (a copy kept
  // the search.js of the fazhi that made it, which a newer index breaks). A
  // site changes a file of it by putting its own in layouts/ or static/.
  out << Message(msg::kNewSiteTheme, (fs::path(BuiltinThemesDir()) / "default").string() + "/").Render(lang)
      << "\n";
  std::string year = std::to_string(std::stoi(date.substr(0, 4)) - 1);
  out << Message(msg::kNewSiteNext, dir.string(), year).Render(lang) << "\n";
  return kExitOk;
}

// An id is a URL segment and a file name: a-z, 0-9 and '-'.
bool IsIndicatorId(const std::string& id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  return id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
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
  if (!ParseArgs(args, {"--site", "--date", "--publisher", "--sponsor", "--year", "--unit"}, {}, &a,
                 &error)) {
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
  if (what == "site") {
    std::string sponsor = a.Get("--sponsor");
    if (sponsor.empty()) {
      err << Message(msg::kNewSiteNeedsSponsor, arg).Render(lang) << "\n";
      return kExitUsage;
    }
    return NewSite(arg, sponsor, date, out, err, lang);
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
  if (what != "report" && what != "indicator" && what != "profile") {
    err << Message(msg::kNewUnknownKind, what).Render(lang) << "\n";
    return kExitUsage;
  }
  Config config;
  if (!ReadSiteConfig(site, &config, err, lang)) return kExitErrors;
  const std::string last_year = std::to_string(std::stoi(date.substr(0, 4)) - 1);
  if (what == "report") {
    if (arg.size() != 4 || arg.find_first_not_of("0123456789") != std::string::npos) {
      err << Message(msg::kReportYearDigits).Render(lang) << "\n";
      return kExitUsage;
    }
    // The site's own reports are the sponsor's, as site.toml names it.
    std::string publisher = a.Get("--publisher", config.sponsor);
    if (!CreateNew(site / ("content/reports/" + arg + ".md"), ReportScaffold(arg, publisher, date), out, err,
                   lang)) {
      return kExitErrors;
    }
    out << Message(msg::kNewDraftNext, "content/reports/" + arg + ".md").Render(lang) << "\n";
    return kExitOk;
  }
  if (what == "indicator") {
    if (!IsIndicatorId(arg)) {
      err << Message(msg::kIndicatorIdForm, arg).Render(lang) << "\n";
      return kExitUsage;
    }
    std::vector<std::pair<std::string, std::string>> cats;
    for (const IndicatorCategory& c : config.indicators.categories) cats.push_back({c.slug, c.name});
    std::string path = "content/indicators/" + arg + ".md";
    if (!CreateNew(site / path, IndicatorScaffold(arg, date, cats), out, err, lang)) return kExitErrors;
    out << Message(msg::kNewDraftNext, path).Render(lang) << "\n";
    return kExitOk;
  }
  // profile
  if (!IsIndicatorId(arg)) {
    err << Message(msg::kProfileSlugForm, arg).Render(lang) << "\n";
    return kExitUsage;
  }
  std::string year = a.Get("--year", last_year);
  if (year.size() != 4 || year.find_first_not_of("0123456789") != std::string::npos) {
    err << Message(msg::kReportYearDigits).Render(lang) << "\n";
    return kExitUsage;
  }
  std::string path = "content/profiles/" + year + "-" + arg + ".md";
  if (!CreateNew(site / path,
                 ProfileScaffold(arg, year, date, a.Get("--unit", config.sponsor), config.profiles.unit_types,
                                 config.profiles.forms, config.profiles.sections),
                 out, err, lang)) {
    return kExitErrors;
  }
  out << Message(msg::kNewDraftNext, path).Render(lang) << "\n";
  return kExitOk;
}

}  // namespace fazhi
