#include "commands/bc/number.h"

#include <algorithm>
#include <vector>

namespace burrow::bc {
namespace {

// Longest number bc will build: a hostile 2^99999999 ends with an error.
constexpr size_t kMaxDigits = 1'000'000;

std::string strip(std::string d) {
  size_t i = 0;
  while (i + 1 < d.size() && d[i] == '0') ++i;
  d.erase(0, i);
  return d.empty() ? "0" : d;
}

int cmp_mag(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  int c = a.compare(b);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

std::string add_mag(const std::string& a, const std::string& b) {
  std::string out;
  out.reserve(std::max(a.size(), b.size()) + 1);
  int carry = 0;
  for (size_t i = 0; i < std::max(a.size(), b.size()) || carry; ++i) {
    int s = carry;
    if (i < a.size()) s += a[a.size() - 1 - i] - '0';
    if (i < b.size()) s += b[b.size() - 1 - i] - '0';
    out.push_back(static_cast<char>('0' + s % 10));
    carry = s / 10;
  }
  std::reverse(out.begin(), out.end());
  return strip(out);
}

// a - b with |a| >= |b|.
std::string sub_mag(const std::string& a, const std::string& b) {
  std::string out;
  out.reserve(a.size());
  int borrow = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    int d = (a[a.size() - 1 - i] - '0') - borrow - (i < b.size() ? b[b.size() - 1 - i] - '0' : 0);
    borrow = d < 0;
    out.push_back(static_cast<char>('0' + (d + 10) % 10));
  }
  std::reverse(out.begin(), out.end());
  return strip(out);
}

std::string mul_mag(const std::string& a, const std::string& b) {
  if (a == "0" || b == "0") return "0";
  if (a.size() + b.size() > kMaxDigits) throw BcError("number too long");
  std::vector<unsigned long long> acc(a.size() + b.size(), 0);
  for (size_t i = 0; i < a.size(); ++i) {
    unsigned long long da = a[a.size() - 1 - i] - '0';
    if (!da) continue;
    for (size_t j = 0; j < b.size(); ++j) acc[i + j] += da * (b[b.size() - 1 - j] - '0');
    // Keep the accumulators small enough never to overflow.
    if (i % 1000000 == 999999)
      for (size_t k = 0; k + 1 < acc.size(); ++k) acc[k + 1] += acc[k] / 10, acc[k] %= 10;
  }
  std::string out;
  unsigned long long carry = 0;
  for (size_t k = 0; k < acc.size(); ++k) {
    unsigned long long v = acc[k] + carry;
    out.push_back(static_cast<char>('0' + v % 10));
    carry = v / 10;
  }
  while (carry) out.push_back(static_cast<char>('0' + carry % 10)), carry /= 10;
  std::reverse(out.begin(), out.end());
  return strip(out);
}

// Quotient of a / b (b != 0), truncated; long division digit by digit.
std::string div_mag(const std::string& a, const std::string& b) {
  std::string q, rem = "0";
  q.reserve(a.size());
  for (char c : a) {
    rem = rem == "0" ? std::string(1, c) : rem + c;
    rem = strip(rem);
    int digit = 0;
    while (cmp_mag(rem, b) >= 0) {
      rem = sub_mag(rem, b);
      ++digit;
    }
    q.push_back(static_cast<char>('0' + digit));
  }
  return strip(q);
}

std::string shift(const std::string& d, int zeros) {
  if (d == "0" || zeros <= 0) return d;
  if (d.size() + zeros > kMaxDigits) throw BcError("number too long");
  return d + std::string(zeros, '0');
}

}  // namespace

Number Number::make(std::string digits, int scale, bool negative) {
  Number n;
  n.digits_ = strip(std::move(digits));
  n.scale_ = scale;
  n.negative_ = negative && n.digits_ != "0";
  return n;
}

Number Number::from_int(long long v) {
  unsigned long long m = v < 0 ? 0ull - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
  return make(std::to_string(m), 0, v < 0);
}

Number Number::parse(const std::string& text, int base) {
  size_t dot = text.find('.');
  std::string ip = text.substr(0, dot), fp = dot == std::string::npos ? "" : text.substr(dot + 1);
  auto digit = [&](char c) {
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 0;
    // bc takes a digit above the base as the base's largest digit.
    return std::min(d, base - 1);
  };
  if (base == 10) {
    bool all_decimal = std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
    if (all_decimal) return make(ip + fp, static_cast<int>(fp.size()), false);
  }
  // Other bases: the integer part digit by digit, the fraction to as many
  // decimal digits as it has digits (bc's rule).
  Number b = from_int(base), value;
  for (char c : ip) value = add(mul(value, b, 0), from_int(digit(c)));
  if (!fp.empty()) {
    Number frac, place = from_int(1);
    int sc = static_cast<int>(fp.size());
    for (char c : fp) {
      place = div(place, b, sc + 2);
      frac = add(frac, mul(from_int(digit(c)), place, sc + 2));
    }
    value = add(value, frac.truncated(sc));
  }
  return value;
}

std::string Number::int_part() const {
  if (static_cast<int>(digits_.size()) <= scale_) return "0";
  return digits_.substr(0, digits_.size() - scale_);
}

std::string Number::frac_part() const {
  if (scale_ == 0) return "";
  if (static_cast<int>(digits_.size()) >= scale_) return digits_.substr(digits_.size() - scale_);
  return std::string(scale_ - digits_.size(), '0') + digits_;
}

long long Number::to_int() const {
  std::string ip = int_part();
  if (ip.size() > 18) throw BcError("integer too large");
  long long v = std::stoll(ip);
  return negative() ? -v : v;
}

Number Number::neg() const { return make(digits_, scale_, !negative_); }

Number Number::truncated(int scale) const {
  if (scale >= scale_) return *this;
  int drop = scale_ - scale;
  std::string d = static_cast<int>(digits_.size()) > drop ? digits_.substr(0, digits_.size() - drop) : "0";
  return make(d, scale, negative_);
}

Number Number::extended(int scale) const {
  if (scale <= scale_) return *this;
  return make(shift(digits_, scale - scale_), scale, negative_);
}

int Number::compare(const Number& a, const Number& b) {
  int s = std::max(a.scale_, b.scale_);
  Number x = a.extended(s), y = b.extended(s);
  if (x.negative() != y.negative()) return x.negative() ? -1 : 1;
  int c = cmp_mag(x.digits_, y.digits_);
  return x.negative() ? -c : c;
}

Number Number::add(const Number& a, const Number& b) {
  int s = std::max(a.scale_, b.scale_);
  Number x = a.extended(s), y = b.extended(s);
  if (x.negative() == y.negative()) return make(add_mag(x.digits_, y.digits_), s, x.negative());
  int c = cmp_mag(x.digits_, y.digits_);
  if (c == 0) return make("0", s, false);
  if (c > 0) return make(sub_mag(x.digits_, y.digits_), s, x.negative());
  return make(sub_mag(y.digits_, x.digits_), s, y.negative());
}

Number Number::sub(const Number& a, const Number& b) { return add(a, b.neg()); }

Number Number::mul(const Number& a, const Number& b, int scale) {
  // bc: min(a.scale + b.scale, max(scale, a.scale, b.scale)).
  int full = a.scale_ + b.scale_;
  int want = std::min(full, std::max({scale, a.scale_, b.scale_}));
  Number r = make(mul_mag(a.digits_, b.digits_), full, a.negative() != b.negative());
  return r.truncated(want);
}

Number Number::div(const Number& a, const Number& b, int scale) {
  if (b.is_zero()) throw BcError("Divide by zero");
  // q = a / b to `scale` digits: (a.d * 10^(scale + b.s - a.s)) / b.d.
  int exp = scale + b.scale_ - a.scale_;
  std::string num = a.digits_, den = b.digits_;
  if (exp >= 0) num = shift(num, exp);
  else den = shift(den, -exp);
  return make(div_mag(num, den), scale, a.negative() != b.negative());
}

Number Number::mod(const Number& a, const Number& b, int scale) {
  if (b.is_zero()) throw BcError("Modulo by zero");
  // a - (a / b) * b, the quotient at `scale`, the result at
  // max(scale + b.scale, a.scale).
  Number q = div(a, b, scale);
  int rs = std::max(scale + b.scale_, a.scale_);
  Number prod = mul(q, b, rs);
  return sub(a, prod).truncated(rs);
}

Number Number::pow(const Number& a, const Number& exponent, int scale) {
  // A fractional exponent is truncated (bc warns about it first).
  std::string ip = exponent.int_part();
  if (ip.size() > 9) throw BcError("exponent too large in raise");
  long long e = std::stoll(ip);
  bool negative_exp = exponent.negative();
  if (e == 0) return from_int(1);
  if (!negative_exp && static_cast<double>(a.digits_.size()) * static_cast<double>(e) > 2.0 * kMaxDigits &&
      a.digits_ != "1")
    throw BcError("number too long");
  int want = negative_exp ? scale : static_cast<int>(std::min<long long>(a.scale_ * e, std::max(scale, a.scale_)));
  // Square and multiply, keeping enough digits for the final truncation.
  int work = std::max(want, a.scale_) + 10;
  Number result = from_int(1), base = a;
  long long n = e;
  while (n > 0) {
    if (n & 1) result = mul(result, base, work);
    n >>= 1;
    if (n) base = mul(base, base, work);
  }
  if (negative_exp) return div(from_int(1), result, scale);
  return result.truncated(want);
}

Number Number::sqrt(const Number& a, int scale) {
  if (a.negative()) throw BcError("Square root of a negative number");
  int want = std::max(scale, a.scale_);
  if (a.is_zero()) return make("0", want, false);
  // Integer square root of a * 10^(2*want), by Newton's method on digits.
  Number n = a.extended(2 * want);
  std::string target = n.digits_;
  if (n.scale_ > 2 * want) target = n.truncated(2 * want).digits_;
  std::string x = "1" + std::string((target.size() + 1) / 2, '0');
  for (;;) {
    std::string y = div_mag(add_mag(x, div_mag(target, x)), "2");
    if (cmp_mag(y, x) >= 0) break;
    x = y;
  }
  return make(x, want, false);
}

int Number::length() const {
  if (is_zero()) return std::max(1, scale_);
  int digits = static_cast<int>(digits_.size());
  return std::max(digits, scale_);
}

std::string Number::to_string(int obase) const {
  if (is_zero()) return "0";  // whatever its scale
  std::string out;
  if (negative()) out += '-';
  std::string ip = int_part(), fp = frac_part();
  if (obase == 10) {
    if (ip != "0" || fp.empty()) out += ip;
    if (!fp.empty()) out += "." + fp;
    if (is_zero() && fp.empty()) return "0";
    return out;
  }
  // Other bases: integer digits by repeated division; the fraction by
  // repeated multiplication, as many digits as needed for the scale.
  auto digit_text = [&](long long d) {
    const char* hex = "0123456789ABCDEF";
    if (obase <= 16) return std::string(1, hex[d]);
    std::string s = std::to_string(d);
    int width = static_cast<int>(std::to_string(obase - 1).size());
    return " " + std::string(width - s.size(), '0') + s;
  };
  Number b = from_int(obase);
  Number whole = make(ip, 0, false);
  std::string idigits;
  // GNU bc and dc print ".002", not "0.002", in other bases too.
  if (whole.is_zero() && scale_ == 0) idigits = obase <= 16 ? "0" : digit_text(0);
  while (!whole.is_zero()) {
    Number q = div(whole, b, 0);
    Number r = sub(whole, mul(q, b, 0));
    idigits = digit_text(r.to_int()) + idigits;
    whole = q;
  }
  out += idigits;
  if (scale_ > 0) {
    out += '.';
    Number frac = make(fp, scale_, false);
    Number place = from_int(1);
    Number limit = make("1", scale_, false);  // 10^-scale
    while (Number::compare(place, limit) > 0) {
      frac = mul(frac, b, scale_);
      Number d = make(frac.int_part(), 0, false);
      std::string digit = digit_text(d.to_int());
      // The first fractional digit of a large base has no separating space.
      if (obase > 16 && out.back() == '.') digit.erase(0, 1);
      out += digit;
      frac = sub(frac, d);
      place = div(place, b, scale_ + 5);
    }
  }
  return out;
}

}  // namespace burrow::bc
