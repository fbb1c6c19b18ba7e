// The generic parts of the public API that need no interpreter internals.
#include "burrow/sandbox.h"

namespace burrow {

std::string shell_quote(std::string_view word) {
  std::string out = "'";
  for (char c : word) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  out += '\'';
  return out;
}

int Sandbox::run_bash(const std::vector<std::string>& argv, const StreamIO& io) {
  // `exec bash ...` makes the nested shell's status the script's own and
  // leaves $0, positional parameters and error prefixes exactly as bash sets them.
  std::string script = "exec bash";
  for (size_t i = 1; i < argv.size(); ++i) {
    script += ' ';
    script += shell_quote(argv[i]);
  }
  return exec_streaming(script, io);
}

}  // namespace burrow
