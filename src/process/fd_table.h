// A "process"'s file-descriptor table. Copying it (for a subshell or a
// pipeline stage) shares the open file descriptions, as fork() does.
#pragma once

#include <vector>

#include "vfs/filesystem.h"

namespace burrow {

class FdTable {
 public:
  static constexpr int kMaxFds = 1024;

  vfs::FilePtr get(int fd) const {
    return fd >= 0 && fd < static_cast<int>(fds_.size()) ? fds_[fd] : nullptr;
  }
  // Installs `file` at `fd` (closing what was there); false when fd is out of range.
  bool set(int fd, vfs::FilePtr file);
  void close(int fd) { set(fd, nullptr); }
  bool is_open(int fd) const { return get(fd) != nullptr; }
  // The lowest closed descriptor >= from, or -1 (EMFILE).
  int lowest_free(int from = 0) const;
  std::vector<int> open_fds() const;

 private:
  std::vector<vfs::FilePtr> fds_;
};

}  // namespace burrow
