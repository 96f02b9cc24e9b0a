// Open data: every indicator and observation as downloadable files —
// /data/indicators.csv (UTF-8 with BOM so Excel opens it as UTF-8),
// /data/indicators.json, one CSV and one JSON per indicator under
// /data/indicators/, and a Frictionless Data Package (datapackage.json)
// that describes them all. Observations marked `sample` (computed only from
// 示例 data) are left out, and so is every indicator that has nothing else:
// a download holds no demonstration value. Pure: returns the files, writes
// nothing.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "indicators/model.h"

namespace fazhi {

struct OpenDataMeta {
  std::string title;      ///< the site's title
  std::string publisher;  ///< 主办单位
  std::string base_url = "/";
  std::string updated;  ///< YYYY-MM-DD (config.as_of): no build timestamps
  /// The public URL of a source ("reports/2024.md#x" → "https://…/reports/2024/#x");
  /// unset: the source as written.
  std::function<std::string(std::string_view)> source_url;
};

/// The CSV columns of every download, in order.
const std::vector<std::string>& OpenDataColumns();

/// Site-relative output path → bytes, e.g. "data/indicators.csv".
std::map<std::string, std::string> OpenDataFiles(const IndicatorSet& set, const OpenDataMeta& meta);

/// Site-relative paths of one indicator's downloads.
std::string IndicatorCsvPath(std::string_view id);   ///< "data/indicators/<id>.csv"
std::string IndicatorJsonPath(std::string_view id);  ///< "data/indicators/<id>.json"

}  // namespace fazhi
