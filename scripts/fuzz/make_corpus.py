#!/usr/bin/env python3
"""Builds the seed corpora and the libFuzzer dictionary for the harnesses in Fuzz/.

    scripts/fuzz/make_corpus.py [OUT]          (default OUT: results/fuzz)

writes OUT/corpus/<target>/ (one file per seed, named after its source) and OUT/takt.dict.
Seeds: the example scenarios, CSV files and sweeps in scenarios/, the golden bad files in
Tests/TaktScenarioTests/BadScenarios/, the OR-Library instances in /work/shared/reference/jobshop
(or $TAKT_JOBSHOP_DIR) when present, and a few small hand-written ones so that every target has
seeds on a fresh clone. The dictionary holds every key of docs/scenario.schema.json and
docs/sweep.schema.json, units, distribution and rule names, and numbers at the edges.

Nothing here is committed: the corpora are derived from files that are.
"""
import hashlib
import json
import os
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
TARGETS = ["scenario", "orders-csv", "environment-csv", "jobshop", "sweep", "schedule"]

# Brandimarte flexible job shops: jobs machines [average]; per job: operations, then for each
# operation k and k (machine time) pairs, machines from 1.
SMALL_FJS = [
    b"2 2 1.5\n2 2 1 3 2 4 1 2 5\n1 1 1 2\n",
    b"3 3\n2 1 1 4 2 2 3 3 5\n2 2 2 2 3 3 1 1 1\n1 3 1 2 2 2 3 2\n",
]

SMALL_JOBSHOP = [
    "2 2\n0 3 1 2\n1 4 0 1\n",
    "3 3\n0 3 1 2 2 2\n0 2 2 1 1 4\n1 4 2 3 0 1\n",
    "# comment line\n1 1\n0 5\n",
]
SMALL_SWEEPS = [  # written as if in scenarios/sweeps/
    "name: grid\nscenario: ../two-shifts.yaml\nseed: 3\nreplications: 2\nparameters:\n"
    "  stations.lathe.machines: [2, 3]\n  run.warm_up: {values: [1, 2], unit: d}\n  variant: [base, three_shifts]\n",
    "name: steps\nscenario: ../flow-line.yaml\nparameters:\n  stations.inspect.buffer: {min: 5, max: 20, steps: 4, integer: true}\n"
    "fixed:\n  run.duration: 2 d\nrecord: kpis\n",
    "name: lhs\nscenario: ../two-shifts.yaml\nrandom_numbers: common\nparameters:\n"
    "  repair_crews.technicians.size: {min: 1, max: 4, integer: true}\n"
    "  orders[0].rate: {min: 2, max: 3, unit: /h}\ndesign: {latin_hypercube: 4}\n",
    "name: random\nscenario: ../flow-line.yaml\nparameters:\n"
    "  stations.mill.machines: {min: 1, max: 3, integer: true}\ndesign: {random: 3}\nkpis: [throughput]\n",
    "name: points\nscenario: ../two-shifts.yaml\ndesign:\n  points:\n"
    "    - {stations.lathe.machines: 2, variant: base}\n    - {stations.lathe.machines: 3, variant: three_shifts}\n",
]
SMALL_ORDERS = [
    "time,product,quantity,due,priority\n0 s,widget,5,2 d,1\n30 min,gadget,,,\n1.5 h,\"widget\",2,3 d,0\n",
    "product,time\nscooter,1 d\ncargo_scooter,2 d\n",
]
SMALL_ENVIRONMENT = [
    "time,temperature\n0 h,18.5\n1 h,18.1\n2 h,19.4\n",
    "# measured\ntime,temperature,humidity\n0 h,18.5,40\n3 h,19.0,42\n",
]


def schema_keys():
    keys = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "properties" and isinstance(value, dict):
                    keys.update(value.keys())
                if key == "enum" and isinstance(value, list):
                    keys.update(str(v) for v in value if isinstance(v, str))
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for name in ("scenario.schema.json", "sweep.schema.json"):
        path = ROOT / "docs" / name
        if path.exists():
            walk(json.loads(path.read_text()))
    return keys


def dictionary():
    tokens = set()
    for key in schema_keys():
        tokens.add(key)
        tokens.add(key + ": ")
    tokens.update([
        # units and value syntax
        " s", " ms", " min", " h", " d", " w", " /h", " /min", " per h", "_000",
        "exponential(mean: 5 min)", "exponential(rate: 6 /h)", "lognormal(mean: 10 min, sd: 2 min)",
        "normal(", "uniform(", "triangular(", "gamma(", "weibull(", "erlang(", "empirical(", "mean=",
        # dispatching rules
        "fifo", "spt", "lpt", "edd", "cr", "mwkr", "mopnr", "lor", "srpt", "priority", "atc(k=2)",
        # YAML structure
        "- ", ": ", "{", "}", "[", "]", "&a ", "*a", "<<: ", "!!str ", "---", "...", "? ", "|\n", ">\n", "\"", "'",
        "~", "null", "true", "false", "yes", "on", "\r\n", "\r", "\ufeff", "\t",
        # CSV
        "time,product,quantity,due,priority", "time,temperature", ",", "\"\"",
        # numbers at the edges
        "0", "-1", "1e308", "1e400", "-1e308", "2147483648", "9223372036854775807", "9223372036854775808",
        "18446744073709551616", ".nan", ".inf", "-.inf", "NaN", "inf", "-0", "0x10", "1_000_000",
    ])
    lines = []
    for token in sorted(tokens):
        escaped = "".join(c if 0x20 <= ord(c) < 0x7F and c not in '"\\' else
                          ("\\" + c if c in '"\\' else "".join(f"\\x{b:02x}" for b in c.encode())) for c in token)
        lines.append(f'"{escaped}"')
    return "\n".join(lines) + "\n"


def classify_csv(path):
    """'orders-csv' or 'environment-csv' by the header."""
    for line in path.read_text(errors="replace").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        return "orders-csv" if "product" in line.lower() else "environment-csv"
    return "orders-csv"


def main():
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "results" / "fuzz")
    corpus = {target: {} for target in TARGETS}

    def add(target, name, data):
        if isinstance(data, str):
            data = data.encode()
        corpus[target][re.sub(r"[^A-Za-z0-9_.-]", "_", name)] = data

    scenarios = ROOT / "scenarios"
    bad = ROOT / "Tests" / "TaktScenarioTests" / "BadScenarios"
    for path in sorted(scenarios.rglob("*.yaml")):
        text = path.read_bytes()
        is_sweep = b"\nparameters:" in text and b"\nscenario:" in text
        add("sweep" if is_sweep else "scenario", str(path.relative_to(ROOT)), text)
    for path in sorted(bad.glob("*.yaml")):
        add("scenario", str(path.relative_to(ROOT)), path.read_bytes())
    for path in sorted(list(scenarios.rglob("*.csv")) + list(bad.glob("*.csv"))):
        add(classify_csv(path), str(path.relative_to(ROOT)), path.read_bytes())
    sweep_tests = ROOT / "Tests" / "TaktSweepTests"
    for path in sorted(sweep_tests.rglob("*.yaml")) if sweep_tests.exists() else []:
        add("sweep", str(path.relative_to(ROOT)), path.read_bytes())
    jobshop = pathlib.Path(os.environ.get("TAKT_JOBSHOP_DIR", "/work/shared/reference/jobshop"))
    for path in sorted(jobshop.glob("*.txt")) if jobshop.exists() else []:
        add("jobshop", "reference_" + path.name, path.read_bytes())
    for index, text in enumerate(SMALL_JOBSHOP):
        add("jobshop", f"small-{index}.txt", text)
        add("schedule", f"small-{index}.txt", text)
    for path in sorted(jobshop.glob("*.txt")) if jobshop.exists() else []:
        add("schedule", "reference_" + path.name, path.read_bytes())
    for path in sorted((ROOT / "Tests" / "TaktScenarioTests" / "BadJobShops").glob("*")):
        add("schedule", "bad_" + path.name, path.read_bytes())
    for index, text in enumerate(SMALL_FJS):
        add("schedule", f"small-{index}.fjs", text)
    for index, text in enumerate(SMALL_SWEEPS):
        add("sweep", f"small-{index}.yaml", text)
    for index, text in enumerate(SMALL_ORDERS):
        add("orders-csv", f"small-{index}.csv", text)
    for index, text in enumerate(SMALL_ENVIRONMENT):
        add("environment-csv", f"small-{index}.csv", text)

    for target, files in corpus.items():
        folder = out / "corpus" / target
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (folder / name).write_bytes(data)
    (out / "takt.dict").write_text(dictionary())
    summary = ", ".join(f"{t} {len(f)}" for t, f in corpus.items())
    print(f"corpus: {summary} seeds; dictionary: {out / 'takt.dict'}", file=sys.stderr)


if __name__ == "__main__":
    main()
