// Where the test sources live, for tests that read data files: CTest sets
// BURROW_TESTS_DIR; __FILE__ is the fallback when a test runs by hand
// (it may be relative when ccache rewrites paths, hence not first).
#pragma once

#include <cstdlib>
#include <filesystem>

namespace burrow::testing {

inline std::filesystem::path tests_dir() {
  if (const char* dir = std::getenv("BURROW_TESTS_DIR")) return dir;
  return std::filesystem::path(__FILE__).parent_path().parent_path();
}

}  // namespace burrow::testing
