"""The factory model's components write each other's state only where the design says so.

docs/architecture.md cuts `FactoryModel` into components, each owning its state, with the
mechanisms acting on it in its folder (Sources/TaktFactory/Model/<Component>/). A mechanism
reads any component; it writes another component's state only through one of the links listed
in ALLOWED (each with its reason). This test scans every mechanism file for direct writes
(`=`, `+=`, `-=`, `&` in-out, `append`/`remove`/`insert`/`pop…`) to another component and fails
on a pair that is not listed, so a new cross-component write is a decision made in review, not
an accident. Statistics and recorded rows are written only by Instrumentation: no mechanism may
write `instrumentation.` state at all.
"""
import collections
import re

from conftest import ROOT

MODEL = ROOT / "Sources" / "TaktFactory" / "Model"
OWNER = {"Machines": "fleet", "JobFlow": "flow", "Reliability": "reliability", "Workforce": "workforce",
         "Quality": "qualitySystem", "Materials": "stores", "Control": "control", "Transport": "transport",
         "Instrumentation": "instrumentation"}
COMPONENTS = "|".join(OWNER.values())
WRITE = re.compile(
    rf"\b({COMPONENTS})\.\w+(?:\[[^\]]*\])?(?:\.\w+)*\s*(?:=(?!=)|\+=|-=|\*=)"
    rf"|&({COMPONENTS})\."
    rf"|\b({COMPONENTS})\.\w+(?:\[[^\]]*\])?(?:\.\w+)*\.(?:append|remove|removeAll|insert|popFirst|popLast)\(")

# (folder of the mechanism, component written): why the link exists.
ALLOWED = {
    ("Machines", "flow"): "a step draws its times from the job's own stream, marks the job started and "
                          "advances its routing; a blocked machine joins the buffer's waiting list",
    ("Quality", "flow"): "a defect is a hidden field of the job; an inspection's verdict moves the job "
                         "(rework, re-check) and sampling skips inspections",
    ("Quality", "reliability"): "a recipe parameter scales the machine's wear for the cycle",
    ("Materials", "flow"): "a shortage is counted once per job and operation (a flag on the job)",
    ("JobFlow", "fleet"): "dispatching settles free machines (starved, or off shift for want of an operator) "
                          "and releases a machine blocked on the freed buffer",
    ("JobFlow", "workforce"): "a station with work and no free operator waits for one",
    ("Workforce", "fleet"): "an operator is assigned to a machine: both sides record it",
    ("Workforce", "reliability"): "a technician is assigned to a machine and draws its repair time",
    ("Reliability", "workforce"): "a controller's maintenance waits for a technician",
    ("Control", "reliability"): "an active controller's maintenance order becomes the machine's pending maintenance",
    ("Control", "qualitySystem"): "an active controller's setpoint change",
    ("Control", "workforce"): "a report of the period so far accounts the workers' tasks up to now",
}


def cross_writes():
    found = collections.defaultdict(list)
    for path in sorted(MODEL.glob("*/FactoryModel+*.swift")):
        folder = path.parent.name
        for number, line in enumerate(path.read_text().splitlines(), 1):
            code = line.split("//")[0]
            for match in WRITE.finditer(code):
                component = match.group(1) or match.group(2) or match.group(3)
                if component != OWNER[folder]:
                    found[(folder, component)].append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    return found


def test_every_folder_is_a_component():
    folders = {p.name for p in MODEL.iterdir() if p.is_dir()}
    assert folders == set(OWNER), folders ^ set(OWNER)


def test_no_unlisted_cross_component_write():
    found = cross_writes()
    unlisted = {pair: lines for pair, lines in found.items() if pair not in ALLOWED}
    listing = "\n".join(line for lines in unlisted.values() for line in lines)
    assert not unlisted, f"writes across components not in ALLOWED (add a reason or go through a mechanism):\n{listing}"


def test_only_instrumentation_writes_statistics_and_rows():
    found = cross_writes()
    offenders = [line for (_, component), lines in found.items() if component == "instrumentation"
                 for line in lines]
    assert not offenders, "\n".join(offenders)


def test_the_allowed_links_are_all_used():
    """A link no longer used is removed from ALLOWED, so the list stays the truth."""
    found = cross_writes()
    unused = sorted(set(ALLOWED) - set(found))
    assert not unused, unused
