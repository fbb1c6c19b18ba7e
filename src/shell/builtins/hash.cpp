// The command hash table (bash's remembered PATH search results) and the
// `hash` builtin.
#include <algorithm>
#include <cstdint>

#include "shell/builtins/util.h"

namespace burrow::shell {

Interp::PathSearch Interp::search_path(const std::string& name, const std::string& path_var) const {
  PathSearch found;
  size_t start = 0;
  while (start <= path_var.size()) {
    size_t colon = path_var.find(':', start);
    if (colon == std::string::npos) colon = path_var.size();
    std::string dir = path_var.substr(start, colon - start);
    start = colon + 1;
    std::string full = (dir.empty() ? "." : dir) + (dir.empty() || dir.back() != '/' ? "/" : "") + name;
    vfs::Stat s;
    if (ctx->fs->stat(abspath(full), s) || !S_ISREG(s.mode)) continue;
    if (s.mode & 0111) return {full, true};
    if (found.path.empty()) found.path = full;  // bash's "file to lose on"
  }
  return found;
}

void Interp::sync_hash_with_path() {
  std::string path = get_var("PATH").value_or("");
  if (path == st.hashed_under_path) return;
  st.hashed.clear();
  st.hashed_under_path = std::move(path);
}

std::string Interp::hashed_command(const std::string& name) {
  sync_hash_with_path();
  auto it = st.hashed.find(name);
  if (it == st.hashed.end()) return "";
  ++it->second.hits;
  const std::string& path = it->second.path;
  if (path.empty() || path[0] == '/') return path;
  // A relative entry is used as ./entry while that is executable.
  std::string dotted = path.rfind("./", 0) == 0 ? path : "./" + path;
  vfs::Stat s;
  if (!ctx->fs->stat(abspath(dotted), s) && S_ISREG(s.mode) && (s.mode & 0111)) return dotted;
  return path[0] == '.' ? "" : path;
}

void Interp::remember_command(const std::string& name, const std::string& path, int hits) {
  sync_hash_with_path();
  st.hashed[name] = {path, hits, ++st.hash_seq};
}

namespace {

constexpr const char* kHashUsage = "hash: usage: hash [-lr] [-p pathname] [-dt] [name ...]\n";

// bash lists its table bucket by bucket (FNV-1 hash of the name, 256
// buckets), the newest entry of a bucket first.
uint32_t hash_bucket(std::string_view name) {
  uint32_t h = 2166136261u;
  for (unsigned char c : name) {
    h *= 16777619u;
    h ^= c;
  }
  return h & 255;
}

std::vector<std::pair<std::string, ShellState::Hashed>> listing_order(Interp& sh) {
  std::vector<std::pair<std::string, ShellState::Hashed>> rows(sh.st.hashed.begin(), sh.st.hashed.end());
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    uint32_t ba = hash_bucket(a.first), bb = hash_bucket(b.first);
    return ba != bb ? ba < bb : a.second.seq > b.second.seq;
  });
  return rows;
}

// hash NAME: search PATH now; builtins and functions are quietly skipped.
bool hash_one(Interp& sh, const std::string& name) {
  if (sh.st.functions.count(name) || sh.enabled_builtin(name)) return true;
  sh.st.hashed.erase(name);
  Interp::PathSearch found = sh.search_path(name, sh.get_var("PATH").value_or(""));
  if (!found.executable) return false;
  sh.remember_command(name, found.path, 0);
  return true;
}

int b_hash(Interp& sh, Invocation& inv) {
  bool remove = false, portable = false, targets = false, clear = false;
  std::string pathname;
  bool have_pathname = false;
  int first = scan_options(sh, inv, kHashUsage, "dlp:rt", [&](char c, const std::string& arg) {
    if (c == 'd') remove = true;
    else if (c == 'l') portable = true;
    else if (c == 'r') clear = true;
    else if (c == 't') targets = true;
    else if (c == 'p') {
      pathname = arg;
      have_pathname = true;
    }
    return true;
  });
  if (first < 0) return 2;
  sh.sync_hash_with_path();
  if (clear) sh.st.hashed.clear();
  size_t i = static_cast<size_t>(first);
  if (i >= inv.argv.size() && (remove || targets)) {
    berror(sh, inv, std::string("hash: -") + (targets ? 't' : 'd') + ": option requires an argument");
    return 1;
  }
  if (i >= inv.argv.size()) {
    if (clear) return 0;
    if (sh.st.hashed.empty()) {
      if (!portable) inv.out() << "hash: hash table empty\n";
      return 0;
    }
    if (!portable) inv.out() << "hits\tcommand\n";
    for (auto& [name, entry] : listing_order(sh)) {
      if (portable) inv.out() << "builtin hash -p " << entry.path << " " << name << "\n";
      else {
        std::string hits = std::to_string(entry.hits);
        inv.out() << std::string(hits.size() < 4 ? 4 - hits.size() : 0, ' ') << hits << "\t" << entry.path << "\n";
      }
    }
    return 0;
  }
  int status = 0;
  bool several = inv.argv.size() - i > 1;
  for (; i < inv.argv.size(); ++i) {
    const std::string& name = inv.argv[i];
    if (name.find('/') != std::string::npos && !have_pathname) continue;  // a path is never hashed
    if (targets) {
      std::string path = sh.hashed_command(name);
      if (path.empty()) {
        berror(sh, inv, "hash: " + name + ": not found");
        status = 1;
      } else if (portable) {
        inv.out() << "builtin hash -p " << path << " " << name << "\n";
      } else {
        inv.out() << (several ? name + "\t" : "") << path << "\n";
      }
    } else if (have_pathname) {
      sh.remember_command(name, pathname, 0);
    } else if (remove) {
      if (!sh.st.hashed.erase(name)) {
        berror(sh, inv, "hash: " + name + ": not found");
        status = 1;
      }
    } else if (!hash_one(sh, name)) {
      berror(sh, inv, "hash: " + name + ": not found");
      status = 1;
    }
  }
  return status;
}

}  // namespace

BURROW_BUILTIN(hash, "hash", b_hash, false);

}  // namespace burrow::shell
