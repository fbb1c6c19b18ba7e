// A minimal in-memory filesystem for the text command tests, used until
// vfs::MemFs is available: flat map of paths to files and directories.
#pragma once

#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "vfs/filesystem.h"

namespace burrow::textdiff {

class TinyFs : public vfs::Filesystem {
  struct Node {
    bool dir = false;
    std::string data;
    uint64_t ino = 0;
  };
  class OpenFile : public vfs::File {
   public:
    OpenFile(std::shared_ptr<Node> n, int flags) : node_(std::move(n)), flags_(flags) {}
    vfs::Error read(void* buf, size_t n, size_t& got) override {
      if (node_->dir) return got = 0, vfs::make_error(EISDIR);
      size_t pos = static_cast<size_t>(pos_);
      got = pos < node_->data.size() ? std::min(n, node_->data.size() - pos) : 0;
      std::memcpy(buf, node_->data.data() + pos_, got);
      pos_ += got;
      return {};
    }
    vfs::Error write(const void* buf, size_t n, size_t& written) override {
      if (flags_ & O_APPEND) pos_ = node_->data.size();
      if (node_->data.size() < pos_ + n) node_->data.resize(pos_ + n);
      std::memcpy(node_->data.data() + pos_, buf, n);
      pos_ += n;
      written = n;
      return {};
    }
    vfs::Error pread(void* buf, size_t n, int64_t off, size_t& got) override {
      got = off < static_cast<int64_t>(node_->data.size()) ? std::min(n, node_->data.size() - off) : 0;
      std::memcpy(buf, node_->data.data() + off, got);
      return {};
    }
    vfs::Error seek(int64_t off, int whence, int64_t& out) override {
      if (whence == SEEK_CUR) off += pos_;
      if (whence == SEEK_END) off += node_->data.size();
      pos_ = off;
      out = off;
      return {};
    }
    vfs::Error stat(vfs::Stat& st) override {
      st = vfs::Stat{};
      st.mode = node_->dir ? (S_IFDIR | 0755) : (S_IFREG | 0644);
      st.size = node_->dir ? 4096 : node_->data.size();
      st.ino = node_->ino;
      return {};
    }
    int open_flags() const override { return flags_; }

   private:
    std::shared_ptr<Node> node_;
    int flags_;
    size_t pos_ = 0;
  };

 public:
  TinyFs() { nodes_["/"] = std::make_shared<Node>(Node{true, "", 1}); }

  vfs::Error open(std::string_view path, int flags, uint32_t, vfs::FilePtr& out) override {
    std::lock_guard<std::mutex> lock(mu_);
    std::string p(path);
    auto it = nodes_.find(p);
    if (it == nodes_.end()) {
      if (!(flags & O_CREAT)) return vfs::make_error(ENOENT);
      auto parent = nodes_.find(std::string(vfs::dirname_of(p)));
      if (parent == nodes_.end()) return vfs::make_error(ENOENT);
      if (!parent->second->dir) return vfs::make_error(ENOTDIR);
      it = nodes_.emplace(p, std::make_shared<Node>(Node{false, "", next_ino_++})).first;
    } else if (it->second->dir && (flags & O_ACCMODE) != O_RDONLY) {
      return vfs::make_error(EISDIR);
    }
    if ((flags & O_TRUNC) && !it->second->dir) it->second->data.clear();
    out = std::make_shared<OpenFile>(it->second, flags);
    return {};
  }
  vfs::Error stat(std::string_view path, vfs::Stat& out) override {
    vfs::FilePtr f;
    if (auto e = open(path, O_RDONLY, 0, f)) return e;
    return f->stat(out);
  }
  vfs::Error lstat(std::string_view path, vfs::Stat& out) override { return stat(path, out); }
  vfs::Error readdir(std::string_view, std::vector<vfs::DirEntry>&) override { return vfs::make_error(ENOSYS); }
  vfs::Error mkdir(std::string_view path, uint32_t) override {
    std::lock_guard<std::mutex> lock(mu_);
    nodes_[std::string(path)] = std::make_shared<Node>(Node{true, "", next_ino_++});
    return {};
  }
  vfs::Error unlink(std::string_view path) override {
    std::lock_guard<std::mutex> lock(mu_);
    return nodes_.erase(std::string(path)) ? vfs::Error{} : vfs::make_error(ENOENT);
  }
  vfs::Error rmdir(std::string_view) override { return vfs::make_error(ENOSYS); }
  vfs::Error rename(std::string_view, std::string_view) override { return vfs::make_error(ENOSYS); }
  vfs::Error symlink(std::string_view, std::string_view) override { return vfs::make_error(ENOSYS); }
  vfs::Error readlink(std::string_view, std::string&) override { return vfs::make_error(EINVAL); }
  vfs::Error link(std::string_view, std::string_view) override { return vfs::make_error(ENOSYS); }
  vfs::Error chmod(std::string_view, uint32_t) override { return {}; }
  vfs::Error chown(std::string_view, uint32_t, uint32_t, bool) override { return {}; }
  vfs::Error utimes(std::string_view, vfs::TimeChange, vfs::TimeChange, bool) override { return {}; }
  vfs::Error truncate(std::string_view, int64_t) override { return vfs::make_error(ENOSYS); }
  vfs::Error statfs(std::string_view, vfs::FsStat&) override { return vfs::make_error(ENOSYS); }

 private:
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<Node>> nodes_;
  uint64_t next_ino_ = 2;
};

}  // namespace burrow::textdiff
