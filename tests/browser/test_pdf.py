"""The PDF of the whole book (make pdf): it has pages, every chapter, and the figures."""

import json
from pathlib import Path

import pytest

from tools.paths import PDF

from .conftest import ROOT, toc_pages


def chapter_titles() -> list[str]:
    titles = []
    for page in toc_pages():
        path = ROOT / f"{page}.ipynb"
        if not path.exists():
            path = ROOT / f"{page}.md"
        if path.suffix == ".ipynb":
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
            text = "".join(next(c for c in cells if c["cell_type"] == "markdown")["source"])
        else:
            text = path.read_text(encoding="utf-8")
        titles.append(next(line[2:].strip() for line in text.splitlines() if line.startswith("# ")))
    return titles


def figure_count() -> int:
    count = 0
    for notebook in Path(ROOT / "chapters").glob("*.ipynb"):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            count += sum("image/png" in output.get("data", {}) for output in cell.get("outputs", []))
    return count


@pytest.fixture(scope="module")
def reader():
    if not PDF.exists():
        pytest.fail("the PDF is not built: run `make pdf` first")
    from pypdf import PdfReader

    return PdfReader(str(PDF))


def _flat(text: str) -> str:
    """Compare text without whitespace or typographic quotes (lines break inside titles)."""
    return "".join(text.replace("\u2019", "'").replace("\u2018", "'").split()).lower()


def test_pdf_has_every_chapter(reader):
    assert len(reader.pages) > 0
    text = _flat(" ".join(page.extract_text() for page in reader.pages))
    missing = [title for title in chapter_titles() if _flat(title) not in text]
    assert missing == [], f"chapter titles missing from the PDF: {missing}"


def test_pdf_carries_the_figures(reader):
    images = sum(len(page.images) for page in reader.pages)
    assert images >= figure_count() > 0
