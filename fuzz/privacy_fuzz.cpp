// The privacy gate's scanner (norms/digits, norms/privacy) on one file; the
// first byte picks the kind of file (Markdown, CSS, data).
#include "fuzz_input.h"
#include "norms/privacy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace fazhi;
  if (size == 0) return 0;
  static const char* const kPaths[] = {"content/a.md", "static/a.css", "data/a.csv", "static/a.js"};
  const char* path = kPaths[data[0] % 4];
  SourceTree tree = SourceTree::FromFiles({{path, fuzz::Bytes(data + 1, size - 1)}});
  PrivacyOptions opts;
  opts.allow = {"138-0013-8000"};
  opts.as_of = "2025-06-30";
  Diagnostics diags;
  CheckPrivacy(tree, opts, &diags);
  fuzz::Drain(diags);
  return 0;
}
