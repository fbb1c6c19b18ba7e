// HostFs: a host directory as the sandbox's root, read-only or read-write.
//
// Confinement is the kernel's: every lookup goes through
// openat2(RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS) from a descriptor of the
// root, so "..", absolute symlinks and symlinks swapped in mid-lookup all
// stay beneath it (a careful O_NOFOLLOW walk stands in on kernels without
// openat2). Operations act with *at() calls on the last component of a
// confined parent, and nothing the product prints ever contains a host path.
#pragma once

#include <string>

#include "vfs/filesystem.h"

namespace burrow::vfs {

class HostFs : public Filesystem {
 public:
  // Throws std::runtime_error when host_dir cannot be opened as a directory.
  HostFs(const std::string& host_dir, bool read_only);
  ~HostFs() override;
  HostFs(const HostFs&) = delete;
  HostFs& operator=(const HostFs&) = delete;

  bool read_only() const { return read_only_; }

  Error open(std::string_view path, int flags, uint32_t mode, FilePtr& out) override;
  Error stat(std::string_view path, Stat& out) override;
  Error lstat(std::string_view path, Stat& out) override;
  bool lstat_if_plain(std::string_view path, Stat& out) override;
  bool open_if_plain(std::string_view path, int flags, FilePtr& out) override;
  Error readdir(std::string_view path, std::vector<DirEntry>& out) override;
  Error mkdir(std::string_view path, uint32_t mode) override;
  Error unlink(std::string_view path) override;
  Error rmdir(std::string_view path) override;
  Error rename(std::string_view from, std::string_view to) override;
  Error symlink(std::string_view target, std::string_view link_path) override;
  Error readlink(std::string_view path, std::string& out) override;
  Error link(std::string_view existing, std::string_view new_path) override;
  Error chmod(std::string_view path, uint32_t mode) override;
  Error chown(std::string_view path, uint32_t uid, uint32_t gid, bool follow) override;
  Error utimes(std::string_view path, TimeChange atime, TimeChange mtime, bool follow) override;
  Error truncate(std::string_view path, int64_t size) override;
  Error statfs(std::string_view path, FsStat& out) override;

 private:
  // A host descriptor for path, opened beneath the root with `flags`
  // (O_NOFOLLOW applies to the last component only).
  Error open_beneath(std::string_view path, int flags, uint32_t mode, int& fd) const;
  Error open_beneath_by_walk(std::string_view path, int flags, uint32_t mode, int& fd) const;
  // The confined parent directory of path and the last component's name.
  Error open_parent(std::string_view path, int& dir_fd, std::string& name) const;

  int root_fd_ = -1;
  bool read_only_;
};

}  // namespace burrow::vfs
