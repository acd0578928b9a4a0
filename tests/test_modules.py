"""Module boundaries follow the chapters that read them: a change re-executes only the chapters
whose execution key covers the module (``make bench`` prints the whole table)."""

import ast
import subprocess
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

import mtcreport
from mtcreport import style
from tools import bench

LIB = Path(mtcreport.__file__).parent


def _imports(module: str) -> set[str]:
    """The ``mtcreport`` modules a module of the package imports at its top level."""
    tree = ast.parse((LIB / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "mtcreport":
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mtcreport."):
            found.add(node.module.split(".", 1)[1])
    return found


def test_a_chapter_7_chart_fix_re_executes_at_most_two_chapters():
    readers = bench.rekey()["mtcreport.charts_hindsight"]
    assert set(readers) <= {"07_hindsight", "findings"} and len(readers) <= 2


def test_the_paper_chapters_never_import_chapter_7_code():
    modules = bench.rekey()
    for module in ("mtcreport.charts_hindsight", "mtcreport.hindsight", "mtcreport.hindsight_tables"):
        assert not [c for c in modules[module] if c[:2] in {"00", "01", "02", "03", "04", "05", "06"}], module


def test_style_holds_colours_and_sizes_only():
    """Apart from ``apply_style``, every public name of ``style`` is a colour, a size or a table
    of them; drawing and source lines live in ``chartkit`` and ``sources``."""
    functions = [n for n, v in vars(style).items() if callable(v) and not n.startswith("_")]
    assert functions == ["apply_style"]
    for name, value in vars(style).items():
        if name.isupper():
            assert isinstance(value, str | int | float | tuple | list | dict), name


def test_analysis_modules_import_no_display_code():
    assert _imports("hindsight") == {"sipri"}
    assert _imports("beyond") == {"sipri"}  # chapter 8's analysis; its tables are in beyond_tables
    assert not {"hindsight", "charts_paper", "charts_hindsight"} & _imports("hindsight_tables")
    assert not {"charts_paper", "charts_hindsight"} & (_imports("chartkit") | _imports("style"))
    assert "charts_hindsight" not in _imports("charts_paper")
    assert "charts_paper" not in _imports("charts_hindsight")


def test_the_package_imports_no_submodule_but_data():
    """``import mtcreport`` must not load the other modules, or every chapter would import all."""
    code = "import sys, mtcreport; print(sorted(m for m in sys.modules if m.startswith('mtcreport.')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['mtcreport.data']"


def test_the_rekey_table_counts_the_modules_each_chapter_recorded(tmp_path):
    for name, modules in {"a": ["mtcreport", "mtcreport.x"], "b": ["mtcreport", "mtcreport.y"]}.items():
        nb = new_notebook(cells=[new_code_cell("1")])
        nb.metadata["mtcreport"] = {"tables": [], "modules": modules, "key": "k"}
        nbformat.write(nb, tmp_path / f"{name}.ipynb")
    lib = tmp_path / "mtcreport"
    lib.mkdir()
    for name in ("__init__", "x", "y", "z"):
        (lib / f"{name}.py").write_text("")
    counts = bench.rekey(sorted(tmp_path.glob("*.ipynb")), lib=lib)
    assert counts == {"mtcreport": ["a", "b"], "mtcreport.x": ["a"], "mtcreport.y": ["b"], "mtcreport.z": []}
    table = bench.rekey_table(counts)
    assert "| `mtcreport.x` | 1 | a |" in table and "| `mtcreport.z` | 0 |  |" in table
