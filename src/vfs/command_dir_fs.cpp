#include "vfs/command_dir_fs.h"

#include <cerrno>

#include "commands/command.h"
#include "vfs/special_files.h"

namespace burrow::vfs {

std::shared_ptr<CommandDirFs> CommandDirFs::shared() {
  static const std::shared_ptr<CommandDirFs> instance =
      std::make_shared<CommandDirFs>(Registry::global().names());
  return instance;
}

std::string CommandDirFs::stub_for(std::string_view name) {
  return "#!/bin/sh\nexec " + std::string(name) + " \"$@\"\n";
}

CommandDirFs::CommandDirFs(const std::vector<std::string_view>& names) : built_at_(now()) {
  uint64_t ino = 2;
  for (std::string_view name : names) {
    entries_.emplace(std::string(name), Entry{ino++, std::make_shared<const std::string>(stub_for(name))});
  }
}

const CommandDirFs::Entry* CommandDirFs::find(std::string_view path) const {
  if (path.size() < 2 || path[0] != '/') return nullptr;
  auto it = entries_.find(path.substr(1));
  return it == entries_.end() ? nullptr : &it->second;
}

Stat CommandDirFs::file_stat(const Entry& e) const {
  Stat st;
  st.dev = 6;
  st.ino = e.ino;
  st.mode = S_IFREG | 0755;
  st.size = static_cast<int64_t>(e.stub->size());
  st.blocks = 8;
  st.atime = st.mtime = st.ctime = built_at_;
  return st;
}

Error CommandDirFs::open(std::string_view path, int flags, uint32_t, FilePtr& out) {
  if (path == "/") return make_error(EISDIR);
  const Entry* e = find(path);
  if (!e) return make_error((flags & O_CREAT) ? EROFS : ENOENT);
  if ((flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC)) return make_error(EROFS);
  if (flags & O_DIRECTORY) return make_error(ENOTDIR);
  if ((flags & O_CREAT) && (flags & O_EXCL)) return make_error(EEXIST);
  out = make_const_file(e->stub, file_stat(*e));
  return {};
}

Error CommandDirFs::stat(std::string_view path, Stat& out) { return lstat(path, out); }

Error CommandDirFs::lstat(std::string_view path, Stat& out) {
  if (path == "/") {
    out = Stat{};
    out.dev = 6;
    out.ino = 1;
    out.mode = S_IFDIR | 0755;
    out.nlink = 2;
    out.size = 4096;
    out.blocks = 8;
    out.atime = out.mtime = out.ctime = built_at_;
    return {};
  }
  const Entry* e = find(path);
  if (!e) return make_error(path.find('/', 1) != std::string_view::npos && find(path.substr(0, path.find('/', 1))) ? ENOTDIR : ENOENT);
  out = file_stat(*e);
  return {};
}

Error CommandDirFs::readdir(std::string_view path, std::vector<DirEntry>& out) {
  if (path != "/") {
    Stat st;
    if (Error err = lstat(path, st)) return err;
    return make_error(ENOTDIR);
  }
  out.clear();
  out.reserve(entries_.size());
  for (const auto& [name, e] : entries_) out.push_back({name, S_IFREG, e.ino});
  return {};
}

Error CommandDirFs::readlink(std::string_view path, std::string&) {
  Stat st;
  if (Error err = lstat(path, st)) return err;
  return make_error(EINVAL);
}

Error CommandDirFs::mkdir(std::string_view path, uint32_t) {
  Stat st;
  return lstat(path, st) ? make_error(EROFS) : make_error(EEXIST);
}
Error CommandDirFs::unlink(std::string_view) { return make_error(EROFS); }
Error CommandDirFs::rmdir(std::string_view) { return make_error(EROFS); }
Error CommandDirFs::rename(std::string_view, std::string_view) { return make_error(EROFS); }
Error CommandDirFs::symlink(std::string_view, std::string_view) { return make_error(EROFS); }
Error CommandDirFs::link(std::string_view, std::string_view) { return make_error(EROFS); }
Error CommandDirFs::chmod(std::string_view, uint32_t) { return make_error(EROFS); }
Error CommandDirFs::chown(std::string_view, uint32_t, uint32_t, bool) { return make_error(EROFS); }
Error CommandDirFs::utimes(std::string_view, TimeChange, TimeChange, bool) { return make_error(EROFS); }
Error CommandDirFs::truncate(std::string_view, int64_t) { return make_error(EROFS); }
Error CommandDirFs::statfs(std::string_view, FsStat& out) {
  out = FsStat{};
  out.type = "burrow-commands";
  return {};
}

}  // namespace burrow::vfs
