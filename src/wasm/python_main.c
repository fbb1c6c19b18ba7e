/* CPython's main for Burrow's python.wasm (replaces Programs/python.c when
 * scripts/build-python.sh builds it). WASI starts every program in "/";
 * Burrow's `burrow.initial_cwd` import tells it the shell's current
 * directory, so relative paths mean what they mean in the shell. */
#include <unistd.h>

#include "Python.h"

__attribute__((import_module("burrow"), import_name("initial_cwd")))
unsigned burrow_initial_cwd(char* buf, unsigned len);

int main(int argc, char** argv) {
  static char cwd[4096];
  unsigned n = burrow_initial_cwd(cwd, sizeof cwd);
  if (n > 0 && n < sizeof cwd) (void)chdir(cwd);
  return Py_BytesMain(argc, argv);
}
