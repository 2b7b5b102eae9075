"""The warning category of the kit, and how warnings point at the caller's own code."""

from __future__ import annotations

import os
import sys
import warnings
from types import FrameType


class TaktResultWarning(UserWarning):
    """A result file is incomplete (``.partial``, interrupted or failed run) or unusual."""


# Show every such warning, not only the first per code location (a user's own filters, inserted
# before this one, still win).
warnings.filterwarnings("always", category=TaktResultWarning, append=True)


_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


def _stacklevel() -> int:
    """The ``stacklevel`` that points a warning at the first caller outside this package."""
    frame: FrameType | None = sys._getframe(1)
    level = 1
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(_PACKAGE_DIR):
        frame = frame.f_back
        level += 1
    return level
