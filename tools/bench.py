"""make bench (``python -m tools.bench``): what building and checking the book costs.

Prints a Markdown table, writes _build/bench.json and benchmarks/RESULTS.md. Each figure is
the median of BENCH_RUNS runs (default 3). Builds run in a temporary copy of the book, so the
working tree is never touched; the copy shares .venv. BENCH_GROWTH (default "10,100") sets the
data multipliers of the growth runs ("" skips them).
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

from tools import lighthouse
from tools.paths import ROOT
from tools.paths import VENV_BIN as BIN

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
GROWTH = [int(x) for x in os.environ.get("BENCH_GROWTH", "10,100").split(",") if x.strip()]
#: Steps to run (default all); results of other steps are kept from the last _build/bench.json.
STEPS = os.environ.get(
    "BENCH_STEPS", "floor,peer,builds,data,nbval,make_test,pages,growth,rekey,lighthouse"
).split(",")
#: Tables keyed by something other than id (a year, a claim), or whose ids carry meaning (the
#: indicators' ids name SIPRI's windows, e.g. ``..._2014_18``): copies would be duplicates, not data.
GROWTH_SKIP = {"sipri_tiv", "official_exports", "outcomes", "indicators"}
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
MAKE = ["make", "--no-print-directory", "-o", ".venv/.installed"]  # never reinstall from a copy
NBVAL = [
    "--nbval",
    "--nbval-current-env",
    "--nbval-sanitize-with",
    "tests/nbval_sanitize.cfg",
    "-q",
    "-p",
    "no:cacheprovider",
]


def run(cmd, cwd=ROOT, env=None, check=True) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if check and done.returncode != 0:
        sys.exit(f"bench: {' '.join(map(str, cmd))} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return seconds, done.stdout + done.stderr


def median(values: list[float]) -> float:
    return statistics.median(values)


def copy_book(dest: Path) -> Path:
    """A copy of the book without .git, .venv and _build; .venv is linked, data is private."""
    shutil.copytree(
        ROOT, dest, ignore=shutil.ignore_patterns(".git", ".venv", "_build", "__pycache__", "*.egg-info")
    )
    (dest / ".venv").symlink_to(ROOT / ".venv")
    return dest


def book_env(book: Path, cache: Path) -> dict:
    return {"MTC_DATA_DIR": str(book / "data"), "MTC_VALIDATED_DIR": str(cache)}


def executed(output: str) -> int:
    match = re.search(r"execute: (\d+) executed", output)
    return int(match.group(1)) if match else 0


# --- 1. floor: each chapter executed by nbclient alone -------------------------------------
FLOOR = r"""
import sys, time, nbformat
from nbclient import NotebookClient
path = sys.argv[1]
nb = nbformat.read(path, as_version=4)
start = time.perf_counter()
NotebookClient(nb, kernel_name="python3", timeout=600, resources={"metadata": {"path": sys.argv[2]}},
               extra_arguments=["--IPKernelApp.log_level=ERROR"]).execute()
print("BENCH_SECONDS", time.perf_counter() - start)
"""
IMPORTS_NB = {
    "cells": [{"id": "imports", "cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source":
               "import matplotlib.pyplot, pandas, myst_nb\nimport mtcreport.data, mtcreport.charts_paper, mtcreport.tables"}],
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    "nbformat": 4, "nbformat_minor": 5,
}  # fmt: skip


def reported(output: str, tag: str) -> list[float]:
    """The numbers a helper script printed after ``tag`` (other output, such as warnings, is ignored)."""
    line = next(line for line in output.splitlines() if line.startswith(tag + " "))
    return [float(x) for x in line.split()[1:]]


def execute_alone(notebook: Path, cwd: Path) -> float:
    return reported(run([BIN / "python", "-c", FLOOR, notebook, cwd])[1], "BENCH_SECONDS")[0]


def floor(tmp: Path) -> dict:
    per_chapter = {}
    for chapter in CHAPTERS:
        per_chapter[chapter.stem] = median([execute_alone(chapter, chapter.parent) for _ in range(RUNS)])
    imports = tmp / "imports.ipynb"
    imports.write_text(json.dumps(IMPORTS_NB))
    start_only = median([execute_alone(imports, tmp) for _ in range(RUNS)])
    return {
        "per_chapter_s": per_chapter,
        "sum_s": sum(per_chapter.values()),
        "kernel_and_imports_s": start_only,
    }


def peer(tmp: Path) -> dict:
    per_chapter = {}
    for chapter in CHAPTERS:
        cmd = [BIN / "jupyter", "nbconvert", "--execute", "--to", "html", "--output-dir", tmp, chapter]
        per_chapter[chapter.stem] = median([run(cmd)[0] for _ in range(RUNS)])
    return {"per_chapter_s": per_chapter, "sum_s": sum(per_chapter.values())}


def builds(tmp: Path) -> dict:
    """Cold build, one-chapter edits and a no-change rebuild, in a private copy of the book."""
    results: dict[str, list] = {k: [] for k in ("cold", "markdown_edit", "data_edit", "no_change")}
    counts: dict[str, int] = {}
    for i in range(RUNS):
        book = copy_book(tmp / f"book{i}")
        env = book_env(book, tmp / f"validated{i}")
        seconds, out = run([*MAKE, "book"], cwd=book, env=env)
        results["cold"].append(seconds)
        counts["cold"] = executed(out)
        chapter = book / "chapters" / "03_competition.ipynb"
        nb = json.loads(chapter.read_text())
        cell = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
        cell["source"] = [*cell["source"], "\n\nAn added sentence for the benchmark."]
        chapter.write_text(json.dumps(nb, indent=1) + "\n")
        seconds, out = run([*MAKE, "book"], cwd=book, env=env)
        results["markdown_edit"].append(seconds)
        counts["markdown_edit"] = executed(out)
        denials = book / "data" / "denials.csv"
        denials.write_text(denials.read_text().replace("Tu-22M3 bombers", "Tu-22M3 bombers (edited)"))
        seconds, out = run([*MAKE, "book"], cwd=book, env=env)
        results["data_edit"].append(seconds)
        counts["data_edit"] = executed(out)
        seconds, out = run([*MAKE, "book"], cwd=book, env=env)
        results["no_change"].append(seconds)
        counts["no_change"] = executed(out)
        shutil.rmtree(book)
    return {k: median(v) for k, v in results.items()} | {"executed": counts}


def nbval() -> dict:
    serial = median([run([BIN / "pytest", *NBVAL, "chapters"])[0] for _ in range(RUNS)])
    parallel = median(
        [run([BIN / "pytest", *NBVAL, "-n", "2", "--dist", "loadscope", "chapters"])[0] for _ in range(RUNS)]
    )
    return {"serial_s": serial, "parallel_s": parallel, "ratio": parallel / serial}


LOAD = r"""
import time
start = time.perf_counter()
from mtcreport import data
data.load_all()
cold = time.perf_counter() - start
data.clear_cache()
start = time.perf_counter(); data.load_all(); reparse = time.perf_counter() - start
start = time.perf_counter(); data.load_all(); warm = time.perf_counter() - start
start = time.perf_counter(); data.validate(); validate = time.perf_counter() - start
print("BENCH_DATA", cold, reparse, warm, validate)
"""


def data_costs(tmp: Path) -> dict:
    rows = []
    for i in range(RUNS):
        env = {"MTC_VALIDATED_DIR": str(tmp / f"v{i}")}
        fresh = reported(run([BIN / "python", "-c", LOAD], env=env)[1], "BENCH_DATA")
        cached = reported(run([BIN / "python", "-c", LOAD], env=env)[1], "BENCH_DATA")
        rows.append([*fresh, cached[0]])
    cols = list(zip(*rows, strict=True))
    return {
        "cold_import_and_validate_s": median(cols[0]),
        "cold_import_with_validation_remembered_s": median(cols[4]),
        "reparse_after_cache_clear_s": median(cols[1]),
        "warm_call_s": median(cols[2]),
        "full_validation_in_warm_process_s": median(cols[3]),
    }


class _Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images = []

    def handle_starttag(self, tag, attrs):
        src = dict(attrs).get("src", "")
        if tag == "img" and "_static" not in src:
            self.images.append(src)


def page_weight() -> dict:
    html = ROOT / "_build" / "html"
    pages = {}
    for page in sorted((html / "chapters").glob("*.html")):
        parser = _Images()
        parser.feed(page.read_text(encoding="utf-8"))
        images = sum((page.parent / src).resolve().stat().st_size for src in set(parser.images))
        pages[page.stem] = page.stat().st_size + images
    site = sum(p.stat().st_size for p in html.rglob("*") if p.is_file())
    return {"per_page_bytes": pages, "largest": max(pages, key=pages.get), "site_bytes": site}


def grow(book: Path, factor: int) -> int:
    """Replicate every table's rows factor times (new ids; references unchanged)."""
    import csv

    total = 0
    package = json.loads((book / "data" / "datapackage.json").read_text())
    for resource in package["resources"]:
        # SIPRI's tables are one edition's data, keyed by year and deal: their size is SIPRI's
        if resource["name"] in GROWTH_SKIP or resource["name"].startswith("sipri"):
            continue
        path = book / "data" / resource["path"]
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        header, body = rows[0], rows[1:]
        grown = [*body]
        for k in range(1, factor):
            grown += [[_copy_id(row[0], k), *row[1:]] for row in body]
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows([header, *grown])
        total += len(grown)
    return total


def _copy_id(value: str, k: int) -> str:
    """The id of the k-th copy of a row: a numbered id stays one ("c58" -> "c1058"), so it keeps
    its pattern (claim ids are checked); any other gets a suffix ("su27sk" -> "su27sk_x1")."""
    found = re.fullmatch(r"([a-z]+)(\d+)", value)
    return f"{found.group(1)}{int(found.group(2)) + 1000 * k}" if found else f"{value}_x{k}"


def growth(tmp: Path) -> dict:
    out = {}
    for factor in GROWTH:
        book = copy_book(tmp / f"grow{factor}")
        rows = grow(book, factor)
        env = book_env(book, tmp / f"grow-validated{factor}")
        # Copied rows repeat designations, so the glossary repeats terms and Sphinx warns:
        # the grown book is built without -W.
        execute, _ = run([*MAKE, "notebooks"], cwd=book, env=env)
        sphinx, _ = run([BIN / "jupyter-book", "build", ".", "--all", "--keep-going"], cwd=book, env=env)
        cold = execute + sphinx
        # The stored outputs were made from the real data, so nbval reports mismatches here;
        # only its running time is of interest.
        checks, _ = run(
            [BIN / "pytest", *NBVAL, "-n", "2", "--dist", "loadscope", "chapters"],
            cwd=book,
            env=env,
            check=False,
        )
        out[f"x{factor}"] = {
            "rows": rows,
            "cold_book_s": cold,
            "execute_s": execute,
            "sphinx_s": sphinx,
            "nbval_parallel_s": checks,
        }
        shutil.rmtree(book)
    return out


def rekey(chapters: list[Path] | None = None, lib: Path | None = None) -> dict[str, list[str]]:
    """For each module of ``lib/mtcreport``, the chapters a one-line change in it re-executes:
    those whose execution key covers it (the modules each chapter recorded when it last ran,
    ``metadata.mtcreport.modules``; see ``tools/execute.py``). Nothing is executed."""
    from tools import execute

    lib = lib or execute.LIB  # the package's folder, lib/mtcreport
    modules = {
        "mtcreport" if path.name == "__init__.py" else f"mtcreport.{path.stem}": []
        for path in sorted(lib.glob("*.py"))
    }
    for chapter in chapters or CHAPTERS:
        for module in execute.reads(chapter)["modules"]:
            modules.setdefault(module, []).append(chapter.stem)
    return modules


def rekey_table(modules: dict[str, list[str]]) -> str:
    """The re-key table: module, how many chapters a change re-executes, which (most first)."""
    rows = sorted(modules.items(), key=lambda item: (-len(item[1]), item[0]))
    lines = ["| module | chapters re-executed by a one-line change | which |", "|---|---|---|"]
    lines += [f"| `{m}` | {len(c)} | {', '.join(c) if len(c) < len(CHAPTERS) else 'all'} |" for m, c in rows]
    return "\n".join(lines)


def make_test_warm() -> dict:
    """``make test`` once, warm, with the wall time of each of its steps (tools/timed.sh)."""
    seconds = run(["make", "--no-print-directory", "test"])[0]
    steps = {}
    for line in (ROOT / "_build" / "test-steps.tsv").read_text(encoding="utf-8").splitlines():
        name, step_seconds, _status = line.split("\t")
        steps[name] = float(step_seconds)
    return {"total_s": seconds, "steps_s": steps}


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())  # fmt: skip
    memory = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return f"{os.cpu_count()} cores ({cpu}), {memory / 2**20:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()}"


def table(r: dict) -> str:
    rows = _main_rows(r) if all(k in r for k in ("floor", "peer", "builds", "nbval", "data", "pages")) else []
    return _more_rows(r, rows)


def _main_rows(r: dict) -> list[tuple[str, str, str]]:
    f, p, b, n, d, w = r["floor"], r["peer"], r["builds"], r["nbval"], r["data"], r["pages"]
    return [
        ("Floor: chapters executed by nbclient, serial sum", f"{f['sum_s']:.1f} s", f"{len(CHAPTERS)} chapters"),
        ("Floor: kernel start + imports only", f"{f['kernel_and_imports_s']:.2f} s", "one trivial notebook"),
        ("Peer: nbconvert --execute --to html, sum", f"{p['sum_s']:.1f} s", f"{p['sum_s'] / f['sum_s']:.2f}× floor"),
        ("Cold make book (clean _build)", f"{b['cold']:.1f} s", f"{b['cold'] / f['sum_s']:.2f}× floor; target ≤ 1.0×"),
        ("Markdown edit in one chapter, make book", f"{b['markdown_edit']:.1f} s",
         f"{b['executed']['markdown_edit']} re-executed; {b['markdown_edit'] / f['per_chapter_s']['03_competition']:.1f}× that chapter; target ≤ 1.2×"),
        ("Data row edit (denials.csv), make book", f"{b['data_edit']:.1f} s", f"{b['executed']['data_edit']} re-executed"),
        ("No-change make book", f"{b['no_change']:.1f} s", f"{b['executed']['no_change']} re-executed"),
        ("nbval, serial", f"{n['serial_s']:.1f} s", ""),
        ("nbval, 2 workers (loadscope)", f"{n['parallel_s']:.1f} s", f"{n['ratio']:.2f}× serial"),
        ("Data: cold import + full validation", f"{d['cold_import_and_validate_s']:.2f} s", ""),
        ("Data: cold import, validation remembered", f"{d['cold_import_with_validation_remembered_s']:.2f} s", ""),
        ("Data: warm call (cached)", f"{d['warm_call_s'] * 1000:.2f} ms", "target ≤ 0.3 s"),
        ("Largest page (HTML + own images)", f"{w['per_page_bytes'][w['largest']] / 1e6:.2f} MB", f"{w['largest']}; target ≤ 1 MB"),
        ("Whole site", f"{w['site_bytes'] / 1e6:.1f} MB", ""),
    ]  # fmt: skip


def _more_rows(r: dict, rows: list) -> str:
    test = r.get("make_test_warm")
    if test:
        rows.append(("make test, warm venv", f"{test['total_s']:.1f} s", "target ≤ 60 s"))
        chains = {"lint": "code", "copycheck": "code", "unit tests (pytest -n 2)": "code", "nbval": "code"}
        for name, seconds in test["steps_s"].items():
            if name.startswith("make test"):
                continue
            chain = chains.get(name, "site")
            rows.append(
                (f"make test step: {name}", f"{seconds:.1f} s", f"{chain} chain (the two run side by side)")
            )
    for key, g in r.get("growth", {}).items():
        rows.append((f"Growth {key} ({g['rows']:,} rows): cold make book", f"{g['cold_book_s']:.1f} s", ""))
        rows.append(
            (f"Growth {key}: nbval, 2 workers", f"{g['nbval_parallel_s']:.1f} s", "outputs differ by design")
        )
    if r.get("lighthouse"):
        lh = r["lighthouse"]
        worst = min(lh, key=lambda page: lh[page]["performance"])
        heaviest = max(lh, key=lambda page: lh[page]["bytes"])
        rows += [
            ("Lighthouse mobile: lowest performance", f"{lh[worst]['performance']}", f"{worst}; target ≥ 90"),
            ("Lighthouse mobile: slowest largest paint", f"{max(p['lcp_s'] for p in lh.values()):.1f} s", ""),
            ("Lighthouse: heaviest page, gzipped, with assets", f"{lh[heaviest]['bytes'] / 1e3:.0f} kB",
             f"{heaviest}; target ≤ 600 kB"),
            ("Lighthouse: accessibility / best practices / SEO, lowest",
             " / ".join(str(min(p[c] for p in lh.values())) for c in ("accessibility", "best-practices", "seo")), ""),
        ]  # fmt: skip
    lines = ["| measure | value | note |", "|---|---|---|"] + [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(lines)


def main() -> int:
    if not (BIN / "python").exists():
        sys.exit("bench: run `make venv` first")
    out = ROOT / "_build" / "bench.json"
    results: dict = json.loads(out.read_text()) if out.exists() else {}
    results.update({"runs": RUNS, "machine": machine(), "date": time.strftime("%Y-%m-%d")})
    steps = {
        "floor": floor,
        "peer": peer,
        "builds": builds,
        "data": lambda tmp: data_costs(tmp),
        "nbval": lambda tmp: nbval(),
        "make_test": lambda tmp: make_test_warm(),
        "pages": lambda tmp: page_weight(),
        "growth": growth,
        "rekey": lambda tmp: rekey(),
        "lighthouse": lambda tmp: lighthouse.run(),
    }
    keys = {"make_test": "make_test_warm"}
    with tempfile.TemporaryDirectory(prefix="mtc-bench-") as name:
        for step in STEPS:
            if step == "growth" and not GROWTH:
                continue
            print(f"bench: {step} …", flush=True)
            results[keys.get(step, step)] = steps[step](Path(name))
            out.parent.mkdir(exist_ok=True)
            out.write_text(json.dumps(results, indent=2) + "\n")  # keep what is done if a later step fails
    rekeyed = (
        "## What a one-line change in a module re-executes\n\n"
        "Chapters whose execution key covers each module of `lib/mtcreport` "
        "(from the module lists the chapters recorded when they last ran).\n\n"
        + rekey_table(results.get("rekey") or rekey())
    )
    if not all(k in results for k in ("floor", "peer", "builds", "nbval", "data", "pages")):
        print(rekeyed)  # the timings are not all measured yet: RESULTS.md is left as it is
        return 0
    text = table(results) + "\n\n" + rekeyed
    print(text)
    (ROOT / "benchmarks" / "RESULTS.md").write_text(
        "# Benchmark results\n\n"
        f"Written by `make bench` on {results['date']}: {results['machine']}. Median of {RUNS} runs; "
        "raw figures in `_build/bench.json`. See `tools/bench.py` for what each line measures.\n\n"
        + text
        + "\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
