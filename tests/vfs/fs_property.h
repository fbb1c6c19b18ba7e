// Property testing for filesystems: the same random operation sequence is
// applied to a vfs::Filesystem and, through plain syscalls, to a real
// temporary directory; every result and errno must agree.
#pragma once

#include <functional>
#include <string>

#include "vfs/filesystem.h"

namespace burrow::vfs::testing {

struct PropertyRun {
  int operations = 0;
  int mismatches = 0;
  std::string first_mismatch;
};

// `real_root` is an empty host directory in the same state as `fs`'s "/".
PropertyRun run_property_sequence(Filesystem& fs, const std::string& real_root, uint32_t seed, int steps);

std::string make_temp_dir();
void remove_tree(const std::string& path);

}  // namespace burrow::vfs::testing
