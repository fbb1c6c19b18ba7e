// which (Debian's): locate a command on $PATH in the sandbox filesystem;
// whereis: locate the binary of a command in the standard directories.
#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

bool is_executable_file(vfs::Filesystem& fs, const std::string& path) {
  vfs::Stat st;
  return !fs.stat(path, st) && S_ISREG(st.mode) && (st.mode & 0111);
}

std::vector<std::string> path_dirs(Invocation& inv) {
  std::string path = inv.getenv("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
  std::vector<std::string> dirs;
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t colon = path.find(':', pos);
    std::string d = path.substr(pos, colon == std::string::npos ? std::string::npos : colon - pos);
    dirs.push_back(d.empty() ? "." : d);
    if (colon == std::string::npos) break;
    pos = colon + 1;
  }
  return dirs;
}

int run_which(Invocation& inv) {
  enum { kAll };
  static constexpr OptionSpec options[] = {
      {kAll, 'a', "", ArgKind::kNone, "print all matching pathnames of each argument"},
  };
  static constexpr CommandSpec spec{"Usage: which [-a] args", "", options, 2};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  bool all = args.has(kAll);
  int status = 0;
  for (const auto& name : args.operands) {
    bool found = false;
    if (name.find('/') != std::string::npos) {
      if (is_executable_file(*inv.fs, inv.path(name))) {
        inv.out() << name << '\n';
        found = true;
      }
    } else {
      for (const auto& dir : path_dirs(inv)) {
        std::string candidate = dir + "/" + name;
        if (is_executable_file(*inv.fs, inv.path(candidate))) {
          inv.out() << candidate << '\n';
          found = true;
          if (!all) break;
        }
      }
      // Registered commands are always runnable, even without a file on PATH.
      if (!found && Registry::global().find(name)) {
        inv.out() << "/usr/bin/" << name << '\n';
        found = true;
      }
    }
    if (!found) status = 1;
  }
  return status;
}

int run_whereis(Invocation& inv) {
  enum { kBinaries, kManuals, kSources, kUnusual };
  static constexpr OptionSpec options[] = {
      {kBinaries, 'b', "", ArgKind::kNone, "search only for binaries"},
      {kManuals, 'm', "", ArgKind::kNone, "search only for manuals and infos"},
      {kSources, 's', "", ArgKind::kNone, "search only for sources"},
      {kUnusual, 'u', "", ArgKind::kNone, "search for unusual entries"},
  };
  static constexpr CommandSpec spec{"Usage: whereis [options] [-BMS <dir>... -f] <name>",
                                    "Locate the binary, source, and manual-page files for a command.", options};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  if (args.operands.empty()) {
    inv.error("not enough arguments");
    print_try_help(inv);
    return 1;
  }
  static const char* dirs[] = {"/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin", "/bin", "/sbin"};
  for (const auto& name : args.operands) {
    std::string base = fsu::base_name(name);
    inv.out() << base << ':';
    if (!args.has(kManuals) && !args.has(kSources)) {
      bool any = false;
      for (const char* d : dirs) {
        std::string p = std::string(d) + "/" + base;
        if (fsu::exists(*inv.fs, p)) {
          inv.out() << ' ' << p;
          any = true;
        }
      }
      if (!any && Registry::global().find(base)) inv.out() << " /usr/bin/" << base;
    }
    inv.out() << '\n';
  }
  return 0;
}

}  // namespace

BURROW_COMMAND(which, "locate a command", run_which);
BURROW_COMMAND(whereis, "locate the binary, source, and manual page files for a command", run_whereis);

}  // namespace burrow
