// What the wasm runtime keeps per thread: the run that unwinds on a trap, the
// memory cap of the instance being created, and whether the thread is inside
// a host call (where a cancellation signal must not unwind it).
#pragma once

#include <setjmp.h>

#include <atomic>
#include <cstdint>

#include "wasm/wasm-rt.h"

namespace burrow::wasm {

// Why a run unwound to its entry point; the sigjmp value.
enum UnwindReason : int {
  kUnwindTrap = 1,       // a wasm trap; ThreadState::trap says which
  kUnwindExit = 2,       // proc_exit
  kUnwindCancelled = 3,  // the run's cancellation was honoured
};

// Unwinds the current run. Call only from frames with no live C++ objects
// that need destructors: the jump skips them.
[[noreturn]] void unwind(int reason);

struct ThreadState {
  sigjmp_buf* unwind = nullptr;  // set while a run is active on this thread
  wasm_rt_trap_t trap = WASM_RT_TRAP_NONE;
  uint64_t memory_cap = 0;       // bytes an instance created now may use
  // The address range of the running instance's linear memory reservation:
  // a fault inside it is an out-of-bounds access of that instance.
  uintptr_t memory_base = 0, memory_end = 0;
  // Set by the supervisor to ask for cancellation; honoured by the signal
  // handler when not in a host call, and by host calls when they return.
  std::atomic<bool> cancel_requested{false};
  // Host calls increment it (nesting is possible through callbacks).
  std::atomic<int> host_depth{0};
};

// The calling thread's state. A plain thread_local with constant
// initialisation, so the cancellation signal handler may read it.
extern thread_local ThreadState g_thread_state;
inline ThreadState& thread_state() { return g_thread_state; }

// Brackets a call from wasm into the host (a WASI import): a cancellation
// signal that arrives meanwhile is only noted, and honoured by
// after_host_call() once the host frames are gone.
struct HostCall {
  HostCall() { g_thread_state.host_depth.fetch_add(1, std::memory_order_relaxed); }
  ~HostCall() { g_thread_state.host_depth.fetch_sub(1, std::memory_order_relaxed); }
  HostCall(const HostCall&) = delete;
  HostCall& operator=(const HostCall&) = delete;
};
inline void after_host_call() {
  if (g_thread_state.cancel_requested.load(std::memory_order_relaxed) && g_thread_state.host_depth.load(std::memory_order_relaxed) == 0)
    unwind(kUnwindCancelled);
}

}  // namespace burrow::wasm
