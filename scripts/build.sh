#!/usr/bin/env bash
# Configures and builds Burrow into build/, python3 included: CPython for
# WebAssembly comes from scripts/build-python.sh (cached after the first run).
set -euo pipefail
cd "$(dirname "$0")/.."
python_dir=$(scripts/build-python.sh)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBURROW_PYTHON_DIR="$python_dir" "$@" >/dev/null
cmake --build build
