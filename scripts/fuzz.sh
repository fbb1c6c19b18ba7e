#!/usr/bin/env bash
# Builds the libFuzzer targets with clang-16 into build-fuzz/ and runs each
# one for a while against its seed corpus (fuzz/corpus/<name>/).
#
#   scripts/fuzz.sh              every target, 30 s each
#   scripts/fuzz.sh 600 sed awk  the named targets, 10 minutes each
#   scripts/fuzz.sh ci           every target for a fixed number of inputs
#
# CI uses "ci": a budget of inputs rather than seconds, with a fixed seed, makes
# the run the same on every machine however fast it is, so a failure in CI is
# reproduced by running the same command here.
#
# A crash, a leak or a timeout stops with a non-zero status; the input that
# caused it is left in build-fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
budget="${1:-30}"
# A fixed seed keeps CI's short runs reproducible; FUZZ_SEED=0 picks one at random.
seed="${FUZZ_SEED:-1}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(parser arith glob regex sed awk vfs_path)
fi

# Inputs per target in CI: roughly 30 s each on a 2-core machine.
declare -A ci_runs=([parser]=150000 [arith]=30000 [glob]=15000 [regex]=150000 [sed]=30000 [awk]=20000
  [vfs_path]=100000)

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
  if [ "$budget" = ci ]; then
    limit="-runs=${ci_runs[$t]}"
  else
    limit="-max_total_time=$budget"
  fi
  echo "fuzz: $t ($limit)" >&2
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "build-fuzz/fuzz/${t}_fuzz" "$limit" -timeout=10 -rss_limit_mb=2048 -seed="$seed" \
    -max_len=4096 -print_final_stats=1 -artifact_prefix=build-fuzz/artifacts/"$t"- "$work" \
    2>build-fuzz/"$t".log || { tail -50 build-fuzz/"$t".log; exit 1; }
  grep -E "^stat::number_of_executed_units|^Done" build-fuzz/"$t".log >&2 || true
done
