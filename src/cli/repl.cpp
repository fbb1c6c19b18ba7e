#include "cli/repl.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#ifdef BURROW_HAVE_LIBEDIT
#include <editline/readline.h>
#endif

namespace burrow::cli {
namespace {

// Reads one line without its newline; false at end of input.
bool read_line(const char* prompt, std::string& line) {
#ifdef BURROW_HAVE_LIBEDIT
  char* text = readline(prompt);
  if (!text) return false;
  line = text;
  if (!line.empty()) add_history(text);
  std::free(text);
  return true;
#else
  std::fputs(prompt, stdout);
  std::fflush(stdout);
  return static_cast<bool>(std::getline(std::cin, line));
#endif
}

}  // namespace

int run_repl(Sandbox& sandbox) {
  StreamIO io;
  io.read_stdin = [](char* buf, size_t n) -> size_t {
    ssize_t got = ::read(0, buf, n);
    return got > 0 ? static_cast<size_t>(got) : 0;
  };
  io.write_stdout = [](std::string_view d) { ::write(1, d.data(), d.size()) < 0 ? void() : void(); };
  io.write_stderr = [](std::string_view d) { ::write(2, d.data(), d.size()) < 0 ? void() : void(); };
  io.stdin_is_terminal = ::isatty(0);
  io.stdout_is_terminal = ::isatty(1);

  int status = 0;
  std::string pending, line;
  for (;;) {
    if (!read_line(pending.empty() ? "burrow$ " : "> ", line)) {
      std::fputs("exit\n", stderr);
      break;
    }
    pending += line;
    pending += '\n';
    if (!sandbox.is_complete(pending)) continue;
    status = sandbox.exec_streaming(pending, io);
    pending.clear();
    if (sandbox.exited()) break;
  }
  return status;
}

}  // namespace burrow::cli
