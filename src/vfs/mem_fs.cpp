#include "vfs/mem_fs.h"

#include <cerrno>
#include <cstring>
#include <mutex>

namespace burrow::vfs {
namespace {

constexpr uint64_t kRootIno = 1;
constexpr int kMaxSymlinks = 40;

struct NameHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using Children = std::unordered_map<std::string, uint64_t, NameHash, std::equal_to<>>;

bool readable(int flags) { return (flags & O_ACCMODE) != O_WRONLY; }
bool writable(int flags) { return (flags & O_ACCMODE) != O_RDONLY; }

}  // namespace

struct MemInode {
  uint32_t mode = 0;
  uint32_t uid = 0, gid = 0;
  uint32_t nlink = 1;
  Timespec atime, mtime, ctime;
  std::string data;   // file contents, or a symlink's target
  Children children;  // directories
};

// Everything one MemFs owns. Inodes are shared with forks: a shared inode is
// never changed in place; mut() copies it first.
struct MemFsState {
  mutable std::shared_mutex mutex;
  std::vector<std::shared_ptr<MemInode>> inodes;  // index = inode number
  std::vector<uint64_t> free_inos;
  std::unordered_map<uint64_t, int> open_counts;
  uint64_t bytes_used = 0;
  MemFs::Options options;

  const MemInode& get(uint64_t ino) const { return *inodes[ino]; }

  MemInode& mut(uint64_t ino) {
    std::shared_ptr<MemInode>& p = inodes[ino];
    if (p.use_count() > 1) p = std::make_shared<MemInode>(*p);
    return *p;
  }

  uint64_t alloc(uint32_t mode, Timespec when) {
    auto node = std::make_shared<MemInode>();
    node->mode = mode;
    node->uid = options.uid;
    node->gid = options.gid;
    node->atime = node->mtime = node->ctime = when;
    node->nlink = S_ISDIR(mode) ? 2 : 1;
    if (!free_inos.empty()) {
      uint64_t ino = free_inos.back();
      free_inos.pop_back();
      inodes[ino] = std::move(node);
      return ino;
    }
    inodes.push_back(std::move(node));
    return inodes.size() - 1;
  }

  // Frees an inode once no name and no open file refers to it.
  void release_if_unused(uint64_t ino) {
    if (!inodes[ino] || inodes[ino]->nlink > 0) return;
    auto it = open_counts.find(ino);
    if (it != open_counts.end() && it->second > 0) return;
    if (S_ISREG(inodes[ino]->mode)) bytes_used -= inodes[ino]->data.size();
    inodes[ino].reset();
    free_inos.push_back(ino);
  }

  // Changes a regular file's size, within the quota.
  Error resize(uint64_t ino, uint64_t new_size) {
    const MemInode& node = get(ino);
    uint64_t old_size = node.data.size();
    if (new_size > old_size && bytes_used + (new_size - old_size) > options.quota_bytes) {
      return make_error(ENOSPC);
    }
    mut(ino).data.resize(new_size);
    bytes_used = bytes_used + new_size - old_size;
    return {};
  }

  void fill_stat(uint64_t ino, Stat& out) const {
    const MemInode& node = get(ino);
    out = Stat{};
    out.dev = options.device;
    out.ino = ino;
    out.mode = node.mode;
    out.nlink = node.nlink;
    out.uid = node.uid;
    out.gid = node.gid;
    if (S_ISDIR(node.mode)) out.size = 4096;
    else out.size = static_cast<int64_t>(node.data.size());
    out.blksize = 4096;
    out.blocks = S_ISLNK(node.mode) ? 0 : (out.size + 4095) / 4096 * 8;
    out.atime = node.atime;
    out.mtime = node.mtime;
    out.ctime = node.ctime;
  }

  struct Resolved {
    uint64_t parent = 0;     // directory holding the last component
    std::string name;        // the last component ("" for the root)
    uint64_t ino = 0;        // 0 when the last component does not exist
    bool trailing_slash = false;
    std::vector<uint64_t> ancestors;  // root .. parent
  };

  // Walks a path. Intermediate symlinks are always followed (absolute
  // targets restart at this filesystem's root, ".." stops at it); the last
  // component's only when follow_last or the path ends in a slash.
  Error resolve(std::string_view path, bool follow_last, Resolved& out) const {
    std::string buf(path);
    size_t pos = 0;
    std::vector<uint64_t> stack{kRootIno};
    int links = 0;
    out = Resolved{};
    for (;;) {
      while (pos < buf.size() && buf[pos] == '/') ++pos;
      if (pos >= buf.size()) {
        // The path names a directory we are standing in (root, or "x/.").
        out.ino = stack.back();
        out.parent = stack.size() > 1 ? stack[stack.size() - 2] : kRootIno;
        out.ancestors.assign(stack.begin(), stack.end() - (stack.size() > 1 ? 1 : 0));
        out.trailing_slash = true;
        return {};
      }
      size_t end = buf.find('/', pos);
      if (end == std::string::npos) end = buf.size();
      size_t after = end;
      while (after < buf.size() && buf[after] == '/') ++after;
      bool last = after >= buf.size();
      bool trailing_slash = end < buf.size();
      std::string_view comp(buf.data() + pos, end - pos);

      const MemInode& dir = get(stack.back());
      if (!S_ISDIR(dir.mode)) return make_error(ENOTDIR);
      if (comp == ".") {
        pos = end;
        continue;
      }
      if (comp == "..") {
        if (stack.size() > 1) stack.pop_back();
        pos = end;
        continue;
      }
      if (comp.size() > 255) return make_error(ENAMETOOLONG);
      auto it = dir.children.find(comp);
      if (it == dir.children.end()) {
        if (!last) return make_error(ENOENT);
        out.parent = stack.back();
        out.name = std::string(comp);
        out.trailing_slash = trailing_slash;
        out.ancestors = std::move(stack);
        return {};
      }
      uint64_t child = it->second;
      const MemInode& node = get(child);
      if (S_ISLNK(node.mode) && (!last || follow_last || trailing_slash)) {
        if (++links > kMaxSymlinks) return make_error(ELOOP);
        if (node.data.empty()) return make_error(ENOENT);
        std::string rebuilt = node.data + buf.substr(end);
        if (node.data[0] == '/') stack.resize(1);
        buf = std::move(rebuilt);
        pos = 0;
        continue;
      }
      if (last) {
        out.parent = stack.back();
        out.name = std::string(comp);
        out.ino = child;
        out.trailing_slash = trailing_slash;
        if (trailing_slash && !S_ISDIR(node.mode)) return make_error(ENOTDIR);
        out.ancestors = std::move(stack);
        return {};
      }
      stack.push_back(child);
      pos = end;
    }
  }

  void touch_dir(uint64_t dir, Timespec when) {
    MemInode& d = mut(dir);
    d.mtime = d.ctime = when;
  }
};

// An open MemFs file. It holds the state (not the MemFs) so that it keeps
// working, like a kernel file, after the name is gone.
class MemFile : public File {
 public:
  MemFile(std::shared_ptr<MemFsState> state, uint64_t ino, int flags)
      : state_(std::move(state)), ino_(ino), flags_(flags) {}

  ~MemFile() override {
    std::unique_lock lock(state_->mutex);
    if (--state_->open_counts[ino_] == 0) state_->open_counts.erase(ino_);
    state_->release_if_unused(ino_);
  }

  Error read(void* buf, size_t n, size_t& got) override {
    std::lock_guard<std::mutex> offset_lock(offset_mutex_);
    Error err = pread(buf, n, offset_, got);
    offset_ += static_cast<int64_t>(got);
    return err;
  }

  Error write(const void* buf, size_t n, size_t& written) override {
    std::lock_guard<std::mutex> offset_lock(offset_mutex_);
    written = 0;
    if (!writable(flags_)) return make_error(EBADF);
    std::unique_lock lock(state_->mutex);
    if (flags_ & O_APPEND) offset_ = static_cast<int64_t>(state_->get(ino_).data.size());
    Error err = write_locked(buf, n, offset_, written);
    offset_ += static_cast<int64_t>(written);
    return err;
  }

  Error pread(void* buf, size_t n, int64_t offset, size_t& got) override {
    got = 0;
    if (!readable(flags_)) return make_error(EBADF);
    if (offset < 0) return make_error(EINVAL);
    std::shared_lock lock(state_->mutex);
    const MemInode& node = state_->get(ino_);
    if (S_ISDIR(node.mode)) return make_error(EISDIR);
    if (static_cast<uint64_t>(offset) >= node.data.size()) return {};
    got = std::min<size_t>(n, node.data.size() - offset);
    std::memcpy(buf, node.data.data() + offset, got);
    return {};
  }

  Error pwrite(const void* buf, size_t n, int64_t offset, size_t& written) override {
    written = 0;
    if (!writable(flags_)) return make_error(EBADF);
    if (offset < 0) return make_error(EINVAL);
    std::unique_lock lock(state_->mutex);
    // Linux ignores the offset of pwrite on O_APPEND files.
    if (flags_ & O_APPEND) offset = static_cast<int64_t>(state_->get(ino_).data.size());
    return write_locked(buf, n, offset, written);
  }

  Error seek(int64_t offset, int whence, int64_t& new_offset) override {
    std::lock_guard<std::mutex> offset_lock(offset_mutex_);
    int64_t base = 0;
    if (whence == SEEK_CUR) {
      base = offset_;
    } else if (whence == SEEK_END) {
      std::shared_lock lock(state_->mutex);
      const MemInode& node = state_->get(ino_);
      base = S_ISDIR(node.mode) ? 0 : static_cast<int64_t>(node.data.size());
    } else if (whence != SEEK_SET) {
      return make_error(EINVAL);
    }
    if (base + offset < 0) return make_error(EINVAL);
    offset_ = base + offset;
    new_offset = offset_;
    return {};
  }

  Error truncate(int64_t size) override {
    if (!writable(flags_)) return make_error(EINVAL);
    if (size < 0) return make_error(EINVAL);
    std::unique_lock lock(state_->mutex);
    if (Error err = state_->resize(ino_, static_cast<uint64_t>(size))) return err;
    MemInode& node = state_->mut(ino_);
    node.mtime = node.ctime = now();
    return {};
  }

  Error stat(Stat& out) override {
    std::shared_lock lock(state_->mutex);
    state_->fill_stat(ino_, out);
    return {};
  }

  int open_flags() const override { return flags_; }

 private:
  Error write_locked(const void* buf, size_t n, int64_t offset, size_t& written) {
    const MemInode& node = state_->get(ino_);
    if (S_ISDIR(node.mode)) return make_error(EISDIR);
    uint64_t end = static_cast<uint64_t>(offset) + n;
    Error err;
    if (end > node.data.size()) {
      err = state_->resize(ino_, end);
      if (err) {
        // Write what still fits, as a full disk does.
        uint64_t room = state_->options.quota_bytes > state_->bytes_used
                            ? state_->options.quota_bytes - state_->bytes_used
                            : 0;
        uint64_t fit_end = std::max<uint64_t>(node.data.size(), std::min<uint64_t>(end, node.data.size() + room));
        if (fit_end <= static_cast<uint64_t>(offset)) return err;
        state_->resize(ino_, fit_end);
        n = fit_end - offset;
      }
    }
    MemInode& m = state_->mut(ino_);
    std::memcpy(m.data.data() + offset, buf, n);
    m.mtime = m.ctime = now();
    written = n;
    return err;
  }

  std::shared_ptr<MemFsState> state_;
  uint64_t ino_;
  int flags_;
  std::mutex offset_mutex_;
  int64_t offset_ = 0;
};

MemFs::MemFs(Options options) : state_(std::make_shared<MemFsState>()) {
  state_->options = options;
  state_->inodes.resize(kRootIno);  // inode 0 is never used
  uint64_t root = state_->alloc(S_IFDIR | 0755, now());
  state_->inodes[root]->uid = 0;
  state_->inodes[root]->gid = 0;
}

MemFs::MemFs(std::shared_ptr<MemFsState> state) : state_(std::move(state)) {}

MemFs::~MemFs() = default;

std::shared_ptr<MemFs> MemFs::fork() const {
  auto copy = std::make_shared<MemFsState>();
  std::shared_lock lock(state_->mutex);
  copy->inodes = state_->inodes;
  copy->free_inos = state_->free_inos;
  copy->bytes_used = state_->bytes_used;
  copy->options = state_->options;
  // Files kept alive only by this filesystem's open descriptors have no name;
  // the copy does not need them.
  for (uint64_t ino = kRootIno; ino < copy->inodes.size(); ++ino) {
    if (copy->inodes[ino] && copy->inodes[ino]->nlink == 0) copy->release_if_unused(ino);
  }
  return std::shared_ptr<MemFs>(new MemFs(std::move(copy)));
}

void MemFs::set_owner(uint32_t uid, uint32_t gid) {
  std::unique_lock lock(state_->mutex);
  state_->options.uid = uid;
  state_->options.gid = gid;
}

void MemFs::set_quota(uint64_t bytes) {
  std::unique_lock lock(state_->mutex);
  state_->options.quota_bytes = bytes;
}

uint64_t MemFs::bytes_used() const {
  std::shared_lock lock(state_->mutex);
  return state_->bytes_used;
}

Error MemFs::open(std::string_view path, int flags, uint32_t mode, FilePtr& out) {
  std::unique_lock lock(state_->mutex);
  MemFsState& s = *state_;
  bool exclusive = (flags & O_CREAT) && (flags & O_EXCL);
  MemFsState::Resolved r;
  if (Error err = s.resolve(path, !(flags & O_NOFOLLOW) && !exclusive, r)) return err;
  uint64_t ino = r.ino;
  Timespec when = now();
  if (ino == 0) {
    if (!(flags & O_CREAT)) return make_error(ENOENT);
    if (r.trailing_slash) return make_error(EISDIR);
    ino = s.alloc(S_IFREG | (mode & 07777), when);
    s.mut(r.parent).children.emplace(r.name, ino);
    s.touch_dir(r.parent, when);
  } else {
    const MemInode& node = s.get(ino);
    if (exclusive) return make_error(EEXIST);
    if (S_ISLNK(node.mode)) return make_error(ELOOP);
    if ((flags & O_DIRECTORY) && !S_ISDIR(node.mode)) return make_error(ENOTDIR);
    if (S_ISDIR(node.mode) && (writable(flags) || (flags & O_CREAT))) return make_error(EISDIR);
    if ((flags & O_TRUNC) && writable(flags) && S_ISREG(node.mode) && !node.data.empty()) {
      s.resize(ino, 0);
      MemInode& m = s.mut(ino);
      m.mtime = m.ctime = when;
    }
  }
  ++s.open_counts[ino];
  out = std::make_shared<MemFile>(state_, ino, flags & ~(O_CREAT | O_EXCL | O_TRUNC));
  return {};
}

Error MemFs::stat(std::string_view path, Stat& out) {
  std::shared_lock lock(state_->mutex);
  MemFsState::Resolved r;
  if (Error err = state_->resolve(path, true, r)) return err;
  if (r.ino == 0) return make_error(ENOENT);
  state_->fill_stat(r.ino, out);
  return {};
}

Error MemFs::lstat(std::string_view path, Stat& out) {
  std::shared_lock lock(state_->mutex);
  MemFsState::Resolved r;
  if (Error err = state_->resolve(path, false, r)) return err;
  if (r.ino == 0) return make_error(ENOENT);
  state_->fill_stat(r.ino, out);
  return {};
}

Error MemFs::readdir(std::string_view path, std::vector<DirEntry>& out) {
  std::shared_lock lock(state_->mutex);
  MemFsState::Resolved r;
  if (Error err = state_->resolve(path, true, r)) return err;
  if (r.ino == 0) return make_error(ENOENT);
  const MemInode& dir = state_->get(r.ino);
  if (!S_ISDIR(dir.mode)) return make_error(ENOTDIR);
  out.clear();
  out.reserve(dir.children.size());
  for (const auto& [name, ino] : dir.children) {
    out.push_back({name, state_->get(ino).mode & S_IFMT, ino});
  }
  return {};
}

Error MemFs::mkdir(std::string_view path, uint32_t mode) {
  std::unique_lock lock(state_->mutex);
  MemFsState& s = *state_;
  MemFsState::Resolved r;
  if (Error err = s.resolve(path, false, r)) {
    return err;
  }
  if (r.ino != 0) return make_error(EEXIST);
  Timespec when = now();
  uint64_t ino = s.alloc(S_IFDIR | (mode & 07777), when);
  MemInode& parent = s.mut(r.parent);
  parent.children.emplace(r.name, ino);
  parent.nlink++;
  parent.mtime = parent.ctime = when;
  return {};
}

Error MemFs::unlink(std::string_view path) {
  std::unique_lock lock(state_->mutex);
  MemFsState& s = *state_;
  MemFsState::Resolved r;
  if (Error err = s.resolve(path, false, r)) return err;
  if (r.ino == 0) return make_error(ENOENT);
  if (S_ISDIR(s.get(r.ino).mode)) return make_error(EISDIR);
  Timespec when = now();
  s.mut(r.parent).children.erase(r.name);
  s.touch_dir(r.parent, when);
  MemInode& node = s.mut(r.ino);
  node.nlink--;
  node.ctime = when;
  s.release_if_unused(r.ino);
  return {};
}

Error MemFs::rmdir(std::string_view path) {
  std::unique_lock lock(state_->mutex);
  MemFsState& s = *state_;
  MemFsState::Resolved r;
  if (Error err = s.resolve(path, false, r)) return err;
  if (r.ino == 0) return make_error(ENOENT);
  if (r.ino == kRootIno) return make_error(EBUSY);
  if (r.name.empty()) return make_error(EINVAL);
  const MemInode& node = s.get(r.ino);
  if (!S_ISDIR(node.mode)) return make_error(ENOTDIR);
  if (!node.children.empty()) return make_error(ENOTEMPTY);
  Timespec when = now();
  MemInode& parent = s.mut(r.parent);
  parent.children.erase(r.name);
  parent.nlink--;
  parent.mtime = parent.ctime = when;
  s.mut(r.ino).nlink = 0;
  s.release_if_unused(r.ino);
  return {};
}

Error MemFs::rename(std::string_view from, std::string_view to) {
  std::unique_lock lock(state_->mutex);
  MemFsState& s = *state_;
  MemFsState::Resolved src, dst;
  // Both parents are looked up before the source's existence is checked.
  if (Error err = s.resolve(from, false, src)) return err;
  if (Error err = s.resolve(to, false, dst)) return err;
  if (src.ino == 0) return make_error(ENOENT);
  if (src.ino == kRootIno || dst.ino == kRootIno || src.name.empty() || dst.name.empty()) {
    return make_error(EBUSY);
  }
  bool src_is_dir = S_ISDIR(s.get(src.ino).mode);
  if (src_is_dir) {
    for (uint64_t a : dst.ancestors) {
      if (a == src.ino) return make_error(EINVAL);
    }
  }
  if (dst.ino == src.ino) return {};
  // Renaming onto one of the source's own ancestors.
  for (uint64_t a : src.ancestors) {
    if (a == dst.ino) return make_error(ENOTEMPTY);
  }
  if (dst.ino != 0) {
    const MemInode& target = s.get(dst.ino);
    if (src_is_dir && !S_ISDIR(target.mode)) return make_error(ENOTDIR);
    if (!src_is_dir && S_ISDIR(target.mode)) return make_error(EISDIR);
    if (S_ISDIR(target.mode) && !target.children.empty()) return make_error(ENOTEMPTY);
  } else if (dst.trailing_slash && !src_is_dir) {
    return make_error(ENOTDIR);
  }
  Timespec when = now();
  if (dst.ino != 0) {
    bool target_is_dir = S_ISDIR(s.get(dst.ino).mode);
    MemInode& target = s.mut(dst.ino);
    target.nlink = target_is_dir ? 0 : target.nlink - 1;
    target.ctime = when;
    MemInode& dparent = s.mut(dst.parent);
    dparent.children.erase(dst.name);
    if (target_is_dir) dparent.nlink--;
    s.release_if_unused(dst.ino);
  }
  MemInode& sparent = s.mut(src.parent);
  sparent.children.erase(src.name);
  if (src_is_dir) sparent.nlink--;
  sparent.mtime = sparent.ctime = when;
  MemInode& dparent = s.mut(dst.parent);
  dparent.children[dst.name] = src.ino;
  if (src_is_dir) dparent.nlink++;
  dparent.mtime = dparent.ctime = when;
  s.mut(src.ino).ctime = when;
  return {};
}

Error MemFs::symlink(std::string_view target, std::string_view link_path) {
  std::unique_lock lock(state_->mutex);
  MemFsState& s = *state_;
  if (target.empty()) return make_error(ENOENT);
  MemFsState::Resolved r;
  if (Error err = s.resolve(link_path, false, r)) return err;
  if (r.ino != 0) return make_error(EEXIST);
  if (r.trailing_slash) return make_error(ENOENT);
  Timespec when = now();
  uint64_t ino = s.alloc(S_IFLNK | 0777, when);
  s.mut(ino).data = std::string(target);
  s.mut(r.parent).children.emplace(r.name, ino);
  s.touch_dir(r.parent, when);
  return {};
}

Error MemFs::readlink(std::string_view path, std::string& out) {
  std::shared_lock lock(state_->mutex);
  MemFsState::Resolved r;
  if (Error err = state_->resolve(path, false, r)) return err;
  if (r.ino == 0) return make_error(ENOENT);
  const MemInode& node = state_->get(r.ino);
  if (!S_ISLNK(node.mode)) return make_error(EINVAL);
  out = node.data;
  return {};
}

Error MemFs::link(std::string_view existing, std::string_view new_path) {
  std::unique_lock lock(state_->mutex);
  MemFsState& s = *state_;
  MemFsState::Resolved src, dst;
  if (Error err = s.resolve(existing, false, src)) return err;
  if (src.ino == 0) return make_error(ENOENT);
  if (Error err = s.resolve(new_path, false, dst)) return err;
  if (dst.ino != 0) return make_error(EEXIST);
  if (dst.trailing_slash) return make_error(ENOENT);
  if (S_ISDIR(s.get(src.ino).mode)) return make_error(EPERM);
  Timespec when = now();
  MemInode& node = s.mut(src.ino);
  node.nlink++;
  node.ctime = when;
  s.mut(dst.parent).children.emplace(dst.name, src.ino);
  s.touch_dir(dst.parent, when);
  return {};
}

Error MemFs::chmod(std::string_view path, uint32_t mode) {
  std::unique_lock lock(state_->mutex);
  MemFsState::Resolved r;
  if (Error err = state_->resolve(path, true, r)) return err;
  if (r.ino == 0) return make_error(ENOENT);
  MemInode& node = state_->mut(r.ino);
  node.mode = (node.mode & S_IFMT) | (mode & 07777);
  node.ctime = now();
  return {};
}

Error MemFs::chown(std::string_view path, uint32_t uid, uint32_t gid, bool follow) {
  std::unique_lock lock(state_->mutex);
  MemFsState::Resolved r;
  if (Error err = state_->resolve(path, follow, r)) return err;
  if (r.ino == 0) return make_error(ENOENT);
  MemInode& node = state_->mut(r.ino);
  if (uid != static_cast<uint32_t>(-1)) node.uid = uid;
  if (gid != static_cast<uint32_t>(-1)) node.gid = gid;
  node.ctime = now();
  return {};
}

Error MemFs::utimes(std::string_view path, TimeChange atime, TimeChange mtime, bool follow) {
  std::unique_lock lock(state_->mutex);
  MemFsState::Resolved r;
  if (Error err = state_->resolve(path, follow, r)) return err;
  if (r.ino == 0) return make_error(ENOENT);
  Timespec when = now();
  MemInode& node = state_->mut(r.ino);
  if (atime.kind != TimeChange::kOmit) node.atime = atime.kind == TimeChange::kNow ? when : atime.value;
  if (mtime.kind != TimeChange::kOmit) node.mtime = mtime.kind == TimeChange::kNow ? when : mtime.value;
  node.ctime = when;
  return {};
}

Error MemFs::truncate(std::string_view path, int64_t size) {
  std::unique_lock lock(state_->mutex);
  MemFsState::Resolved r;
  if (Error err = state_->resolve(path, true, r)) return err;
  if (r.ino == 0) return make_error(ENOENT);
  if (S_ISDIR(state_->get(r.ino).mode)) return make_error(EISDIR);
  if (size < 0) return make_error(EINVAL);
  if (Error err = state_->resize(r.ino, static_cast<uint64_t>(size))) return err;
  MemInode& node = state_->mut(r.ino);
  node.mtime = node.ctime = now();
  return {};
}

Error MemFs::statfs(std::string_view path, FsStat& out) {
  std::shared_lock lock(state_->mutex);
  MemFsState::Resolved r;
  if (Error err = state_->resolve(path, true, r)) return err;
  if (r.ino == 0) return make_error(ENOENT);
  out = FsStat{};
  out.type = "memfs";
  out.block_size = 4096;
  uint64_t quota = state_->options.quota_bytes == UINT64_MAX ? (1ull << 40) : state_->options.quota_bytes;
  out.blocks = quota / 4096;
  uint64_t used_blocks = (state_->bytes_used + 4095) / 4096;
  out.blocks_free = out.blocks > used_blocks ? out.blocks - used_blocks : 0;
  out.blocks_available = out.blocks_free;
  out.files = 1 << 20;
  out.files_free = out.files - std::min<uint64_t>(out.files, state_->inodes.size() - state_->free_inos.size());
  out.name_max = 255;
  return {};
}

Error MemFs::realpath(std::string_view path, std::string& out) {
  return Filesystem::realpath(path, out);
}

}  // namespace burrow::vfs
