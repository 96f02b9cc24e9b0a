#include "core/front_matter.h"

#include <yaml.h>

#include <toml++/toml.h>
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <set>
#include <sstream>

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
  } else {
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
    pos = after;
  }
  diags->Error(f.path, 1, 1,
               std::string("front matter opened with '") + std::string(marker) + "' is never closed", f.text);
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
      diags_->Error(f_.path, line, col, "front matter must be a map of 'key: value' lines", f_.text);
      return false;
    }
    if (!ParseNode(root, 0)) return false;
    if (!Next()) return false;
    if (event_.type != YAML_DOCUMENT_END_EVENT) return false;
    if (!Next()) return false;
    if (event_.type != YAML_STREAM_END_EVENT) {
      diags_->Error(f_.path, Line(event_.start_mark), Col(event_.start_mark),
                    "front matter holds more than one YAML document", f_.text);
      return false;
    }
    return true;
  }

 private:
  int Line(const yaml_mark_t& m) const { return fence_.content_first_line + static_cast<int>(m.line); }
  int Col(const yaml_mark_t& m) const { return static_cast<int>(m.column) + 1; }

  bool Next() {
    if (have_event_) yaml_event_delete(&event_);
    have_event_ = false;
    if (!yaml_parser_parse(&parser_, &event_)) {
      const yaml_mark_t& m = parser_.problem_mark;
      std::string msg = "invalid YAML front matter: ";
      msg += parser_.problem ? parser_.problem : "syntax error";
      if (parser_.context) {
        msg += std::string(" (") + parser_.context + " that starts at " +
               std::to_string(Line(parser_.context_mark)) + ":" + std::to_string(Col(parser_.context_mark)) +
               ")";
      }
      diags_->Error(f_.path, Line(m), Col(m), msg, f_.text);
      return false;
    }
    have_event_ = true;
    return true;
  }

  // Parses the node whose start event is current into `out`.
  bool ParseNode(FmNode* out, int depth) {
    if (depth > 64) {
      diags_->Error(f_.path, Line(event_.start_mark), Col(event_.start_mark),
                    "front matter is nested too deeply", f_.text);
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
        if (!out->quoted && (out->scalar == "~" || out->scalar == "null" || out->scalar.empty())) {
          out->kind = FmNode::Kind::kNull;
          out->scalar.clear();
        }
        return true;
      }
      case YAML_ALIAS_EVENT:
        diags_->Error(f_.path, out->line, out->col, "YAML aliases are not supported in front matter",
                      f_.text);
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
        std::set<std::string> seen;
        for (;;) {
          if (!Next()) return false;
          if (event_.type == YAML_MAPPING_END_EVENT) return true;
          FmField field;
          field.line = Line(event_.start_mark);
          field.col = Col(event_.start_mark);
          if (event_.type != YAML_SCALAR_EVENT) {
            diags_->Error(f_.path, field.line, field.col, "front matter keys must be plain text", f_.text);
            return false;
          }
          field.key.assign(reinterpret_cast<const char*>(event_.data.scalar.value),
                           event_.data.scalar.length);
          if (!seen.insert(field.key).second) {
            // yaml-cpp and many YAML loaders silently keep one of the two.
            diags_->Error(f_.path, field.line, field.col, "duplicate key '" + field.key + "'", f_.text);
            ok_ = false;
          }
          if (!Next()) return false;
          if (!ParseNode(&field.value, depth + 1)) return false;
          out->fields.push_back(std::move(field));
        }
      }
      default:
        diags_->Error(f_.path, out->line, out->col, "unexpected YAML structure", f_.text);
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
    diags->Error(f.path, static_cast<int>(e.source().begin.line) + fence.content_first_line - 1,
                 static_cast<int>(e.source().begin.column),
                 "invalid TOML front matter: " + std::string(e.description()), f.text);
    return false;
  }
  TomlToNode(table, fence.content_first_line - 1, &out->root);
  out->root.line = fence.content_first_line;
  out->root.col = 1;
  return true;
}

const char* KindName(FmNode::Kind k) {
  switch (k) {
    case FmNode::Kind::kNull:
      return "nothing";
    case FmNode::Kind::kScalar:
      return "a single value";
    case FmNode::Kind::kList:
      return "a list";
    case FmNode::Kind::kMap:
      return "a map";
  }
  return "?";
}

bool ExpectScalar(const SourceFile& f, const FmNode& n, std::string_view key, Diagnostics* diags) {
  if (n.is_scalar()) return true;
  diags->Error(f.path, n.line, n.col,
               "'" + std::string(key) + "' must be a single value, not " + KindName(n.kind), f.text);
  return false;
}

}  // namespace

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
  if (fence.format == FrontMatter::Format::kYaml) {
    YamlReader reader(file, fence, diags);
    return reader.Parse(&out->root) && reader.ok_;
  }
  if (fence.format == FrontMatter::Format::kToml) return ParseToml(file, fence, out, diags);
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
    diags->Error(f.path, n->line, n->col,
                 "'" + std::string(key) + "' must be true or false, not '" + n->scalar + "'", f.text);
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
    diags->Error(f.path, n->line, n->col,
                 "'" + std::string(key) + "' must be a whole number, not '" + s + "'", f.text);
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
    diags->Error(f.path, n->line, n->col,
                 "'" + std::string(key) + "' must be a date YYYY-MM-DD, not '" + n->scalar + "'", f.text);
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
    diags->Error(f.path, n->line, n->col, "'" + std::string(key) + "' must be a list", f.text);
    return false;
  }
  for (const FmNode& item : n->items) {
    if (!item.is_scalar()) {
      diags->Error(f.path, item.line, item.col, "items of '" + std::string(key) + "' must be single values",
                   f.text);
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
    if (!ok) {
      diags->Error(f.path, field.line, field.col, "unknown front matter key '" + field.key + "'", f.text);
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
