#!/usr/bin/env bash
# Builds the libFuzzer targets with clang-16 into build-fuzz/ and runs each
# one for a while against its seed corpus (fuzz/corpus/<name>/).
#
#   scripts/fuzz.sh              every target, 30 s each
#   scripts/fuzz.sh 600 sed awk  the named targets, 10 minutes each
#
# A crash, a leak or a timeout stops with a non-zero status; the input that
# caused it is left in build-fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
# A fixed seed keeps CI's short runs reproducible; FUZZ_SEED=0 picks one at random.
seed="${FUZZ_SEED:-1}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(parser arith glob regex sed awk vfs_path)
fi

scripts/setup.sh --fuzz
if [ ! -f build-fuzz/build.ninja ]; then
  CC=clang-16 CXX=clang++-16 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DBURROW_FUZZ=ON -DBUILD_TESTING=OFF -DBURROW_BENCH=OFF
fi
cmake --build build-fuzz --target "${targets[@]/%/_fuzz}"

mkdir -p build-fuzz/artifacts
for t in "${targets[@]}"; do
  # The seed corpus stays untouched; new inputs go to a scratch copy.
  work="build-fuzz/corpus/$t"
  mkdir -p "$work"
  cp -n fuzz/corpus/"$t"/* "$work"/ 2>/dev/null || true
  echo "fuzz: $t for ${seconds}s" >&2
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "build-fuzz/fuzz/${t}_fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -seed="$seed" \
    -max_len=4096 -print_final_stats=1 -artifact_prefix=build-fuzz/artifacts/"$t"- "$work" \
    2>build-fuzz/"$t".log || { tail -50 build-fuzz/"$t".log; exit 1; }
  grep -E "^stat::number_of_executed_units|^Done" build-fuzz/"$t".log >&2 || true
done
