// OverlayFs: a read-only lower filesystem under a writable upper one, as
// `burrow --root DIR` uses it (lower: the host folder, upper: memory). The
// lower layer is never written: files are copied up when changed, deletions
// are remembered as whiteouts, and a directory re-created over a deleted one
// is opaque (it hides what the lower layer had there).
//
// Paths must come without symlinks in their directory part; MountFs, which
// every session puts on top, resolves them first.
#pragma once

#include <mutex>
#include <set>

#include "vfs/filesystem.h"

namespace burrow::vfs {

class OverlayFs : public Filesystem {
 public:
  OverlayFs(FilesystemPtr lower, FilesystemPtr upper);

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
  // Whether the lower layer's entry at path is visible (not whited out and
  // not under an opaque directory).
  bool lower_visible(const std::string& path) const;
  // The merged view's lstat.
  // need_nlink=false skips counting a directory's merged subdirectories,
  // which costs a listing of both layers; path walks only need the type.
  Error merged_lstat(const std::string& path, Stat& out, bool& in_upper, bool need_nlink = true) const;
  bool has_whiteout_child(const std::string& dir) const;
  // Looks up the parent of path in the merged view: ENOENT / ENOTDIR as Linux.
  Error check_parent(const std::string& path) const;
  // Makes sure path's directories exist in the upper layer.
  Error copy_up_parents(const std::string& path);
  // Copies path (and, for a directory, its whole subtree) into the upper layer.
  Error copy_up(const std::string& path, bool recursive);
  Error copy_up_file(const std::string& path, const Stat& st);
  bool is_empty_dir(const std::string& path) const;
  // Both layers' entries for an existing directory, whiteouts removed.
  Error readdir_merged(const std::string& path, std::vector<DirEntry>& out);
  void forget_whiteout(const std::string& path, bool make_opaque);

  FilesystemPtr lower_, upper_;
  // One lock for the merged view: copy-up, whiteouts and the upper layer
  // change together.
  mutable std::recursive_mutex mutex_;
  std::set<std::string, std::less<>> whiteouts_;
  std::set<std::string, std::less<>> opaque_;
};

}  // namespace burrow::vfs
