#!/usr/bin/env bash
# Installs what Takt needs on a fresh Debian 12 machine (run as root), then builds it.
# Idempotent: anything already present is left alone. Used by run-default.sh and test.sh.
#
#   scripts/setup.sh            # install missing packages, build release
#   TAKT_SKIP_BUILD=1 scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

# --- Swift toolchain: comes with the machine image (no download from here) -------------------
if ! command -v swift >/dev/null 2>&1; then
  for candidate in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
    [ -x "$candidate/swift" ] && export PATH="$candidate:$PATH"
  done
fi
command -v swift >/dev/null 2>&1 || { echo "error: Swift 6 toolchain not found (expected on PATH or in /opt/swift)" >&2; exit 1; }

# --- Debian packages ---------------------------------------------------------------------------
APT_PACKAGES=(pkg-config libhdf5-dev hdf5-tools)
missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- Slurm on this machine, for the sweep test (scripts/tests/test_slurm_sweep.py) ----------------
# Debian's slurmctld, slurmd and munge (about 13 MB); the test starts them by hand in a scratch
# folder and stops them again (no systemd needed). TAKT_SKIP_SLURM=1 skips this.
SLURM_PACKAGES=(slurmctld slurmd slurm-client munge)
if [ "${TAKT_SKIP_SLURM:-0}" != 1 ]; then
  missing=()
  for package in "${SLURM_PACKAGES[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install --no-install-recommends ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || log "warning: could not install ${missing[*]}; the Slurm sweep test will be skipped"
  fi
fi

# --- Python packages for the analyst kit and the Python tests ----------------------------------
PYTHON=${PYTHON:-python3}
# mypy and ruff check the analyst kit (scripts/test.sh); pinned so that a fresh machine checks
# with the rules CI checked with.
PIP_PACKAGES=(pytest jsonschema pyyaml numpy pandas h5py xarray matplotlib nbclient nbformat ipykernel
              mypy==2.4.1 ruff==0.17.6 pyarrow==26.0.1)
PIP_MODULES=(pytest jsonschema yaml numpy pandas h5py xarray matplotlib nbclient nbformat ipykernel mypy ruff pyarrow)
need_pip=()
for index in "${!PIP_MODULES[@]}"; do
  "$PYTHON" -c "import ${PIP_MODULES[$index]}" >/dev/null 2>&1 || need_pip+=("${PIP_PACKAGES[$index]}")
done
if [ ${#need_pip[@]} -gt 0 ]; then
  if ! "$PYTHON" -m pip --version >/dev/null 2>&1; then
    log "apt-get install python3-pip"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq python3-pip >/dev/null
  fi
  log "pip install ${need_pip[*]}"
  "$PYTHON" -m pip install -q --disable-pip-version-check --break-system-packages "${need_pip[@]}" 2>/dev/null \
    || "$PYTHON" -m pip install -q --disable-pip-version-check "${need_pip[@]}"
fi

# --- The analyst kit, installed as users get it --------------------------------------------------
# The Python tests import the installed takt_h5, not the source folder (scripts/tests/conftest.py
# stops them if the two differ), so (re)install it whenever its files differ from the source.
kit_current() {
  "$PYTHON" - <<'PY'
import filecmp, pathlib, sys
try:
    import takt_h5
except ImportError:
    sys.exit(1)
source, installed = pathlib.Path("scripts/takt_h5/takt_h5"), pathlib.Path(takt_h5.__file__).resolve().parent
files = [p for p in source.iterdir() if p.suffix in (".py", ".typed")]
sys.exit(0 if all((installed / p.name).is_file() and filecmp.cmp(p, installed / p.name, shallow=False)
                  for p in files) else 1)
PY
}
if ! kit_current; then
  log "pip install scripts/takt_h5"
  kit_flags=(-q --disable-pip-version-check --no-deps --force-reinstall)
  "$PYTHON" -m pip install "${kit_flags[@]}" --break-system-packages scripts/takt_h5 2>/dev/null \
    || "$PYTHON" -m pip install "${kit_flags[@]}" scripts/takt_h5
  kit_current || { echo "error: could not install scripts/takt_h5" >&2; exit 1; }
fi

# --- Build --------------------------------------------------------------------------------------
if [ "${TAKT_SKIP_BUILD:-0}" != 1 ]; then
  log "swift build -c release"
  swift build -c release 2>&1 | grep -v '^\[' >&2 || true
  test "${PIPESTATUS[0]}" -eq 0 || { echo "error: build failed" >&2; exit 1; }
fi
