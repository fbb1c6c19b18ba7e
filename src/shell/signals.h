// Signal names and numbers as bash on Linux (x86-64) knows them, for `kill`,
// `trap` and job status reports. Signals here never reach host processes:
// they are delivered to the session's own shells and jobs (ShellContext).
#pragma once

#include <string>
#include <string_view>

namespace burrow::shell {

constexpr int kMaxSignal = 64;

// "TERM", "SIGTERM", "sigterm" or "15" -> 15; "EXIT" and "0" -> 0; -1 when
// the spec names no signal (trap's DEBUG, ERR and RETURN are not signals).
int signal_number(std::string_view spec);

// 15 -> "TERM" (no SIG prefix; real-time ones as "RTMIN+3"); "" when unknown.
std::string signal_name(int number);

// The table `kill -l` and `trap -l` print.
std::string signal_table();

// What an untrapped signal does to a process: true when it ends it (TERM,
// INT, HUP, USR1, ...), false for those ignored by default (CHLD, CONT, URG,
// WINCH) and for the stop signals, which have no effect without job control.
bool signal_terminates(int number);

// How bash reports a job ended by `number` in `jobs`: "Terminated", "Killed",
// "Interrupt", ...
std::string signal_description(int number);

// bash's line for a job that a signal ended, after its "bash: line N: "
// prefix: "  1004 Killed                  sleep 5".
std::string signal_death_report(long pid, int number, std::string_view command);

// Signals whose deaths bash reports when it reaps the job: not INT, PIPE or
// TERM, which end jobs routinely.
inline bool signal_death_is_reported(int number) { return number != 0 && number != 2 && number != 13 && number != 15; }

}  // namespace burrow::shell
