#include "process/stack_guard.h"

#include <pthread.h>

#include <cstdint>

namespace burrow {
namespace {

// The lowest usable address of this thread's stack, found once per thread.
uintptr_t stack_low_end() {
  thread_local uintptr_t low = [] {
    pthread_attr_t attr;
    void* addr = nullptr;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
      pthread_attr_getstack(&attr, &addr, &size);
      pthread_attr_destroy(&attr);
    }
    return reinterpret_cast<uintptr_t>(addr);
  }();
  return low;
}

}  // namespace

size_t stack_remaining() {
  char here;
  uintptr_t now = reinterpret_cast<uintptr_t>(&here);
  uintptr_t low = stack_low_end();
  // Unknown bounds: claim plenty, the depth limits still apply.
  if (low == 0 || now <= low) return SIZE_MAX;
  return now - low;
}

}  // namespace burrow
