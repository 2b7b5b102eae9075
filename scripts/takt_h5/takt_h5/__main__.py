"""``python -m takt_h5 FILE``: print a short summary of a Takt result file.

``python -m takt_h5 export FILE --format parquet|csv [--table NAME …] [--out FOLDER]``: write its
tables, tidy over every variant and replication (what ``takt export`` runs).
"""
from __future__ import annotations

import argparse
import sys
import warnings

from ._entry import open_run
from ._warn import TaktResultWarning


def export(argv: list[str]) -> int:
    """``export FILE``: the tables as Parquet or CSV files in a folder; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m takt_h5 export",
        description="Write a result file's tables, tidy over every variant and replication (columns variant and "
                    "replication first), one file per table, with their units (Parquet metadata or units.json).",
        epilog="Example: python -m takt_h5 export results/run.h5 --format parquet --table jobs --table events")
    parser.add_argument("file", help="result file written by `takt run --out FILE.h5` or `takt compare`")
    parser.add_argument("--format", choices=["parquet", "csv"], default="parquet")
    parser.add_argument("--table", action="append", dest="tables", metavar="NAME",
                        help="a table to write (repeatable): events, operations, jobs, states, timeseries, …, "
                             "kpis, runs; default every table in the file")
    parser.add_argument("--out", help="folder to write into (default: FILE without .h5, plus -tables)")
    args = parser.parse_args(argv)
    folder = args.out or (args.file.removesuffix(".h5") + "-tables")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", TaktResultWarning)
        try:
            with open_run(args.file) as run:
                written = run.export(folder, args.format, args.tables)
        except (OSError, ValueError, KeyError, ImportError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
    for warning in caught:
        print(f"warning: {warning.message}", file=sys.stderr)
    for path in written:
        print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status (2 for a file that cannot be read)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["export"]:
        return export(argv[1:])
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
