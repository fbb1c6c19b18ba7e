// Runs one instance of a translated WebAssembly program to completion on a
// thread of its own: a large native stack, its own trap target and memory
// cap, and cancellation (Ctrl-C, the session's time limit) honoured within a
// few tens of milliseconds even in a loop that never calls the host.
#pragma once

#include <cstdint>
#include <string>

#include "process/cancel.h"
#include "wasm/module.h"

namespace burrow::wasm {

// What every import of a module receives as its context pointer (WasiContext
// derives from it). The runner fills in `memory` once the instance exists;
// proc_exit fills in `exit_code`.
struct ImportContext {
  wasm_rt_memory_t* memory = nullptr;
  int exit_code = 0;
};

struct RunOutcome {
  enum Kind {
    kExited,     // _start returned or called proc_exit: exit_code holds the status
    kTrapped,    // a wasm trap (out-of-bounds access, stack exhaustion, ...)
    kCancelled,  // the cancel token fired
    kFailed,     // the host could not start it (no thread, no memory)
  } kind = kFailed;
  int exit_code = 0;
  wasm_rt_trap_t trap = WASM_RT_TRAP_NONE;
  std::string message;  // for kTrapped and kFailed
};

// `imports` serves the module's imports (a WasiContext).
RunOutcome run_module(const burrow_wasm_module& module, ImportContext& imports, uint64_t memory_cap,
                      CancelToken* cancel);

}  // namespace burrow::wasm
