#!/usr/bin/env python3
"""An out-of-process fuzzing campaign against the real `takt` CLI (reliability issue #11).

    scripts/fuzz/campaign.py [--inputs 5000] [--jobs 2] [--takt .build/release/takt] [--seed 1]

Mutates the seed files (the corpora of scripts/fuzz/make_corpus.py: example scenarios, CSV order
and environment files, job-shop instances, sweep files and the golden bad files) with byte flips,
line deletion, duplication and swaps, numbers swapped for extremes (0, -1, 1e308, 2^31, 2^63, NaN,
...), huge lists, CR and CRLF line ends, a BOM, truncation, dictionary keys and YAML aliases, and
runs on each what a user would:

    scenario (YAML)      takt validate F; if it loads: takt run F --max-events 100000
    orders / environment a scenario naming the mutated CSV: the same two commands
    job-shop (.txt)      takt run F --rule RULE --max-events 100000
    sweep                takt sweep plan F

every command with a 10 s timeout and its peak RSS measured (wait4); an address-space limit of
--as-limit-mb (default 4096) keeps a runaway allocation from hurting the machine. `takt run` gets
`--replications 1 --jobs 1` (so that the campaign tests the readers and the model, not the
replication count) and `--no-out` for 9 inputs in 10 (the tenth writes its HDF5 file).

Counts inputs, commands, exit codes, signals, hangs (> timeout), the largest RSS and the rejections
(exit 2) whose standard error names no file:line:column for some error. Inputs that crash, hang,
exceed 2 GiB or are rejected without a position are kept under OUT/findings/<kind>/ (OUT:
results/fuzz/campaign), with a JSON summary in OUT/summary.json. Exits 1 if any signal, hang or
over-limit RSS was seen.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import pathlib
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
KINDS = ["scenario", "orders-csv", "environment-csv", "jobshop", "sweep"]
RULES = ["fifo", "spt", "lpt", "edd", "cr", "mwkr", "mopnr", "lor", "srpt", "priority", "atc(k=2)"]
EXTREMES = ["0", "-1", "1e308", "-1e308", "1e400", "2147483647", "2147483648", "4294967296",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
            "NaN", "nan", ".nan", "inf", ".inf", "-.inf", "1e-320", "5e-324", "0.0000001", "-0",
            "99999999999999999999999", "1_000_000_000_000", "0x7fffffff", "1e15", "86400000000"]
UNITS = ["s", "ms", "min", "h", "d", "w", "/h", "per h", "", "years", "µs"]
POSITIONED = re.compile(r"^(.+?):(\d+):(\d+): error: ")
EVENT_LIMIT = re.compile(r"reached the limit of \d+ events")
SCENARIO_FOR_ORDERS = """name: Orders CSV campaign
run: {duration: 30 d}
stations:
  cut: {}
  weld: {machines: 2}
products:
  widget: {routing: [{station: cut, time: 4 min}]}
  gadget: {routing: [{station: weld, time: 6 min}]}
  scooter: {routing: [{station: cut, time: 10 min}, {station: weld, time: 5 min}]}
  cargo_scooter: {routing: [{station: weld, time: 12 min}, {station: cut, time: 3 min}]}
orders:
  - {name: erp, file: FILE}
"""
SCENARIO_FOR_ENVIRONMENT = """name: Environment CSV campaign
run: {duration: 7 d}
environment:
  COLUMN: {csv: FILE}
effects:
  - {variable: COLUMN, affects: process_time, stations: [cut], linear: {reference: 0, per_unit: 0.001}}
stations:
  cut: {}
products:
  widget: {routing: [{station: cut, time: 4 min}]}
orders:
  - {name: o, rate: 10 /h, product: widget}
"""


# ---------------------------------------------------------------------------------------------
# Mutations

def lines_of(data):
    return data.split(b"\n")


def m_flip(rng, data, seeds):
    data = bytearray(data or b" ")
    for _ in range(rng.randint(1, 8)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data)


def m_byte(rng, data, seeds):
    data = bytearray(data or b" ")
    special = [0, 0x09, 0x0A, 0x0D, 0x20, 0x22, 0x23, 0x26, 0x2A, 0x2C, 0x2D, 0x3A, 0x5B, 0x5D, 0x7B, 0x7D, 0x7F, 0x80, 0xFF]
    position = rng.randrange(len(data) + 1)
    if rng.random() < 0.5 and position < len(data):
        data[position] = rng.choice(special)
    else:
        data[position:position] = bytes([rng.choice(special)])
    return bytes(data)


def m_delete_lines(rng, data, seeds):
    lines = lines_of(data)
    for _ in range(rng.randint(1, 3)):
        if len(lines) > 1:
            del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def m_duplicate_lines(rng, data, seeds):
    lines = lines_of(data)
    index = rng.randrange(len(lines))
    lines[index:index] = [lines[index]] * rng.choice([1, 1, 2, 10])
    return b"\n".join(lines)


def m_swap_lines(rng, data, seeds):
    lines = lines_of(data)
    if len(lines) > 1:
        a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[a], lines[b] = lines[b], lines[a]
    return b"\n".join(lines)


NUMBER = re.compile(rb"(?<![A-Za-z_])-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def m_number(rng, data, seeds):
    matches = list(NUMBER.finditer(data))
    if not matches:
        return m_flip(rng, data, seeds)
    chosen = sorted(rng.sample(matches, min(len(matches), rng.choice([1, 1, 2, 5]))), key=lambda m: -m.start())
    for match in chosen:
        data = data[:match.start()] + rng.choice(EXTREMES).encode() + data[match.end():]
    return data


UNIT = re.compile(rb"(\d)\s*(ms|min|s|h|d|w|/h|/min)\b")


def m_unit(rng, data, seeds):
    matches = list(UNIT.finditer(data))
    if not matches:
        return m_number(rng, data, seeds)
    match = rng.choice(matches)
    return data[:match.start(2)] + rng.choice(UNITS).encode() + data[match.end(2):]


FLOW_LIST = re.compile(rb"\[([^\[\]\n]+)\]")


def m_huge_list(rng, data, seeds):
    count = rng.choice([100, 1000, 10000])   # larger files are slow to read, not hung (~0.2 MB/s)
    matches = list(FLOW_LIST.finditer(data))
    if matches and rng.random() < 0.6:
        match = rng.choice(matches)
        items = match.group(1).split(b",")
        body = b", ".join(items[i % len(items)].strip() for i in range(count))
        return data[:match.start()] + b"[" + body + b"]" + data[match.end():]
    lines = lines_of(data)
    index = rng.randrange(len(lines))
    lines[index:index + 1] = [lines[index]] * count   # block list items, CSV rows
    return b"\n".join(lines)


def m_line_ends(rng, data, seeds):
    choice = rng.random()
    if choice < 0.4:
        return data.replace(b"\n", b"\r\n")
    if choice < 0.7:
        return data.replace(b"\n", b"\r")
    lines = lines_of(data)
    return b"".join(line + rng.choice([b"\n", b"\r\n", b"\r"]) for line in lines)


def m_bom(rng, data, seeds):
    return rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xef\xbb\xbf\xef\xbb\xbf"]) + data


def m_truncate(rng, data, seeds):
    return data[:rng.randrange(len(data) + 1)]


def m_splice(rng, data, seeds):
    other = lines_of(rng.choice(seeds))
    lines = lines_of(data)
    start = rng.randrange(len(other))
    chunk = other[start:start + rng.randint(1, 6)]
    index = rng.randrange(len(lines) + 1)
    lines[index:index] = chunk
    return b"\n".join(lines)


TOKENS = [b"name: x", b"run:", b"stations:", b"products:", b"orders:", b"variants:", b"queue:", b"  machines: 0",
          b"  buffer: -1", b"  time: 0 s", b"  dispatch: atc(k=1e308)", b"  replications: 1000000000",
          b"  max_events: 9223372036854775807", b"  duration: 1e308 d", b"  warm_up: 1e308 s", b"  seed: -1",
          b"    - {station: nowhere, time: 1 min}", b"  - {name: o, rate: 1e308 /h, product: widget}",
          b"  - {name: o, interarrival: 0 s, product: widget}", b"<<: *a", b"&a", b"*a", b"? [a, b]\n: c",
          b"!!binary aGVsbG8=", b"!!python/object:os.system", b"%YAML 1.2", b"---", b"...", b"\t", b"\x00",
          b"\xc2\x85", b"\xe2\x80\xa8", b"key: \"\\u0000\"", b"\"", b"'", b"{", b"}", b"[", b"]",
          b"time,product,quantity,due,priority", b"time,temperature", b",,,,,,,,", b"\"a\"\"b\",\"", b"#"]


def m_token(rng, data, seeds):
    lines = lines_of(data)
    index = rng.randrange(len(lines) + 1)
    token = rng.choice(TOKENS)
    if rng.random() < 0.5:
        lines[index:index] = [token]
    else:
        line = lines[min(index, len(lines) - 1)]
        cut = rng.randrange(len(line) + 1)
        lines[min(index, len(lines) - 1)] = line[:cut] + token + line[cut:]
    return b"\n".join(lines)


def m_aliases(rng, data, seeds):
    depth = rng.randint(3, 9)
    bomb = [b"a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, depth):
        bomb.append(b"a%d: &a%d [" % (level, level) + b", ".join([b"*a%d" % (level - 1)] * 10) + b"]")
    return b"\n".join(bomb) + b"\n" + data


def m_deep(rng, data, seeds):
    depth = rng.choice([100, 1000, 10000, 100000])
    return data + b"\nx: " + b"[" * depth + b"]" * depth + b"\n"


MUTATIONS = [m_flip, m_byte, m_delete_lines, m_duplicate_lines, m_swap_lines, m_number, m_number, m_number, m_unit,
             m_huge_list, m_line_ends, m_bom, m_truncate, m_splice, m_token, m_token, m_aliases, m_deep]


def mutate(rng, data, seeds):
    names = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        mutation = rng.choice(MUTATIONS)
        if mutation in (m_huge_list, m_aliases, m_deep) and rng.random() < 0.5:
            mutation = m_number   # the expensive ones less often
        data = mutation(rng, data, seeds)
        names.append(mutation.__name__[2:])
    if len(data) > 1_000_000:
        data = data[:1_000_000]   # see m_huge_list
    return data, names


# ---------------------------------------------------------------------------------------------
# Running a command

def limit(as_limit):
    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (as_limit, as_limit))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        os.setsid()
    return apply


def run(command, cwd, timeout, as_limit):
    """(exit code or -signal, 'hang' flag, seconds, peak RSS in bytes, stderr text)."""
    env = dict(os.environ, SWIFT_BACKTRACE="enable=no")
    with open(os.devnull, "wb") as null, open(os.path.join(cwd, f".stderr-{threading.get_ident()}"), "w+b") as err:
        started = time.monotonic()
        process = subprocess.Popen(command, cwd=cwd, stdout=null, stderr=err, stdin=subprocess.DEVNULL,
                                   preexec_fn=limit(as_limit), env=env)
        hang = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > timeout:
                hang = True
                os.killpg(process.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.005)
        process.returncode = os.waitstatus_to_exitcode(status)   # reaped here, not by Popen
        seconds = time.monotonic() - started
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return process.returncode, hang, seconds, usage.ru_maxrss * 1024, stderr


# ---------------------------------------------------------------------------------------------

class Campaign:
    def __init__(self, args):
        self.args = args
        self.out = pathlib.Path(args.out).resolve()   # the commands run in OUT/work
        self.work = self.out / "work"
        self.lock = threading.Lock()
        self.stats = collections.Counter()
        self.exit_codes = collections.Counter()
        self.by_kind = collections.Counter()
        self.max_rss = (0, "")
        self.slowest = (0.0, "")
        self.unpositioned = collections.Counter()
        self.examples = {}
        self.findings = []

    def setup(self):
        corpus = self.out / "corpus"
        subprocess.run([sys.executable, str(ROOT / "scripts/fuzz/make_corpus.py"), str(self.out)], check=True)
        self.seeds = {kind: [p.read_bytes() for p in sorted((corpus / kind).iterdir())] for kind in KINDS}
        self.all_seeds = [data for kind in KINDS for data in self.seeds[kind]]
        shutil.rmtree(self.work, ignore_errors=True)
        shutil.copytree(ROOT / "scenarios", self.work / "scenarios")
        for path in (ROOT / "Tests/TaktScenarioTests/BadScenarios").glob("*.csv"):
            shutil.copy(path, self.work / "scenarios" / path.name)
        for folder in ("csv", "jobshop"):
            (self.work / folder).mkdir(parents=True, exist_ok=True)

    def commands(self, kind, index, data, rng):
        """The files to write and the commands to run for one input."""
        takt = str(pathlib.Path(self.args.takt).resolve())
        run_flags = ["--max-events", "100000", "--replications", "1", "--jobs", "1"]
        if rng.random() < 0.9:
            run_flags.append("--no-out")
        if kind == "scenario":
            path = self.work / "scenarios" / f"in-{index}.yaml"
            path.write_bytes(data)
            return path, [[takt, "validate", str(path)], [takt, "run", str(path)] + run_flags]
        if kind in ("orders-csv", "environment-csv"):
            csv = self.work / "csv" / f"in-{index}.csv"
            csv.write_bytes(data)
            if kind == "orders-csv":
                text = SCENARIO_FOR_ORDERS.replace("FILE", csv.name)
            else:
                header = next((l for l in data.decode("utf-8", "replace").splitlines()
                               if l.strip() and not l.lstrip().startswith("#")), "")
                column = header.split(",")[-1].strip() if header else ""
                if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,39}", column) or column == "time":
                    column = "temperature"
                text = SCENARIO_FOR_ENVIRONMENT.replace("FILE", csv.name).replace("COLUMN", column)
            scenario = self.work / "csv" / f"in-{index}.yaml"
            scenario.write_text(text)
            return csv, [[takt, "validate", str(scenario)], [takt, "run", str(scenario)] + run_flags]
        if kind == "jobshop":
            path = self.work / "jobshop" / f"in-{index}.txt"
            path.write_bytes(data)
            return path, [[takt, "run", str(path), "--rule", rng.choice(RULES)] + run_flags]
        path = self.work / "scenarios" / "sweeps" / f"in-{index}.yaml"
        path.write_bytes(data)
        return path, [[takt, "sweep", "plan", str(path)]]

    def one(self, index):
        rng = random.Random(self.args.seed * 1_000_003 + index)
        kind = KINDS[index % len(KINDS)]
        seed = rng.choice(self.seeds[kind])
        data, mutations = mutate(rng, seed, self.all_seeds)
        path, commands = self.commands(kind, index, data, rng)
        problems = []
        results = []
        for number, command in enumerate(commands):
            code, hang, seconds, rss, stderr = run(command, str(self.work), self.args.timeout, self.args.as_limit_mb << 20)
            verb = " ".join(command[1:3]) if command[1] == "sweep" else command[1]
            results.append((verb, code, hang, seconds, rss, stderr))
            if hang:
                problems.append("hang")
            elif code < 0:
                problems.append(f"signal {-code}")
            if rss > 2 << 30:
                problems.append("rss")
            if code == 2 and not hang:
                unpositioned = self.unpositioned_lines(stderr)
                if unpositioned:
                    problems.append("unpositioned")
                    with self.lock:
                        for line in unpositioned:
                            category = self.category(line)
                            self.unpositioned[(verb, category)] += 1
                            self.examples.setdefault((verb, category), line[:300])
            if code == 2 and not hang and self.past_end(stderr, path, data):
                problems.append("past-end")
            if code != 0 or hang:
                break   # validate failed: no run
        with self.lock:
            self.stats["inputs"] += 1
            self.by_kind[kind] += 1
            for verb, code, hang, seconds, rss, stderr in results:
                self.stats["commands"] += 1
                self.exit_codes[f"{verb}: {'hang' if hang else code}"] += 1
                if hang:
                    self.stats["hangs"] += 1
                elif code < 0:
                    self.stats["signals"] += 1
                if code == 2 and not hang:
                    self.stats["rejections"] += 1
                if rss > self.max_rss[0]:
                    self.max_rss = (rss, f"{kind} #{index} ({verb})")
                if seconds > self.slowest[0] and not hang:
                    self.slowest = (seconds, f"{kind} #{index} ({verb})")
            if any(p in ("hang", "rss") or p.startswith("signal") for p in problems):
                self.stats["failing inputs"] += 1
            if "unpositioned" in problems:
                self.stats["rejections without file:line:column"] += 1
            if "past-end" in problems:
                self.stats["rejections at a line past the end"] += 1
            if problems:
                self.keep(kind, index, path, data, mutations, problems, results)
        path.unlink(missing_ok=True)
        if kind in ("orders-csv", "environment-csv"):
            path.with_suffix(".yaml").unlink(missing_ok=True)

    @staticmethod
    def past_end(stderr, path, data):
        """Whether a diagnostic in the input names a line after its last (every kind of line
        break YAML knows counted, CRLF twice: an upper bound)."""
        text = data.decode("utf-8", "replace")
        breaks = sum(text.count(c) for c in ("\n", "\r", "\x85", "\u2028", "\u2029"))
        for line in stderr.splitlines():
            match = POSITIONED.match(line)
            if match and match.group(1) == str(path) and int(match.group(2)) > breaks + 1:
                return True
        return False

    @staticmethod
    def unpositioned_lines(stderr):
        """Lines of a rejection that report a problem without file:line:column."""
        lines = [l for l in stderr.splitlines() if l.strip()]
        bad = [l for l in lines if not POSITIONED.match(l) and not re.match(r"^\d+ errors? found\.?$", l)
               and not l.startswith("  ") and not EVENT_LIMIT.search(l)]
        return bad if not any(POSITIONED.match(l) for l in lines) else [l for l in bad if "error" in l.lower()]

    @staticmethod
    def category(line):
        line = re.sub(r"/\S+", "PATH", line)
        line = re.sub(r"\d+(\.\d+)?", "N", line)
        line = re.sub(r"'[^']*'", "'…'", line)
        return line[:90]

    def keep(self, kind, index, path, data, mutations, problems, results):
        folder = self.out / "findings" / problems[0].split()[0]
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{kind}-{index}{path.suffix}"
        (folder / name).write_bytes(data)
        info = {"kind": kind, "index": index, "mutations": mutations, "problems": problems,
                "commands": [{"verb": v, "exit": c, "hang": h, "seconds": round(s, 3), "rss_mb": round(r / 2**20, 1),
                              "stderr": e[-2000:]} for v, c, h, s, r, e in results]}
        (folder / (name + ".json")).write_text(json.dumps(info, indent=1))
        self.findings.append(f"{folder.name}/{name}: {', '.join(problems)}")

    def report(self, seconds):
        stats = self.stats
        summary = {
            "inputs": stats["inputs"], "inputs by kind": dict(self.by_kind), "commands": stats["commands"],
            "wall seconds": round(seconds, 1), "signals": stats["signals"], "hangs over timeout": stats["hangs"],
            "failing inputs": stats["failing inputs"],
            "max RSS MiB": round(self.max_rss[0] / 2**20, 1), "max RSS input": self.max_rss[1],
            "slowest seconds": round(self.slowest[0], 2), "slowest input": self.slowest[1],
            "rejections (exit 2)": stats["rejections"],
            "rejections without file:line:column": stats["rejections without file:line:column"],
            "rejections at a line past the end": stats["rejections at a line past the end"],
            "unpositioned messages by command and kind": {f"{v}: {c}": n for (v, c), n in self.unpositioned.most_common()},
            "unpositioned examples": {f"{v}: {c}": e for (v, c), e in self.examples.items()},
            "exit codes": dict(sorted(self.exit_codes.items())),
            "findings": self.findings[:200],
        }
        (self.out / "summary.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False))
        print(json.dumps(summary, indent=1, ensure_ascii=False))
        return summary


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=5000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--takt", default=str(ROOT / ".build/release/takt"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0, help="first input number (to resume or extend a campaign)")
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--as-limit-mb", type=int, default=4096)
    parser.add_argument("--out", default=str(ROOT / "results/fuzz/campaign"))
    args = parser.parse_args()
    campaign = Campaign(args)
    campaign.setup()
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = [pool.submit(campaign.one, i) for i in range(args.start, args.start + args.inputs)]
        for done, future in enumerate(concurrent.futures.as_completed(futures), 1):
            future.result()
            if done % 250 == 0:
                s = campaign.stats
                print(f"[campaign] {done}/{args.inputs} inputs, {s['signals']} signals, {s['hangs']} hangs, "
                      f"{s['rejections without file:line:column']} unpositioned, "
                      f"max RSS {campaign.max_rss[0] / 2**20:.0f} MiB, {time.monotonic() - started:.0f} s", file=sys.stderr)
    summary = campaign.report(time.monotonic() - started)
    bad = summary["signals"] or summary["hangs over timeout"] or campaign.max_rss[0] > 2 << 30
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
