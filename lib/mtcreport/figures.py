"""Charts as the book shows them: vector SVG whose marks name their values, and the plotted values
as CSV.

A chart function records each bar, point or segment it draws with :func:`mark`, giving the text a
reader sees on hovering it and the values behind it::

    bar = ax.bar(year, tiv)[0]
    figures.mark(bar, f"{year}: {tiv} million TIV", year=year, tiv_millions=tiv)

:func:`svg` writes the figure as SVG (text kept as text, in the DejaVu fonts that ship with
matplotlib; no date and fixed ids, so a re-run gives the same bytes) with a ``<title>`` in each
marked element, which browsers show on hover. :func:`csv` gives the recorded values, one row per
mark: exactly what is drawn. :func:`install` makes a notebook display every figure as both, so
the chapter's cell needs nothing more than the chart call. The SVG carries the CSV in a
``<metadata>`` element (:func:`values_in`), so the notebook stores one output, nbval compares both
at once, and the book's Sphinx extension (``tools/sphinx_charts.py``) puts the SVG inline and
links both files under the caption.

A chart drawn in two layouts (:func:`mtcreport.chartkit.chart`) carries its phone twin
(:func:`attach`); :func:`svg` stores the twin's SVG in a second ``<metadata>`` element
(:func:`twins_in`), so the one output holds both drawings, and the book shows the one that fits.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass, field

import pandas as pd

SVG_MIME = "image/svg+xml"
#: The id of the SVG ``<metadata>`` element that carries the plotted values as CSV.
VALUES_ID = "mtcreport-values"
#: The id prefix of the ``<metadata>`` elements that carry a figure's twins (``mtcreport-layout-phone``).
TWIN_ID = "mtcreport-layout-"
#: The id of the SVG ``<desc>`` element that carries the figure's source line.
DESC_ID = "mtcreport-source"


@dataclass(frozen=True)
class Mark:
    gid: str
    title: str
    values: dict = field(default_factory=dict)


def mark(artist, title: str, **values):
    """Record ``artist`` (a bar, a marker, a line segment) with its hover text and its values.

    ``values`` become one row of the figure's CSV (column names are the keywords); ``title`` is
    what a reader sees on hovering the element. Returns the artist.
    """
    fig = artist.get_figure()
    if fig is None:
        raise ValueError(f"mark: {artist!r} is not on a figure yet (add it to an axes first)")
    if not title.strip():
        raise ValueError("mark: a marked element needs a title")
    marks = marks_of(fig)
    gid = f"mtc-mark-{len(marks) + 1}"
    artist.set_gid(gid)
    marks.append(Mark(gid, title, dict(values)))
    return artist


def marks_of(fig) -> list[Mark]:
    """The marks recorded on ``fig``, in the order they were drawn."""
    fig = getattr(fig, "figure", fig)
    if not hasattr(fig, "_mtcreport_marks"):
        fig._mtcreport_marks = []
    return fig._mtcreport_marks


def twins_of(fig) -> dict:
    """The other layouts of ``fig`` (:func:`attach`): ``{layout name: figure}``."""
    fig = getattr(fig, "figure", fig)
    return getattr(fig, "_mtcreport_twins", {})


def attach(fig, twin, name: str) -> None:
    """Attach ``twin`` (the same chart in the layout ``name``) to ``fig``. Both must record the
    same marks, hover text and values alike, in the same order (an error otherwise), so the
    reader meets the same titles and downloads the same CSV whichever drawing the page shows."""
    ours, theirs = marks_of(fig), marks_of(twin)
    if [(m.title, m.values) for m in ours] != [(m.title, m.values) for m in theirs]:
        differ = next(
            (
                f"{a.title!r} / {b.title!r}"
                for a, b in zip(ours, theirs, strict=False)
                if (a.title, a.values) != (b.title, b.values)
            ),
            f"{len(ours)} marks / {len(theirs)} marks",
        )
        raise ValueError(f"the {name} layout of a chart draws other marks than its desktop layout: {differ}")
    if not re.fullmatch(r"[a-z]+", name):
        raise ValueError(f"a layout's name is lower-case letters, not {name!r}")
    if not hasattr(fig, "_mtcreport_twins"):
        fig._mtcreport_twins = {}
    fig._mtcreport_twins[name] = twin


def describe(fig, source: str) -> None:
    """Record the figure's source line, which :func:`svg` writes into the SVG's ``<desc>``
    (where the book's figure descriptor reads it: ``tools/sphinx_charts.py``)."""
    fig._mtcreport_source = " ".join(source.split())


def source_of(svg_text: str) -> str:
    """The source line :func:`svg` stored in an SVG's ``<desc>`` (empty if none)."""
    found = _DESC.search(svg_text)
    return html.unescape(found.group(1)) if found else ""


def values(fig) -> pd.DataFrame:
    """The plotted values: one row per mark, columns in the order they first appear."""
    marks = marks_of(fig)
    if not marks:
        raise ValueError("figure has no marked values: every chart records what it draws with figures.mark")
    columns: list[str] = []
    for m in marks:
        columns += [c for c in m.values if c not in columns]
    # years and counts stay whole numbers beside a missing value (None), not 2017.0
    return pd.DataFrame([m.values for m in marks], columns=columns).convert_dtypes()


def csv(fig) -> str:
    """The plotted values as CSV (UTF-8 text, ``\\n`` line ends, no index)."""
    return values(fig).to_csv(index=False, lineterminator="\n")


_OPEN_GROUP = '<g id="{gid}">'


def svg(fig) -> str:
    """The figure as SVG text, each marked element carrying its ``<title>``, the plotted values
    (:func:`csv`) in a ``<metadata id="mtcreport-values">`` element.

    Deterministic: no ``<dc:date>``, clip-path ids from the fixed ``svg.hashsalt``. A mark whose
    element is missing from the drawing (never drawn, or hidden) is an error, so the hover texts
    and the CSV always describe the same elements.
    """
    import matplotlib as mpl

    buffer = io.StringIO()
    with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": "mtcreport"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    for m in marks_of(fig):
        group = _OPEN_GROUP.format(gid=m.gid)
        if text.count(group) != 1:
            raise ValueError(f"mark {m.gid} ({m.title!r}) is not drawn once in the SVG")
        text = text.replace(group, f"{group}\n   <title>{html.escape(m.title, quote=False)}</title>")
    values = f'<metadata id="{VALUES_ID}">{html.escape(csv(fig), quote=False)}</metadata>\n'
    if getattr(fig, "_mtcreport_source", ""):
        values = f'<desc id="{DESC_ID}">{html.escape(fig._mtcreport_source, quote=False)}</desc>\n ' + values
    for name, twin in twins_of(fig).items():
        drawn = _PROLOG.sub("", without_values(svg(twin)), count=1)
        values += f' <metadata id="{TWIN_ID}{name}">{html.escape(drawn, quote=False)}</metadata>\n'
    return _SVG_OPEN.sub(lambda found: found.group(0) + "\n " + values, text, count=1)


_SVG_OPEN = re.compile(r"<svg\b[^>]*>")
_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.S)
_VALUES = re.compile(rf'<metadata id="{VALUES_ID}">(.*?)</metadata>\n?', re.S)
_DESC = re.compile(r'<desc id="mtcreport-source">(.*?)</desc>', re.S)
_TWINS = re.compile(rf' ?<metadata id="{TWIN_ID}([a-z]+)">(.*?)</metadata>\n?', re.S)


def values_in(svg_text: str) -> str:
    """The CSV that :func:`svg` stored in an SVG (an error if there is none)."""
    found = _VALUES.search(svg_text)
    if not found:
        raise ValueError(f"SVG has no plotted values (no <metadata id={VALUES_ID!r}>)")
    return html.unescape(found.group(1))


def without_values(svg_text: str) -> str:
    """The SVG without its stored CSV and twins (for a page, which links the CSV instead, and
    for the file offered for download)."""
    return _TWINS.sub("", _VALUES.sub("", svg_text, count=1))


def without_twins(svg_text: str) -> str:
    """The SVG without the drawings of its other layouts (the file offered for download)."""
    return _TWINS.sub("", svg_text)


def twins_in(svg_text: str) -> dict[str, str]:
    """The drawings of the other layouts that :func:`svg` stored in an SVG: ``{name: SVG}``."""
    return {name: html.unescape(drawn) for name, drawn in _TWINS.findall(svg_text)}


def install() -> None:
    """In a notebook, display every figure as the SVG of :func:`svg` (instead of a PNG).
    Outside IPython it does nothing."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency of the book
        return
    shell = get_ipython()
    if shell is None:
        return
    # The inline backend sets its own formatters (PNG) when its module is first imported, which
    # pyplot does lazily, at the first figure; import it now, so that what follows wins.
    import matplotlib_inline.backend_inline  # noqa: F401  (ships with ipykernel)
    from matplotlib.figure import Figure

    formatters = shell.display_formatter.formatters
    for formatter in formatters.values():
        formatter.pop(Figure, None)
    formatters[SVG_MIME].for_type(Figure, svg)
