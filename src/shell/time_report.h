// What the `time` keyword and the `times` builtin print.
#pragma once

#include <string>
#include <string_view>

namespace burrow::shell {

struct CpuSeconds {
  double user = 0;
  double sys = 0;
};

// CPU time used so far by the calling thread: a session's commands run on
// its own threads, so this is the sandbox's equivalent of a process's times.
CpuSeconds thread_cpu_seconds();

// Expands a TIMEFORMAT string: %[p][l]R, %[p][l]U, %[p][l]S, %P and %%.
// An unknown conversion sets *bad_char and returns "" (bash reports the
// character and prints nothing of the report).
std::string format_time_report(std::string_view format, double real, const CpuSeconds& cpu,
                               char* bad_char);

// bash's default TIMEFORMAT, and the one `time -p` uses.
inline constexpr std::string_view kDefaultTimeFormat = "\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS";
inline constexpr std::string_view kPosixTimeFormat = "real %2R\nuser %2U\nsys %2S";

// "1m2.345s": the long form of a duration, as `times` and %lR print it.
std::string minutes_seconds(double seconds, int precision);

}  // namespace burrow::shell
