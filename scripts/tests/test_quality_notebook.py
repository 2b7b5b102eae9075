"""scripts/notebooks/quality.ipynb runs on a real `takt compare` of the tab-welding example and
draws its figures."""
import os
import pathlib
import subprocess

import nbformat
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_the_quality_notebook_runs(takt, tmp_path):
    result = tmp_path / "tab-welding.h5"
    subprocess.run([str(takt), "compare", str(ROOT / "scenarios" / "tab-welding.yaml"), "--variants", "base,ai",
                    "--replications", "2", "--out", str(result)], check=True, capture_output=True)
    figures = tmp_path / "figures"
    notebook = nbformat.read(ROOT / "scripts" / "notebooks" / "quality.ipynb", as_version=4)
    os.environ["TAKT_RESULT"], os.environ["TAKT_FIGURES"] = str(result), str(figures)
    os.environ.pop("MPLBACKEND", None)  # the kernel's inline backend: figures as outputs, headless
    try:
        NotebookClient(notebook, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(ROOT)}}).execute()
    finally:
        del os.environ["TAKT_RESULT"], os.environ["TAKT_FIGURES"]
    assert (figures / "rejection-by-parameter.png").stat().st_size > 10_000
    assert (figures / "setpoints-over-time.png").stat().st_size > 10_000
    images = sum("image/png" in o.get("data", {}) for c in notebook.cells if c.cell_type == "code" for o in c.outputs)
    assert images == 2, "both figures show inline"
    last = notebook.cells[-1].outputs[0]["data"]["text/plain"]
    assert "current" in last and "pressure" in last
