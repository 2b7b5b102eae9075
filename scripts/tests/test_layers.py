"""The layer rule (CONTRIBUTING.md, docs/architecture.md): a module imports only what Package.swift
lists as its dependencies, and the module tables of both documents say the same.

Package.swift is read through `swift package dump-package` (its JSON), so the test sees exactly
what the build sees. Imports are parsed from every Sources/<Module>/**/*.swift file, leaving out
comments and string literals (the recording tests hold Python code in strings)."""
import json
import os
import re
import shutil
import subprocess

import pytest
from conftest import ROOT

#: What any module may import besides its declared dependencies: the platform, not Takt.
PLATFORM = {"Swift", "_Concurrency", "Foundation", "FoundationEssentials", "Dispatch", "Glibc", "Musl", "Darwin"}
#: The bottom of the stack stays free of files, threads and Foundation (docs/architecture.md).
NO_FOUNDATION = {"TaktKernel", "TaktQueueing", "TaktFactory", "TaktControl"}

IMPORT = re.compile(r"^\s*(?:@[A-Za-z_]+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|fileprivate|private)\s+)?"
                    r"import\s+(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?([A-Za-z_][A-Za-z0-9_]*)")


def swift() -> str:
    found = shutil.which("swift") or "/opt/swift/usr/bin/swift"
    if not os.path.exists(found):
        pytest.skip("no Swift toolchain")
    return found


@pytest.fixture(scope="module")
def package() -> dict:
    result = subprocess.run([swift(), "package", "dump-package"], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    return json.loads(result.stdout)


def declared(target: dict) -> set[str]:
    """The modules a target may import: its target dependencies and the modules of its products
    (each product here is named after its module: Yams, ArgumentParser)."""
    names = set()
    for dependency in target["dependencies"]:
        for kind in ("byName", "target", "product"):
            if kind in dependency:
                names.add(dependency[kind][0])
    return names


def source_modules(package: dict) -> dict[str, dict]:
    return {t["name"]: t for t in package["targets"] if t["type"] in ("regular", "executable")}


def strip_comments_and_strings(text: str) -> str:
    """The Swift text with comments and string literals blanked (line structure kept)."""
    text = re.sub(r'#*"""[\s\S]*?"""#*', lambda m: "\n" * m.group(0).count("\n"), text)
    text = re.sub(r"/\*[\s\S]*?\*/", lambda m: "\n" * m.group(0).count("\n"), text)
    text = re.sub(r"//[^\n]*", "", text)
    return re.sub(r'"(?:[^"\\\n]|\\.)*"', '""', text)


def imports(module: str, target: dict) -> dict[str, list[str]]:
    """Imported module → the files (relative to the root) that import it."""
    folder = ROOT / (target.get("path") or f"Sources/{module}")
    found: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*.swift")):
        for line in strip_comments_and_strings(path.read_text(encoding="utf-8")).splitlines():
            match = IMPORT.match(line)
            if match:
                found.setdefault(match.group(1), []).append(str(path.relative_to(ROOT)))
    return found


def test_every_module_is_found(package):
    modules = source_modules(package)
    assert {"TaktKernel", "TaktFactory", "TaktExperiments", "takt"} <= set(modules)
    for module, target in modules.items():
        folder = ROOT / (target.get("path") or f"Sources/{module}")
        assert any(folder.rglob("*.swift")), f"no Swift files for {module} in {folder}"
    assert "TaktKernel" in imports("TaktFactory", modules["TaktFactory"])


def test_modules_import_only_their_declared_dependencies(package):
    against_the_grain = []
    for module, target in source_modules(package).items():
        allowed = declared(target) | PLATFORM
        if module in NO_FOUNDATION:
            allowed -= {"Foundation", "FoundationEssentials", "Dispatch"}
        for imported, files in imports(module, target).items():
            if imported not in allowed and imported != module:
                lets = ", ".join(sorted(declared(target))) or "nothing"
                against_the_grain.append(f"{module} imports {imported} ({', '.join(sorted(set(files)))}); "
                                         f"Package.swift lets it import {lets}")
    assert not against_the_grain, "\n".join(against_the_grain)


def test_the_dependency_graph_has_no_cycle(package):
    modules = source_modules(package)
    graph = {name: declared(target) & set(modules) for name, target in modules.items()}
    state: dict[str, int] = {}

    def visit(name: str, path: list[str]) -> None:
        if state.get(name) == 2:
            return
        assert state.get(name) != 1, " → ".join(path + [name])
        state[name] = 1
        for dependency in sorted(graph[name]):
            visit(dependency, path + [name])
        state[name] = 2

    for name in sorted(graph):
        visit(name, [])


DOCUMENTS = ["docs/architecture.md", "CONTRIBUTING.md"]
MODULE_NAME = re.compile(r"\b(Takt[A-Za-z]*|takt|CHDF5|Yams|ArgumentParser)\b")


def module_table(document: str) -> dict[str, set[str]]:
    """A document's module table: module (first column) → the modules named in the second."""
    text = (ROOT / document).read_text(encoding="utf-8")
    table: dict[str, set[str]] = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 2 and re.fullmatch(r"`?(Takt[A-Za-z]*|takt)`?", cells[0]):
            table[cells[0].strip("`")] = set(MODULE_NAME.findall(cells[1])) - {cells[0].strip("`")}
    return table


@pytest.mark.parametrize("document", DOCUMENTS)
def test_module_tables_match_package_swift(package, document):
    """Each Takt module has a row whose "may import" column names exactly its dependencies in
    Package.swift, so that the documents cannot drift from the build."""
    table = module_table(document)
    problems = []
    for module, target in source_modules(package).items():
        if module not in table:
            problems.append(f"{document} has no row for {module} (may import: "
                            f"{', '.join(sorted(declared(target)))})")
        elif table[module] != declared(target):
            problems.append(f"{document} says {module} may import {sorted(table[module])}; "
                            f"Package.swift says {sorted(declared(target))}")
    for module in set(table) - set(source_modules(package)):
        problems.append(f"{document} has a row for {module}, which Package.swift does not build")
    assert not problems, "\n".join(problems)
