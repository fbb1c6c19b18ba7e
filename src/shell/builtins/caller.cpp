// caller [N]: where the running function (or its Nth caller) was called from,
// read off the same call stack as FUNCNAME and BASH_LINENO.
#include "shell/builtins/util.h"

namespace burrow::shell {
namespace {

// The file frame `i` of FUNCNAME was defined in: scripts have one source for
// every frame; under a -c string bash names a function's "environment" and
// the top level's NULL.
std::string frame_source(Interp& sh, long long i) {
  auto bs = sh.st.globals.find("BASH_SOURCE");
  if (bs == sh.st.globals.end() || bs->second.array.empty())
    return i < static_cast<long long>(sh.func_names_.size()) ? "environment" : "NULL";
  auto it = bs->second.array.find(i);
  return it != bs->second.array.end() ? it->second : bs->second.array.rbegin()->second;
}

int b_caller(Interp& sh, Invocation& inv) {
  Var names, lines;
  bool in_function = sh.call_stack_array("FUNCNAME", names) && sh.call_stack_array("BASH_LINENO", lines);
  // A -c string's top level has no frame at all; a script's has "main".
  bool script = frame_source(sh, 0) != "NULL" && frame_source(sh, 0) != "environment";
  if (!in_function && !script) return 1;
  size_t i = 1;
  if (i < inv.argv.size() && inv.argv[i] == "--") ++i;
  if (i >= inv.argv.size()) {
    if (!in_function) inv.out() << "0 NULL\n";
    else inv.out() << lines.array[0] << ' ' << frame_source(sh, 1) << '\n';
    return 0;
  }
  const std::string& arg = inv.argv[i];
  bool numeric = !arg.empty() && arg.find_first_not_of("0123456789") == std::string::npos && arg.size() < 18;
  if (!numeric) {
    berror(sh, inv, "caller: " + arg + ": invalid number");
    inv.err() << "caller: usage: caller [expr]\n";
    return 2;
  }
  if (!in_function) return 1;
  long long n = std::stoll(arg);
  auto name = names.array.find(n + 1);
  auto line = lines.array.find(n);
  if (name == names.array.end() || line == lines.array.end()) return 1;
  inv.out() << line->second << ' ' << name->second << ' ' << frame_source(sh, n + 1) << '\n';
  return 0;
}

}  // namespace

BURROW_BUILTIN(caller, "caller", b_caller, false);

}  // namespace burrow::shell
