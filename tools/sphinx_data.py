"""The data behind every table, one click from its source line.

Each source line under a table names the CSV files it draws on ("data: lineage.csv and
systems.csv", made by ``mtcreport.sources.tables_phrase``). This extension copies every table of
``data/datapackage.json`` into the built site under ``data/`` (same paths as in the repository,
so ``data/external/...`` stays apart) and turns each such file name in a source line into a link
to that copy. A name that is not a table of the package stays plain text. The data appendix a
SIPRI source line sends the reader to ("see Appendix: the data") becomes a link to it.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path

from docutils import nodes

from mtcreport import data
from mtcreport.sources import DATA_APPENDIX

#: Where the data files go, relative to the site's root.
DATA = "data"
_CSV = re.compile(r"[\w.-]+\.csv\b")
#: The page documenting the data, which source lines name by its title (:data:`DATA_APPENDIX`).
APPENDIX_PAGE = "chapters/appendix_data"
_LINKED = re.compile(rf"{_CSV.pattern}|{re.escape(DATA_APPENDIX)}")


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
            if isinstance(text.parent, nodes.reference) or not _LINKED.search(text.astext()):
                continue
            parts, last = [], 0
            value = text.astext()
            for found in _LINKED.finditer(value):
                name = found.group(0)
                if name == DATA_APPENDIX:
                    uri = app.builder.get_relative_uri(docname, APPENDIX_PAGE)
                    link = nodes.reference(name, name, refuri=uri, classes=["mtc-appendix-link"])
                elif name in files:
                    uri = posixpath.relpath(f"{DATA}/{files[name]}", here)
                    link = nodes.reference(name, name, refuri=uri, classes=["mtc-data-link"])
                else:
                    continue
                parts += [nodes.Text(value[last : found.start()]), link]
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
