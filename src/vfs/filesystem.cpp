#include "vfs/filesystem.h"

#include <cerrno>
#include <chrono>
#include <cstring>

namespace burrow::vfs {

Timespec now() {
  auto d = std::chrono::system_clock::now().time_since_epoch();
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(d).count();
  return {ns / 1000000000, ns % 1000000000};
}

Error File::pread(void*, size_t, int64_t, size_t& got) {
  got = 0;
  return make_error(ESPIPE);
}

Error File::pwrite(const void*, size_t, int64_t, size_t& written) {
  written = 0;
  return make_error(ESPIPE);
}

Error File::seek(int64_t, int, int64_t&) { return make_error(ESPIPE); }

Error File::truncate(int64_t) { return make_error(EINVAL); }

Error Filesystem::realpath(std::string_view path, std::string& out) {
  // Generic resolution through lstat/readlink; implementations with a faster
  // way may override it.
  std::string pending = normalize(path);
  std::string resolved = "/";
  int links_followed = 0;
  size_t pos = 1;
  while (pos <= pending.size()) {
    size_t end = pending.find('/', pos);
    if (end == std::string::npos) end = pending.size();
    std::string_view name(pending.data() + pos, end - pos);
    pos = end + 1;
    if (name.empty() || name == ".") continue;
    if (name == "..") {
      resolved = std::string(dirname_of(resolved));
      continue;
    }
    std::string candidate = join(resolved, name);
    Stat st;
    if (Error err = lstat(candidate, st)) return err;
    if (S_ISLNK(st.mode)) {
      if (++links_followed > 40) return make_error(ELOOP);
      std::string target;
      if (Error err = readlink(candidate, target)) return err;
      std::string rest = end < pending.size() ? pending.substr(end) : std::string();
      pending = normalize(target + rest, resolved);
      resolved = "/";
      pos = 1;
      continue;
    }
    if (end < pending.size() && !S_ISDIR(st.mode)) return make_error(ENOTDIR);
    resolved = std::move(candidate);
  }
  out = resolved;
  return {};
}

std::string normalize(std::string_view path, std::string_view cwd) {
  std::string joined;
  if (path.empty() || path[0] != '/') {
    joined.reserve(cwd.size() + 1 + path.size());
    joined.append(cwd);
    joined.push_back('/');
  }
  joined.append(path);

  std::vector<std::string_view> parts;
  size_t pos = 0;
  while (pos < joined.size()) {
    size_t end = joined.find('/', pos);
    if (end == std::string::npos) end = joined.size();
    std::string_view part(joined.data() + pos, end - pos);
    pos = end + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  std::string out;
  for (auto part : parts) {
    out.push_back('/');
    out.append(part);
  }
  if (out.empty()) out = "/";
  return out;
}

std::string join(std::string_view dir, std::string_view name) {
  std::string out(dir);
  if (out.empty() || out.back() != '/') out.push_back('/');
  size_t skip = 0;
  while (skip < name.size() && name[skip] == '/') ++skip;
  out.append(name.substr(skip));
  return out;
}

std::string_view dirname_of(std::string_view path) {
  size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string_view basename_of(std::string_view path) {
  if (path == "/") return "";
  size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return path;
  return path.substr(slash + 1);
}

Error read_file(Filesystem& fs, std::string_view path, std::string& out) {
  FilePtr file;
  if (Error err = fs.open(path, O_RDONLY, 0, file)) return err;
  out.clear();
  char buf[65536];
  for (;;) {
    size_t got = 0;
    if (Error err = file->read(buf, sizeof buf, got)) {
      file->close();
      return err;
    }
    if (got == 0) break;
    out.append(buf, got);
  }
  return file->close();
}

Error write_file(Filesystem& fs, std::string_view path, std::string_view data, uint32_t mode) {
  FilePtr file;
  if (Error err = fs.open(path, O_WRONLY | O_CREAT | O_TRUNC, mode, file)) return err;
  size_t written = 0;
  Error err = file->write(data.data(), data.size(), written);
  Error close_err = file->close();
  return err ? err : close_err;
}

std::string error_text(Error err) {
  if (!err) return "Success";
  char buf[256];
  // GNU strerror_r returns the message pointer (which may not be buf).
  const char* text = strerror_r(err.value(), buf, sizeof buf);
  return text;
}

}  // namespace burrow::vfs
