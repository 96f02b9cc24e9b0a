#include "markdown/shortcodes.h"

#include "core/suggest.h"
#include "core/utf8.h"
#include "markdown/messages.h"

namespace fazhi {
namespace {

bool IsFenceLine(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  return line.substr(i, 3) == "```" || line.substr(i, 3) == "~~~";
}

std::vector<std::string> SplitArgs(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    if (s[i] == '"') {
      size_t end = s.find('"', i + 1);
      if (end == std::string_view::npos) end = s.size();
      out.emplace_back(s.substr(i + 1, end - i - 1));
      i = end + 1;
    } else {
      size_t end = s.find(' ', i);
      if (end == std::string_view::npos) end = s.size();
      out.emplace_back(s.substr(i, end - i));
      i = end;
    }
  }
  return out;
}

}  // namespace

std::string ExpandShortcodes(const SourceFile& file, std::string_view body, int body_first_line,
                             const ShortcodeHandlers& handlers, Diagnostics* diags) {
  if (body.find("{{<") == std::string_view::npos) return std::string(body);
  std::string out;
  out.reserve(body.size());
  bool in_fence = false;
  int line_no = body_first_line;
  for (size_t pos = 0; pos < body.size(); ++line_no) {
    size_t nl = body.find('\n', pos);
    size_t end = nl == std::string_view::npos ? body.size() : nl + 1;
    std::string_view line = body.substr(pos, end - pos);
    pos = end;
    if (IsFenceLine(line)) in_fence = !in_fence;
    if (in_fence || line.find("{{<") == std::string_view::npos) {
      out.append(line);
      continue;
    }
    size_t i = 0;
    // Columns are counted from the last shortcode on, so a line of 20,000
    // shortcodes is read once, not once per shortcode.
    size_t counted = 0;
    int col = 1;
    while (i < line.size()) {
      size_t open = line.find("{{<", i);
      if (open == std::string_view::npos) {
        out.append(line.substr(i));
        break;
      }
      out.append(line.substr(i, open - i));
      col += static_cast<int>(Utf8Length(line.substr(counted, open - counted)));
      counted = open;
      size_t close = line.find(">}}", open + 3);
      if (close == std::string_view::npos) {
        diags->Error(file.path, line_no, col, Message(msg::kShortcodeNotClosed), file.text);
        out.append(line.substr(open));
        break;
      }
      std::vector<std::string> words = SplitArgs(line.substr(open + 3, close - open - 3));
      i = close + 3;
      if (words.empty()) {
        diags->Error(file.path, line_no, col, Message(msg::kShortcodeEmpty), file.text);
        continue;
      }
      Shortcode sc{words[0], {words.begin() + 1, words.end()}, line_no, col};
      auto h = handlers.find(sc.name);
      if (h == handlers.end()) {
        std::vector<std::string_view> names;
        std::vector<std::string> listed;
        for (const auto& [name, handler] : handlers) {
          names.push_back(name);
          listed.push_back(name);
        }
        if (std::string near = NearestName(sc.name, names); !near.empty()) {
          diags->Error(file.path, line_no, col, Message(msg::kShortcodeUnknownDidYouMean, sc.name, near),
                       file.text);
        } else {
          diags->Error(file.path, line_no, col,
                       Message(msg::kShortcodeUnknown, sc.name, Message::List(listed)), file.text);
        }
        continue;
      }
      std::string replacement;
      Message error;
      if (!h->second(sc, &replacement, &error)) {
        diags->Error(file.path, line_no, col, error, file.text);
        continue;
      }
      out += replacement;
    }
  }
  return out;
}

}  // namespace fazhi
