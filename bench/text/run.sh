#!/bin/sh
# Times Burrow's text commands against GNU coreutils on a generated 50 MB
# input. Usage: bench/text/run.sh [BUILD_DIR] [SIZE_MB]
set -eu
BUILD=${1:-build}
MB=${2:-50}
BENCH="$BUILD/bench/text/text_bench"
[ -x "$BENCH" ] || { echo "build text_bench first: ninja -C $BUILD text_bench" >&2; exit 1; }
DIR=$(mktemp -d /tmp/burrow-textbench-XXXXXX)
trap 'rm -rf "$DIR"' EXIT
INPUT="$DIR/input.txt"
# Lines of a few whitespace/comma separated fields with repeats, like logs/CSV.
awk -v target=$((MB * 1024 * 1024)) 'BEGIN {
  srand(42); n = 0
  split("alpha beta gamma delta epsilon zeta eta theta iota kappa", w, " ")
  while (n < target) {
    line = int(rand() * 100000) "," w[int(rand() * 10) + 1] "," int(rand() * 1000) / 10 " some text " w[int(rand() * 10) + 1] " " int(rand() * 50)
    print line; n += length(line) + 1
  }
}' > "$INPUT"
export LC_ALL=C.UTF-8

gnu_time() {
  # Best of 3 wall-clock runs.
  best=""
  for _ in 1 2 3; do
    s=$(date +%s.%N)
    "$@" > /dev/null
    e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}

ours_time() {
  best=""
  for _ in 1 2 3; do
    t=$("$BENCH" "$INPUT" "$@" | cut -d' ' -f1)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}

printf '%-28s %10s %10s %8s\n' command gnu_s burrow_s ratio
run() {
  label=$1; shift
  g=$(gnu_time "$@" "$INPUT")
  o=$(ours_time "$@" @)
  printf '%-28s %10.3f %10.3f %8.2f\n' "$label" "$g" "$o" "$(echo "$o / $g" | bc -l)"
}
run "cat" cat
run "wc" wc
run "wc -l" wc -l
run "wc -m" wc -m
run "head -n 100000" head -n 100000
run "tail -n 100000" tail -n 100000
run "sort" sort
run "sort -n" sort -n
run "sort -t, -k2,2 -k1,1n" sort -t, -k2,2 -k1,1n
run "cut -d, -f2" cut -d, -f2
run "cut -b 1-10" cut -b 1-10
run "uniq -c" uniq -c
run "tac" tac
run "rev" rev
run "nl" nl
run "fold -w 20" fold -w 20
run "expand" expand
# tr reads stdin only.
g=$(gnu_time sh -c "tr a-z A-Z < $INPUT")
o=$(ours_time --stdin tr a-z A-Z)
printf '%-28s %10.3f %10.3f %8.2f\n' "tr a-z A-Z" "$g" "$o" "$(echo "$o / $g" | bc -l)"
g=$(gnu_time sh -c "tr -s ' ' < $INPUT")
o=$(ours_time --stdin tr -s ' ')
printf '%-28s %10.3f %10.3f %8.2f\n' "tr -s ' '" "$g" "$o" "$(echo "$o / $g" | bc -l)"
