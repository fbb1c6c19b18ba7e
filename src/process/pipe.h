// Bounded in-memory pipes between concurrently running sandbox processes.
// Like a kernel pipe: a full pipe blocks the writer, an empty one blocks the
// reader, EOF once every write end is gone, EPIPE once every read end is gone.
#pragma once

#include <utility>

#include "process/cancel.h"
#include "vfs/filesystem.h"

namespace burrow {

struct PipeEnds {
  vfs::FilePtr read;
  vfs::FilePtr write;
};

// Blocked operations give up with EINTR when `cancel` (may be null) fires.
// The ends release their side of the pipe when destroyed, so dropping every
// copy of the write end is what signals EOF.
PipeEnds make_pipe(CancelToken* cancel, size_t capacity = 65536);

}  // namespace burrow
