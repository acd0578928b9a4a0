"""Charts in the HTML book: inline SVG, with their data and image one click away.

A chapter's chart cell (a code cell with ``mystnb.figure`` metadata) stores the figure as
``image/svg+xml`` that carries its plotted values as CSV (``mtcreport.figures``). For
each such figure this extension

- writes ``figures/<name>.svg`` and ``figures/<name>.csv`` into the built site (``<name>`` is
  the figure's label, e.g. ``fig-engines``);
- puts the SVG inline in the page instead of an ``<img>``, so each bar or point shows its label
  and value on hover (the SVG's ``<title>`` elements) and its text stays text; every id inside is
  prefixed with the figure's label, so two charts on one page never share an id;
- adds a line under the caption: "Data (CSV)" and "SVG", links to those two files;
- on a phone, a tap on the chart shows it at full size in a sideways-scrolling frame
  (``_static/charts.js``);
- ships the DejaVu Sans fonts that matplotlib draws with (subset to the characters of Latin
  text, as WOFF, with fontTools), so the browser sets the text as matplotlib measured it.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path

from docutils import nodes

from mtcreport import figures

SVG_MIME = "image/svg+xml"
#: Where the figures' files go, relative to the site's root.
FIGURES = "figures"
#: The fonts matplotlib ships, as served by the site (``_static/fonts``).
FONTS = {
    "DejaVuSans.ttf": ("normal", "dejavu-sans.woff"),
    "DejaVuSans-Bold.ttf": ("bold", "dejavu-sans-bold.woff"),
}
#: Characters kept in the font subsets: Latin text, punctuation, arrows, minus and the like.
UNICODES = [
    *range(0x20, 0x7F),
    *range(0xA0, 0x180),
    *range(0x2010, 0x2060),
    *range(0x2190, 0x21A0),
    0x2212,
    0x2264,
    0x2265,
    0x25B2,
    0x25BC,
]


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else value


def notebook_figures(path: Path) -> dict[str, dict[str, str]]:
    """``{figure label: {"svg": ..., "csv": ..., "alt": ...}}`` for a notebook's chart cells."""
    found: dict[str, dict[str, str]] = {}
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        meta = cell.get("metadata", {}).get("mystnb", {})
        name = meta.get("figure", {}).get("name")
        if cell["cell_type"] != "code" or not name:
            continue
        bundles = [o["data"] for o in cell.get("outputs", []) if SVG_MIME in o.get("data", {})]
        if len(bundles) != 1:
            raise ValueError(f"{path.name}: figure {name!r} has {len(bundles)} SVG outputs (expected one)")
        svg = _text(bundles[0][SVG_MIME])
        try:
            values = figures.values_in(svg)
        except ValueError as error:
            raise ValueError(f"{path.name}: figure {name!r}: {error}") from None
        found[name] = {
            "svg": svg,
            "csv": values,
            "alt": meta.get("image", {}).get("alt", ""),
        }
    return found


_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.S)
_ID = re.compile(r'\bid="([^"]+)"')


def inline_svg(svg: str, prefix: str, label: str) -> str:
    """The SVG as an element for an HTML page: no XML prolog, ids prefixed, labelled for
    screen readers, scaled to the column by CSS."""
    svg = _PROLOG.sub("", figures.without_values(svg), count=1)
    ids = sorted(set(_ID.findall(svg)), key=len, reverse=True)
    for old in ids:
        new = f"{prefix}-{old}"
        svg = svg.replace(f'id="{old}"', f'id="{new}"').replace(f"#{old})", f"#{new})")
        svg = svg.replace(f'href="#{old}"', f'href="#{new}"')
    # SVG 2's plain href (the markers' <use>), which WeasyPrint's printer follows as browsers do
    svg = svg.replace(' xlink:href="#', ' href="#')
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label)}" class="mtc-svg" ', 1)


def standalone_svg(svg: str, fonts_url: str) -> str:
    """The SVG file offered for download: as stored, with the fonts it is drawn in linked."""
    faces = "".join(
        f'@font-face {{ font-family: "DejaVu Sans"; font-weight: {weight}; '
        f'src: url("{fonts_url}/{woff}") format("woff"); }}'
        for weight, woff in FONTS.values()
    )
    return re.sub(r"(<svg\b[^>]*>)", rf"\1\n <style>{faces}</style>", svg, count=1)


def _figure_name(figure: nodes.figure) -> str | None:
    return next((i for i in figure["ids"] if i.startswith("fig-")), None)


def add_charts(app, doctree, docname: str) -> None:
    if app.builder.format != "html":
        return
    source = Path(app.env.doc2path(docname))
    if source.suffix != ".ipynb":
        return
    charts = notebook_figures(source)
    if not charts:
        return
    outdir = Path(app.outdir) / FIGURES
    outdir.mkdir(parents=True, exist_ok=True)
    here = posixpath.dirname(docname)
    for figure in list(doctree.findall(nodes.figure)):
        name = _figure_name(figure)
        if name not in charts:
            continue
        chart = charts[name]
        images = [i for i in figure.findall(nodes.image) if str(i["uri"]).endswith(".svg")]
        if len(images) != 1:
            raise ValueError(f"{docname}: figure {name!r} shows {len(images)} SVG images (expected one)")
        (outdir / f"{name}.svg").write_text(
            standalone_svg(chart["svg"], "../_static/fonts"), encoding="utf-8"
        )
        (outdir / f"{name}.csv").write_text(chart["csv"], encoding="utf-8")
        raw = nodes.raw(
            "",
            f'<div class="mtc-chart" data-figure="{name}">'
            f"{inline_svg(chart['svg'], name, chart['alt'] or name)}</div>",
            format="html",
        )
        images[0].replace_self(raw)
        link = posixpath.relpath(f"{FIGURES}/{name}", here or ".")
        links = nodes.raw(
            "",
            f'<p class="mtc-figure-links"><a href="{link}.csv" download>Data (CSV)</a>'
            f' <span aria-hidden="true">·</span> <a href="{link}.svg">SVG</a>'
            f'<span class="mtc-tap-hint"> · tap the chart to enlarge it</span></p>',
            format="html",
        )
        figure.append(links)


def drop_stale_figures(app, exception) -> None:
    """Remove files of figures no chapter draws any more (a figure renamed or deleted since an
    earlier build into the same folder)."""
    if exception is not None or app.builder.format != "html":
        return
    folder = Path(app.outdir) / FIGURES
    if not folder.is_dir():
        return
    current = set()
    for docname in app.env.all_docs:
        source = Path(app.env.doc2path(docname))
        if source.suffix == ".ipynb":
            current |= set(notebook_figures(source))
    for path in folder.iterdir():
        if path.stem not in current:
            path.unlink()


def ship_fonts(app, exception) -> None:
    """Subset matplotlib's DejaVu fonts into ``_static/fonts`` as WOFF (made once per matplotlib
    version, kept beside the build in ``_build/.fonts``, then copied)."""
    if exception is not None or app.builder.format != "html":
        return
    import logging
    import shutil

    import matplotlib
    from fontTools import subset

    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # "FFTM NOT subset": harmless
    fonts = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    cache = Path(app.outdir).parent / ".fonts" / matplotlib.__version__
    target = Path(app.outdir) / "_static" / "fonts"
    target.mkdir(parents=True, exist_ok=True)
    for ttf, (_, woff) in FONTS.items():
        made = cache / woff
        if not made.exists():
            cache.mkdir(parents=True, exist_ok=True)
            options = subset.Options()
            options.flavor = "woff"
            options.layout_features = ["*"]
            font = subset.load_font(str(fonts / ttf), options)
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=UNICODES)
            subsetter.subset(font)
            subset.save_font(font, str(made), options)
        shutil.copyfile(made, target / woff)


def setup(app) -> None:
    app.connect("doctree-resolved", add_charts)
    app.connect("build-finished", ship_fonts)
    app.connect("build-finished", drop_stale_figures)
