#include "shell/time_report.h"

#include <sys/resource.h>

#include <cstdio>

namespace burrow::shell {

CpuSeconds thread_cpu_seconds() {
  CpuSeconds out;
  struct rusage usage {};
  if (getrusage(RUSAGE_THREAD, &usage) == 0) {
    out.user = static_cast<double>(usage.ru_utime.tv_sec) + usage.ru_utime.tv_usec / 1e6;
    out.sys = static_cast<double>(usage.ru_stime.tv_sec) + usage.ru_stime.tv_usec / 1e6;
  }
  return out;
}

namespace {

// bash truncates to the requested precision rather than rounding.
std::string seconds_text(double seconds, int precision) {
  if (seconds < 0) seconds = 0;
  long long micros = static_cast<long long>(seconds * 1e6);
  long long whole = micros / 1000000;
  long long fraction = micros % 1000000;
  static const long long kDivisors[] = {1000000, 100000, 10000, 1000};
  char buf[64];
  if (precision == 0) {
    snprintf(buf, sizeof buf, "%lld", whole);
  } else {
    snprintf(buf, sizeof buf, "%lld.%0*lld", whole, precision, fraction / kDivisors[precision]);
  }
  return buf;
}

}  // namespace

std::string minutes_seconds(double seconds, int precision) {
  if (seconds < 0) seconds = 0;
  long long minutes = static_cast<long long>(seconds / 60);
  return std::to_string(minutes) + "m" + seconds_text(seconds - static_cast<double>(minutes) * 60, precision) + "s";
}

std::string format_time_report(std::string_view format, double real, const CpuSeconds& cpu,
                               char* bad_char) {
  std::string out;
  for (size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if (c != '%') {
      out += c;
      continue;
    }
    if (i + 1 >= format.size()) {
      out += c;
      break;
    }
    char next = format[i + 1];
    if (next == '%') {
      out += '%';
      ++i;
      continue;
    }
    if (next == 'P') {
      double percent = real > 0 ? (cpu.user + cpu.sys) * 100.0 / real : 0;
      char buf[32];
      snprintf(buf, sizeof buf, "%.2f", percent);
      out += buf;
      ++i;
      continue;
    }
    size_t j = i + 1;
    int precision = 3;
    bool long_form = false;
    if (j < format.size() && format[j] >= '0' && format[j] <= '9') {
      precision = format[j] - '0';
      if (precision > 3) precision = 3;
      ++j;
    }
    if (j < format.size() && format[j] == 'l') {
      long_form = true;
      ++j;
    }
    if (j >= format.size() || (format[j] != 'R' && format[j] != 'U' && format[j] != 'S')) {
      // bash names the offending byte (NUL when the format ends early) and
      // prints none of the report.
      if (bad_char) *bad_char = j < format.size() ? format[j] : '\0';
      return std::string();
    }
    double value = format[j] == 'R' ? real : format[j] == 'U' ? cpu.user : cpu.sys;
    out += long_form ? minutes_seconds(value, precision) : seconds_text(value, precision);
    i = j;
  }
  return out;
}

}  // namespace burrow::shell
