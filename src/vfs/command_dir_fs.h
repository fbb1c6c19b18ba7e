// CommandDirFs: /bin and /usr/bin. One read-only instance shared by every
// session lists each registered command as a small executable stub, so
// `ls /usr/bin`, `which` and `command -v` work and cost no per-session memory.
#pragma once

#include <map>
#include <memory>

#include "vfs/filesystem.h"

namespace burrow::vfs {

class CommandDirFs : public Filesystem {
 public:
  // Built from the command registry on first use.
  static std::shared_ptr<CommandDirFs> shared();
  explicit CommandDirFs(const std::vector<std::string_view>& names);

  // The stub script for a command name: "#!/bin/sh\nexec NAME \"$@\"\n".
  static std::string stub_for(std::string_view name);

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
  struct Entry {
    uint64_t ino;
    std::shared_ptr<const std::string> stub;
  };
  const Entry* find(std::string_view path) const;
  Stat file_stat(const Entry& e) const;

  std::map<std::string, Entry, std::less<>> entries_;
  Timespec built_at_;
};

}  // namespace burrow::vfs
