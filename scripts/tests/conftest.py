"""Shared fixtures for Takt's Python tests: the repository root and the built `takt` binary.

The analyst kit is tested as users get it: installed (`pip install scripts/takt_h5`, which
scripts/setup.sh does), not imported from the source folder. `pytest_configure` stops the run
early if the installed copy is missing or differs from the source, instead of testing old code.
"""
import filecmp
import pathlib
import re
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
KIT_SOURCE = ROOT / "scripts" / "takt_h5" / "takt_h5"


def kit_differences(installed: pathlib.Path) -> list[str]:
    """The kit's files (modules, py.typed, and the report's scripts and style sheet, in every
    subpackage) missing from `installed` or different there, as paths relative to the package."""
    files = [path.relative_to(KIT_SOURCE) for path in sorted(KIT_SOURCE.rglob("*"))
             if path.suffix in (".py", ".typed", ".js", ".css") and "__pycache__" not in path.parts]
    return [str(path) for path in files
            if not (installed / path).is_file() or not filecmp.cmp(KIT_SOURCE / path, installed / path, shallow=False)]


def pytest_configure(config: pytest.Config) -> None:
    try:
        import takt_h5
    except ImportError:
        pytest.exit("takt_h5 is not installed: run scripts/setup.sh (or pip install scripts/takt_h5)", returncode=4)
    installed = pathlib.Path(takt_h5.__file__).resolve().parent
    stale = kit_differences(installed)
    if stale:
        pytest.exit(f"the installed takt_h5 ({installed}) differs from scripts/takt_h5 in {', '.join(stale)}: "
                    "run scripts/setup.sh (or pip install --force-reinstall scripts/takt_h5)", returncode=4)


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT


@pytest.fixture(scope="session")
def takt() -> pathlib.Path:
    """The release `takt` binary, built if missing."""
    binary = ROOT / ".build" / "release" / "takt"
    if not binary.exists():
        subprocess.run(["swift", "build", "-c", "release", "--product", "takt"], cwd=ROOT, check=True)
    return binary


# Examples that take many seconds as written are run over one simulated day (after a 4 h warm-up)
# by the tests that run every example (determinism, golden hashes).
SHORTENED = {"fleet-maintenance.yaml", "panel-inspection.yaml", "tab-welding.yaml", "wear-sensors.yaml",
             "machine-shop.yaml", "job-shop.yaml"}


@pytest.fixture(scope="module")
def scenario_dir(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """A copy of scenarios/ with the long examples shortened to one day, beside symlinks to the
    other example files, so relative paths still work."""
    folder = tmp_path_factory.mktemp("scenarios")
    for entry in (ROOT / "scenarios").iterdir():
        if entry.name in SHORTENED:
            text = entry.read_text()
            shortened = re.sub(r"^(run: \{.*)duration: [^,}]+", r"\1duration: 1 d", text, count=1, flags=re.M)
            shortened = re.sub(r"^(run: \{.*)warm_up: [^,}]+", r"\1warm_up: 4 h", shortened, count=1, flags=re.M)
            assert shortened != text, entry.name
            (folder / entry.name).write_text(shortened)
        else:
            (folder / entry.name).symlink_to(entry)
    return folder
