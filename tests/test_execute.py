"""Chapters re-execute when their code or the shared inputs change, and only then."""

import shutil

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from mtcreport import execute


def make_notebook(path, markdown="Some prose.", code="x = 1"):
    nb = new_notebook(cells=[new_markdown_cell(markdown), new_code_cell(code)])
    nbformat.write(nb, path)


def test_prose_edits_keep_the_key_and_code_edits_change_it(tmp_path):
    path = tmp_path / "chapter.ipynb"
    make_notebook(path)
    key = execute.notebook_key(path, "shared")
    make_notebook(path, markdown="Other prose.")
    assert execute.notebook_key(path, "shared") == key
    make_notebook(path, markdown="Other prose.", code="x = 2")
    assert execute.notebook_key(path, "shared") != key
    assert execute.notebook_key(path, "other shared inputs") != execute.notebook_key(path, "shared")


def test_shared_digest_sees_data_and_lib_changes(tmp_path):
    for entry in ("data", "lib"):
        shutil.copytree(execute.ROOT / entry, tmp_path / entry, ignore=shutil.ignore_patterns("__pycache__"))
    for entry in ("requirements.txt", "pyproject.toml"):
        shutil.copy(execute.ROOT / entry, tmp_path / entry)
    before = execute.shared_digest(tmp_path)
    assert execute.shared_digest(tmp_path) == before
    csv = tmp_path / "data" / "indicators.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("18.2", "18.3"), encoding="utf-8")
    after_data = execute.shared_digest(tmp_path)
    assert after_data != before
    module = tmp_path / "lib" / "mtcreport" / "fmt.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# edit\n", encoding="utf-8")
    assert execute.shared_digest(tmp_path) not in (before, after_data)


def test_execute_writes_outputs_without_timing_metadata(tmp_path):
    path = tmp_path / "chapter.ipynb"
    make_notebook(path, code="print(6 * 7)")
    execute.execute(path)
    first = path.read_text(encoding="utf-8")
    nb = nbformat.read(path, as_version=4)
    assert nb.cells[1].outputs[0]["text"] == "42\n"
    assert "execution" not in nb.cells[1].metadata
    execute.execute(path)
    assert path.read_text(encoding="utf-8") == first
