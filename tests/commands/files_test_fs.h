// A small in-memory filesystem for the file-utility tests, used only until
// the product's MemFs (src/vfs/mem_fs.h) is available in this tree.
#pragma once

#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "vfs/filesystem.h"

namespace burrow::testing {

class TestFs : public vfs::Filesystem {
 public:
  TestFs() {
    root_ = make_node(S_IFDIR | 0755);
  }

  vfs::Error open(std::string_view path, int flags, uint32_t mode, vfs::FilePtr& out) override {
    std::shared_ptr<Node> node;
    vfs::Error err = resolve(path, true, node);
    if (err && err.value() == ENOENT && (flags & O_CREAT)) {
      std::shared_ptr<Node> parent;
      std::string name;
      if (vfs::Error e = parent_of(path, parent, name)) return e;
      node = make_node(S_IFREG | (mode & 07777));
      parent->children[name] = node;
      touch_dir(parent);
    } else if (err) {
      return err;
    } else if ((flags & O_CREAT) && (flags & O_EXCL)) {
      return vfs::make_error(EEXIST);
    }
    if (S_ISDIR(node->mode) && (flags & O_ACCMODE) != O_RDONLY) return vfs::make_error(EISDIR);
    if (flags & O_TRUNC) {
      node->data.clear();
      node->mtime = node->ctime = vfs::now();
    }
    out = std::make_shared<OpenFile>(node, flags);
    return {};
  }
  vfs::Error stat(std::string_view path, vfs::Stat& out) override {
    std::shared_ptr<Node> n;
    if (vfs::Error e = resolve(path, true, n)) return e;
    fill(*n, out);
    return {};
  }
  vfs::Error lstat(std::string_view path, vfs::Stat& out) override {
    std::shared_ptr<Node> n;
    if (vfs::Error e = resolve(path, false, n)) return e;
    fill(*n, out);
    return {};
  }
  vfs::Error readdir(std::string_view path, std::vector<vfs::DirEntry>& out) override {
    std::shared_ptr<Node> n;
    if (vfs::Error e = resolve(path, true, n)) return e;
    if (!S_ISDIR(n->mode)) return vfs::make_error(ENOTDIR);
    out.clear();
    for (auto& [name, child] : n->children) out.push_back({name, child->mode & S_IFMT, child->ino});
    return {};
  }
  vfs::Error mkdir(std::string_view path, uint32_t mode) override {
    std::shared_ptr<Node> parent;
    std::string name;
    if (vfs::Error e = parent_of(path, parent, name)) return e;
    if (name.empty() || parent->children.count(name)) return vfs::make_error(EEXIST);
    parent->children[name] = make_node(S_IFDIR | (mode & 07777));
    touch_dir(parent);
    return {};
  }
  vfs::Error unlink(std::string_view path) override {
    std::shared_ptr<Node> parent;
    std::string name;
    if (vfs::Error e = parent_of(path, parent, name)) return e;
    auto it = parent->children.find(name);
    if (it == parent->children.end()) return vfs::make_error(ENOENT);
    if (S_ISDIR(it->second->mode)) return vfs::make_error(EISDIR);
    --it->second->nlink;
    parent->children.erase(it);
    touch_dir(parent);
    return {};
  }
  vfs::Error rmdir(std::string_view path) override {
    std::shared_ptr<Node> parent;
    std::string name;
    if (vfs::Error e = parent_of(path, parent, name)) return e;
    auto it = parent->children.find(name);
    if (it == parent->children.end()) return vfs::make_error(ENOENT);
    if (!S_ISDIR(it->second->mode)) return vfs::make_error(ENOTDIR);
    if (!it->second->children.empty()) return vfs::make_error(ENOTEMPTY);
    parent->children.erase(it);
    touch_dir(parent);
    return {};
  }
  vfs::Error rename(std::string_view from, std::string_view to) override {
    std::shared_ptr<Node> fp, tp;
    std::string fname, tname;
    if (vfs::Error e = parent_of(from, fp, fname)) return e;
    if (vfs::Error e = parent_of(to, tp, tname)) return e;
    auto it = fp->children.find(fname);
    if (it == fp->children.end()) return vfs::make_error(ENOENT);
    auto node = it->second;
    auto existing = tp->children.find(tname);
    if (existing != tp->children.end()) {
      if (existing->second == node) return {};
      if (S_ISDIR(existing->second->mode)) {
        if (!S_ISDIR(node->mode)) return vfs::make_error(EISDIR);
        if (!existing->second->children.empty()) return vfs::make_error(ENOTEMPTY);
      } else if (S_ISDIR(node->mode)) {
        return vfs::make_error(ENOTDIR);
      }
    }
    fp->children.erase(fname);
    tp->children[tname] = node;
    touch_dir(fp);
    touch_dir(tp);
    return {};
  }
  vfs::Error symlink(std::string_view target, std::string_view link_path) override {
    std::shared_ptr<Node> parent;
    std::string name;
    if (vfs::Error e = parent_of(link_path, parent, name)) return e;
    if (parent->children.count(name)) return vfs::make_error(EEXIST);
    auto n = make_node(S_IFLNK | 0777);
    n->data = std::string(target);
    parent->children[name] = n;
    touch_dir(parent);
    return {};
  }
  vfs::Error readlink(std::string_view path, std::string& out) override {
    std::shared_ptr<Node> n;
    if (vfs::Error e = resolve(path, false, n)) return e;
    if (!S_ISLNK(n->mode)) return vfs::make_error(EINVAL);
    out = n->data;
    return {};
  }
  vfs::Error link(std::string_view existing, std::string_view new_path) override {
    std::shared_ptr<Node> n;
    if (vfs::Error e = resolve(existing, false, n)) return e;
    if (S_ISDIR(n->mode)) return vfs::make_error(EPERM);
    std::shared_ptr<Node> parent;
    std::string name;
    if (vfs::Error e = parent_of(new_path, parent, name)) return e;
    if (parent->children.count(name)) return vfs::make_error(EEXIST);
    parent->children[name] = n;
    ++n->nlink;
    touch_dir(parent);
    return {};
  }
  vfs::Error chmod(std::string_view path, uint32_t mode) override {
    std::shared_ptr<Node> n;
    if (vfs::Error e = resolve(path, true, n)) return e;
    n->mode = (n->mode & S_IFMT) | (mode & 07777);
    n->ctime = vfs::now();
    return {};
  }
  vfs::Error chown(std::string_view path, uint32_t uid, uint32_t gid, bool follow) override {
    std::shared_ptr<Node> n;
    if (vfs::Error e = resolve(path, follow, n)) return e;
    if (uid != (uint32_t)-1) n->uid = uid;
    if (gid != (uint32_t)-1) n->gid = gid;
    return {};
  }
  vfs::Error utimes(std::string_view path, vfs::TimeChange atime, vfs::TimeChange mtime, bool follow) override {
    std::shared_ptr<Node> n;
    if (vfs::Error e = resolve(path, follow, n)) return e;
    auto apply = [](vfs::TimeChange c, vfs::Timespec& slot) {
      if (c.kind == vfs::TimeChange::kNow) slot = vfs::now();
      else if (c.kind == vfs::TimeChange::kValue) slot = c.value;
    };
    apply(atime, n->atime);
    apply(mtime, n->mtime);
    return {};
  }
  vfs::Error truncate(std::string_view path, int64_t size) override {
    std::shared_ptr<Node> n;
    if (vfs::Error e = resolve(path, true, n)) return e;
    if (S_ISDIR(n->mode)) return vfs::make_error(EISDIR);
    n->data.resize(size, '\0');
    n->mtime = vfs::now();
    return {};
  }
  vfs::Error statfs(std::string_view, vfs::FsStat& out) override {
    out.type = "memfs";
    out.blocks = 65536;
    out.blocks_free = out.blocks_available = 60000;
    out.files = 100000;
    out.files_free = 99000;
    return {};
  }

 private:
  struct Node {
    uint32_t mode;
    uint64_t ino;
    uint32_t nlink = 1, uid = 0, gid = 0;
    std::string data;
    std::map<std::string, std::shared_ptr<Node>> children;
    vfs::Timespec atime, mtime, ctime;
  };

  class OpenFile : public vfs::File {
   public:
    OpenFile(std::shared_ptr<Node> n, int flags) : node_(std::move(n)), flags_(flags) {}
    vfs::Error read(void* buf, size_t n, size_t& got) override {
      got = 0;
      if ((size_t)offset_ < node_->data.size()) {
        got = std::min(n, node_->data.size() - offset_);
        memcpy(buf, node_->data.data() + offset_, got);
        offset_ += got;
      }
      return {};
    }
    vfs::Error write(const void* buf, size_t n, size_t& written) override {
      if (flags_ & O_APPEND) offset_ = node_->data.size();
      if (node_->data.size() < offset_ + n) node_->data.resize(offset_ + n, '\0');
      memcpy(&node_->data[offset_], buf, n);
      offset_ += n;
      written = n;
      node_->mtime = node_->ctime = vfs::now();
      return {};
    }
    vfs::Error pwrite(const void* buf, size_t n, int64_t off, size_t& written) override {
      if (node_->data.size() < off + n) node_->data.resize(off + n, '\0');
      memcpy(&node_->data[off], buf, n);
      written = n;
      return {};
    }
    vfs::Error truncate(int64_t size) override {
      node_->data.resize(size, '\0');
      return {};
    }
    vfs::Error stat(vfs::Stat& out) override {
      fill(*node_, out);
      return {};
    }
    int open_flags() const override { return flags_; }

   private:
    std::shared_ptr<Node> node_;
    int flags_;
    size_t offset_ = 0;
  };

  static void fill(const Node& n, vfs::Stat& out) {
    out = vfs::Stat{};
    out.ino = n.ino;
    out.mode = n.mode;
    out.nlink = S_ISDIR(n.mode) ? 2 : n.nlink;
    out.uid = n.uid;
    out.gid = n.gid;
    out.size = S_ISDIR(n.mode) ? 4096 : (int64_t)n.data.size();
    out.blocks = S_ISDIR(n.mode) ? 8 : S_ISLNK(n.mode) ? 0 : ((out.size + 4095) / 4096) * 8;
    out.atime = n.atime;
    out.mtime = n.mtime;
    out.ctime = n.ctime;
  }

  std::shared_ptr<Node> make_node(uint32_t mode) {
    auto n = std::make_shared<Node>();
    n->mode = mode;
    n->ino = next_ino_++;
    n->atime = n->mtime = n->ctime = vfs::now();
    return n;
  }
  static void touch_dir(const std::shared_ptr<Node>& d) { d->mtime = d->ctime = vfs::now(); }

  vfs::Error resolve(std::string_view path, bool follow_last, std::shared_ptr<Node>& out, int depth = 0) {
    if (depth > 40) return vfs::make_error(ELOOP);
    std::vector<std::string> parts;
    std::string p = vfs::normalize(path);
    size_t pos = 1;
    while (pos < p.size()) {
      size_t slash = p.find('/', pos);
      if (slash == std::string::npos) slash = p.size();
      parts.push_back(p.substr(pos, slash - pos));
      pos = slash + 1;
    }
    std::shared_ptr<Node> cur = root_;
    std::string cur_path = "/";
    for (size_t i = 0; i < parts.size(); ++i) {
      if (!S_ISDIR(cur->mode)) return vfs::make_error(ENOTDIR);
      auto it = cur->children.find(parts[i]);
      if (it == cur->children.end()) return vfs::make_error(ENOENT);
      std::shared_ptr<Node> next = it->second;
      bool last = i + 1 == parts.size();
      if (S_ISLNK(next->mode) && (!last || follow_last)) {
        std::string target = next->data;
        std::string rest;
        for (size_t k = i + 1; k < parts.size(); ++k) rest += "/" + parts[k];
        std::string joined = target[0] == '/' ? target + rest : vfs::join(cur_path, target) + rest;
        return resolve(vfs::normalize(joined), follow_last, out, depth + 1);
      }
      cur = next;
      cur_path = vfs::join(cur_path, parts[i]);
    }
    out = cur;
    return {};
  }

  vfs::Error parent_of(std::string_view path, std::shared_ptr<Node>& parent, std::string& name) {
    std::string p = vfs::normalize(path);
    name = std::string(vfs::basename_of(p));
    if (vfs::Error e = resolve(vfs::dirname_of(p), true, parent)) return e;
    if (!S_ISDIR(parent->mode)) return vfs::make_error(ENOTDIR);
    return {};
  }

  std::shared_ptr<Node> root_;
  uint64_t next_ino_ = 2;
};

}  // namespace burrow::testing
