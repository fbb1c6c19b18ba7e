// The command line shared by gzip, bzip2 and xz and their decompressing and
// cat forms: files compressed in place (input removed unless -k), "-" and no
// operand for the standard streams, -c -d -f -k -l -q -r -S -t -v -1..-9,
// each tool with its own suffix and its own wording of the messages.
#pragma once

#include <string_view>

#include "commands/command.h"
#include "commands/common/codec.h"

namespace burrow {

struct CompressTool {
  enum class Style { kGzip, kBzip2, kXz, kZstd };
  Style style;
  codec::Format format;
  std::string_view suffix;  // ".gz"
  // Extra suffixes recognised when decompressing, with what replaces them.
  std::initializer_list<std::pair<std::string_view, std::string_view>> other_suffixes;
  int default_level;
};

enum class CompressMode { kCompress, kDecompress, kCat };

int run_compress_tool(Invocation& inv, const CompressTool& tool, CompressMode mode);

// zstd's command line differs from the others in almost every way (inputs
// kept by default, -o, -19, --fast=N, its own messages), so it has its own
// runner over the same codecs; run_compress_tool dispatches to it.
int run_zstd_tool(Invocation& inv, const CompressTool& tool, CompressMode mode);

}  // namespace burrow
