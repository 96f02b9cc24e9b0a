// Data parallelism for the build's per-page stages: a fixed set of threads
// takes indices from a shared counter. Stages keep one result slot per index,
// so their output does not depend on which thread ran what.
#pragma once

#include <cstddef>
#include <functional>

namespace fazhi {

/// The number of threads for `jobs` (0 = hardware concurrency), never more
/// than `n` and at least 1.
size_t ThreadCount(size_t n, int jobs);

/// Runs `fn(i)` for i in [0, n) on `jobs` threads (0 = hardware concurrency).
void ParallelFor(size_t n, int jobs, const std::function<void(size_t)>& fn);

/// Like ParallelFor, and tells `fn` which worker (0 ≤ worker < ThreadCount)
/// runs it, for per-thread state such as a LayoutRenderer. Each worker then
/// runs `done(worker)`, on its own thread, once it has no more indices to
/// take (a worker given none runs it too): to hand on what it holds.
void ParallelForWorker(size_t n, int jobs, const std::function<void(size_t worker, size_t i)>& fn,
                       const std::function<void(size_t worker)>& done = {});

}  // namespace fazhi
