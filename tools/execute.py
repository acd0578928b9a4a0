"""Re-execute chapter notebooks in place, only when something they read changed.

Each execution records, in the notebook's own metadata (``metadata.mtcreport``), what the
chapter read: the data tables it loaded (``mtcreport.data.READ``) and the ``mtcreport`` modules
it imported. Its key is a SHA-256 of its code cells, of those tables (their bytes and their
descriptor in ``datapackage.json``), of those modules' source, of the files those modules read
themselves (``_toc.yml`` for the book's structure, ``CITATION.cff`` and ``pyproject.toml`` for
the citation) and of the locked environment (``requirements.lock``, every installed package).
The key is committed with the notebook, so a fresh clone executes nothing, and editing one table
re-executes exactly the chapters that read it.
Editing prose (Markdown cells) never changes a key.

Before any kernel starts, the whole data package is validated: a broken row stops the run with
one message (file, row, line, id, column, rule, and how many more problems), no traceback, and
no notebook touched.

Usage::

    python -m tools.execute [--force] [--check] [--jobs N] [chapters/*.ipynb]

``--check`` only reports stale notebooks (exit 1 if any): the pre-commit hook and the tests use
it. Outputs are written deterministically (no timing metadata, fixed JSON layout), so executing
twice leaves ``git status`` clean.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat

from tools import paths

#: The book's folder (a benchmark runs a copy of the book with the copy's own ``tools``).
ROOT = paths.ROOT
#: The library's source folder (a test may point it at a copy).
LIB = paths.lib()
#: Files every chapter depends on, whatever it reads.
#: (The lock, not requirements.txt: it pins every installed package, transitive ones included.)
COMMON_INPUTS = ("requirements.lock",)
#: Files a module reads by itself, beyond its own source.
MODULE_INPUTS = {
    "mtcreport.citation": ("CITATION.cff", "pyproject.toml"),
    "mtcreport.book": ("_toc.yml",),
}
#: Appended to a notebook while it runs, then removed: reports what the chapter read.
_PROBE = """
import json as _json, sys as _sys
from mtcreport import data as _data
print("MTCREPORT-READS " + _json.dumps({
    "tables": sorted(_data.READ),
    "modules": sorted(m for m in _sys.modules if m == "mtcreport" or m.startswith("mtcreport.")),
}))
"""


def _read_bytes(path: Path) -> bytes:
    return path.read_bytes() if path.is_file() else b"<missing>"


def _chapter_titles(root: Path) -> bytes:
    """Every chapter's title, as ``mtcreport.book`` reads them (the claims ledger prints them)."""
    from mtcreport import book

    paths = sorted((root / "chapters").glob("*.ipynb"))
    return "\n".join(f"{path.name}:{book.title_of(path)}" for path in paths).encode()


def reads(path: Path) -> dict:
    """What a notebook read when it was last executed (empty before its first run)."""
    nb = nbformat.read(path, as_version=4)
    meta = nb.metadata.get("mtcreport", {})
    return {"tables": list(meta.get("tables", [])), "modules": list(meta.get("modules", []))}


def notebook_key(path: Path, root: Path | None = None, read: dict | None = None) -> str:
    """Key of a notebook: its code cells plus everything it read (see the module docstring)."""
    from mtcreport import data

    root = root or ROOT
    read = reads(path) if read is None else read
    nb = nbformat.read(path, as_version=4)
    digest = hashlib.sha256()
    for cell in nb.cells:
        if cell.cell_type == "code":
            digest.update(cell.source.encode())
            digest.update(repr(sorted(cell.metadata.items())).encode())
    for name in COMMON_INPUTS:
        digest.update(name.encode() + _read_bytes(root / name))
    folder = data.data_dir()
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    for name in sorted(read["tables"]):
        resource = resources.get(name)
        digest.update(f"table:{name}".encode())
        digest.update(json.dumps(resource, sort_keys=True).encode())
        if resource is not None:
            digest.update(_read_bytes(folder / resource["path"]))
    lib = LIB
    for module in sorted(read["modules"]):
        parts = module.split(".")[1:]
        source = (
            lib.joinpath(*parts, "__init__.py") if not parts else lib.joinpath(*parts[:-1], parts[-1] + ".py")
        )
        digest.update(f"module:{module}".encode() + _read_bytes(source))
        for name in MODULE_INPUTS.get(module, ()):
            digest.update(name.encode() + _read_bytes(root / name))
        if module == "mtcreport.book":
            digest.update(_chapter_titles(root))
    return digest.hexdigest()


def stored_key(path: Path) -> str | None:
    return nbformat.read(path, as_version=4).metadata.get("mtcreport", {}).get("key")


def execute(path: Path, timeout: int = 600, root: Path | None = None) -> float:
    """Execute one notebook in place with its folder as working directory; record what it read
    and its key in its metadata; return seconds taken."""
    from nbclient import NotebookClient
    from nbformat.v4 import new_code_cell

    start = time.perf_counter()
    nb = nbformat.read(path, as_version=4)
    probe = new_code_cell(_PROBE)
    nb.cells.append(probe)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    nb.cells.pop()
    text = "".join(o.get("text", "") for o in probe.outputs if o.get("output_type") == "stream")
    line = next((t for t in text.splitlines() if t.startswith("MTCREPORT-READS ")), None)
    read = json.loads(line.split(" ", 1)[1]) if line else {"tables": [], "modules": []}
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nb.metadata.pop("widgets", None)
    nb.metadata["mtcreport"] = {"tables": read["tables"], "modules": read["modules"]}
    nbformat.validate(nb)
    path.write_text(_text(nb), encoding="utf-8")
    # the key covers the notebook as written (code cells unchanged by execution)
    nb.metadata["mtcreport"]["key"] = notebook_key(path, root, read)
    path.write_text(_text(nb), encoding="utf-8")
    return time.perf_counter() - start


def _text(nb) -> str:
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def _run(job: str) -> tuple[str, float]:
    path = Path(job)
    return str(path), execute(path)


def stale(paths: list[Path], force: bool = False, root: Path | None = None) -> list[str]:
    """Notebooks whose stored key differs from the key of what they read now (all with ``force``)."""
    return [str(p) for p in paths if force or stored_key(p) != notebook_key(p, root)]


def validate_data() -> str | None:
    """Validate the data package; the one-block message if it is broken, else None."""
    from mtcreport import data

    try:
        data.validate_once(data.data_dir())  # skipped when these exact bytes passed before
    except data.DataError as exc:
        return str(exc)
    except OSError as exc:
        return f"{exc.filename}: cannot read the file ({exc.strerror})"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every chapter")
    parser.add_argument("--force", action="store_true", help="execute even if nothing changed")
    parser.add_argument("--check", action="store_true", help="only list stale notebooks; exit 1 if any")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks executed at once (default 2)")
    args = parser.parse_args(argv)
    args.notebooks = args.notebooks or sorted(paths.CHAPTERS.glob("*.ipynb"))
    problem = validate_data()
    if problem:
        print(f"data: {problem}", file=sys.stderr)
        print("execute: no notebook was run; fix the data and try again", file=sys.stderr)
        return 1
    jobs = stale(args.notebooks, args.force)
    skipped = len(args.notebooks) - len(jobs)
    if args.check:
        for job in jobs:
            print(f"stale: {job} (its code or something it reads changed since it was executed)")
        print(f"execute: {len(jobs)} stale, {skipped} up to date")
        return 1 if jobs else 0
    if not jobs:
        print(f"execute: all {skipped} notebooks up to date")
        return 0
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for path, seconds in pool.map(_run, jobs):
            print(f"execute: {path} ({seconds:.1f} s)")
    print(f"execute: {len(jobs)} executed, {skipped} up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
