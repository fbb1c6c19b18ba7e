// Google Benchmark micro-benchmarks for the layers under every script: the
// parser, expansion, pipes, MemFs and session creation.
//
//   build/bench/micro/burrow_micro [--benchmark_filter=Parse]
#include <benchmark/benchmark.h>

#include <thread>

#include "burrow/sandbox.h"
#include "process/pipe.h"
#include "shell/parser.h"
#include "vfs/layout.h"
#include "vfs/mem_fs.h"

namespace {

// A script of the kind agents write: functions, loops, expansions, pipelines.
std::string sample_script(int copies) {
  std::string one = R"sh(deploy() {
  local target=${1:-staging} n=0
  for f in "$@"; do
    case $f in
      *.json) jq -r '.name' "$f" | sort -u >> /tmp/names ;;
      *) [[ -f $f && $f =~ ^[a-z]+ ]] && n=$((n + ${#f} * 2)) ;;
    esac
  done
  if grep -q "error" <<< "$(cat /tmp/log 2>&1)"; then echo "failed: $target" >&2; return 1; fi
  printf '%s %d\n' "$target" "$n"
}
)sh";
  std::string s;
  for (int i = 0; i < copies; ++i) s += one;
  return s;
}

void BM_ParseScript(benchmark::State& state) {
  std::string src = sample_script(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    burrow::shell::ParseError err;
    auto list = burrow::shell::parse_script(src, err);
    benchmark::DoNotOptimize(list);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * src.size()));
}
BENCHMARK(BM_ParseScript)->Arg(1)->Arg(100);

// Expansion through a live session: parameter operators, arithmetic,
// splitting and brace expansion in one loop body.
void BM_Expansion(benchmark::State& state) {
  auto sandbox = burrow::Sandbox::create({});
  sandbox->exec("s='alpha beta gamma delta'; a=(one two three four five)");
  const std::string script =
      "for ((i = 0; i < 1000; i++)); do x=${s// /_}; y=${a[*]:1:3}; z=$(( (i * 7) % 13 + ${#s} )); "
      "set -- $s {1..4}; w=${x^^}${y%% *}; done";
  for (auto _ : state) {
    auto r = sandbox->exec(script);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_Expansion)->Unit(benchmark::kMillisecond);

// Bytes through one bounded pipe between two threads.
void BM_PipeThroughput(benchmark::State& state) {
  const size_t chunk = static_cast<size_t>(state.range(0));
  const size_t total = 64 << 20;
  std::string data(chunk, 'x');
  std::vector<char> sink(1 << 16);
  for (auto _ : state) {
    auto ends = burrow::make_pipe(nullptr);
    std::thread writer([&, w = std::move(ends.write)]() mutable {
      size_t written = 0;
      for (size_t sent = 0; sent < total; sent += chunk) w->write(data.data(), chunk, written);
      w.reset();
    });
    size_t got = 0, sum = 0;
    do {
      ends.read->read(sink.data(), sink.size(), got);
      sum += got;
    } while (got > 0);
    writer.join();
    benchmark::DoNotOptimize(sum);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total));
}
BENCHMARK(BM_PipeThroughput)->Arg(512)->Arg(64 << 10)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_MemFsCreateWriteStat(benchmark::State& state) {
  burrow::vfs::MemFs fs;
  fs.mkdir("/d", 0755);
  const std::string payload(200, 'p');
  int64_t i = 0;
  for (auto _ : state) {
    std::string path = "/d/f" + std::to_string(i++ % 4096);
    burrow::vfs::write_file(fs, path, payload);
    burrow::vfs::Stat st;
    fs.stat(path, st);
    benchmark::DoNotOptimize(st);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MemFsCreateWriteStat);

void BM_MemFsReaddirDeepLookup(benchmark::State& state) {
  burrow::vfs::MemFs fs;
  std::string dir;
  for (int depth = 0; depth < 12; ++depth) {
    dir += "/level" + std::to_string(depth);
    fs.mkdir(dir, 0755);
  }
  for (int i = 0; i < 256; ++i) burrow::vfs::write_file(fs, dir + "/file" + std::to_string(i), "x");
  for (auto _ : state) {
    std::vector<burrow::vfs::DirEntry> entries;
    fs.readdir(dir, entries);
    burrow::vfs::Stat st;
    fs.lstat(dir + "/file7", st);
    benchmark::DoNotOptimize(entries);
  }
}
BENCHMARK(BM_MemFsReaddirDeepLookup);

// The copy-on-write fork that gives every session its own world.
void BM_MemFsFork(benchmark::State& state) {
  auto tmpl = burrow::vfs::memory_world_template();
  for (auto _ : state) {
    auto fork = tmpl->fork();
    benchmark::DoNotOptimize(fork);
  }
}
BENCHMARK(BM_MemFsFork);

void BM_SessionCreate(benchmark::State& state) {
  for (auto _ : state) {
    auto sandbox = burrow::Sandbox::create({});
    benchmark::DoNotOptimize(sandbox);
  }
}
BENCHMARK(BM_SessionCreate)->Unit(benchmark::kMicrosecond);

void BM_SessionCreateAndFirstCommand(benchmark::State& state) {
  for (auto _ : state) {
    auto sandbox = burrow::Sandbox::create({});
    auto r = sandbox->exec("echo hi > f; cat f | wc -c");
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_SessionCreateAndFirstCommand)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
