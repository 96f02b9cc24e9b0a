#include "indicators/chart.h"

#include <algorithm>
#include <cmath>

#include "core/web.h"
#include "indicators/format.h"

namespace fazhi {
namespace {

std::string N(double v) { return FormatNumber(v, 1); }

std::string Open(const ChartSpec& spec, const char* kind, int w, int h) {
  std::string id = XmlEscape(spec.id);
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"fz-chart fz-chart-";
  out += kind;
  out += "\" viewBox=\"0 0 " + std::to_string(w) + " " + std::to_string(h) + "\" width=\"" +
         std::to_string(w) + "\" height=\"" + std::to_string(h) + "\" role=\"img\" aria-labelledby=\"" + id +
         "-title " + id + "-desc\" fill=\"currentColor\" font-size=\"12\">";
  out += "<title id=\"" + id + "-title\">" + XmlEscape(spec.title) + "</title>";
  out += "<desc id=\"" + id + "-desc\">" + XmlEscape(spec.desc) + "</desc>";
  return out;
}

// Diagonal hatching for derived (计算) values: a pattern, not a colour.
std::string HatchDefs(const ChartSpec& spec) {
  return "<defs><pattern id=\"" + XmlEscape(spec.id) +
         "-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"none\"/>"
         "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"currentColor\" stroke-width=\"2\"/>"
         "</pattern></defs>";
}

std::string BarFill(const ChartSpec& spec, bool computed) {
  return computed ? "fill=\"url(#" + XmlEscape(spec.id) + "-hatch)\" stroke=\"currentColor\""
                  : "fill=\"currentColor\" fill-opacity=\"0.75\" stroke=\"currentColor\"";
}

std::string Text(double x, double y, std::string_view anchor, std::string_view text,
                 std::string_view cls = "") {
  std::string out = "<text x=\"" + N(x) + "\" y=\"" + N(y) + "\" text-anchor=\"" + std::string(anchor) + "\"";
  if (!cls.empty()) out += " class=\"" + std::string(cls) + "\"";
  return out + ">" + XmlEscape(text) + "</text>";
}

double ScaleMax(const ChartSpec& spec, const std::vector<ChartPoint>& pts) {
  if (spec.percent) return 100;
  double m = 0;
  for (const ChartPoint& p : pts) m = std::max(m, p.value);
  return m > 0 ? m : 1;
}

bool AnyComputed(const std::vector<ChartPoint>& pts) {
  return std::any_of(pts.begin(), pts.end(), [](const ChartPoint& p) { return p.computed; });
}

std::string Legend(double x, double y, const std::vector<ChartPoint>& pts) {
  return AnyComputed(pts) ? Text(x, y, "start", "斜线:计算值;实心:原文数值", "fz-legend") : "";
}

}  // namespace

// The same escaping as the feeds' XML (which also drops the control
// characters XML 1.0 does not allow, so an SVG stays well-formed).
std::string TrendChartSvg(const ChartSpec& spec, const std::vector<ChartPoint>& pts) {
  const int w = 480, h = 220;
  const double left = 40, right = 16, top = 28, bottom = 36;
  const double plot_w = w - left - right, plot_h = h - top - bottom;
  const double base = top + plot_h;
  double max = ScaleMax(spec, pts);
  auto y_of = [&](double v) { return base - std::clamp(v, 0.0, max) / max * plot_h; };

  std::string out = Open(spec, "trend", w, h);
  out += HatchDefs(spec);
  // Axis and, for percentages, the 0/50/100 grid.
  if (spec.percent) {
    for (int g : {0, 50, 100}) {
      out += "<line x1=\"" + N(left) + "\" y1=\"" + N(y_of(g)) + "\" x2=\"" + N(w - right) + "\" y2=\"" +
             N(y_of(g)) +
             "\" stroke=\"currentColor\" stroke-opacity=\"0.3\" "
             "stroke-dasharray=\"2 3\"/>";
      out += Text(left - 4, y_of(g) + 4, "end", std::to_string(g) + "%", "fz-axis");
    }
  }
  out += "<line x1=\"" + N(left) + "\" y1=\"" + N(base) + "\" x2=\"" + N(w - right) + "\" y2=\"" + N(base) +
         "\" stroke=\"currentColor\"/>";
  if (pts.empty()) {
    out += Text(w / 2.0, h / 2.0, "middle", "暂无数据");
    return out + "</svg>";
  }
  if (pts.size() == 1) {
    const ChartPoint& p = pts[0];
    double bw = 64, x = left + plot_w / 2 - bw / 2, y = y_of(p.value);
    out += "<rect class=\"fz-bar\" x=\"" + N(x) + "\" y=\"" + N(y) + "\" width=\"" + N(bw) + "\" height=\"" +
           N(base - y) + "\" " + BarFill(spec, p.computed) + "/>";
    out += Text(x + bw / 2, y - 6, "middle", p.value_label, "fz-value");
    out += Text(x + bw / 2, base + 16, "middle", p.label + "年");
    out += Text(left, 16, "start", "仅有" + p.label + "年数据", "fz-note");
    out += Legend(w / 2.0, 16, pts);
    return out + "</svg>";
  }
  double step = plot_w / pts.size();
  if (spec.percent) {
    std::string poly;
    for (size_t i = 0; i < pts.size(); ++i) {
      poly += (i ? " " : "") + N(left + step * (i + 0.5)) + "," + N(y_of(pts[i].value));
    }
    out += "<polyline class=\"fz-line\" points=\"" + poly +
           "\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\"/>";
  }
  for (size_t i = 0; i < pts.size(); ++i) {
    const ChartPoint& p = pts[i];
    double cx = left + step * (i + 0.5), y = y_of(p.value);
    if (spec.percent) {
      // Open circles mark derived values, filled ones published values.
      out += "<circle class=\"fz-point\" cx=\"" + N(cx) + "\" cy=\"" + N(y) + "\" r=\"4\" " +
             (p.computed ? "fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\""
                         : "fill=\"currentColor\"") +
             "/>";
    } else {
      double bw = std::min(64.0, step * 0.6);
      out += "<rect class=\"fz-bar\" x=\"" + N(cx - bw / 2) + "\" y=\"" + N(y) + "\" width=\"" + N(bw) +
             "\" height=\"" + N(base - y) + "\" " + BarFill(spec, p.computed) + "/>";
    }
    out += Text(cx, y - 8, "middle", p.value_label, "fz-value");
    out += Text(cx, base + 16, "middle", p.label);
  }
  out += Legend(left, 16, pts);
  return out + "</svg>";
}

std::string BreakdownChartSvg(const ChartSpec& spec, const std::vector<ChartPoint>& pts) {
  const int row = 26, label_w = 120, value_w = 90, w = 480;
  const int h = static_cast<int>(pts.size()) * row + 12;
  double max = ScaleMax(spec, pts);
  double bar_max = w - label_w - value_w;
  std::string out = Open(spec, "breakdown", w, h);
  out += HatchDefs(spec);
  for (size_t i = 0; i < pts.size(); ++i) {
    const ChartPoint& p = pts[i];
    double y = 6 + row * static_cast<double>(i);
    double bw = std::max(1.0, std::clamp(p.value, 0.0, max) / max * bar_max);
    out += Text(label_w - 6, y + 15, "end", p.label);
    out += "<rect class=\"fz-bar\" x=\"" + N(label_w) + "\" y=\"" + N(y + 3) + "\" width=\"" + N(bw) +
           "\" height=\"18\" " + BarFill(spec, p.computed) + "/>";
    out += Text(label_w + bw + 6, y + 15, "start", p.value_label, "fz-value");
  }
  return out + "</svg>";
}

std::string RateGaugeSvg(const ChartSpec& spec, const ChartPoint& p, std::optional<double> target) {
  const int w = 480, h = 64;
  const double left = 8, width = 464, y = 22, bar_h = 18;
  auto x_of = [&](double v) { return left + std::clamp(v, 0.0, 100.0) / 100 * width; };
  std::string out = Open(spec, "gauge", w, h);
  out += HatchDefs(spec);
  out += "<rect class=\"fz-track\" x=\"" + N(left) + "\" y=\"" + N(y) + "\" width=\"" + N(width) +
         "\" height=\"" + N(bar_h) + "\" fill=\"none\" stroke=\"currentColor\"/>";
  out += "<rect class=\"fz-bar\" x=\"" + N(left) + "\" y=\"" + N(y) + "\" width=\"" +
         N(x_of(p.value) - left) + "\" height=\"" + N(bar_h) + "\" " + BarFill(spec, p.computed) + "/>";
  out += Text(left, 14, "start", p.label + "年 " + p.value_label, "fz-value");
  out += Text(left, y + bar_h + 16, "start", "0%", "fz-axis");
  out += Text(left + width, y + bar_h + 16, "end", "100%", "fz-axis");
  if (target) {
    double tx = x_of(*target);
    out += "<line class=\"fz-target\" x1=\"" + N(tx) + "\" y1=\"" + N(y - 4) + "\" x2=\"" + N(tx) +
           "\" y2=\"" + N(y + bar_h + 4) +
           "\" stroke=\"currentColor\" stroke-width=\"3\" "
           "stroke-dasharray=\"3 2\"/>";
    out += Text(left + width, 14, "end", "目标 " + FormatNumber(*target, 0) + "%", "fz-axis");
  }
  return out + "</svg>";
}

std::string SparklineSvg(const ChartSpec& spec, const std::vector<ChartPoint>& pts) {
  const int w = 120, h = 32;
  std::string out = Open(spec, "spark", w, h);
  if (pts.empty()) return out + "</svg>";
  double lo = spec.percent ? 0 : pts[0].value, hi = spec.percent ? 100 : pts[0].value;
  for (const ChartPoint& p : pts) lo = std::min(lo, p.value), hi = std::max(hi, p.value);
  if (!spec.percent) lo = std::min(lo, 0.0);
  if (hi == lo) hi = lo + 1;
  auto y_of = [&](double v) { return 28 - (v - lo) / (hi - lo) * 24; };
  if (pts.size() == 1) {
    out += "<line x1=\"4\" y1=\"28\" x2=\"40\" y2=\"28\" stroke=\"currentColor\" stroke-opacity=\"0.4\"/>";
    out += "<circle cx=\"22\" cy=\"" + N(y_of(pts[0].value)) + "\" r=\"3.5\" fill=\"currentColor\"/>";
    out += Text(46, 20, "start", "仅" + pts[0].label + "年", "fz-note");
    return out + "</svg>";
  }
  double step = (w - 8.0) / (pts.size() - 1);
  std::string poly;
  for (size_t i = 0; i < pts.size(); ++i) {
    poly += (i ? " " : "") + N(4 + step * i) + "," + N(y_of(pts[i].value));
  }
  out += "<polyline points=\"" + poly + "\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"/>";
  out += "<circle cx=\"" + N(4 + step * (pts.size() - 1)) + "\" cy=\"" + N(y_of(pts.back().value)) +
         "\" r=\"3\" fill=\"currentColor\"/>";
  return out + "</svg>";
}

// ---- From the indicator set.

std::vector<ChartPoint> SeriesPoints(const IndicatorSet& set, const IndicatorDef& def) {
  std::vector<ChartPoint> pts;
  for (const Observation* o : set.ComparableSeries(def.id)) {
    pts.push_back(
        {std::to_string(o->year), o->value, FormatStated(*o, def.kind), o->basis == Basis::kComputed});
  }
  return pts;
}

bool HasTrend(const IndicatorSet& set, const IndicatorDef& def) {
  // A change (同比) is not a level: never drawn on a level's axis.
  return def.kind != IndicatorKind::kChange && def.kind != IndicatorKind::kBoolean &&
         set.ComparableSeries(def.id).size() >= 2;
}

namespace {

std::string DescribePoints(const std::vector<ChartPoint>& pts, std::string_view suffix) {
  std::string d;
  for (const ChartPoint& p : pts) {
    d += (d.empty() ? "" : ";") + p.label + std::string(suffix) + " " + p.value_label +
         (p.computed ? "(计算)" : "");
  }
  return d.empty() ? "暂无数据" : d + "。";
}

}  // namespace

std::string IndicatorTrendSvg(const IndicatorSet& set, const IndicatorDef& def) {
  if (!HasTrend(set, def)) return "";
  auto pts = SeriesPoints(set, def);
  ChartSpec spec{"trend-" + def.id, def.title + "(按年度)", DescribePoints(pts, "年"),
                 def.unit == "%" && def.kind != IndicatorKind::kChange};
  return TrendChartSvg(spec, pts);
}

std::string IndicatorSparklineSvg(const IndicatorSet& set, const IndicatorDef& def) {
  if (!HasTrend(set, def)) return "";
  auto pts = SeriesPoints(set, def);
  ChartSpec spec{"spark-" + def.id, def.title + "趋势", DescribePoints(pts, "年"),
                 def.unit == "%" && def.kind != IndicatorKind::kChange};
  return SparklineSvg(spec, pts);
}

std::string IndicatorBreakdownSvg(const IndicatorSet& set, const IndicatorDef& def, int year) {
  std::vector<ChartPoint> pts;
  for (const Observation* o : set.Breakdown(def.id, year)) {
    pts.push_back({o->breakdown, o->value, FormatStated(*o, def.kind), o->basis == Basis::kComputed});
  }
  if (pts.empty()) return "";
  ChartSpec spec{"breakdown-" + def.id + "-" + std::to_string(year),
                 def.title + "(" + std::to_string(year) + "年,分组)", DescribePoints(pts, ""),
                 def.unit == "%"};
  return BreakdownChartSvg(spec, pts);
}

std::string IndicatorGaugeSvg(const IndicatorSet& set, const IndicatorDef& def, int year) {
  const Observation* o = set.Get(def.id, year);
  if (!o || def.kind != IndicatorKind::kRate) return "";
  ChartPoint p{std::to_string(year), o->value, FormatStated(*o, def.kind), o->basis == Basis::kComputed};
  std::string desc = p.label + "年 " + p.value_label;
  if (def.has_target) desc += ",目标 " + def.target_text + "%";
  ChartSpec spec{"gauge-" + def.id, def.title + "(0–100%)", desc + "。", true};
  return RateGaugeSvg(spec, p, def.has_target ? std::optional<double>(def.target) : std::nullopt);
}

}  // namespace fazhi
