"""Less machinery between the reader and the text (issue 20), part of the book's Sphinx extension.

- A code cell with nothing to show (imports, numbers glued into the prose) is left out of the
  page: its folded "Show code cell source" bar led nowhere a reader needed. The notebook keeps the
  cell, and nbval still runs it. Cells with an output keep their folded code.
- The fold's summary holds its two labels in ``<span>``, not ``<p>`` (HTML allows no paragraph in a
  ``<summary>``; the Nu HTML Checker reported one error per folded cell).
"""

from __future__ import annotations

import re

from docutils import nodes


def _classes(node) -> list[str]:
    return node.get("classes", []) if isinstance(node, nodes.Element) else []


def drop_silent_cells(app, doctree, docname) -> None:
    """Remove every code cell whose output is empty."""
    for cell in list(doctree.findall(nodes.container)):
        if "cell" in _classes(cell) and not _has_output(cell):
            cell.parent.remove(cell)


def _has_output(cell: nodes.Element) -> bool:
    """A cell shows something if its output container holds any text, image or raw markup."""
    for child in cell.findall(nodes.container):
        if "cell_output" not in _classes(child):
            continue
        if child.astext().strip() or next(child.findall(nodes.image), None) or next(child.findall(nodes.raw), None):
            return True
    return False


SUMMARY = re.compile(
    r'(<summary[^>]*>\s*)<p class="(collapsed|expanded) admonition-title">(.*?)</p>\s*'
    r'<p class="(collapsed|expanded) admonition-title">(.*?)</p>(\s*</summary>)',
    re.DOTALL,
)


def summary_spans(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body")
    if body and "<summary" in body:
        context["body"] = SUMMARY.sub(
            r'\1<span class="\2 admonition-title">\3</span><span class="\4 admonition-title">\5</span>\6', body
        )


def setup(app) -> None:
    app.connect("doctree-resolved", drop_silent_cells)
    app.connect("html-page-context", summary_spans, priority=900)
