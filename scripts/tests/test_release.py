"""Issue 19, D4: what a cluster needs to run Takt — the Kubernetes manifest's names (Kubernetes' rules), the
image it names (the Containerfile), and the self-contained build (scripts/release/build-static.sh). No image
can be built here; the Containerfile is checked against what the manifest expects, and the build script's
arguments are run for real (a full static build runs with TAKT_TEST_STATIC_BUILD=1; minutes)."""
import os
import re
import subprocess

import pytest
import yaml
from conftest import ROOT

BUILD = ROOT / "scripts" / "release" / "build-static.sh"
LABEL = re.compile(r"[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")          # DNS-1123 label, Kubernetes' regex


def names_in(node, path=""):
    """Every `name` and `claimName` value in a manifest (not environment variables'), with where it is."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("name", "claimName") and isinstance(value, str) and ".env[" not in path:
                yield f"{path}.{key}", value
            yield from names_in(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from names_in(item, f"{path}[{index}]")


@pytest.mark.parametrize("name", ["fleet", "A sweep whose name is exactly long enough-to be cut on a dash",
                                  "Ünïcode!!", "x" * 120])
def test_the_k8s_manifest_uses_names_kubernetes_accepts(takt, tmp_path, name):
    sweep = tmp_path / "s.yaml"
    sweep.write_text(f"name: {name!r}\nscenario: {ROOT / 'scenarios' / 'queue-mm5.yaml'}\n"
                     "replications: 2\nparameters: {queue.servers: [5, 6]}\n")
    result = subprocess.run([str(takt), "sweep", "submit", str(sweep), "--out", str(tmp_path / "out"),
                             "--engine", "k8s"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    manifest = yaml.safe_load((tmp_path / "out" / "k8s" / "job.yaml").read_text())
    found = dict(names_in(manifest))
    assert ".metadata.name" in found and len(found) >= 4
    for where, value in found.items():
        limit = 45 if where == ".metadata.name" else 63
        assert LABEL.fullmatch(value) and len(value) <= limit, (where, value)
    container = manifest["spec"]["template"]["spec"]["containers"][0]
    assert container["image"] == "takt:latest"
    assert container["command"][0] == "/usr/local/bin/takt"      # where the Containerfile installs it


def test_a_claim_that_is_no_kubernetes_name_is_refused(takt, tmp_path):
    sweep = tmp_path / "s.yaml"
    scenario = ROOT / "scenarios" / "queue-mm5.yaml"
    sweep.write_text(f"name: s\nscenario: {scenario}\nparameters: {{queue.servers: [5]}}\n")
    result = subprocess.run([str(takt), "sweep", "submit", str(sweep), "--out", str(tmp_path / "out"),
                             "--engine", "k8s", "--claim", "My_Claim"], capture_output=True, text=True)
    assert result.returncode == 2 and "--claim 'My_Claim' is not a Kubernetes name" in result.stderr


def test_the_containerfile_builds_what_the_manifest_runs():
    text = (ROOT / "Containerfile").read_text()
    assert "takt:latest" in text.split("\n\n")[0], "the header names the default --image"
    assert "RUN scripts/release/build-static.sh --out /opt/takt" in text
    assert "ln -s /opt/takt/bin/takt /usr/local/bin/takt" in text
    stages = re.findall(r"^FROM (\S+)", text, re.M)
    assert stages == ["${SWIFT_IMAGE}", "${RUNTIME_IMAGE}"]
    for copied in re.findall(r"^COPY (?!--from)(\S+)", text, re.M):
        assert (ROOT / copied).exists(), copied


def test_the_build_script_arguments():
    dry = subprocess.run([str(BUILD), "--dry-run", "--out", "/tmp/x", "--scratch-path", ".build-s"],
                         capture_output=True, text=True)
    assert dry.returncode == 0, dry.stderr
    command = dry.stdout.splitlines()[0]
    assert command.startswith("swift build -c release --product takt --static-swift-stdlib --scratch-path .build-s")
    assert "-rpath -Xlinker \\$ORIGIN/../lib" in command and "/tmp/x/lib" in dry.stdout
    default = subprocess.run([str(BUILD), "--dry-run"], capture_output=True, text=True).stdout
    assert re.search(r"dist/takt-\d+\.\d+\.\d+-linux-", default)
    for bad in (["--out"], ["--bogus"], ["--scratch-path"], ["--out", "--help"]):
        result = subprocess.run([str(BUILD), *bad, "--dry-run"], capture_output=True, text=True)
        assert result.returncode == 2 and "build-static.sh:" in result.stderr, bad
    assert subprocess.run([str(BUILD), "--help"], capture_output=True, text=True).stdout.startswith("A self-contained")


@pytest.mark.skipif(os.environ.get("TAKT_TEST_STATIC_BUILD") != "1", reason="a full static build takes minutes")
def test_the_static_build_runs_without_the_toolchain(tmp_path):
    out = tmp_path / "takt"
    subprocess.run([str(BUILD), "--out", str(out)], check=True, cwd=ROOT)
    libraries = subprocess.run(["ldd", str(out / "bin" / "takt")], capture_output=True, text=True).stdout
    assert "/opt/swift" not in libraries and "libswiftCore" not in libraries
    assert any(p.name.startswith("libhdf5") for p in (out / "lib").iterdir())
    loaded = subprocess.run([str(out / "bin" / "takt"), "version"], capture_output=True, text=True,
                            env={"LD_DEBUG": "libs"}).stderr
    outside = {line.split()[-1] for line in loaded.splitlines() if "calling init:" in line} - {""}
    allowed = ("/lib64/ld-linux", "/lib/x86_64-linux-gnu/libc.so", "/lib/x86_64-linux-gnu/libm.so",
               "/lib/x86_64-linux-gnu/libresolv.so", str(out))
    assert [p for p in outside if not p.startswith(allowed) and "/../lib/" not in p] == []
    result = subprocess.run([str(out / "bin" / "takt"), "run", "scenarios/queue-mm5.yaml", "--replications", "2",
                             "--out", str(tmp_path / "r.h5")], capture_output=True, text=True, cwd=ROOT,
                            env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "r.h5").stat().st_size > 10_000
