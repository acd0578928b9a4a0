"""The environment cannot drift: every third-party module the code imports is a direct, pinned
requirement; every direct requirement is used; the lock pins every package with its hashes and
agrees with requirements.txt."""

from __future__ import annotations

import ast
import json
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

from tools.paths import ROOT

#: Direct requirements used as programs, plugins or configuration rather than imported.
NOT_IMPORTED = {
    "jupyter-book": "builds the book (make book)",
    "sphinx-book-theme": "the book's theme (_config.yml)",
    "sphinxcontrib-bibtex": "the References page (_config.yml)",
    "jupyter": "Jupyter Lab for reading and re-running chapters (README)",
    "ipykernel": "the kernel the chapters run in",
    "numpy": "pinned because the stored outputs depend on its version (pandas and matplotlib use it)",
    "pytest-xdist": "pytest plugin: -n 2",
    "nbval": "pytest plugin: make nbval",
    "ruff": "make lint",
    "pre-commit": "the optional hooks (.pre-commit-config.yaml)",
}
#: Our own modules: the package, the tooling, and the test helpers imported by name.
FIRST_PARTY = {"mtcreport", "tools", "tests"} | {p.stem for p in (ROOT / "tests").glob("*.py")}


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements(text: str) -> dict[str, str]:
    """Name -> pinned version of each line of a requirements file (every line must pin with ==)."""
    pins = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        found = re.fullmatch(r"([A-Za-z0-9_.-]+)==([^\s;\\]+)\s*\\?", line)
        assert found, f"not pinned exactly: {line!r}"
        pins[normal(found.group(1))] = found.group(2)
    return pins


def _modules(tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def imported_modules(root: Path = ROOT) -> dict[str, set[str]]:
    """Top-level module -> the files that import it: lib/, tools/, tests/, conftest.py and the
    chapters' code cells."""
    out: dict[str, set[str]] = {}
    files = [p for folder in ("lib", "tools", "tests") for p in (root / folder).rglob("*.py")]
    for path in [*files, root / "conftest.py"]:
        if "node_modules" in path.parts:
            continue
        for module in _modules(ast.parse(path.read_text(encoding="utf-8"))):
            out.setdefault(module, set()).add(path.relative_to(root).as_posix())
    for notebook in sorted((root / "chapters").glob("*.ipynb")):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                source = "".join(cell["source"])
                lines = [ln for ln in source.splitlines() if not ln.lstrip().startswith(("%", "!"))]
                for module in _modules(ast.parse("\n".join(lines))):
                    out.setdefault(module, set()).add(notebook.relative_to(root).as_posix())
    return out


def third_party(modules: dict[str, set[str]]) -> dict[str, set[str]]:
    """Distribution (normalised) -> the files that import one of its modules."""
    owners = packages_distributions()
    out: dict[str, set[str]] = {}
    for module, files in modules.items():
        if module in sys.stdlib_module_names or module in FIRST_PARTY or module == "__future__":
            continue
        assert module in owners, f"{module} (imported by {sorted(files)}) belongs to no installed package"
        for dist in owners[module]:
            out.setdefault(normal(dist), set()).update(files)
    return out


def missing_and_unused(direct: dict[str, str], used: dict[str, set[str]]) -> tuple[dict, list]:
    missing = {dist: sorted(files) for dist, files in used.items() if dist not in direct}
    unused = sorted(d for d in direct if d not in used and d not in NOT_IMPORTED)
    return missing, unused


def test_every_imported_package_is_a_direct_requirement_and_every_requirement_is_used():
    direct = requirements((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    missing, unused = missing_and_unused(direct, third_party(imported_modules()))
    assert missing == {}, f"imported but not in requirements.txt: {missing}"
    assert unused == [], f"in requirements.txt but imported by nothing (and not a tool): {unused}"


def test_the_check_names_a_dropped_requirement_and_an_unused_one():
    used = third_party(imported_modules())
    direct = requirements((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    without_bs4 = {k: v for k, v in direct.items() if k != "beautifulsoup4"}
    missing, unused = missing_and_unused(without_bs4 | {"networkx": "3.6.1"}, used)
    assert "beautifulsoup4" in missing and unused == ["networkx"]


def lock_entries(text: str) -> dict[str, tuple[str, int]]:
    """Name -> (version, number of hashes) of each package in a pip-compile lock."""
    out = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        found = re.match(r"([A-Za-z0-9_.-]+)==(\S+)", block)
        if found:
            out[normal(found.group(1))] = (found.group(2), block.count("--hash=sha256:"))
    return out


def test_the_lock_pins_every_package_with_hashes_and_agrees_with_the_requirements():
    lock = lock_entries((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    direct = requirements((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    assert len(lock) > 150, "the lock should pin the transitive packages too"
    unhashed = sorted(name for name, (_, hashes) in lock.items() if hashes == 0)
    assert unhashed == [], f"locked without a hash: {unhashed}"
    stale = {
        name: (pin, lock.get(name, ("absent",))[0])
        for name, pin in direct.items()
        if lock.get(name, ("",))[0] != pin
    }
    assert stale == {}, f"requirements.txt and requirements.lock disagree (run `make lock`): {stale}"
