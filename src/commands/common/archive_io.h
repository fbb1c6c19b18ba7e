// libarchive over the virtual filesystem: readers and writers whose bytes
// come from and go to a vfs::File (or the command's own stdin and stdout),
// never a host path. Also the codec set that libarchive may use: only the
// ones built into it, because a filter it would run as an external program
// would start a host process.
#pragma once

#include <archive.h>

#include <vector>

#include "commands/command.h"

namespace burrow {

struct ArchiveSource {
  Invocation* inv;
  vfs::FilePtr file;  // null: the command's standard input (not seekable)
  std::vector<char> buf = std::vector<char>(64 * 1024);
};

struct ArchiveSink {
  Invocation* inv;
  vfs::FilePtr file;  // null: the command's standard output
  vfs::Error error;   // why the last write failed
};

// Registers gzip, bzip2, xz, lzma and zstd decoding; false if any of them
// would need an external program.
bool archive_support_builtin_filters(struct archive* a);

// archive_read_open with our callbacks; a file source is also seekable, so
// zip archives are read through their central directory.
int archive_open_source(struct archive* a, ArchiveSource& source);
int archive_open_sink(struct archive* a, ArchiveSink& sink);

// For extraction: true when no directory between `base` and the member at
// `relative` is a symlink (an archive may plant one to redirect the members
// after it).
bool archive_parents_are_real(vfs::Filesystem& fs, const std::string& base, const std::string& relative);
// Creates the missing directories above `path` (mode 0755).
void archive_make_parents(vfs::Filesystem& fs, const std::string& path);

}  // namespace burrow
