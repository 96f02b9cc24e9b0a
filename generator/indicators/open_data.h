// Open data: every indicator and observation as downloadable files —
// /data/indicators.csv (UTF-8 with BOM so Excel opens it as UTF-8),
// /data/indicators.json, one CSV and one JSON per indicator under
// /data/indicators/, and a Frictionless Data Package (datapackage.json)
// that describes them all. Each value comes with its scope, the source
// sentence and the source document's title and address, never a file path
// of the site. (示例 data never becomes an observation: see
// profiles/rectification_indicators.h.) Pure: returns the files, writes
// nothing.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "indicators/model.h"

namespace fazhi {

/// Where an observation's `source` points, as a reader of the downloads
/// needs it: the document and its address, never a file path of the site.
struct SourceRef {
  std::string title;     ///< the source document ("从化区司法局2024年法治政府建设年度报告")
  std::string section;   ///< the heading the value sits under, "" for none
  std::string url;       ///< the document as its publisher published it (original_url), else page_url
  std::string page_url;  ///< the section on this site ("" for an outside source)
};

struct OpenDataMeta {
  std::string title;      ///< the site's title
  std::string publisher;  ///< 主办单位
  std::string base_url = "/";
  std::string updated;  ///< YYYY-MM-DD (config.as_of): no build timestamps
  /// Resolves a source ("reports/2024.md#x" or a URL); unset: a URL source
  /// is its own url, anything else is left out.
  std::function<SourceRef(std::string_view)> resolve_source;
};

/// The CSV columns of every download, in order.
const std::vector<std::string>& OpenDataColumns();

/// Site-relative output path → bytes, e.g. "data/indicators.csv".
std::map<std::string, std::string> OpenDataFiles(const IndicatorSet& set, const OpenDataMeta& meta);

/// Site-relative paths of one indicator's downloads.
std::string IndicatorCsvPath(std::string_view id);   ///< "data/indicators/<id>.csv"
std::string IndicatorJsonPath(std::string_view id);  ///< "data/indicators/<id>.json"

}  // namespace fazhi
