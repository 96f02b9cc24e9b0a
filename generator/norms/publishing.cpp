#include "norms/publishing.h"

#include <chrono>
#include <string>
#include <utility>

#include "core/web.h"
#include "norms/messages.h"

namespace fazhi {
namespace {

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
  auto [line, col] = base_url_overridden ? std::pair<int, int>{0, 0} : config.PositionOf("base_url");
  diags->Warning(site_toml.path, line, col,
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
  auto [line, col] = as_of_overridden ? std::pair<int, int>{0, 0} : config.PositionOf("as_of");
  if (behind > kAsOfStaleDays) {
    diags->Warning(site_toml.path, line, col, Message(msg::kAsOfBehindClock, config.as_of, today, behind),
                   site_toml.text);
  } else if (behind < 0) {
    diags->Warning(site_toml.path, line, col, Message(msg::kAsOfAfterClock, config.as_of, today),
                   site_toml.text);
  }
}

}  // namespace fazhi
