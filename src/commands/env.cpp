// env: run a program in a modified environment (GNU coreutils 9); printenv.
#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kIgnoreEnvironment, kNull, kUnset, kChdir, kSplitString, kDebug, kDefaultSignal, kIgnoreSignal, kBlockSignal, kListSignal };

constexpr OptionSpec kOptions[] = {
    {kIgnoreEnvironment, 'i', "ignore-environment", ArgKind::kNone, "start with an empty environment"},
    {kNull, '0', "null", ArgKind::kNone, "end each output line with NUL, not newline"},
    {kUnset, 'u', "unset", ArgKind::kRequired, "remove variable from the environment", "NAME"},
    {kChdir, 'C', "chdir", ArgKind::kRequired, "change working directory to DIR", "DIR"},
    {kSplitString, 'S', "split-string", ArgKind::kRequired, "process and split S into separate arguments", "S"},
    {kDebug, 'v', "debug", ArgKind::kNone, "print verbose information for each processing step"},
    {kDefaultSignal, 0, "default-signal", ArgKind::kOptional, "reset handling of SIG signal(s) to the default", "SIG"},
    {kIgnoreSignal, 0, "ignore-signal", ArgKind::kOptional, "set handling of SIG signal(s) to do nothing", "SIG"},
    {kBlockSignal, 0, "block-signal", ArgKind::kOptional, "block delivery of SIG signal(s) to COMMAND", "SIG"},
    {kListSignal, 0, "list-signal-handling", ArgKind::kNone, "list non default signal handling to stderr"},
};

constexpr CommandSpec kSpec{"Usage: env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]",
                            "Set each NAME to VALUE in the environment and run COMMAND.", kOptions, 125, true};

// Splits -S strings: whitespace separates, quotes group, backslash escapes, ${VAR} expands.
bool split_string(Invocation& inv, const std::string& s, std::vector<std::string>& out) {
  std::string cur;
  bool have = false;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      if (have) out.push_back(cur);
      cur.clear();
      have = false;
      ++i;
      continue;
    }
    if (c == '#' && !have) break;
    if (c == '\'') {
      size_t end = s.find('\'', i + 1);
      if (end == std::string::npos) {
        inv.error("no terminating quote in -S string");
        return false;
      }
      cur += s.substr(i + 1, end - i - 1);
      have = true;
      i = end + 1;
      continue;
    }
    if (c == '"') {
      ++i;
      while (i < s.size() && s[i] != '"') {
        if (s[i] == '\\' && i + 1 < s.size()) {
          char n = s[i + 1];
          cur += n == 'n' ? '\n' : n == 't' ? '\t' : n;
          i += 2;
        } else {
          cur += s[i++];
        }
      }
      if (i >= s.size()) {
        inv.error("no terminating quote in -S string");
        return false;
      }
      ++i;
      have = true;
      continue;
    }
    if (c == '\\' && i + 1 < s.size()) {
      char n = s[i + 1];
      if (n == 'c') break;
      if (n == '_') {
        if (have) out.push_back(cur);
        cur.clear();
        have = false;
      } else {
        cur += n == 'n' ? '\n' : n == 't' ? '\t' : n;
        have = true;
      }
      i += 2;
      continue;
    }
    if (c == '$' && i + 1 < s.size() && s[i + 1] == '{') {
      size_t end = s.find('}', i);
      if (end == std::string::npos) {
        inv.error("only ${VARNAME} expansion is supported, error at: " + s.substr(i));
        return false;
      }
      cur += inv.getenv(s.substr(i + 2, end - i - 2));
      have = true;
      i = end + 1;
      continue;
    }
    cur += c;
    have = true;
    ++i;
  }
  if (have) out.push_back(cur);
  return true;
}

int run_env(Invocation& inv) {
  // Expand -S first: its words replace it in argv, as GNU env does.
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Environment env;
  bool ignore = false;
  std::vector<std::string> operands = args.operands;
  if (!operands.empty() && operands[0] == "-") {
    ignore = true;
    operands.erase(operands.begin());
  }
  std::vector<std::string> split_words;
  for (const ParsedOption& o : args.options) {
    if (o.id == kIgnoreEnvironment) ignore = true;
    if (o.id == kSplitString && !split_string(inv, o.value, split_words)) return 125;
  }
  if (!split_words.empty()) operands.insert(operands.begin(), split_words.begin(), split_words.end());
  if (!ignore && inv.env) env = *inv.env;
  for (const ParsedOption& o : args.options) {
    if (o.id == kUnset) {
      if (o.value.empty() || o.value.find('=') != std::string::npos) {
        inv.error("cannot unset " + fsu::quote(o.value) + ": Invalid argument");
        return 125;
      }
      env.erase(o.value);
    }
  }
  size_t i = 0;
  for (; i < operands.size(); ++i) {
    size_t eq = operands[i].find('=');
    if (eq == std::string::npos || eq == 0) break;
    env[operands[i].substr(0, eq)] = operands[i].substr(eq + 1);
  }
  const std::string* chdir = args.last(kChdir);
  if (i == operands.size()) {
    if (chdir) {
      inv.error("must specify command with --chdir (-C)");
      print_try_help(inv);
      return 125;
    }
    char eol = args.has(kNull) ? '\0' : '\n';
    for (const auto& [k, v] : env) inv.out() << k << '=' << v << eol;
    return 0;
  }
  if (args.has(kNull)) {
    inv.error("cannot specify --null (-0) with command");
    print_try_help(inv);
    return 125;
  }
  Invocation child;
  child.argv.assign(operands.begin() + i, operands.end());
  child.fds = inv.fds;
  child.fs = inv.fs;
  child.cwd = inv.cwd;
  child.env = &env;
  child.host = inv.host;
  child.cancel = inv.cancel;
  child.limits = inv.limits;
  if (chdir) {
    std::string dir = inv.path(*chdir);
    if (!fsu::is_dir(*inv.fs, dir)) {
      vfs::Stat st;
      vfs::Error err = inv.fs->stat(dir, st);
      inv.error("cannot change directory to " + fsu::quote(*chdir), err ? err : vfs::make_error(ENOTDIR));
      return 125;
    }
    child.cwd = dir;
  }
  if (!inv.host) {
    inv.error(fsu::quote(child.argv[0]) + ": No such file or directory");
    return 127;
  }
  inv.out().flush();
  inv.err().flush();
  return inv.host->run_argv(child.argv, child);
}

int run_printenv(Invocation& inv) {
  static constexpr OptionSpec options[] = {
      {kNull, '0', "null", ArgKind::kNone, "end each output line with NUL, not newline"},
  };
  static constexpr CommandSpec spec{"Usage: printenv [OPTION]... [VARIABLE]...",
                                    "Print the values of the specified environment VARIABLE(s).\n"
                                    "If no VARIABLE is specified, print name and value pairs for them all.",
                                    options, 2};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  char eol = args.has(kNull) ? '\0' : '\n';
  if (args.operands.empty()) {
    if (inv.env)
      for (const auto& [k, v] : *inv.env) inv.out() << k << '=' << v << eol;
    return 0;
  }
  int status = 0;
  for (const auto& name : args.operands) {
    if (inv.env && name.find('=') == std::string::npos) {
      auto it = inv.env->find(name);
      if (it != inv.env->end()) {
        inv.out() << it->second << eol;
        continue;
      }
    }
    status = 1;
  }
  return status;
}

}  // namespace

BURROW_COMMAND(env, "run a program in a modified environment", run_env);
BURROW_COMMAND(printenv, "print all or part of environment", run_printenv);

}  // namespace burrow
