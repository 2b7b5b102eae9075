"""Takt from Python: Gymnasium environments over the native discrete-event factory engine.

    env = takt.make_env("scenarios/job-shop-plan.yaml", decision="dispatch")

or `gymnasium.make("takt/Factory-v0", scenario=...)`. See docs/python-bridge.md."""
from __future__ import annotations

import gymnasium

from ._native import ActionError, ClosedError, EpisodeError, ScenarioError, TaktError, library_path
from .env import REWARDS, FactoryEnv, make_env

__version__ = "1.3.0"
__all__ = ["ActionError", "ClosedError", "EpisodeError", "FactoryEnv", "REWARDS", "ScenarioError", "TaktError",
           "library_path", "make_env"]

if "takt/Factory-v0" not in gymnasium.registry:
    gymnasium.register(id="takt/Factory-v0", entry_point="takt.env:make_env")
