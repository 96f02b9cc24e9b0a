#include "units/tracker.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "core/utf8.h"

namespace fazhi {
namespace {

// One CSV field as RFC 4180 quotes it.
std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Pads `s` with spaces to `width` display columns (a CJK character takes two).
std::string Pad(const std::string& s, size_t width) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    i += DecodeUtf8(s, i, &cp);
    w += cp >= 0x1100 ? 2 : 1;
  }
  return s + std::string(w < width ? width - w : 0, ' ');
}

void Count(const TrackRow& r, TrackCount* c) {
  ++c->required;
  switch (r.state) {
    case TrackState::kOnTime:
      ++c->on_time;
      break;
    case TrackState::kLate:
      ++c->late;
      break;
    case TrackState::kUndated:
      ++c->undated;
      break;
    case TrackState::kPending:
      ++c->pending;
      break;
    case TrackState::kMissing:
      ++c->missing;
      break;
    case TrackState::kNotRequired:
      --c->required;
      return;
  }
  if (r.published_on_site()) ++c->published;
  if (r.shufa) ++c->shufa;
}

std::string Absolute(const std::string& base_url, const std::string& url) {
  if (url.empty()) return "";
  std::string b = base_url;
  while (!b.empty() && b.back() == '/') b.pop_back();
  return b + url;
}

}  // namespace

const char* TrackStateText(TrackState s) {
  switch (s) {
    case TrackState::kOnTime:
      return "按时公开";
    case TrackState::kLate:
      return "逾期公开";
    case TrackState::kUndated:
      return "已公开，未载明公开日期";
    case TrackState::kPending:
      return "未公开（未到截止日期）";
    case TrackState::kMissing:
      return "未公开";
    case TrackState::kNotRequired:
      return "未列入本年度名录";
  }
  return "";
}

const char* TrackStateKey(TrackState s) {
  switch (s) {
    case TrackState::kOnTime:
      return "on_time";
    case TrackState::kLate:
      return "late";
    case TrackState::kUndated:
      return "undated";
    case TrackState::kPending:
      return "pending";
    case TrackState::kMissing:
      return "missing";
    case TrackState::kNotRequired:
      return "not_required";
  }
  return "";
}

std::vector<int> TrackerYears(const std::vector<Page>& pages) {
  int lo = 0, hi = 0;
  for (const Page& p : pages) {
    if (p.kind != "report" || p.report.year <= 0) continue;
    lo = lo == 0 ? p.report.year : std::min(lo, p.report.year);
    hi = std::max(hi, p.report.year);
  }
  std::vector<int> out;
  for (int y = lo; lo > 0 && y <= hi; ++y) out.push_back(y);
  return out;
}

Tracker BuildTracker(const UnitRegistry& units, int year, const std::vector<Page>& pages,
                     const std::set<std::pair<std::string, int>>& shufa, const std::string& as_of) {
  Tracker t;
  t.year = year;
  t.deadline = std::to_string(year + 1) + "-04-01";
  std::map<std::string, const Page*> report_of;  // unit slug → its report of `year`
  for (const Page& p : pages) {
    if (p.kind == "report" && p.report.year == year && !p.report.unit.empty()) report_of[p.report.unit] = &p;
  }
  std::map<std::string, size_t> type_index;
  for (const Unit& u : units.units()) {
    TrackRow r;
    r.unit = &u;
    r.shufa = shufa.count({u.slug, year}) > 0;
    auto it = report_of.find(u.slug);
    if (it != report_of.end()) {
      // A report on the site counts whatever the registry says about the year.
      const Page& p = *it->second;
      const ReportCompliance& c = p.report.compliance;
      r.published = p.report.published;
      r.report_url = p.url;
      r.report_title = p.title;
      r.state = c.on_time ? TrackState::kOnTime : c.late ? TrackState::kLate : TrackState::kUndated;
      for (const ReportItemStatus& item : c.items) {
        if (!item.heading_id.empty()) {
          ++r.items_found;
        } else {
          r.items_missing.push_back(item.name);
        }
      }
    } else if (!u.MustReport(year)) {
      r.state = TrackState::kNotRequired;
    } else {
      r.state = as_of < t.deadline ? TrackState::kPending : TrackState::kMissing;
    }
    if (!u.sample) {
      auto [ti, added] = type_index.emplace(u.type, t.by_type.size());
      if (added) t.by_type.push_back(TrackCount{u.type});
      Count(r, &t.by_type[ti->second]);
      Count(r, &t.total);
    }
    t.rows.push_back(std::move(r));
  }
  return t;
}

std::string TrackerText(const Tracker& t) {
  std::string out =
      std::to_string(t.year) + "年度法治政府建设年度报告公开情况（截止日期 " + t.deadline + "）\n";
  for (const TrackRow& r : t.rows) {
    out += "  " + Pad(r.unit->name + (r.unit->sample ? "（示例）" : ""), 34) + Pad(r.unit->type, 10) +
           Pad(TrackStateText(r.state), 24) + Pad(r.published.empty() ? "-" : r.published, 12);
    if (r.published_on_site()) {
      out += "要求事项 " + std::to_string(r.items_found) + "/5";
      if (!r.items_missing.empty()) {
        out += "（缺";
        for (size_t i = 0; i < r.items_missing.size(); ++i) out += (i ? "、" : "") + r.items_missing[i];
        out += "）";
      }
    } else {
      out += "-";
    }
    out += std::string("  述法 ") + (r.shufa ? "有" : "无") + "\n";
  }
  auto line = [&](const TrackCount& c, const std::string& label) {
    out += "  " + Pad(label, 12) + "应报 " + std::to_string(c.required) + "，已公开 " +
           std::to_string(c.published) + "（按时 " + std::to_string(c.on_time) + "，逾期 " +
           std::to_string(c.late) + "，未载明日期 " + std::to_string(c.undated) + "），未公开 " +
           std::to_string(c.missing) + "，未到截止日期 " + std::to_string(c.pending) + "，述法 " +
           std::to_string(c.shufa) + "\n";
  };
  for (const TrackCount& c : t.by_type) line(c, c.type.empty() ? "未分类" : c.type);
  line(t.total, "合计");
  return out;
}

std::string TrackerCsv(const Tracker& t, const std::string& base_url) {
  std::string out = "\xEF\xBB\xBF";
  auto row = [&](const std::vector<std::string>& f) {
    for (size_t i = 0; i < f.size(); ++i) out += (i ? "," : "") + CsvField(f[i]);
    out += "\r\n";
  };
  row({"year", "unit", "name", "type", "sample", "state", "status", "published", "deadline", "report_url",
       "shufa"});
  for (const TrackRow& r : t.rows) {
    row({std::to_string(t.year), r.unit->slug, r.unit->name, r.unit->type, r.unit->sample ? "true" : "false",
         TrackStateKey(r.state), TrackStateText(r.state), r.published, t.deadline,
         Absolute(base_url, r.report_url), r.shufa ? "true" : "false"});
  }
  return out;
}

std::string TrackerJson(const Tracker& t, const std::string& base_url) {
  nlohmann::ordered_json j;
  j["year"] = t.year;
  j["deadline"] = t.deadline;
  nlohmann::ordered_json units = nlohmann::ordered_json::array();
  for (const TrackRow& r : t.rows) {
    nlohmann::ordered_json u;
    u["unit"] = r.unit->slug;
    u["name"] = r.unit->name;
    u["type"] = r.unit->type;
    u["sample"] = r.unit->sample;
    u["state"] = TrackStateKey(r.state);
    u["status"] = TrackStateText(r.state);
    u["published"] = r.published;
    u["report_url"] = Absolute(base_url, r.report_url);
    u["shufa"] = r.shufa;
    units.push_back(u);
  }
  j["units"] = units;
  auto counts = [](const TrackCount& c) {
    nlohmann::ordered_json o;
    o["type"] = c.type;
    o["required"] = c.required;
    o["published"] = c.published;
    o["on_time"] = c.on_time;
    o["late"] = c.late;
    o["undated"] = c.undated;
    o["missing"] = c.missing;
    o["pending"] = c.pending;
    o["shufa"] = c.shufa;
    return o;
  };
  nlohmann::ordered_json types = nlohmann::ordered_json::array();
  for (const TrackCount& c : t.by_type) types.push_back(counts(c));
  j["by_type"] = types;
  j["total"] = counts(t.total);
  return j.dump(2) + "\n";
}

}  // namespace fazhi
