/* Burrow's runtime interface for C translated from WebAssembly by wasm2c
 * (wabt 1.0.32). The generated code includes "wasm-rt.h" and calls the
 * functions below; src/wasm/runtime.cpp implements them.
 *
 * It differs from wabt's own runtime in what a sandbox needs: many instances
 * run at once on different threads, so everything that wabt keeps global (the
 * trap target, the call depth) is per thread, and memory growth is capped per
 * instance. Out-of-bounds accesses hit guard pages: every linear memory
 * reserves 8 GiB of address space, more than any 32-bit address plus offset
 * can reach, and the runner turns the fault into a trap of that instance
 * alone (src/wasm/runner.cpp). The type and function names are the ones
 * wasm2c's output expects. */
#ifndef BURROW_WASM_RT_H_
#define BURROW_WASM_RT_H_
#define WASM_RT_H_ /* in case a system wasm-rt.h is reached as well */

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define wasm_rt_memcpy __builtin_memcpy
#define wasm_rt_unreachable __builtin_unreachable

/* Guard pages instead of a bounds check before every load and store. */
#define WASM_RT_MEMCHECK_SIGNAL_HANDLER 1
#define WASM_RT_SKIP_SIGNAL_RECOVERY 0
#define WASM_RT_SIGNAL_RECOVERY_SUPPORTED 1
#define WASM_RT_MERGED_OOB_AND_EXHAUSTION_TRAPS 0

/* Native recursion is bounded by the instance thread's stack: its guard
 * region faults, and the runner (on an alternate signal stack) turns that
 * into an exhaustion trap. No per-call depth counting. */
#define WASM_RT_USE_STACK_DEPTH_COUNT 0
#ifdef __cplusplus
extern thread_local uint32_t wasm_rt_call_stack_depth __attribute__((tls_model("initial-exec")));
#else
extern _Thread_local uint32_t wasm_rt_call_stack_depth __attribute__((tls_model("initial-exec")));
#endif

#define WASM_RT_NO_RETURN __attribute__((noreturn))

typedef enum {
  WASM_RT_TRAP_NONE,
  WASM_RT_TRAP_OOB,                /* out-of-bounds memory or table access */
  WASM_RT_TRAP_INT_OVERFLOW,       /* integer overflow in division or truncation */
  WASM_RT_TRAP_DIV_BY_ZERO,
  WASM_RT_TRAP_INVALID_CONVERSION, /* NaN to integer */
  WASM_RT_TRAP_UNREACHABLE,
  WASM_RT_TRAP_CALL_INDIRECT,      /* bad call_indirect */
  WASM_RT_TRAP_UNCAUGHT_EXCEPTION,
  WASM_RT_TRAP_EXHAUSTION,         /* call stack exhausted */
} wasm_rt_trap_t;

typedef enum {
  WASM_RT_I32,
  WASM_RT_I64,
  WASM_RT_F32,
  WASM_RT_F64,
  WASM_RT_FUNCREF,
  WASM_RT_EXTERNREF,
} wasm_rt_type_t;

typedef void (*wasm_rt_function_ptr_t)(void);

typedef struct {
  uint32_t func_type;            /* an id from wasm_rt_register_func_type */
  wasm_rt_function_ptr_t func;   /* cast to the real signature before calling */
  void* module_instance;         /* passed to func as its first argument */
} wasm_rt_funcref_t;

static const wasm_rt_funcref_t wasm_rt_funcref_null_value = {0, NULL, NULL};

typedef void* wasm_rt_externref_t;
static const wasm_rt_externref_t wasm_rt_externref_null_value = NULL;

typedef struct {
  uint8_t* data;               /* `size` bytes, followed by reserved address space */
  uint32_t pages, max_pages;   /* 64 KiB pages; max_pages 0xffffffff = no maximum */
  uint32_t size;               /* bytes */
} wasm_rt_memory_t;

typedef struct {
  wasm_rt_funcref_t* data;
  uint32_t max_size;
  uint32_t size;
} wasm_rt_funcref_table_t;

typedef struct {
  wasm_rt_externref_t* data;
  uint32_t max_size;
  uint32_t size;
} wasm_rt_externref_table_t;

void wasm_rt_init(void);
bool wasm_rt_is_initialized(void);
void wasm_rt_free(void);

/* Unwinds to the innermost burrow_wasm_run() on this thread. */
WASM_RT_NO_RETURN void wasm_rt_trap(wasm_rt_trap_t);
const char* wasm_rt_strerror(wasm_rt_trap_t trap);

uint32_t wasm_rt_register_func_type(uint32_t params, uint32_t results, ...);

/* Exception handling (unused by the modules we build; present for the API). */
uint32_t wasm_rt_register_tag(uint32_t size);
void wasm_rt_load_exception(uint32_t tag, uint32_t size, const void* values);
WASM_RT_NO_RETURN void wasm_rt_throw(void);
#define WASM_RT_UNWIND_TARGET jmp_buf
WASM_RT_UNWIND_TARGET* wasm_rt_get_unwind_target(void);
void wasm_rt_set_unwind_target(WASM_RT_UNWIND_TARGET* target);
uint32_t wasm_rt_exception_tag(void);
uint32_t wasm_rt_exception_size(void);
void* wasm_rt_exception(void);
#define WASM_RT_SETJMP(buf) setjmp(buf)
#define wasm_rt_try(target) WASM_RT_SETJMP(target)

/* Linear memory: 8 GiB of address space is reserved up front and only the
 * current pages are accessible, so `data` never moves when the memory grows
 * and any access past the end faults. */
void wasm_rt_allocate_memory(wasm_rt_memory_t*, uint32_t initial_pages, uint32_t max_pages);
/* The previous page count, or 0xffffffff when the maximum or the instance's
 * memory cap would be exceeded. */
uint32_t wasm_rt_grow_memory(wasm_rt_memory_t*, uint32_t pages);
void wasm_rt_free_memory(wasm_rt_memory_t*);

void wasm_rt_allocate_funcref_table(wasm_rt_funcref_table_t*, uint32_t elements, uint32_t max_elements);
void wasm_rt_free_funcref_table(wasm_rt_funcref_table_t*);
void wasm_rt_allocate_externref_table(wasm_rt_externref_table_t*, uint32_t elements, uint32_t max_elements);
void wasm_rt_free_externref_table(wasm_rt_externref_table_t*);
uint32_t wasm_rt_grow_funcref_table(wasm_rt_funcref_table_t*, uint32_t delta, wasm_rt_funcref_t init);
uint32_t wasm_rt_grow_externref_table(wasm_rt_externref_table_t*, uint32_t delta, wasm_rt_externref_t init);

#ifdef __cplusplus
}
#endif

#endif /* BURROW_WASM_RT_H_ */
