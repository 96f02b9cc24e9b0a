#include "core/suggest.h"

#include <algorithm>
#include <utility>

#include "core/utf8.h"

namespace fazhi {
namespace {

std::u32string Decode(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    i += DecodeUtf8(s, i, &cp);
    out.push_back(cp);
  }
  return out;
}

// Full-width ASCII (an IME left on) as ASCII, lower case, without '-' and '_':
// "ｔｉｔｌｅ", "Title" and "change-of" all compare equal to their key.
std::u32string Fold(std::string_view s) {
  std::u32string out;
  for (char32_t cp : Decode(s)) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    if (cp == '-' || cp == '_') continue;
    out.push_back(cp);
  }
  return out;
}

// Levenshtein plus transposition of neighbours (optimal string alignment):
// "titel" is one step from "title", as an editor would count it.
size_t Distance(const std::u32string& a, const std::u32string& b) {
  const size_t w = b.size() + 1;
  std::vector<size_t> d((a.size() + 1) * w);
  for (size_t i = 0; i <= a.size(); ++i) d[i * w] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t v = std::min({d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        v = std::min(v, d[(i - 2) * w + j - 2] + 1);
      }
      d[i * w + j] = v;
    }
  }
  return d[a.size() * w + b.size()];
}

// The Chinese names editors give keys, each with the keys it may mean in
// the order tried (分类 is `categories` on a page, `category` on an indicator).
const std::vector<std::pair<std::string_view, std::vector<std::string_view>>>& ChineseKeyNames() {
  static const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> kNames = {
      {"标题", {"title"}},
      {"题目", {"title"}},
      {"名称", {"title", "name"}},
      {"指标名称", {"title"}},
      {"日期", {"date", "held"}},
      {"发布日期", {"date"}},
      {"发布时间", {"date"}},
      {"时间", {"date", "held"}},
      {"更新", {"updated"}},
      {"更新日期", {"updated"}},
      {"更新时间", {"updated"}},
      {"修改日期", {"updated"}},
      {"来源", {"source"}},
      {"信息来源", {"source"}},
      {"出处", {"source"}},
      {"描述", {"description"}},
      {"简介", {"description"}},
      {"说明", {"description", "note"}},
      {"摘要", {"summary", "description"}},
      {"概要", {"summary"}},
      {"布局", {"layout"}},
      {"模板", {"layout"}},
      {"草稿", {"draft"}},
      {"权重", {"weight"}},
      {"排序", {"weight"}},
      {"顺序", {"weight"}},
      {"标签", {"tags", "label"}},
      {"关键词", {"tags"}},
      {"分类", {"categories", "category"}},
      {"类别", {"category", "categories"}},
      {"网址", {"slug", "url"}},
      {"年度", {"year"}},
      {"年份", {"year"}},
      {"报告年度", {"year"}},
      {"述法年度", {"year"}},
      {"发布单位", {"publisher"}},
      {"发布机关", {"publisher"}},
      {"发布者", {"publisher"}},
      {"公开日期", {"published"}},
      {"原文日期", {"published"}},
      {"原文链接", {"original_url"}},
      {"原文地址", {"original_url"}},
      {"链接", {"url", "original_url", "links"}},
      {"单位", {"unit"}},
      {"计量单位", {"unit"}},
      {"种类", {"kind"}},
      {"类型", {"kind", "unit_type"}},
      {"方向", {"direction"}},
      {"目标", {"target"}},
      {"目标值", {"target"}},
      {"口径", {"method"}},
      {"统计口径", {"method"}},
      {"分子", {"numerator"}},
      {"分母", {"denominator"}},
      {"责任单位", {"responsible", "owner"}},
      {"负责单位", {"responsible", "owner"}},
      {"同比", {"change_of"}},
      {"别名", {"aliases"}},
      {"相关", {"related"}},
      {"相关指标", {"related"}},
      {"单位类型", {"unit_type"}},
      {"职务", {"post"}},
      {"姓名", {"name"}},
      {"姓名来源", {"name_source"}},
      {"述法日期", {"held"}},
      {"形式", {"form"}},
      {"述法形式", {"form"}},
      {"场合", {"occasion"}},
      {"会议", {"occasion"}},
      {"示例", {"sample"}},
      {"职责", {"duties"}},
      {"点评", {"evaluation", "comment"}},
      {"评价", {"evaluation"}},
      {"评语", {"comment"}},
      {"整改", {"rectification"}},
      {"指标", {"indicators", "indicator"}},
      {"问题", {"problem"}},
      {"措施", {"measure"}},
      {"整改措施", {"measure"}},
      {"责任人", {"owner"}},
      {"期限", {"deadline"}},
      {"整改期限", {"deadline"}},
      {"时限", {"deadline"}},
      {"状态", {"status"}},
      {"完成日期", {"completed"}},
      {"完成时间", {"completed"}},
      {"依据", {"basis"}},
      {"评级", {"rating"}},
      {"等次", {"rating"}},
      {"点评人", {"by"}},
      {"分组", {"groups"}},
      {"数量", {"count"}},
      {"人数", {"count"}},
      {"备注", {"note"}},
      {"事项", {"item"}},
      {"职责事项", {"item"}},
      {"佐证", {"evidence"}},
      {"主办单位", {"sponsor"}},
      {"联系方式", {"contact"}},
      {"主题", {"theme"}},
      {"语言", {"language"}},
      {"菜单", {"menu"}},
      {"页脚", {"footer"}},
      {"每页条数", {"paginate"}},
      {"分页", {"paginate"}},
  };
  return kNames;
}

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b) { return Distance(Decode(a), Decode(b)); }

std::string NearestName(std::string_view typed, const std::vector<std::string_view>& candidates) {
  std::u32string t = Fold(typed);
  if (t.empty()) return "";
  std::string_view best;
  size_t best_distance = SIZE_MAX;
  for (std::string_view c : candidates) {
    std::u32string f = Fold(c);
    size_t d = Distance(t, f);
    // A third of the longer name: "titel" → title, "sorce" → source, but
    // "date" is not suggested for "name".
    size_t limit = std::max<size_t>(1, std::max(t.size(), f.size()) / 3);
    if (d <= limit && d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return std::string(best);
}

std::string SuggestKey(std::string_view typed, const std::vector<std::string_view>& known) {
  std::u32string t = Fold(typed);
  for (const auto& [name, keys] : ChineseKeyNames()) {
    if (Decode(name) != t) continue;
    for (std::string_view k : keys) {
      if (std::find(known.begin(), known.end(), k) != known.end()) return std::string(k);
    }
  }
  return NearestName(typed, known);
}

}  // namespace fazhi
