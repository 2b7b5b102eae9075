"""`FactoryEnv`: a Gymnasium environment whose dispatch decisions are taken by the agent, over
Takt's native engine (docs/python-bridge.md)."""
from __future__ import annotations

import ctypes
import json
import os
from collections.abc import Callable
from typing import Any

import gymnasium
import numpy as np
from gymnasium import spaces

from . import _native

#: Built-in rewards: what a step returns from the jobs done since the previous decision.
REWARDS: dict[str, Callable[[dict[str, float]], float]] = {
    "tardiness": lambda done: -done["tardiness_h"],
    "flow_time": lambda done: -done["flow_time_h"],
    "completions": lambda done: done["completions"],
}

#: Decision kinds of the issue; only dispatch is bridged so far.
DECISIONS = ("dispatch", "maintenance", "setpoints", "inventory")


class FactoryEnv(gymnasium.Env):  # type: ignore[type-arg]
    """A Takt factory scenario as a Gymnasium environment.

    Each step answers one dispatch decision: a station has a free machine and jobs that can
    start; the action picks one of them (slot k is the k-th job that can start, in queue order;
    `info["action_mask"]` and `action_masks()` tell which slots hold a job). The job starts on
    the station's free machine set up for its family, else its first free machine. Every other
    decision is taken by the scenario's own controllers.

    `reset(seed=s)` runs replication `options["replication"]` (default 0) of master seed `s`,
    exactly as `takt run --seed s` does: same orders, times and failures whatever the policy.
    """

    metadata = {"render_modes": []}

    def __init__(self, scenario: str | os.PathLike[str], decision: str = "dispatch", variant: str | None = None,
                 reward: str | Callable[[dict[str, float]], float] = "tardiness", max_steps: int | None = None,
                 max_jobs: int = 16, invalid_action: str = "first") -> None:
        if invalid_action not in ("first", "raise"):
            raise ValueError(f"invalid_action must be 'first' or 'raise', not {invalid_action!r}")
        self.invalid_action = invalid_action
        if decision not in DECISIONS:
            raise ValueError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
        if decision != "dispatch":
            raise NotImplementedError(f"the {decision} decision is not bridged yet (docs/python-bridge.md)")
        if isinstance(reward, str) and reward not in REWARDS:
            raise ValueError(f"reward must be one of {', '.join(REWARDS)} or a callable, not {reward!r}")
        if max_steps is not None and max_steps < 1:
            raise ValueError("max_steps must be at least 1")
        self._lib = _native.library()
        self._handle = 0
        handle = self._lib.takt_env_open(os.fsencode(scenario), None if variant is None else variant.encode(),
                                         int(max_jobs))
        _native.check(min(0, handle))
        self._handle = handle
        self.scenario = str(scenario)
        self.variant = variant
        self.decision = decision
        self._reward = REWARDS[reward] if isinstance(reward, str) else reward
        self.max_steps = max_steps
        size = self._lib.takt_env_observation_size(handle)
        _native.check(min(0, size))
        self.max_jobs = self._lib.takt_env_action_count(handle)
        self.observation_names: list[str] = json.loads(_native.text("takt_env_observation_names", handle))
        self.observation_space = spaces.Box(-np.inf, np.inf, shape=(size,), dtype=np.float32)
        self.action_space = spaces.Discrete(self.max_jobs)
        self._observation = np.zeros(size, dtype=np.float32)
        self._mask = np.zeros(self.max_jobs, dtype=np.uint8)
        self._serials = np.zeros(self.max_jobs, dtype=np.int64)
        self._progress = (ctypes.c_double * 4)()
        self._status = ctypes.c_int32(0)
        self._steps = 0
        self._closed = False

    # -- Gymnasium API -----------------------------------------------------------------------------

    def reset(self, *, seed: int | None = None,
              options: dict[str, Any] | None = None) -> tuple[np.ndarray, dict[str, Any]]:
        super().reset(seed=seed)
        if seed is None:
            seed = int(self.np_random.integers(0, 2**63 - 1))
        replication = int((options or {}).get("replication", 0))
        _native.check(self._lib.takt_env_reset(self._handle, int(seed) & (2**64 - 1), replication))
        self._steps = 0
        self.seed_used = int(seed)
        done = self._read()
        observation, info = self._observation.copy(), self._info(done)
        return observation, info

    def step(self, action: Any) -> tuple[np.ndarray, float, bool, bool, dict[str, Any]]:
        action = int(action)
        substituted = False
        if self.invalid_action == "first" and 0 <= action < self.max_jobs and not self._mask[action] \
                and self._mask.any():
            action, substituted = int(self._mask.argmax()), True
        _native.check(self._lib.takt_env_step(self._handle, action))
        self._steps += 1
        done = self._read()
        status = self._status.value
        terminated = status == 1
        truncated = status == 2 or (not terminated and self.max_steps is not None and self._steps >= self.max_steps)
        reward = float(self._reward(done))
        info = self._info(done)
        info["invalid_action"] = substituted
        return self._observation.copy(), reward, terminated, truncated, info

    def action_masks(self) -> np.ndarray:
        """Which actions are valid now (MaskablePPO's convention): True for a slot holding a job."""
        return self._mask.astype(bool)

    def close(self) -> None:
        if not self._closed and self._handle:
            self._closed = True
            _native.check(self._lib.takt_env_close(self._handle))
        super().close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # noqa: BLE001 - the interpreter may be shutting down
            pass

    # -- reading the engine ------------------------------------------------------------------------

    def _read(self) -> dict[str, float]:
        """Reads the observation, mask and progress after a reset or step; returns the jobs done."""
        lib, handle = self._lib, self._handle
        _native.check(lib.takt_env_progress(handle, self._progress, ctypes.byref(self._status)))
        _native.check(lib.takt_env_observe(handle, self._observation.ctypes.data_as(ctypes.POINTER(ctypes.c_float)),
                                           self._observation.size))
        _native.check(lib.takt_env_mask(handle, self._mask.ctypes.data_as(ctypes.POINTER(ctypes.c_uint8)),
                                        self._serials.ctypes.data_as(ctypes.POINTER(ctypes.c_int64)),
                                        self.max_jobs))
        values = self._progress
        return {"completions": values[1], "tardiness_h": values[2] / 3600, "flow_time_h": values[3] / 3600,
                "time_h": values[0] / 3600}

    def _info(self, done: dict[str, float]) -> dict[str, Any]:
        info: dict[str, Any] = {"action_mask": self._mask.astype(bool), "job_ids": self._serials.copy(),
                                "done_since_last": done, "observation_names": self.observation_names}
        if self._status.value != 0:
            info["kpis"] = self.kpis()
        return info

    def kpis(self) -> dict[str, float | None]:
        """The finished run's KPIs, as `takt run` reports them (name → value)."""
        result: dict[str, float | None] = json.loads(_native.text("takt_env_kpis", self._handle))
        return result


def make_env(scenario: str | os.PathLike[str], decision: str = "dispatch", variant: str | None = None,
             reward: str | Callable[[dict[str, float]], float] = "tardiness", max_steps: int | None = None,
             max_jobs: int = 16, invalid_action: str = "first") -> FactoryEnv:
    """A Gymnasium environment over a Takt scenario (see `FactoryEnv`).

    `invalid_action`: what a step does with an action in range whose slot holds no job —
    "first" starts the first waiting job instead (and says so in `info["invalid_action"]`),
    "raise" raises `ActionError`. An action outside `action_space` always raises."""
    return FactoryEnv(scenario, decision=decision, variant=variant, reward=reward, max_steps=max_steps,
                      max_jobs=max_jobs, invalid_action=invalid_action)
