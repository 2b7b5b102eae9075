#!/usr/bin/env bash
# Lints the Swift code: `swift format lint --strict --recursive` (swift-format ships with the
# toolchain) with the configuration in .swift-format, over Sources, Tests, Fuzz and Examples.
#
#   scripts/lint.sh           # prints each finding and a closing line "lint: N findings"; exit 1 if N > 0
#
# What fails (the why of each choice is in CONTRIBUTING.md, "Lint"):
#   - every finding of the rules that .swift-format turns on;
#   - a line longer than 120 columns, trailing whitespace, a tab character.
# What does not fail: the pretty-printer's layout findings [Indentation], [AddLines], [RemoveLine],
# [Spacing], [TrailingComma], and its [LineLength] and [TrailingWhitespace], which describe the file
# as swift-format would have re-laid it out (a line it would re-indent past 120 columns, a second
# blank line), not as it is. swift-format cannot turn them off (swiftlang/swift-format#764), and
# Takt's layout (continuation lines aligned under the opening bracket, short bodies on one line)
# is not swift-format's; the 120-column limit is checked here on the text itself instead.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
export LC_ALL=C.UTF-8   # columns are characters, not bytes (the sources hold → and 人机料法环)

# Paths not linted, one path a line. Empty: every .swift file under the roots is linted; a path
# added here needs a reason in the commit that adds it.
EXCLUDED=()
ROOTS=(Sources Tests Fuzz Examples)
MAX_COLUMNS=120
LAYOUT_FINDINGS='\[(Indentation|AddLines|RemoveLine|Spacing|TrailingComma|LineLength|TrailingWhitespace)\]'

# Every .swift file under the roots, less the exclusions and hidden folders (.build of Fuzz/ and
# of the example packages holds dependencies' checkouts).
prune=()
for excluded in "${EXCLUDED[@]}"; do prune+=(-path "$excluded" -prune -o); done
roots=(); for root in "${ROOTS[@]}"; do [ -e "$root" ] && roots+=("$root"); done
files=()
while IFS= read -r -d '' file; do files+=("$file"); done \
    < <(find "${roots[@]}" -name '.*' -prune -o "${prune[@]}" -name '*.swift' -print0 | sort -z)
[ ${#files[@]} -gt 0 ] || { echo "lint: nothing to lint" >&2; exit 1; }
swift format --version >/dev/null 2>&1 || { echo "error: swift-format not found (it ships with Swift 6)" >&2; exit 1; }

findings=$(
    swift format lint --strict --recursive --configuration .swift-format "${files[@]}" 2>&1 \
        | grep -vE "$LAYOUT_FINDINGS" | grep -E ': (warning|error|note):|^error'
    grep -nHE "^.{$((MAX_COLUMNS + 1)),}" "${files[@]}" \
        | awk -F: -v max="$MAX_COLUMNS" '{ printf "%s:%s:%d: warning: [Columns] line is longer than %d columns\n", $1, $2, max + 1, max }'
    grep -nHE '[[:space:]]+$' "${files[@]}" \
        | awk -F: '{ printf "%s:%s:1: warning: [TrailingSpace] remove trailing whitespace\n", $1, $2 }'
    grep -nHP '\t' "${files[@]}" \
        | awk -F: '{ printf "%s:%s:1: warning: [Tabs] indent with spaces, not tabs\n", $1, $2 }'
)
count=$(grep -cE ': (warning|error):|^error' <<<"$findings")
[ -n "$findings" ] && printf '%s\n' "$findings"
echo "lint: $count findings"
[ "$count" -eq 0 ]
