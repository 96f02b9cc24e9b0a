#include "theme/compiled_template.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace fazhi {
namespace {

// kainjow's trim: std::isspace at both ends.
std::string Trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

// kainjow's set-delimiter tag ("=<% %>="), already validated by its parser.
bool ParseDelimiters(const std::string& contents, std::string* begin, std::string* end) {
  if (contents.size() < 5 || contents.back() != '=') return false;
  const std::string inner = Trim(contents.substr(1, contents.size() - 2));
  const size_t space = inner.find(' ');
  if (space == std::string::npos) return false;
  const size_t next = inner.find_first_not_of(' ', space + 1);
  if (next == std::string::npos) return false;
  *begin = inner.substr(0, space);
  *end = inner.substr(next);
  return true;
}

// A name's segments as LayoutRenderer's context splits it: at each '.',
// where a trailing '.' adds no empty segment (as std::getline).
std::vector<std::string> Segments(const std::string& name) {
  std::vector<std::string> out;
  for (size_t start = 0;;) {
    const size_t dot = name.find('.', start);
    out.push_back(name.substr(start, (dot == std::string::npos ? name.size() : dot) - start));
    if (dot == std::string::npos || dot + 1 == name.size()) break;
    start = dot + 1;
  }
  return out;
}

// kainjow drops a line whose tags include a section (rendered or not
// entered by a list) when nothing but spaces and tabs remains of it.
bool OnlyBlanks(const std::string& s, size_t from) {
  for (size_t i = from; i < s.size(); ++i) {
    if (s[i] != ' ' && s[i] != '\t') return false;
  }
  return true;
}

}  // namespace

void AppendHtmlEscaped(std::string* out, const std::string& s) {
  // strcspn finds the next special byte many bytes at a time (glibc's
  // vectorised search), where a loop looked at each byte: most values
  // (titles, dates, URLs, summaries) have none. It stops at a NUL byte too,
  // which is copied as it is.
  static constexpr char kSpecial[] = "&<>\"'";
  const char* p = s.c_str();
  const char* const end = p + s.size();
  while (p < end) {
    const size_t run = std::strcspn(p, kSpecial);
    out->append(p, run);
    p += run;
    if (p >= end) break;
    switch (*p) {
      case '&':
        out->append("&amp;");
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '"':
        out->append("&quot;");
        break;
      case '\'':
        out->append("&apos;");
        break;
      default:
        out->push_back('\0');
        break;
    }
    ++p;
  }
}

// The parse follows kainjow's parser step by step (a tag wherever the
// opening delimiter is, newlines as nodes of their own, "{{{" only with the
// default delimiters), keeping only what its renderer reads.
std::unique_ptr<CompiledTemplate> CompiledTemplate::Compile(const std::string& input) {
  auto t = std::unique_ptr<CompiledTemplate>(new CompiledTemplate());
  std::vector<Node>& nodes = t->nodes_;
  std::string begin = "{{", end = "}}";
  bool braces = true;
  std::vector<std::pair<size_t, std::string>> open;  // sections not closed yet: node, name
  std::string text;
  auto flush = [&] {
    if (text.empty()) return;
    nodes.push_back(Node{Op::kText, false, 0, std::move(text), {}});
    text.clear();
  };
  const size_t n = input.size();
  for (size_t pos = 0; pos != n;) {
    if (input.compare(pos, begin.size(), begin) != 0) {
      const size_t newline =
          input.compare(pos, 2, "\r\n") == 0 ? 2 : (input[pos] == '\n' || input[pos] == '\r');
      if (newline) {
        flush();
        nodes.push_back(Node{Op::kNewline, false, 0, input.substr(pos, newline), {}});
        pos += newline;
      } else {
        text += input[pos++];
      }
      continue;
    }
    flush();
    size_t contents_at = pos + begin.size();
    const bool unescaped = braces && pos != n - 2 && contents_at < n && input[contents_at] == begin[0];
    const std::string& close = unescaped ? std::string("}}}") : end;
    if (unescaped) ++contents_at;
    const size_t close_at = input.find(close, contents_at);
    if (close_at == std::string::npos) return nullptr;
    const std::string contents = Trim(input.substr(contents_at, close_at - contents_at));
    pos = close_at + close.size();
    if (!contents.empty() && contents[0] == '=') {
      if (!ParseDelimiters(contents, &begin, &end)) return nullptr;
      braces = begin == "{{" && end == "}}";
      continue;
    }
    Op op = Op::kEscaped;
    std::string name = contents;
    if (unescaped) {
      op = Op::kRaw;
    } else if (!contents.empty()) {
      const char kind = contents[0];
      if (kind == '#' || kind == '^' || kind == '/' || kind == '>' || kind == '&' || kind == '!') {
        name = Trim(contents.substr(1));
      }
      switch (kind) {
        case '#':
          op = Op::kSection;
          break;
        case '^':
          op = Op::kInverted;
          break;
        case '&':
          op = Op::kRaw;
          break;
        case '/':
          if (open.empty() || open.back().second != name) return nullptr;
          nodes[open.back().first].end = nodes.size();
          open.pop_back();
          continue;
        case '!':
          continue;  // a comment
        case '>':
          return nullptr;  // a partial: kainjow looks it up in the view
        default:
          break;
      }
    }
    Node node{op, name == ".", 0, {}, Segments(name)};
    if (op == Op::kSection || op == Op::kInverted) open.emplace_back(nodes.size(), name);
    nodes.push_back(std::move(node));
  }
  flush();
  if (!open.empty()) return nullptr;
  return t;
}

struct CompiledTemplate::State {
  std::vector<const View*> stack;  // innermost last
  std::string* out;
  size_t line_start;  // where the current line begins in *out
  bool section_line;  // the current line holds a section's tag
  void EndLine(const std::string* newline) {
    if (section_line && OnlyBlanks(*out, line_start)) {
      out->resize(line_start);
    } else if (newline) {
      out->append(*newline);
    }
    line_start = out->size();
    section_line = false;
  }
};

void CompiledTemplate::Render(const View* base, const View& view, std::string* out) const {
  State s{{}, out, out->size(), false};
  s.stack.reserve(8);
  if (base) s.stack.push_back(base);
  s.stack.push_back(&view);
  RenderRange(0, nodes_.size(), &s);
  s.EndLine(nullptr);
}

const View* CompiledTemplate::Lookup(const Node& n, const State& s) {
  if (n.self) return s.stack.back();
  for (auto it = s.stack.rbegin(); it != s.stack.rend(); ++it) {
    const View* value = *it;
    for (const std::string& segment : n.path) {
      value = value->get(segment);
      if (!value) break;
    }
    if (value) return value;
  }
  return nullptr;
}

void CompiledTemplate::RenderRange(size_t begin, size_t end, State* s) const {
  for (size_t i = begin; i < end; ++i) {
    const Node& n = nodes_[i];
    switch (n.op) {
      case Op::kText:
        s->out->append(n.text);
        break;
      case Op::kNewline:
        s->EndLine(&n.text);
        break;
      case Op::kEscaped:
      case Op::kRaw:
        if (const View* v = Lookup(n, *s); v && v->is_string()) {
          if (n.op == Op::kEscaped) {
            AppendHtmlEscaped(s->out, v->string_value());
          } else {
            s->out->append(v->string_value());
          }
        }
        break;
      case Op::kSection: {
        const View* v = Lookup(n, *s);
        if (v && !v->is_false() && !v->is_empty_list()) Section(n, i, v, s);
        i = n.end - 1;
        break;
      }
      case Op::kInverted: {
        const View* v = Lookup(n, *s);
        if (!v || v->is_false() || v->is_empty_list()) Section(n, i, v, s);
        i = n.end - 1;
        break;
      }
    }
  }
}

// As kainjow's render_section: a list renders once per item, any other
// value once with itself innermost, no value once as it is; each pass marks
// the lines of its opening and closing tags.
void CompiledTemplate::Section(const Node& n, size_t at, const View* value, State* s) const {
  auto pass = [&](const View* innermost) {
    s->section_line = true;
    if (innermost) s->stack.push_back(innermost);
    RenderRange(at + 1, n.end, s);
    if (innermost) s->stack.pop_back();
    s->section_line = true;
  };
  if (value && value->is_non_empty_list()) {
    for (const View& item : value->list_value()) pass(&item);
  } else {
    pass(value);
  }
}

bool CompiledTemplate::MayRead(std::string_view name) const {
  for (const Node& n : nodes_) {
    if (n.op == Op::kText || n.op == Op::kNewline) continue;
    if (n.self || std::find(n.path.begin(), n.path.end(), name) != n.path.end()) return true;
  }
  return false;
}

}  // namespace fazhi
