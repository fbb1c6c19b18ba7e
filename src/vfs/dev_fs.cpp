#include "vfs/dev_fs.h"

#include <cerrno>
#include <charconv>

#include "vfs/special_files.h"

namespace burrow::vfs {
namespace {

struct NamedDevice {
  std::string_view name;
  Device device;
};
constexpr NamedDevice kDevices[] = {
    {"null", Device::kNull},     {"zero", Device::kZero},       {"full", Device::kFull},
    {"random", Device::kRandom}, {"urandom", Device::kUrandom},
};
constexpr std::string_view kStdLinks[] = {"stdin", "stdout", "stderr"};

const NamedDevice* find_device(std::string_view path) {
  for (const NamedDevice& d : kDevices) {
    if (path.size() == d.name.size() + 1 && path.substr(1) == d.name) return &d;
  }
  return nullptr;
}

Stat dir_stat(uint64_t ino) {
  Stat st;
  st.dev = 5;
  st.ino = ino;
  st.mode = S_IFDIR | 0755;
  st.nlink = 2;
  st.size = 4096;
  st.blocks = 8;
  return st;
}

Stat link_stat(uint64_t ino, size_t target_len) {
  Stat st;
  st.dev = 5;
  st.ino = ino;
  st.mode = S_IFLNK | 0777;
  st.size = static_cast<int64_t>(target_len);
  return st;
}

}  // namespace

int DevFs::fd_of(std::string_view path) const {
  for (int i = 0; i < 3; ++i) {
    if (path.size() == kStdLinks[i].size() + 1 && path.substr(1) == kStdLinks[i]) return i;
  }
  if (path.substr(0, 4) == "/fd/") {
    std::string_view digits = path.substr(4);
    int fd = -1;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), fd);
    if (ec == std::errc() && end == digits.data() + digits.size() && fd >= 0) return fd;
  }
  return -1;
}

Error DevFs::open(std::string_view path, int flags, uint32_t, FilePtr& out) {
  if (const NamedDevice* d = find_device(path)) {
    out = make_device_file(d->device, flags);
    return {};
  }
  if (path == "/tty") return make_error(ENXIO);
  int fd = fd_of(path);
  if (fd >= 0) {
    FilePtr file = lookup_ ? lookup_(fd) : nullptr;
    if (!file) return make_error(ENOENT);
    out = file;
    return {};
  }
  if (path == "/" || path == "/fd") return make_error(EISDIR);
  if (flags & O_CREAT) return make_error(EACCES);
  return make_error(ENOENT);
}

Error DevFs::stat(std::string_view path, Stat& out) {
  int fd = fd_of(path);
  if (fd >= 0) {
    FilePtr file = lookup_ ? lookup_(fd) : nullptr;
    if (!file) return make_error(ENOENT);
    return file->stat(out);
  }
  return lstat(path, out);
}

Error DevFs::lstat(std::string_view path, Stat& out) {
  if (path == "/") {
    out = dir_stat(1);
    return {};
  }
  if (path == "/fd") {
    out = dir_stat(2);
    return {};
  }
  if (const NamedDevice* d = find_device(path)) {
    out = device_stat(d->device);
    return {};
  }
  if (path == "/tty") {
    out = Stat{};
    out.dev = 5;
    out.ino = 110;
    out.mode = S_IFCHR | 0666;
    out.rdev = (5u << 8);
    return {};
  }
  int fd = fd_of(path);
  if (fd >= 0) {
    FilePtr file = lookup_ ? lookup_(fd) : nullptr;
    if (!file) return make_error(ENOENT);
    // /dev/stdin and friends are symlinks on Linux; /dev/fd/N are too.
    out = link_stat(200 + fd, path.substr(0, 4) == "/fd/" ? 16 : 15);
    return {};
  }
  return make_error(ENOENT);
}

Error DevFs::readdir(std::string_view path, std::vector<DirEntry>& out) {
  out.clear();
  if (path == "/") {
    for (const NamedDevice& d : kDevices) out.push_back({std::string(d.name), S_IFCHR, device_stat(d.device).ino});
    out.push_back({"tty", S_IFCHR, 110});
    for (int i = 0; i < 3; ++i) out.push_back({std::string(kStdLinks[i]), S_IFLNK, static_cast<uint64_t>(200 + i)});
    out.push_back({"fd", S_IFDIR, 2});
    return {};
  }
  if (path == "/fd") {
    for (int fd = 0; fd < 1024; ++fd) {
      if (lookup_ && lookup_(fd)) out.push_back({std::to_string(fd), S_IFLNK, static_cast<uint64_t>(200 + fd)});
    }
    return {};
  }
  Stat st;
  if (Error err = lstat(path, st)) return err;
  return make_error(ENOTDIR);
}

Error DevFs::readlink(std::string_view path, std::string& out) {
  int fd = fd_of(path);
  if (fd < 0) {
    Stat st;
    if (Error err = lstat(path, st)) return err;
    return make_error(EINVAL);
  }
  if (!lookup_ || !lookup_(fd)) return make_error(ENOENT);
  // What Linux shows; opening goes through this filesystem, not /proc.
  out = "/proc/self/fd/" + std::to_string(fd);
  return {};
}

Error DevFs::mkdir(std::string_view path, uint32_t) {
  Stat st;
  return lstat(path, st) ? make_error(EACCES) : make_error(EEXIST);
}
Error DevFs::unlink(std::string_view) { return make_error(EACCES); }
Error DevFs::rmdir(std::string_view) { return make_error(EACCES); }
Error DevFs::rename(std::string_view, std::string_view) { return make_error(EACCES); }
Error DevFs::symlink(std::string_view, std::string_view) { return make_error(EACCES); }
Error DevFs::link(std::string_view, std::string_view) { return make_error(EACCES); }
Error DevFs::chmod(std::string_view, uint32_t) { return make_error(EPERM); }
Error DevFs::chown(std::string_view, uint32_t, uint32_t, bool) { return make_error(EPERM); }
Error DevFs::utimes(std::string_view path, TimeChange, TimeChange, bool) {
  Stat st;
  return lstat(path, st);
}
Error DevFs::truncate(std::string_view path, int64_t) {
  Stat st;
  if (Error err = stat(path, st)) return err;
  return S_ISDIR(st.mode) ? make_error(EISDIR) : Error{};
}
Error DevFs::statfs(std::string_view, FsStat& out) {
  out = FsStat{};
  out.type = "devtmpfs";
  return {};
}

}  // namespace burrow::vfs
