// libFuzzer target for pattern matching: any pattern and subject (split at
// the first NUL byte) through [[ == ]], case, ${x#pat}, ${x//pat/r} and
// pathname expansion, with extglob and globstar on. No crash, no hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "burrow/sandbox.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 2048) return 0;
  std::string input(reinterpret_cast<const char*>(data), size);
  size_t nul = input.find('\0');
  std::string pattern = input.substr(0, nul);
  std::string subject = nul == std::string::npos ? pattern : input.substr(nul + 1);
  burrow::SandboxOptions options;
  options.limits.wall_time_seconds = 2;
  options.limits.max_output_bytes = 1 << 20;
  auto sandbox = burrow::Sandbox::create(options);
  sandbox->exec("shopt -s extglob globstar dotglob; mkdir -p /tmp/g/a/b; touch /tmp/g/x.txt /tmp/g/a/.h /tmp/g/a/b/c;"
                "cd /tmp/g; p=" + burrow::shell_quote(pattern) + "; s=" + burrow::shell_quote(subject) +
                "; [[ $s == $p ]]; case $s in $p) echo m;; esac; echo \"${s#$p}\" \"${s%%$p}\" \"${s//$p/-}\";"
                "echo $p; echo **/$p; compgen -G \"$p\"");
  return 0;
}
