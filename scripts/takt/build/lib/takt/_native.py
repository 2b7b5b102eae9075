"""The C API of Takt's bridge (libTaktBridge.so), loaded with ctypes.

Every call returns an error code; a non-zero one becomes a `TaktError` carrying Takt's own
message (for a bad scenario, the reader's `file:line:column: error: ...`)."""
from __future__ import annotations

import ctypes
import os
import pathlib
import threading

LIBRARY_NAME = "libTaktBridge.so"

#: The C API's error codes (docs/python-bridge.md).
CODES = {1: "bad argument", 2: "bad handle", 3: "bad scenario", 4: "no decision pending", 5: "bad action",
         6: "run failed"}


class TaktError(RuntimeError):
    """An error reported by Takt's engine: `code` is the C API's code, the message Takt's."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


class ScenarioError(TaktError, ValueError):
    """The scenario cannot be read (the message says where: file:line:column)."""


class ActionError(TaktError, ValueError):
    """The action is not one of the pending decision's choices."""


class ClosedError(TaktError):
    """The environment is closed (or was never opened)."""


class EpisodeError(TaktError):
    """No decision is pending: reset the environment first, or the episode is over."""


KINDS = {2: ClosedError, 3: ScenarioError, 4: EpisodeError, 5: ActionError}


def library_path() -> pathlib.Path:
    """Where the library is: `$TAKT_LIBRARY`, else `.build/release/libTaktBridge.so` in the first
    folder above the working directory or above this package that has one."""
    explicit = os.environ.get("TAKT_LIBRARY")
    if explicit:
        return pathlib.Path(explicit)
    for start in (pathlib.Path.cwd(), pathlib.Path(__file__).resolve().parent):
        for folder in (start, *start.parents):
            candidate = folder / ".build" / "release" / LIBRARY_NAME
            if candidate.is_file():
                return candidate
    raise FileNotFoundError(f"{LIBRARY_NAME} not found: build it with `swift build -c release` in the Takt "
                            "repository, or set TAKT_LIBRARY to its path")


_lock = threading.Lock()
_library: ctypes.CDLL | None = None


def library() -> ctypes.CDLL:
    """The loaded C API (loaded once, with its functions' signatures declared)."""
    global _library
    with _lock:
        if _library is None:
            _library = _declare(ctypes.CDLL(str(library_path())))
        return _library


def _declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    i32, i64, u64 = ctypes.c_int32, ctypes.c_int64, ctypes.c_uint64
    text = ctypes.c_char_p
    signatures = {
        "takt_env_open": (i64, [text, text, i32]),
        "takt_env_reset": (i32, [i64, u64, i32]),
        "takt_env_step": (i32, [i64, i32]),
        "takt_env_observation_size": (i32, [i64]),
        "takt_env_action_count": (i32, [i64]),
        "takt_env_observe": (i32, [i64, ctypes.POINTER(ctypes.c_float), i32]),
        "takt_env_mask": (i32, [i64, ctypes.POINTER(ctypes.c_uint8), ctypes.POINTER(ctypes.c_int64), i32]),
        "takt_env_progress": (i32, [i64, ctypes.POINTER(ctypes.c_double), ctypes.POINTER(ctypes.c_int32)]),
        "takt_env_kpis": (i32, [i64, ctypes.c_char_p, i32]),
        "takt_env_observation_names": (i32, [i64, ctypes.c_char_p, i32]),
        "takt_env_close": (i32, [i64]),
        "takt_last_error": (i32, [ctypes.c_char_p, i32]),
    }
    for name, (result, arguments) in signatures.items():
        function = getattr(lib, name)
        function.restype = result
        function.argtypes = arguments
    return lib


def last_error() -> str:
    lib = library()
    size = lib.takt_last_error(None, 0)
    buffer = ctypes.create_string_buffer(size + 1)
    lib.takt_last_error(buffer, size + 1)
    return buffer.value.decode("utf-8", errors="replace")


def check(code: int) -> int:
    """Raises the `TaktError` for a non-zero code (negative codes are negated ones)."""
    if code == 0:
        return code
    code = abs(code)
    raise KINDS.get(code, TaktError)(code, last_error())


def text(function: str, handle: int) -> str:
    """A string the C API copies into a caller's buffer (asked for its length first)."""
    call = getattr(library(), function)
    length = call(handle, None, 0)
    if length < 0:
        check(length)
    buffer = ctypes.create_string_buffer(length + 1)
    check(min(0, call(handle, buffer, length + 1)))
    return buffer.value.decode("utf-8")
