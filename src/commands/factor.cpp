// factor: print prime factors (GNU coreutils 9), for numbers up to 2^128-1.
#include <algorithm>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

using u64 = uint64_t;
using u128 = unsigned __int128;

constexpr CommandSpec kSpec{
    "Usage: factor [NUMBER]...",
    "Print the prime factors of each specified integer NUMBER.  If none\n"
    "are specified on the command line, read them from standard input.",
    {},
};

u128 mulmod(u128 a, u128 b, u128 m) {
  if ((a >> 64) == 0 && (b >> 64) == 0 && (m >> 64) == 0) return (a * b) % m;
  u128 r = 0;
  a %= m;
  while (b) {
    if (b & 1) {
      r = r >= m - a ? r - (m - a) : r + a;
    }
    b >>= 1;
    a = a >= m - a ? a - (m - a) : a + a;
  }
  return r;
}

u128 powmod(u128 b, u128 e, u128 m) {
  u128 r = 1;
  b %= m;
  while (e) {
    if (e & 1) r = mulmod(r, b, m);
    b = mulmod(b, b, m);
    e >>= 1;
  }
  return r;
}

bool is_prime(u128 n) {
  if (n < 2) return false;
  static const u64 kSmall[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71};
  for (u64 p : kSmall) {
    if (n == p) return true;
    if (n % p == 0) return false;
  }
  u128 d = n - 1;
  int s = 0;
  while ((d & 1) == 0) d >>= 1, ++s;
  for (u64 a : kSmall) {
    u128 x = powmod(a, d, n);
    if (x == 1 || x == n - 1) continue;
    bool composite = true;
    for (int r = 1; r < s; ++r) {
      x = mulmod(x, x, n);
      if (x == n - 1) {
        composite = false;
        break;
      }
    }
    if (composite) return false;
  }
  return true;
}

u128 gcd(u128 a, u128 b) {
  while (b) {
    u128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

u128 rho(u128 n, Invocation& inv) {
  for (u128 c = 1;; ++c) {
    u128 x = 2, y = 2, d = 1;
    auto f = [&](u128 v) {
      u128 r = mulmod(v, v, n) + c;
      return r >= n ? r - n : r;
    };
    uint64_t steps = 0;
    while (d == 1) {
      x = f(x);
      y = f(f(y));
      d = gcd(x > y ? x - y : y - x, n);
      if ((++steps & 0xffff) == 0 && inv.cancelled()) return n;
    }
    if (d != n) return d;
  }
}

void factorize(u128 n, std::vector<u128>& out, Invocation& inv) {
  if (n < 2) return;
  for (u64 p : {2ULL, 3ULL, 5ULL}) {
    while (n % p == 0) {
      out.push_back(p);
      n /= p;
    }
  }
  for (u64 p = 7; p < 1000 && static_cast<u128>(p) * p <= n; p += 2) {
    while (n % p == 0) {
      out.push_back(p);
      n /= p;
    }
  }
  std::vector<u128> stack;
  if (n > 1) stack.push_back(n);
  while (!stack.empty()) {
    u128 m = stack.back();
    stack.pop_back();
    if (m == 1) continue;
    if (is_prime(m)) {
      out.push_back(m);
      continue;
    }
    u128 d = rho(m, inv);
    if (d == m) return;  // cancelled
    stack.push_back(d);
    stack.push_back(m / d);
  }
  std::sort(out.begin(), out.end());
}

std::string to_string(u128 v) {
  if (v == 0) return "0";
  std::string s;
  while (v) {
    s += static_cast<char>('0' + static_cast<int>(v % 10));
    v /= 10;
  }
  std::reverse(s.begin(), s.end());
  return s;
}

bool factor_one(Invocation& inv, std::string_view tok) {
  std::string_view t = tok;
  if (!t.empty() && t[0] == '+') t.remove_prefix(1);
  u128 v = 0;
  bool ok = !t.empty();
  for (char c : t) {
    if (c < '0' || c > '9') {
      ok = false;
      break;
    }
    u128 nv = v * 10 + (c - '0');
    if (nv / 10 != v) {
      ok = false;
      break;
    }
    v = nv;
  }
  if (!ok) {
    inv.error(text::quote(tok) + " is not a valid positive integer");
    return false;
  }
  std::vector<u128> f;
  factorize(v, f, inv);
  std::string line = to_string(v) + ":";
  for (u128 p : f) line += " " + to_string(p);
  line += "\n";
  inv.out() << line;
  return true;
}

int run_factor(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  int status = 0;
  if (!args.operands.empty()) {
    for (const std::string& a : args.operands)
      if (!factor_one(inv, a)) status = 1;
  } else {
    std::string line;
    while (inv.in().read_line(line)) {
      size_t i = 0;
      while (i < line.size()) {
        while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
        size_t s = i;
        while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
        if (i > s && !factor_one(inv, std::string_view(line).substr(s, i - s))) status = 1;
      }
      if (inv.cancelled()) return 130;
    }
  }
  if (text::report_write_error(inv)) status = 1;
  return status;
}

}  // namespace

BURROW_COMMAND(factor, "print prime factors", run_factor);

}  // namespace burrow
