// The allocator's settings for the fazhi program: jemalloc's options, and
// memory that is backed by the kernel when jemalloc maps it rather than
// page by page when it is first written. Only the executables link this
// library; the generator's libraries allocate as any C++ code does.
#pragma once

#include <cstddef>

namespace fazhi {

/// What TuneAllocator set up.
struct AllocatorTuning {
  bool jemalloc = false;   ///< the process allocates with jemalloc (not under the sanitizers)
  bool populates = false;  ///< the kernel backs a mapping on request (MADV_POPULATE_WRITE, Linux 5.14)
  unsigned arenas = 0;     ///< arenas whose new mappings are backed at once
  size_t grow_limit = 0;   ///< the largest step by which an arena maps more memory, in bytes
};

/// Called by main before any other thread starts; later calls return the
/// first call's result and change nothing. When the kernel can back a
/// mapping on request, every arena's new mappings are backed at once: on the
/// VMs fazhi is measured on, a page's first write costs about 10 µs as a page
/// fault and half that when the kernel backs the mapping in one call
/// (bench/fresh_memory.cpp, docs/performance.md run 17).
AllocatorTuning TuneAllocator();

}  // namespace fazhi
