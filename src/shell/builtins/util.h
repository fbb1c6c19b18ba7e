// Helpers shared by the builtins.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "shell/interp.h"

namespace burrow::shell {

// "bash: line N: msg" on stderr, after flushing the builtin's stdout.
inline void berror(Interp& sh, Invocation& inv, std::string_view msg) {
  inv.out().flush();
  sh.error(msg);
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

int test_unary(Interp& sh, std::string_view op, const std::string& arg);
bool is_int_op(std::string_view op);
int compare_ints(std::string_view op, long long a, long long b);
int test_files(Interp& sh, std::string_view op, const std::string& a, const std::string& b);

// The declare -p form of a variable.
std::string declare_line(std::string_view name, const Var& v);
// Applies `name=value` / `name+=value` / `name=(...)` from a declaration builtin.
bool declare_assign(Interp& sh, Invocation& inv, const std::string& arg, bool local, bool global, Var** out);

}  // namespace burrow::shell
