// MemFs: a POSIX filesystem held in memory.
//
// Inodes live in a table indexed by inode number and are shared between
// forks until one side changes them (copy-on-write per inode), so fork() costs
// one table copy of pointers: a session forked from a small template costs a
// few hundred bytes, and a large live tree forks in microseconds per thousand
// files. Directories map names to inode numbers, which keeps hard links
// intact across copy-on-write.
#pragma once

#include <memory>
#include <shared_mutex>
#include <unordered_map>

#include "vfs/filesystem.h"

namespace burrow::vfs {

struct MemInode;
struct MemFsState;

class MemFs : public Filesystem {
 public:
  struct Options {
    uint64_t quota_bytes = UINT64_MAX;  // file data stored; ENOSPC beyond it
    uint32_t uid = 1000;                // owner of new files
    uint32_t gid = 1000;
    uint64_t device = 0x2a;             // st_dev
  };

  explicit MemFs(Options options);
  MemFs() : MemFs(Options{}) {}
  ~MemFs() override;

  // An independent copy sharing every inode until one side writes it.
  std::shared_ptr<MemFs> fork() const;
  void set_owner(uint32_t uid, uint32_t gid);
  void set_quota(uint64_t bytes);
  uint64_t bytes_used() const;

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
  Error realpath(std::string_view path, std::string& out) override;

 private:
  explicit MemFs(std::shared_ptr<MemFsState> state);
  friend class MemFile;
  std::shared_ptr<MemFsState> state_;
};

}  // namespace burrow::vfs
