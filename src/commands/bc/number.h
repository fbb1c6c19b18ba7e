// Arbitrary-precision decimal numbers as GNU bc computes with them: a sign,
// decimal digits and a scale (digits after the point). Results are
// truncated, never rounded, to the scale bc's rules give each operator.
#pragma once

#include <stdexcept>
#include <string>

namespace burrow::bc {

// Thrown for "Divide by zero" and other runtime errors bc reports.
struct BcError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Number {
 public:
  Number() = default;
  static Number from_int(long long v);
  // Parses digits in `base` (bc's ibase): "12.5", "FF", ".5".
  static Number parse(const std::string& text, int base = 10);

  bool is_zero() const { return digits_ == "0"; }
  bool negative() const { return negative_ && !is_zero(); }
  int scale() const { return scale_; }
  // Digits before the point ("0" when none) and after it.
  std::string int_part() const;
  std::string frac_part() const;
  long long to_int() const;  // truncated; throws when it does not fit

  Number neg() const;
  Number truncated(int scale) const;  // fewer fractional digits
  Number extended(int scale) const;   // more (zero) fractional digits

  static int compare(const Number& a, const Number& b);
  static Number add(const Number& a, const Number& b);
  static Number sub(const Number& a, const Number& b);
  static Number mul(const Number& a, const Number& b, int scale);
  static Number div(const Number& a, const Number& b, int scale);
  static Number mod(const Number& a, const Number& b, int scale);
  static Number pow(const Number& a, const Number& exponent, int scale);
  static Number sqrt(const Number& a, int scale);

  // bc's output: "-.5", "12.340", in obase, lines wrapped at line_length.
  std::string to_string(int obase = 10) const;

  // The number of significant digits, as bc's length() counts them.
  int length() const;

 private:
  // Magnitude as decimal digits, most significant first, no leading zeros
  // (zero is "0"); the value is digits_ * 10^-scale_.
  std::string digits_ = "0";
  int scale_ = 0;
  bool negative_ = false;

  static Number make(std::string digits, int scale, bool negative);
};

}  // namespace burrow::bc
