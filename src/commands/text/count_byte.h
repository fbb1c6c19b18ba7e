// Counting one byte value over a block (newlines for wc -l, delimiters for
// sort's chunks). Calling memchr once per line costs a call and a restart for
// every short line; comparing 16 bytes at a time does not.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace burrow::text {

inline uint64_t count_byte(const char* p, size_t n, char c) {
  uint64_t count = 0;
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i needle = _mm_set1_epi8(c);
  const __m128i zero = _mm_setzero_si128();
  while (n - i >= 16) {
    // Per-lane counters are bytes: fold them into the total before 255 rounds.
    size_t rounds = std::min<size_t>((n - i) / 16, 255);
    __m128i lanes = zero;
    for (size_t r = 0; r < rounds; ++r, i += 16) {
      __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(block, needle));
    }
    __m128i sums = _mm_sad_epu8(lanes, zero);
    count += static_cast<uint64_t>(_mm_cvtsi128_si64(sums)) +
             static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  for (; i < n; ++i) count += p[i] == c;
  return count;
}

}  // namespace burrow::text
