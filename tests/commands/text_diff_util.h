// Differential testing helpers for grep and sed: run a command through our
// implementation (no shell) and through the host's GNU tool, compare.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/command_harness.h"
#include "vfs/mem_fs.h"

namespace burrow::testing {

struct DiffCase {
  std::vector<std::string> args;  // argv including the program name
  std::string input;              // stdin
  std::string locale = "C";
  // Files to create first (path relative to the working directory -> data;
  // a path ending in '/' is a directory). After the run, the files listed in
  // `check` are compared too (sed -i, w).
  std::vector<std::pair<std::string, std::string>> files = {};
  std::vector<std::string> check = {};
  bool sort_lines = false;  // directory order differs between filesystems
};

inline std::string sorted_lines(const std::string& s) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string::npos) nl = s.size();
    lines.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (auto& l : lines) out += l + "\n";
  return out;
}

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

inline CommandResult run_host(const DiffCase& c) {
  char dir_template[] = "/tmp/burrow_diff_XXXXXX";
  std::string dir = mkdtemp(dir_template);
  {
    std::ofstream(dir + "/.stdin", std::ios::binary) << c.input;
  }
  mkdir((dir + "/w").c_str(), 0755);
  for (const auto& [path, data] : c.files) {
    if (!path.empty() && path.back() == '/') mkdir((dir + "/w/" + path).c_str(), 0755);
    else if (!path.empty() && path.back() == '@') symlink(data.c_str(), (dir + "/w/" + path.substr(0, path.size() - 1)).c_str());
    else std::ofstream(dir + "/w/" + path, std::ios::binary) << data;
  }
  std::string cmd = "cd " + dir + "/w && cat ../.stdin | env -i PATH=/usr/bin:/bin LC_ALL=" + c.locale;
  for (const auto& a : c.args) cmd += " " + shell_quote(a);
  cmd += " >../.stdout 2>../.stderr";
  int raw = system(cmd.c_str());
  CommandResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  r.out = slurp(dir + "/.stdout");
  r.err = slurp(dir + "/.stderr");
  for (const auto& path : c.check) {
    struct stat st;
    r.out += "\n--- " + path + ": " + (::stat((dir + "/w/" + path).c_str(), &st) == 0 ? slurp(dir + "/w/" + path) : "(none)");
  }
  system(("rm -rf " + dir).c_str());
  return r;
}

// A filesystem with nothing in it.
class EmptyFs : public vfs::Filesystem {
 public:
  vfs::Error open(std::string_view, int, uint32_t, vfs::FilePtr&) override { return none(); }
  vfs::Error stat(std::string_view, vfs::Stat&) override { return none(); }
  vfs::Error lstat(std::string_view, vfs::Stat&) override { return none(); }
  vfs::Error readdir(std::string_view, std::vector<vfs::DirEntry>&) override { return none(); }
  vfs::Error mkdir(std::string_view, uint32_t) override { return none(); }
  vfs::Error unlink(std::string_view) override { return none(); }
  vfs::Error rmdir(std::string_view) override { return none(); }
  vfs::Error rename(std::string_view, std::string_view) override { return none(); }
  vfs::Error symlink(std::string_view, std::string_view) override { return none(); }
  vfs::Error readlink(std::string_view, std::string&) override { return none(); }
  vfs::Error link(std::string_view, std::string_view) override { return none(); }
  vfs::Error chmod(std::string_view, uint32_t) override { return none(); }
  vfs::Error chown(std::string_view, uint32_t, uint32_t, bool) override { return none(); }
  vfs::Error utimes(std::string_view, vfs::TimeChange, vfs::TimeChange, bool) override { return none(); }
  vfs::Error truncate(std::string_view, int64_t) override { return none(); }
  vfs::Error statfs(std::string_view, vfs::FsStat&) override { return none(); }

 private:
  static vfs::Error none() { return vfs::make_error(ENOENT); }
};

// Creates the case's files under `root` ("dir/" makes a directory,
// "name@" a symlink to the data).
inline void populate(vfs::Filesystem& fs, const std::string& root,
                     const std::vector<std::pair<std::string, std::string>>& files) {
  fs.mkdir(root, 0755);
  for (const auto& [path, data] : files) {
    if (!path.empty() && path.back() == '/') fs.mkdir(root + "/" + path.substr(0, path.size() - 1), 0755);
    else if (!path.empty() && path.back() == '@') fs.symlink(data, root + "/" + path.substr(0, path.size() - 1));
    else vfs::write_file(fs, root + "/" + path, data);
  }
}

inline CommandResult run_ours(const DiffCase& c) {
  Environment env;
  env["LC_ALL"] = c.locale;
  vfs::MemFs fs;
  populate(fs, "/w", c.files);
  CommandResult r = run_command_in(&fs, c.args, c.input, "/w", env);
  for (const auto& path : c.check) {
    std::string data;
    r.out += "\n--- " + path + ": " + (vfs::read_file(fs, "/w/" + path, data) ? std::string("(none)") : data);
  }
  return r;
}

inline std::string escaped(const std::string& in, size_t max = 400) {
  std::string s;
  for (unsigned char ch : in.substr(0, max)) {
    if (ch == '\n') s += "\\n";
    else if (ch == '\t') s += "\\t";
    else if (ch == '\\') s += "\\\\";
    else if (ch < 32 || ch >= 127) {
      char buf[8];
      snprintf(buf, sizeof buf, "\\x%02x", ch);
      s += buf;
    } else s += static_cast<char>(ch);
  }
  if (in.size() > max) s += "...";
  return s;
}

inline std::string describe(const DiffCase& c) {
  std::string s;
  for (const auto& a : c.args) s += shell_quote(escaped(a)) + " ";
  s += "<<< '" + escaped(c.input, 60) + "' [" + c.locale + "]";
  return s;
}

inline std::string compare(const DiffCase& c, CommandResult host, CommandResult ours) {
  if (c.sort_lines) {
    host.out = sorted_lines(host.out);
    ours.out = sorted_lines(ours.out);
    host.err = sorted_lines(host.err);
    ours.err = sorted_lines(ours.err);
  }
  if (host.out == ours.out && host.err == ours.err && host.status == ours.status) return "";
  return describe(c) + "\n  host[" + std::to_string(host.status) + "] out='" + escaped(host.out) + "' err='" +
         escaped(host.err) + "'\n  ours[" + std::to_string(ours.status) + "] out='" + escaped(ours.out) + "' err='" +
         escaped(ours.err) + "'";
}

}  // namespace burrow::testing
