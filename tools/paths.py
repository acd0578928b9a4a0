"""The project's paths, in one place for the build tooling.

The repository root is this package's parent folder (a benchmark that copies the book runs the
copy's own ``tools``, so its paths are the copy's). The report's package ``mtcreport`` keeps its
own data-folder resolution (``mtcreport.data.data_dir``, which ``MTC_DATA_DIR`` overrides).
"""

from __future__ import annotations

from pathlib import Path

import yaml

#: The repository root: the book's folder.
ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = ROOT / "chapters"
TOC = ROOT / "_toc.yml"
BUILD = ROOT / "_build"
HTML = BUILD / "html"
PDF = BUILD / "pdf" / "book.pdf"
SCREENSHOTS = BUILD / "screenshots"
BENCHMARKS = ROOT / "benchmarks"
VENV_BIN = ROOT / ".venv" / "bin"


def lib() -> Path:
    """The source folder of the ``mtcreport`` package actually imported (the editable install
    points at ``lib/mtcreport``; a test may point it at a copy)."""
    import mtcreport

    return Path(mtcreport.__file__).resolve().parent


def pages(root: Path = ROOT) -> list[str]:
    """Every document of the table of contents, in reading order (without suffix)."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    return [toc["root"]] + [c["file"] for part in toc.get("parts", []) for c in part["chapters"]]
