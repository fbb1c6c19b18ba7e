// The virtual filesystem interface. Every byte a sandboxed command reads or
// writes passes through here; nothing else in the product touches host files.
//
// Conventions:
// - Paths are absolute sandbox paths ("/home/user/x"). Callers normalise them
//   with vfs::normalize() first; implementations must still treat ".." and
//   symlinks as never leaving their own root.
// - Errors are POSIX errno values in std::generic_category(), so they map 1:1
//   onto shell messages and WASI errno. Success is an empty error_code.
// - Flags and mode bits are the host's <fcntl.h>/<sys/stat.h> constants
//   (O_CREAT, S_IFDIR, ...): on Linux they are the values agents expect.
#pragma once

#include <fcntl.h>
#include <sys/stat.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace burrow::vfs {

using Error = std::error_code;

inline Error make_error(int errno_value) { return Error(errno_value, std::generic_category()); }

struct Timespec {
  int64_t sec = 0;
  int64_t nsec = 0;
  friend bool operator==(const Timespec&, const Timespec&) = default;
  friend auto operator<=>(const Timespec&, const Timespec&) = default;
};

Timespec now();

struct Stat {
  uint64_t dev = 0;
  uint64_t ino = 0;
  uint32_t mode = 0;  // file type and permission bits, as st_mode
  uint32_t nlink = 1;
  uint32_t uid = 0;
  uint32_t gid = 0;
  uint64_t rdev = 0;
  int64_t size = 0;
  int64_t blksize = 4096;
  int64_t blocks = 0;  // 512-byte units, as st_blocks
  Timespec atime, mtime, ctime;
};

struct DirEntry {
  std::string name;
  uint32_t type = 0;  // S_IFDIR, S_IFREG, S_IFLNK, ... (file type bits only)
  uint64_t ino = 0;
};

struct FsStat {
  std::string type;  // "memfs", "hostfs", "overlay", ... as df -T shows
  uint64_t block_size = 4096;
  uint64_t blocks = 0;
  uint64_t blocks_free = 0;
  uint64_t blocks_available = 0;
  uint64_t files = 0;
  uint64_t files_free = 0;
  uint64_t name_max = 255;
};

// An open file description. Shared by every fd that dup()s it, so it owns the
// offset. Pipes, terminals and /dev devices implement it too.
class File {
 public:
  virtual ~File() = default;

  // Reads up to n bytes at the current offset. got == 0 with no error is EOF.
  virtual Error read(void* buf, size_t n, size_t& got) = 0;
  // Writes all n bytes unless an error occurs (short writes only on error).
  virtual Error write(const void* buf, size_t n, size_t& written) = 0;
  virtual Error pread(void* buf, size_t n, int64_t offset, size_t& got);
  virtual Error pwrite(const void* buf, size_t n, int64_t offset, size_t& written);
  virtual Error seek(int64_t offset, int whence, int64_t& new_offset);
  virtual Error truncate(int64_t size);
  virtual Error stat(Stat& out) = 0;
  virtual Error sync() { return {}; }
  // Called when the last descriptor referring to this description goes away.
  virtual Error close() { return {}; }

  virtual int open_flags() const = 0;       // O_RDONLY/O_WRONLY/O_RDWR | O_APPEND ...
  virtual bool is_terminal() const { return false; }
  // For pipes and terminals: true when data is available without blocking.
  virtual bool can_read_now() { return true; }
};

using FilePtr = std::shared_ptr<File>;

// A time to set with utimes(): a value, "now", or leave unchanged.
struct TimeChange {
  enum Kind { kOmit, kNow, kValue } kind = kOmit;
  Timespec value;
  static TimeChange omit() { return {}; }
  static TimeChange set_now() { return {kNow, {}}; }
  static TimeChange at(Timespec t) { return {kValue, t}; }
};

class Filesystem {
 public:
  virtual ~Filesystem() = default;

  virtual Error open(std::string_view path, int flags, uint32_t mode, FilePtr& out) = 0;
  virtual Error stat(std::string_view path, Stat& out) = 0;   // follows symlinks
  virtual Error lstat(std::string_view path, Stat& out) = 0;  // does not
  // Entries in no particular order, without "." and "..".
  virtual Error readdir(std::string_view path, std::vector<DirEntry>& out) = 0;
  virtual Error mkdir(std::string_view path, uint32_t mode) = 0;
  virtual Error unlink(std::string_view path) = 0;
  virtual Error rmdir(std::string_view path) = 0;
  virtual Error rename(std::string_view from, std::string_view to) = 0;
  virtual Error symlink(std::string_view target, std::string_view link_path) = 0;
  virtual Error readlink(std::string_view path, std::string& out) = 0;
  virtual Error link(std::string_view existing, std::string_view new_path) = 0;
  virtual Error chmod(std::string_view path, uint32_t mode) = 0;  // follows symlinks
  virtual Error chown(std::string_view path, uint32_t uid, uint32_t gid, bool follow) = 0;
  virtual Error utimes(std::string_view path, TimeChange atime, TimeChange mtime, bool follow) = 0;
  virtual Error truncate(std::string_view path, int64_t size) = 0;
  virtual Error statfs(std::string_view path, FsStat& out) = 0;

  // The canonical path with every symlink resolved (all components must exist).
  virtual Error realpath(std::string_view path, std::string& out);

  // True for filesystems whose symlinks are not text to follow but handles
  // into something else (/dev/fd/N): path resolution must hand them the
  // path as it is instead of reading the link.
  virtual bool has_magic_links() const { return false; }

  // An lstat in one step for a path none of whose directories is a symlink.
  // False when that does not hold, on any error, or when the filesystem has
  // no cheap way to tell: the caller then resolves the path one component at
  // a time. Lets MountFs skip that walk over host trees, where every
  // component costs system calls.
  virtual bool lstat_if_plain(std::string_view, Stat&) { return false; }
  // Likewise an open for reading (no O_CREAT, O_TRUNC or write access) in
  // one step for a path none of whose components, the last included, is a
  // symlink. False on any error or when that does not hold; the caller then
  // takes the ordinary route, which reports errors. Saves MountFs the lstat
  // it would otherwise make before every open (grep -r, find, cat *).
  virtual bool open_if_plain(std::string_view, int, FilePtr&) { return false; }
};

using FilesystemPtr = std::shared_ptr<Filesystem>;

// Lexically normalises an absolute path: collapses "//", "." and ".." (which
// stops at "/"). A relative path is first joined onto cwd.
std::string normalize(std::string_view path, std::string_view cwd = "/");

// Joins a directory and a name with exactly one slash.
std::string join(std::string_view dir, std::string_view name);

// "/a/b/c" -> "/a/b" and "c"; "/" -> "/" and "".
std::string_view dirname_of(std::string_view path);
std::string_view basename_of(std::string_view path);

// Reads a whole file (for small files such as scripts and config).
Error read_file(Filesystem& fs, std::string_view path, std::string& out);
Error write_file(Filesystem& fs, std::string_view path, std::string_view data, uint32_t mode = 0644);

// The text of an errno value as glibc's strerror() prints it, e.g. "No such
// file or directory". Thread-safe.
std::string error_text(Error err);

}  // namespace burrow::vfs
