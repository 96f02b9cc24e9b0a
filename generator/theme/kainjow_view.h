// A View as kainjow's data: for the layouts kainjow renders itself (a
// partial tag left after inlining) and for the tests and the fuzz target
// that hold the compiled renderer to kainjow's bytes.
#pragma once

#include <kainjow/mustache.hpp>

#include "theme/view.h"

namespace fazhi {

/// The same value as kainjow data: objects field by field in the order set
/// (a name set twice keeps its later value), lists item by item.
kainjow::mustache::data ToKainjowData(const View& view);

}  // namespace fazhi
