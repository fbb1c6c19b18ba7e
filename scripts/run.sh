#!/usr/bin/env bash
# Sets up, builds and starts Burrow on its embedded in-memory world.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec build/burrow "$@"
