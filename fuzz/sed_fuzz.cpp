// libFuzzer target for sed: any script and input must neither crash nor
// hang. The first byte picks the options and how much of the rest is the
// script; the remainder is stdin.
#include <cstddef>
#include <cstdint>
#include <string>

#include "commands/command.h"
#include "deadline.h"
#include "process/string_files.h"
#include "vfs/mem_fs.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace burrow;
  if (size < 2) return 0;
  uint8_t flags = data[0];
  std::string rest(reinterpret_cast<const char*>(data + 2), size - 2);
  size_t split = std::min<size_t>(rest.size(), data[1] * 2);
  std::string script = rest.substr(0, split);
  std::string input = rest.substr(split);

  const CommandInfo* sed = Registry::global().find("sed");
  if (!sed) return 0;
  vfs::MemFs fs;
  fs.mkdir("/w", 0755);
  vfs::write_file(fs, "/w/f", "one\ntwo\nthree\n");
  auto out = std::make_shared<StringSink>(1 << 20);
  auto err = std::make_shared<StringSink>(1 << 20);
  FdTable fds;
  fds.set(0, make_string_source(input));
  fds.set(1, out);
  fds.set(2, err);
  CancelToken cancel;
  Limits limits;
  limits.max_string_bytes = 1 << 20;
  Environment env;
  Invocation inv;
  inv.argv = {"sed"};
  if (flags & 1) inv.argv.push_back("-E");
  if (flags & 2) inv.argv.push_back("-n");
  if (flags & 4) inv.argv.push_back("-z");
  if (flags & 8) inv.argv.push_back("-s");
  inv.argv.push_back("-e");
  inv.argv.push_back(script);
  if (flags & 16) inv.argv.push_back("/w/f");
  if (flags & 32) inv.argv.push_back("-");
  inv.fds = &fds;
  inv.fs = &fs;
  inv.cwd = "/w";
  inv.env = &env;
  inv.cancel = &cancel;
  inv.limits = &limits;
  FuzzDeadline deadline(cancel);
  run_command(*sed, inv);
  return 0;
}
