// Usage: text_bench INPUT [--stdin] CMD ARGS...
// Loads the host file INPUT into an in-memory filesystem as /data, runs CMD
// with every "@" argument replaced by /data (or with /data on stdin when
// --stdin is given), discards the output and prints the wall time in seconds
// and the output size. Only this benchmark driver touches host files.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "commands/command.h"
#include "process/string_files.h"
#if __has_include("vfs/mem_fs.h")
#include "vfs/mem_fs.h"
#define BENCH_MEMFS 1
#else
#include "commands/text_test_fs.h"
#endif

namespace {

class CountingSink : public burrow::vfs::File {
 public:
  burrow::vfs::Error read(void*, size_t, size_t& got) override {
    got = 0;
    return burrow::vfs::make_error(EBADF);
  }
  burrow::vfs::Error write(const void*, size_t n, size_t& written) override {
    bytes += n;
    written = n;
    return {};
  }
  burrow::vfs::Error stat(burrow::vfs::Stat& out) override {
    out = {};
    out.mode = S_IFIFO | 0600;
    return {};
  }
  int open_flags() const override { return O_WRONLY; }
  size_t bytes = 0;
};

}  // namespace

int main(int argc, char** argv) {
  using namespace burrow;
  if (argc < 3) {
    std::fprintf(stderr, "usage: text_bench INPUT [--stdin] CMD ARGS...\n");
    return 2;
  }
  std::ifstream f(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  std::string data = ss.str();
#ifdef BENCH_MEMFS
  auto fs = std::make_shared<vfs::MemFs>();
#else
  auto fs = std::make_shared<textdiff::TinyFs>();
#endif
  vfs::write_file(*fs, "/data", data);
  int i = 2;
  bool use_stdin = false;
  if (std::string(argv[i]) == "--stdin") {
    use_stdin = true;
    ++i;
  }
  std::vector<std::string> args;
  for (; i < argc; ++i) args.push_back(std::string(argv[i]) == "@" ? "/data" : argv[i]);
  const CommandInfo* cmd = Registry::global().find(args[0]);
  if (!cmd) {
    std::fprintf(stderr, "text_bench: %s: not registered\n", args[0].c_str());
    return 2;
  }
  auto out = std::make_shared<CountingSink>();
  auto err = std::make_shared<StringSink>();
  FdTable fds;
  if (use_stdin) {
    vfs::FilePtr in;
    fs->open("/data", O_RDONLY, 0, in);
    fds.set(0, in);
  } else {
    fds.set(0, make_string_source(""));
  }
  fds.set(1, out);
  fds.set(2, err);
  CancelToken cancel;
  Limits limits;
  Environment env;
  Invocation inv;
  inv.argv = args;
  inv.fds = &fds;
  inv.fs = fs.get();
  inv.cwd = "/";
  inv.env = &env;
  inv.cancel = &cancel;
  inv.limits = &limits;
  auto start = std::chrono::steady_clock::now();
  int status = run_command(*cmd, inv);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string e = err->take();
  if (!e.empty()) std::fprintf(stderr, "%s", e.c_str());
  std::printf("%.4f %zu %d\n", secs, out->bytes, status);
  return 0;
}
