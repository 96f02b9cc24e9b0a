#include "norms/publishing.h"

#include <chrono>
#include <string>

#include "core/web.h"
#include "norms/messages.h"

namespace fazhi {
namespace {

// The line of site.toml that sets top-level `key`, or 0.
int KeyLine(std::string_view text, std::string_view key) {
  int line = 1;
  for (size_t start = 0; start < text.size(); ++line) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(start, end - start);
    size_t i = l.find_first_not_of(" \t");
    if (i != std::string_view::npos && l[i] == '[') return 0;  // a table starts: past the top level
    if (i != std::string_view::npos && l.substr(i, key.size()) == key) {
      size_t eq = l.find_first_not_of(" \t", i + key.size());
      if (eq != std::string_view::npos && l[eq] == '=') return line;
    }
    start = end + 1;
  }
  return 0;
}

// "https://host/sfj/fzbg/" → "/sfj/fzbg/"; "/sfj/fzbg/" → itself.
std::string UrlPath(std::string_view url) {
  std::string host = UrlHost(url);
  if (host.empty()) return std::string(url);
  size_t slash = url.find('/', url.find("//") + 2);
  return slash == std::string_view::npos ? "/" : std::string(url.substr(slash));
}

std::chrono::sys_days ToDays(std::string_view date) {
  int y = std::stoi(std::string(date.substr(0, 4)));
  unsigned m = static_cast<unsigned>(std::stoi(std::string(date.substr(5, 2))));
  unsigned d = static_cast<unsigned>(std::stoi(std::string(date.substr(8, 2))));
  return std::chrono::sys_days(std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d});
}

}  // namespace

void CheckRobotsPlacement(const Config& config, const SourceFile& site_toml, bool base_url_overridden,
                          Diagnostics* diags) {
  std::string path = UrlPath(config.base_url);
  if (path.empty() || path == "/" || config.robots_merged_into_root) return;
  std::string root = UrlHost(config.base_url).empty()
                         ? std::string("/robots.txt")
                         : config.base_url.substr(0, config.base_url.size() - path.size()) + "/robots.txt";
  int line = base_url_overridden ? 0 : KeyLine(site_toml.text, "base_url");
  diags->Warning(site_toml.path, line, line ? 1 : 0,
                 Message(msg::kRobotsNotAtRoot, path, JoinUrl(config.base_url, "robots.txt"), root),
                 site_toml.text);
}

int DaysBetween(std::string_view from, std::string_view to) {
  return static_cast<int>((ToDays(to) - ToDays(from)).count());
}

void CheckAsOfFreshness(const Config& config, std::string_view today, const SourceFile& site_toml,
                        bool as_of_overridden, Diagnostics* diags) {
  if (config.as_of.empty() || today.empty()) return;
  int behind = DaysBetween(config.as_of, today);
  int line = as_of_overridden ? 0 : KeyLine(site_toml.text, "as_of");
  if (behind > kAsOfStaleDays) {
    diags->Warning(site_toml.path, line, line ? 1 : 0,
                   Message(msg::kAsOfBehindClock, config.as_of, today, behind), site_toml.text);
  } else if (behind < 0) {
    diags->Warning(site_toml.path, line, line ? 1 : 0, Message(msg::kAsOfAfterClock, config.as_of, today),
                   site_toml.text);
  }
}

}  // namespace fazhi
