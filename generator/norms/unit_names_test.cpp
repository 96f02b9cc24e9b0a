#include "norms/unit_names.h"

#include <doctest/doctest.h>

namespace fazhi {

TEST_CASE("unit names: a short name drops a leading place name") {
  CHECK(IsShortUnitName("滨河区司法局", "临江市滨河区司法局"));
  CHECK(IsShortUnitName("司法局", "滨河区司法局"));
  CHECK(IsShortUnitName("综合执法队", "城关街道综合执法队"));
  CHECK_FALSE(IsShortUnitName("区司法局", "临江市滨河区司法局"));  // not a whole place name
  CHECK_FALSE(IsShortUnitName("滨河区司法局", "滨河区司法局"));
  CHECK_FALSE(IsShortUnitName("财政局", "滨河区司法局"));
  CHECK_FALSE(IsShortUnitName("司法局", "市司法局"));  // "市" alone is no place name
  CHECK_FALSE(IsShortUnitName("", "滨河区司法局"));
}

}  // namespace fazhi
