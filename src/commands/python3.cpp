// python3, python: CPython 3.11 compiled to WebAssembly and translated to C
// (scripts/build-python.sh), run over the sandbox's WASI layer. Its whole
// world is the session's filesystem; the standard library is a read-only
// tree that every session sees at /usr/local/lib/python3.11. Also `pip`,
// which explains that packages cannot be installed.
//
// CPython parses its own command line (-c, -m, scripts, -i, -u, -V, ...);
// this file only starts an instance with the command's fds, cwd and
// environment and maps how it ended to an exit status.
#include <cstdlib>

#include "commands/command.h"
#include "vfs/host_fs.h"
#include "vfs/layout.h"
#include "wasm/runner.h"
#include "wasm/wasi.h"

#ifdef BURROW_HAVE_PYTHON
extern "C" const struct burrow_wasm_module burrow_python_module;
#endif

namespace burrow {
namespace {

#ifdef BURROW_HAVE_PYTHON
constexpr std::string_view kStdlibMountPoint = "/usr/local/lib/python3.11";

// The host directory holding the standard library, built alongside the
// module; BURROW_PYTHON_STDLIB overrides it (an installed copy elsewhere).
vfs::FilesystemPtr open_stdlib() {
  const char* dir = std::getenv("BURROW_PYTHON_STDLIB");
  std::string host_dir = dir && *dir ? dir : BURROW_PYTHON_STDLIB_DIR;
  try {
    return std::make_shared<vfs::HostFs>(host_dir, /*read_only=*/true);
  } catch (const std::exception&) {
    return nullptr;  // python3 then reports the missing standard library itself
  }
}
vfs::SharedMountRegistrar stdlib_mount(kStdlibMountPoint, open_stdlib);
#endif

int run_python(Invocation& inv) {
#ifndef BURROW_HAVE_PYTHON
  inv.error("not available: this build of Burrow was made without Python (scripts/build-python.sh)");
  return 127;
#else
  std::vector<std::string> args = inv.argv;
  args[0] = "python3";
  Environment env = inv.env ? *inv.env : Environment{};
  wasm::WasiContext wasi(inv, std::move(args), env);
  uint64_t cap = inv.limits ? inv.limits->max_wasm_memory_bytes : 512ull << 20;
  wasm::RunOutcome outcome = wasm::run_module(burrow_python_module, wasi, cap, inv.cancel);
  switch (outcome.kind) {
    case wasm::RunOutcome::kExited:
      return outcome.exit_code;
    case wasm::RunOutcome::kCancelled:
      return 128 + (inv.cancel && inv.cancel->signal() ? inv.cancel->signal() : 2);
    case wasm::RunOutcome::kTrapped:
      inv.error("fatal error: " + outcome.message);
      return 134;  // as an abort() would end a native python
    case wasm::RunOutcome::kFailed:
      break;
  }
  inv.error(outcome.message);
  return 126;
#endif
}

int run_pip(Invocation& inv) {
  inv.err() << inv.name()
            << ": packages cannot be installed in this sandbox: it has no network and no package index.\n"
               "The Python standard library is available (json, csv, sqlite3 where built, re, pathlib, ...).\n";
  return 1;
}

}  // namespace

BURROW_COMMAND(python3, "run Python 3.11 (CPython in WebAssembly)", run_python);
BURROW_COMMAND(python, "run Python 3.11 (CPython in WebAssembly)", run_python);
BURROW_COMMAND(pip, "explain that Python packages cannot be installed here", run_pip);
BURROW_COMMAND(pip3, "explain that Python packages cannot be installed here", run_pip);

}  // namespace burrow
