#!/usr/bin/env bash
# Installs what Takt needs on a fresh Debian 12 machine (run as root), then builds it.
# Idempotent: anything already present is left alone. Used by run-default.sh and test.sh.
# Python packages go into the virtual environment .venv (TAKT_VENV), pinned by scripts/requirements.txt.
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

# --- Chromium, for the report's headless-browser test (scripts/tests/test_report_browser.py) -------
# Debian's chromium and a font; TAKT_SKIP_BROWSER=1 skips this (the test is then skipped).
BROWSER_PACKAGES=(chromium fonts-liberation)
if [ "${TAKT_SKIP_BROWSER:-0}" != 1 ]; then
  missing=()
  for package in "${BROWSER_PACKAGES[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install --no-install-recommends ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || log "warning: could not install ${missing[*]}; the report's browser test will be skipped"
  fi
fi

# --- Python: a virtual environment with pinned packages -------------------------------------------
# Everything Python (the analyst kit, its report, notebooks, mypy, ruff, the Python tests, the
# CLI's `takt report`) runs in the repository's own virtual environment, TAKT_VENV (default
# .venv, ignored by git), with the versions pinned in scripts/requirements.txt; the system
# interpreter is left alone. scripts/test.sh puts $TAKT_VENV/bin first on PATH.
VENV=${TAKT_VENV:-.venv}
BASE_PYTHON=${PYTHON:-python3}
REQUIREMENTS=scripts/requirements.txt
if [ ! -x "$VENV/bin/python3" ]; then
  if ! command -v "$BASE_PYTHON" >/dev/null 2>&1 || ! "$BASE_PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    log "apt-get install python3 python3-venv"   # Debian splits ensurepip off into python3-venv
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq python3 python3-venv >/dev/null
    BASE_PYTHON=python3
  fi
  log "$BASE_PYTHON -m venv $VENV"
  "$BASE_PYTHON" -m venv "$VENV" || { echo "error: could not create the virtual environment $VENV" >&2; exit 1; }
fi
PYTHON="$VENV/bin/python3"
# Installed when the pins changed since the last install (a stamp holds the file's hash).
stamp="$VENV/.takt-requirements.sha256"
wanted=$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  log "pip install -r $REQUIREMENTS (into $VENV)"
  "$PYTHON" -m pip install -q --disable-pip-version-check -r "$REQUIREMENTS" \
    || { echo "error: could not install $REQUIREMENTS into $VENV" >&2; exit 1; }
  echo "$wanted" > "$stamp"
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
files = [p.relative_to(source) for p in source.rglob("*")
         if p.suffix in (".py", ".typed", ".js", ".css") and "__pycache__" not in p.parts]
sys.exit(0 if all((installed / p).is_file() and filecmp.cmp(source / p, installed / p, shallow=False)
                  for p in files) else 1)
PY
}
if ! kit_current; then
  log "pip install scripts/takt_h5 (into $VENV)"
  "$PYTHON" -m pip install -q --disable-pip-version-check --no-deps --force-reinstall scripts/takt_h5
  kit_current || { echo "error: could not install scripts/takt_h5" >&2; exit 1; }
fi

# --- The takt package (Gymnasium environments over libTaktBridge.so, docs/python-bridge.md) ------
log "pip install scripts/takt (into $VENV)"
"$PYTHON" -m pip install -q --disable-pip-version-check --no-deps --force-reinstall scripts/takt \
  || { echo "error: could not install scripts/takt" >&2; exit 1; }

# --- Build --------------------------------------------------------------------------------------
if [ "${TAKT_SKIP_BUILD:-0}" != 1 ]; then
  log "swift build -c release"
  swift build -c release 2>&1 | grep -v '^\[' >&2 || true
  test "${PIPESTATUS[0]}" -eq 0 || { echo "error: build failed" >&2; exit 1; }
fi
