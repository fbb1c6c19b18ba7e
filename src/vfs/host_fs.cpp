#include "vfs/host_fs.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <deque>
#include <stdexcept>

namespace burrow::vfs {
namespace {

constexpr int kMaxSymlinks = 40;

Error last_error() { return make_error(errno); }

// Closes a descriptor when it goes out of scope.
struct Fd {
  int fd = -1;
  explicit Fd(int f = -1) : fd(f) {}
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
};

bool writes(int flags) {
  return (flags & O_ACCMODE) != O_RDONLY || (flags & (O_CREAT | O_TRUNC)) != 0;
}

Stat to_stat(const struct stat& s) {
  Stat out;
  out.dev = s.st_dev;
  out.ino = s.st_ino;
  out.mode = s.st_mode;
  out.nlink = static_cast<uint32_t>(s.st_nlink);
  out.uid = s.st_uid;
  out.gid = s.st_gid;
  out.rdev = s.st_rdev;
  out.size = s.st_size;
  out.blksize = s.st_blksize;
  out.blocks = s.st_blocks;
  out.atime = {s.st_atim.tv_sec, s.st_atim.tv_nsec};
  out.mtime = {s.st_mtim.tv_sec, s.st_mtim.tv_nsec};
  out.ctime = {s.st_ctim.tv_sec, s.st_ctim.tv_nsec};
  return out;
}

struct timespec to_host_time(TimeChange change) {
  struct timespec t {};
  if (change.kind == TimeChange::kOmit) t.tv_nsec = UTIME_OMIT;
  else if (change.kind == TimeChange::kNow) t.tv_nsec = UTIME_NOW;
  else t = {static_cast<time_t>(change.value.sec), static_cast<long>(change.value.nsec)};
  return t;
}

class HostFile : public File {
 public:
  HostFile(int fd, int flags) : fd_(fd), flags_(flags) {}
  ~HostFile() override { ::close(fd_); }

  Error read(void* buf, size_t n, size_t& got) override {
    ssize_t r;
    do r = ::read(fd_, buf, n);
    while (r < 0 && errno == EINTR);
    got = r > 0 ? static_cast<size_t>(r) : 0;
    return r < 0 ? last_error() : Error{};
  }
  Error write(const void* buf, size_t n, size_t& written) override {
    written = 0;
    const char* p = static_cast<const char*>(buf);
    while (written < n) {
      ssize_t w = ::write(fd_, p + written, n - written);
      if (w < 0) {
        if (errno == EINTR) continue;
        return last_error();
      }
      written += static_cast<size_t>(w);
    }
    return {};
  }
  Error pread(void* buf, size_t n, int64_t offset, size_t& got) override {
    ssize_t r = ::pread(fd_, buf, n, offset);
    got = r > 0 ? static_cast<size_t>(r) : 0;
    return r < 0 ? last_error() : Error{};
  }
  Error pwrite(const void* buf, size_t n, int64_t offset, size_t& written) override {
    ssize_t w = ::pwrite(fd_, buf, n, offset);
    written = w > 0 ? static_cast<size_t>(w) : 0;
    return w < 0 ? last_error() : Error{};
  }
  Error seek(int64_t offset, int whence, int64_t& new_offset) override {
    off_t r = ::lseek(fd_, offset, whence);
    if (r < 0) return last_error();
    new_offset = r;
    return {};
  }
  Error truncate(int64_t size) override { return ::ftruncate(fd_, size) < 0 ? last_error() : Error{}; }
  Error stat(Stat& out) override {
    struct stat s;
    if (::fstat(fd_, &s) < 0) return last_error();
    out = to_stat(s);
    return {};
  }
  Error sync() override { return ::fsync(fd_) < 0 ? last_error() : Error{}; }
  int open_flags() const override { return flags_; }

 private:
  int fd_;
  int flags_;
};

}  // namespace

HostFs::HostFs(const std::string& host_dir, bool read_only) : read_only_(read_only) {
  root_fd_ = ::open(host_dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (root_fd_ < 0) {
    throw std::runtime_error("cannot use " + host_dir + " as the root: " + std::strerror(errno));
  }
}

HostFs::~HostFs() {
  if (root_fd_ >= 0) ::close(root_fd_);
}

Error HostFs::open_beneath(std::string_view path, int flags, uint32_t mode, int& fd) const {
  std::string relative(path);
  if (relative.empty() || relative == "/") relative = ".";
  struct open_how how {};
  how.flags = static_cast<uint64_t>(flags | O_CLOEXEC);
  // O_TMPFILE contains the O_DIRECTORY bit: compare the whole mask.
  bool creates = (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE;
  how.mode = creates ? (mode & 07777) : 0;
  how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
  for (;;) {
    long r = ::syscall(SYS_openat2, root_fd_, relative.c_str(), &how, sizeof how);
    if (r >= 0) {
      fd = static_cast<int>(r);
      return {};
    }
    if (errno == EINTR) continue;
    // EAGAIN: a rename raced the lookup; the kernel asks us to try again.
    if (errno == EAGAIN) continue;
    if (errno == ENOSYS) return open_beneath_by_walk(path, flags, mode, fd);
    return last_error();
  }
}

// For kernels without openat2: one component at a time, never letting the
// kernel follow a symlink, resolving links ourselves against the root.
Error HostFs::open_beneath_by_walk(std::string_view path, int flags, uint32_t mode, int& fd) const {
  std::deque<std::string> pending;
  auto push_components = [&](std::string_view p, bool front) {
    std::vector<std::string> parts;
    size_t pos = 0;
    while (pos <= p.size()) {
      size_t end = p.find('/', pos);
      if (end == std::string_view::npos) end = p.size();
      if (end > pos) parts.emplace_back(p.substr(pos, end - pos));
      pos = end + 1;
    }
    if (front) pending.insert(pending.begin(), parts.begin(), parts.end());
    else pending.insert(pending.end(), parts.begin(), parts.end());
  };
  push_components(path, false);
  std::vector<int> stack{::dup(root_fd_)};
  auto close_all = [&] {
    for (int f : stack) ::close(f);
  };
  int links = 0;
  while (!pending.empty()) {
    std::string name = std::move(pending.front());
    pending.pop_front();
    bool last = pending.empty();
    if (name == ".") continue;
    if (name == "..") {
      if (stack.size() > 1) {
        ::close(stack.back());
        stack.pop_back();
      }
      continue;
    }
    struct stat st;
    bool exists = ::fstatat(stack.back(), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0;
    if (exists && S_ISLNK(st.st_mode) && (!last || !(flags & O_NOFOLLOW))) {
      if (++links > kMaxSymlinks) {
        close_all();
        return make_error(ELOOP);
      }
      char target[4096];
      ssize_t n = ::readlinkat(stack.back(), name.c_str(), target, sizeof target);
      if (n < 0) {
        Error err = last_error();
        close_all();
        return err;
      }
      std::string_view t(target, n);
      if (!t.empty() && t[0] == '/') {
        while (stack.size() > 1) {
          ::close(stack.back());
          stack.pop_back();
        }
      }
      push_components(t, true);
      continue;
    }
    if (last) {
      int r = ::openat(stack.back(), name.c_str(), flags | O_NOFOLLOW | O_CLOEXEC, mode);
      Error err = r < 0 ? last_error() : Error{};
      close_all();
      if (err) return err;
      fd = r;
      return {};
    }
    int next = ::openat(stack.back(), name.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (next < 0) {
      Error err = last_error();
      close_all();
      return err;
    }
    stack.push_back(next);
  }
  // The path named a directory we stand in.
  int r = ::openat(stack.back(), ".", flags | O_CLOEXEC, mode);
  Error err = r < 0 ? last_error() : Error{};
  close_all();
  if (err) return err;
  fd = r;
  return {};
}

Error HostFs::open_parent(std::string_view path, int& dir_fd, std::string& name) const {
  std::string norm = normalize(path);
  if (norm == "/") return make_error(EBUSY);
  name = std::string(basename_of(norm));
  return open_beneath(dirname_of(norm), O_PATH | O_DIRECTORY, 0, dir_fd);
}

Error HostFs::open(std::string_view path, int flags, uint32_t mode, FilePtr& out) {
  if (read_only_ && writes(flags)) {
    // Opening an existing file for writing on a read-only filesystem is EROFS;
    // creating in a missing directory is still ENOENT, as Linux reports.
    int probe = -1;
    Error err = open_beneath(path, O_PATH | (flags & O_NOFOLLOW), 0, probe);
    if (probe >= 0) ::close(probe);
    if (err && !(err.value() == ENOENT && (flags & O_CREAT))) return err;
    return make_error(EROFS);
  }
  int fd = -1;
  if (Error err = open_beneath(path, flags & ~O_CLOEXEC, mode, fd)) return err;
  out = std::make_shared<HostFile>(fd, flags);
  return {};
}

Error HostFs::stat(std::string_view path, Stat& out) {
  int fd = -1;
  if (Error err = open_beneath(path, O_PATH, 0, fd)) return err;
  Fd guard(fd);
  struct stat s;
  if (::fstat(fd, &s) < 0) return last_error();
  out = to_stat(s);
  return {};
}

Error HostFs::lstat(std::string_view path, Stat& out) {
  int fd = -1;
  if (Error err = open_beneath(path, O_PATH | O_NOFOLLOW, 0, fd)) return err;
  Fd guard(fd);
  struct stat s;
  if (::fstatat(fd, "", &s, AT_EMPTY_PATH) < 0) return last_error();
  out = to_stat(s);
  return {};
}

bool HostFs::lstat_if_plain(std::string_view path, Stat& out) {
  std::string relative(path);
  if (relative.empty() || relative == "/") relative = ".";
  struct open_how how {};
  how.flags = O_PATH | O_NOFOLLOW | O_CLOEXEC;
  // The kernel refuses any symlink on the way; a trailing one is opened
  // itself (O_PATH | O_NOFOLLOW), as lstat wants.
  how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_SYMLINKS;
  long r;
  do r = ::syscall(SYS_openat2, root_fd_, relative.c_str(), &how, sizeof how);
  while (r < 0 && (errno == EINTR || errno == EAGAIN));
  if (r < 0) return false;
  Fd guard(static_cast<int>(r));
  struct stat s;
  if (::fstatat(static_cast<int>(r), "", &s, AT_EMPTY_PATH) < 0) return false;
  out = to_stat(s);
  return true;
}

bool HostFs::open_if_plain(std::string_view path, int flags, FilePtr& out) {
  if (writes(flags)) return false;
  std::string relative = path.empty() || path == "/" ? std::string(1, '.') : std::string(path);
  struct open_how how {};
  how.flags = static_cast<uint64_t>((flags & ~O_CLOEXEC) | O_NOFOLLOW | O_CLOEXEC);
  how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_SYMLINKS;
  long r;
  do r = ::syscall(SYS_openat2, root_fd_, relative.c_str(), &how, sizeof how);
  while (r < 0 && (errno == EINTR || errno == EAGAIN));
  if (r < 0) return false;
  out = std::make_shared<HostFile>(static_cast<int>(r), flags);
  return true;
}

Error HostFs::readdir(std::string_view path, std::vector<DirEntry>& out) {
  int fd = -1;
  if (Error err = open_beneath(path, O_RDONLY | O_DIRECTORY, 0, fd)) return err;
  DIR* dir = ::fdopendir(fd);
  if (!dir) {
    Error err = last_error();
    ::close(fd);
    return err;
  }
  out.clear();
  while (dirent* e = ::readdir(dir)) {
    if (!std::strcmp(e->d_name, ".") || !std::strcmp(e->d_name, "..")) continue;
    uint32_t type = 0;
    switch (e->d_type) {
      case DT_DIR: type = S_IFDIR; break;
      case DT_REG: type = S_IFREG; break;
      case DT_LNK: type = S_IFLNK; break;
      case DT_FIFO: type = S_IFIFO; break;
      case DT_SOCK: type = S_IFSOCK; break;
      case DT_CHR: type = S_IFCHR; break;
      case DT_BLK: type = S_IFBLK; break;
      default: {
        struct stat s;
        if (::fstatat(::dirfd(dir), e->d_name, &s, AT_SYMLINK_NOFOLLOW) == 0) type = s.st_mode & S_IFMT;
      }
    }
    out.push_back({e->d_name, type, e->d_ino});
  }
  ::closedir(dir);
  return {};
}

Error HostFs::mkdir(std::string_view path, uint32_t mode) {
  int dir = -1;
  std::string name;
  if (Error err = open_parent(path, dir, name)) return err.value() == EBUSY ? make_error(EEXIST) : err;
  Fd guard(dir);
  if (read_only_) {
    struct stat s;
    return ::fstatat(dir, name.c_str(), &s, AT_SYMLINK_NOFOLLOW) == 0 ? make_error(EEXIST) : make_error(EROFS);
  }
  return ::mkdirat(dir, name.c_str(), mode & 07777) < 0 ? last_error() : Error{};
}

Error HostFs::unlink(std::string_view path) {
  if (read_only_) return make_error(EROFS);
  int dir = -1;
  std::string name;
  if (Error err = open_parent(path, dir, name)) return err.value() == EBUSY ? make_error(EISDIR) : err;
  Fd guard(dir);
  return ::unlinkat(dir, name.c_str(), 0) < 0 ? last_error() : Error{};
}

Error HostFs::rmdir(std::string_view path) {
  if (read_only_) return make_error(EROFS);
  int dir = -1;
  std::string name;
  if (Error err = open_parent(path, dir, name)) return err;
  Fd guard(dir);
  return ::unlinkat(dir, name.c_str(), AT_REMOVEDIR) < 0 ? last_error() : Error{};
}

Error HostFs::rename(std::string_view from, std::string_view to) {
  if (read_only_) return make_error(EROFS);
  int a = -1, b = -1;
  std::string na, nb;
  if (Error err = open_parent(from, a, na)) return err;
  Fd ga(a);
  if (Error err = open_parent(to, b, nb)) return err;
  Fd gb(b);
  return ::renameat(a, na.c_str(), b, nb.c_str()) < 0 ? last_error() : Error{};
}

Error HostFs::symlink(std::string_view target, std::string_view link_path) {
  if (read_only_) return make_error(EROFS);
  int dir = -1;
  std::string name;
  if (Error err = open_parent(link_path, dir, name)) return err.value() == EBUSY ? make_error(EEXIST) : err;
  Fd guard(dir);
  std::string t(target);
  return ::symlinkat(t.c_str(), dir, name.c_str()) < 0 ? last_error() : Error{};
}

Error HostFs::readlink(std::string_view path, std::string& out) {
  int dir = -1;
  std::string name;
  if (Error err = open_parent(path, dir, name)) return err.value() == EBUSY ? make_error(EINVAL) : err;
  Fd guard(dir);
  char buf[4096];
  ssize_t n = ::readlinkat(dir, name.c_str(), buf, sizeof buf);
  if (n < 0) return last_error();
  out.assign(buf, n);
  return {};
}

Error HostFs::link(std::string_view existing, std::string_view new_path) {
  // Like linkat(): the source is looked up completely before the target.
  Stat source;
  if (Error err = lstat(existing, source)) return err;
  if (read_only_) return make_error(EROFS);
  int a = -1, b = -1;
  std::string na, nb;
  if (Error err = open_parent(existing, a, na)) return err;
  Fd ga(a);
  if (Error err = open_parent(new_path, b, nb)) return err;
  Fd gb(b);
  return ::linkat(a, na.c_str(), b, nb.c_str(), 0) < 0 ? last_error() : Error{};
}

Error HostFs::chmod(std::string_view path, uint32_t mode) {
  // The file is resolved confined, then changed through its descriptor, so
  // a symlink can never redirect the change outside the root.
  int fd = -1;
  if (Error err = open_beneath(path, O_PATH, 0, fd)) return err;
  Fd guard(fd);
  if (read_only_) return make_error(EROFS);
  // fchmodat2 (Linux 6.6) changes an O_PATH descriptor's file directly.
  if (::syscall(452 /* SYS_fchmodat2 */, fd, "", mode & 07777, AT_EMPTY_PATH) == 0) return {};
  if (errno != ENOSYS && errno != EINVAL) return last_error();
  int real = -1;
  if (Error err = open_beneath(path, O_RDONLY | O_NONBLOCK | O_NOCTTY, 0, real)) return err;
  Fd real_guard(real);
  return ::fchmod(real, mode & 07777) < 0 ? last_error() : Error{};
}

Error HostFs::chown(std::string_view path, uint32_t uid, uint32_t gid, bool follow) {
  int fd = -1;
  if (Error err = open_beneath(path, O_PATH | (follow ? 0 : O_NOFOLLOW), 0, fd)) return err;
  Fd guard(fd);
  if (read_only_) return make_error(EROFS);
  return ::fchownat(fd, "", uid, gid, AT_EMPTY_PATH) < 0 ? last_error() : Error{};
}

Error HostFs::utimes(std::string_view path, TimeChange atime, TimeChange mtime, bool follow) {
  struct timespec times[2] = {to_host_time(atime), to_host_time(mtime)};
  if (!follow) {
    int dir = -1;
    std::string name;
    if (Error err = open_parent(path, dir, name)) return err;
    Fd guard(dir);
    if (read_only_) return make_error(EROFS);
    return ::utimensat(dir, name.c_str(), times, AT_SYMLINK_NOFOLLOW) < 0 ? last_error() : Error{};
  }
  int fd = -1;
  if (Error err = open_beneath(path, O_PATH, 0, fd)) return err;
  Fd guard(fd);
  if (read_only_) return make_error(EROFS);
  int real = -1;
  if (Error err = open_beneath(path, O_RDONLY | O_NONBLOCK | O_NOCTTY, 0, real)) return err;
  Fd real_guard(real);
  return ::futimens(real, times) < 0 ? last_error() : Error{};
}

Error HostFs::truncate(std::string_view path, int64_t size) {
  if (read_only_) {
    Stat st;
    if (Error err = stat(path, st)) return err;
    return make_error(EROFS);
  }
  int fd = -1;
  if (Error err = open_beneath(path, O_WRONLY | O_NONBLOCK | O_NOCTTY, 0, fd)) return err;
  Fd guard(fd);
  return ::ftruncate(fd, size) < 0 ? last_error() : Error{};
}

Error HostFs::statfs(std::string_view path, FsStat& out) {
  int fd = -1;
  if (Error err = open_beneath(path, O_PATH, 0, fd)) return err;
  Fd guard(fd);
  struct statfs s;
  if (::fstatfs(fd, &s) < 0) return last_error();
  out = FsStat{};
  out.type = "hostfs";
  out.block_size = s.f_bsize;
  out.blocks = s.f_blocks;
  out.blocks_free = s.f_bfree;
  out.blocks_available = s.f_bavail;
  out.files = s.f_files;
  out.files_free = s.f_ffree;
  out.name_max = s.f_namelen;
  return {};
}

}  // namespace burrow::vfs
