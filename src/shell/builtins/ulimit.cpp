// ulimit: the resource limits of the sandboxed shell. They are a table in the
// shell's state, with the values a typical Linux login has, that ulimit reads
// and changes under the rules setrlimit(2) gives an unprivileged process; no
// limit of the host process is read or changed.
#include <cstdint>

#include "shell/builtins/util.h"

namespace burrow::shell {
namespace {

constexpr uint64_t kUnlimited = UINT64_MAX;

struct Resource {
  char letter;
  const char* description;
  const char* unit;  // nullptr: a plain count
  uint64_t factor;   // bytes per unit that ulimit shows and takes
  uint64_t soft, hard;
  bool settable = true;  // pipe size is a fixed property, not a limit
};

// In the order `ulimit -a` lists them (as bash does, by letter, -R first).
const Resource kResources[] = {
    {'R', "real-time non-blocking time", "microseconds", 1, kUnlimited, kUnlimited},
    {'c', "core file size", "blocks", 512, 0, kUnlimited},
    {'d', "data seg size", "kbytes", 1024, kUnlimited, kUnlimited},
    {'e', "scheduling priority", nullptr, 1, 0, 0},
    {'f', "file size", "blocks", 512, kUnlimited, kUnlimited},
    {'i', "pending signals", nullptr, 1, 63448, 63448},
    {'l', "max locked memory", "kbytes", 1024, 8192 * 1024, 8192 * 1024},
    {'m', "max memory size", "kbytes", 1024, kUnlimited, kUnlimited},
    {'n', "open files", nullptr, 1, 1024, 1048576},
    {'p', "pipe size", "512 bytes", 512, 4096, 4096, false},
    {'q', "POSIX message queues", "bytes", 1, 819200, 819200},
    {'r', "real-time priority", nullptr, 1, 0, 0},
    {'s', "stack size", "kbytes", 1024, 8192 * 1024, kUnlimited},
    {'t', "cpu time", "seconds", 1, kUnlimited, kUnlimited},
    {'u', "max user processes", nullptr, 1, 63448, 63448},
    {'v', "virtual memory", "kbytes", 1024, kUnlimited, kUnlimited},
    {'x', "file locks", nullptr, 1, kUnlimited, kUnlimited},
};

const char kUsage[] = "ulimit: usage: ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]\n";

const Resource* find_resource(char letter) {
  for (const Resource& r : kResources) {
    if (r.letter == letter) return &r;
  }
  return nullptr;
}

// The current (soft, hard) pair: changed values live in the shell state.
std::pair<uint64_t, uint64_t> current(Interp& sh, const Resource& r) {
  auto it = sh.st.ulimits.find(r.letter);
  if (it != sh.st.ulimits.end()) return it->second;
  return {r.soft, r.hard};
}

std::string show_value(uint64_t raw, const Resource& r) {
  if (raw == kUnlimited) return "unlimited";
  return std::to_string(raw / r.factor);
}

// "file size                   (blocks, -f) " as bash lays it out.
std::string long_label(const Resource& r) {
  std::string unit = r.unit ? std::string("(") + r.unit + ", -" + r.letter + ") "
                            : std::string("(-") + r.letter + ") ";
  char buf[128];
  snprintf(buf, sizeof buf, "%-20s %20s", r.description, unit.c_str());
  return buf;
}

struct Command {
  const Resource* res;
  bool has_arg = false;
  std::string arg;
};

// Parses a limit given in the resource's units into bytes (or a count).
// Returns false after reporting the error bash reports.
bool parse_limit(Interp& sh, Invocation& inv, const Command& c, uint64_t& out) {
  const std::string& a = c.arg;
  auto [soft_now, hard_now] = current(sh, *c.res);
  if (a == "unlimited") {
    out = kUnlimited;
    return true;
  }
  if (a == "hard" || a == "soft") {
    out = a == "hard" ? hard_now : soft_now;
    return true;
  }
  uint64_t v = 0;
  for (char ch : a) {
    if (ch < '0' || ch > '9') {
      bool hex = a.size() >= 2 && a[0] == '0' && (a[1] == 'x' || a[1] == 'X');
      berror(sh, inv, "ulimit: " + a + (hex ? ": invalid hex number" : ": invalid number"));
      return false;
    }
    v = v * 10 + static_cast<uint64_t>(ch - '0');  // wraps, as bash's does
  }
  if (c.res->factor > 1 && v > static_cast<uint64_t>(INT64_MAX) / c.res->factor) {
    berror(sh, inv, "ulimit: " + a + ": limit out of range");
    return false;
  }
  out = v * c.res->factor;
  return true;
}

// Sets the soft and/or hard limit, refusing what setrlimit refuses an
// unprivileged process: a soft limit above the hard one (EINVAL) and a raised
// hard limit (EPERM).
bool set_limit(Interp& sh, Invocation& inv, const Command& c, bool soft, bool hard) {
  uint64_t v;
  if (!parse_limit(sh, inv, c, v)) return false;
  auto [soft_now, hard_now] = current(sh, *c.res);
  uint64_t new_soft = soft ? v : soft_now;
  uint64_t new_hard = hard ? v : hard_now;
  const char* why = nullptr;
  if (!c.res->settable || new_soft > new_hard) why = "Invalid argument";
  else if (new_hard > hard_now) why = "Operation not permitted";
  if (why) {
    berror(sh, inv, std::string("ulimit: ") + c.res->description + ": cannot modify limit: " + why);
    return false;
  }
  sh.st.ulimits[c.res->letter] = {new_soft, new_hard};
  return true;
}

int b_ulimit(Interp& sh, Invocation& inv) {
  bool soft = false, hard = false, all = false;
  std::vector<Command> cmds;
  const auto& argv = inv.argv;
  size_t i = 1;
  for (; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if (a.size() < 2 || a[0] != '-') break;
    for (size_t k = 1; k < a.size(); ++k) {
      char c = a[k];
      if (c == 'S') soft = true;
      else if (c == 'H') hard = true;
      else if (c == 'a') all = true;
      else if (const Resource* r = find_resource(c)) {
        // Each resource letter takes an optional limit: the rest of this word,
        // or the next word when it does not look like an option.
        Command cmd{r};
        if (k + 1 < a.size()) {
          cmd.has_arg = true;
          cmd.arg = a.substr(k + 1);
        } else if (i + 1 < argv.size() && (argv[i + 1].empty() || argv[i + 1][0] != '-')) {
          cmd.has_arg = true;
          cmd.arg = argv[++i];
        }
        cmds.push_back(std::move(cmd));
        break;
      } else {
        berror(sh, inv, std::string("ulimit: -") + c + ": invalid option");
        inv.err() << kUsage;
        return 2;
      }
    }
  }
  bool show_soft = soft || !hard;
  if (all) {
    for (const Resource& r : kResources) {
      auto [s, h] = current(sh, r);
      inv.out() << long_label(r) << show_value(show_soft ? s : h, r) << "\n";
    }
    return 0;
  }
  // A trailing operand is the limit of the last resource named, or of -f.
  if (cmds.empty()) cmds.push_back(Command{find_resource('f')});
  if (i < argv.size() && !cmds.back().has_arg) {
    cmds.back().has_arg = true;
    cmds.back().arg = argv[i];
  }
  bool long_form = cmds.size() > 1;
  for (const Command& c : cmds) {
    if (c.has_arg) {
      if (!set_limit(sh, inv, c, soft || !hard, hard || !soft)) return 1;
      continue;
    }
    auto [s, h] = current(sh, *c.res);
    if (long_form) inv.out() << long_label(*c.res);
    inv.out() << show_value(show_soft ? s : h, *c.res) << "\n";
  }
  return 0;
}

}  // namespace

BURROW_BUILTIN(ulimit, "ulimit", b_ulimit, false);

}  // namespace burrow::shell
