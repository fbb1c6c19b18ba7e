#include "vfs/overlay_fs.h"

#include <cerrno>
#include <map>

namespace burrow::vfs {
namespace {

using Lock = std::lock_guard<std::recursive_mutex>;

bool opens_for_change(int flags) { return (flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC); }

// Every proper ancestor of an absolute path, outermost first ("/a/b/c" ->
// "/a", "/a/b"); the root is left out.
std::vector<std::string> ancestors_of(const std::string& path) {
  std::vector<std::string> out;
  for (size_t pos = path.find('/', 1); pos != std::string::npos; pos = path.find('/', pos + 1)) {
    out.push_back(path.substr(0, pos));
  }
  return out;
}

bool is_beneath(const std::string& path, const std::string& dir) {
  return path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 &&
         (dir == "/" || path[dir.size()] == '/');
}

}  // namespace

OverlayFs::OverlayFs(FilesystemPtr lower, FilesystemPtr upper)
    : lower_(std::move(lower)), upper_(std::move(upper)) {}

bool OverlayFs::lower_visible(const std::string& path) const {
  if (whiteouts_.count(path)) return false;
  for (const std::string& a : ancestors_of(path)) {
    if (whiteouts_.count(a) || opaque_.count(a)) return false;
  }
  return true;
}

bool OverlayFs::has_whiteout_child(const std::string& dir) const {
  std::string prefix = dir == "/" ? "/" : dir + "/";
  for (auto it = whiteouts_.lower_bound(prefix); it != whiteouts_.end(); ++it) {
    if (it->compare(0, prefix.size(), prefix) != 0) break;
    if (it->find('/', prefix.size()) == std::string::npos) return true;
  }
  return false;
}

Error OverlayFs::merged_lstat(const std::string& path, Stat& out, bool& in_upper, bool need_nlink) const {
  in_upper = !upper_->lstat(path, out);
  if (!in_upper) {
    if (!lower_visible(path)) return make_error(ENOENT);
    if (Error err = lower_->lstat(path, out)) return err;
  }
  if (!need_nlink || !S_ISDIR(out.mode) || !lower_visible(path)) return {};
  // A directory only the lower layer has, with nothing whited out in it,
  // keeps the lower layer's link count: no listing needed (find and grep -r
  // stat every directory they walk).
  if (!in_upper && !has_whiteout_child(path)) return {};
  if (in_upper && opaque_.count(path)) return {};
  // Otherwise a directory's link count is 2 + its subdirectories in the
  // merged view, which neither layer knows alone.
  std::vector<DirEntry> entries;
  if (!const_cast<OverlayFs*>(this)->readdir_merged(path, entries)) {
    out.nlink = 2;
    for (const DirEntry& e : entries) out.nlink += e.type == S_IFDIR;
  }
  return {};
}

Error OverlayFs::check_parent(const std::string& path) const {
  std::vector<std::string> ancestors = ancestors_of(path);
  for (size_t i = 0; i < ancestors.size(); ++i) {
    Stat st;
    if (!upper_->lstat(ancestors[i], st)) {
      if (!S_ISDIR(st.mode)) return make_error(ENOTDIR);
      continue;
    }
    // The upper layer holds every ancestor of what it holds, so from here
    // down only the lower layer can supply the path. One lstat of the parent
    // there checks the whole rest of the chain: a walk of a big lower tree
    // would otherwise cost a host lookup per ancestor per entry.
    for (size_t j = i; j < ancestors.size(); ++j)
      if (!lower_visible(ancestors[j])) return make_error(ENOENT);
    if (Error err = lower_->lstat(ancestors.back(), st)) return err;
    return S_ISDIR(st.mode) ? Error{} : make_error(ENOTDIR);
  }
  return {};
}

Error OverlayFs::copy_up_parents(const std::string& path) {
  for (const std::string& a : ancestors_of(path)) {
    Stat st;
    if (!upper_->lstat(a, st)) continue;
    bool in_upper;
    if (Error err = merged_lstat(a, st, in_upper)) return err;
    if (Error err = upper_->mkdir(a, st.mode & 07777)) return err;
    upper_->chown(a, st.uid, st.gid, false);
    upper_->utimes(a, TimeChange::at(st.atime), TimeChange::at(st.mtime), false);
  }
  return {};
}

Error OverlayFs::copy_up_file(const std::string& path, const Stat& st) {
  FilePtr in, out;
  if (Error err = lower_->open(path, O_RDONLY, 0, in)) return err;
  if (Error err = upper_->open(path, O_WRONLY | O_CREAT | O_TRUNC, st.mode & 07777, out)) return err;
  char buf[65536];
  for (;;) {
    size_t got = 0;
    if (Error err = in->read(buf, sizeof buf, got)) return err;
    if (got == 0) break;
    size_t written = 0;
    if (Error err = out->write(buf, got, written)) {
      out.reset();
      upper_->unlink(path);
      return err;
    }
  }
  return {};
}

Error OverlayFs::copy_up(const std::string& path, bool recursive) {
  Stat st;
  bool present = !upper_->lstat(path, st);
  if (!present) {
    if (Error err = copy_up_parents(path)) return err;
    if (!lower_visible(path)) return make_error(ENOENT);
    if (Error err = lower_->lstat(path, st)) return err;
    Error err;
    if (S_ISDIR(st.mode)) {
      err = upper_->mkdir(path, st.mode & 07777);
    } else if (S_ISLNK(st.mode)) {
      std::string target;
      err = lower_->readlink(path, target);
      if (!err) err = upper_->symlink(target, path);
    } else if (S_ISREG(st.mode)) {
      err = copy_up_file(path, st);
    } else {
      return make_error(EPERM);  // devices, fifos and sockets are not copied
    }
    if (err) return err;
    if (!S_ISLNK(st.mode)) upper_->chmod(path, st.mode & 07777);
    upper_->chown(path, st.uid, st.gid, false);
    upper_->utimes(path, TimeChange::at(st.atime), TimeChange::at(st.mtime), false);
  }
  if (recursive && S_ISDIR(st.mode)) {
    std::vector<DirEntry> children;
    if (Error err = readdir(path, children)) return err;
    for (const DirEntry& child : children) {
      if (Error err = copy_up(join(path, child.name), true)) return err;
    }
  }
  return {};
}

bool OverlayFs::is_empty_dir(const std::string& path) const {
  std::vector<DirEntry> entries;
  return !const_cast<OverlayFs*>(this)->readdir(path, entries) && entries.empty();
}

void OverlayFs::forget_whiteout(const std::string& path, bool make_opaque) {
  if (whiteouts_.erase(path) && make_opaque) opaque_.insert(path);
}

Error OverlayFs::open(std::string_view path_view, int flags, uint32_t mode, FilePtr& out) {
  Lock lock(mutex_);
  std::string path = normalize(path_view);
  if (!opens_for_change(flags) && !(flags & O_CREAT)) {
    // Reading what only the lower layer has: let it check the path itself
    // (one host lookup instead of one per layer and ancestor).
    for (const std::string& a : ancestors_of(path)) {
      Stat st;
      if (upper_->lstat(a, st)) break;
      if (!S_ISDIR(st.mode)) return make_error(ENOTDIR);
    }
    Stat st;
    if (upper_->lstat(path, st) && lower_visible(path)) return lower_->open(path, flags | O_NOFOLLOW, mode, out);
  }
  if (Error err = check_parent(path)) return err;
  Stat st;
  bool in_upper;
  if (merged_lstat(path, st, in_upper)) {
    if (!(flags & O_CREAT)) return make_error(ENOENT);
    if (Error err = copy_up_parents(path)) return err;
    Error err = upper_->open(path, flags, mode, out);
    if (!err) forget_whiteout(path, false);
    return err;
  }
  if ((flags & O_CREAT) && (flags & O_EXCL)) return make_error(EEXIST);
  if (S_ISLNK(st.mode)) return make_error(ELOOP);
  if ((flags & O_DIRECTORY) && !S_ISDIR(st.mode)) return make_error(ENOTDIR);
  if (S_ISDIR(st.mode) && (opens_for_change(flags) || (flags & O_CREAT))) return make_error(EISDIR);
  if (in_upper) return upper_->open(path, flags, mode, out);
  if (!opens_for_change(flags)) return lower_->open(path, flags & ~O_CREAT, mode, out);
  if (Error err = copy_up(path, false)) return err;
  return upper_->open(path, flags, mode, out);
}

Error OverlayFs::stat(std::string_view path_view, Stat& out) {
  Lock lock(mutex_);
  std::string path = normalize(path_view);
  bool in_upper;
  if (Error err = merged_lstat(path, out, in_upper)) return err;
  if (!S_ISLNK(out.mode)) return {};
  // Paths normally arrive resolved (MountFs); follow a last link if not.
  return in_upper ? upper_->stat(path, out) : lower_->stat(path, out);
}

Error OverlayFs::lstat(std::string_view path_view, Stat& out) {
  Lock lock(mutex_);
  std::string path = normalize(path_view);
  if (Error err = check_parent(path)) return err;
  bool in_upper;
  return merged_lstat(path, out, in_upper);
}

bool OverlayFs::lstat_if_plain(std::string_view path_view, Stat& out) {
  Lock lock(mutex_);
  std::string path = normalize(path_view);
  for (const std::string& a : ancestors_of(path)) {
    Stat st;
    if (!upper_->lstat(a, st)) {
      if (!S_ISDIR(st.mode)) return false;
      continue;
    }
    // Below the upper layer's last ancestor only the lower layer can hold
    // the path; it checks the rest of the chain in one step.
    if (!lower_visible(path)) return false;
    if (!lower_->lstat_if_plain(path, out)) return false;
    if (S_ISDIR(out.mode) && has_whiteout_child(path)) {
      bool in_upper;
      return !merged_lstat(path, out, in_upper);
    }
    return true;
  }
  bool in_upper;
  return !merged_lstat(path, out, in_upper);
}

bool OverlayFs::open_if_plain(std::string_view path_view, int flags, FilePtr& out) {
  if (opens_for_change(flags) || (flags & O_CREAT)) return false;
  Lock lock(mutex_);
  std::string path = normalize(path_view);
  for (const std::string& a : ancestors_of(path)) {
    Stat st;
    if (!upper_->lstat(a, st)) {
      if (!S_ISDIR(st.mode)) return false;
      continue;
    }
    // As in lstat_if_plain: below the upper layer's last ancestor only the
    // lower layer can hold the path.
    return lower_visible(path) && lower_->open_if_plain(path, flags, out);
  }
  // Every ancestor is in the upper layer; the path itself may be too.
  Stat st;
  if (!upper_->lstat(path, st)) return false;
  return lower_visible(path) && lower_->open_if_plain(path, flags, out);
}

Error OverlayFs::readdir(std::string_view path_view, std::vector<DirEntry>& out) {
  Lock lock(mutex_);
  std::string path = normalize(path_view);
  Stat st;
  bool in_upper;
  if (Error err = check_parent(path)) return err;
  if (Error err = merged_lstat(path, st, in_upper)) return err;
  if (!S_ISDIR(st.mode)) return make_error(ENOTDIR);
  return readdir_merged(path, out);
}

Error OverlayFs::readdir_merged(const std::string& path, std::vector<DirEntry>& out) {
  std::map<std::string, DirEntry> merged;
  std::vector<DirEntry> layer;
  if (!upper_->readdir(path, layer)) {
    for (DirEntry& e : layer) merged.emplace(e.name, e);
  }
  if (lower_visible(path) && !opaque_.count(path) && !lower_->readdir(path, layer)) {
    for (DirEntry& e : layer) {
      if (merged.count(e.name) || whiteouts_.count(join(path, e.name))) continue;
      merged.emplace(e.name, e);
    }
  }
  out.clear();
  for (auto& [name, e] : merged) out.push_back(std::move(e));
  return {};
}

Error OverlayFs::mkdir(std::string_view path_view, uint32_t mode) {
  Lock lock(mutex_);
  std::string path = normalize(path_view);
  if (path == "/") return make_error(EEXIST);
  if (Error err = check_parent(path)) return err;
  Stat st;
  bool in_upper;
  if (!merged_lstat(path, st, in_upper)) return make_error(EEXIST);
  if (Error err = copy_up_parents(path)) return err;
  if (Error err = upper_->mkdir(path, mode)) return err;
  forget_whiteout(path, true);
  return {};
}

Error OverlayFs::unlink(std::string_view path_view) {
  Lock lock(mutex_);
  std::string path = normalize(path_view);
  if (path == "/") return make_error(EISDIR);
  if (Error err = check_parent(path)) return err;
  Stat st;
  bool in_upper;
  if (Error err = merged_lstat(path, st, in_upper)) return err;
  if (S_ISDIR(st.mode)) return make_error(EISDIR);
  Stat lower_st;
  bool in_lower = lower_visible(path) && !lower_->lstat(path, lower_st);
  if (in_upper) {
    if (Error err = upper_->unlink(path)) return err;
  }
  if (in_lower) whiteouts_.insert(path);
  return {};
}

Error OverlayFs::rmdir(std::string_view path_view) {
  Lock lock(mutex_);
  std::string path = normalize(path_view);
  if (path == "/") return make_error(EBUSY);
  if (Error err = check_parent(path)) return err;
  Stat st;
  bool in_upper;
  if (Error err = merged_lstat(path, st, in_upper)) return err;
  if (!S_ISDIR(st.mode)) return make_error(ENOTDIR);
  if (!is_empty_dir(path)) return make_error(ENOTEMPTY);
  Stat lower_st;
  bool in_lower = lower_visible(path) && !lower_->lstat(path, lower_st);
  if (in_upper) {
    if (Error err = upper_->rmdir(path)) return err;
  }
  opaque_.erase(path);
  if (in_lower) whiteouts_.insert(path);
  return {};
}

Error OverlayFs::rename(std::string_view from_view, std::string_view to_view) {
  Lock lock(mutex_);
  std::string from = normalize(from_view), to = normalize(to_view);
  if (Error err = check_parent(from)) return err;
  if (Error err = check_parent(to)) return err;
  Stat src, dst;
  bool src_upper, dst_upper;
  if (Error err = merged_lstat(from, src, src_upper)) return err;
  if (from == "/" || to == "/") return make_error(EBUSY);
  if (is_beneath(to, from)) return make_error(EINVAL);
  if (is_beneath(from, to)) return make_error(ENOTEMPTY);
  if (from == to) return {};
  bool dst_exists = !merged_lstat(to, dst, dst_upper);
  bool src_dir = S_ISDIR(src.mode);
  if (dst_exists) {
    if (src_dir && !S_ISDIR(dst.mode)) return make_error(ENOTDIR);
    if (!src_dir && S_ISDIR(dst.mode)) return make_error(EISDIR);
    if (S_ISDIR(dst.mode) && !is_empty_dir(to)) return make_error(ENOTEMPTY);
  }
  if (Error err = copy_up(from, true)) return err;
  if (Error err = copy_up_parents(to)) return err;
  if (dst_exists && !dst_upper && S_ISDIR(dst.mode)) {
    // An empty lower directory being replaced: give the upper a stand-in.
    if (Error err = upper_->mkdir(to, dst.mode & 07777)) return err;
  }
  if (Error err = upper_->rename(from, to)) return err;
  Stat lower_st;
  if (lower_visible(from) && !lower_->lstat(from, lower_st)) whiteouts_.insert(from);
  whiteouts_.erase(to);
  if (src_dir) opaque_.insert(to);
  return {};
}

Error OverlayFs::symlink(std::string_view target, std::string_view path_view) {
  Lock lock(mutex_);
  std::string path = normalize(path_view);
  if (target.empty()) return make_error(ENOENT);
  if (path == "/") return make_error(EEXIST);
  if (Error err = check_parent(path)) return err;
  Stat st;
  bool in_upper;
  if (!merged_lstat(path, st, in_upper)) return make_error(EEXIST);
  if (Error err = copy_up_parents(path)) return err;
  if (Error err = upper_->symlink(target, path)) return err;
  forget_whiteout(path, false);
  return {};
}

Error OverlayFs::readlink(std::string_view path_view, std::string& out) {
  Lock lock(mutex_);
  std::string path = normalize(path_view);
  if (Error err = check_parent(path)) return err;
  Stat st;
  bool in_upper;
  if (Error err = merged_lstat(path, st, in_upper)) return err;
  if (!S_ISLNK(st.mode)) return make_error(EINVAL);
  return in_upper ? upper_->readlink(path, out) : lower_->readlink(path, out);
}

Error OverlayFs::link(std::string_view existing_view, std::string_view new_view) {
  Lock lock(mutex_);
  std::string existing = normalize(existing_view), new_path = normalize(new_view);
  if (Error err = check_parent(existing)) return err;
  Stat src, dst;
  bool in_upper;
  if (Error err = merged_lstat(existing, src, in_upper)) return err;
  if (Error err = check_parent(new_path)) return err;
  if (!merged_lstat(new_path, dst, in_upper)) return make_error(EEXIST);
  if (S_ISDIR(src.mode)) return make_error(EPERM);
  if (Error err = copy_up(existing, false)) return err;
  if (Error err = copy_up_parents(new_path)) return err;
  if (Error err = upper_->link(existing, new_path)) return err;
  forget_whiteout(new_path, false);
  return {};
}

Error OverlayFs::chmod(std::string_view path_view, uint32_t mode) {
  Lock lock(mutex_);
  std::string path = normalize(path_view);
  Stat st;
  if (Error err = stat(path, st)) return err;
  if (Error err = copy_up(path, false)) return err;
  return upper_->chmod(path, mode);
}

Error OverlayFs::chown(std::string_view path_view, uint32_t uid, uint32_t gid, bool follow) {
  Lock lock(mutex_);
  std::string path = normalize(path_view);
  Stat st;
  if (Error err = follow ? stat(path, st) : lstat(path, st)) return err;
  if (Error err = copy_up(path, false)) return err;
  return upper_->chown(path, uid, gid, follow);
}

Error OverlayFs::utimes(std::string_view path_view, TimeChange atime, TimeChange mtime, bool follow) {
  Lock lock(mutex_);
  std::string path = normalize(path_view);
  Stat st;
  if (Error err = follow ? stat(path, st) : lstat(path, st)) return err;
  if (Error err = copy_up(path, false)) return err;
  return upper_->utimes(path, atime, mtime, follow);
}

Error OverlayFs::truncate(std::string_view path_view, int64_t size) {
  Lock lock(mutex_);
  std::string path = normalize(path_view);
  if (Error err = check_parent(path)) return err;
  Stat st;
  if (Error err = stat(path, st)) return err;
  if (S_ISDIR(st.mode)) return make_error(EISDIR);
  if (size < 0) return make_error(EINVAL);
  if (Error err = copy_up(path, false)) return err;
  return upper_->truncate(path, size);
}

Error OverlayFs::statfs(std::string_view path, FsStat& out) {
  Lock lock(mutex_);
  Stat st;
  if (Error err = stat(path, st)) return err;
  if (Error err = upper_->statfs("/", out)) return err;
  out.type = "overlay";
  return {};
}

}  // namespace burrow::vfs
