#include "import/structure.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/utf8.h"
#include "import/messages.h"

namespace fazhi {
namespace {

using U = std::u32string;
using UV = std::u32string_view;

bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == '\n'; }
bool IsAsciiDigit(char32_t c) { return (c >= '0' && c <= '9') || (c >= U'０' && c <= U'９'); }
int DigitValue(char32_t c) { return c >= U'０' ? static_cast<int>(c - U'０') : static_cast<int>(c - '0'); }
bool IsHan(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }
bool IsCnNumeral(char32_t c) { return UV(U"〇零一二两三四五六七八九十").find(c) != UV::npos; }
bool IsSentenceEnd(char32_t c) { return UV(U"。！？；;!?").find(c) != UV::npos; }
bool IsPunct(char32_t c) { return UV(U"。！？；;!?，,：:、").find(c) != UV::npos; }
// Characters after which a heading marker may start inline.
bool IsBoundary(char32_t c) { return IsSentenceEnd(c) || c == U'：' || c == ':' || IsSpace(c); }
bool IsOpenParen(char32_t c) { return c == '(' || c == U'（'; }
bool IsCloseParen(char32_t c) { return c == ')' || c == U'）'; }

bool StartsWith(UV s, size_t i, UV p) { return s.size() >= i + p.size() && s.substr(i, p.size()) == p; }
bool Contains(UV s, UV p) { return s.find(p) != UV::npos; }
bool EndsWith(UV s, UV p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

struct Marker {
  int rank = 0;  // 0: none
  int number = 0;
  size_t len = 0;
};

// The heading marker starting at s[i], if any.
Marker MarkerAt(UV s, size_t i) {
  Marker m;
  if (i >= s.size()) return m;
  char32_t c = s[i];
  if (IsOpenParen(c)) {
    size_t j = i + 1;
    while (j < s.size() && j - i <= 3 && (IsCnNumeral(s[j]) || IsAsciiDigit(s[j]))) ++j;
    if (j == i + 1 || j >= s.size() || !IsCloseParen(s[j])) return m;
    UV inner = s.substr(i + 1, j - i - 1);
    if (IsAsciiDigit(inner[0])) {
      int n = 0;
      for (char32_t d : inner) {
        if (!IsAsciiDigit(d)) return m;
        n = n * 10 + DigitValue(d);
      }
      m = {4, n, j + 1 - i};
    } else {
      int n = ParseChineseNumber(inner);
      if (n > 0) m = {2, n, j + 1 - i};
    }
    return m;
  }
  if (IsCnNumeral(c) && c != U'〇' && c != U'零' && c != U'两') {
    size_t j = i;
    while (j < s.size() && j - i < 3 && IsCnNumeral(s[j])) ++j;
    // "一、", also "一．" and "一." as some texts write it.
    bool dot = j + 1 < s.size() && (s[j] == U'．' || s[j] == '.') && !IsAsciiDigit(s[j + 1]);
    if (j < s.size() && (s[j] == U'、' || dot)) {
      int n = ParseChineseNumber(s.substr(i, j - i));
      if (n > 0) m = {1, n, j + 1 - i};
    }
    return m;
  }
  if (IsAsciiDigit(c)) {
    if (i > 0 && (IsAsciiDigit(s[i - 1]) || s[i - 1] == '.')) return m;
    size_t j = i;
    int n = 0;
    while (j < s.size() && j - i < 2 && IsAsciiDigit(s[j])) n = n * 10 + DigitValue(s[j++]);
    if (j >= s.size() || (s[j] != U'、' && s[j] != '.' && s[j] != U'．')) return m;
    // "2.0", "1.5万" and "3、4月" are numbers, not markers.
    if (j + 1 >= s.size() || IsAsciiDigit(s[j + 1])) return m;
    if (n > 0) m = {3, n, j + 1 - i};
  }
  return m;
}

// "20XX年，" / "20XX年以来" / "一年来": an opening phrase of a paragraph that
// follows an inline top-level heading directly.
bool IsParagraphOpener(UV s, size_t j) {
  for (UV p : {UV(U"一年来"), UV(U"今年以来"), UV(U"近年来"), UV(U"过去一年"), UV(U"本年度")}) {
    if (StartsWith(s, j, p)) return true;
  }
  if (j + 5 >= s.size()) return false;
  for (size_t k = 0; k < 4; ++k) {
    if (!IsAsciiDigit(s[j + k])) return false;
  }
  if (s[j + 4] != U'年') return false;
  char32_t after = s[j + 5];
  return after == U'，' || after == ',' || StartsWith(s, j + 5, U"以来") || after == U'来';
}

// The n-th item marker "一是", "二是" … at s[i]; returns its length or 0.
size_t ItemMarkerAt(UV s, size_t i, int n) {
  size_t j = i;
  while (j < s.size() && j - i < 3 && IsCnNumeral(s[j])) ++j;
  if (j == i || j >= s.size() || s[j] != U'是') return 0;
  return ParseChineseNumber(s.substr(i, j - i)) == n ? j + 1 - i : 0;
}

// Splits a paragraph before "一是", "二是" … (in order) so each item is a
// paragraph of its own.
std::vector<U> SplitItems(UV text) {
  std::vector<U> out;
  size_t start = 0;
  int next = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    bool boundary = i == 0 || IsBoundary(text[i - 1]) || text[i - 1] == U'，' || text[i - 1] == ',';
    if (!boundary || ItemMarkerAt(text, i, next) == 0) continue;
    if (i > start) out.push_back(U(text.substr(start, i - start)));
    start = i;
    ++next;
  }
  if (start < text.size()) out.push_back(U(text.substr(start)));
  return out;
}

// Cuts a long unstructured paragraph at sentence ends into readable pieces.
std::vector<U> SplitLongParagraph(UV text, size_t target) {
  std::vector<U> out;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == U'。' && i + 1 - start >= target && i + 1 < text.size()) {
      out.push_back(U(text.substr(start, i + 1 - start)));
      start = i + 1;
    }
  }
  if (start < text.size()) out.push_back(U(text.substr(start)));
  return out;
}

std::vector<U> SplitWords(UV s) {
  std::vector<U> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !IsSpace(s[j])) ++j;
    if (j > i) out.push_back(U(s.substr(i, j - i)));
    i = j;
  }
  return out;
}

bool HasPunct(UV s) {
  return std::any_of(s.begin(), s.end(), [](char32_t c) { return IsPunct(c); });
}

// An organisation name such as 广州市从化区司法局 standing alone.
bool IsOrgLike(UV s) {
  if (s.size() < 3 || s.size() > 30 || HasPunct(s)) return false;
  if (std::any_of(s.begin(), s.end(), [](char32_t c) { return IsAsciiDigit(c); })) return false;
  for (UV suf :
       {UV(U"局"),         UV(U"委"),   UV(U"政府"),   UV(U"办公室"), UV(U"办"), UV(U"院"), UV(U"厅"),
        UV(U"部"),         UV(U"中心"), UV(U"委员会"), UV(U"所"),     UV(U"处"), UV(U"署"), UV(U"街道"),
        UV(U"街道办事处"), UV(U"镇"),   UV(U"乡"),     UV(U"管委会"), UV(U"队"), UV(U"会")}) {
    if (EndsWith(s, suf)) return true;
  }
  return false;
}

// A date written in full: 2025年1月20日, 2025-01-20, 2025/1/20, 2025.1.20 or
// 二〇二五年一月二十日, optionally followed by a time. Fills YYYY-MM-DD.
bool ParseDate(UV s, std::string* iso, bool allow_time) {
  size_t i = 0;
  int y = 0, m = 0, d = 0;
  auto read_num = [&](int max_digits, int* v) {
    size_t st = i;
    *v = 0;
    while (i < s.size() && i - st < static_cast<size_t>(max_digits) && IsAsciiDigit(s[i])) {
      *v = *v * 10 + DigitValue(s[i++]);
    }
    return i > st;
  };
  if (i < s.size() && IsAsciiDigit(s[0])) {
    if (!read_num(4, &y) || i != 4 || i >= s.size()) return false;
    char32_t sep = s[i++];
    if (sep != U'年' && sep != '-' && sep != '/' && sep != '.') return false;
    if (!read_num(2, &m) || i >= s.size()) return false;
    char32_t sep2 = s[i++];
    if (sep == U'年' ? sep2 != U'月' : sep2 != sep) return false;
    if (!read_num(2, &d)) return false;
    if (sep == U'年') {
      if (i >= s.size() || s[i] != U'日') return false;
      ++i;
    }
  } else {
    // 二〇二五年一月二十日: the year digit by digit, month and day as numerals.
    static const UV kDigits = U"〇一二三四五六七八九";
    size_t st = i;
    while (i < s.size() && (kDigits.find(s[i]) != UV::npos || s[i] == U'零')) {
      y = y * 10 + static_cast<int>(s[i] == U'零' ? 0 : kDigits.find(s[i]));
      ++i;
    }
    if (i - st != 4 || i >= s.size() || s[i] != U'年') return false;
    size_t mo = ++i;
    while (i < s.size() && IsCnNumeral(s[i])) ++i;
    if (i >= s.size() || s[i] != U'月') return false;
    m = ParseChineseNumber(s.substr(mo, i - mo));
    size_t da = ++i;
    while (i < s.size() && IsCnNumeral(s[i])) ++i;
    if (i >= s.size() || s[i] != U'日') return false;
    d = ParseChineseNumber(s.substr(da, i - da));
    ++i;
  }
  while (i < s.size() && allow_time && (IsSpace(s[i]) || IsAsciiDigit(s[i]) || s[i] == ':')) ++i;
  if (i != s.size() || y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  *iso = buf;
  return true;
}

bool IsTimeToken(UV s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char32_t c) { return IsAsciiDigit(c) || c == ':'; }) &&
         Contains(s, U":");
}

// Words that only occur in a portal's page furniture.
constexpr UV kPortalWords[] = {
    U"无障碍",       U"字号",     U"字体",     U"打印",       U"关闭",     U"分享",
    U"扫一扫",       U"收藏",     U"浏览次数", U"阅读次数",   U"浏览量",   U"点击数",
    U"点击量",       U"阅读量",   U"访问量",   U"返回顶部",   U"返回首页", U"当前位置",
    U"您现在的位置", U"网站地图", U"门户网站", U"政府网",     U"长者模式", U"适老化",
    U"关怀版",       U"繁體",     U"繁体",     U"简体",       U"登录",     U"注册",
    U"搜索",         U"发布时间", U"发布日期", U"信息来源",   U"来源",     U"作者",
    U"责任编辑",     U"编辑",     U"索引号",   U"发文机关",   U"发布机构", U"成文日期",
    U"主题分类",     U"公开方式", U"公开范围", U"视力保护色", U"上一篇",   U"下一篇",
    U"相关链接",     U"相关文章", U"微信",     U"微博",       U"【",       U"】"};

bool IsPortalWord(UV s) {
  if (s.size() > 40) return false;
  for (UV w : kPortalWords) {
    if (Contains(s, w)) return true;
  }
  if (StartsWith(s, 0, U"首页") || Contains(s, U">") || Contains(s, U"＞") || Contains(s, U"»") ||
      Contains(s, U"›")) {
    return true;
  }
  static const std::set<U> kSingles = {U"大", U"中", U"小", U"A",    U"A+",   U"A-",
                                       U"|",  U"/",  U"-",  U"默认", U"标准", U"打印本页"};
  return kSingles.count(U(s)) > 0;
}

// "来源：从化区司法局" → "从化区司法局" (possibly empty); false when `s` is not a 来源 field.
bool SourceField(UV s, U* value) {
  for (UV key : {UV(U"信息来源"), UV(U"文章来源"), UV(U"来源")}) {
    if (!StartsWith(s, 0, key)) continue;
    size_t i = key.size();
    if (i < s.size() && (s[i] == U'：' || s[i] == ':')) ++i;
    *value = U(s.substr(i));
    return true;
  }
  return false;
}

// The fields of a portal's 政府信息公开目录 block and of its article header.
enum class PortalField { kIndexNo, kTopic, kIssuer, kWritten, kName, kDocNo, kDate, kSource, kOther };

struct PortalLabel {
  UV label;
  PortalField field;
};

// Longest first where one label ends another (主题分类/分类, 发文字号/文号 …).
constexpr PortalLabel kPortalLabels[] = {
    {U"索引号", PortalField::kIndexNo},   {U"主题分类", PortalField::kTopic},
    {U"分类", PortalField::kTopic},       {U"发布机构", PortalField::kIssuer},
    {U"发文机关", PortalField::kIssuer},  {U"发文单位", PortalField::kIssuer},
    {U"成文日期", PortalField::kWritten}, {U"名称", PortalField::kName},
    {U"标题", PortalField::kName},        {U"发文字号", PortalField::kDocNo},
    {U"文号", PortalField::kDocNo},       {U"发布日期", PortalField::kDate},
    {U"发布时间", PortalField::kDate},    {U"公开日期", PortalField::kDate},
    {U"信息来源", PortalField::kSource},  {U"文章来源", PortalField::kSource},
    {U"来源", PortalField::kSource},      {U"主题词", PortalField::kOther},
    {U"浏览次数", PortalField::kOther},   {U"阅读次数", PortalField::kOther},
    {U"访问量", PortalField::kOther},     {U"点击数", PortalField::kOther},
    {U"点击量", PortalField::kOther},     {U"浏览量", PortalField::kOther},
    {U"阅读量", PortalField::kOther},     {U"责任编辑", PortalField::kOther},
    {U"编辑", PortalField::kOther},       {U"作者", PortalField::kOther},
    {U"公开方式", PortalField::kOther},   {U"公开范围", PortalField::kOther},
    {U"公开时限", PortalField::kOther},   {U"有效性", PortalField::kOther},
    {U"时效", PortalField::kOther},       {U"字体大小", PortalField::kOther},
    {U"字体", PortalField::kOther},       {U"字号", PortalField::kOther},
};

// The label at s[i] followed by a colon ("索引号：", "来源 :"): its field and
// the length up to and including the colon, or 0.
size_t PortalLabelAt(UV s, size_t i, PortalField* field) {
  size_t best = 0;
  for (const PortalLabel& l : kPortalLabels) {
    if (!StartsWith(s, i, l.label)) continue;
    size_t j = i + l.label.size();
    while (j < s.size() && (s[j] == ' ' || s[j] == 0x3000)) ++j;
    if (j >= s.size() || (s[j] != U'：' && s[j] != ':')) continue;
    if (j + 1 - i > best) {
      best = j + 1 - i;
      *field = l.field;
    }
  }
  return best;
}

bool IsFieldJunk(char32_t c) { return IsSpace(c) || UV(U"|｜丨/·•【】[]").find(c) != UV::npos; }

// A line of labelled fields, as a portal shows them above an item or under its
// title: "索引号：… 分类：…", "来源：… 发布时间：…", also run together
// ("浏览次数:信息来源: 区司法局发布时间:2025-11-07 16:34"). The line must start
// with a label. Each value runs to the next label; it may be empty.
bool ParsePortalLine(UV line, std::vector<std::pair<PortalField, U>>* fields) {
  fields->clear();
  size_t i = 0;
  while (i < line.size() && (IsSpace(line[i]) || line[i] == U'•' || line[i] == U'·' || line[i] == U'●')) ++i;
  PortalField field;
  size_t len = PortalLabelAt(line, i, &field);
  if (len == 0) return false;
  while (len > 0) {
    size_t start = i + len, j = start;
    PortalField next = PortalField::kOther;
    size_t next_len = 0;
    for (; j < line.size(); ++j) {
      if ((next_len = PortalLabelAt(line, j, &next)) > 0) break;
    }
    size_t a = start, b = j;
    while (a < b && IsFieldJunk(line[a])) ++a;
    while (b > a && IsFieldJunk(line[b - 1])) --b;
    fields->emplace_back(field, U(line.substr(a, b - a)));
    i = j;
    field = next;
    len = next_len;
  }
  return true;
}

// A portal's own name: "示例区人民政府门户网站", "示例区政府网", or (after the
// title) the body that runs the portal, "天津市示例区人民政府".
bool IsPortalName(UV s, bool org_too) {
  if (s.empty() || s.size() > 40 || HasPunct(s) || Contains(s, U"报告")) return false;
  return Contains(s, U"网") || Contains(s, U"门户") || (org_too && IsOrgLike(s));
}

bool IsTitleSeparator(char32_t c) { return UV(U"_|｜－—–-").find(c) != UV::npos; }

// What follows a title on its line when it is only the portal's name: "_示例区政府网", " - 示例区门户网站".
bool IsTitleDecoration(UV rest) {
  size_t i = 0;
  while (i < rest.size() && IsSpace(rest[i])) ++i;
  if (i >= rest.size() || !IsTitleSeparator(rest[i])) return false;
  while (i < rest.size() && (IsSpace(rest[i]) || IsTitleSeparator(rest[i]))) ++i;
  return IsPortalName(TrimU32(rest.substr(i)), true);
}

// A report title: "…报告" mentioning a year or 法治, without sentence punctuation.
// Returns the title's length inside `s` (it may run straight into the body), or 0.
// `s` is one whitespace-free word. A title that is the whole word may also
// end in 情况 or 总结 ("…年法治政府建设工作情况").
size_t TitleLength(UV s) {
  size_t limit = std::min<size_t>(s.size(), 70);
  size_t pos = s.substr(0, limit).find(U"报告");
  if (pos == UV::npos) {
    if (s.size() > 60 || HasPunct(s) || !(Contains(s, U"年") && Contains(s, U"法治"))) return 0;
    return EndsWith(s, U"情况") || EndsWith(s, U"总结") ? s.size() : 0;
  }
  UV title = s.substr(0, pos + 2);
  if (HasPunct(title)) return 0;
  bool yearish = Contains(title, U"年") || Contains(title, U"法治");
  if (!yearish) return 0;
  UV rest = s.substr(pos + 2);
  if (StartsWith(rest, 0, U"如下") || StartsWith(rest, 0, U"会")) return 0;
  return pos + 2;
}

bool StartsWithMarker(UV s) { return MarkerAt(s, 0).rank != 0; }

int FindYear(UV s) {
  for (size_t i = 0; i + 4 < s.size(); ++i) {
    if (i > 0 && IsAsciiDigit(s[i - 1])) continue;
    bool ok = true;
    int y = 0;
    for (size_t k = 0; k < 4; ++k) {
      if (!IsAsciiDigit(s[i + k]))
        ok = false;
      else
        y = y * 10 + DigitValue(s[i + k]);
    }
    if (ok && s[i + 4] == U'年' && y >= 1990 && y <= 2100) return y;
  }
  return 0;
}

class Structurer {
 public:
  explicit Structurer(std::string_view document_title) : document_title_(document_title) {}

  StructuredReport Run(std::string_view text) {
    std::vector<std::pair<U, int>> lines;  // trimmed non-empty lines with their line numbers
    int no = 0;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      ++no;
      U l = TrimU32(ToU32(text.substr(start, end - start)));
      if (!l.empty()) lines.emplace_back(std::move(l), no);
      if (end == text.size()) break;
      start = end + 1;
    }
    size_t first = StripHeader(&lines);
    StripFooter(&lines, first);
    for (size_t i = first; i < lines.size(); ++i) SplitLine(lines[i].first, lines[i].second);
    Finish();
    return std::move(r_);
  }

 private:
  // Drops portal furniture before the report, picking up the title, a
  // publisher line and the portal's 来源. Returns the index of the first body
  // line; that line may have been shortened to where the body starts.
  size_t StripHeader(std::vector<std::pair<U, int>>* lines) {
    U pending_org;
    int uncertain_line = -1;  // first short fragment that may be body text
    size_t uncertain_at = 0;
    int uncertain_count = 0;
    std::vector<std::pair<PortalField, U>> fields;
    for (size_t li = 0; li < lines->size() && li < 40; ++li) {
      U& line = (*lines)[li].first;
      std::vector<U> words = SplitWords(line);
      if (ParsePortalLine(line, &fields)) {
        // The portal's catalogue block or article header: this is a portal
        // page, so short fragments before it were its furniture.
        uncertain_line = -1;
        uncertain_count = 0;
        pending_org.clear();
        r_.clutter_removed += static_cast<int>(words.size());
        for (auto& [field, value] : fields) TakeField(field, value);
        // A label alone, its value on the next line (table cells copied one per line).
        if (fields.size() == 1 && fields[0].second.empty() && li + 1 < lines->size() &&
            ValueOnNextLine(fields[0].first, (*lines)[li + 1].first)) {
          ++li;
          r_.clutter_removed += static_cast<int>(SplitWords((*lines)[li].first).size());
          TakeField(fields[0].first, (*lines)[li].first);
        }
        continue;
      }
      size_t consumed_chars = 0;  // how far into `line` the header reaches
      bool body = false;
      for (size_t wi = 0; wi < words.size(); ++wi) {
        const U& w = words[wi];
        size_t at = line.find(w, consumed_chars);
        U value;
        std::string iso;
        if (r_.meta.title.empty() && !StartsWithMarker(w) && TitleLength(w) > 0) {
          size_t tl = TitleLength(w);
          U t = U(UV(line).substr(at, tl));
          uncertain_line = -1;
          uncertain_count = 0;
          if (!pending_org.empty() && !StartsWith(t, 0, pending_org)) t = pending_org + t;
          r_.meta.title = StripPortalName(ToU8(t));
          if (!pending_org.empty()) r_.meta.publisher = ToU8(pending_org);
          pending_org.clear();
          consumed_chars = at + tl;
          // The rest of this line (if any) is body text.
          U rest = TrimU32(UV(line).substr(consumed_chars));
          if (!rest.empty() && IsTitleDecoration(rest)) {  // "…报告_示例区政府网"
            ++r_.clutter_removed;
            break;
          }
          if (!rest.empty() && ParsePortalLine(rest, &fields)) {  // "…报告 来源：… 发布时间：…"
            r_.clutter_removed += static_cast<int>(SplitWords(rest).size());
            for (auto& [field, value] : fields) TakeField(field, value);
            break;
          }
          if (!rest.empty()) {
            line = rest;
            return li;
          }
          break;
        }
        if (!r_.meta.title.empty() && ToU8(w) == r_.meta.title) {  // title repeated by the portal
          consumed_chars = at + w.size();
          continue;
        }
        if (SourceField(w, &value)) {
          if (value.empty() && wi + 1 < words.size()) value = words[++wi];
          if (!value.empty() && r_.meta.portal_source.empty()) r_.meta.portal_source = ToU8(value);
          ++r_.clutter_removed;
          pending_org.clear();
          consumed_chars = line.find(words[wi], at) + words[wi].size();
          continue;
        }
        if (IsPortalWord(w) || ParseDate(w, &iso, true) || IsTimeToken(w)) {
          // An organisation name counts as the title's first line only right
          // above it, not when portal furniture follows it (the portal's banner).
          ++r_.clutter_removed;
          consumed_chars = at + w.size();
          pending_org.clear();
          continue;
        }
        if (IsOrgLike(w) && r_.meta.title.empty()) {
          pending_org = w;
          consumed_chars = at + w.size();
          continue;
        }
        // Under the title: the issuing body, or "（2025年1月20日）".
        if (!r_.meta.title.empty() && IsOrgLike(w) && r_.meta.publisher.empty()) {
          r_.meta.publisher = ToU8(w);
          consumed_chars = at + w.size();
          continue;
        }
        if (!r_.meta.title.empty() && w.size() > 2 && IsOpenParen(w.front()) && IsCloseParen(w.back()) &&
            ParseDate(UV(w).substr(1, w.size() - 2), &iso, false)) {
          r_.meta.published = iso;
          consumed_chars = at + w.size();
          continue;
        }
        bool body_like = StartsWithMarker(w) || HasPunct(w) || w.size() > 30 || !r_.meta.title.empty();
        if (body_like) {
          if (r_.meta.title.empty() && uncertain_line >= 0) {
            // No title came: the short fragments were the start of the text.
            r_.clutter_removed -= uncertain_count;
            li = static_cast<size_t>(uncertain_line);
            (*lines)[li].first = TrimU32(UV((*lines)[li].first).substr(uncertain_at));
          } else {
            line = TrimU32(UV(line).substr(at));
          }
          body = true;
          break;
        }
        // A short fragment before the title: a column name or breadcrumb part.
        // After a breadcrumb separator it is certainly one; otherwise it is
        // clutter only if a title follows.
        bool after_crumb = wi > 0 && IsPortalWord(words[wi - 1]) && !SourceField(words[wi - 1], &value);
        if (!after_crumb) {
          if (uncertain_line < 0) {
            uncertain_line = static_cast<int>(li);
            uncertain_at = at;
          }
          ++uncertain_count;
        }
        ++r_.clutter_removed;
        consumed_chars = at + w.size();
      }
      if (body) {
        RestoreOrg(&pending_org, lines, li);
        return li;
      }
    }
    // No body found in the first lines: treat everything as body.
    r_.clutter_removed = 0;
    r_.meta.title.clear();
    r_.meta.portal_source.clear();
    return 0;
  }

  // Keeps the first value of each field; a date that cannot be read is left out.
  void TakeField(PortalField field, const U& value) {
    if (value.empty()) return;
    ImportMeta& m = r_.meta;
    std::string iso;
    auto once = [&](std::string* to) {
      if (to->empty()) *to = ToU8(value);
    };
    switch (field) {
      case PortalField::kIndexNo:
        once(&m.index_no);
        break;
      case PortalField::kTopic:
        once(&m.topic);
        break;
      case PortalField::kIssuer:
        once(&m.issuer);
        break;
      case PortalField::kDocNo:
        once(&m.doc_no);
        break;
      case PortalField::kName:
        once(&m.catalogue_title);
        break;
      case PortalField::kSource:
        once(&m.portal_source);
        break;
      case PortalField::kWritten:
        if (m.written.empty() && ParseDate(value, &iso, true)) m.written = iso;
        break;
      case PortalField::kDate:
        if (m.portal_date.empty() && ParseDate(value, &iso, true)) m.portal_date = iso;
        break;
      case PortalField::kOther:
        break;
    }
  }

  // Whether `next` is the value of a catalogue label that stood alone on its
  // line: short, not a label itself, not a heading, and not the report's title
  // (an empty 文号 followed by the title must not take it).
  static bool ValueOnNextLine(PortalField field, const U& next) {
    std::vector<std::pair<PortalField, U>> ignored;
    if (field == PortalField::kOther || next.size() > 60 || ParsePortalLine(next, &ignored) ||
        StartsWithMarker(next) || HasPunct(next)) {
      return false;
    }
    std::string iso;
    if (field == PortalField::kDate || field == PortalField::kWritten) return ParseDate(next, &iso, true);
    return field == PortalField::kName || TitleLength(next) == 0;
  }

  // An organisation line that turned out not to precede a title is body text.
  void RestoreOrg(U* pending_org, std::vector<std::pair<U, int>>* lines, size_t li) {
    if (pending_org->empty()) return;
    if (r_.meta.title.empty()) {
      (*lines)[li].first = *pending_org + U"\n" + (*lines)[li].first;
    }
    pending_org->clear();
  }

  // Drops page furniture after the report and picks up the signature and
  // its date (the publication date the text states).
  void StripFooter(std::vector<std::pair<U, int>>* lines, size_t first) {
    bool have_date = false, have_org = false;
    while (lines->size() > first) {
      U& line = lines->back().first;
      size_t cut = line.size();
      for (size_t i = line.size(); i > 0; --i) {
        if (IsSentenceEnd(line[i - 1])) {
          cut = i;
          break;
        }
        if (i == 1) cut = 0;
      }
      UV tail = UV(line).substr(cut);
      std::vector<U> words = SplitWords(tail);
      size_t keep = words.size();
      while (keep > 0) {
        const U& w = words[keep - 1];
        std::string iso;
        if (IsPortalWord(w) || IsTimeToken(w)) {
          ++r_.clutter_removed;
        } else if (!have_date && !have_org && ParseDate(w, &iso, false)) {
          r_.meta.published = iso;
          signature_date_ = ToU8(w);
          have_date = true;
        } else if (!have_org && IsOrgLike(w) && (have_date || keep < words.size())) {
          signature_ = ToU8(w);
          have_org = true;
        } else {
          break;
        }
        --keep;
      }
      if (keep == words.size()) break;  // nothing removed: the report ends here
      if (keep > 0) {
        // Keep the unrecognised words of the tail.
        size_t pos = cut;
        for (size_t k = 0; k < keep; ++k) pos = line.find(words[k], pos) + words[k].size();
        line.resize(pos);
        break;
      }
      line.resize(cut);
      line = TrimU32(line);
      if (line.empty()) lines->pop_back();
    }
  }

  // Cuts one body line into segments at heading markers and emits blocks.
  void SplitLine(UV line, int line_no) {
    size_t seg_start = 0;
    Marker seg_marker = MarkerAt(line, 0);
    if (seg_marker.rank) Accept(seg_marker);
    bool open = seg_marker.rank != 0;  // a heading whose sentence has not ended
    bool seg_own_line = true;          // the segment starts a line or follows a heading directly
    size_t open_at = 0;
    for (size_t i = 1; i < line.size(); ++i) {
      if (IsSentenceEnd(line[i - 1])) open = false;
      Marker m = MarkerAt(line, i);
      if (!m.rank) continue;
      bool seq = m.number == counter_[m.rank] + 1;
      bool glued = open && m.rank > last_rank_ && i - open_at <= 60;
      if (!seq || !(IsBoundary(line[i - 1]) || glued)) continue;
      // Inline 1. / （1） after "：" or "；" enumerate inside a sentence; only
      // after a full stop do they start an item of their own.
      if (m.rank >= 3 && !glued && !(line[i - 1] == U'。' || line[i - 1] == U'！' || line[i - 1] == U'？')) {
        continue;
      }
      Emit(line.substr(seg_start, i - seg_start), seg_marker, line_no, false, seg_own_line);
      Accept(m);
      seg_own_line = glued;
      seg_start = i;
      seg_marker = m;
      open = true;
      open_at = i;
    }
    Emit(line.substr(seg_start), seg_marker, line_no, seg_start == 0, seg_own_line);
  }

  void Accept(const Marker& m) {
    counter_[m.rank] = m.number;
    for (int r = m.rank + 1; r < 5; ++r) counter_[r] = 0;
    last_rank_ = m.rank;
  }

  void Emit(UV seg, const Marker& m, int line_no, bool whole_line, bool own_line) {
    U trimmed = TrimU32(seg);
    if (trimmed.empty()) return;
    if (m.rank == 0) {
      AddParagraph(trimmed, line_no);
      return;
    }
    UV marker = UV(trimmed).substr(0, m.len);
    U rest = TrimU32(UV(trimmed).substr(m.len));
    U title, body;
    bool ended_by_sentence = false, found = false;
    if (whole_line && rest.size() <= 60 &&
        std::none_of(rest.begin(), rest.end() - (rest.empty() ? 0 : 1),
                     [](char32_t c) { return IsSentenceEnd(c); })) {
      title = rest;
      found = true;
      ended_by_sentence = true;
    } else {
      for (size_t j = 0; j < rest.size() && j <= 100; ++j) {
        if (IsSentenceEnd(rest[j])) {
          title = rest.substr(0, j);
          body = rest.substr(j + 1);
          ended_by_sentence =
              rest[j] == U'。' || rest[j] == U'！' || rest[j] == U'？' || rest[j] == '!' || rest[j] == '?';
          found = true;
          break;
        }
        if (j > 0 && ItemMarkerAt(rest, j, 1) > 0) {
          title = rest.substr(0, j);
          body = rest.substr(j);
          ended_by_sentence = true;
          found = true;
          break;
        }
        if (m.rank == 1 && j >= 4 && IsHan(rest[j - 1]) && IsParagraphOpener(rest, j)) {
          title = rest.substr(0, j);
          body = rest.substr(j);
          ended_by_sentence = true;
          found = true;
          break;
        }
      }
      if (!found && rest.size() <= 60) {
        title = rest;
        found = true;
        ended_by_sentence = true;
      }
    }
    while (!title.empty() && (IsPunct(title.back()) || IsSpace(title.back()))) title.pop_back();
    size_t max_len = m.rank >= 3 ? 50 : 80;
    // 1. and （1） inside running text are items, not headings.
    bool heading = found && !title.empty() && title.size() <= max_len &&
                   (m.rank <= 2 || (ended_by_sentence && own_line));
    if (!heading) {
      AddParagraph(trimmed, line_no);
      return;
    }
    ImportBlock b;
    b.kind = ImportBlockKind::kHeading;
    b.rank = m.rank;
    b.marker = ToU8(marker);
    b.text = ToU8(title);
    b.line = line_no;
    r_.blocks.push_back(std::move(b));
    U body_trim = TrimU32(body);
    if (!body_trim.empty()) AddParagraph(body_trim, line_no);
  }

  void AddParagraph(UV text, int line_no) {
    // A pending org line restored by RestoreOrg is its own paragraph.
    size_t nl = text.find(U'\n');
    if (nl != UV::npos) {
      AddParagraph(text.substr(0, nl), line_no);
      AddParagraph(text.substr(nl + 1), line_no);
      return;
    }
    for (U& item : SplitItems(text)) {
      U t = TrimU32(item);
      if (t.empty()) continue;
      ImportBlock b;
      b.text = ToU8(t);
      b.line = line_no;
      r_.blocks.push_back(std::move(b));
    }
  }

  void Finish() {
    std::set<int> ranks;
    for (const ImportBlock& b : r_.blocks) {
      if (b.kind == ImportBlockKind::kHeading) ranks.insert(b.rank);
    }
    std::vector<int> order(ranks.begin(), ranks.end());
    for (ImportBlock& b : r_.blocks) {
      if (b.kind != ImportBlockKind::kHeading) continue;
      b.level = 2 + static_cast<int>(std::find(order.begin(), order.end(), b.rank) - order.begin());
      ++r_.heading_count;
    }
    if (r_.heading_count == 0) {
      r_.warnings.push_back(Message(msg::kImportNoHeadings));
      std::vector<ImportBlock> out;
      for (const ImportBlock& b : r_.blocks) {
        for (U& piece : SplitLongParagraph(ToU32(b.text), 300)) {
          ImportBlock p = b;
          p.text = ToU8(piece);
          out.push_back(std::move(p));
        }
      }
      r_.blocks = std::move(out);
    }
    FindMeta();
    FindParts(order.empty() ? 0 : order.front());
  }

  void FindMeta() {
    ImportMeta& m = r_.meta;
    // No title line in the text: the catalogue's 名称, else the page's <title>
    // when it names a report rather than only the portal.
    if (m.title.empty() && !m.catalogue_title.empty()) m.title = StripPortalName(m.catalogue_title);
    if (m.title.empty() && !document_title_.empty()) {
      std::string t = StripPortalName(document_title_);
      U tu = ToU32(t);
      if (!IsPortalName(tu, false) && (Contains(tu, U"报告") || Contains(tu, U"情况"))) m.title = t;
    }
    U title = ToU32(m.title);
    if (!title.empty()) {
      m.year = FindYear(title);
      // "从化区司法局2024年…报告": the words before the year name the publisher.
      size_t y = title.find(U"年");
      if (m.publisher.empty() && y != U::npos && y >= 4) {
        U before = title.substr(0, y - 4);
        if (IsOrgLike(before)) m.publisher = ToU8(before);
      }
    }
    m.signature = signature_;
    m.signature_date = signature_date_;
    if (!signature_.empty()) m.publisher = signature_;
    if (m.publisher.empty() && !m.issuer.empty()) m.publisher = m.issuer;
    if (m.publisher.empty() && !m.portal_source.empty()) m.publisher = m.portal_source;
    // The day the portal made it public is the publication date; a date in the
    // text (the 落款's) is one only when the portal states none.
    if (!m.portal_date.empty()) m.published = m.portal_date;
    if (m.year == 0 && !r_.blocks.empty()) {
      // "示例区司法局2024年…": a year near the start of the text.
      U first = ToU32(r_.blocks.front().text);
      m.year = FindYear(first.substr(0, std::min<size_t>(first.size(), 24)));
    }
    if (m.year == 0) {
      for (const ImportBlock& b : r_.blocks) {
        U t = ToU32(b.text);
        // "2024年，…" opening the report, or "二、2024年度…" in a heading.
        if (b.kind == ImportBlockKind::kParagraph && t.size() > 5 && IsAsciiDigit(t[0])) {
          m.year = FindYear(t.substr(0, 5));
        } else if (b.kind == ImportBlockKind::kHeading && Contains(t, U"年度")) {
          m.year = FindYear(t);
        }
        if (m.year) break;
      }
    }
  }

  void FindParts(int top_rank) {
    ImportParts& p = r_.parts;
    std::string top_label;
    std::string path;  // labels of the current headings, for a folded part
    std::vector<std::string> stack;
    for (const ImportBlock& b : r_.blocks) {
      U t = ToU32(b.text);
      if (b.kind == ImportBlockKind::kHeading) {
        while (!stack.empty() && static_cast<int>(stack.size()) >= b.level - 1) stack.pop_back();
        stack.push_back(HeadingLabel(b));
        if (b.rank != top_rank) {
          if (p.accountability.empty() && Contains(t, U"第一责任人")) {
            p.accountability = JoinPath(stack);
            p.accountability_folded = true;
          }
          continue;
        }
        std::string label = HeadingLabel(b);
        if (Contains(t, U"第一责任人")) {
          p.accountability = label;
          p.accountability_folded = false;
        } else if (Contains(t, U"不足") || Contains(t, U"问题") || Contains(t, U"短板") ||
                   Contains(t, U"差距")) {
          if (p.shortcomings.empty()) p.shortcomings = label;
        } else if (Contains(t, U"下一年") || Contains(t, U"下一步") || Contains(t, U"安排") ||
                   Contains(t, U"计划") || Contains(t, U"打算") || Contains(t, U"思路")) {
          if (p.plans.empty()) p.plans = label;
        } else if (Contains(t, U"举措") || Contains(t, U"成效") || Contains(t, U"主要工作") ||
                   Contains(t, U"工作情况") || Contains(t, U"进展")) {
          if (p.measures.empty()) p.measures = label;
        }
      } else if (p.accountability.empty() && Contains(t, U"第一责任人") && !stack.empty()) {
        // An item such as "二是压实法治建设第一责任人职责。" inside part 一.
        U item = t.substr(0, std::min<size_t>(t.size(), 20));
        size_t end = item.find_first_of(U"。；;，,");
        if (end != U::npos) item.resize(end);
        p.accountability = JoinPath(stack) + " " + ToU8(item);
        p.accountability_folded = true;
      }
    }
  }

  static std::string JoinPath(const std::vector<std::string>& stack) {
    std::string s;
    for (const std::string& l : stack) s += (s.empty() ? "" : " > ") + l;
    return s;
  }

  std::string_view document_title_;
  StructuredReport r_;
  std::string signature_;
  std::string signature_date_;
  int counter_[5] = {0, 0, 0, 0, 0};
  int last_rank_ = 0;
};

}  // namespace

int ParseChineseNumber(std::u32string_view s) {
  static const UV kDigits = U"零一二三四五六七八九";
  if (s.empty() || s.size() > 3) return 0;
  auto digit = [](char32_t c) -> int {
    if (c == U'〇') return 0;
    if (c == U'两') return 2;
    size_t p = kDigits.find(c);
    return p == UV::npos ? -1 : static_cast<int>(p);
  };
  size_t ten = s.find(U'十');
  if (ten == UV::npos) {
    if (s.size() != 1) return 0;
    int d = digit(s[0]);
    return d > 0 ? d : 0;
  }
  int tens = 1, ones = 0;
  if (ten == 1) {
    tens = digit(s[0]);
    if (tens <= 0) return 0;
  } else if (ten != 0) {
    return 0;
  }
  if (ten + 1 < s.size()) {
    if (ten + 2 != s.size()) return 0;
    ones = digit(s[ten + 1]);
    if (ones <= 0) return 0;
  }
  return tens * 10 + ones;
}

std::string HeadingLabel(const ImportBlock& b) { return b.marker + b.text; }

std::u32string ToU32(std::string_view s) {
  U out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    i += DecodeUtf8(s, i, &cp);
    out.push_back(cp);
  }
  return out;
}

std::string ToU8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t c : s) AppendUtf8(out, c);
  return out;
}

std::u32string TrimU32(std::u32string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && IsSpace(s[a])) ++a;
  while (b > a && IsSpace(s[b - 1])) --b;
  return U(s.substr(a, b - a));
}

StructuredReport StructureReport(std::string_view text, std::string_view document_title) {
  return Structurer(document_title).Run(text);
}

bool IsPortalFieldLine(std::string_view line) {
  std::vector<std::pair<PortalField, U>> fields;
  return ParsePortalLine(ToU32(line), &fields);
}

std::string StripPortalName(std::string_view title) {
  U t = TrimU32(ToU32(title));
  auto trim_seps = [](U s) {
    size_t a = 0, b = s.size();
    while (a < b && (IsSpace(s[a]) || IsTitleSeparator(s[a]))) ++a;
    while (b > a && (IsSpace(s[b - 1]) || IsTitleSeparator(s[b - 1]))) --b;
    return s.substr(a, b - a);
  };
  for (;;) {  // "标题_示例区政府网", "标题 - 天津市示例区人民政府"
    size_t p = t.size();
    while (p > 0 && !IsTitleSeparator(t[p - 1])) --p;
    if (p == 0) break;
    U head = trim_seps(t.substr(0, p)), tail = TrimU32(UV(t).substr(p));
    if (head.empty() || !IsPortalName(tail, true)) break;
    t = head;
  }
  for (;;) {  // "示例区人民政府门户网站 - 标题"
    size_t p = 0;
    while (p < t.size() && !IsTitleSeparator(t[p])) ++p;
    if (p == t.size()) break;
    U lead = TrimU32(UV(t).substr(0, p)), rest = trim_seps(t.substr(p));
    if (rest.empty() || !IsPortalName(lead, false)) break;
    t = rest;
  }
  return ToU8(t);
}

}  // namespace fazhi
