#!/usr/bin/env bash
# Installs every Debian package Burrow needs to build and test. Idempotent:
# apt-get runs only when something is missing.
set -euo pipefail

build_packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libgtest-dev libgmock-dev libbenchmark-dev
  libre2-dev libpcre2-dev libarchive-dev zlib1g-dev libbz2-dev liblzma-dev libzstd-dev
  libssl-dev libedit-dev libmagic-dev nlohmann-json3-dev
  nettle-dev libbsd-dev libmd-dev libncurses-dev  # static archives that libarchive and libedit need
)
# Reference tools that the differential tests compare against.
test_packages=(python3 bash coreutils gawk grep sed findutils diffutils patch ripgrep bc dc jq file gzip bzip2 xz-utils zstd)

# The libFuzzer build (scripts/fuzz.sh) needs clang and its runtimes.
fuzz_packages=(clang-16 libclang-rt-16-dev)

wanted=("${build_packages[@]}")
case "${1:-}" in
  --test) wanted+=("${test_packages[@]}") ;;
  --fuzz) wanted+=("${fuzz_packages[@]}") ;;
esac

missing=()
for pkg in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  echo "setup: installing ${missing[*]}" >&2
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
