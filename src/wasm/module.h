/* A WebAssembly program translated to C by wasm2c, described uniformly so that
 * the runner can instantiate and start any of them. Each program has a small
 * C glue file (compiled against its generated header) that fills one of these;
 * its imports are WASI preview 1 (src/wasm/wasi.cpp) and Burrow's own
 * `burrow` module (src/wasm/burrow_imports.cpp), both served by a WasiContext. */
#ifndef BURROW_WASM_MODULE_H_
#define BURROW_WASM_MODULE_H_

#include <stddef.h>

#include "wasm/wasm-rt.h"

#ifdef __cplusplus
extern "C" {
#endif

struct burrow_wasm_module {
  const char* name;
  size_t instance_size;
  /* Registers the module's function types; called once per process. */
  void (*init_module)(void);
  /* Initialises a zeroed instance; `imports` is the WasiContext serving it. */
  void (*instantiate)(void* instance, void* imports);
  /* Runs the `_start` export (a WASI command's main). */
  void (*start)(void* instance);
  void (*free_instance)(void* instance);
  wasm_rt_memory_t* (*memory)(void* instance);
};

#ifdef __cplusplus
}
#endif

#endif /* BURROW_WASM_MODULE_H_ */
