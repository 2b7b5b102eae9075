"""The observation boundary is enforced by the compiler: code outside TaktFactory (a controller)
cannot read a machine's hidden wear or a part's hidden defect, while everything the observation
interface offers compiles. Each probe is type-checked against the built modules."""
import pathlib
import subprocess

import pytest

MODULES = pathlib.Path(__file__).resolve().parents[2] / ".build" / "release" / "Modules"

HEADER = "import TaktFactory\nimport TaktKernel\n"

FORBIDDEN = {
    "machine wear": "func peek(_ m: borrowing FactoryModel) -> Double { m.reliability.health[0].wear }",
    "the failure clock": "func peek(_ m: borrowing FactoryModel) -> Double { m.reliability.health[0].timeToFailure }",
    "part defect": "func peek(_ m: borrowing FactoryModel) -> Int8 { m.flow.jobs[0].defect }",
    "the job type": "func peek(_ j: TaktFactory.Job) -> Int8 { j.defect }",
    "the machine health type": "func peek(_ x: TaktFactory.MachineHealth) -> Double { x.wear }",
    "the reliability component": "func peek(_ x: TaktFactory.Reliability) -> Int { x.health.count }",
    "recipe setpoints by the back door": "func poke(_ m: inout FactoryModel) { m.qualitySystem.setpoints[0] = 1 }",
    "the configuration (failure laws, defect models)": "func peek(_ m: borrowing FactoryModel) -> Int "
                                                       "{ m.configuration.stations.count }",
    "the truth tables": "func peek(_ m: borrowing FactoryModel) -> Int { m.records.truth.count }",
    "the truth records, taken": "func peek(_ m: inout FactoryModel) -> Int { m.takeRecords().truth.count }",
    "the statistics (true defects)": "func peek(_ m: borrowing FactoryModel) -> Int { m.statistics.finishedJobs }",
    "the warning scores (true degradation)": "func peek(_ m: borrowing FactoryModel) -> Int "
                                             "{ m.warningReports.count }",
}

ALLOWED = """
func look(_ m: borrowing FactoryModel) -> Int {
    let o = m.observation(at: 0)
    _ = (o.machineStates, o.queueLengths, o.latestReadings, o.failuresSeen, o.workersFree, o.setpoints, o.environment)
    _ = (o.layout.stations, o.layout.sensors, o.layout.operations, o.layout.defectClasses)
    let e: PlantEvent = .inspected(InspectionResult(time: 0, job: 1, operation: 0, verdict: 0))
    _ = e
    let shop = m.shopObservation(at: 0)
    _ = (shop.queues.first?.first?.expectedTime, shop.queues.first?.first?.remainingWork, shop.machines.first?.state,
         shop.machines.first?.setupFamily, shop.machines.first?.jobs, shop.freeMachines(at: 0),
         shop.layout.products.first?.routes, shop.layout.operations.first?.standardTime)
    let event: ShopEvent = .finished(job: 0, machine: 0, time: 0)
    _ = event
    return o.machineStates.count
}
"""

#: What a scheduler's view does not carry: the truth and the draws (no such member exists).
NOT_IN_THE_SHOP_VIEW = {
    "a waiting job's defect": "func peek(_ j: ShopJob) -> Int8 { j.defect }",
    "a waiting job's random stream": "func peek(_ j: ShopJob) -> Xoshiro256StarStar { j.rng }",
    "the drawn duration of a step": "func peek(_ x: ShopMachine) -> Double { x.remaining }",
    "a machine's wear": "func peek(_ x: ShopMachine) -> Double { x.wear }",
    "the model behind the observation": "func peek(_ s: ShopObservation) -> Int { s.model.stations.count }",
}


def typecheck(tmp_path: pathlib.Path, body: str) -> subprocess.CompletedProcess:
    if not (MODULES / "TaktFactory.swiftmodule").exists():
        subprocess.run(["swift", "build", "-c", "release"], cwd=MODULES.parents[2], check=True)
    source = tmp_path / "probe.swift"
    source.write_text(HEADER + body + "\n")
    return subprocess.run(["swiftc", "-typecheck", "-I", str(MODULES), str(source)], capture_output=True, text=True)


def test_the_observation_interface_compiles(tmp_path):
    result = typecheck(tmp_path, ALLOWED)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("what", sorted(FORBIDDEN))
def test_hidden_state_does_not_compile(tmp_path, what):
    result = typecheck(tmp_path, FORBIDDEN[what])
    assert result.returncode != 0, f"{what} is reachable from outside TaktFactory"
    assert ("inaccessible due to 'internal' protection level" in result.stderr
            or "inaccessible due to 'package' protection level" in result.stderr
            or "no type named" in result.stderr), result.stderr


@pytest.mark.parametrize("what", sorted(NOT_IN_THE_SHOP_VIEW))
def test_the_shop_view_carries_no_truth(tmp_path, what):
    result = typecheck(tmp_path, NOT_IN_THE_SHOP_VIEW[what])
    assert result.returncode != 0, f"{what} is reachable from a scheduler's observation"
    assert "has no member" in result.stderr, result.stderr


def test_custom_controllers_are_handed_the_layout_not_the_configuration(tmp_path):
    """`ControllerPlan.make…` closures receive the observable `PlantLayout` (issue 15): one that
    expects the configuration (failure laws, defect models) does not compile; one that takes the
    layout does."""
    layout = typecheck(tmp_path, "import TaktControl\nfunc plug(_ p: inout ControllerPlan) {\n"
                                 "    p.makeScheduling = { layout, _ in DispatchRuleScheduler(rule: .spt) }\n"
                                 "    _ = PlantLayout.self\n}")
    assert layout.returncode == 0, layout.stderr
    oracle = typecheck(tmp_path, "import TaktControl\nfunc plug(_ p: inout ControllerPlan) {\n"
                                 "    p.makeScheduling = { (c: FactoryConfiguration, _: Int) in "
                                 "DispatchRuleScheduler(rule: .spt) }\n}")
    assert oracle.returncode != 0, "a custom controller can be built from the configuration"


def test_built_in_policies_are_handed_the_layout(tmp_path):
    """Built-in maintenance policies are built from the `PlantLayout` (machines, sensors, the price
    list), not from the configuration whose failure laws would tell them which machines fail."""
    layout = typecheck(tmp_path, "import TaktControl\nfunc build(_ l: PlantLayout) -> Bool {\n"
                                 "    MaintenancePolicy.runToFailure.controller(for: l) == nil\n}")
    assert layout.returncode == 0, layout.stderr
    oracle = typecheck(tmp_path, "import TaktControl\nfunc build(_ c: FactoryConfiguration) -> Bool {\n"
                                 "    MaintenancePolicy.runToFailure.controller(for: c) == nil\n}")
    assert oracle.returncode != 0, "a built-in maintenance policy can be built from the configuration"
    quality = typecheck(tmp_path, "import TaktControl\nfunc build(_ l: PlantLayout) -> Bool {\n"
                                  "    QualityPolicy.fixed.controller(for: l, replication: 0) == nil\n}")
    assert quality.returncode == 0, quality.stderr
    oracle = typecheck(tmp_path, "import TaktControl\nfunc build(_ c: FactoryConfiguration) -> Bool {\n"
                                 "    QualityPolicy.fixed.controller(for: c, replication: 0) == nil\n}")
    assert oracle.returncode != 0, "a built-in quality policy can be built from the configuration"


def test_the_model_stream_key_is_out_of_reach(tmp_path):
    """The model draws from the run's streams re-keyed under a key private to Takt (issue 15), so
    that a controller that knew the seed could not replay them (Tests/TaktFactoryTests/
    StreamSealingTests.swift shows the public derivation predicts none of the model's failures).
    The re-keying and its key do not compile from a controller's package; the public derivation
    (for a controller's own randomness) does."""
    public = typecheck(tmp_path, "func own(_ s: RandomStreams) -> UInt64 "
                                 "{ s.streamSeed(entity: \"me\", purpose: \"x\") }")
    assert public.returncode == 0, public.stderr
    for body in ("func replay(_ s: RandomStreams) -> RandomStreams { s.sealedForModel }",
                 "func key() -> UInt64 { RandomStreams.modelKey }"):
        probe = typecheck(tmp_path, body)
        assert probe.returncode != 0, f"the model's stream key is reachable: {body}"


def test_the_model_cannot_be_copied(tmp_path):
    """`FactoryModel` is non-copyable (issue 12): code that would copy it does not compile, so no
    call can silently copy the whole model onto the stack. Borrowing it still works."""
    borrowed = typecheck(tmp_path,
                         "func look(_ m: borrowing FactoryModel) -> Int { m.observation(at: 0).queueLengths.count }")
    assert borrowed.returncode == 0, borrowed.stderr
    copied = typecheck(tmp_path, "func twice(_ m: consuming FactoryModel) { let a = m; let b = m; _ = (a, b) }")
    assert copied.returncode != 0, "a FactoryModel could be copied"
    assert "consumed more than once" in copied.stderr or "noncopyable" in copied.stderr, copied.stderr
