"""``python -m takt_h5.report FILE [-o OUT]``: write the HTML report of a Takt result file."""
from __future__ import annotations

import argparse
import sys

from ._write import default_output, write_report


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status (2 for a file that cannot be read)."""
    parser = argparse.ArgumentParser(
        prog="python -m takt_h5.report",
        description="Write one self-contained HTML page (opens offline) reporting a Takt result file: a run, "
                    "a comparison (takt compare) or a merged sweep (takt sweep merge).",
        epilog="Example: python -m takt_h5.report results/line.h5 -o results/line.html")
    parser.add_argument("file", help="result file (.h5)")
    parser.add_argument("-o", "--output", help="the HTML file to write (default: FILE with .html for .h5)")
    args = parser.parse_args(argv)
    try:
        written = write_report(args.file, args.output)
    except (OSError, ValueError, KeyError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except ImportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 3
    target = args.output or default_output(args.file)
    print(f"Report: {written if written else target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
