#include "fs_property.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <sstream>

namespace burrow::vfs::testing {
namespace {

const char* kNames[] = {"a", "b", "c", "dd"};

std::string random_path(std::mt19937& rng) {
  int depth = 1 + rng() % 3;
  std::string p;
  for (int i = 0; i < depth; ++i) {
    p += "/";
    p += kNames[rng() % 4];
  }
  return p;
}

// Symlink targets stay relative and never climb with "..": on the host side
// either would leave the temporary directory, which our root never allows.
std::string random_target(std::mt19937& rng) {
  static const char* kTargets[] = {"a", "b", "a/b", "c/dd", "b/a/c", "dd", "nowhere", "."};
  return kTargets[rng() % 8];
}

int err_of(Error e) { return e ? e.value() : 0; }
int host_err(int rc) { return rc < 0 ? errno : 0; }

struct Recorder {
  PropertyRun& run;
  std::string real_root;
  int step = 0;
  std::string op;
  std::vector<std::string> history;
  void check(bool same, const std::string& detail) {
    if (same) return;
    if (run.mismatches++ == 0) {
      std::ostringstream s;
      s << "step " << step << " " << op << ": " << detail << "\n  after:";
      size_t from = history.size() > 25 ? history.size() - 25 : 0;
      for (size_t i = from; i < history.size(); ++i) s << "\n    " << history[i];
      if (!real_root.empty()) {
        std::string cmd = "cd " + real_root + " && find . -printf '%y %p -> %l\\n' 2>&1";
        if (FILE* p = popen(cmd.c_str(), "r")) {
          char buf[256];
          s << "\n  real tree:";
          while (fgets(buf, sizeof buf, p)) s << "\n    " << buf;
          pclose(p);
        }
      }
      run.first_mismatch = s.str();
    }
  }
  void check_err(int ours, int real) {
    check(ours == real, "errno ours=" + std::to_string(ours) + " (" + strerror(ours) + ") real=" +
                            std::to_string(real) + " (" + strerror(real) + ")");
  }
};

std::vector<std::string> host_list(const std::string& dir, int& err) {
  std::vector<std::string> names;
  DIR* d = opendir(dir.c_str());
  if (!d) {
    err = errno;
    return names;
  }
  err = 0;
  while (dirent* e = ::readdir(d)) {
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) names.push_back(e->d_name);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

std::string make_temp_dir() {
  char tmpl[] = "/tmp/burrow-vfs-XXXXXX";
  return mkdtemp(tmpl);
}

void remove_tree(const std::string& path) {
  struct stat st;
  if (lstat(path.c_str(), &st) != 0) return;
  if (S_ISDIR(st.st_mode)) {
    chmod(path.c_str(), 0700);
    int err;
    for (const std::string& name : host_list(path, err)) remove_tree(path + "/" + name);
    rmdir(path.c_str());
  } else {
    unlink(path.c_str());
  }
}

PropertyRun run_property_sequence(Filesystem& fs, const std::string& real_root, uint32_t seed, int steps) {
  PropertyRun run;
  Recorder rec{run, real_root};
  std::mt19937 rng(seed);
  mode_t old_umask = umask(0);
  for (int step = 0; step < steps; ++step) {
    if (!rec.op.empty()) rec.history.push_back(rec.op);
    rec.step = step;
    std::string p = random_path(rng), q = random_path(rng);
    std::string rp = real_root + p, rq = real_root + q;
    int kind = rng() % 14;
    ++run.operations;
    switch (kind) {
      case 0:
      case 1: {  // open, write, read back
        static const int kFlags[] = {O_RDONLY,         O_WRONLY | O_CREAT,          O_RDWR | O_CREAT | O_EXCL,
                                     O_WRONLY | O_TRUNC, O_WRONLY | O_APPEND | O_CREAT, O_RDONLY | O_DIRECTORY,
                                     O_RDONLY | O_NOFOLLOW, O_RDWR | O_CREAT | O_NOFOLLOW};
        int flags = kFlags[rng() % 8];
        rec.op = "open " + p + " flags=" + std::to_string(flags);
        FilePtr f;
        Error e = fs.open(p, flags, 0644, f);
        int fd = ::open(rp.c_str(), flags, 0644);
        rec.check_err(err_of(e), host_err(fd));
        if (e || fd < 0) {
          if (fd >= 0) ::close(fd);
          break;
        }
        std::string data(rng() % 100, static_cast<char>('a' + rng() % 26));
        if ((flags & O_ACCMODE) != O_RDONLY && !data.empty()) {
          size_t written = 0;
          Error we = f->write(data.data(), data.size(), written);
          ssize_t hw = ::write(fd, data.data(), data.size());
          rec.check_err(err_of(we), host_err(static_cast<int>(hw)));
        }
        if ((flags & O_ACCMODE) != O_WRONLY) {
          int64_t pos = 0;
          f->seek(0, SEEK_SET, pos);
          lseek(fd, 0, SEEK_SET);
          char a[4096], b[4096];
          size_t got = 0;
          Error re = f->read(a, sizeof a, got);
          ssize_t hr = ::read(fd, b, sizeof b);
          rec.check_err(err_of(re), host_err(static_cast<int>(hr)));
          if (!re && hr >= 0) rec.check(std::string(a, got) == std::string(b, hr), "read contents differ");
        }
        ::close(fd);
        break;
      }
      case 2:
        rec.op = "mkdir " + p;
        rec.check_err(err_of(fs.mkdir(p, 0755)), host_err(::mkdir(rp.c_str(), 0755)));
        break;
      case 3:
        rec.op = "rmdir " + p;
        rec.check_err(err_of(fs.rmdir(p)), host_err(::rmdir(rp.c_str())));
        break;
      case 4:
        rec.op = "unlink " + p;
        rec.check_err(err_of(fs.unlink(p)), host_err(::unlink(rp.c_str())));
        break;
      case 5:
        rec.op = "rename " + p + " " + q;
        rec.check_err(err_of(fs.rename(p, q)), host_err(::rename(rp.c_str(), rq.c_str())));
        break;
      case 6: {
        std::string t = random_target(rng);
        rec.op = "symlink " + t + " " + p;
        rec.check_err(err_of(fs.symlink(t, p)), host_err(::symlink(t.c_str(), rp.c_str())));
        break;
      }
      case 7: {
        rec.op = "readlink " + p;
        std::string ours;
        char buf[4096];
        Error e = fs.readlink(p, ours);
        ssize_t n = ::readlink(rp.c_str(), buf, sizeof buf);
        rec.check_err(err_of(e), host_err(static_cast<int>(n)));
        if (!e && n >= 0) rec.check(ours == std::string(buf, n), "readlink differs");
        break;
      }
      case 8:
        rec.op = "link " + p + " " + q;
        rec.check_err(err_of(fs.link(p, q)), host_err(::link(rp.c_str(), rq.c_str())));
        break;
      case 9: {
        uint32_t mode = 0400 | (rng() % 0777);
        rec.op = "chmod " + p;
        rec.check_err(err_of(fs.chmod(p, mode)), host_err(::chmod(rp.c_str(), mode)));
        break;
      }
      case 10:
      case 11: {
        bool follow = kind == 10;
        rec.op = std::string(follow ? "stat " : "lstat ") + p;
        Stat ours;
        struct stat real;
        Error e = follow ? fs.stat(p, ours) : fs.lstat(p, ours);
        int rc = follow ? ::stat(rp.c_str(), &real) : ::lstat(rp.c_str(), &real);
        rec.check_err(err_of(e), host_err(rc));
        if (!e && rc == 0) {
          rec.check(ours.mode == real.st_mode, "mode " + std::to_string(ours.mode) + " vs " + std::to_string(real.st_mode));
          rec.check(S_ISDIR(ours.mode) || ours.size == real.st_size, "size differs");
          rec.check(ours.nlink == real.st_nlink, "nlink " + std::to_string(ours.nlink) + " vs " + std::to_string(real.st_nlink));
        }
        break;
      }
      case 12: {
        int64_t size = rng() % 64;
        rec.op = "truncate " + p;
        rec.check_err(err_of(fs.truncate(p, size)), host_err(::truncate(rp.c_str(), size)));
        break;
      }
      case 13: {
        rec.op = "readdir " + p;
        std::vector<DirEntry> entries;
        Error e = fs.readdir(p, entries);
        int herr = 0;
        std::vector<std::string> real = host_list(rp, herr);
        rec.check_err(err_of(e), herr);
        if (!e && !herr) {
          std::vector<std::string> ours;
          for (auto& en : entries) ours.push_back(en.name);
          std::sort(ours.begin(), ours.end());
          rec.check(ours == real, "listing differs");
        }
        break;
      }
    }
  }
  umask(old_umask);
  return run;
}

}  // namespace burrow::vfs::testing
