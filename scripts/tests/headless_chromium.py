"""Debian's chromium, driven from its command line, for tests that load a page as a browser does.

`load` returns the DOM after the page's scripts ran (``--dump-dom`` with a virtual-time budget)
and every console message the page produced (``--enable-logging=stderr``: console output,
uncaught exceptions and failed loads alike). Name resolution is switched off
(``--host-resolver-rules``), so a page that tries to fetch anything from the network logs an
error instead of quietly succeeding. `screenshot` writes a PNG.
"""
from __future__ import annotations

import pathlib
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass

#: A console line as chromium logs it: `[…:INFO:CONSOLE:12] "message", source: file:///… (12)`.
CONSOLE = re.compile(r":CONSOLE[:(]\d*\)?\] (.*)$")

#: Flags for every run: headless, no GPU, no sandbox (root in CI), no network names, no first-run UI.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def find() -> str | None:
    """The chromium executable (`chromium`, Debian's; or `chromium-browser`), or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class PageLoad:
    """What loading a page gave: its DOM after the scripts ran, and its console messages."""

    dom: str
    console: list[str]


def _run(url: str, extra: list[str], timeout: float) -> tuple[str, list[str]]:
    binary = find()
    if binary is None:
        raise FileNotFoundError("chromium is not installed (scripts/setup.sh installs Debian's chromium)")
    with tempfile.TemporaryDirectory(prefix="takt-chromium-") as profile:
        result = subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", *extra, url],
                                capture_output=True, text=True, timeout=timeout)
    console = [match.group(1) for line in result.stderr.splitlines() if (match := CONSOLE.search(line))]
    if result.returncode != 0:
        raise RuntimeError(f"chromium exited with {result.returncode}: {result.stderr[-2000:]}")
    return result.stdout, console


def load(url: str, *, budget_ms: int = 10_000, timeout: float = 60) -> PageLoad:
    """Load ``url``, let its scripts and timers run for ``budget_ms`` of virtual time, and return the DOM."""
    dom, console = _run(url, [f"--virtual-time-budget={budget_ms}", "--dump-dom"], timeout)
    return PageLoad(dom, console)


def screenshot(url: str, path: pathlib.Path, *, width: int = 1280, height: int = 2400, budget_ms: int = 10_000,
               timeout: float = 60) -> list[str]:
    """Write a PNG of ``url`` at ``width`` × ``height`` to ``path``; returns the console messages."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _, console = _run(url, [f"--virtual-time-budget={budget_ms}", f"--window-size={width},{height}",
                            f"--screenshot={path}"], timeout)
    if not path.is_file():
        raise RuntimeError(f"chromium wrote no screenshot to {path}")
    return console
