"""The data behind every table, one click from its source line.

Each source line under a table names the CSV files it draws on ("data: lineage.csv and
systems.csv", made by ``mtcreport.sources.tables_phrase``). This extension copies every table of
``data/datapackage.json`` into the built site under ``data/`` (same paths as in the repository,
so ``data/external/...`` stays apart) and turns each such file name in a source line into a link
to that copy. A name that is not a table of the package stays plain text.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path

from docutils import nodes

from mtcreport import data

#: Where the data files go, relative to the site's root.
DATA = "data"
_CSV = re.compile(r"[\w.-]+\.csv\b")


def _files() -> dict[str, str]:
    """File name -> path relative to the data folder, for every table of the package."""
    root = data.data_dir()
    return {t.path.name: t.path.relative_to(root).as_posix() for t in data.tables().values()}


def link_source_lines(app, doctree, docname: str) -> None:
    if app.builder.format != "html":
        return
    files = _files()
    here = posixpath.dirname(docname) or "."
    for container in doctree.findall(nodes.Element):
        if "source-line" not in container.get("classes", []):
            continue
        for text in list(container.findall(nodes.Text)):
            if isinstance(text.parent, nodes.reference) or not _CSV.search(text.astext()):
                continue
            parts, last = [], 0
            value = text.astext()
            for found in _CSV.finditer(value):
                name = found.group(0)
                if name not in files:
                    continue
                parts.append(nodes.Text(value[last : found.start()]))
                uri = posixpath.relpath(f"{DATA}/{files[name]}", here)
                parts.append(nodes.reference(name, name, refuri=uri, classes=["mtc-data-link"]))
                last = found.end()
            if parts:
                parts.append(nodes.Text(value[last:]))
                text.parent.replace(text, parts)


def copy_data(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    root = data.data_dir()
    for relative in _files().values():
        target = Path(app.outdir) / DATA / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / relative, target)


def setup(app) -> None:
    app.connect("doctree-resolved", link_source_lines)
    app.connect("build-finished", copy_data)
