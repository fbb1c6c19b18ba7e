// bzip2, bunzip2, bzcat: block-sorting compression (bzip2 1.0.8), through
// libbz2. The shared command line is in common/compress_cli.
#include "commands/common/compress_cli.h"

namespace burrow {
namespace {

const CompressTool kBzip2{.style = CompressTool::Style::kBzip2,
                          .format = codec::Format::kBzip2,
                          .suffix = ".bz2",
                          .other_suffixes = {{".bz", ""}, {".tbz2", ".tar"}, {".tbz", ".tar"}},
                          .default_level = 9};

int run_bzip2(Invocation& inv) { return run_compress_tool(inv, kBzip2, CompressMode::kCompress); }
int run_bunzip2(Invocation& inv) { return run_compress_tool(inv, kBzip2, CompressMode::kDecompress); }
int run_bzcat(Invocation& inv) { return run_compress_tool(inv, kBzip2, CompressMode::kCat); }

}  // namespace

BURROW_COMMAND(bzip2, "a block-sorting file compressor", run_bzip2);
BURROW_COMMAND(bunzip2, "expand bzip2 files", run_bunzip2);
BURROW_COMMAND(bzcat, "expand bzip2 files to standard output", run_bzcat);

}  // namespace burrow
