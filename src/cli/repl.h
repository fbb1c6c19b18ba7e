#pragma once

#include "burrow/sandbox.h"

namespace burrow::cli {

// The interactive shell on a terminal: line editing and history (libedit
// when built with it), PS2 continuation for incomplete input. Returns the
// status of the last command, or the status given to `exit`.
int run_repl(Sandbox& sandbox);

}  // namespace burrow::cli
