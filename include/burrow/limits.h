// Per-session resource limits. Every one has a safe default; hitting one ends
// the script with a clear message on stderr and a non-zero status.
#pragma once

#include <cstdint>

namespace burrow {

struct Limits {
  double wall_time_seconds = 60;          // per exec() call; 0 = unlimited
  uint64_t max_commands = 1'000'000;      // simple commands run per exec()
  uint64_t max_loop_iterations = 10'000'000;
  uint32_t max_function_depth = 1000;
  uint32_t max_substitution_depth = 64;   // nested $(...), eval, source
  uint64_t max_string_bytes = 64ull << 20;  // one variable or word
  uint64_t max_output_bytes = 64ull << 20;  // stdout + stderr returned by exec()
  uint32_t max_processes = 256;           // concurrent pipeline stages, jobs, substitutions
  uint64_t max_fs_bytes = 256ull << 20;   // bytes stored in the session's in-memory files
  uint64_t max_wasm_memory_bytes = 512ull << 20;
};

}  // namespace burrow
