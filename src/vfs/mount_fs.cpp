#include "vfs/mount_fs.h"

#include <algorithm>
#include <cerrno>
#include <mutex>

namespace burrow::vfs {
namespace {

// Does `path` lie at or beneath the mount point `at`?
bool beneath(std::string_view path, std::string_view at) {
  if (at == "/") return true;
  return path.size() >= at.size() && path.compare(0, at.size(), at) == 0 &&
         (path.size() == at.size() || path[at.size()] == '/');
}

}  // namespace

MountFs::MountFs(FilesystemPtr root) { mounts_.emplace_back("/", std::move(root)); }

void MountFs::mount(std::string_view at, FilesystemPtr fs) {
  std::unique_lock lock(mutex_);
  std::string point = normalize(at);
  auto existing = std::find_if(mounts_.begin(), mounts_.end(), [&](auto& m) { return m.first == point; });
  if (existing != mounts_.end()) {
    existing->second = std::move(fs);
    return;
  }
  mounts_.emplace_back(point, std::move(fs));
  std::stable_sort(mounts_.begin(), mounts_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

FilesystemPtr MountFs::mounted_at(std::string_view at) const {
  std::shared_lock lock(mutex_);
  for (const auto& [point, fs] : mounts_) {
    if (point == at) return fs;
  }
  return nullptr;
}

std::vector<std::pair<std::string, FilesystemPtr>> MountFs::mounts() const {
  std::shared_lock lock(mutex_);
  return mounts_;
}

MountFs::Route MountFs::route(std::string_view path) const {
  std::shared_lock lock(mutex_);
  for (size_t i = 0; i < mounts_.size(); ++i) {
    const std::string& at = mounts_[i].first;
    if (!beneath(path, at)) continue;
    std::string inner = at == "/" ? std::string(path) : std::string(path.substr(at.size()));
    if (inner.empty()) inner = "/";
    return {mounts_[i].second.get(), std::move(inner), i, at != "/" && path.size() == at.size()};
  }
  return {mounts_.back().second.get(), std::string(path), mounts_.size() - 1, false};
}

bool MountFs::plain_root_path(const std::string& path, Stat& st) {
  Route r = route(path);
  size_t root_index;
  {
    std::shared_lock lock(mutex_);
    root_index = mounts_.size() - 1;  // "/" sorts last
  }
  // Only paths no other mount lies on the way to: every component is then in
  // the root filesystem, which can vouch for the whole path at once.
  if (r.mount_index != root_index || r.fs->has_magic_links()) return false;
  return r.fs->lstat_if_plain(r.inner, st);
}

Error MountFs::resolve_across(std::string_view path, bool follow_last, std::string& out) {
  std::string pending = normalize(path);
  Stat st;
  if (plain_root_path(pending, st) && !(follow_last && S_ISLNK(st.mode))) {
    out = std::move(pending);
    return {};
  }
  std::string done = "/";
  size_t pos = 1;
  int links = 0;
  while (pos <= pending.size()) {
    size_t end = pending.find('/', pos);
    if (end == std::string::npos) end = pending.size();
    std::string_view name(pending.data() + pos, end - pos);
    bool last = end >= pending.size();
    pos = end + 1;
    if (name.empty()) continue;
    std::string candidate = join(done, name);
    Route r = route(candidate);
    if (r.fs->has_magic_links()) {
      // That filesystem resolves the rest itself.
      done = candidate + (end < pending.size() ? pending.substr(end) : std::string());
      break;
    }
    Stat st;
    Error err = r.fs->lstat(r.inner, st);
    if (err && err.value() == ENOENT && implies_directory(candidate)) {
      st = implied_directory_stat();
      err = {};
    }
    if (err) {
      if (err.value() == ENOENT && last) {
        done = std::move(candidate);
        break;
      }
      return err;
    }
    if (S_ISLNK(st.mode) && (!last || follow_last)) {
      if (++links > 40) return make_error(ELOOP);
      std::string target;
      if (Error e = r.fs->readlink(r.inner, target)) return e;
      std::string rest = end < pending.size() ? pending.substr(end) : std::string();
      pending = normalize(target + rest, done);
      done = "/";
      pos = 1;
      continue;
    }
    if (!last && !S_ISDIR(st.mode)) return make_error(ENOTDIR);
    done = std::move(candidate);
  }
  out = done;
  return {};
}

template <class Op>
Error MountFs::with_route(std::string_view path, bool follow_last, Op op) {
  // Symlinks are resolved here, where every mount is visible, so that the
  // filesystem below only ever sees a path without them.
  std::string resolved;
  if (Error err = resolve_across(path, follow_last, resolved)) return err;
  return op(route(resolved));
}

Error MountFs::open(std::string_view path, int flags, uint32_t mode, FilePtr& out) {
  bool reads_only = (flags & O_ACCMODE) == O_RDONLY && !(flags & (O_CREAT | O_TRUNC));
  if (reads_only) {
    // The common case in one step; anything unusual (a symlink, a mount on
    // the way, an error to word) takes the resolving route below.
    std::string norm = normalize(path);
    Route r = route(norm);
    size_t root_index;
    {
      std::shared_lock lock(mutex_);
      root_index = mounts_.size() - 1;
    }
    if (r.mount_index == root_index && !r.fs->has_magic_links() && r.fs->open_if_plain(r.inner, flags, out))
      return {};
  }
  bool follow = !(flags & O_NOFOLLOW) && !((flags & O_CREAT) && (flags & O_EXCL));
  return with_route(path, follow, [&](const Route& r) { return r.fs->open(r.inner, flags, mode, out); });
}

Error MountFs::stat(std::string_view path, Stat& out) {
  Error err = with_route(path, true, [&](const Route& r) { return r.fs->stat(r.inner, out); });
  if (err && err.value() == ENOENT && implies_directory(path)) {
    out = implied_directory_stat();
    return {};
  }
  return err;
}

Error MountFs::lstat(std::string_view path, Stat& out) {
  if (plain_root_path(normalize(path), out)) return {};
  Error err = with_route(path, false, [&](const Route& r) { return r.fs->lstat(r.inner, out); });
  if (err && err.value() == ENOENT && implies_directory(path)) {
    out = implied_directory_stat();
    return {};
  }
  return err;
}

Error MountFs::readdir(std::string_view path, std::vector<DirEntry>& out) {
  Error err = with_route(path, true, [&](const Route& r) { return r.fs->readdir(r.inner, out); });
  if (err && !implies_directory(path)) return err;
  if (err) out.clear();
  // Mount points appear in their parent's listing, as directories.
  for (const auto& [at, fs] : mounts()) {
    std::string_view parent = dirname_of(at);
    if (at == "/" || parent != path) continue;
    if (parent.empty()) continue;
    std::string name(basename_of(at));
    auto it = std::find_if(out.begin(), out.end(), [&](const DirEntry& e) { return e.name == name; });
    Stat st;
    fs->stat("/", st);
    if (it == out.end()) out.push_back({name, S_IFDIR, st.ino});
    else *it = {name, S_IFDIR, st.ino};
  }
  return {};
}

bool MountFs::implies_directory(std::string_view path) const {
  std::shared_lock lock(mutex_);
  for (const auto& [at, fs] : mounts_) {
    if (at != "/" && at.size() > path.size() && beneath(at, path)) return true;
  }
  return false;
}

Stat MountFs::implied_directory_stat() {
  Stat st;
  st.mode = S_IFDIR | 0755;
  st.nlink = 2;
  st.size = 4096;
  st.blocks = 8;
  return st;
}

Error MountFs::mkdir(std::string_view path, uint32_t mode) {
  Route r = route(path);
  if (r.is_mount_point) return make_error(EEXIST);
  return with_route(path, false, [&](const Route& rr) { return rr.fs->mkdir(rr.inner, mode); });
}

Error MountFs::unlink(std::string_view path) {
  Route r = route(path);
  if (r.is_mount_point) return make_error(EISDIR);
  return with_route(path, false, [&](const Route& rr) { return rr.fs->unlink(rr.inner); });
}

Error MountFs::rmdir(std::string_view path) {
  Route r = route(path);
  if (r.is_mount_point) return make_error(EBUSY);
  return with_route(path, false, [&](const Route& rr) { return rr.fs->rmdir(rr.inner); });
}

Error MountFs::rename(std::string_view from, std::string_view to) {
  std::string rfrom, rto;
  if (Error err = resolve_across(from, false, rfrom)) return err;
  if (Error err = resolve_across(to, false, rto)) return err;
  Route a = route(rfrom), b = route(rto);
  if (a.is_mount_point || b.is_mount_point) return make_error(EBUSY);
  if (a.mount_index != b.mount_index) return make_error(EXDEV);
  return a.fs->rename(a.inner, b.inner);
}

Error MountFs::symlink(std::string_view target, std::string_view link_path) {
  std::string resolved;
  if (Error err = resolve_across(link_path, false, resolved)) return err;
  Route r = route(resolved);
  if (r.is_mount_point) return make_error(EEXIST);
  return r.fs->symlink(target, r.inner);
}

Error MountFs::readlink(std::string_view path, std::string& out) {
  return with_route(path, false, [&](const Route& r) { return r.fs->readlink(r.inner, out); });
}

Error MountFs::link(std::string_view existing, std::string_view new_path) {
  // Like linkat(): the source is looked up completely before the target.
  std::string rold, rnew;
  if (Error err = resolve_across(existing, false, rold)) return err;
  Stat st;
  Route a = route(rold);
  if (Error err = a.fs->lstat(a.inner, st)) return err;
  if (Error err = resolve_across(new_path, false, rnew)) return err;
  Route b = route(rnew);
  if (a.mount_index != b.mount_index) return make_error(EXDEV);
  return a.fs->link(a.inner, b.inner);
}

Error MountFs::chmod(std::string_view path, uint32_t mode) {
  return with_route(path, true, [&](const Route& r) { return r.fs->chmod(r.inner, mode); });
}

Error MountFs::chown(std::string_view path, uint32_t uid, uint32_t gid, bool follow) {
  return with_route(path, follow, [&](const Route& r) { return r.fs->chown(r.inner, uid, gid, follow); });
}

Error MountFs::utimes(std::string_view path, TimeChange atime, TimeChange mtime, bool follow) {
  return with_route(path, follow, [&](const Route& r) { return r.fs->utimes(r.inner, atime, mtime, follow); });
}

Error MountFs::truncate(std::string_view path, int64_t size) {
  return with_route(path, true, [&](const Route& r) { return r.fs->truncate(r.inner, size); });
}

Error MountFs::statfs(std::string_view path, FsStat& out) {
  return with_route(path, true, [&](const Route& r) { return r.fs->statfs(r.inner, out); });
}

}  // namespace burrow::vfs
