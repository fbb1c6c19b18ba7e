// Malformed input fed to every registered command: NUL bytes, invalid UTF-8,
// a megabyte-long line, a megabyte-long word. Nothing may crash or hang; each
// run ends within a few seconds and the session answers afterwards.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "burrow/sandbox.h"
#include "commands/command.h"

namespace {

using Clock = std::chrono::steady_clock;

// Builds the hostile inputs inside the session, with the shell's own tools.
constexpr const char* kMakeInputs =
    "printf 'ab\\0cd\\377\\376\\300\\200 \\xe2\\x82\\n\\0\\0\\xff\\n%.0s' {1..2000} > /tmp/binary;"
    "head -c 1048576 /dev/zero | tr '\\0' x > /tmp/longline;"
    "{ head -c 1048576 /dev/zero | tr '\\0' ' '; echo; head -c 300000 /dev/zero | tr '\\0' '\\t'; } > /tmp/spaces;"
    "printf '\\xf0\\x9f\\x98\\x80\\xed\\xa0\\x80\\xc3\\x28\\xa0\\xa1\\n%.0s' {1..3000} > /tmp/badutf8";

bool skipped(std::string_view name) {
  // `yes` writes for ever by design (the output-limit tests cover it); the
  // shells would execute the junk as a script, which the parser tests cover.
  return name == "yes" || name == "bash" || name == "sh";
}

TEST(MalformedInput, EveryCommandSurvivesHostileFiles) {
  int runs = 0;
  for (std::string_view name : burrow::Registry::global().names()) {
    if (skipped(name)) continue;
    burrow::SandboxOptions o;
    o.limits.wall_time_seconds = 10;
    o.limits.max_output_bytes = 1 << 20;
    auto sb = burrow::Sandbox::create(o);
    auto made = sb->exec(kMakeInputs);
    ASSERT_EQ(made.exit_code, 0) << made.stderr_data;
    std::string cmd(name);
    for (const char* input : {"/tmp/binary", "/tmp/longline", "/tmp/spaces", "/tmp/badutf8"}) {
      std::string script = cmd + " < " + input + " >/dev/null 2>&1; " + cmd + " " + input +
                           " >/dev/null 2>&1 </dev/null; " + cmd + " -- " + input + " " + input +
                           " >/dev/null 2>&1 </dev/null; echo survived";
      auto start = Clock::now();
      auto r = sb->exec(script);
      double seconds = std::chrono::duration<double>(Clock::now() - start).count();
      EXPECT_EQ(r.stdout_data, "survived\n") << cmd << " " << input << ": " << r.stderr_data.substr(0, 500);
      EXPECT_LT(seconds, 10.0) << cmd << " " << input;
      ++runs;
    }
    auto after = sb->exec("echo alive");
    EXPECT_EQ(after.stdout_data, "alive\n") << cmd;
  }
  EXPECT_GT(runs, 400);
}

TEST(MalformedInput, ShellWordsAndLines) {
  auto sb = burrow::Sandbox::create({});
  auto r = sb->exec(
      "x=$(head -c 1048576 /dev/zero | tr '\\0' y); echo ${#x}; set -- $x $x; echo $#;"
      "y=$(printf 'a\\0b'); echo ${#y}; read -r l < /tmp/nonexistent; echo $?;"
      "printf '\\xff\\xfe\\n' | while read -r l; do echo ${#l}; done;"
      "z=$(printf '\\xe2\\x82'); echo ${#z} ${z^^} | od -An -c | tr -s ' '");
  EXPECT_EQ(r.stdout_data.substr(0, 10), "1048576\n2\n");
  EXPECT_NE(r.stdout_data.find("\n1\n2\n"), std::string::npos) << r.stdout_data;
}

}  // namespace
