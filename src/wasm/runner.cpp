#include "wasm/runner.h"

#include <pthread.h>
#include <signal.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>

#include "wasm/thread_state.h"

namespace burrow::wasm {
namespace {

// Native stack for an instance's thread: generated functions recurse as the
// wasm program does. Running past it hits the guard region, which is larger
// than any frame (the translated code is also compiled with stack-clash
// probes), so the fault is caught there and becomes an exhaustion trap.
constexpr size_t kStackBytes = 64u << 20;
constexpr size_t kGuardBytes = 1u << 20;

// The signal that interrupts a CPU-bound instance. Real-time signals above
// those glibc keeps for itself are free for embedders.
int cancel_signal() { return SIGRTMIN + 6; }

void on_cancel_signal(int) {
  ThreadState& ts = g_thread_state;
  if (ts.unwind && ts.cancel_requested.load(std::memory_order_relaxed) &&
      ts.host_depth.load(std::memory_order_relaxed) == 0)
    siglongjmp(*ts.unwind, kUnwindCancelled);
  // Inside a host call: after_host_call() will unwind when it returns.
}

// What SIGSEGV and SIGBUS did before we installed ours, for faults that are
// not an instance's.
struct sigaction g_previous_segv, g_previous_bus;

// A fault in translated code (not in a host call) of a running instance is
// that instance's: inside its memory reservation an out-of-bounds access,
// elsewhere its native stack running out. Anything else goes on to whoever
// handled the signal before (or kills the process, as it would have).
void on_fault(int sig, siginfo_t* info, void* context) {
  ThreadState& ts = g_thread_state;
  if (ts.unwind && ts.host_depth.load(std::memory_order_relaxed) == 0) {
    auto addr = reinterpret_cast<uintptr_t>(info->si_addr);
    ts.trap = addr >= ts.memory_base && addr < ts.memory_end ? WASM_RT_TRAP_OOB : WASM_RT_TRAP_EXHAUSTION;
    siglongjmp(*ts.unwind, kUnwindTrap);
  }
  const struct sigaction& previous = sig == SIGSEGV ? g_previous_segv : g_previous_bus;
  if (previous.sa_flags & SA_SIGINFO) {
    previous.sa_sigaction(sig, info, context);
  } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
    previous.sa_handler(sig);
  } else {
    // Return with the default action restored: the access faults again and
    // the process ends as it would have without us.
    signal(sig, SIG_DFL);
  }
}

void install_signal_handlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction sa = {};
    sa.sa_handler = on_cancel_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(cancel_signal(), &sa, nullptr);

    struct sigaction fault = {};
    fault.sa_sigaction = on_fault;
    sigemptyset(&fault.sa_mask);
    fault.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigaction(SIGSEGV, &fault, &g_previous_segv);
    sigaction(SIGBUS, &fault, &g_previous_bus);
  });
}

// An alternate signal stack for the instance's thread, so that a fault from
// its native stack running out can still be handled.
class AltStack {
 public:
  AltStack() : memory_(new char[kSize]) {
    stack_t ss = {};
    ss.ss_sp = memory_.get();
    ss.ss_size = kSize;
    installed_ = sigaltstack(&ss, nullptr) == 0;
  }
  ~AltStack() {
    if (!installed_) return;
    stack_t ss = {};
    ss.ss_flags = SS_DISABLE;
    sigaltstack(&ss, nullptr);
  }

 private:
  static constexpr size_t kSize = 64 * 1024;
  std::unique_ptr<char[]> memory_;
  bool installed_ = false;
};

void init_module_once(const burrow_wasm_module& module) {
  static std::mutex mutex;
  static std::set<const burrow_wasm_module*> done;
  std::lock_guard<std::mutex> lock(mutex);
  if (done.insert(&module).second) module.init_module();
}

struct Run {
  const burrow_wasm_module* module;
  ImportContext* imports;
  uint64_t memory_cap;
  RunOutcome outcome;

  std::mutex mutex;
  std::condition_variable finished_cv;
  bool finished = false;
  ThreadState* worker_state = nullptr;
};

// The body of the instance's thread. Locals live across sigsetjmp only if
// they are set before it and never changed after.
void run_on_this_thread(Run& run) {
  ThreadState& ts = g_thread_state;
  ts.memory_cap = run.memory_cap;
  ts.trap = WASM_RT_TRAP_NONE;
  void* const instance = calloc(1, run.module->instance_size);
  if (!instance) {
    run.outcome.message = "out of memory";
    return;
  }
  sigjmp_buf jump;
  int reason = sigsetjmp(jump, 1);
  if (reason == 0) {
    ts.unwind = &jump;
    run.module->instantiate(instance, run.imports);
    run.imports->memory = run.module->memory(instance);
    run.module->start(instance);
    reason = kUnwindExit;  // _start returned: status 0 unless proc_exit said otherwise
  }
  ts.unwind = nullptr;
  switch (reason) {
    case kUnwindExit:
      run.outcome.kind = RunOutcome::kExited;
      run.outcome.exit_code = run.imports->exit_code;
      break;
    case kUnwindCancelled:
      run.outcome.kind = RunOutcome::kCancelled;
      break;
    default:
      run.outcome.kind = RunOutcome::kTrapped;
      run.outcome.trap = ts.trap;
      run.outcome.message = wasm_rt_strerror(ts.trap);
      break;
  }
  run.imports->memory = nullptr;
  run.module->free_instance(instance);
  free(instance);
}

void* thread_main(void* arg) {
  Run& run = *static_cast<Run*>(arg);
  AltStack alt_stack;
  {
    std::lock_guard<std::mutex> lock(run.mutex);
    run.worker_state = &g_thread_state;
  }
  run_on_this_thread(run);
  std::lock_guard<std::mutex> lock(run.mutex);
  run.finished = true;
  run.finished_cv.notify_all();
  return nullptr;
}

}  // namespace

RunOutcome run_module(const burrow_wasm_module& module, ImportContext& imports, uint64_t memory_cap,
                      CancelToken* cancel) {
  install_signal_handlers();
  init_module_once(module);
  Run run{&module, &imports, memory_cap, {}};

  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, kStackBytes);
  pthread_attr_setguardsize(&attr, kGuardBytes);
  pthread_t thread;
  int err = pthread_create(&thread, &attr, thread_main, &run);
  pthread_attr_destroy(&attr);
  if (err != 0) {
    run.outcome.message = "cannot start a thread for " + std::string(module.name);
    return run.outcome;
  }

  // Supervise: poll the token between short waits; once it fires, ask the
  // worker to stop and interrupt it until it does.
  {
    std::unique_lock<std::mutex> lock(run.mutex);
    while (!run.finished) {
      run.finished_cv.wait_for(lock, CancelToken::wait_slice);
      if (!run.finished && cancel && cancel->cancelled() && run.worker_state) {
        run.worker_state->cancel_requested.store(true);
        pthread_kill(thread, cancel_signal());
      }
    }
  }
  pthread_join(thread, nullptr);
  return run.outcome;
}

}  // namespace burrow::wasm
