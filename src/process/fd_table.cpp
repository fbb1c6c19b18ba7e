#include "process/fd_table.h"

namespace burrow {

bool FdTable::set(int fd, vfs::FilePtr file) {
  if (fd < 0 || fd >= kMaxFds) return false;
  if (fd >= static_cast<int>(fds_.size())) {
    if (!file) return true;
    fds_.resize(fd + 1);
  }
  fds_[fd] = std::move(file);
  while (!fds_.empty() && !fds_.back()) fds_.pop_back();
  return true;
}

int FdTable::lowest_free(int from) const {
  for (int fd = from; fd < kMaxFds; ++fd) {
    if (!is_open(fd)) return fd;
  }
  return -1;
}

std::vector<int> FdTable::open_fds() const {
  std::vector<int> out;
  for (int fd = 0; fd < static_cast<int>(fds_.size()); ++fd) {
    if (fds_[fd]) out.push_back(fd);
  }
  return out;
}

}  // namespace burrow
