// caller [N]: where the running function (or its Nth caller) was called from,
// read off the call stack FUNCNAME, BASH_SOURCE and BASH_LINENO show.
#include "shell/builtins/util.h"

namespace burrow::shell {
namespace {

// Element i of a column, or "NULL" past its end, as bash prints a missing one.
std::string at_or_null(const std::vector<std::string>& column, size_t i) {
  return i < column.size() ? column[i] : "NULL";
}

int b_caller(Interp& sh, Invocation& inv) {
  std::vector<std::string> names = sh.call_stack_column("FUNCNAME");
  std::vector<std::string> sources = sh.call_stack_column("BASH_SOURCE");
  std::vector<std::string> lines = sh.call_stack_column("BASH_LINENO");
  // A -c string's top level has no frame at all (a script's has "main"):
  // caller fails before it looks at its argument.
  if (lines.empty()) return 1;
  size_t i = 1;
  if (i < inv.argv.size() && inv.argv[i] == "--") ++i;
  if (i >= inv.argv.size()) {
    inv.out() << lines[0] << ' ' << at_or_null(sources, 1) << '\n';
    return 0;
  }
  const std::string& arg = inv.argv[i];
  bool numeric = !arg.empty() && arg.find_first_not_of("0123456789") == std::string::npos && arg.size() < 18;
  if (!numeric) {
    berror(sh, inv, "caller: " + arg + ": invalid number");
    inv.err() << "caller: usage: caller [expr]\n";
    return 2;
  }
  size_t n = static_cast<size_t>(std::stoll(arg));
  if (n + 1 >= names.size()) return 1;
  inv.out() << lines[n] << ' ' << names[n + 1] << ' ' << at_or_null(sources, n + 1) << '\n';
  return 0;
}

}  // namespace

BURROW_BUILTIN(caller, "caller", b_caller, false);

}  // namespace burrow::shell
