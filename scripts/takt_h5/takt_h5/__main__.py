"""``python -m takt_h5 FILE``: print a short summary of a Takt result file."""
from __future__ import annotations

import argparse
import sys
import warnings

from ._entry import open_run
from ._warn import TaktResultWarning


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status (2 for a file that cannot be read)."""
    parser = argparse.ArgumentParser(
        prog="python -m takt_h5",
        description="Print a short summary of a Takt HDF5 result file.",
        epilog="Example: python -m takt_h5 results/run.h5 --all")
    parser.add_argument("file", help="result file written by `takt run --out FILE.h5`")
    parser.add_argument("--all", action="store_true", help="list every KPI, not only the first 12")
    args = parser.parse_args(argv)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", TaktResultWarning)
        try:
            run = open_run(args.file)
        except (OSError, ValueError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        with run:
            text = run.describe(max_kpis=None if args.all else 12)
    for warning in caught:
        print(f"warning: {warning.message}", file=sys.stderr)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
