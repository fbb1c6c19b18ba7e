// Differential testing for the file utilities: a tree is built on the host by
// a shell script in a scratch directory, mirrored into a MemFs at the same
// absolute path, and the same command runs on both sides (the host's GNU
// tool, and ours through the command harness). Outputs, statuses and the
// resulting trees are compared.
#pragma once

#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "support/command_harness.h"
#if __has_include("vfs/mem_fs.h")
#include "vfs/mem_fs.h"
#else
#include "files_test_fs.h"
#endif

namespace burrow::testing {

#if __has_include("vfs/mem_fs.h")
using FilesFs = vfs::MemFs;
#else
using FilesFs = TestFs;
#endif

inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The environment both sides run with.
inline const char* kHostEnv = "LC_ALL=C.UTF-8 TZ=UTC COLUMNS=80 ";

class DiffFixture {
 public:
  DiffFixture() {
    char tmpl[] = "/tmp/burrow-files-XXXXXX";
    root_ = mkdtemp(tmpl);
    // Owned by root, as the host tree is when the tests run as root.
    fs_ = std::make_shared<FilesFs>(vfs::MemFs::Options{UINT64_MAX, 0, 0});
  }
  ~DiffFixture() { std::filesystem::remove_all(root_); }

  const std::string& root() const { return root_; }
  vfs::Filesystem& fs() { return *fs_; }

  // Runs a setup script on the host (in root) and mirrors the result.
  void setup(const std::string& script) {
    std::string cmd = "cd " + shell_quote(root_) + " && " + kHostEnv + "sh -e -c " + shell_quote(script);
    int rc = std::system(cmd.c_str());
    ASSERT_EQ(rc, 0) << "setup failed: " << script;
    mirror();
  }

  // Copies the host tree into a fresh MemFs (same paths, modes, times, links).
  void mirror() {
    // Owned by root, as the host tree is when the tests run as root.
    fs_ = std::make_shared<FilesFs>(vfs::MemFs::Options{UINT64_MAX, 0, 0});
    std::string passwd = "root:x:0:0:root:/root:/bin/bash\nuser:x:1000:1000:user:/home/user:/bin/bash\n";
    std::string group = "root:x:0:\nuser:x:1000:\n";
    mkdirs("/etc");
    vfs::write_file(*fs_, "/etc/passwd", passwd);
    vfs::write_file(*fs_, "/etc/group", group);
    mkdirs(root_);
    struct stat rst;
    lstat(root_.c_str(), &rst);
    fs_->chmod(root_, rst.st_mode & 07777);
    copy_in(root_);
  }

  CommandResult ours(const std::vector<std::string>& argv, const std::string& in = "", const std::string& sub = "") {
    Environment env{{"LC_ALL", "C.UTF-8"}, {"TZ", "UTC"}, {"COLUMNS", "80"}, {"USER", "root"}, {"HOME", "/root"}};
    std::string cwd = sub.empty() ? root_ : root_ + "/" + sub;
    return run_command_in(fs_.get(), argv, in, cwd, env);
  }

  CommandResult host(const std::vector<std::string>& argv, const std::string& in = "", const std::string& sub = "") {
    std::string cmdline;
    for (const auto& a : argv) cmdline += shell_quote(a) + " ";
    std::string dir = sub.empty() ? root_ : root_ + "/" + sub;
    std::string out = root_ + ".out", err = root_ + ".err", input = root_ + ".in";
    {
      std::ofstream f(input, std::ios::binary);
      f << in;
    }
    std::string cmd = "cd " + shell_quote(dir) + " && " + kHostEnv + cmdline + " <" + shell_quote(input) + " >" +
                      shell_quote(out) + " 2>" + shell_quote(err);
    int rc = std::system(cmd.c_str());
    CommandResult r;
    r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    std::remove(out.c_str());
    std::remove(err.c_str());
    std::remove(input.c_str());
    return r;
  }

  // A description of the tree under root: one line per entry.
  std::string host_tree() {
    std::vector<std::string> lines;
    for (auto it = std::filesystem::recursive_directory_iterator(root_); it != std::filesystem::recursive_directory_iterator(); ++it) {
      std::string path = it->path().string();
      struct stat st;
      lstat(path.c_str(), &st);
      std::string line = path.substr(root_.size()) + " " + describe(st.st_mode, st.st_size);
      if (S_ISLNK(st.st_mode)) line += " -> " + std::filesystem::read_symlink(path).string();
      else if (S_ISREG(st.st_mode)) line += " [" + slurp(path) + "]";
      lines.push_back(line);
    }
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (auto& l : lines) out += l + "\n";
    return out;
  }

  std::string our_tree() {
    std::vector<std::string> lines;
    walk(root_, lines);
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (auto& l : lines) out += l + "\n";
    return out;
  }

 private:
  static std::string describe(uint32_t mode, int64_t size) {
    char buf[64];
    snprintf(buf, sizeof buf, "%06o", mode);
    std::string s = buf;
    if (!S_ISDIR(mode)) s += " " + std::to_string(size);
    return s;
  }

  void walk(const std::string& dir, std::vector<std::string>& lines) {
    std::vector<vfs::DirEntry> entries;
    fs_->readdir(dir, entries);
    for (const auto& e : entries) {
      std::string path = vfs::join(dir, e.name);
      vfs::Stat st;
      fs_->lstat(path, st);
      std::string line = path.substr(root_.size()) + " " + describe(st.mode, st.size);
      if (S_ISLNK(st.mode)) {
        std::string target;
        fs_->readlink(path, target);
        line += " -> " + target;
      } else if (S_ISREG(st.mode)) {
        std::string data;
        vfs::read_file(*fs_, path, data);
        line += " [" + data + "]";
      }
      lines.push_back(line);
      if (S_ISDIR(st.mode)) walk(path, lines);
    }
  }

  void mkdirs(const std::string& path) {
    std::string cur;
    size_t pos = 1;
    while (pos <= path.size()) {
      size_t slash = path.find('/', pos);
      if (slash == std::string::npos) slash = path.size();
      cur = path.substr(0, slash);
      fs_->mkdir(cur, 0755);
      pos = slash + 1;
    }
  }

  void copy_in(const std::string& dir) {
    // Create entries in host inode order so that inode order agrees.
    std::vector<std::pair<ino_t, std::string>> order;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      struct stat est;
      lstat(entry.path().c_str(), &est);
      order.emplace_back(est.st_ino, entry.path().string());
    }
    std::sort(order.begin(), order.end());
    for (const auto& [ino, path] : order) {
      struct stat st;
      lstat(path.c_str(), &st);
      if (S_ISLNK(st.st_mode)) {
        fs_->symlink(std::filesystem::read_symlink(path).string(), path);
      } else if (S_ISDIR(st.st_mode)) {
        fs_->mkdir(path, st.st_mode & 07777);
        copy_in(path);
      } else if (S_ISREG(st.st_mode)) {
        vfs::write_file(*fs_, path, slurp(path), st.st_mode & 07777);
        // Reading the file moved its host atime: put it back.
        struct timespec times[2] = {st.st_atim, st.st_mtim};
        utimensat(AT_FDCWD, path.c_str(), times, 0);
      } else {
        continue;
      }
      if (!S_ISLNK(st.st_mode)) fs_->chmod(path, st.st_mode & 07777);
      fs_->chown(path, st.st_uid, st.st_gid, false);
      fs_->utimes(path, vfs::TimeChange::at({st.st_atim.tv_sec, st.st_atim.tv_nsec}),
                  vfs::TimeChange::at({st.st_mtim.tv_sec, st.st_mtim.tv_nsec}), false);
    }
    // Directory times change as entries are added: set them last.
    struct stat st;
    lstat(dir.c_str(), &st);
    fs_->utimes(dir, vfs::TimeChange::at({st.st_atim.tv_sec, st.st_atim.tv_nsec}),
                vfs::TimeChange::at({st.st_mtim.tv_sec, st.st_mtim.tv_nsec}), false);
  }

  std::string root_;
  std::shared_ptr<vfs::Filesystem> fs_;
};

// Runs argv on both sides and compares stdout, stderr and status.
#define EXPECT_SAME_AS_HOST(fixture, ...)                              \
  do {                                                                 \
    std::vector<std::string> argv_ = __VA_ARGS__;                      \
    auto ours_ = (fixture).ours(argv_);                                \
    auto host_ = (fixture).host(argv_);                                \
    std::string cmd_;                                                  \
    for (auto& a_ : argv_) cmd_ += a_ + " ";                           \
    EXPECT_EQ(ours_.out, host_.out) << "stdout of: " << cmd_;          \
    EXPECT_EQ(ours_.err, host_.err) << "stderr of: " << cmd_;          \
    EXPECT_EQ(ours_.status, host_.status) << "status of: " << cmd_;    \
  } while (0)

}  // namespace burrow::testing
