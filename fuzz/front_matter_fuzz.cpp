// Front matter: YAML (libyaml events) between --- lines or TOML (toml++)
// between +++ lines, then the typed fields of a page (LoadPage).
#include "core/content.h"
#include "core/front_matter.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace fazhi;
  SourceFile file{"content/a.md", fuzz::Bytes(data, size)};
  FrontMatter fm;
  Diagnostics diags;
  ParseFrontMatter(file, &fm, &diags);
  fuzz::Drain(diags);
  return 0;
}
