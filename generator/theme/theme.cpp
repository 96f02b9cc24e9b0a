#include "theme/theme.h"

#include <kainjow/mustache.hpp>

#include <charconv>
#include <set>

#include "core/manifest.h"
#include "core/suggest.h"
#include "theme/compiled_template.h"
#include "theme/kainjow_view.h"
#include "theme/messages.h"

namespace fazhi {

struct Theme::Layout {
  std::string path;
  std::string text;                            // partials inlined
  std::unique_ptr<CompiledTemplate> compiled;  // or null: kainjow renders it
};

Theme::Theme() = default;
Theme::~Theme() = default;
Theme::Theme(Theme&&) noexcept = default;
Theme& Theme::operator=(Theme&&) noexcept = default;

namespace {

struct TemplateFile {
  const SourceFile* file = nullptr;
};

std::string StemOf(std::string_view path, std::string_view prefix) {
  std::string_view name = path.substr(prefix.size());
  return std::string(name.substr(0, name.size() - std::string_view(".mustache").size()));
}

// Sections may nest this deep. kainjow copies each section's inner text and
// walks sections recursively, so 10,000 nested sections took 12 s and 1 GB
// (and deeper ones would overflow the stack); real layouts nest a handful.
constexpr int kMaxSectionDepth = 64;
// An inlined layout may grow to this (partials included twice at each of
// 16 levels would otherwise make 65,536 copies).
constexpr size_t kMaxInlinedBytes = 16 << 20;

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// The byte offset of the section tag that nests deeper than `max_depth`, or
// npos. Tags are found the way kainjow's parser finds them (triple mustaches,
// set-delimiter tags), so a changed delimiter does not hide a section.
size_t TooDeepSection(std::string_view text, int max_depth) {
  std::string begin = "{{", end = "}}";
  int depth = 0;
  size_t pos = 0;
  while (true) {
    size_t open = text.find(begin, pos);
    if (open == std::string_view::npos) return std::string_view::npos;
    size_t start = open + begin.size();
    bool brace = begin == "{{" && end == "}}";
    bool triple = brace && start < text.size() && text[start] == '{';
    std::string_view close = triple ? std::string_view("}}}") : std::string_view(end);
    if (triple) ++start;
    size_t close_at = text.find(close, start);
    if (close_at == std::string_view::npos) return std::string_view::npos;  // kainjow reports it
    std::string_view contents = TrimSpace(text.substr(start, close_at - start));
    pos = close_at + close.size();
    if (triple || contents.empty()) continue;
    if (contents.front() == '=' && contents.size() >= 5 && contents.back() == '=') {
      std::string_view inner = TrimSpace(contents.substr(1, contents.size() - 2));
      size_t space = inner.find(' ');
      if (space == std::string_view::npos) continue;
      begin = std::string(inner.substr(0, space));
      end = std::string(TrimSpace(inner.substr(space)));
    } else if (contents.front() == '#' || contents.front() == '^') {
      if (++depth > max_depth) return open;
    } else if (contents.front() == '/' && depth > 0) {
      --depth;
    }
  }
}

// Reports a kainjow error for `text` (the file `f`) at its line:col.
void ReportTemplateError(const SourceFile& f, const std::string& message, Diagnostics* diags) {
  size_t offset = 0;
  Message text = MustacheError(message, &offset);
  int line = 1, col = 1;
  if (offset != std::string::npos) OffsetToLineCol(f.text, offset, &line, &col);
  diags->Error(f.path, line, col, Message(msg::kTemplateError, std::move(text)), f.text);
}

class PartialInliner {
 public:
  PartialInliner(const std::map<std::string, const SourceFile*, std::less<>>& partials, Diagnostics* diags)
      : partials_(partials), diags_(diags) {}

  // Replaces every {{> name}} in `f` with the partial's (inlined) text.
  bool Inline(const SourceFile& f, std::string* out, int depth = 0) {
    if (depth == 0) too_large_ = false;
    if (depth > 16) {
      diags_->Error(f.path, 1, 1, Message(msg::kPartialsTooDeep), f.text);
      return false;
    }
    std::string_view s = f.text;
    size_t pos = 0;
    bool ok = true;
    while (pos < s.size()) {
      size_t open = s.find("{{>", pos);
      if (open == std::string_view::npos) break;
      size_t close = s.find("}}", open);
      if (close == std::string_view::npos) break;  // the parser reports the unclosed tag
      out->append(s.substr(pos, open - pos));
      std::string_view name = s.substr(open + 3, close - open - 3);
      while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
      while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
      auto it = partials_.find(name);
      if (it == partials_.end()) {
        int line, col;
        OffsetToLineCol(s, open, &line, &col);
        std::vector<std::string_view> names;
        for (const auto& [known, file] : partials_) names.push_back(known);
        std::string near = NearestName(name, names);
        diags_->Error(f.path, line, col,
                      near.empty() ? Message(msg::kPartialMissing, name)
                                   : Message(msg::kPartialMissingDidYouMean, name, near),
                      f.text);
        ok = false;
      } else {
        ok = Inline(*it->second, out, depth + 1) && ok;
      }
      if (out->size() > kMaxInlinedBytes) {
        too_large_ = true;  // stop before the copies fill the memory
        return false;
      }
      pos = close + 2;
    }
    out->append(s.substr(pos));
    return ok;
  }

  /// The last Inline() stopped at kMaxInlinedBytes.
  bool too_large() const { return too_large_; }

 private:
  bool too_large_ = false;
  const std::map<std::string, const SourceFile*, std::less<>>& partials_;
  Diagnostics* diags_;
};

// kainjow's own context splits every dotted name ("page.title") into a new
// vector of strings through a stringstream on every lookup; that was about
// 5 % of a build. This context resolves names the same way (top of the
// stack first; "a.b" walks a, then b; like std::getline, a trailing '.'
// adds no empty segment) but walks the segments in place.
class FastContext : public kainjow::mustache::basic_context<std::string> {
 public:
  using Data = kainjow::mustache::data;
  // The stack's top is items_.back(): push and pop cost nothing however deep.
  // `base` (or null) lies beneath `data`: a name `data` lacks is looked up there.
  FastContext(const Data* base, const Data* data) {
    if (base) items_.push_back(base);
    items_.push_back(data);
  }
  void push(const Data* data) override { items_.push_back(data); }
  void pop() override { items_.pop_back(); }

  const Data* get(const std::string& name) const override {
    if (name.size() == 1 && name[0] == '.') return items_.back();
    if (name.find('.') == std::string::npos) return get_partial(name);
    std::string segment;
    for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
      const Data* var = *it;
      for (size_t start = 0;;) {
        size_t dot = name.find('.', start);
        segment.assign(name, start, (dot == std::string::npos ? name.size() : dot) - start);
        var = var->get(segment);
        if (!var || dot == std::string::npos || dot + 1 == name.size()) break;
        start = dot + 1;
      }
      if (var) return var;
    }
    return nullptr;
  }

  const Data* get_partial(const std::string& name) const override {
    for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
      if (const Data* var = (*it)->get(name)) return var;
    }
    return nullptr;
  }

 private:
  std::vector<const Data*> items_;
};

// Lets kainjow's stream-based render(context, stream) append to a string.
struct AppendTo {
  std::string* out;
  AppendTo& operator<<(const std::string& chunk) {
    out->append(chunk);
    return *this;
  }
};

// Theme::asset_query: one version for all the CSS and JavaScript, so that
// a layout needs no name per file; they are a few dozen KB in all.
std::string AssetQuery(const std::map<std::string, const SourceFile*, std::less<>>& files) {
  std::string all;
  for (const auto& [path, file] : files) {
    if (!path.ends_with(".css") && !path.ends_with(".js")) continue;
    all += path;
    all += '\0';
    all += std::to_string(file->text.size());
    all += '\0';
    all += file->text;
  }
  if (all.empty()) return "";
  return "?v=" + Sha256Hex(all).substr(0, 10);
}

}  // namespace

bool ParseMustacheError(std::string_view message, std::string* text, size_t* offset) {
  size_t at = message.rfind(" at ");
  if (at == std::string_view::npos) return false;
  std::string_view num = message.substr(at + 4);
  size_t value = 0;
  auto [ptr, ec] = std::from_chars(num.data(), num.data() + num.size(), value);
  if (ec != std::errc() || ptr != num.data() + num.size()) return false;
  *text = std::string(message.substr(0, at));
  *offset = value;
  return true;
}

Message MustacheError(std::string_view kainjow, size_t* offset) {
  std::string text;
  if (!ParseMustacheError(kainjow, &text, offset)) {
    *offset = std::string::npos;
    return Message(msg::kMustacheOther, std::string(kainjow));
  }
  // The section's name, in the quotes kainjow puts around it.
  auto name = [&](std::string_view prefix) {
    std::string_view rest = std::string_view(text).substr(prefix.size());
    if (rest.size() >= 2 && rest.front() == '"' && rest.back() == '"') rest = rest.substr(1, rest.size() - 2);
    return std::string(rest);
  };
  std::string_view t = text;
  if (t == "Unclosed tag") return Message(msg::kMustacheUnclosedTag);
  if (t == "Invalid set delimiter tag") return Message(msg::kMustacheBadDelimiter);
  if (t.starts_with("Unopened section "))
    return Message(msg::kMustacheUnopenedSection, name("Unopened section "));
  if (t.starts_with("Unclosed section "))
    return Message(msg::kMustacheUnclosedSection, name("Unclosed section "));
  return Message(msg::kMustacheOther, text);
}

bool Theme::Load(const SourceTree& tree, const Config& config, const std::vector<std::string>& required,
                 Theme* out, Diagnostics* diags) {
  size_t before = diags->error_count();
  const std::string base = "themes/" + config.theme + "/";
  if (tree.Under(base).empty()) {
    auto [line, col] = config.PositionOf("theme");
    const SourceFile* toml = tree.Find("site.toml");
    diags->Error("site.toml", line, col, Message(msg::kThemeNotFound, config.theme, base),
                 toml ? std::string_view(toml->text) : std::string_view());
    return false;
  }
  // Theme files first, then the site's own layouts/ overriding by name.
  std::map<std::string, const SourceFile*, std::less<>> layouts, partials;
  for (const SourceFile* f : tree.Under(base + "layouts/", ".mustache")) {
    layouts[StemOf(f->path, base + "layouts/")] = f;
  }
  for (const SourceFile* f : tree.Under(base + "partials/", ".mustache")) {
    partials[StemOf(f->path, base + "partials/")] = f;
  }
  for (const SourceFile* f : tree.Under("layouts/partials/", ".mustache")) {
    partials[StemOf(f->path, "layouts/partials/")] = f;
  }
  for (const SourceFile* f : tree.Under("layouts/", ".mustache")) {
    if (f->path.compare(0, 17, "layouts/partials/") == 0) continue;
    layouts[StemOf(f->path, "layouts/")] = f;
  }

  // Check every file on its own first, so errors point into the file that has them.
  bool files_ok = true;
  for (auto* group : {&partials, &layouts}) {
    for (auto& [name, f] : *group) {
      size_t deep = TooDeepSection(f->text, kMaxSectionDepth);
      if (deep != std::string_view::npos) {
        int line, col;
        OffsetToLineCol(f->text, deep, &line, &col);
        diags->Error(f->path, line, col, Message(msg::kTemplateTooDeep, kMaxSectionDepth), f->text);
        files_ok = false;
        continue;
      }
      Template t(f->text);
      if (!t.is_valid()) {
        ReportTemplateError(*f, t.error_message(), diags);
        files_ok = false;
      }
    }
  }
  for (const std::string& name : required) {
    if (!layouts.count(name)) {
      diags->Error(base + "layouts/" + name + ".mustache", 0, 0, Message(msg::kLayoutMissing, name));
      files_ok = false;
    }
  }
  if (!files_ok) return false;

  PartialInliner inliner(partials, diags);
  for (auto& [name, f] : layouts) {
    std::string text;
    if (!inliner.Inline(*f, &text)) {
      if (inliner.too_large()) {
        diags->Error(f->path, 1, 1, Message(msg::kTemplateTooLarge, kMaxInlinedBytes >> 20), f->text);
      }
      continue;
    }
    if (TooDeepSection(text, kMaxSectionDepth) != std::string_view::npos) {
      diags->Error(f->path, 1, 1, Message(msg::kTemplateTooDeepInlined, kMaxSectionDepth), f->text);
      continue;
    }
    Template check(text);
    if (!check.is_valid()) {
      // Each file parsed alone, so the combination is at fault (e.g. a
      // section opened in one partial and closed in another).
      size_t offset = 0;  // into the inlined text, not the file: not shown
      diags->Error(f->path, 1, 1,
                   Message(msg::kTemplateErrorInlined, MustacheError(check.error_message(), &offset)),
                   f->text);
      continue;
    }
    auto layout = std::make_unique<Layout>();
    layout->path = f->path;
    layout->compiled = CompiledTemplate::Compile(text);
    layout->text = std::move(text);
    out->layouts_[name] = std::move(layout);
  }

  for (const SourceFile* f : tree.Under(base + "static/")) {
    out->static_files_[f->path.substr(base.size() + 7)] = f;
  }
  for (const SourceFile* f : tree.Under("static/")) {
    out->static_files_[f->path.substr(7)] = f;
  }
  out->asset_query_ = AssetQuery(out->static_files_);
  return diags->error_count() == before;
}

const std::string* Theme::Find(std::string_view layout) const {
  auto it = layouts_.find(layout);
  return it == layouts_.end() ? nullptr : &it->second->text;
}

const CompiledTemplate* Theme::Compiled(std::string_view layout) const {
  auto it = layouts_.find(layout);
  return it == layouts_.end() ? nullptr : it->second->compiled.get();
}

bool Theme::MayRead(std::string_view layout, std::string_view name) const {
  const CompiledTemplate* t = Compiled(layout);
  return t == nullptr || t->MayRead(name);
}

std::vector<std::string> Theme::LayoutNames() const {
  std::vector<std::string> names;
  for (const auto& [name, layout] : layouts_) names.push_back(name);
  return names;
}

std::string HtmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 16);
  AppendHtmlEscaped(&out, s);
  return out;
}

LayoutRenderer::LayoutRenderer(const Theme& theme, const View* chrome) : theme_(theme), chrome_(chrome) {}
LayoutRenderer::~LayoutRenderer() = default;

bool LayoutRenderer::Render(std::string_view layout, const View* view, std::string* out, Message* error) {
  if (const CompiledTemplate* compiled = theme_.Compiled(layout)) {
    out->clear();
    compiled->Render(chrome_, *view, out);
    return true;
  }
  auto it = cache_.find(layout);
  if (it == cache_.end()) {
    const std::string* text = theme_.Find(layout);
    if (!text) {
      *error = Message(msg::kNoSuchLayout, std::string(layout));
      return false;
    }
    it = cache_.emplace(std::string(layout), std::make_unique<Template>(*text)).first;
    it->second->set_custom_escape(HtmlEscape);  // kainjow hands it on to sections and partials
  }
  Template& t = *it->second;
  out->clear();
  // Converted on each call: only a layout with a partial tag left after
  // inlining (changed delimiters) comes here.
  if (chrome_ && !kainjow_chrome_) {
    kainjow_chrome_ = std::make_unique<kainjow::mustache::data>(ToKainjowData(*chrome_));
  }
  const kainjow::mustache::data page = ToKainjowData(*view);
  FastContext ctx(kainjow_chrome_.get(), &page);
  AppendTo sink{out};
  t.render(ctx, sink);
  if (!t.is_valid()) {
    // Layouts were parsed at load, so this is a render-time failure; its
    // offset (if any) is into the layout with its partials inlined, which is
    // not a place in any one file, so it is left out.
    size_t offset = 0;
    *error = MustacheError(t.error_message(), &offset);
    return false;
  }
  return true;
}

std::string Theme::PathOf(std::string_view layout) const {
  auto it = layouts_.find(layout);
  return it == layouts_.end() ? std::string(layout) : it->second->path;
}

}  // namespace fazhi
