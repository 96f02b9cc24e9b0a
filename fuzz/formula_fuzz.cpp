// The formula of a 计算 row on its own (nesting, numbers, id@year).
#include "fuzz_input.h"
#include "indicators/model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace fazhi;
  static const IndicatorSet empty;
  double v = 0;
  Message why;
  size_t off = 0;
  if (!EvaluateFormula(fuzz::Bytes(data, size), empty, &v, &why, &off)) {
    volatile size_t n = why.Render().size();
    (void)n;
  }
  return 0;
}
