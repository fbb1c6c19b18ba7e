// How much of the current thread's stack is left. Recursive parsers and
// evaluators (the shell parser, arithmetic, awk, bc) check it before going
// deeper, so hostile nesting ends with an error at any stack size and under
// sanitizers, whose frames are several times larger, instead of a crash.
#pragma once

#include <cstddef>

namespace burrow {

// Bytes between the current stack position and the end of the stack.
size_t stack_remaining();

// True when fewer than `reserve` bytes are left (default 256 KiB).
inline bool stack_nearly_exhausted(size_t reserve = 256 * 1024) { return stack_remaining() < reserve; }

}  // namespace burrow
