"""Chapters re-execute when their code or what they read changes, and only then; bad data stops
the run before any kernel starts."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from mtcreport import data
from tools import execute
from tools.paths import ROOT

CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))


def make_notebook(path, markdown="Some prose.", code="x = 1"):
    nb = new_notebook(cells=[new_markdown_cell(markdown), new_code_cell(code)])
    nbformat.write(nb, path)


def code_of(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code")


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A copy of data/ that the loaders and the keys read instead of the real one."""
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    monkeypatch.setenv(data.DATA_DIR_ENV, str(folder))
    monkeypatch.setenv("MTC_VALIDATED_DIR", str(tmp_path / "validated"))
    return folder


def test_prose_edits_keep_the_key_and_code_edits_change_it(tmp_path):
    path = tmp_path / "chapter.ipynb"
    read = {"tables": ["denials"], "modules": ["mtcreport.data"]}
    make_notebook(path)
    key = execute.notebook_key(path, ROOT, read)
    make_notebook(path, markdown="Other prose.")
    assert execute.notebook_key(path, ROOT, read) == key
    make_notebook(path, markdown="Other prose.", code="x = 2")
    assert execute.notebook_key(path, ROOT, read) != key


def test_the_committed_notebooks_are_current():
    """A fresh clone executes nothing: every chapter's committed key matches what it reads now."""
    stale = execute.stale(CHAPTERS, root=ROOT)
    assert stale == [], f"stale notebooks (run `make notebooks` and commit them): {stale}"


def test_editing_one_table_reexecutes_exactly_the_chapters_that_read_it(data_copy):
    csv = data_copy / "denials.csv"
    lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace("Tu-22M3", "Tu-22M3 ", 1)  # one cell of one row
    csv.write_text("".join(lines), encoding="utf-8")
    # Expected, found without the keys: chapters whose code loads the table or every table,
    # directly or through a library module whose source does (datadoc loads every table by name).
    loaders = r"\bdenials\(|load_all\(|data\.load\(name\)"
    modules = [p.stem for p in (ROOT / "lib" / "mtcreport").glob("*.py") if re.search(loaders, p.read_text())]
    modules.remove("data")
    pattern = loaders + "|" + "|".join(rf"\b{m}\." for m in modules)
    expected = sorted(str(p) for p in CHAPTERS if re.search(pattern, code_of(p)))
    assert expected, "some chapter reads the denials table"
    assert sorted(execute.stale(CHAPTERS, root=ROOT)) == expected


def test_a_lib_module_edit_reexecutes_only_the_chapters_that_import_it(tmp_path, monkeypatch):
    lib = tmp_path / "mtcreport"
    shutil.copytree(execute.LIB, lib, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(execute, "LIB", lib)
    assert execute.stale(CHAPTERS, root=ROOT) == []
    # build tooling (the PDF printer, the executor) lives in tools/, which no chapter imports
    assert not (lib / "pdf.py").exists() and not (lib / "execute.py").exists()
    assert not [p for p in CHAPTERS if re.search(r"^\s*(from|import) tools\b", code_of(p), re.M)]
    # the audit module carries chapter 6's arithmetic and the front page's first findings
    (lib / "audit.py").write_text((lib / "audit.py").read_text() + "\n# an edit\n")
    expected = sorted(str(p) for p in CHAPTERS if re.search(r"\baudit\.", code_of(p)))
    assert expected and sorted(execute.stale(CHAPTERS, root=ROOT)) == expected


def test_execute_writes_outputs_without_timing_metadata_and_records_what_it_read(tmp_path):
    path = tmp_path / "chapter.ipynb"
    make_notebook(path, code="from mtcreport import data\nprint(6 * 7, len(data.denials()) > 0)")
    execute.execute(path, root=ROOT)
    first = path.read_text(encoding="utf-8")
    nb = nbformat.read(path, as_version=4)
    assert nb.cells[1].outputs[0]["text"] == "42 True\n"
    assert "execution" not in nb.cells[1].metadata
    assert len(nb.cells) == 2  # the probe cell is gone
    assert "denials" in nb.metadata["mtcreport"]["tables"]
    assert "transfers" not in nb.metadata["mtcreport"]["tables"]
    assert nb.metadata["mtcreport"]["key"] == execute.notebook_key(path, ROOT)
    execute.execute(path, root=ROOT)
    assert path.read_text(encoding="utf-8") == first


def _run_execute(notebook: Path, folder: Path) -> subprocess.CompletedProcess:
    env = os.environ | {data.DATA_DIR_ENV: str(folder), "MTC_VALIDATED_DIR": str(folder.parent / "validated")}
    return subprocess.run(
        [sys.executable, "-m", "tools.execute", str(notebook)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        ("bad_row", r'data/denials\.csv: row 2 \(line 3, id "[a-z0-9_]+"\), column "reported"'),
        ("missing_file", r"denials\.csv"),
        ("broken_descriptor", r"datapackage\.json"),
    ],
)
def test_bad_data_stops_the_run_before_any_kernel_starts(data_copy, tmp_path, breakage, expected):
    notebook = tmp_path / "chapter.ipynb"
    make_notebook(notebook, code="print('ran')")
    before = notebook.read_bytes()
    if breakage == "bad_row":
        csv = data_copy / "denials.csv"
        lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
        header = lines[0].rstrip("\n").split(",")
        cells = next(__import__("csv").reader([lines[2]]))
        cells[header.index("reported")] = "perhaps"
        import csv as csvmod
        import io

        buffer = io.StringIO()
        csvmod.writer(buffer, lineterminator="\n").writerow(cells)
        lines[2] = buffer.getvalue()
        csv.write_text("".join(lines), encoding="utf-8")
    elif breakage == "missing_file":
        (data_copy / "denials.csv").unlink()
    else:
        descriptor = data_copy / "datapackage.json"
        descriptor.write_text(descriptor.read_text(encoding="utf-8")[:-20], encoding="utf-8")
    result = _run_execute(notebook, data_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert re.search(expected, result.stderr), result.stderr
    assert "no notebook was run" in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 3, result.stderr
    assert notebook.read_bytes() == before


def test_the_failing_chapters_are_read_from_nbval_junit_report():
    from tools.failed_notebooks import failing

    report = """<testsuites><testsuite>
      <testcase classname="chapters.07_hindsight.ipynb" name="Cell 3"><failure message="x"/></testcase>
      <testcase classname="chapters.07_hindsight.ipynb" name="Cell 4"/>
      <testcase classname="chapters.02_crisis.ipynb" name="Cell 1"/>
      <testcase file="chapters/findings.ipynb" name="Cell 2"><error message="y"/></testcase>
    </testsuite></testsuites>"""
    assert failing(report) == ["07_hindsight", "findings"]


def test_no_chapter_stores_a_warning_or_other_stderr_output():
    """A warning printed by a cell would stand on the page under its chart or table (and carry
    the path of the machine that ran it, which nbval then compares): no stored output is stderr."""
    import json

    from tools.paths import CHAPTERS

    found = [
        (path.name, cell.get("id"))
        for path in sorted(CHAPTERS.glob("*.ipynb"))
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
        for output in cell.get("outputs", [])
        if output.get("name") == "stderr"
    ]
    assert found == [], f"cells that printed to stderr: {found}"
