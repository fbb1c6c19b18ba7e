// zstd, unzstd, zstdcat: compress or expand .zst files (the zstd 1.5 CLI),
// through libzstd. The command line is in common/zstd_cli.
#include "commands/common/compress_cli.h"

namespace burrow {
namespace {

const CompressTool kZstd{.style = CompressTool::Style::kZstd,
                         .format = codec::Format::kZstd,
                         .suffix = ".zst",
                         .other_suffixes = {{".tzst", ".tar"}, {".gz", ""}, {".tgz", ".tar"}, {".lzma", ""},
                                            {".xz", ""}, {".txz", ".tar"}, {".lz4", ""}, {".tlz4", ".tar"}},
                         .default_level = 3};

int run_zstd(Invocation& inv) { return run_compress_tool(inv, kZstd, CompressMode::kCompress); }
int run_unzstd(Invocation& inv) { return run_compress_tool(inv, kZstd, CompressMode::kDecompress); }
int run_zstdcat(Invocation& inv) { return run_compress_tool(inv, kZstd, CompressMode::kCat); }

}  // namespace

BURROW_COMMAND(zstd, "compress or decompress .zst files", run_zstd);
BURROW_COMMAND(unzstd, "decompress .zst files", run_unzstd);
BURROW_COMMAND(zstdcat, "decompress .zst files to standard output", run_zstdcat);

}  // namespace burrow
