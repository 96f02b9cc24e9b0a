// site.toml: the one config file. Every key is declared here; an unknown key
// is an error at its line:col so a typo is never silently ignored.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/source_tree.h"

namespace fazhi {

struct MenuItem {
  std::string name;
  std::string url;        ///< site-relative ("/reports/") or absolute
  int line = 0, col = 0;  ///< where the url is in site.toml
};

/// The footer identifiers a Chinese government site must carry. Empty means
/// "not yet issued": the theme shows 待填, never an invented number.
struct FooterConfig {
  std::string site_code;  ///< 政府网站标识码
  std::string icp;        ///< ICP备案号
  std::string psb_code;   ///< 公安机关备案号
  std::string psb_url;    ///< link of the 公安机关备案 record
  std::string dzjg_url;   ///< link of the 党政机关网站标识 record
};

struct IndicatorCategory {
  std::string slug;  ///< "oversight"
  std::string name;  ///< "行政权力制约监督"
};

/// [indicators]: the 法治政府建设 areas that indicators are grouped by.
struct IndicatorsConfig {
  std::vector<IndicatorCategory> categories;  ///< defaults: DOMAIN.md §3.1
};

/// [profiles]: the vocabulary of 述法 profiles.
struct ProfilesConfig {
  std::vector<std::string> unit_types = {"区委常委", "区直部门", "镇街"};
  std::vector<std::string> sections = {"晒成绩", "亮家底", "找差距", "拓思路"};
  std::vector<std::string> forms = {"专题述法", "现场述法", "书面述法", "公开述法", "年终述职述法"};
  /// The indicator category of the rectification (整改) indicators computed
  /// from the profiles; must be one of [indicators] categories.
  std::string rectification_category = "leadership";
};

struct Config {
  std::string title;
  std::string language = "zh-CN";
  std::string base_url = "/";  ///< always ends with '/'; may carry a sub-path
  std::string theme = "default";
  std::string sponsor;  ///< 主办单位 (also the default 信息来源)
  std::string contact;  ///< 联系方式
  std::string description;
  std::string as_of;         ///< YYYY-MM-DD that stands in for "today"
  int paginate = 10;         ///< items per list page
  int summary_chars = 120;   ///< summary length in characters
  bool unsafe_html = false;  ///< let raw HTML through Markdown
  std::vector<MenuItem> menu;
  FooterConfig footer;
  IndicatorsConfig indicators;
  ProfilesConfig profiles;
  std::vector<std::string> privacy_allow;         ///< [privacy] allow: published office numbers
  std::vector<std::string> allow_hosts;           ///< [security] allow_hosts: external resources allowed
  std::vector<std::string> robots_disallow = {};  ///< [robots] disallow: paths
  /// [robots] merged_into_root: under a sub-path, the lines of our robots.txt
  /// were merged into the host root's /robots.txt (silences the warning).
  bool robots_merged_into_root = false;
  bool search_enabled = true;  ///< [search] enabled: build the search index
  /// [search] every_character: index each Chinese character on its own too,
  /// so that a one-character query (税, 房) finds it inside words.
  bool search_every_character = false;
  /// [search.synonyms]: a query that finds nothing tries these words instead
  /// (营商环境 = ["涉企", "入企"]), in order.
  std::map<std::string, std::vector<std::string>> search_synonyms;

  /// Where each key set in site.toml is ("theme", "profiles.rectification_category"):
  /// later stages that find a value wrong report it there.
  std::map<std::string, std::pair<int, int>, std::less<>> positions;
  /// Line and column of `key` in site.toml, or 0, 0 when it is not set there.
  std::pair<int, int> PositionOf(std::string_view key) const;
};

/// The default indicator categories (法治政府建设 areas).
std::vector<IndicatorCategory> DefaultIndicatorCategories();

/// Parses `file` (site.toml). Errors go to `diags` as site.toml:line:col.
bool ParseConfig(const SourceFile& file, Config* out, Diagnostics* diags);

/// The language of messages for a site: English when `language` is "en" or
/// "en-…", else Chinese.
Lang MessageLang(const Config& config);

/// Applies a --base-url override: normalises to a trailing '/'.
std::string NormalizeBaseUrl(std::string url);

}  // namespace fazhi
