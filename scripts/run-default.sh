#!/usr/bin/env bash
# One command from a fresh checkout: install what is missing, build, run the default scenario.
#   scripts/run-default.sh [takt run options...]      e.g. --replications 20 --json
set -euo pipefail
cd "$(dirname "$0")/.."
TAKT_SKIP_SLURM=1 TAKT_SKIP_BROWSER=1 scripts/setup.sh   # Slurm and Chromium are only needed by the tests
exec .build/release/takt run "$@"
