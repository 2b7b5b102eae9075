#!/usr/bin/env bash
# Builds the libFuzzer harnesses in Fuzz/ and runs each for a while (docs/fuzzing.md).
#
#   scripts/fuzz/run.sh [SECONDS_PER_TARGET]      default 20; TARGETS="scenario jobshop" to pick some
#
# Each target runs with -timeout=10 -rss_limit_mb=2048 over its seed corpus (built by
# make_corpus.py from scenarios/, the golden bad files and the job-shop references) plus what
# earlier runs found (results/fuzz/work/TARGET, kept between runs). A crash, a timeout or an
# out-of-memory input is saved under results/fuzz/crashers/TARGET/ and makes the target fail.
# Logs: results/fuzz/logs/TARGET.log. Prints one line per target and a closing line
# "fuzz: N passed, M failed"; exits non-zero if any target failed (or the build did).
# Extra libFuzzer flags may be given in FUZZ_FLAGS (e.g. FUZZ_FLAGS="-jobs=2 -workers=2").
set -uo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
seconds="${1:-20}"
targets="${TARGETS:-scenario orders-csv environment-csv jobshop sweep schedule}"
out=results/fuzz
log() { printf '\033[1m[fuzz]\033[0m %s\n' "$*" >&2; }

log "building Fuzz/ (release, -sanitize=fuzzer)"
if ! (cd Fuzz && swift build -c release --sanitize=fuzzer 2>&1 | grep -E "error|warning: [^']" >&2; exit "${PIPESTATUS[0]}"); then
  echo "error: the fuzz build failed" >&2
  echo "fuzz: 0 passed, 1 failed"
  exit 1
fi
bin=$(cd Fuzz && swift build -c release --sanitize=fuzzer --show-bin-path)
python3 scripts/fuzz/make_corpus.py "$out" || exit 1
mkdir -p "$out/logs" "$out/tmp"
passed=0; failed=0
for target in $targets; do
  mkdir -p "$out/work/$target" "$out/crashers/$target"
  logfile="$out/logs/$target.log"
  # SWIFT_BACKTRACE off: libFuzzer's own handler then reports the signal and saves the input.
  # TMPDIR: each harness process copies scenarios/ into a folder of its own there.
  SWIFT_BACKTRACE=enable=no TMPDIR="$PWD/$out/tmp" TAKT_FUZZ_ROOT="$PWD" \
    "$bin/fuzz-$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -dict="$out/takt.dict" -artifact_prefix="$out/crashers/$target/" -print_final_stats=1 ${FUZZ_FLAGS:-} \
      "$out/work/$target" "$out/corpus/$target" >"$logfile" 2>&1
  rc=$?
  execs=$(grep -oE "stat::number_of_executed_units: *[0-9]+" "$logfile" | grep -oE "[0-9]+$" | awk '{s+=$1} END {print s+0}')
  [ "$execs" -gt 0 ] || execs=$(grep -oE "^#[0-9]+" "$logfile" | tail -1 | tr -d '#')   # -fork mode
  if [ "$rc" -eq 0 ]; then
    passed=$((passed + 1))
    log "$target: passed ($execs inputs in ${seconds} s)"
  else
    failed=$((failed + 1))
    log "$target: FAILED (exit $rc after $execs inputs); see $logfile and $out/crashers/$target/"
    grep -E "^(SUMMARY|==[0-9]+== ERROR|.*Fatal error|artifact_prefix)" "$logfile" | head -5 >&2
  fi
done
rm -rf "$out/tmp"
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
