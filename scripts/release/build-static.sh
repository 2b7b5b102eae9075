#!/usr/bin/env bash
# A self-contained takt for machines without /opt/swift or Debian's HDF5 (cluster nodes, containers):
#
#   scripts/release/build-static.sh [--out DIR] [--scratch-path PATH] [--dry-run]
#
# builds `takt` with the Swift standard library and Foundation linked in (--static-swift-stdlib) and
# ships HDF5: libhdf5 and every library it pulls in beyond glibc go into DIR/lib, found through the
# binary's rpath ($ORIGIN/../lib). The result, DIR = dist/takt-<version>-linux-<arch> by default:
#
#   DIR/bin/takt    DIR/lib/libhdf5_serial.so.103 …    DIR/README.txt
#
# Copy DIR anywhere (or `tar -C dist -czf takt.tar.gz takt-…`) and run DIR/bin/takt. The
# Containerfile at the repository root runs this script in its build stage. --dry-run prints what it
# would run and exits (the tests check the arguments that way; a real build takes minutes).
set -euo pipefail
cd "$(dirname "$0")/../.."

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }
out="" scratch=".build-static" dry_run=0
while [ $# -gt 0 ]; do
  case "$1" in
    --out|--scratch-path)
      if [ $# -lt 2 ] || [[ "$2" == -* ]]; then echo "build-static.sh: $1 needs a folder" >&2; exit 2; fi
      if [ "$1" = --out ]; then out=$2; else scratch=$2; fi
      shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "build-static.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

version=$(sed -n 's/^ *static let version = "\(.*\)"$/\1/p' Sources/takt/Takt.swift)
arch=$(uname -m)
out=${out:-dist/takt-${version}-linux-${arch}}
build=(swift build -c release --product takt --static-swift-stdlib --scratch-path "$scratch"
       -Xlinker -rpath -Xlinker '$ORIGIN/../lib')
if [ "$dry_run" = 1 ]; then
  printf '%q ' "${build[@]}"; echo
  echo "copy $scratch/release/takt to $out/bin/takt, and libhdf5 with its non-glibc libraries to $out/lib"
  exit 0
fi

command -v patchelf >/dev/null || { echo "build-static.sh: needs patchelf (apt-get install patchelf)" >&2; exit 2; }
PATH="/opt/swift/usr/bin:$PATH"
"${build[@]}"
binary="$scratch/release/takt"
rm -rf -- "$out"
mkdir -p "$out/bin" "$out/lib"
cp "$binary" "$out/bin/takt"
strip "$out/bin/takt" 2>/dev/null || true

# Every shared library the binary needs, except glibc's own (present on every Linux) and the
# dynamic loader; the Swift runtime is linked in and must not appear.
glibc='^(linux-vdso|ld-linux|libc|libm|libdl|libpthread|librt|libresolv|libutil)\.so'
ldd "$binary" | awk '$3 ~ /^\// {print $1, $3}' | while read -r name path; do
  if [[ "$name" =~ $glibc ]]; then continue; fi
  if [[ "$path" == /opt/swift/* ]]; then
    echo "build-static.sh: $name still comes from the Swift toolchain ($path)" >&2; exit 1
  fi
  cp -L "$path" "$out/lib/$name"
done
# RUNPATH of the binary reaches only its direct libraries: each shipped library gets its own
# ($ORIGIN), so that libhdf5 finds libcurl, libsz … beside it rather than on the system.
for library in "$out"/lib/*; do patchelf --set-rpath '$ORIGIN' "$library"; done
cat > "$out/README.txt" <<TEXT
takt $version ($arch), self-contained: the Swift runtime is linked into bin/takt, and HDF5 with
the libraries it needs is in lib/ (found through the binary's rpath). Needs glibc 2.36 or newer.
Run: bin/takt version
TEXT
# the proof: it runs with only its own folder
env -i LD_LIBRARY_PATH= "$out/bin/takt" version
echo "build-static.sh: $out ($(du -sh "$out" | cut -f1))"
