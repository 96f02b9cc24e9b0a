// The check for resources from other hosts (norms/external_resources) on one
// text; the first byte picks how it is read (HTML, CSS, Markdown). Besides
// crashes, it traps when a reference lies outside the text or names no host
// by the check's own reading, and it formats every error as a build would.
#include "fuzz_input.h"
#include "norms/external_resources.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace fazhi;
  if (size == 0) return 0;
  static const ResourceLang kLangs[] = {ResourceLang::kHtml, ResourceLang::kCss, ResourceLang::kMarkdown};
  const ResourceLang lang = kLangs[data[0] % 3];
  const std::string text = fuzz::Bytes(data + 1, size - 1);
  for (const ExternalRef& r : FindResourceRefs(text, lang)) {
    if (r.offset > text.size() || r.what == nullptr) __builtin_trap();
    if (IsAllowedResource(r.url, "", {})) __builtin_trap();  // found as another host's, so not allowed
  }
  Config config;
  config.allow_hosts = {"*.gov.cn"};
  Diagnostics diags;
  CheckRenderedHtml("a/index.html", text, config, &diags);
  fuzz::Drain(diags);
  return 0;
}
