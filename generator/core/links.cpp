#include "core/links.h"

#include <algorithm>

#include "core/content.h"
#include "core/messages.h"
#include "core/utf8.h"

namespace fazhi {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "a/b" + "../c/./d" → "a/c/d"; ".." above the top is dropped, as browsers do.
std::string JoinPath(std::string_view dir, std::string_view rel) {
  std::vector<std::string_view> parts;
  auto push = [&](std::string_view s) {
    size_t i = 0;
    while (i <= s.size()) {
      size_t j = s.find('/', i);
      if (j == std::string_view::npos) j = s.size();
      std::string_view part = s.substr(i, j - i);
      if (part == "..") {
        if (!parts.empty()) parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.push_back(part);
      }
      i = j + 1;
    }
  };
  push(dir);
  push(rel);
  std::string out;
  for (std::string_view p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

// The last path segment names a file ("chart.png", "原文.pdf"), not a page URL.
bool LooksLikeFile(std::string_view path) {
  std::string_view last = path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1);
  size_t dot = last.rfind('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < last.size() && !EndsWith(last, ".html") &&
         !EndsWith(last, ".htm");
}

// "C:\Users\…", "D:/图片/a.png", "file:///…": a place on the editor's own computer.
bool IsComputerPath(std::string_view url) {
  if (url.size() >= 3 && ((url[0] >= 'A' && url[0] <= 'Z') || (url[0] >= 'a' && url[0] <= 'z')) &&
      url[1] == ':' && (url[2] == '\\' || url[2] == '/')) {
    return true;
  }
  std::string lower(url.substr(0, 5));
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return lower == "file:" || url.substr(0, 2) == "\\\\";
}

// The folder of a page's Markdown file as a site URL: content/reports/2024.md → /reports/.
std::string FolderUrl(std::string_view source_path) {
  std::string_view rel = source_path.substr(std::string_view("content/").size());
  size_t slash = rel.rfind('/');
  return slash == std::string_view::npos ? "/" : "/" + std::string(rel.substr(0, slash + 1));
}

}  // namespace

bool IsOffSiteUrl(std::string_view url) {
  if (url.empty() || url[0] == '#') return !url.empty();
  if (url.substr(0, 2) == "//") return true;
  if (IsComputerPath(url)) return false;  // reported, not skipped
  size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  // A scheme: a letter, then letters, digits, '+', '-', '.' up to the colon.
  for (size_t i = 0; i < colon; ++i) {
    char c = url[i];
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alpha && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) return false;
  }
  return true;
}

std::string PercentDecode(std::string_view s) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool ResolveLocalLink(const LinkContext& ctx, const Page& page, std::string_view target, bool image,
                      LinkResolution* out, Message* error) {
  *out = LinkResolution{};
  if (target.empty()) {
    *error = Message(msg::kLinkEmpty);
    return false;
  }
  if (IsComputerPath(target)) {
    *error = Message(image ? msg::kImageOnComputer : msg::kLinkOnComputer, target);
    return false;
  }
  size_t cut = target.find_first_of("?#");
  std::string_view path = target.substr(0, cut);
  std::string_view suffix = cut == std::string_view::npos ? "" : target.substr(cut);
  if (path.find('\\') != std::string_view::npos) {
    std::string fixed(target);
    std::replace(fixed.begin(), fixed.end(), '\\', '/');
    *error = Message(msg::kLinkBackslash, target, fixed);
    return false;
  }
  if (path.empty()) {  // "?x" only: the page itself
    out->href = std::string(target);
    return true;
  }
  const SourceTree& tree = *ctx.tree;
  const std::string decoded = PercentDecode(path);

  // Another page by its Markdown file.
  if (EndsWith(decoded, ".md")) {
    std::string url;
    bool root = path[0] == '/';
    std::string from = root ? "content/_index.md" : page.source_path;
    std::string rel = root ? std::string(target.substr(1)) : std::string(target);
    if (!ResolvePageLink(*ctx.pages, from, PercentDecode(rel), &url, error, ctx.unloaded)) return false;
    out->href = ctx.prefix + url.substr(1);
    return true;
  }

  // A URL of this site, as copied from a browser.
  if (path[0] == '/') {
    if (ctx.prefix != "/" &&
        (path.substr(0, ctx.prefix.size()) == ctx.prefix || std::string(path) + "/" == ctx.prefix)) {
      std::string fixed = "/" + std::string(target.substr(std::min(target.size(), ctx.prefix.size())));
      *error = Message(msg::kLinkHasBasePath, target, ctx.prefix, fixed);
      return false;
    }
    out->href = ctx.prefix + std::string(target.substr(1));
    std::string file = decoded.substr(1);
    if (tree.Find("content/" + file)) {
      out->resource = "content/" + file;
    } else if (!tree.Find("static/" + file) && !tree.Find("themes/" + ctx.theme + "/static/" + file)) {
      out->check_url = std::string(path);
    }
    return true;
  }

  // A file beside the page (or anywhere, relative to the Markdown file's folder).
  std::string dir(page.source_path.substr(0, page.source_path.rfind('/')));
  std::string file = JoinPath(dir, decoded);
  if (file.rfind("content/", 0) == 0 && tree.Find(file)) {
    out->resource = file;
    out->href = ctx.prefix + file.substr(8) + std::string(suffix);
    return true;
  }
  if (file.rfind("static/", 0) == 0 && tree.Find(file)) {
    out->href = ctx.prefix + file.substr(7) + std::string(suffix);
    return true;
  }
  if (image || LooksLikeFile(decoded)) {
    *error = Message(image ? msg::kImageMissing : msg::kFileMissing, target, file);
    return false;
  }

  // A page URL relative to this page's URL ("../2023/"), as a browser reads it.
  std::string url = "/" + JoinPath(page.url, decoded);
  if (url.size() > 1 && (EndsWith(decoded, "/") || decoded == "." || decoded == "..")) url += '/';
  out->href = ctx.prefix + url.substr(1) + std::string(suffix);
  out->check_url = url;
  return true;
}

bool SiteUrlServed(std::string_view url, const std::function<bool(std::string_view)>& has) {
  std::string path = PercentDecode(url.substr(0, url.find_first_of("?#")));
  while (!path.empty() && path[0] == '/') path.erase(0, 1);
  if (path.empty()) return has("index.html");
  if (path.back() == '/') return has(path + "index.html");
  return has(path) || has(path + "/index.html");
}

void CheckLinkTargets(const std::vector<Page>& pages, const std::vector<UnopenedSection>& unopened,
                      const SourceTree& tree, const std::function<bool(std::string_view)>& has,
                      Diagnostics* diags) {
  for (const Page& p : pages) {
    for (const LinkCheck& c : p.link_checks) {
      if (SiteUrlServed(c.url, has)) continue;
      const SourceFile* f = tree.Find(p.source_path);
      std::string_view text = f ? std::string_view(f->text) : std::string_view();
      const UnopenedSection* section = nullptr;
      std::string path = PercentDecode(c.url.substr(0, c.url.find_first_of("?#")));
      for (const UnopenedSection& u : unopened) {
        if (path == u.url || path + "/" == u.url) section = &u;
      }
      if (section) {
        diags->Error(p.source_path, c.line, c.col,
                     Message(msg::kLinkToUnopenedSection, c.target, section->title, section->url), text);
        continue;
      }
      // "../2023/" written as if from the Markdown file's folder, where it
      // would have worked: say so.
      if (c.target[0] != '/') {
        std::string meant = "/" + JoinPath(FolderUrl(p.source_path),
                                           PercentDecode(c.target.substr(0, c.target.find_first_of("?#"))));
        if (EndsWith(c.target.substr(0, c.target.find_first_of("?#")), "/")) meant += '/';
        if (SiteUrlServed(meant, has)) {
          diags->Error(p.source_path, c.line, c.col,
                       Message(msg::kSiteUrlMissingFromPage, c.target, c.url, p.url, meant), text);
          continue;
        }
      }
      diags->Error(p.source_path, c.line, c.col,
                   Message(c.image ? msg::kSiteImageMissing : msg::kSiteUrlMissing, c.target, c.url), text);
    }
  }
}

void CheckMenuUrls(const Config& config, const std::vector<UnopenedSection>& unopened,
                   std::string_view config_text, std::string_view prefix,
                   const std::function<bool(std::string_view)>& has, Diagnostics* diags) {
  for (const MenuItem& m : config.menu) {
    if (m.url.empty() || IsOffSiteUrl(m.url)) continue;
    bool waiting = false;
    for (const UnopenedSection& u : unopened) waiting = waiting || m.url == u.url;
    if (waiting) continue;
    if (m.url[0] != '/') {
      diags->Error("site.toml", m.line, m.col, Message(msg::kMenuRelative, m.name, m.url), config_text);
    } else if (prefix != "/" && (m.url.rfind(prefix, 0) == 0 || m.url + "/" == prefix)) {
      std::string fixed = "/" + m.url.substr(std::min(m.url.size(), prefix.size()));
      diags->Error("site.toml", m.line, m.col, Message(msg::kMenuHasBasePath, m.name, m.url, prefix, fixed),
                   config_text);
    } else if (!SiteUrlServed(m.url, has)) {
      diags->Error("site.toml", m.line, m.col, Message(msg::kMenuUrlMissing, m.name, m.url), config_text);
    }
  }
}

}  // namespace fazhi
