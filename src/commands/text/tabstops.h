// Tab stop lists for expand and unexpand: "N", "N1,N2,...", "+N" / "/N"
// as the last entry.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "commands/command.h"

namespace burrow::text {

struct TabStops {
  std::vector<uint64_t> stops;  // explicit, ascending
  uint64_t repeat = 0;          // after the last stop ("+N" or a single N)
  bool slash = false;           // "/N": multiples of N after the last stop
  // The next tab stop after column col (0-based), or 0 if none.
  uint64_t next(uint64_t col) const;
};

// Parses one -t argument (may be given several times); returns false after
// printing GNU's message.
bool parse_tabstops(Invocation& inv, const std::string& arg, TabStops& out);
bool finish_tabstops(Invocation& inv, TabStops& out);

}  // namespace burrow::text
