#include "core/front_matter.h"

#include <yaml.h>

#include <toml++/toml.h>
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <sstream>

#include "core/messages.h"
#include "core/suggest.h"
#include "core/syntax_check.h"
#include "core/utf8.h"

namespace fazhi {
namespace {

struct Fence {
  FrontMatter::Format format = FrontMatter::Format::kNone;
  size_t content_begin = 0;  // first byte after the opening fence line
  size_t content_end = 0;    // first byte of the closing fence line
  size_t body_offset = 0;
  int content_first_line = 2;
  int body_first_line = 1;
};

// Reads the line starting at `pos`; returns its text without "\r\n" and sets
// `next` to the start of the following line.
std::string_view ReadLine(std::string_view text, size_t pos, size_t* next) {
  size_t nl = text.find('\n', pos);
  size_t end = nl == std::string_view::npos ? text.size() : nl;
  *next = nl == std::string_view::npos ? text.size() : nl + 1;
  std::string_view line = text.substr(pos, end - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line;
}

// A line that is only dashes of any width ("－－－", "———", "----") or plus
// signs: meant as a fence, whatever the IME made of it.
bool FenceLike(std::string_view line, char ascii) {
  size_t n = 0;
  for (size_t i = 0; i < line.size();) {
    char32_t cp = 0;
    i += DecodeUtf8(line, i, &cp);
    if (cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0) continue;
    bool mark = ascii == '-' ? (cp == '-' || cp == 0xFF0D || cp == 0x2014 || cp == 0x2013 || cp == 0x2015 ||
                                cp == 0x2500 || cp == 0x2010 || cp == 0x2012)
                             : (cp == '+' || cp == 0xFF0B);
    if (!mark) return false;
    ++n;
  }
  return n >= 3;
}

// Reports a fence-like `line` (line number `number`) that is not exactly
// `marker`: a full-width space after "---" is named, anything else quoted.
void BadFence(const SourceFile& f, std::string_view line, int number, std::string_view marker,
              Diagnostics* diags) {
  int col = 1;
  for (size_t i = 0; i < line.size(); ++col) {
    char32_t cp = 0;
    i += DecodeUtf8(line, i, &cp);
    if (cp == 0x3000 || cp == 0xA0) {
      diags->Error(f.path, number, col, Message(cp == 0x3000 ? msg::kIdeographicSpace : msg::kNoBreakSpace),
                   f.text);
      return;
    }
  }
  diags->Error(f.path, number, 1,
               Message(marker == "---" ? msg::kFmBadFence : msg::kFmBadTomlFence, std::string(line)), f.text);
}

// "title: …" or "标题：…": the first line of front matter written without
// its opening fence.
bool LooksLikeKeyLine(std::string_view line) {
  size_t colon = line.find(':');
  size_t wide = line.find("\xEF\xBC\x9A");  // ：
  size_t end = std::min(colon, wide);
  if (end == 0 || end == std::string_view::npos || end > 40) return false;
  for (char c : line.substr(0, end)) {
    if (c == ' ' || c == '#' || c == '[' || c == '<' || c == '*' || c == '!') return false;
  }
  return true;
}

bool FindFence(const SourceFile& f, Fence* fence, Diagnostics* diags) {
  std::string_view text = f.text;
  size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  size_t next;
  std::string_view first = ReadLine(text, start, &next);
  std::string_view marker;
  if (first == "---") {
    fence->format = FrontMatter::Format::kYaml;
    marker = "---";
  } else if (first == "+++") {
    fence->format = FrontMatter::Format::kToml;
    marker = "+++";
  } else if (FenceLike(first, '-') || FenceLike(first, '+')) {
    BadFence(f, first, 1, FenceLike(first, '-') ? "---" : "+++", diags);
    return false;
  } else {
    // No fence: fine for a file without front matter, but key lines closed
    // by a "---" line are front matter that lost its first line.
    if (LooksLikeKeyLine(first)) {
      for (size_t pos = next; pos < text.size();) {
        size_t after;
        if (ReadLine(text, pos, &after) == "---") {
          diags->Error(f.path, 1, 1, Message(msg::kFmMissingOpening), f.text);
          return false;
        }
        pos = after;
      }
    }
    fence->body_offset = start;
    return true;
  }
  fence->content_begin = next;
  int line = 2;
  for (size_t pos = next; pos < text.size(); ++line) {
    size_t after;
    std::string_view l = ReadLine(text, pos, &after);
    if (l == marker || (marker == "---" && l == "...")) {
      fence->content_end = pos;
      fence->body_offset = after;
      fence->body_first_line = line + 1;
      return true;
    }
    if (FenceLike(l, marker[0])) {
      BadFence(f, l, line, marker, diags);
      return false;
    }
    pos = after;
  }
  diags->Error(f.path, 1, 1, Message(msg::kFmNeverClosed, std::string(marker)), f.text);
  return false;
}

// --- YAML through libyaml's event parser -----------------------------------

class YamlReader {
 public:
  YamlReader(const SourceFile& f, const Fence& fence, Diagnostics* diags)
      : f_(f), fence_(fence), diags_(diags) {
    yaml_parser_initialize(&parser_);
    std::string_view content =
        std::string_view(f.text).substr(fence.content_begin, fence.content_end - fence.content_begin);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(content.data()),
                                 content.size());
  }
  ~YamlReader() {
    if (have_event_) yaml_event_delete(&event_);
    yaml_parser_delete(&parser_);
  }

  bool Parse(FmNode* root) {
    root->kind = FmNode::Kind::kMap;
    root->line = fence_.content_first_line;
    root->col = 1;
    if (!Next() || event_.type != YAML_STREAM_START_EVENT) return false;
    if (!Next()) return false;
    if (event_.type == YAML_STREAM_END_EVENT) return true;  // empty front matter
    if (event_.type != YAML_DOCUMENT_START_EVENT) return false;
    if (!Next()) return false;
    int line = Line(event_.start_mark), col = Col(event_.start_mark);
    if (event_.type == YAML_DOCUMENT_END_EVENT) return true;
    if (event_.type != YAML_MAPPING_START_EVENT) {
      // "title 甲" (no colon) on the first line reads as one plain text.
      bool plain = event_.type == YAML_SCALAR_EVENT && event_.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
      if (!plain || !ReportMissingColon(f_, Span(), line, diags_)) {
        diags_->Error(f_.path, line, col, Message(msg::kFmNotMap), f_.text);
      }
      return false;
    }
    if (!ParseNode(root, 0)) return false;
    if (!Next()) return false;
    if (event_.type != YAML_DOCUMENT_END_EVENT) return false;
    if (!Next()) return false;
    if (event_.type != YAML_STREAM_END_EVENT) {
      diags_->Error(f_.path, Line(event_.start_mark), Col(event_.start_mark), Message(msg::kFmSecondDocument),
                    f_.text);
      return false;
    }
    return true;
  }

 private:
  int Line(const yaml_mark_t& m) const { return fence_.content_first_line + static_cast<int>(m.line); }
  int Col(const yaml_mark_t& m) const { return static_cast<int>(m.column) + 1; }
  SyntaxSpan Span() const { return {fence_.content_begin, fence_.content_end, fence_.content_first_line}; }

  bool Next() {
    if (have_event_) yaml_event_delete(&event_);
    have_event_ = false;
    if (!yaml_parser_parse(&parser_, &event_)) {
      YamlFailure failure;
      failure.problem = parser_.problem ? parser_.problem : "syntax error";
      if (parser_.error == YAML_READER_ERROR) {
        // Reader errors carry a byte offset, not a mark.
        OffsetToLineCol(f_.text, fence_.content_begin + parser_.problem_offset, &failure.line, &failure.col);
      } else {
        failure.line = Line(parser_.problem_mark);
        failure.col = Col(parser_.problem_mark);
      }
      if (parser_.context) {
        failure.context = parser_.context;
        failure.context_line = Line(parser_.context_mark);
        failure.context_col = Col(parser_.context_mark);
      }
      ReportYamlFailure(f_, Span(), failure, diags_);
      return false;
    }
    have_event_ = true;
    return true;
  }

  // Parses the node whose start event is current into `out`.
  bool ParseNode(FmNode* out, int depth) {
    if (depth > 64) {
      diags_->Error(f_.path, Line(event_.start_mark), Col(event_.start_mark), Message(msg::kFmTooDeep),
                    f_.text);
      return false;
    }
    out->line = Line(event_.start_mark);
    out->col = Col(event_.start_mark);
    switch (event_.type) {
      case YAML_SCALAR_EVENT: {
        out->kind = FmNode::Kind::kScalar;
        out->scalar.assign(reinterpret_cast<const char*>(event_.data.scalar.value),
                           event_.data.scalar.length);
        out->quoted = event_.data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
        if (!out->quoted) out->scalar = TrimInvisibleEnd(std::move(out->scalar));  // warned by CheckYamlChars
        if (!out->quoted && (out->scalar == "~" || out->scalar == "null" || out->scalar.empty())) {
          out->kind = FmNode::Kind::kNull;
          out->scalar.clear();
        }
        return true;
      }
      case YAML_ALIAS_EVENT:
        diags_->Error(f_.path, out->line, out->col, Message(msg::kFmAlias), f_.text);
        return false;
      case YAML_SEQUENCE_START_EVENT: {
        out->kind = FmNode::Kind::kList;
        for (;;) {
          if (!Next()) return false;
          if (event_.type == YAML_SEQUENCE_END_EVENT) return true;
          FmNode item;
          if (!ParseNode(&item, depth + 1)) return false;
          out->items.push_back(std::move(item));
        }
      }
      case YAML_MAPPING_START_EVENT: {
        out->kind = FmNode::Kind::kMap;
        std::map<std::string, int> seen;  // key → its line
        for (;;) {
          if (!Next()) return false;
          if (event_.type == YAML_MAPPING_END_EVENT) return true;
          FmField field;
          field.line = Line(event_.start_mark);
          field.col = Col(event_.start_mark);
          if (event_.type != YAML_SCALAR_EVENT) {
            diags_->Error(f_.path, field.line, field.col, Message(msg::kFmKeyNotText), f_.text);
            return false;
          }
          field.key.assign(reinterpret_cast<const char*>(event_.data.scalar.value),
                           event_.data.scalar.length);
          if (auto [it, fresh] = seen.emplace(field.key, field.line); !fresh) {
            // yaml-cpp and many YAML loaders silently keep one of the two.
            diags_->Error(f_.path, field.line, field.col,
                          Message(msg::kFmDuplicateKey, field.key, it->second), f_.text);
            ok_ = false;
          }
          if (!Next()) return false;
          if (!ParseNode(&field.value, depth + 1)) return false;
          out->fields.push_back(std::move(field));
        }
      }
      default:  // libyaml starts every node with one of the events above
        diags_->Error(f_.path, out->line, out->col, Message(msg::kYamlOther, "unexpected event"), f_.text);
        return false;
    }
  }

 public:
  bool ok_ = true;

 private:
  const SourceFile& f_;
  const Fence& fence_;
  Diagnostics* diags_;
  yaml_parser_t parser_;
  yaml_event_t event_;
  bool have_event_ = false;
};

// --- TOML through toml++ -----------------------------------------------------

void TomlToNode(const toml::node& n, int line_offset, FmNode* out) {
  out->line = static_cast<int>(n.source().begin.line) + line_offset;
  out->col = static_cast<int>(n.source().begin.column);
  if (auto* t = n.as_table()) {
    out->kind = FmNode::Kind::kMap;
    for (auto& [k, v] : *t) {
      FmField field;
      field.key = std::string(k.str());
      field.line = static_cast<int>(k.source().begin.line) + line_offset;
      field.col = static_cast<int>(k.source().begin.column);
      TomlToNode(v, line_offset, &field.value);
      out->fields.push_back(std::move(field));
    }
    // toml++ iterates tables sorted by key; restore document order.
    std::stable_sort(out->fields.begin(), out->fields.end(), [](const FmField& a, const FmField& b) {
      return a.line != b.line ? a.line < b.line : a.col < b.col;
    });
  } else if (auto* a = n.as_array()) {
    out->kind = FmNode::Kind::kList;
    for (auto& item : *a) {
      FmNode child;
      TomlToNode(item, line_offset, &child);
      out->items.push_back(std::move(child));
    }
  } else {
    out->kind = FmNode::Kind::kScalar;
    if (auto* s = n.as_string()) {
      out->scalar = s->get();
      out->quoted = true;
    } else if (auto* i = n.as_integer()) {
      out->scalar = std::to_string(i->get());
    } else if (auto* fl = n.as_floating_point()) {
      std::ostringstream ss;
      ss << fl->get();
      out->scalar = ss.str();
    } else if (auto* b = n.as_boolean()) {
      out->scalar = b->get() ? "true" : "false";
    } else if (auto* d = n.as_date()) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->get().year, d->get().month, d->get().day);
      out->scalar = buf;
    } else if (auto* tm = n.as_time()) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", tm->get().hour, tm->get().minute, tm->get().second);
      out->scalar = buf;
    } else if (auto* dt = n.as_date_time()) {
      char buf[40];
      const auto& v = dt->get();
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", v.date.year, v.date.month, v.date.day,
                    v.time.hour, v.time.minute, v.time.second);
      out->scalar = buf;
    }
  }
}

bool ParseToml(const SourceFile& f, const Fence& fence, FrontMatter* out, Diagnostics* diags) {
  std::string_view content =
      std::string_view(f.text).substr(fence.content_begin, fence.content_end - fence.content_begin);
  toml::table table;
  try {
    // Debian's toml++ is built with exceptions: parse errors arrive as a throw.
    table = toml::parse(content, std::string_view(f.path));
  } catch (const toml::parse_error& e) {
    ReportTomlFailure(f, {fence.content_begin, fence.content_end, fence.content_first_line}, e.description(),
                      static_cast<int>(e.source().begin.line) + fence.content_first_line - 1,
                      static_cast<int>(e.source().begin.column), diags);
    return false;
  }
  TomlToNode(table, fence.content_first_line - 1, &out->root);
  out->root.line = fence.content_first_line;
  out->root.col = 1;
  return true;
}

// What a value written where one value belongs is instead (callers skip
// empty values, so it is a list or a map).
Message KindName(FmNode::Kind k) {
  return Message(k == FmNode::Kind::kList ? msg::kKindList : msg::kKindMap);
}

bool ExpectScalar(const SourceFile& f, const FmNode& n, std::string_view key, Diagnostics* diags) {
  if (n.is_scalar()) return true;
  diags->Error(f.path, n.line, n.col, Message(msg::kMustBeSingle, key, KindName(n.kind)), f.text);
  return false;
}

}  // namespace

std::string AsIsoDate(std::string_view s) {
  int parts[3] = {0, 0, 0};
  int n = 0;
  size_t i = 0;
  while (n < 3) {
    size_t digits = 0;
    int v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 4) v = v * 10 + (s[i++] - '0'), ++digits;
    if (digits == 0 || (n == 0 && digits != 4) || (n > 0 && digits > 2)) return "";
    parts[n++] = v;
    if (n == 3) break;
    std::string_view rest = s.substr(i);
    size_t sep = 0;
    for (std::string_view t : {"-", "/", ".", "年", "月"}) {
      if (rest.substr(0, t.size()) == t) sep = t.size();
    }
    if (sep == 0) return "";
    i += sep;
  }
  std::string_view rest = s.substr(i);
  if (!rest.empty() && rest != "日" && rest != "号") return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", parts[0], parts[1], parts[2]);
  return IsValidDate(buf) ? std::string(buf) : "";
}

const FmNode* FmNode::Get(std::string_view key) const {
  for (const FmField& f : fields) {
    if (f.key == key) return &f.value;
  }
  return nullptr;
}

bool ParseFrontMatter(const SourceFile& file, FrontMatter* out, Diagnostics* diags) {
  Fence fence;
  out->root = FmNode{};
  out->root.kind = FmNode::Kind::kMap;
  if (!FindFence(file, &fence, diags)) return false;
  out->format = fence.format;
  out->body_offset = fence.body_offset;
  out->body_first_line = fence.body_first_line;
  // The characters an IME or Word leaves where YAML or TOML wants ASCII are
  // named first; the parsers would fail elsewhere, in their own words.
  SyntaxSpan span{fence.content_begin, fence.content_end, fence.content_first_line};
  if (fence.format == FrontMatter::Format::kYaml) {
    if (!CheckYamlChars(file, span, diags)) return false;
    YamlReader reader(file, fence, diags);
    return reader.Parse(&out->root) && reader.ok_;
  }
  if (fence.format == FrontMatter::Format::kToml) {
    if (!CheckTomlChars(file, span, diags)) return false;
    return ParseToml(file, fence, out, diags);
  }
  return true;
}

bool FmString(const SourceFile& f, const FmNode& map, std::string_view key, std::string* out,
              Diagnostics* diags) {
  const FmNode* n = map.Get(key);
  if (!n || n->kind == FmNode::Kind::kNull) return true;
  if (!ExpectScalar(f, *n, key, diags)) return false;
  *out = n->scalar;
  return true;
}

bool FmBool(const SourceFile& f, const FmNode& map, std::string_view key, bool* out, Diagnostics* diags) {
  const FmNode* n = map.Get(key);
  if (!n || n->kind == FmNode::Kind::kNull) return true;
  if (!ExpectScalar(f, *n, key, diags)) return false;
  // Only true/false: "no", "yes", "on" stay errors rather than changing meaning.
  if (n->scalar == "true" && !n->quoted) {
    *out = true;
  } else if (n->scalar == "false" && !n->quoted) {
    *out = false;
  } else {
    diags->Error(f.path, n->line, n->col, Message(msg::kMustBeBool, key, n->scalar), f.text);
    return false;
  }
  return true;
}

bool FmInt(const SourceFile& f, const FmNode& map, std::string_view key, long* out, Diagnostics* diags) {
  const FmNode* n = map.Get(key);
  if (!n || n->kind == FmNode::Kind::kNull) return true;
  if (!ExpectScalar(f, *n, key, diags)) return false;
  const std::string& s = n->scalar;
  long v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v, 10);
  // Decimal only: YAML 1.1 would read 01234 as octal and 0x1F as hex.
  bool leading_zero = s.size() > 1 && (s[0] == '0' || (s[0] == '-' && s[1] == '0'));
  if (ec != std::errc() || ptr != s.data() + s.size() || leading_zero) {
    diags->Error(f.path, n->line, n->col, Message(msg::kMustBeInt, key, s), f.text);
    return false;
  }
  *out = v;
  return true;
}

bool IsValidDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int y = std::stoi(std::string(s.substr(0, 4)));
  int m = std::stoi(std::string(s.substr(5, 2)));
  int d = std::stoi(std::string(s.substr(8, 2)));
  if (m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  return d <= max;
}

bool FmDate(const SourceFile& f, const FmNode& map, std::string_view key, std::string* out,
            Diagnostics* diags) {
  const FmNode* n = map.Get(key);
  if (!n || n->kind == FmNode::Kind::kNull) return true;
  if (!ExpectScalar(f, *n, key, diags)) return false;
  if (!IsValidDate(n->scalar)) {
    const std::string& v = n->scalar;
    bool shaped = v.size() == 10 && v[4] == '-' && v[7] == '-';
    if (std::string iso = AsIsoDate(v); !iso.empty() && iso != v) {
      diags->Error(f.path, n->line, n->col, Message(msg::kMustBeDateAs, key, v, iso), f.text);
    } else if (shaped && v.find_first_not_of("0123456789-") == std::string::npos) {
      diags->Error(f.path, n->line, n->col, Message(msg::kDateNotInCalendar, key, v), f.text);
    } else {
      diags->Error(f.path, n->line, n->col, Message(msg::kMustBeDate, key, v), f.text);
    }
    return false;
  }
  *out = n->scalar;
  return true;
}

bool FmStringList(const SourceFile& f, const FmNode& map, std::string_view key, std::vector<std::string>* out,
                  Diagnostics* diags) {
  const FmNode* n = map.Get(key);
  if (!n || n->kind == FmNode::Kind::kNull) return true;
  out->clear();
  if (n->is_scalar()) {
    out->push_back(n->scalar);
    return true;
  }
  if (!n->is_list()) {
    diags->Error(f.path, n->line, n->col, Message(msg::kMustBeList, key), f.text);
    return false;
  }
  for (const FmNode& item : n->items) {
    if (!item.is_scalar()) {
      diags->Error(f.path, item.line, item.col, Message(msg::kListItemsSingle, key), f.text);
      return false;
    }
    out->push_back(item.scalar);
  }
  return true;
}

void CheckKnownKeys(const SourceFile& f, const FmNode& map, const std::vector<std::string_view>& known,
                    Diagnostics* diags) {
  for (const FmField& field : map.fields) {
    bool ok = false;
    for (std::string_view k : known) ok = ok || k == field.key;
    if (ok) continue;
    if (std::string near = SuggestKey(field.key, known); !near.empty()) {
      diags->Error(f.path, field.line, field.col, Message(msg::kUnknownFmKeyDidYouMean, field.key, near),
                   f.text);
    } else {
      std::vector<std::string> names(known.begin(), known.end());
      diags->Error(f.path, field.line, field.col,
                   Message(msg::kUnknownFmKey, field.key, Message::List(names)), f.text);
    }
  }
}

bool SameValue(const FmNode& a, const FmNode& b) {
  if (a.kind != b.kind || a.scalar != b.scalar || a.quoted != b.quoted || a.items.size() != b.items.size() ||
      a.fields.size() != b.fields.size()) {
    return false;
  }
  for (size_t i = 0; i < a.items.size(); ++i) {
    if (!SameValue(a.items[i], b.items[i])) return false;
  }
  for (size_t i = 0; i < a.fields.size(); ++i) {
    if (a.fields[i].key != b.fields[i].key || !SameValue(a.fields[i].value, b.fields[i].value)) return false;
  }
  return true;
}

}  // namespace fazhi
