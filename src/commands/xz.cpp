// xz, unxz, xzcat: compress or expand .xz files (XZ Utils 5.4), through
// liblzma. The shared command line is in common/compress_cli.
#include "commands/common/compress_cli.h"

namespace burrow {
namespace {

const CompressTool kXz{.style = CompressTool::Style::kXz,
                       .format = codec::Format::kXz,
                       .suffix = ".xz",
                       .other_suffixes = {{".txz", ".tar"}},
                       .default_level = 6};

int run_xz(Invocation& inv) { return run_compress_tool(inv, kXz, CompressMode::kCompress); }
int run_unxz(Invocation& inv) { return run_compress_tool(inv, kXz, CompressMode::kDecompress); }
int run_xzcat(Invocation& inv) { return run_compress_tool(inv, kXz, CompressMode::kCat); }

}  // namespace

BURROW_COMMAND(xz, "compress or decompress .xz files", run_xz);
BURROW_COMMAND(unxz, "decompress .xz files", run_unxz);
BURROW_COMMAND(xzcat, "decompress .xz files to standard output", run_xzcat);

}  // namespace burrow
