"""Charts in the HTML book: inline SVG, with their data and image one click away.

A chapter's chart cell (a code cell with ``mystnb.figure`` metadata) stores the figure as
``image/svg+xml`` that carries its plotted values as CSV (``mtcreport.figures``). For
each such figure this extension

- writes ``figures/<name>.svg`` and ``figures/<name>.csv`` into the built site (``<name>`` is
  the figure's label, e.g. ``fig-engines``);
- puts the SVG inline in the page instead of an ``<img>``, so each bar or point shows its label
  and value on hover (the SVG's ``<title>`` elements) and its text stays text; every id inside is
  prefixed with the figure's label, so two charts on one page never share an id;
- adds a line under the caption: "Data (CSV)" and "SVG", links to those two files, and a
  "Cite this figure" line (from ``CITATION.cff``);
- gives the SVG file a ``<title>`` (the figure's number and caption) and a credit line under the
  drawing, and describes every figure file in ``figures/datapackage.json`` (a Frictionless data
  package: title, source line with the SIPRI edition, licence, how to cite, the CSV's columns);
- puts the chart's phone layout (drawn by the same chart function, stored in the same output,
  ``mtcreport.chartkit``) inline beside it, and lets the width of the chart's place choose which
  of the two a reader sees (``_static/custom.css``: the phone drawing where the column is
  narrower than the desktop drawing's own width; print always shows the desktop one);
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
            "twins": figures.twins_in(svg),
        }
    return found


_PROLOG = re.compile(r"\A.*?(?=<svg\b)", re.S)
_ID = re.compile(r'\bid="([^"]+)"')


def inline_svg(svg: str, prefix: str, label: str, layout: str = "desktop") -> str:
    """The SVG as an element for an HTML page: no XML prolog, ids prefixed, labelled for
    screen readers, scaled to the column by CSS, classed by its ``layout`` (``mtc-desktop``)."""
    svg = _PROLOG.sub("", figures.without_values(svg), count=1)
    ids = sorted(set(_ID.findall(svg)), key=len, reverse=True)
    for old in ids:
        new = f"{prefix}-{old}"
        svg = svg.replace(f'id="{old}"', f'id="{new}"').replace(f"#{old})", f"#{new})")
        svg = svg.replace(f'href="#{old}"', f'href="#{new}"')
    # SVG 2's plain href (the markers' <use>), which WeasyPrint's printer follows as browsers do
    svg = svg.replace(' xlink:href="#', ' href="#')
    return svg.replace(
        "<svg ", f'<svg role="img" aria-label="{html.escape(label)}" class="mtc-svg mtc-{layout}" ', 1
    )


def standalone_svg(svg: str, fonts_url: str) -> str:
    """The SVG file offered for download: as stored, with the fonts it is drawn in linked."""
    faces = "".join(
        f'@font-face {{ font-family: "DejaVu Sans"; font-weight: {weight}; '
        f'src: url("{fonts_url}/{woff}") format("woff"); }}'
        for weight, woff in FONTS.values()
    )
    return re.sub(r"(<svg\b[^>]*>)", rf"\1\n <style>{faces}</style>", svg, count=1)


def credited_svg(svg: str, title: str, credit: str) -> str:
    """The SVG with a ``<title>`` (``title``) and ``credit`` written under the drawing, in the
    source line's small grey type, the canvas made taller to hold it."""
    found = re.search(r'<svg\b[^>]*\bheight="([\d.]+)pt"[^>]*viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    if not found:
        raise ValueError("credited_svg: the SVG has no height in points and viewBox to extend")
    height, width, box = (float(v) for v in found.groups())
    extra = 14.0
    opening = found.group(0)
    taller = opening.replace(f'height="{found.group(1)}pt"', f'height="{height + extra:g}pt"').replace(
        f'viewBox="0 0 {found.group(2)} {found.group(3)}"', f'viewBox="0 0 {found.group(2)} {box + extra:g}"'
    )
    svg = svg.replace(opening, taller, 1)
    svg = re.sub(
        r"(<svg\b[^>]*>)", lambda m: f"{m.group(1)}\n <title>{html.escape(title)}</title>", svg, count=1
    )
    text = (
        f'<text x="{width * 0.01:g}" y="{box + extra - 4:g}" '
        f"style=\"font: 8.5px 'DejaVu Sans'; fill: #444444\">"
        f"{html.escape(credit)}</text>"
    )
    return svg.replace("</svg>", f" {text}\n</svg>", 1)


def cite_line(number: str, name: str) -> str:
    """How to cite one figure: the report (``CITATION.cff``), its version, the figure."""
    from mtcreport import citation

    meta = citation.cff()
    authors = "; ".join(a.get("name") or f"{a['family-names']}, {a['given-names']}" for a in meta["authors"])
    year = str(meta["date-released"])[:4]
    where = f", {meta['url']}" if meta.get("url") else ""
    title = f"\u201c{meta['title']}\u201d"
    return f"{authors} ({year}), {title}, version {meta['version']}, {number} ({name}){where}."


def credit_line(number: str) -> str:
    """The credit written under a downloaded figure: the report, its version, the figure."""
    from mtcreport import citation

    meta = citation.cff()
    return f"From \u201c{meta['title']}\u201d, version {meta['version']}, {number}."


#: The licence of a figure drawn from SIPRI's data, and of one drawn from the report's own tables
#: (the report declares no licence: CITATION.cff and the README name none).
SIPRI_TERMS = {
    "name": "SIPRI-terms",
    "path": "https://www.sipri.org/databases/armstransfers",
    "title": "SIPRI Arms Transfers Database, \u00a9 SIPRI: see SIPRI's website for its terms of use",
}
NO_LICENCE = {
    "name": "NOASSERTION",
    "title": "No licence declared: the report names none (CITATION.cff); cite it as shown",
}


def _field_type(values: list[str]) -> str:
    present = [v for v in values if v != ""]
    for kind, pattern in (("integer", r"-?\d+"), ("number", r"-?\d+(\.\d+)?"), ("boolean", r"True|False")):
        if present and all(re.fullmatch(pattern, v) for v in present):
            return kind
    return "string"


def describe_figure(name: str, title: str, source: str, cite: str, csv_text: str) -> dict:
    """The Frictionless resource describing one figure's CSV (and naming its SVG)."""
    import csv as csvlib
    import io

    rows = list(csvlib.reader(io.StringIO(csv_text)))
    header, body = rows[0], rows[1:]
    fields = [
        {
            "name": column,
            "type": _field_type([row[i] for row in body]),
            **(
                {"trueValues": ["True"], "falseValues": ["False"]}
                if _field_type([row[i] for row in body]) == "boolean"
                else {}
            ),
        }
        for i, column in enumerate(header)
    ]
    return {
        "name": name,
        "path": f"{name}.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": title,
        "description": source,
        "sources": [{"title": source}],
        "licenses": [SIPRI_TERMS if "SIPRI" in source else NO_LICENCE],
        "x-citation": cite,
        "x-image": f"{name}.svg",
        "schema": {"fields": fields, "missingValues": [""]},
    }


def write_descriptor(app, exception) -> None:
    """``figures/datapackage.json``: every figure file of the build, described."""
    if exception is not None or app.builder.format != "html":
        return
    found = getattr(app.env, "mtc_figures", {})
    if not found:
        return
    from mtcreport import citation

    meta = citation.cff()
    package = {
        "name": "russia-china-mtc-figures",
        "title": f"The figures of \u201c{meta['title']}\u201d, version {meta['version']}",
        "description": (
            "Each figure's plotted values as CSV (one row per value a reader can hover) and its SVG."
        ),
        "version": str(meta["version"]),
        "resources": [found[name] for name in sorted(found)],
    }
    target = Path(app.outdir) / FIGURES / "datapackage.json"
    target.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


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
        number = ".".join(map(str, app.env.toc_fignumbers.get(docname, {}).get("figure", {}).get(name, ())))
        number = f"Fig. {number}" if number else "Figure"
        caption = next((c.astext() for c in figure.findall(nodes.caption)), name)
        caption = re.sub(r"^Fig\. [\d.]+\s*", "", caption)
        cite = cite_line(number, name)
        source = figures.source_of(chart["svg"])
        app.env.mtc_figures = getattr(app.env, "mtc_figures", {})
        app.env.mtc_figures[name] = describe_figure(name, f"{number}: {caption}", source, cite, chart["csv"])
        (outdir / f"{name}.svg").write_text(
            credited_svg(
                standalone_svg(figures.without_twins(chart["svg"]), "../_static/fonts"),
                f"{number}: {caption}",
                credit_line(number),
            ),
            encoding="utf-8",
        )
        (outdir / f"{name}.csv").write_text(chart["csv"], encoding="utf-8")
        label = chart["alt"] or name
        drawings = inline_svg(chart["svg"], name, label) + "".join(
            inline_svg(twin, f"{name}-{layout}", label, layout) for layout, twin in chart["twins"].items()
        )
        raw = nodes.raw("", f'<div class="mtc-chart" data-figure="{name}">{drawings}</div>', format="html")
        images[0].replace_self(raw)
        link = posixpath.relpath(f"{FIGURES}/{name}", here or ".")
        links = nodes.raw(
            "",
            f'<p class="mtc-figure-links"><a href="{link}.csv" download>Data (CSV)</a>'
            f' <span aria-hidden="true">·</span> <a href="{link}.svg">SVG</a></p>'
            f'<p class="mtc-cite">Cite this figure: {html.escape(cite)}</p>',
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
    app.connect("build-finished", write_descriptor)
