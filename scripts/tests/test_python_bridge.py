"""The Python bridge (docs/python-bridge.md): `bridge.make_env` over libTaktBridge.so — Gymnasium's
checker, a Python policy replicating a built-in rule reproduces `takt run`'s KPIs exactly, the
same seed gives the same trajectory, and bad input raises with Takt's located message."""
import json
import os
import subprocess

import numpy as np
import pytest
from conftest import ROOT

gymnasium = pytest.importorskip("gymnasium")
bridge = pytest.importorskip("takt")
from gymnasium.utils.env_checker import check_env  # noqa: E402

LIBRARY = ROOT / ".build" / "release" / "libTaktBridge.so"
PLAN = str(ROOT / "scenarios" / "job-shop-plan.yaml")


@pytest.fixture(scope="module", autouse=True)
def library():
    if not LIBRARY.exists():
        subprocess.run(["swift", "build", "-c", "release", "--product", "TaktBridge"], cwd=ROOT, check=True)
    os.environ["TAKT_LIBRARY"] = str(LIBRARY)
    return LIBRARY


def slot_feature(info, name):
    """The index in the observation of feature `name` of job slot 0 (8 values per slot)."""
    return info["observation_names"].index(f"job0.{name}")


def rule_policy(feature, sign=1.0):
    """A built-in rule's choice from the observation: the job with the smallest sign × feature,
    ties to the job created first (the rules' tie-break)."""
    def choose(observation, info):
        base = slot_feature(info, feature)
        keys = [(sign * observation[base + 8 * k], info["job_ids"][k], k)
                for k in np.flatnonzero(info["action_mask"])]
        return min(keys)[2]
    return choose


def episode(env, policy, seed, replication=0):
    observation, info = env.reset(seed=seed, options={"replication": replication})
    trajectory, rewards = [observation], []
    done = False
    while not done:
        observation, reward, terminated, truncated, info = env.step(policy(observation, info))
        trajectory.append(observation)
        rewards.append(reward)
        done = terminated or truncated
    return np.array(trajectory), np.array(rewards), info


def test_check_env_passes_for_dispatch():
    env = bridge.make_env(PLAN, decision="dispatch")
    check_env(env, skip_render_check=True)
    env.close()


def test_registered_for_gymnasium_make():
    env = gymnasium.make("takt/Factory-v0", scenario=PLAN)
    observation, info = env.reset(seed=3)
    assert env.observation_space.contains(observation)
    assert info["action_mask"].any()
    env.close()


@pytest.mark.parametrize("seed", [1, 7])
def test_python_spt_reproduces_takt_run(takt, seed):
    """The base of job-shop-plan dispatches by SPT at every station; the same rule written in
    Python over the observation gives exactly the KPIs of `takt run` (replication 0)."""
    env = bridge.make_env(PLAN)
    _, _, info = episode(env, rule_policy("standard_time_h"), seed)
    env.close()
    run = subprocess.run([str(takt), "run", PLAN, "--replications", "1", "--seed", str(seed), "--json"],
                         capture_output=True, text=True, check=True)
    expected = {k["name"]: k["values"][0] for k in json.loads(run.stdout)["kpis"]}
    mine = {name: value for name, value in info["kpis"].items() if not name.startswith("scheduling.")}
    assert set(expected) <= set(mine)
    assert {name: mine[name] for name in expected} == expected


def test_a_different_policy_changes_the_result_not_the_draws():
    env = bridge.make_env(PLAN)
    _, _, spt = episode(env, rule_policy("standard_time_h"), 5)
    _, _, lpt = episode(env, rule_policy("standard_time_h", sign=-1), 5)
    assert spt["kpis"]["makespan"] != lpt["kpis"]["makespan"]
    env.close()


def test_same_seed_same_trajectory():
    env = bridge.make_env(PLAN, reward="flow_time")
    rng = np.random.default_rng(0)
    choices = rng.integers(0, 16, size=200)

    def scripted():
        count = iter(range(10**6))

        def choose(observation, info):
            valid = np.flatnonzero(info["action_mask"])
            return int(valid[choices[next(count) % 200] % len(valid)])
        return choose

    first = episode(env, scripted(), 11)
    second = episode(env, scripted(), 11)
    assert np.array_equal(first[0], second[0]) and np.array_equal(first[1], second[1])
    assert first[2]["kpis"] == second[2]["kpis"]
    # The flow-time reward sums to minus the flow times of all jobs (in hours).
    jobs = 10
    assert -first[1].sum() * 60 / jobs == pytest.approx(first[2]["kpis"]["flow_time_mean"], rel=1e-9)
    env.close()


def test_bad_action_raises_with_the_engines_message():
    env = bridge.make_env(PLAN, invalid_action="raise")
    _, info = env.reset(seed=1)
    empty = int(np.flatnonzero(~info["action_mask"])[0])
    with pytest.raises(bridge.ActionError, match="is not a waiting job"):
        env.step(empty)
    with pytest.raises(bridge.ActionError, match="action 99 is not a waiting job"):
        env.step(99)
    env.step(int(np.flatnonzero(info["action_mask"])[0]))   # the env still works
    env.close()


def test_closed_env_raises():
    env = bridge.make_env(PLAN)
    env.reset(seed=1)
    env.close()
    with pytest.raises(bridge.ClosedError, match="no open environment"):
        env.step(0)
    with pytest.raises(bridge.ClosedError):
        env.reset(seed=1)


def test_step_after_the_end_raises():
    env = bridge.make_env(PLAN)
    episode(env, rule_policy("standard_time_h"), 2)
    with pytest.raises(bridge.EpisodeError, match="episode is over"):
        env.step(0)
    env.close()


def test_bad_scenario_raises_with_the_located_message(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\nstations:\n  m0: {machines: -2}\nproducts: {}\n")
    with pytest.raises(bridge.ScenarioError, match=r"bad\.yaml:\d+:\d+: error"):
        bridge.make_env(bad)
    with pytest.raises(bridge.ScenarioError, match="does not exist"):
        bridge.make_env(tmp_path / "missing.yaml")
    with pytest.raises(bridge.ScenarioError, match="no variant|variant"):
        bridge.make_env(PLAN, variant="no_such_variant")


def test_closing_mid_run_and_resetting_mid_run_unwind():
    env = bridge.make_env(PLAN)
    for seed in range(5):
        env.reset(seed=seed)
        env.step(0)
    env.close()
