#include "core/front_matter_check.h"

#include "core/messages.h"
#include "core/utf8.h"

namespace fazhi {
namespace {

// Byte offset of 1-based code point column `col` in `line`.
size_t ByteOfColumn(std::string_view line, int col) {
  size_t pos = 0;
  for (int c = 1; c < col && pos < line.size(); ++c) {
    char32_t cp;
    pos += DecodeUtf8(line, pos, &cp);
  }
  return pos;
}

std::string TrimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

class CommentCheck {
 public:
  CommentCheck(const SourceFile& f, Diagnostics* diags) : f_(f), diags_(diags) {}

  void Map(const FmNode& map) {
    for (const FmField& field : map.fields) Value(field.key, field.line, field.col, field.value);
  }

 private:
  void Value(const std::string& key, int key_line, int key_col, const FmNode& v) {
    switch (v.kind) {
      case FmNode::Kind::kMap:
        Map(v);
        return;
      case FmNode::Kind::kList:
        for (const FmNode& item : v.items) {
          if (item.is_scalar() || item.kind == FmNode::Kind::kNull) Value(key, 0, 0, item);
          if (item.is_map()) Map(item);
        }
        return;
      case FmNode::Kind::kScalar: {
        if (v.quoted) return;
        std::string_view line = LineOf(f_.text, v.line);
        size_t at = ByteOfColumn(line, v.col);
        // Only a value on one line, written as read (plain scalars have no escapes).
        if (line.substr(at, v.scalar.size()) != v.scalar) return;
        size_t rest = at + v.scalar.size();
        size_t hash = CommentStart(line, rest, true);
        if (hash == std::string_view::npos) return;
        std::string after = TrimRight(line.substr(hash + 1));
        std::string whole = TrimRight(line.substr(at));
        Warn(v.line, line, hash, Message(msg::kValueCutByComment, key, v.scalar, after, whole));
        return;
      }
      case FmNode::Kind::kNull: {
        if (key_line == 0) return;  // a list item: its position is not the value's
        std::string_view line = LineOf(f_.text, key_line);
        size_t colon = line.find(':', ByteOfColumn(line, key_col) + key.size());
        if (colon == std::string_view::npos) return;
        size_t hash = CommentStart(line, colon + 1, false);
        if (hash == std::string_view::npos) return;
        Warn(key_line, line, hash, Message(msg::kValueLostToComment, key, TrimRight(line.substr(hash))));
        return;
      }
    }
  }

  // The '#' of a comment that starts right after `from` (after spaces; at
  // least one when `need_space`) and is followed directly by text, or npos.
  static size_t CommentStart(std::string_view line, size_t from, bool need_space) {
    size_t i = from;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size() || line[i] != '#' || (need_space && i == from)) return std::string_view::npos;
    if (i + 1 >= line.size() || line[i + 1] == ' ' || line[i + 1] == '\t' || line[i + 1] == '\r') {
      return std::string_view::npos;  // "# 说明": a comment as comments are written
    }
    return i;
  }

  void Warn(int line_no, std::string_view line, size_t byte, Message m) {
    int col = static_cast<int>(Utf8Length(line.substr(0, byte))) + 1;
    diags_->Warning(f_.path, line_no, col, std::move(m), f_.text);
  }

  const SourceFile& f_;
  Diagnostics* diags_;
};

}  // namespace

void CheckValuesCutByComments(const SourceFile& file, const FrontMatter& fm, Diagnostics* diags) {
  if (fm.format != FrontMatter::Format::kYaml) return;
  CommentCheck(file, diags).Map(fm.root);
}

}  // namespace fazhi
