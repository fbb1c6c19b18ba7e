// mktemp: create a temporary file or directory (GNU coreutils 9).
#include <atomic>
#include <chrono>

#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kDirectory, kDryRun, kQuiet, kSuffix, kTmpdir, kT };

constexpr OptionSpec kOptions[] = {
    {kDirectory, 'd', "directory", ArgKind::kNone, "create a directory, not a file"},
    {kDryRun, 'u', "dry-run", ArgKind::kNone, "do not create anything; merely print a name (unsafe)"},
    {kQuiet, 'q', "quiet", ArgKind::kNone, "suppress diagnostics about file/dir-creation failure"},
    {kSuffix, 0, "suffix", ArgKind::kRequired, "append SUFF to TEMPLATE; SUFF must not contain a slash.", "SUFF"},
    // -p needs DIR; --tmpdir may omit it (then $TMPDIR or /tmp).
    {kTmpdir, 'p', "", ArgKind::kRequired, "", "DIR"},
    {kTmpdir, 0, "tmpdir", ArgKind::kOptional, "interpret TEMPLATE relative to DIR", "DIR"},
    {kT, 't', "", ArgKind::kNone, "interpret TEMPLATE as a single file name component, relative to a directory"},
};

constexpr CommandSpec kSpec{"Usage: mktemp [OPTION]... [TEMPLATE]",
                            "Create a temporary file or directory, safely, and print its name.\n"
                            "TEMPLATE must contain at least 3 consecutive 'X's in last component.\n"
                            "If TEMPLATE is not specified, use tmp.XXXXXXXXXX, and --tmpdir is implied.",
                            kOptions};

// Names come from a per-process generator: no host entropy source is read.
uint64_t next_random() {
  static std::atomic<uint64_t> state{(uint64_t)std::chrono::steady_clock::now().time_since_epoch().count() ^
                                     0x9E3779B97F4A7C15ull};
  uint64_t x = state.fetch_add(0x9E3779B97F4A7C15ull) + 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

int run_mktemp(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  bool dir = args.has(kDirectory), dry = args.has(kDryRun), quiet = args.has(kQuiet), t = args.has(kT);
  if (args.operands.size() > 1) {
    inv.error("too many templates");
    print_try_help(inv);
    return 1;
  }
  bool use_tmpdir = args.has(kTmpdir) || t;
  std::string tmpl = args.operands.empty() ? "tmp.XXXXXXXXXX" : args.operands[0];
  if (args.operands.empty()) use_tmpdir = true;
  std::string suffix = args.last(kSuffix) ? *args.last(kSuffix) : "";
  if (!args.last(kSuffix)) {
    // A template whose X's are not last has an implicit suffix.
    size_t last_x = tmpl.find_last_of('X');
    if (last_x != std::string::npos && last_x + 1 < tmpl.size() && tmpl.find('/', last_x) == std::string::npos) {
      suffix = tmpl.substr(last_x + 1);
      tmpl.resize(last_x + 1);
    }
  } else {
    if (suffix.find('/') != std::string::npos) {
      inv.error("invalid suffix " + fsu::quote_arg(inv, suffix) + ", contains directory separator");
      return 1;
    }
    if (!tmpl.empty() && tmpl.back() != 'X') {
      inv.error("with --suffix, template " + fsu::quote_arg(inv, tmpl) + " must end in X");
      return 1;
    }
  }
  size_t xs = 0;
  while (xs < tmpl.size() && tmpl[tmpl.size() - 1 - xs] == 'X') ++xs;
  if (xs < 3) {
    if (!quiet) inv.error("too few X's in template " + fsu::quote_arg(inv, tmpl + suffix));
    return 1;
  }
  std::string prefix_dir;
  if (use_tmpdir) {
    const std::string* p = args.last(kTmpdir);
    prefix_dir = (p && !p->empty()) ? *p : inv.getenv("TMPDIR");
    if (prefix_dir.empty()) prefix_dir = "/tmp";
    if (t && !p) {
      std::string env = inv.getenv("TMPDIR");
      prefix_dir = env.empty() ? "/tmp" : env;
    }
    if (tmpl.find('/') != std::string::npos && (t || args.operands.size() == 1)) {
      if (t || tmpl[0] == '/') {
        inv.error("invalid template, " + fsu::quote_arg(inv, tmpl + suffix) + ", contains directory separator");
        return 1;
      }
    }
  }
  static const char kChars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string name = tmpl;
    for (size_t i = name.size() - xs; i < name.size(); ++i) name[i] = kChars[next_random() % 62];
    name += suffix;
    std::string shown = use_tmpdir ? (prefix_dir.back() == '/' ? prefix_dir + name : prefix_dir + "/" + name) : name;
    std::string path = inv.path(shown);
    vfs::Error err;
    if (dry) {
      if (fsu::exists(*inv.fs, path)) continue;
      std::string parent(vfs::dirname_of(path));
      if (!fsu::is_dir(*inv.fs, parent)) err = vfs::make_error(ENOENT);
    } else if (dir) {
      err = inv.fs->mkdir(path, 0700);
    } else {
      vfs::FilePtr f;
      err = inv.fs->open(path, O_WRONLY | O_CREAT | O_EXCL, 0600, f);
      if (!err) f->close();
    }
    if (err.value() == EEXIST) continue;
    if (err) {
      if (!quiet) {
        std::string tmpl_shown = use_tmpdir ? (prefix_dir.back() == '/' ? prefix_dir : prefix_dir + "/") + tmpl + suffix
                                            : tmpl + suffix;
        inv.error(std::string("failed to create ") + (dir ? "directory" : "file") + " via template " +
                      fsu::quote(tmpl_shown),
                  err);
      }
      return 1;
    }
    inv.out() << shown << '\n';
    return 0;
  }
  if (!quiet) inv.error("failed to create file via template " + fsu::quote(tmpl), vfs::make_error(EEXIST));
  return 1;
}

}  // namespace

BURROW_COMMAND(mktemp, "create a temporary file or directory", run_mktemp);

}  // namespace burrow
