// Comparison functions shared by sort, ls -v style users, uniq, join:
// GNU's numeric (-n), human (-h), general numeric (-g), month (-M) and
// version (-V, gnulib filevercmp) orderings.
#pragma once

#include <cstdint>
#include <string_view>

namespace burrow::text {

// -n: compares leading decimal numbers without converting them. Leading
// blanks are skipped; text that is not a number counts as zero.
int compare_numeric(std::string_view a, std::string_view b);
// A number scanned once for repeated -n comparisons.
struct NumericKey {
  const char* integer = nullptr;   // significant integer digits
  const char* fraction = nullptr;  // fraction digits without trailing zeros
  uint32_t integer_len = 0, fraction_len = 0;
  bool negative = false;
  // The first 8 integer and fraction digits packed big-endian: most
  // comparisons end here without touching the line's memory again.
  uint64_t integer_head = 0, fraction_head = 0;
};
NumericKey scan_numeric(std::string_view s);
int compare_numeric_keys(const NumericKey& a, const NumericKey& b);

// -h: like -n, but a unit suffix (K, M, G, ... Y) orders first.
int compare_human(std::string_view a, std::string_view b);
// -g: strtold; non-numbers first, then NaNs, then numbers.
int compare_general(std::string_view a, std::string_view b);
// -M: "JAN" < ... < "DEC"; anything else sorts before.
int month_number(std::string_view s);
// -V: gnulib filevercmp.
int compare_version(std::string_view a, std::string_view b);

}  // namespace burrow::text
