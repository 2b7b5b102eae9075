"""One release number for the `takt` tool and the analyst kit, and the result-file format each
release writes, agree everywhere they are written (CHANGELOG.md, "Versions")."""
import importlib.metadata
import re
import subprocess

import h5py
from conftest import ROOT

import takt_h5
import takt_h5._layout

RELEASE_HEADING = re.compile(r"^## \[(\d+\.\d+\.\d+)\] - \S+ — result format (\d+\.\d+)$", re.M)


def found(path: str, pattern: str) -> str:
    """The first group of `pattern` in the file at `path` (relative to the root); fails if absent."""
    text = (ROOT / path).read_text(encoding="utf-8")
    match = re.search(pattern, text, re.M)
    assert match, f"{path}: no match for {pattern!r}"
    return match.group(1)


def changelog() -> tuple[str, str, dict[str, tuple[str, str]]]:
    """The newest release and its result format, and the Versions table: release → formats."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = RELEASE_HEADING.findall(text)
    assert headings, "CHANGELOG.md has no release heading '## [X.Y.Z] - date — result format A.B'"
    table = {m.group(1): (m.group(2), m.group(3))
             for m in re.finditer(r"^\| (\d+\.\d+\.\d+) \| (\d+\.\d+) \| (\d+\.\d+) \|$", text, re.M)}
    return headings[0][0], headings[0][1], table


def test_tool_and_kit_carry_the_release_number():
    release, _, table = changelog()
    places = {
        "Sources/takt/Takt.swift": found("Sources/takt/Takt.swift", r'static let version = "([^"]+)"'),
        "scripts/takt_h5/pyproject.toml": found("scripts/takt_h5/pyproject.toml", r'^version = "([^"]+)"'),
        "scripts/takt_h5/takt_h5/__init__.py": found("scripts/takt_h5/takt_h5/__init__.py",
                                                     r'^__version__ = "([^"]+)"'),
        "installed takt_h5.__version__": takt_h5.__version__,
        "installed takt-h5 metadata": importlib.metadata.version("takt-h5"),
    }
    wrong = {place: version for place, version in places.items() if version != release}
    assert not wrong, f"CHANGELOG.md's newest release is {release}; these say otherwise: {wrong}"
    assert release in table, f"CHANGELOG.md's Versions table has no row for {release}"


def test_every_copy_of_the_result_format_agrees():
    release, result_format, table = changelog()
    places = {
        "ResultFile.formatVersion": found("Sources/TaktRecording/ResultFile+Comparison.swift",
                                          r'static let formatVersion = "([^"]+)"'),
        "takt_h5.FORMAT_VERSION": takt_h5.FORMAT_VERSION,
        "docs/hdf5-layout.md title": found("docs/hdf5-layout.md",
                                           r"^# HDF5 result file layout — format version (\S+)$"),
        "docs/hdf5-layout.md root attributes": found("docs/hdf5-layout.md",
                                                     r'^\| `format_version` \| string \| `"([^"]+)"`'),
        "CHANGELOG.md Versions table": table.get(release, ("?", "?"))[0],
    }
    wrong = {place: version for place, version in places.items() if version != result_format}
    assert not wrong, f"CHANGELOG.md: release {release} writes result format {result_format}; but {wrong}"
    assert takt_h5._layout.SUPPORTED_MAJOR == result_format.split(".")[0]


def test_the_sweep_file_format_agrees():
    release, _, table = changelog()
    written = found("Sources/TaktSweep/Merge/SweepMerge+Write.swift", r'\("format_version", "([^"]+)"\)')
    documented = found("docs/sweep-format.md", r"`format_version` \(([\d.]+)\)")
    assert written == documented == table[release][1], (written, documented, table[release])


def test_the_binary_and_its_files_say_the_same(takt, tmp_path):
    release, result_format, _ = changelog()
    version = subprocess.run([str(takt), "version"], capture_output=True, text=True, check=True).stdout
    assert version.strip() == f"takt {release}"
    out = tmp_path / "v.h5"
    subprocess.run([str(takt), "run", "scenarios/queue-mm5.yaml", "--replications", "1", "--out", str(out)],
                   cwd=ROOT, capture_output=True, check=True)
    with h5py.File(out, "r") as file:
        attributes = {k: (v.decode() if isinstance(v, bytes) else str(v)) for k, v in file.attrs.items()}
    assert attributes["format_version"] == result_format and attributes["takt_version"] == release, attributes
