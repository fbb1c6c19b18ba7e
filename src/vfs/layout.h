// The filesystem a new session starts with.
#pragma once

#include <memory>

#include "vfs/dev_fs.h"
#include "vfs/mem_fs.h"
#include "vfs/mount_fs.h"

namespace burrow::vfs {

// The in-memory world: /home/user with a samples folder, /tmp, /etc (passwd,
// group, hostname, os-release), /root, /usr/local/bin. Built once per
// process; every session takes a fork() of it, which costs a few hundred bytes.
std::shared_ptr<const MemFs> memory_world_template();

// The sandbox's whole tree: `root` at /, DevFs at /dev (its /dev/fd entries
// answered by fd_lookup), the shared command directory at /bin and /usr/bin.
// Also every tree registered with SharedMountRegistrar.
std::shared_ptr<MountFs> make_session_root(FilesystemPtr root, FdLookup fd_lookup);

// A read-only tree that every session sees at a fixed path (the Python
// standard library). `open` runs once, at the first session's creation; the
// one filesystem it returns (or null: nothing to mount) is shared by all.
using SharedMountOpener = FilesystemPtr (*)();
struct SharedMountRegistrar {
  SharedMountRegistrar(std::string_view at, SharedMountOpener open);
};

}  // namespace burrow::vfs
