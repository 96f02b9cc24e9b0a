#include "serve/review.h"

#include <map>
#include <vector>

#include "core/web.h"
#include "serve/messages.h"

namespace fazhi {
namespace {

std::string Zh(const Message& m) { return XmlEscape(m.Render(Lang::kZh)); }

constexpr std::string_view kStyle =
    "<style>body{margin:0;font:16px/1.7 system-ui,\"Noto Sans CJK SC\",sans-serif;color:#1a1a1a;"
    "background:#fff}main{max-width:60rem;margin:0 auto;padding:1rem}h1{font-size:1.5rem}"
    "h2{font-size:1.1rem;margin:1.5rem 0 .5rem;overflow-wrap:anywhere}"
    "pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f4f4f4;padding:.75rem;margin:.25rem 0;"
    "font:14px/1.5 ui-monospace,monospace}ul{padding-left:1.25rem}"
    ".sev{display:inline-block;font-weight:700;margin-right:.5rem}.sev-error{color:#a4000f}"
    ".sev-warning{color:#7a4a00}.sev-note{color:#0b4f8a}a{color:#0b4f8a}"
    "a:focus{outline:3px solid #0b4f8a;outline-offset:2px}</style>";

const MessageText& SeverityText(Severity s) {
  switch (s) {
    case Severity::kError:
      return msg::kSeverityError;
    case Severity::kWarning:
      return msg::kSeverityWarning;
    case Severity::kNote:
      return msg::kSeverityNote;
  }
  return msg::kSeverityNote;
}

const char* SeverityClass(Severity s) {
  return s == Severity::kError ? "sev-error" : s == Severity::kWarning ? "sev-warning" : "sev-note";
}

}  // namespace

std::string RenderReviewPage(const Diagnostics& diags) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" "
      "content=\"noindex\"><title>" +
      Zh(Message(msg::kReviewTitle)) + " - fazhi serve</title>";
  out += kStyle;
  out += "</head><body><main><h1>" + Zh(Message(msg::kReviewTitle)) + "</h1><p>" +
         Zh(Message(msg::kReviewIntro)) + "</p>";
  out += "<p>" +
         Zh(Message(msg::kReviewCounts, diags.error_count(), diags.warning_count(), diags.note_count())) +
         "</p>";
  // By file, files in the order their first diagnostic was found.
  std::vector<std::string> order;
  std::map<std::string, std::vector<Diagnostic>> by_path;
  for (const Diagnostic& d : diags.items()) {
    if (!by_path.count(d.path)) order.push_back(d.path);
    by_path[d.path].push_back(d);
  }
  if (order.empty()) out += "<p>" + Zh(Message(msg::kReviewNothing)) + "</p>";
  for (const std::string& path : order) {
    out += "<section><h2>" + XmlEscape(path) + "</h2><ul>";
    for (const Diagnostic& d : by_path[path]) {
      out += "<li><span class=\"sev " + std::string(SeverityClass(d.severity)) + "\">" +
             Zh(Message(SeverityText(d.severity))) + "</span><pre>" + XmlEscape(FormatDiagnostic(d)) +
             "</pre></li>";
    }
    out += "</ul></section>";
  }
  out += "<p><a href=\"/\">" + Zh(Message(msg::kReviewBack)) + "</a></p></main></body></html>\n";
  return out;
}

std::string RenderReviewBadge(const Diagnostics& diags) {
  size_t n = diags.error_count() + diags.warning_count() + diags.note_count();
  return "<aside id=\"fazhi-review\" aria-label=\"" + Zh(Message(msg::kReviewBadgeLabel)) +
         "\" style=\"position:fixed;left:.5rem;bottom:.5rem;z-index:2147483646;max-width:calc(100vw - "
         "1rem)\">"
         "<a href=\"" +
         std::string(kReviewPath) +
         "\" style=\"display:inline-block;padding:.35rem .75rem;background:#0b4f8a;color:#fff;"
         "font:600 14px/1.4 system-ui,sans-serif;border-radius:4px;text-decoration:none\">" +
         Zh(Message(msg::kReviewBadge, n)) + "</a></aside>";
}

}  // namespace fazhi
