#include "indicators/open_data.h"

#include <nlohmann/json.hpp>

#include "indicators/format.h"

namespace fazhi {
namespace {

using nlohmann::ordered_json;

const char kBom[] = "\xEF\xBB\xBF";

SourceRef Resolve(const OpenDataMeta& meta, const std::string& source) {
  if (source.empty()) return {};
  if (meta.resolve_source) return meta.resolve_source(source);
  SourceRef r;
  if (source.rfind("http://", 0) == 0 || source.rfind("https://", 0) == 0) r.url = source;
  return r;
}

std::string Stated(const IndicatorDef* d, const Observation& o) {
  return FormatStated(o, d ? d->kind : IndicatorKind::kCount);
}

// The reporting unit's full name from the registry (a district site's
// values name their unit by slug; a single bureau's values have none).
std::string ReporterName(const IndicatorSet& set, const Observation& o) {
  if (o.reporter.empty() || !set.units) return "";
  const Unit* u = set.units->BySlug(o.reporter);
  return u ? u->name : "";
}

std::vector<std::string> Row(const IndicatorSet& set, const Observation& o, const OpenDataMeta& meta) {
  const IndicatorDef* d = set.Find(o.indicator);
  SourceRef src = Resolve(meta, o.source);
  return {o.indicator,
          d ? d->title : "",
          d ? d->category : "",
          d ? KindName(d->kind) : "",
          std::to_string(o.year),
          ScopeText(o.scope),
          o.since,
          o.until,
          o.value_text,
          o.unit,
          QualifierText(o.qualifier),
          Stated(d, o),
          o.breakdown,
          o.reporter,
          ReporterName(set, o),
          BasisText(o.basis),
          o.formula,
          o.quote,
          src.title,
          src.section,
          src.url,
          src.page_url,
          o.note};
}

ordered_json DefJson(const IndicatorSet& set, const IndicatorDef& d, const OpenDataMeta& meta) {
  const IndicatorCategory* c = set.Category(d.category);
  ordered_json j;
  j["id"] = d.id;
  j["name"] = d.title;
  j["category"] = d.category;
  j["category_name"] = c ? c->name : "";
  j["unit"] = d.unit;
  j["kind"] = KindName(d.kind);
  j["direction"] = DirectionName(d.direction);
  if (d.has_target) j["target"] = d.target;
  j["method"] = d.method;
  if (!d.numerator.empty()) j["numerator"] = d.numerator;
  if (!d.denominator.empty()) j["denominator"] = d.denominator;
  if (!d.responsible.empty()) j["responsible"] = d.responsible;
  j["url"] = meta.base_url + "indicators/" + d.id + "/";
  return j;
}

ordered_json ObsJson(const IndicatorSet& set, const Observation& o, const OpenDataMeta& meta) {
  const IndicatorDef* d = set.Find(o.indicator);
  SourceRef src = Resolve(meta, o.source);
  ordered_json j;
  j["indicator"] = o.indicator;
  j["year"] = o.year;
  j["scope"] = ScopeText(o.scope);
  j["since"] = o.since;
  j["until"] = o.until;
  // Booleans are 是/否 in text and 1/0 as numbers.
  j["value"] = o.value;
  j["value_text"] = o.value_text;
  j["unit"] = o.unit;
  j["qualifier"] = QualifierText(o.qualifier);
  j["stated"] = Stated(d, o);
  j["breakdown"] = o.breakdown;
  j["reporting_unit"] = o.reporter;
  j["reporting_unit_name"] = ReporterName(set, o);
  j["basis"] = BasisText(o.basis);
  j["formula"] = o.formula;
  j["quote"] = o.quote;
  j["source_title"] = src.title;
  j["source_section"] = src.section;
  j["source_url"] = src.url;
  j["page_url"] = src.page_url;
  j["note"] = o.note;
  return j;
}

std::string Csv(const IndicatorSet& set, std::string_view only_id, const OpenDataMeta& meta) {
  std::string out = kBom;
  out += CsvLine(OpenDataColumns());
  for (const Observation& o : set.observations) {
    if (only_id.empty() || o.indicator == only_id) out += CsvLine(Row(set, o, meta));
  }
  return out;
}

ordered_json Schema() {
  ordered_json fields = ordered_json::array();
  const char* descriptions[] = {
      "指标编号",
      "指标名称",
      "类别",
      "类型: count 计数, rate 比率, amount 数量, boolean 是/否, change 同比变化(不是水平值)",
      "报告年度(数值所在报告的年度)",
      "期间: 年度=当年数, 累计=累计数, 截至=某日的存量, 未载明=原文未说明",
      "累计的起始时间(原文给出时)",
      "截至日期(原文给出时; 空且期间为截至=原文为“截至目前”)",
      "数值(原文数字)",
      "单位",
      "限定词: 空=确数, 以上, 多, 余, 约, 近, 超",
      "原文说法: 数值连同期间与限定词, 如“累计4000多次”“同比增长120%”",
      "分组(镇街/部门), 空=全区",
      "报告单位编号(单位名录 data/units.csv 的 slug), 空=本站发布单位",
      "报告单位名称",
      "依据: 原文 或 计算",
      "计算公式(依据为计算时)",
      "原文语句",
      "来源文件标题",
      "来源章节",
      "来源文件网址(发布机关公开的原文)",
      "本站对应章节网址",
      "备注"};
  const auto& cols = OpenDataColumns();
  for (size_t i = 0; i < cols.size(); ++i) {
    ordered_json f;
    f["name"] = cols[i];
    f["type"] = cols[i] == "year" ? "year" : cols[i] == "value" ? "number" : "string";
    f["description"] = descriptions[i];
    fields.push_back(f);
  }
  ordered_json s;
  s["fields"] = fields;
  s["primaryKey"] = {"indicator", "year", "reporting_unit", "breakdown"};
  return s;
}

// A Frictionless resource; CSV resources are tabular and carry the schema.
ordered_json Resource(std::string name, std::string path, std::string title, bool csv) {
  ordered_json r;
  r["name"] = std::move(name);
  r["path"] = std::move(path);
  r["title"] = std::move(title);
  r["profile"] = csv ? "tabular-data-resource" : "data-resource";
  r["format"] = csv ? "csv" : "json";
  r["mediatype"] = csv ? "text/csv" : "application/json";
  r["encoding"] = "utf-8";
  if (csv) {
    r["dialect"] = {{"delimiter", ","}, {"lineTerminator", "\r\n"}, {"header", true}};
    r["schema"] = Schema();
  }
  return r;
}

std::string Dump(const ordered_json& j) { return j.dump(2, ' ', false) + "\n"; }

}  // namespace

const std::vector<std::string>& OpenDataColumns() {
  static const std::vector<std::string> kCols = {
      "indicator",  "name",     "category",  "kind",           "year",
      "scope",      "since",    "until",     "value",          "unit",
      "qualifier",  "stated",   "breakdown", "reporting_unit", "reporting_unit_name",
      "basis",      "formula",  "quote",     "source_title",   "source_section",
      "source_url", "page_url", "note"};
  return kCols;
}

std::string IndicatorCsvPath(std::string_view id) { return "data/indicators/" + std::string(id) + ".csv"; }
std::string IndicatorJsonPath(std::string_view id) { return "data/indicators/" + std::string(id) + ".json"; }

std::map<std::string, std::string> OpenDataFiles(const IndicatorSet& set, const OpenDataMeta& meta) {
  std::map<std::string, std::string> files;
  files["data/indicators.csv"] = Csv(set, "", meta);

  ordered_json all;
  all["title"] = meta.title + " 法治政府建设指标";
  all["updated"] = meta.updated;
  all["indicators"] = ordered_json::array();
  for (const IndicatorDef& d : set.defs) {
    all["indicators"].push_back(DefJson(set, d, meta));
  }
  all["observations"] = ordered_json::array();
  for (const Observation& o : set.observations) {
    all["observations"].push_back(ObsJson(set, o, meta));
  }
  files["data/indicators.json"] = Dump(all);

  ordered_json pkg;
  pkg["profile"] = "data-package";
  pkg["name"] = "fazhi-indicators";
  pkg["title"] = all["title"];
  pkg["description"] =
      "法治政府建设年度报告中的量化指标: 每个指标的定义与各年度数值, 注明原文或计算、限定词与来源章节。";
  if (!meta.publisher.empty()) pkg["contributors"] = {{{"title", meta.publisher}, {"role", "publisher"}}};
  pkg["updated"] = meta.updated;
  pkg["resources"] = ordered_json::array();
  pkg["resources"].push_back(Resource("indicators", "indicators.csv", "全部指标(CSV)", true));
  pkg["resources"].push_back(Resource("indicators-json", "indicators.json", "全部指标(JSON)", false));
  for (const IndicatorDef& d : set.defs) {
    std::string csv_path = IndicatorCsvPath(d.id), json_path = IndicatorJsonPath(d.id);
    files[csv_path] = Csv(set, d.id, meta);
    ordered_json one;
    one["indicator"] = DefJson(set, d, meta);
    one["observations"] = ordered_json::array();
    for (const Observation& o : set.observations) {
      if (o.indicator == d.id) one["observations"].push_back(ObsJson(set, o, meta));
    }
    files[json_path] = Dump(one);
    // Paths in the package are relative to /data/.
    pkg["resources"].push_back(Resource(d.id, csv_path.substr(5), d.title + "(CSV)", true));
    pkg["resources"].push_back(Resource(d.id + "-json", json_path.substr(5), d.title + "(JSON)", false));
  }
  files["data/datapackage.json"] = Dump(pkg);
  return files;
}

}  // namespace fazhi
