#!/usr/bin/env bash
# One command from a fresh checkout: install what is missing, build, run every test.
#   0. Static checks, each one test: Swift lint (scripts/lint.sh: swift-format rules, 120 columns),
#      and for the analyst kit mypy and ruff (configured in scripts/takt_h5/pyproject.toml). Seconds.
#   1. Swift tests, release build (statistical tests need millions of events).
#   2. Kernel tests, the random factory scenarios (with transport links) and the exact transport
#      cases again in a debug build with TAKT_INTERNAL_CHECKS (invariant checks on; about 1 minute).
#   3. Python tests (scenario schema, CLI end to end), then the Examples/ package (builds against
#      Takt's library products, its tests and its two programs).
#   Documentation: the DocC catalogs of TaktKernel and TaktFactory, warnings as errors (a broken
#      symbol link fails); one test each; about 40 s from cold, 20 s warm (.build/plugins/Swift-DocC).
#   4. Fuzzing: each libFuzzer harness in Fuzz/ for TAKT_FUZZ_SECONDS (default 30) seconds, about
#      3 minutes in all (docs/fuzzing.md); each harness counts as one test. TAKT_FUZZ_SECONDS=0 skips.
# Prints a closing line "tests: N passed, M failed" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
TAKT_SKIP_BUILD=1 scripts/setup.sh || exit 1
export PATH="/opt/swift/usr/bin:$PATH"
log() { printf '\033[1m[test]\033[0m %s\n' "$*" >&2; }
mkdir -p .build
passed=0; failed=0; status=0

count_xctest() {  # $1: log file → adds "Executed N tests, with F failures" of the last summary
  local line n f
  line=$(grep -E "Executed [0-9]+ tests?, with [0-9]+ failures?" "$1" | tail -1)
  n=$(sed -E 's/.*Executed ([0-9]+) tests?.*/\1/' <<<"$line"); f=$(sed -E 's/.*with ([0-9]+) failures?.*/\1/' <<<"$line")
  passed=$((passed + ${n:-0} - ${f:-0})); failed=$((failed + ${f:-0}))
}

check() {  # $1: name, $2: log file, rest: command → one test, passed when the command succeeds
  local name=$1 file=$2; shift 2
  log "$name"
  if "$@" >"$file" 2>&1; then passed=$((passed + 1)); tail -1 "$file" >&2
  else failed=$((failed + 1)); status=1; tail -40 "$file" >&2; echo "error: $name failed" >&2; fi
}
check "lint (scripts/lint.sh)" .build/test-lint.log scripts/lint.sh
check "mypy (analyst kit)" .build/test-mypy.log bash -c 'cd scripts/takt_h5 && python3 -m mypy'
check "ruff (analyst kit and Python tests)" .build/test-ruff.log \
  bash -c 'cd scripts/takt_h5 && python3 -m ruff check takt_h5 ../tests'

log "swift test -c release"
swift build --build-tests -c release 2>&1 | grep -E "error|warning: [^']" >&2
if [ "${PIPESTATUS[0]}" -ne 0 ]; then echo "error: release test build failed" >&2; status=1; fi
swift test -c release --skip-build --disable-swift-testing 2>&1 | tee .build/test-release.log | grep -E "error|failed|Executed" >&2
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
count_xctest .build/test-release.log

log "kernel tests and random scenarios with TAKT_INTERNAL_CHECKS (debug)"
swift build --build-tests --scratch-path .build-checks -Xswiftc -DTAKT_INTERNAL_CHECKS 2>&1 | grep -E "error" >&2
if [ "${PIPESTATUS[0]}" -ne 0 ]; then echo "error: checked test build failed" >&2; status=1; fi
swift test --skip-build --scratch-path .build-checks -Xswiftc -DTAKT_INTERNAL_CHECKS --disable-swift-testing \
  --filter 'TaktKernelTests\.(EventCalendarTests|SimulationTests|ResourceTests)|TaktFactoryTests\.(RandomScenarioTests|BatchMaterialTests)|TaktFactoryTests\.TransportTests/test(Constant|Conveyor|VehicleTrip)' 2>&1 | tee .build/test-checks.log | grep -E "error|failed|Executed" >&2
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
count_xctest .build/test-checks.log

log "python tests"
python3 -m pytest -q scripts/tests 2>&1 | tee .build/test-python.log | tail -3 >&2
pytest_status=${PIPESTATUS[0]}
[ "$pytest_status" -eq 0 ] || [ "$pytest_status" -eq 5 ] || status=1
line=$(grep -E "[0-9]+ (passed|failed)" .build/test-python.log | tail -1)
p=$(grep -oE "[0-9]+ passed" <<<"$line" | grep -oE "[0-9]+"); f=$(grep -oE "[0-9]+ failed" <<<"$line" | grep -oE "[0-9]+")
passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))

log "examples: a package that depends on Takt's libraries (Examples/, debug build)"
swift build --package-path Examples --build-tests 2>&1 | grep -E "error" >&2
if [ "${PIPESTATUS[0]}" -ne 0 ]; then
  echo "error: the examples package does not build" >&2; status=1; failed=$((failed + 1))
else
  swift test --package-path Examples --skip-build 2>&1 | tee .build/test-examples.log | grep -E "error|failed|Executed" >&2
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  count_xctest .build/test-examples.log
  for example in "bank-queue" "vibration-maintenance --replications 4 --days 5"; do   # one test each
    if Examples/.build/debug/$example > .build/example-"${example%% *}".log 2>&1; then
      passed=$((passed + 1))
    else
      echo "error: example $example failed (.build/example-${example%% *}.log)" >&2; status=1; failed=$((failed + 1))
    fi
  done
fi

log "documentation: DocC catalogs (swift package generate-documentation, warnings as errors)"
for target in TaktKernel TaktFactory; do
  if swift package generate-documentation --target "$target" --warnings-as-errors >".build/test-docc-$target.log" 2>&1; then
    passed=$((passed + 1))
  else
    grep -E "error|warning" ".build/test-docc-$target.log" >&2
    echo "error: documentation of $target failed (.build/test-docc-$target.log)" >&2
    failed=$((failed + 1)); status=1
  fi
done

fuzz_seconds="${TAKT_FUZZ_SECONDS:-30}"
if [ "$fuzz_seconds" -gt 0 ]; then
  log "fuzzing: every reader for ${fuzz_seconds} s (scripts/fuzz/run.sh)"
  scripts/fuzz/run.sh "$fuzz_seconds" 2>&1 | tee .build/test-fuzz.log | grep -E "\[fuzz\]|error|SUMMARY|Fatal" >&2
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  line=$(grep -E "^fuzz: [0-9]+ passed, [0-9]+ failed" .build/test-fuzz.log | tail -1)
  p=$(sed -E 's/^fuzz: ([0-9]+) passed.*/\1/' <<<"$line"); f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
fi

[ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1   # a build failure counts as a failure
echo "tests: $passed passed, $failed failed"
exit "$status"
