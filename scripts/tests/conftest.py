"""Shared fixtures for Takt's Python tests: the repository root and the built `takt` binary."""
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


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
