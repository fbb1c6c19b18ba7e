// The functions that wasm2c's generated code calls (wasm-rt.h): traps,
// function-type ids, linear memories and tables. State that wabt's own
// runtime keeps globally is per thread here (thread_state.h), so instances run
// on many threads at once.
#include <sys/mman.h>

#include <cstdarg>
#include <cstdio>
#include <mutex>
#include <vector>

#include "wasm/thread_state.h"

thread_local uint32_t wasm_rt_call_stack_depth = 0;

namespace burrow::wasm {

thread_local ThreadState g_thread_state;

void unwind(int reason) {
  ThreadState& ts = thread_state();
  if (!ts.unwind) {
    // A trap outside any run is a bug in the embedding, not in the program.
    fprintf(stderr, "burrow: wasm trap outside a run\n");
    abort();
  }
  siglongjmp(*ts.unwind, reason);
}

namespace {

constexpr uint64_t kPageSize = 65536;
// A 32-bit address plus a 32-bit offset plus the access size stays below this.
constexpr uint64_t kReservation = (8ull << 30) + kPageSize;

// Function signatures, interned so that equal signatures share one id across
// every module (call_indirect compares ids).
std::mutex g_types_mutex;
std::vector<std::vector<uint32_t>> g_types;

}  // namespace
}  // namespace burrow::wasm

using namespace burrow::wasm;

extern "C" {

void wasm_rt_init(void) {}
bool wasm_rt_is_initialized(void) { return true; }
void wasm_rt_free(void) {}

void wasm_rt_trap(wasm_rt_trap_t trap) {
  thread_state().trap = trap;
  unwind(kUnwindTrap);
}

const char* wasm_rt_strerror(wasm_rt_trap_t trap) {
  switch (trap) {
    case WASM_RT_TRAP_NONE: return "no error";
    case WASM_RT_TRAP_OOB: return "out of bounds memory access";
    case WASM_RT_TRAP_INT_OVERFLOW: return "integer overflow";
    case WASM_RT_TRAP_DIV_BY_ZERO: return "integer divide by zero";
    case WASM_RT_TRAP_INVALID_CONVERSION: return "invalid conversion to integer";
    case WASM_RT_TRAP_UNREACHABLE: return "unreachable executed";
    case WASM_RT_TRAP_CALL_INDIRECT: return "indirect call signature mismatch";
    case WASM_RT_TRAP_UNCAUGHT_EXCEPTION: return "uncaught exception";
    case WASM_RT_TRAP_EXHAUSTION: return "call stack exhausted";
  }
  return "unknown trap";
}

uint32_t wasm_rt_register_func_type(uint32_t params, uint32_t results, ...) {
  std::vector<uint32_t> sig{params, results};
  va_list ap;
  va_start(ap, results);
  for (uint32_t i = 0; i < params + results; ++i) sig.push_back(static_cast<uint32_t>(va_arg(ap, int)));
  va_end(ap);
  std::lock_guard<std::mutex> lock(g_types_mutex);
  for (size_t i = 0; i < g_types.size(); ++i)
    if (g_types[i] == sig) return static_cast<uint32_t>(i + 1);
  g_types.push_back(std::move(sig));
  return static_cast<uint32_t>(g_types.size());  // 0 stays "no function"
}

// Exceptions: the modules we build never throw; a module that does ends with
// an "uncaught exception" trap.
uint32_t wasm_rt_register_tag(uint32_t) { return 0; }
void wasm_rt_load_exception(uint32_t, uint32_t, const void*) {}
void wasm_rt_throw(void) { wasm_rt_trap(WASM_RT_TRAP_UNCAUGHT_EXCEPTION); }
static thread_local WASM_RT_UNWIND_TARGET* g_exception_target = nullptr;
WASM_RT_UNWIND_TARGET* wasm_rt_get_unwind_target(void) { return g_exception_target; }
void wasm_rt_set_unwind_target(WASM_RT_UNWIND_TARGET* target) { g_exception_target = target; }
uint32_t wasm_rt_exception_tag(void) { return 0; }
uint32_t wasm_rt_exception_size(void) { return 0; }
void* wasm_rt_exception(void) { return nullptr; }

void wasm_rt_allocate_memory(wasm_rt_memory_t* mem, uint32_t initial_pages, uint32_t max_pages) {
  // Reserve the whole reachable range, then make the initial pages
  // accessible; growing only changes protections, up to the instance's cap.
  ThreadState& ts = thread_state();
  uint64_t cap_pages = ts.memory_cap / kPageSize;
  uint64_t limit = std::min<uint64_t>(max_pages, 65535);
  if (cap_pages && cap_pages < limit) limit = cap_pages;
  if (limit < initial_pages) limit = initial_pages;
  void* base = mmap(nullptr, kReservation, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (base == MAP_FAILED) wasm_rt_trap(WASM_RT_TRAP_OOB);
  if (initial_pages && mprotect(base, initial_pages * kPageSize, PROT_READ | PROT_WRITE) != 0) {
    munmap(base, kReservation);
    wasm_rt_trap(WASM_RT_TRAP_OOB);
  }
  ts.memory_base = reinterpret_cast<uintptr_t>(base);
  ts.memory_end = ts.memory_base + kReservation;
  mem->data = static_cast<uint8_t*>(base);
  mem->pages = initial_pages;
  mem->max_pages = static_cast<uint32_t>(limit);
  mem->size = static_cast<uint32_t>(initial_pages * kPageSize);
}

uint32_t wasm_rt_grow_memory(wasm_rt_memory_t* mem, uint32_t delta) {
  uint32_t old_pages = mem->pages;
  uint64_t new_pages = static_cast<uint64_t>(old_pages) + delta;
  if (new_pages > mem->max_pages) return 0xffffffffu;
  if (delta == 0) return old_pages;
  if (mprotect(mem->data + old_pages * kPageSize, delta * kPageSize, PROT_READ | PROT_WRITE) != 0)
    return 0xffffffffu;
  // New pages of an anonymous mapping read as zero, as wasm requires.
  mem->pages = static_cast<uint32_t>(new_pages);
  mem->size = static_cast<uint32_t>(new_pages * kPageSize);
  return old_pages;
}

void wasm_rt_free_memory(wasm_rt_memory_t* mem) {
  if (mem->data) munmap(mem->data, kReservation);
  ThreadState& ts = thread_state();
  if (ts.memory_base == reinterpret_cast<uintptr_t>(mem->data)) ts.memory_base = ts.memory_end = 0;
  mem->data = nullptr;
  mem->pages = mem->size = 0;
}

void wasm_rt_allocate_funcref_table(wasm_rt_funcref_table_t* table, uint32_t elements, uint32_t max_elements) {
  table->data = static_cast<wasm_rt_funcref_t*>(calloc(elements ? elements : 1, sizeof(wasm_rt_funcref_t)));
  if (!table->data) wasm_rt_trap(WASM_RT_TRAP_OOB);
  table->size = elements;
  table->max_size = max_elements;
}

void wasm_rt_free_funcref_table(wasm_rt_funcref_table_t* table) {
  free(table->data);
  table->data = nullptr;
  table->size = 0;
}

void wasm_rt_allocate_externref_table(wasm_rt_externref_table_t* table, uint32_t elements, uint32_t max_elements) {
  table->data = static_cast<wasm_rt_externref_t*>(calloc(elements ? elements : 1, sizeof(wasm_rt_externref_t)));
  if (!table->data) wasm_rt_trap(WASM_RT_TRAP_OOB);
  table->size = elements;
  table->max_size = max_elements;
}

void wasm_rt_free_externref_table(wasm_rt_externref_table_t* table) {
  free(table->data);
  table->data = nullptr;
  table->size = 0;
}

uint32_t wasm_rt_grow_funcref_table(wasm_rt_funcref_table_t* table, uint32_t delta, wasm_rt_funcref_t init) {
  uint32_t old = table->size;
  uint64_t grown = static_cast<uint64_t>(old) + delta;
  if (grown > table->max_size || grown > (1u << 24)) return 0xffffffffu;
  void* data = realloc(table->data, grown * sizeof(wasm_rt_funcref_t));
  if (!data) return 0xffffffffu;
  table->data = static_cast<wasm_rt_funcref_t*>(data);
  for (uint64_t i = old; i < grown; ++i) table->data[i] = init;
  table->size = static_cast<uint32_t>(grown);
  return old;
}

uint32_t wasm_rt_grow_externref_table(wasm_rt_externref_table_t* table, uint32_t delta, wasm_rt_externref_t init) {
  uint32_t old = table->size;
  uint64_t grown = static_cast<uint64_t>(old) + delta;
  if (grown > table->max_size || grown > (1u << 24)) return 0xffffffffu;
  void* data = realloc(table->data, grown * sizeof(wasm_rt_externref_t));
  if (!data) return 0xffffffffu;
  table->data = static_cast<wasm_rt_externref_t*>(data);
  for (uint64_t i = old; i < grown; ++i) table->data[i] = init;
  table->size = static_cast<uint32_t>(grown);
  return old;
}

}  // extern "C"
