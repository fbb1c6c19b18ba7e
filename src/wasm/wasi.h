// WASI preview 1 for translated WebAssembly programs, served from the
// sandbox: files through the virtual filesystem, stdin/stdout/stderr from the
// command's own fd table, clocks, randomness and cancellable sleeps. Nothing
// here reaches a host path or starts a process; sockets answer ENOSYS.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "commands/command.h"
#include "wasm/runner.h"

namespace burrow::wasm {

class WasiContext : public ImportContext {
 public:
  // `args` is the program's argv (args[0] its name); `env` its environment.
  // stdin, stdout and stderr are inv's fds 0-2; "/" is preopened as fd 3;
  // the program starts in inv.cwd (through the `burrow` import module).
  WasiContext(Invocation& inv, std::vector<std::string> args, const Environment& env);

  // An open WASI descriptor: a file, or a directory (no File, just a path).
  struct Fd {
    vfs::FilePtr file;
    std::string path;        // absolute sandbox path ("" for inherited stdio)
    bool is_dir = false;
    bool preopen = false;
    uint16_t fdflags = 0;
    uint64_t rights_base = 0, rights_inheriting = 0;
    std::vector<vfs::DirEntry> listing;  // fd_readdir's snapshot, taken at cookie 0
  };

  Invocation& invocation() { return inv_; }
  const std::vector<std::string>& args() const { return args_; }
  const std::vector<std::string>& environ() const { return environ_; }

  Fd* fd(uint32_t n) { return n < fds_.size() && fds_[n] ? &*fds_[n] : nullptr; }
  uint32_t add_fd(Fd fd);
  void close_fd(uint32_t n) { fds_[n].reset(); }
  bool renumber(uint32_t from, uint32_t to);

  // The absolute sandbox path of `rel` resolved against directory fd `dir`,
  // or an errno (WASI numbering) when `dir` is not an open directory.
  uint16_t resolve(uint32_t dir, std::string_view rel, std::string& out);

 private:
  Invocation& inv_;
  std::vector<std::string> args_;
  std::vector<std::string> environ_;  // "NAME=value"
  std::vector<std::optional<Fd>> fds_;
};

// The WASI errno for a POSIX errno value.
uint16_t wasi_errno(int posix_errno);
inline uint16_t wasi_errno(vfs::Error err) { return err ? wasi_errno(err.value()) : 0; }

}  // namespace burrow::wasm
