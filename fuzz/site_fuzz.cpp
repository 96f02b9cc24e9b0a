// A whole site as a txtar archive ("-- path --" lines), built in memory
// through every stage: what a contributed theme or a pull request can send
// through the pipeline. Files outside site.toml, content/, data/, layouts/,
// static/ and themes/ are ignored, as on disk.
#include "core/output.h"
#include "fuzz_input.h"
#include "site/build.h"
#include "txtar.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace fazhi;
  std::map<std::string, std::string> files = testing::ParseTxtar(fuzz::Bytes(data, size));
  SourceTree tree = SourceTree::FromFiles(std::move(files));
  BuildOptions opts;
  opts.jobs = 1;
  MemorySink sink;
  Diagnostics diags;
  BuildStats stats;
  BuildToSink(tree, opts, &sink, &diags, &stats);
  fuzz::Drain(diags);
  return 0;
}
