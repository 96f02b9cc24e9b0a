// A page body: shortcodes ({{< value … >}}) expanded, then cmark-gfm with the
// extensions, heading ids, links resolved, summary.
#include "fuzz_input.h"
#include "markdown/markdown.h"
#include "markdown/shortcodes.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace fazhi;
  SourceFile file{"content/a.md", fuzz::Bytes(data, size)};
  Diagnostics diags;
  ShortcodeHandlers handlers;
  handlers["value"] = [](const Shortcode& sc, std::string* out, Message* error) {
    if (sc.args.size() < 2) {
      *error = Message::Verbatim("value needs an id and a year");
      return false;
    }
    *out = "[368件](/indicators/" + sc.args[0] + "/)";
    return true;
  };
  std::string body = ExpandShortcodes(file, file.text, 1, handlers, &diags);
  MarkdownOptions opts;
  opts.unsafe_html = size > 0 && (data[0] & 1);
  // Targets starting with "missing" are broken links; the others are pages
  // to check, so every link's position is looked up.
  LinkResolver resolve = [](std::string_view target, bool image, LinkResolution* out, Message* error) {
    if (target.starts_with("missing")) {
      *error = Message::Verbatim("no such page");
      return false;
    }
    out->href = "/" + std::string(target.substr(0, target.find('.'))) + "/";
    out->check_url = out->href;
    if (image) out->resource = "content/" + std::string(target);
    return true;
  };
  MarkdownResult result;
  std::vector<MarkdownProblem> problems;
  RenderMarkdown(body, opts, resolve, &result, &problems);
  for (const MarkdownProblem& p : problems) {
    volatile size_t m = p.message.Render().size() + p.message.Render(Lang::kEn).size();
    (void)m;
  }
  volatile size_t n = MakeSummary(result.plain_text, 120).size();
  (void)n;
  fuzz::Drain(diags);
  return 0;
}
