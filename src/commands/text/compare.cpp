#include "commands/text/compare.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

namespace burrow::text {
namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }
bool digit(char c) { return c >= '0' && c <= '9'; }

struct Number {
  bool negative = false;
  std::string_view integer;   // without leading zeros
  std::string_view fraction;  // without trailing zeros
  size_t end = 0;             // index just after the number
};

Number scan_number(std::string_view s) {
  Number n;
  size_t i = 0;
  while (i < s.size() && blank(s[i])) ++i;
  if (i < s.size() && s[i] == '-') {
    n.negative = true;
    ++i;
  }
  size_t int_start = i;
  while (i < s.size() && s[i] == '0') ++i;
  size_t sig = i;
  while (i < s.size() && digit(s[i])) ++i;
  n.integer = s.substr(sig, i - sig);
  bool any_digits = i > int_start;
  if (i < s.size() && s[i] == '.') {
    size_t f = i + 1;
    size_t j = f;
    while (j < s.size() && digit(s[j])) ++j;
    if (j > f || any_digits) {
      size_t e = j;
      while (e > f && s[e - 1] == '0') --e;
      n.fraction = s.substr(f, e - f);
      any_digits = any_digits || j > f;
      i = j;
    }
  }
  n.end = any_digits ? i : 0;
  if (n.integer.empty() && n.fraction.empty()) n.negative = false;
  return n;
}

int magnitude(const Number& a, const Number& b) {
  if (a.integer.size() != b.integer.size()) return a.integer.size() < b.integer.size() ? -1 : 1;
  int c = a.integer.compare(b.integer);
  if (c) return c < 0 ? -1 : 1;
  c = a.fraction.compare(b.fraction);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

int compare_numbers(const Number& a, const Number& b) {
  if (a.negative != b.negative) return a.negative ? -1 : 1;
  int m = magnitude(a, b);
  return a.negative ? -m : m;
}

int unit_order(char c) {
  switch (c) {
    case 'k': case 'K': return 1;
    case 'M': return 2;
    case 'G': return 3;
    case 'T': return 4;
    case 'P': return 5;
    case 'E': return 6;
    case 'Z': return 7;
    case 'Y': return 8;
    default: return 0;
  }
}

int order(unsigned char c) {
  if (digit(c)) return 0;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return c;
  if (c == '~') return -1;
  return static_cast<int>(c) + 256;
}

bool alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Length of s without its trailing suffix: (\.[A-Za-z~][A-Za-z0-9~]*)*$
size_t prefix_length(std::string_view s) {
  size_t n = s.size(), prefix = 0;
  for (size_t i = 0;;) {
    if (i == n) return prefix;
    ++i;
    prefix = i;
    while (i + 1 < n && s[i] == '.' && (alpha(s[i + 1]) || s[i + 1] == '~'))
      for (i += 2; i < n && (alpha(s[i]) || digit(s[i]) || s[i] == '~'); ++i) {
      }
  }
}

int verrevcmp(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    int first_diff = 0;
    while ((i < a.size() && !digit(a[i])) || (j < b.size() && !digit(b[j]))) {
      int ac = i == a.size() ? 0 : order(a[i]);
      int bc = j == b.size() ? 0 : order(b[j]);
      if (ac != bc) return ac - bc;
      ++i, ++j;
    }
    while (i < a.size() && a[i] == '0') ++i;
    while (j < b.size() && b[j] == '0') ++j;
    while (i < a.size() && j < b.size() && digit(a[i]) && digit(b[j])) {
      if (!first_diff) first_diff = a[i] - b[j];
      ++i, ++j;
    }
    if (i < a.size() && digit(a[i])) return 1;
    if (j < b.size() && digit(b[j])) return -1;
    if (first_diff) return first_diff;
  }
  return 0;
}

}  // namespace

int compare_numeric(std::string_view a, std::string_view b) {
  return compare_numbers(scan_number(a), scan_number(b));
}

NumericKey scan_numeric(std::string_view s) {
  Number n = scan_number(s);
  NumericKey k;
  k.integer = n.integer.data();
  k.integer_len = static_cast<uint32_t>(n.integer.size());
  k.fraction = n.fraction.data();
  k.fraction_len = static_cast<uint32_t>(n.fraction.size());
  k.negative = n.negative;
  auto pack = [](const char* p, uint32_t len) {
    uint64_t v = 0;
    for (uint32_t i = 0; i < 8; ++i) v = (v << 8) | (i < len ? static_cast<unsigned char>(p[i]) : 0);
    return v;
  };
  k.integer_head = pack(k.integer, k.integer_len);
  k.fraction_head = pack(k.fraction, k.fraction_len);
  return k;
}

int compare_numeric_keys(const NumericKey& a, const NumericKey& b) {
  if (a.negative != b.negative) return a.negative ? -1 : 1;
  int m;
  if (a.integer_len != b.integer_len) {
    m = a.integer_len < b.integer_len ? -1 : 1;
  } else {
    int c = (a.integer_head > b.integer_head) - (a.integer_head < b.integer_head);
    if (!c && a.integer_len > 8) c = std::memcmp(a.integer + 8, b.integer + 8, a.integer_len - 8);
    if (!c) {
      // Zero padding in the heads orders a shorter fraction first, as the
      // full comparison below would.
      c = (a.fraction_head > b.fraction_head) - (a.fraction_head < b.fraction_head);
      uint32_t n = std::min(a.fraction_len, b.fraction_len);
      if (!c && n > 8) c = std::memcmp(a.fraction + 8, b.fraction + 8, n - 8);
      if (!c) c = (a.fraction_len > b.fraction_len) - (a.fraction_len < b.fraction_len);
    }
    m = c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  return a.negative ? -m : m;
}

int compare_human(std::string_view a, std::string_view b) {
  auto order_of = [](std::string_view s, const Number& n) {
    if (n.end == 0 || (n.integer.empty() && n.fraction.empty())) return 0;
    int o = n.end < s.size() ? unit_order(s[n.end]) : 0;
    return n.negative ? -o : o;
  };
  Number na = scan_number(a), nb = scan_number(b);
  int diff = order_of(a, na) - order_of(b, nb);
  if (diff) return diff;
  return compare_numbers(na, nb);
}

int compare_general(std::string_view a, std::string_view b) {
  std::string sa(a), sb(b);
  char *ea, *eb;
  long double x = strtold(sa.c_str(), &ea);
  long double y = strtold(sb.c_str(), &eb);
  bool a_num = ea != sa.c_str(), b_num = eb != sb.c_str();
  if (!a_num) return b_num ? -1 : 0;
  if (!b_num) return 1;
  if (x < y) return -1;
  if (x > y) return 1;
  if (x == y) return 0;
  if (y == y) return -1;  // x is NaN
  if (x == x) return 1;
  return 0;
}

int month_number(std::string_view s) {
  static const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                  "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  size_t i = 0;
  while (i < s.size() && (blank(s[i]) || s[i] == '\n')) ++i;
  if (s.size() - i < 3) return 0;
  char m[3];
  for (int k = 0; k < 3; ++k) m[k] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[i + k])));
  for (int k = 0; k < 12; ++k)
    if (std::memcmp(m, kMonths[k], 3) == 0) return k + 1;
  return 0;
}

int compare_version(std::string_view a, std::string_view b) {
  if (a.empty()) return b.empty() ? 0 : -1;
  if (b.empty()) return 1;
  if (a[0] == '.') {
    if (b[0] != '.') return -1;
    bool adot = a.size() == 1, bdot = b.size() == 1;
    if (adot) return bdot ? 0 : -1;
    if (bdot) return 1;
    bool adotdot = a[1] == '.' && a.size() == 2, bdotdot = b[1] == '.' && b.size() == 2;
    if (adotdot) return bdotdot ? 0 : -1;
    if (bdotdot) return 1;
  } else if (b[0] == '.') {
    return 1;
  }
  size_t ap = prefix_length(a), bp = prefix_length(b);
  bool one_pass = ap == a.size() && bp == b.size();
  int r = verrevcmp(a.substr(0, ap), b.substr(0, bp));
  return r || one_pass ? r : verrevcmp(a, b);
}

}  // namespace burrow::text
