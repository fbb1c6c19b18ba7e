// Small File implementations shared by the synthetic filesystems.
#pragma once

#include <memory>
#include <string>

#include "vfs/filesystem.h"

namespace burrow::vfs {

// Read-only contents held in memory (generated files such as command stubs).
FilePtr make_const_file(std::shared_ptr<const std::string> data, Stat st);

enum class Device { kNull, kZero, kFull, kRandom, kUrandom };
FilePtr make_device_file(Device device, int flags);
Stat device_stat(Device device);

}  // namespace burrow::vfs
