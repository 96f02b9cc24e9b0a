// Eight bytes at a time: which bytes of a word read from text are a given
// value, or below one. The scanners that pass most of a page this way: the
// search extractor's text runs and tags, the JSON of page metadata, and the
// external-resource check's attribute names.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

namespace fazhi::bytes {

inline constexpr uint64_t kOnes = 0x0101010101010101ull;
inline constexpr uint64_t kHighs = 0x8080808080808080ull;

/// Eight bytes from `p`, the first in the lowest byte on a little-endian machine.
inline uint64_t Load(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

/// The high bit of each byte of `w` below `n` (n ≤ 0x80). Exact for the
/// lowest such byte; a byte above it may be flagged too (a borrow), so the
/// result tells whether there is one and where the first is, no more.
inline uint64_t Below(uint64_t w, uint8_t n) { return (w - kOnes * n) & ~w & kHighs; }

/// The high bit of each byte of `w` equal to `c`, as exact as Below.
inline uint64_t Equal(uint64_t w, uint8_t c) { return Below(w ^ (kOnes * c), 1); }

/// Index of the first flagged byte of a non-zero result of Below or Equal,
/// on a little-endian machine.
inline size_t First(uint64_t flags) { return static_cast<size_t>(std::countr_zero(flags)) >> 3; }

inline constexpr bool kLittleEndian = std::endian::native == std::endian::little;

/// Whether the six bytes at `p` (eight of them readable) are two three-byte
/// UTF-8 sequences, each a lead byte in [lo, hi] and two continuation bytes
/// (80-BF): with E4-E9, two Chinese characters. One load and three tests
/// where a character at a time took six: the scanners that pass runs of
/// Chinese text try this first and keep their own loop for the rest. Always
/// false on a big-endian machine (their own loop then does all).
inline bool TwoThreeByteChars(const char* p, uint8_t lo, uint8_t hi) {
  if constexpr (!kLittleEndian) return false;
  constexpr uint64_t kTrailMask = (0xC0ull << 8) | (0xC0ull << 16) | (0xC0ull << 32) | (0xC0ull << 40);
  constexpr uint64_t kTrail = (0x80ull << 8) | (0x80ull << 16) | (0x80ull << 32) | (0x80ull << 40);
  const uint64_t w = Load(p);
  return (w & kTrailMask) == kTrail && static_cast<uint8_t>(w - lo) <= hi - lo &&
         static_cast<uint8_t>((w >> 24) - lo) <= hi - lo;
}

}  // namespace fazhi::bytes
