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


@pytest.fixture(scope="session")
def report_inputs(takt: pathlib.Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, pathlib.Path]:
    """Real result files for the report tests, made once: a run of the flow line (breakdowns and
    maintenance), a comparison of the job shop (setups; two variants with different machines) and
    a merged 4-point sweep of the two-shift line."""
    folder = tmp_path_factory.mktemp("report-inputs")
    files = {"run": folder / "run.h5", "comparison": folder / "comparison.h5"}

    def takt_ok(*args: str) -> None:
        result = subprocess.run([str(takt), *args], capture_output=True, text=True, cwd=ROOT)
        assert result.returncode == 0, result.stderr

    takt_ok("run", "scenarios/flow-line.yaml", "--replications", "2", "--out", str(files["run"]))
    takt_ok("compare", "scenarios/job-shop.yaml", "--variants", "base,third_lathe", "--replications", "2",
            "--out", str(files["comparison"]))
    sweep = folder / "sweep.yaml"
    sweep.write_text(f"""name: report sweep
scenario: {ROOT / 'scenarios' / 'two-shifts.yaml'}
seed: 3
replications: 2
parameters:
  repair_crews.technicians.size: [1, 2]
  variant: [base, three_shifts]
fixed: {{run.duration: 1 w, run.warm_up: 1 d}}
kpis: [throughput, lead_time_mean, down.lathe]
""")
    takt_ok("sweep", "run", str(sweep), "--out", str(folder / "sweep"), "--jobs", "2")
    takt_ok("sweep", "merge", str(sweep), "--out", str(folder / "sweep"))
    files["sweep"] = folder / "sweep" / "sweep.h5"
    return files
