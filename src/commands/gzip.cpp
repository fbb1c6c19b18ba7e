// gzip, gunzip, zcat: compress or expand files in the gzip format (GNU gzip
// 1.12), through zlib. The shared command line is in common/compress_cli.
#include "commands/common/compress_cli.h"

namespace burrow {
namespace {

const CompressTool kGzip{.style = CompressTool::Style::kGzip,
                         .format = codec::Format::kGzip,
                         .suffix = ".gz",
                         .other_suffixes = {{".tgz", ".tar"}, {".taz", ".tar"}, {"-gz", ""}, {".z", ""}, {"-z", ""}, {"_z", ""}},
                         .default_level = 6};

int run_gzip(Invocation& inv) { return run_compress_tool(inv, kGzip, CompressMode::kCompress); }
int run_gunzip(Invocation& inv) { return run_compress_tool(inv, kGzip, CompressMode::kDecompress); }
int run_zcat(Invocation& inv) { return run_compress_tool(inv, kGzip, CompressMode::kCat); }

}  // namespace

BURROW_COMMAND(gzip, "compress or expand files", run_gzip);
BURROW_COMMAND(gunzip, "expand gzip files", run_gunzip);
BURROW_COMMAND(zcat, "expand gzip files to standard output", run_zcat);

}  // namespace burrow
