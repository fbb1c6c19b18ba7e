// Helpers shared by the builtins.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "shell/interp.h"

namespace burrow::shell {

// "bash: line N: msg" on stderr, after flushing the builtin's stdout.
inline void berror(Interp& sh, Invocation& inv, std::string_view msg) {
  inv.out().flush();
  sh.error(msg);
}

// bash's option scan for a builtin, as its internal getopt reads options:
// bundled letters up to "--" or the first operand. `optstring` lists the
// letters (empty: any letter, none taking an argument), a ':' after one that
// takes an argument (attached, -ppath, or the next word). `on_opt(c, arg)`
// returns false for a letter it rejects. A missing argument is reported as
// "NAME: -c: option requires an argument" plus `usage`. Returns the index of
// the first operand, or -1 after an error.
template <class OnOpt>
int scan_options(Interp& sh, Invocation& inv, std::string_view usage, std::string_view optstring, OnOpt on_opt) {
  size_t i = 1;
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a == "--") return static_cast<int>(i + 1);
    if (a.size() < 2 || a[0] != '-') break;
    for (size_t k = 1; k < a.size(); ++k) {
      char c = a[k];
      size_t at = c == ':' ? std::string_view::npos : optstring.find(c);
      bool known = optstring.empty() || at != std::string_view::npos;
      bool takes_arg = at != std::string_view::npos && at + 1 < optstring.size() && optstring[at + 1] == ':';
      std::string arg;
      if (takes_arg) {
        if (k + 1 < a.size()) {
          arg = a.substr(k + 1);
        } else if (i + 1 < inv.argv.size()) {
          arg = inv.argv[++i];
        } else {
          berror(sh, inv, inv.argv[0] + ": -" + c + ": option requires an argument");
          inv.err() << usage;
          return -1;
        }
      }
      if (known && on_opt(c, arg)) {
        if (takes_arg) break;  // the rest of the word was the argument
        continue;
      }
      berror(sh, inv, inv.argv[0] + ": -" + c + ": invalid option");
      inv.err() << usage;
      return -1;
    }
  }
  return static_cast<int>(i);
}

// scan_options for builtins whose options are all plain flags: `on_flag(c)`
// returns false for a flag it does not know, which ends the scan with
// "NAME: -c: invalid option" and `usage` on stderr.
template <class OnFlag>
int scan_flags(Interp& sh, Invocation& inv, std::string_view usage, OnFlag on_flag) {
  return scan_options(sh, inv, usage, {}, [&](char c, const std::string&) { return on_flag(c); });
}

inline bool parse_long(std::string_view s, long long& out) {
  if (s.empty()) return false;
  size_t i = 0;
  bool neg = false;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
  if (i >= s.size()) return false;
  long long v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') {
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
      if (i < s.size()) return false;
      break;
    }
    if (v > (INT64_MAX - 9) / 10) return false;  // too big to be a number here
    v = v * 10 + (s[i] - '0');
  }
  out = neg ? -v : v;
  return true;
}

// Option names as `set -o` and `shopt` list them (compgen -A setopt / shopt).
std::vector<std::string> set_option_names();
std::vector<std::string> shopt_names();

int test_unary(Interp& sh, std::string_view op, const std::string& arg);
bool is_int_op(std::string_view op);
int compare_ints(std::string_view op, long long a, long long b);
int test_files(Interp& sh, std::string_view op, const std::string& a, const std::string& b);

// The declare -p form of a variable.
std::string declare_line(std::string_view name, const Var& v);
// Applies `name=value` / `name+=value` / `name=(...)` from a declaration builtin.
bool declare_assign(Interp& sh, Invocation& inv, const std::string& arg, bool local, bool global, Var** out);

}  // namespace burrow::shell
