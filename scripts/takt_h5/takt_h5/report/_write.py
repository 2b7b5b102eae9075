"""Writing a report page to disk: whole or not at all."""
from __future__ import annotations

import os
import pathlib
import tempfile
from typing import Union

from ._build import render_report

PathLike = Union[str, "os.PathLike[str]"]


def default_output(source: PathLike) -> pathlib.Path:
    """Where :func:`write_report` writes by default: beside the result file, ``.h5`` → ``.html``."""
    path = pathlib.Path(os.fspath(source))
    return path.with_name(path.name[:-3] + ".html" if path.name.endswith(".h5") else path.name + ".html")


def write_report(source: PathLike, output: PathLike | None = None) -> pathlib.Path:
    """Render the report of the result file ``source`` and write it to ``output`` (default: beside
    it, ``.h5`` → ``.html``), through a temporary file renamed into place, so a failure leaves no
    half-written page. Returns the path written."""
    source_path = pathlib.Path(os.fspath(source))
    target = default_output(source_path) if output is None else pathlib.Path(os.fspath(output))
    text = render_report(source_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        pathlib.Path(temporary).unlink(missing_ok=True)
        raise
    return target
