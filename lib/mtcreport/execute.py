"""Re-execute chapter notebooks in place, only when something they depend on changed.

A chapter's stored outputs depend on its own code cells and on the inputs every
chapter reads: the data package (``data/``), this library (``lib/``) and the
pinned requirements. Each executed notebook gets a key (a SHA-256 of all of
that) stored under ``_build/.exec/``; a notebook whose key is unchanged is
skipped. Editing prose (Markdown cells) does not change the key.

Usage::

    python -m mtcreport.execute [--force] [--jobs N] chapters/*.ipynb

Outputs are written deterministically (no timing metadata, fixed JSON layout),
so executing twice leaves ``git status`` clean.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat

#: The book's folder: where make runs (a benchmark may run a copy of the book elsewhere).
ROOT = Path.cwd().resolve()
STAMPS = ROOT / "_build" / ".exec"
#: What every chapter reads, besides its own code.
SHARED_INPUTS = ("data", "lib", "requirements.txt", "pyproject.toml")


def shared_digest(root: Path = ROOT) -> str:
    """SHA-256 over the files every chapter depends on (the data folder may be moved by MTC_DATA_DIR)."""
    digest = hashlib.sha256()
    for entry in SHARED_INPUTS:
        base = root / entry
        if entry == "data" and os.environ.get("MTC_DATA_DIR"):
            base = Path(os.environ["MTC_DATA_DIR"])
        files = sorted(base.rglob("*")) if base.is_dir() else [base]
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts and not path.name.endswith(".egg-info"):
                digest.update(path.relative_to(base.parent).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def notebook_key(path: Path, shared: str) -> str:
    """Key of a notebook: its code cells (source, tags, metadata) plus the shared inputs."""
    nb = nbformat.read(path, as_version=4)
    digest = hashlib.sha256(shared.encode())
    for cell in nb.cells:
        if cell.cell_type == "code":
            digest.update(cell.source.encode())
            digest.update(repr(sorted(cell.metadata.items())).encode())
    return digest.hexdigest()


def _stamp(path: Path) -> Path:
    return STAMPS / (path.resolve().relative_to(ROOT).as_posix().replace("/", "__") + ".key")


def execute(path: Path, timeout: int = 600) -> float:
    """Execute one notebook in place with its folder as working directory; return seconds taken."""
    from nbclient import NotebookClient

    start = time.perf_counter()
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nb.metadata.pop("widgets", None)
    nbformat.validate(nb)
    text = nbformat.writes(nb)
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    return time.perf_counter() - start


def _run(job: tuple[str, str]) -> tuple[str, float]:
    path, key = Path(job[0]), job[1]
    seconds = execute(path)
    stamp = _stamp(path)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(key + "\n")
    return str(path), seconds


def stale(paths: list[Path], force: bool = False) -> list[tuple[str, str]]:
    """Notebooks whose key differs from the stored stamp (all of them with ``force``)."""
    shared = shared_digest()
    jobs = []
    for path in paths:
        key = notebook_key(path, shared)
        stamp = _stamp(path)
        if force or not stamp.exists() or stamp.read_text().strip() != key:
            jobs.append((str(path), key))
    return jobs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--force", action="store_true", help="execute even if nothing changed")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks executed at once (default 2)")
    args = parser.parse_args(argv)
    jobs = stale(args.notebooks, args.force)
    skipped = len(args.notebooks) - len(jobs)
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
