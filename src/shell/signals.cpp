#include "shell/signals.h"

#include <cctype>

namespace burrow::shell {
namespace {

// Index = signal number; 32 and 33 are taken by glibc and have no name.
constexpr const char* kNames[] = {
    "EXIT", "HUP",  "INT",    "QUIT", "ILL",  "TRAP", "ABRT", "BUS",   "FPE",  "KILL",   "USR1",
    "SEGV", "USR2", "PIPE",   "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN",
    "TTOU", "URG",  "XCPU",   "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR",  "SYS",
};
constexpr int kNamed = sizeof kNames / sizeof kNames[0];  // 0..31
constexpr int kRtMin = 34;

}  // namespace

std::string signal_name(int number) {
  if (number >= 0 && number < kNamed) return kNames[number];
  if (number < kRtMin || number > kMaxSignal) return "";
  // bash names the lower half from RTMIN up and the upper half from RTMAX down.
  int from_min = number - kRtMin, from_max = kMaxSignal - number;
  if (number == kRtMin) return "RTMIN";
  if (number == kMaxSignal) return "RTMAX";
  if (from_min <= 15) return "RTMIN+" + std::to_string(from_min);
  return "RTMAX-" + std::to_string(from_max);
}

int signal_number(std::string_view spec) {
  if (spec.empty()) return -1;
  bool digits = true;
  for (char c : spec) digits = digits && std::isdigit(static_cast<unsigned char>(c));
  if (digits) {
    if (spec.size() > 3) return -1;
    int n = std::stoi(std::string(spec));
    return n <= kMaxSignal && (n < kNamed || n >= kRtMin) ? n : -1;
  }
  std::string upper;
  for (char c : spec) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string_view name = upper;
  if (name.size() > 3 && name.substr(0, 3) == "SIG") name.remove_prefix(3);
  for (int n = 0; n <= kMaxSignal; ++n) {
    if (signal_name(n) == name && !(n == 0 && upper != "EXIT")) return n;
  }
  return -1;
}

std::string signal_table() {
  std::string out;
  int shown = 0;
  for (int n = 1; n <= kMaxSignal; ++n) {
    std::string name = signal_name(n);
    if (name.empty()) continue;
    std::string num = std::to_string(n);
    if (num.size() < 2) out += ' ';
    out += num + ") SIG" + name;
    out += ++shown % 5 == 0 ? '\n' : '\t';
  }
  if (shown % 5 != 0) out += '\n';
  return out;
}

bool signal_terminates(int number) {
  switch (number) {
    case 0:   // only probes that the process exists
    case 17:  // CHLD
    case 18:  // CONT
    case 19:  // STOP
    case 20:  // TSTP
    case 21:  // TTIN
    case 22:  // TTOU
    case 23:  // URG
    case 28:  // WINCH
      return false;
    default:
      return true;
  }
}

std::string signal_description(int number) {
  switch (number) {
    case 1: return "Hangup";
    case 2: return "Interrupt";
    case 3: return "Quit";
    case 4: return "Illegal instruction";
    case 5: return "Trace/breakpoint trap";
    case 6: return "Aborted";
    case 7: return "Bus error";
    case 8: return "Floating point exception";
    case 9: return "Killed";
    case 10: return "User defined signal 1";
    case 11: return "Segmentation fault";
    case 12: return "User defined signal 2";
    case 13: return "Broken pipe";
    case 14: return "Alarm clock";
    case 15: return "Terminated";
    default: return "Signal " + std::to_string(number);
  }
}

std::string signal_death_report(long pid, int number, std::string_view command) {
  std::string pid_text = std::to_string(pid);
  std::string what = signal_description(number);
  if (what.size() < 24) what.resize(24, ' ');
  return std::string(pid_text.size() < 5 ? 5 - pid_text.size() : 0, ' ') + pid_text + " " + what + std::string(command);
}

}  // namespace burrow::shell
