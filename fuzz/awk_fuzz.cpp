// libFuzzer target for awk: any program text and input must neither crash nor
// hang. The first input byte picks how much of the rest is the program; the
// remainder is stdin.
#include <cstddef>
#include <cstdint>
#include <string>

#include "commands/command.h"
#include "deadline.h"
#include "process/string_files.h"
#include "vfs/mem_fs.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace burrow;
  if (size < 1) return 0;
  std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);
  size_t split = std::min<size_t>(rest.size(), data[0] * 4);
  std::string program = rest.substr(0, split);
  std::string input = rest.substr(split);

  const CommandInfo* awk = Registry::global().find("awk");
  if (!awk) return 0;
  vfs::MemFs fs;
  fs.mkdir("/w", 0755);
  auto out = std::make_shared<StringSink>(1 << 20);
  auto err = std::make_shared<StringSink>(1 << 20);
  FdTable fds;
  fds.set(0, make_string_source(input));
  fds.set(1, out);
  fds.set(2, err);
  CancelToken cancel;
  Limits limits;
  limits.max_string_bytes = 1 << 20;
  limits.max_function_depth = 200;
  Environment env;
  Invocation inv;
  inv.argv = {"awk", program};
  inv.fds = &fds;
  inv.fs = &fs;
  inv.cwd = "/w";
  inv.env = &env;
  inv.cancel = &cancel;
  inv.limits = &limits;
  FuzzDeadline deadline(cancel);
  run_command(*awk, inv);
  return 0;
}
