// site.toml (toml++ and the strict key checks of core/config).
#include "core/config.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace fazhi;
  SourceFile file{"site.toml", fuzz::Bytes(data, size)};
  Config config;
  Diagnostics diags;
  ParseConfig(file, &config, &diags);
  fuzz::Drain(diags);
  return 0;
}
