// DevFs: what a session sees under /dev. Device files behave like Linux's;
// /dev/stdin, /dev/stdout, /dev/stderr and /dev/fd/N open the calling
// process's own descriptors, found through a hook the shell provides.
#pragma once

#include <functional>

#include "vfs/filesystem.h"

namespace burrow::vfs {

// Returns the open file description at fd in the calling process, or null.
using FdLookup = std::function<FilePtr(int fd)>;

class DevFs : public Filesystem {
 public:
  explicit DevFs(FdLookup lookup = {}) : lookup_(std::move(lookup)) {}

  Error open(std::string_view path, int flags, uint32_t mode, FilePtr& out) override;
  Error stat(std::string_view path, Stat& out) override;
  Error lstat(std::string_view path, Stat& out) override;
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
  bool has_magic_links() const override { return true; }

 private:
  // The descriptor a path names (/stdin -> 0, /fd/7 -> 7), or -1.
  int fd_of(std::string_view path) const;
  FdLookup lookup_;
};

}  // namespace burrow::vfs
