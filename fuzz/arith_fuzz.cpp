// libFuzzer target for shell arithmetic: any expression text, evaluated
// through $((...)), `let`, (( )) and an integer variable, must give a value
// or bash's error, never a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "burrow/sandbox.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  std::string expr(reinterpret_cast<const char*>(data), size);
  burrow::SandboxOptions options;
  options.limits.wall_time_seconds = 2;
  options.limits.max_string_bytes = 1 << 20;
  options.limits.max_output_bytes = 1 << 20;
  auto sandbox = burrow::Sandbox::create(options);
  // The text arrives quoted, as a variable's value, so that only arithmetic
  // (which evaluates variable values recursively) interprets it.
  std::string q = burrow::shell_quote(expr);
  sandbox->exec("e=" + q + "; echo $((e)); let \"r = e\"; ((e)); declare -i i; i=" + q +
                "; a[e]=1; echo ${a[@]} ${e:e:e}; for ((k=0; k<3 && (e); k++)); do :; done");
  return 0;
}
