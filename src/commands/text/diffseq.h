// The line-matching core of diff: equivalence classes, GNU diff's
// discarding of confusing lines, Myers' O(ND) middle-snake comparison and
// GNU's boundary shifting, so hunks come out in the shapes GNU diff prints.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace burrow::text {

// Marks changed[i] for lines of a (deleted) and b (inserted). Lines are
// compared by their equivalence class numbers (equal numbers = equal lines).
// minimal: --minimal (no discarding, no cost limit).
void diff_sequences(const std::vector<int64_t>& a, const std::vector<int64_t>& b, bool minimal,
                    std::vector<char>& changed_a, std::vector<char>& changed_b);

}  // namespace burrow::text
