// uuidgen: create a new UUID (util-linux); getconf: query configuration
// values; tput: terminal capabilities for a fixed xterm-like terminal.
#include <atomic>
#include <chrono>
#include <cstring>

#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

uint64_t mix(uint64_t x) {
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

uint64_t random64() {
  static std::atomic<uint64_t> counter{(uint64_t)std::chrono::system_clock::now().time_since_epoch().count()};
  return mix(counter.fetch_add(0x9E3779B97F4A7C15ull) ^
             (uint64_t)std::chrono::steady_clock::now().time_since_epoch().count());
}

int run_uuidgen(Invocation& inv) {
  enum { kRandom, kTime, kHex };
  static constexpr OptionSpec options[] = {
      {kRandom, 'r', "random", ArgKind::kNone, "generate random-based uuid"},
      {kTime, 't', "time", ArgKind::kNone, "generate time-based uuid"},
      {kHex, 'x', "hex", ArgKind::kNone, "interpret name as hex string"},
  };
  static constexpr CommandSpec spec{"Usage: uuidgen [options]", "Create a new UUID value.", options};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  uint64_t hi = random64(), lo = random64();
  hi = (hi & ~0xF000ull) | 0x4000ull;                     // version 4
  lo = (lo & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;  // variant 10
  char buf[40];
  snprintf(buf, sizeof buf, "%08llx-%04llx-%04llx-%04llx-%012llx", (unsigned long long)(hi >> 32),
           (unsigned long long)((hi >> 16) & 0xffff), (unsigned long long)(hi & 0xffff),
           (unsigned long long)(lo >> 48), (unsigned long long)(lo & 0xffffffffffffull));
  inv.out() << buf << '\n';
  return 0;
}

int run_getconf(Invocation& inv) {
  enum { kAll };
  static constexpr OptionSpec options[] = {
      {kAll, 'a', "all", ArgKind::kNone, "print all configuration variables"},
  };
  static constexpr CommandSpec spec{"Usage: getconf [-v SPEC] VAR\n  or:  getconf [-v SPEC] PATH_VAR PATH",
                                    "Get configuration values.", options};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  static const std::pair<const char*, const char*> values[] = {
      {"ARG_MAX", "2097152"},   {"CHILD_MAX", "256"},         {"CLK_TCK", "100"},
      {"HOST_NAME_MAX", "64"},  {"LINE_MAX", "2048"},         {"LOGIN_NAME_MAX", "256"},
      {"NAME_MAX", "255"},      {"NGROUPS_MAX", "65536"},     {"OPEN_MAX", "1024"},
      {"PAGESIZE", "4096"},     {"PAGE_SIZE", "4096"},        {"PATH_MAX", "4096"},
      {"PIPE_BUF", "4096"},     {"_NPROCESSORS_CONF", "4"},   {"_NPROCESSORS_ONLN", "4"},
      {"LONG_BIT", "64"},       {"INT_MAX", "2147483647"},    {"UINT_MAX", "4294967295"},
      {"GNU_LIBC_VERSION", "glibc 2.36"}, {"GNU_LIBPTHREAD_VERSION", "NPTL 2.36"},
      {"PATH", "/bin:/usr/bin"}, {"_POSIX_VERSION", "200809"}, {"POSIX_VERSION", "200809"},
      {"SYMLOOP_MAX", "40"},    {"TZNAME_MAX", "6"},         {"STREAM_MAX", "16"},
  };
  if (args.has(kAll)) {
    for (auto& [k, v] : values) inv.out() << k << std::string(k[0] ? 36 - std::min<size_t>(35, strlen(k)) : 1, ' ') << v << '\n';
    return 0;
  }
  if (args.operands.empty()) {
    inv.err() << "Usage: getconf [-v SPEC] VAR\n       getconf [-v SPEC] PATH_VAR PATH\n";
    return 1;
  }
  std::string var = args.operands[0];
  for (auto& [k, v] : values) {
    if (var == k) {
      inv.out() << v << '\n';
      return 0;
    }
  }
  inv.err() << "getconf: Unrecognized variable '" << var << "'\n";
  return 1;
}

int run_tput(Invocation& inv) {
  static constexpr CommandSpec spec{"Usage: tput [-T term] capname", "Query terminfo capabilities.", {}, 2};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  if (args.operands.empty()) {
    inv.err() << "usage: tput [-V] [-S] [-T term] capname\n";
    return 2;
  }
  const std::string& cap = args.operands[0];
  auto num = [&](const char* env, const char* fallback) {
    std::string v = inv.getenv(env);
    return v.empty() ? std::string(fallback) : v;
  };
  std::string out;
  if (cap == "cols") out = num("COLUMNS", "80") + "\n";
  else if (cap == "lines") out = num("LINES", "24") + "\n";
  else if (cap == "colors") out = "8\n";
  else if (cap == "clear") out = "\033[H\033[2J";
  else if (cap == "sgr0") out = "\033(B\033[m";
  else if (cap == "bold") out = "\033[1m";
  else if (cap == "dim") out = "\033[2m";
  else if (cap == "smul") out = "\033[4m";
  else if (cap == "rmul") out = "\033[24m";
  else if (cap == "rev") out = "\033[7m";
  else if (cap == "el") out = "\033[K";
  else if (cap == "civis") out = "\033[?25l";
  else if (cap == "cnorm") out = "\033[?12l\033[?25h";
  else if (cap == "setaf" || cap == "setab") {
    if (args.operands.size() < 2) return 0;
    out = std::string("\033[") + (cap == "setaf" ? "3" : "4") + args.operands[1] + "m";
  } else if (cap == "cup") {
    if (args.operands.size() < 3) return 0;
    out = "\033[" + std::to_string(atoi(args.operands[1].c_str()) + 1) + ";" + std::to_string(atoi(args.operands[2].c_str()) + 1) + "H";
  } else if (cap == "longname") out = "xterm with 256 colors";
  else {
    inv.err() << "tput: unknown terminfo capability '" << cap << "'\n";
    return 4;
  }
  inv.out() << out;
  return 0;
}

}  // namespace

BURROW_COMMAND(uuidgen, "create a new UUID value", run_uuidgen);
BURROW_COMMAND(getconf, "query system configuration variables", run_getconf);
BURROW_COMMAND(tput, "query terminal capabilities", run_tput);

}  // namespace burrow
