// MountFs: a mount table. Each path goes to the filesystem mounted at its
// longest matching prefix; renames and links across mounts give EXDEV, and
// mount points show up in their parent's listing.
#pragma once

#include <shared_mutex>

#include "vfs/filesystem.h"

namespace burrow::vfs {

class MountFs : public Filesystem {
 public:
  explicit MountFs(FilesystemPtr root);

  // Mounts fs at an absolute path (which need not exist in the parent).
  void mount(std::string_view at, FilesystemPtr fs);
  // The filesystem mounted exactly at `at`, or null.
  FilesystemPtr mounted_at(std::string_view at) const;
  std::vector<std::pair<std::string, FilesystemPtr>> mounts() const;

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

 private:
  struct Route {
    Filesystem* fs;
    std::string inner;  // the path inside fs
    size_t mount_index;
    bool is_mount_point;  // the path is exactly a mount point (not "/")
  };
  Route route(std::string_view path) const;
  // The root filesystem's one-step lstat of a path no mount lies on.
  bool plain_root_path(const std::string& path, Stat& st);
  // True when a mount point lies beneath path, which then exists even if the
  // parent filesystem has no such directory (/usr for a mount at /usr/bin).
  bool implies_directory(std::string_view path) const;
  static Stat implied_directory_stat();

  // Resolves symlinks in every component but (unless follow_last) the last,
  // across mounts. A symlink in one filesystem whose absolute target lies in
  // another is resolved here, where the whole tree is visible.
  Error resolve_across(std::string_view path, bool follow_last, std::string& out);

  // Runs op on the routed path; when it fails in a way a cross-mount symlink
  // could explain, resolves the path across mounts and tries once more.
  template <class Op>
  Error with_route(std::string_view path, bool follow_last, Op op);

  mutable std::shared_mutex mutex_;
  std::vector<std::pair<std::string, FilesystemPtr>> mounts_;  // longest prefix first
};

}  // namespace burrow::vfs
